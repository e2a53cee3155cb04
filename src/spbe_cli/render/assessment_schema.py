"""A JSON Schema (draft 2020-12) of the self-assessment file for one rubric, for editors.

With `# yaml-language-server: $schema=…` on top of a file, VS Code completes the indicator ids,
explains each one (name, question, level names) and underlines an unknown id or a level of 6 before
anything runs. The schema follows `spbe validate` without --partial: every indicator is required
and a long-form entry needs its level. Pure: a Rubric in, a dict out, all of it from the data.
"""

from __future__ import annotations

from typing import Any

from spbe_cli.model.rubric import Indicator, Rubric

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def assessment_schema(rubric: Rubric) -> dict[str, Any]:
    indicators = {i.key: _indicator_schema(i, rubric) for i in rubric.indicators}
    return {
        "$schema": DRAFT,
        "title": f"Penilaian mandiri SPBE · {rubric.title} ({rubric.id})",
        "description": f"{rubric.regulation}; periode {rubric.era}; status {rubric.status}.",
        "type": "object",
        "additionalProperties": False,
        "required": ["rubrik", "instansi", "tahun", "indikator"],
        "properties": {
            "rubrik": {
                "description": "Id rubrik bawaan atau path berkas rubrik / rubric id or path.",
                "type": "string",
                "default": rubric.id,
                "examples": [rubric.id],
            },
            "instansi": _agency_schema(rubric),
            "tahun": {
                "description": f"Tahun evaluasi / evaluation year (rubric era {rubric.era}).",
                "type": "integer",
            },
            "tahap": _stage_schema(rubric),
            "indikator": {
                "description": "Level per indikator / the level of every indicator.",
                "type": "object",
                "additionalProperties": False,
                "required": list(indicators),
                "properties": indicators,
            },
        },
    }


def _names(names: tuple[str, ...]) -> dict[str, Any]:
    """The rubric's list as an enum; any text when the rubric lists none (as validation does)."""
    return {"enum": list(names)} if names else {"type": "string"}


def _stage_schema(rubric: Rubric) -> dict[str, Any]:
    schema = {"description": "Tahap penilaian / assessment stage.", **_names(rubric.stages)}
    if rubric.stages:
        schema["default"] = rubric.default_stage
    return schema


def _agency_schema(rubric: Rubric) -> dict[str, Any]:
    return {
        "description": "Nama instansi, atau pemetaan nama/jenis/provinsi / the agency.",
        "anyOf": [
            {"type": "string", "minLength": 1},
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["nama"],
                "properties": {
                    "nama": {"type": "string", "minLength": 1},
                    "jenis": _names(rubric.agency_kinds),
                    "provinsi": {"type": "string"},
                },
            },
        ],
    }


def _level_schema(indicator: Indicator, rubric: Rubric) -> dict[str, Any]:
    names = "; ".join(f"{n} {indicator.level_name(n)}" for n in _levels(rubric))
    return {
        "type": "integer",
        "minimum": rubric.level_min,
        "maximum": rubric.level_max,
        "description": f"{indicator.scale.name}: {names}",
    }


def _levels(rubric: Rubric) -> range:
    return range(rubric.level_min, rubric.level_max + 1)


def _indicator_schema(indicator: Indicator, rubric: Rubric) -> dict[str, Any]:
    level = _level_schema(indicator, rubric)
    lines = [f"{indicator.key}. {indicator.name}"]
    if indicator.question:
        lines.append(indicator.question)
    lines.append(level["description"])
    return {
        "title": indicator.name,
        "description": "\n".join(lines),
        "anyOf": [
            level,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["level"],
                "properties": {
                    "level": level,
                    "penjelasan": {"type": "string", "description": "Penjelasan / explanation."},
                    "bukti_dukung": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "Bukti dukung / evidence documents.",
                    },
                },
            },
        ],
    }


def schema_text(rubric: Rubric) -> str:
    """The schema as committed in schemas/: two-space JSON, UTF-8 words kept, a final newline."""
    import json

    return json.dumps(assessment_schema(rubric), indent=2, ensure_ascii=False) + "\n"
