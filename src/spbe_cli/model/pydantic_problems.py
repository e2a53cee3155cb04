"""Turn Pydantic's validation errors into Problems with codes and catalogue parameters."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from pydantic_core import ValidationError

from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem

_EXPECTED = {
    "int_type": "type.int",
    "int_parsing": "type.int",
    "int_from_float": "type.int",
    "string_type": "type.str",
    "dict_type": "type.mapping",
    "model_type": "type.mapping",
    "model_attributes_type": "type.mapping",
    "dataclass_type": "type.mapping",
    "dataclass_args_type": "type.mapping",
    "list_type": "type.list",
}


SHOWN = 60
"""Characters of a wrong value a message quotes: a 4 MB string in the wrong place is named by
its start, so one bad field never makes a 4 MB line of output."""


def clip(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def describe_input(value: Any) -> str:
    """How a wrong value is named in a message: YAML's own spelling where it matters."""
    if value is True or value is False:
        return f"{str(value).lower()} (boolean)"
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return clip(str(value))
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return repr(clip(value))
    return clip(str(value))


AllowedKeys = Callable[[tuple[str, ...]], list[str]]


def problems_from(error: ValidationError, allowed: AllowedKeys) -> list[Problem]:
    """`allowed(path)` names the keys valid at a mapping's path, for unknown-key messages."""
    return [_one(e, allowed) for e in _dedupe(error.errors())]


def _dedupe(errors: Iterable[Any]) -> list[Any]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for e in errors:
        loc = _clean_loc(e["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        out.append(e)
    return out


def _clean_loc(loc: tuple[Any, ...]) -> tuple[str, ...]:
    """Drop Pydantic's union and function tags, which are not places in the file."""
    return tuple(
        str(p)
        for p in loc
        if not (isinstance(p, str) and (p.startswith("function-") or p in _TAGS))
    )


_TAGS = {"short", "long", "str", "agency", "int"}


def _one(e: Any, allowed: AllowedKeys) -> Problem:
    loc = _clean_loc(e["loc"])
    kind = e["type"]
    field = ".".join(loc) if loc else "(root)"
    ctx = e.get("ctx") or {}
    if kind == "missing":
        return Problem(Code.SPBE107, loc, {"field": field}, at="key")
    if kind == "invalid_key":  # a key that is not text (YAML's `3.5:`): named as written
        key = e["input"]
        where = (*loc[:-1], str(key))  # the reader records the place of `3.5` under "3.5"
        keys = ", ".join(allowed(loc[:-1]))
        return Problem(Code.SPBE105, where, {"key": describe_input(key), "allowed": keys}, at="key")
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        keys = ", ".join(allowed(loc[:-1]))
        return Problem(
            Code.SPBE105, loc, {"key": loc[-1] if loc else "", "allowed": keys}, at="key"
        )
    if kind in {"literal_error", "enum"}:
        allowed = str(ctx.get("expected", "")).replace(" or ", ", ")
        got = describe_input(e["input"]).strip("'")
        return Problem(Code.SPBE109, loc, {"field": field, "got": got, "allowed": allowed})
    if kind == "exact_number":
        return Problem(Code.SPBE207, loc, {"field": field, "got": describe_input(e["input"])})
    expected = _EXPECTED.get(kind, "type.value")
    return Problem(
        Code.SPBE106,
        loc,
        {"field": field, "expected": {"catalogue": expected}, "got": describe_input(e["input"])},
    )
