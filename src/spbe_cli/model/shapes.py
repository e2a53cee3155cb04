"""Validation shapes built directly on pydantic_core.

Pydantic's `BaseModel` machinery costs about 80 ms of start-up (its import, one class build per
model, the plugin loader's importlib.metadata) on every `spbe` run; the same validation built from
`pydantic_core.core_schema` costs almost nothing and reports the same error types and locations.
Shapes validate mappings into frozen dataclasses, so the rest of the code reads attributes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from pydantic_core import CoreSchema, SchemaValidator
from pydantic_core import core_schema as cs

STRICT_STR = cs.str_schema(strict=True)
STRICT_INT = cs.int_schema(strict=True)
"""Strict leaves: YAML's `yes` is True and `3.0` a number; neither may become a level or an id."""


def record(cls: type, fields: dict[str, CoreSchema]) -> CoreSchema:
    """A mapping validated into the dataclass `cls`; unknown keys are errors, defaults apply."""
    items = []
    for field in dataclasses.fields(cls):
        schema = fields[field.name]
        if field.default is not dataclasses.MISSING:
            schema = cs.with_default_schema(schema, default=field.default)
        elif field.default_factory is not dataclasses.MISSING:
            schema = cs.with_default_schema(schema, default_factory=field.default_factory)
        items.append(cs.dataclass_field(field.name, schema))
    args = cs.dataclass_args_schema(cls.__name__, items, extra_behavior="forbid")
    names = [f.name for f in dataclasses.fields(cls)]
    config = cs.CoreConfig(extra_fields_behavior="forbid")
    slots = "__slots__" in cls.__dict__  # a dataclass(slots=True): no __dict__ to fill
    return cs.dataclass_schema(
        cls, args, names, frozen=True, slots=slots, ref=cls.__name__, config=config
    )


def optional(schema: CoreSchema) -> CoreSchema:
    return cs.nullable_schema(schema)


def choice(form: Callable[[Any], str], **choices: CoreSchema) -> CoreSchema:
    """A union decided by looking at the value (`form` names the branch), so errors name one."""
    return cs.tagged_union_schema(choices, discriminator=form)


def field_names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


def validator(schema: CoreSchema) -> SchemaValidator:
    return SchemaValidator(schema)
