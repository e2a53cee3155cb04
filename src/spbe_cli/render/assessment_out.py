"""An assessment written as YAML, TOML or JSON (`spbe convert`), every value kept exactly.

Every indicator of the rubric is written in the rubric's order, in the long form (level,
explanation, evidence), so a converted draft stays a complete form to fill in; a level still
missing is `null` (YAML, JSON) or absent (TOML, which has no null). YAML text is written in double
quotes with JSON's escapes, plus escapes for the characters YAML would read differently (U+0085,
U+2028, U+2029 are line breaks to YAML; C1 controls are not printable), so any text reads back
unchanged.
"""

from __future__ import annotations

import json
import re
from typing import Any

from spbe_cli.model.assessment import Assessment
from spbe_cli.model.rubric import Rubric

_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def record(rubric: Rubric, assessment: Assessment) -> dict[str, Any]:
    """The assessment as plain data in the file format's structure (level None when missing)."""
    agency = assessment.agency
    instansi: dict[str, Any] = {"nama": agency.nama}
    for key in ("jenis", "provinsi"):
        if getattr(agency, key) is not None:
            instansi[key] = getattr(agency, key)
    indicators: dict[str, Any] = {}
    for ind in rubric.indicators:
        entry = assessment.entry(ind.key)
        item: dict[str, Any] = {"level": entry.level if entry else None}
        if entry is not None and entry.penjelasan is not None:
            item["penjelasan"] = entry.penjelasan
        if entry is not None and entry.bukti_dukung is not None:
            item["bukti_dukung"] = list(entry.bukti_dukung)
        indicators[ind.key] = item
    for key in assessment.indikator:  # ids the rubric lacks cannot pass validation; kept anyway
        indicators.setdefault(key, {"level": assessment.level_of(key)})
    return {
        "rubrik": assessment.rubrik,
        "instansi": instansi,
        "tahun": assessment.tahun,
        "tahap": assessment.tahap,
        "indikator": indicators,
    }


def to_json(rubric: Rubric, assessment: Assessment) -> str:
    return json.dumps(record(rubric, assessment), ensure_ascii=False, indent=2) + "\n"


def to_toml(rubric: Rubric, assessment: Assessment) -> str:
    import tomli_w

    data = record(rubric, assessment)
    for item in data["indikator"].values():
        if item.get("level") is None:
            item.pop("level", None)
    return tomli_w.dumps(data)


def yaml_text(value: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `value`."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _yaml_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return yaml_text(value)
    return str(value)


def _yaml_key(rubric: Rubric, key: str) -> str:
    ind = rubric.by_key.get(key)
    return key if ind is not None and isinstance(ind.id, int) else yaml_text(key)


def _comment(value: str) -> str:
    """A rubric name as a one-line comment: line breaks and control characters become spaces."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", value)


def to_yaml(rubric: Rubric, assessment: Assessment, *, schema: str | None = None) -> str:
    """YAML with each indicator's name as a comment; `schema` (a path relative to the file) gives
    the editor's schema line, as `spbe init` writes it."""
    data = record(rubric, assessment)
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines.append(f"rubrik: {yaml_text(data['rubrik'])}")
    lines.append("instansi:")
    lines += [f"  {key}: {_yaml_scalar(value)}" for key, value in data["instansi"].items()]
    lines.append(f"tahun: {_yaml_scalar(data['tahun'])}")
    lines.append(f"tahap: {_yaml_scalar(data['tahap'])}")
    lines.append("indikator:")
    for key, item in data["indikator"].items():
        ind = rubric.by_key.get(key)
        if ind is not None:
            lines.append(f"  # {_comment(ind.name)}")
        lines.append(f"  {_yaml_key(rubric, key)}:")
        lines.append(f"    level: {_yaml_scalar(item.get('level'))}")
        if "penjelasan" in item:
            lines.append(f"    penjelasan: {yaml_text(item['penjelasan'])}")
        if "bukti_dukung" in item:
            items = ", ".join(yaml_text(v) for v in item["bukti_dukung"])
            lines.append(f"    bukti_dukung: [{items}]")
    return "\n".join(lines) + "\n"
