"""Results as plain records: the documented JSON contract, also used for YAML and TOML output.

Displayed values are Decimals with two places and are written as JSON numbers exactly as shown
(3.50, not 3.5); every exact quantity is a string that fractions.Fraction parses back.

The same thing is written the same way in every command's record, so one parser reads them all
(the JSON Schemas in schemas/output/ say so field by field): an id of a domain, aspect or
indicator is the id as the rubric writes it (an integer where the rubric's ids are integers,
"35-1" where they are text), wherever it appears, also as a reference (`aspect`, `domain`,
`missing`); `instansi` is always the object {nama, jenis, provinsi}.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import IO, TYPE_CHECKING, Any

from spbe_cli.core.scoring import GroupScore, Index, Scorecard
from spbe_cli.model.exact import exact_text, round_half_up

if TYPE_CHECKING:
    from spbe_cli.model.assessment import Agency
    from spbe_cli.model.rubric import Rubric


def value_record(value: Decimal, exact: Fraction, predicate: str | None = None) -> dict[str, Any]:
    """`{value, exact, predicate}`: how every index, mean or bound appears in every record.

    `value` is the displayed value (two decimals, half up), `exact` the value that decides.
    """
    record: dict[str, Any] = {"value": value, "exact": exact_text(exact)}
    if predicate is not None:
        record["predicate"] = predicate
    return record


def index_record(index: Index) -> dict[str, Any]:
    record = value_record(index.value, index.exact, index.predicate)
    if not index.settled:
        record["high"] = value_record(index.high_value, index.high, index.high_predicate)
    return record


def agency_record(agency: Agency) -> dict[str, Any]:
    """`instansi` in every record: an object, also when the file wrote a plain name."""
    return {"nama": agency.nama, "jenis": agency.jenis, "provinsi": agency.provinsi}


class RubricIds:
    """A rubric's ids as it writes them, looked up by key: what every record refers to."""

    def __init__(self, rubric: Rubric) -> None:
        self.aspects = {a.key: a.id for a in rubric.aspects}
        self.domains = {d.key: d.id for d in rubric.domains}
        self.indicators = {i.key: i.id for i in rubric.indicators}

    def aspect(self, key: str) -> int | str:
        return self.aspects[key]

    def domain(self, key: str | None) -> int | str | None:
        return None if key is None else self.domains[key]

    def indicator(self, key: str) -> int | str:
        return self.indicators[key]


def _group_record(group: GroupScore, ids: RubricIds) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": group.id,
        "name": group.name,
        "weight": exact_text(group.weight),
        "index": index_record(group.index),
    }
    if group.kind == "aspect" and group.domain_key is not None:
        record["domain"] = ids.domain(group.domain_key)
    return record


def scorecard_record(card: Scorecard, file: str) -> dict[str, Any]:
    ids = RubricIds(card.rubric)
    return {
        "file": file,
        "rubric": card.rubric.id,
        "rubric_status": card.rubric.status,
        "instansi": agency_record(card.assessment.agency),
        "tahun": card.assessment.tahun,
        "tahap": card.assessment.tahap,
        "complete": not card.missing,
        "missing": [ids.indicator(k) for k in card.missing],
        "index": index_record(card.index),
        "domains": [_group_record(d, ids) for d in card.domains],
        "aspects": [_group_record(a, ids) for a in card.aspects],
        "indicators": [
            {
                "id": s.indicator.id,
                "name": s.indicator.name,
                "aspect": ids.aspect(s.indicator.aspect_key),
                "weight": exact_text(s.indicator.weight),
                "level": s.level,
                "level_name": s.level_name or None,
                "contribution": exact_text(s.contribution),
                "headroom": exact_text(s.headroom),
            }
            for s in card.indicators
        ],
    }


def to_json(value: Any) -> str:
    """JSON with Decimals written verbatim, so a displayed 3.50 stays 3.50."""
    return _encode(value, 0) + "\n"


_plain = json.JSONEncoder(ensure_ascii=False).encode
"""`json.dumps(x, ensure_ascii=False)` without building an encoder per call (a ranking of ten
thousand rows encodes some 700,000 scalars)."""
_text = json.encoder.encode_basestring  # type: ignore[attr-defined]
"""What `_plain` does for a str, without its Python-level dispatch (the C function if built)."""


def encode_at(value: Any, depth: int) -> str:
    """`value` as to_json writes it nested `depth` levels deep: for writing a document in parts."""
    return _encode(value, depth)


class Raw(str):
    """JSON text already encoded at its place in a document, written as it is (a writer's cache
    of parts that repeat, such as the value records of a ranking)."""


class Lazy:
    """A JSON array whose elements are made one at a time: write_json writes each as it is made
    (a trend of ten thousand files never holds ten thousand records); to_json makes them all."""

    def __init__(self, items: Callable[[], Iterable[Any]]) -> None:
        self.items = items


def write_json(value: Any, stream: IO[str]) -> None:
    """`stream.write(to_json(value))`, byte for byte, written part by part (Lazy arrays too)."""
    _write(value, 0, stream)
    stream.write("\n")


def _write(value: Any, depth: int, stream: IO[str]) -> None:
    kind = type(value)
    pad, inner = "  " * depth, "  " * (depth + 1)
    if kind is dict and value:
        for n, (key, item) in enumerate(value.items()):
            stream.write(("{\n" if not n else ",\n") + f"{inner}{_text(str(key))}: ")
            _write(item, depth + 1, stream)
        stream.write(f"\n{pad}}}")
    elif kind is Lazy or ((kind is list or kind is tuple) and value):
        count = 0
        for item in value.items() if kind is Lazy else value:
            stream.write(("[\n" if not count else ",\n") + inner)
            _write(item, depth + 1, stream)
            count += 1
        stream.write(f"\n{pad}]" if count else "[]")
    else:
        stream.write(_encode(value, depth))


def _encode(value: Any, depth: int) -> str:
    kind = type(value)
    if kind is str:  # the common leaves first: isinstance(x, Fraction) is a slow ABC check
        return _text(value)  # type: ignore[no-any-return]
    if kind is Raw:
        return value  # type: ignore[no-any-return]
    if kind is Lazy:
        value, kind = list(value.items()), list
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    pad, inner = "  " * depth, "  " * (depth + 1)
    if kind is Decimal:
        return str(value)
    if kind is not dict and kind is not list and kind is not tuple:  # skip the ABC check
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, Fraction):
            return json.dumps(exact_text(value))
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_text(str(k))}: {_encode(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{inner}{_encode(v, depth + 1)}" for v in value) + f"\n{pad}]"
    return _plain(value)


def plain(value: Any) -> Any:
    """Records for YAML and TOML writers: Decimals as floats (two places survive), no nulls."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def shown(value: Fraction, decimals: int = 2) -> str:
    return str(round_half_up(value, decimals))
