"""The JSON contract of every command's `--format json`, as JSON Schemas (draft 2020-12).

`spbe schema --of score` prints one; schemas/output/ holds them all, and the tests check that
every JSON output of every command (a draft, a trend, a mixed ranking) validates against its
schema. The schemas are strict (`additionalProperties: false`): a field added to a record without
its schema fails the tests, so the contract and the output cannot drift apart.

What the records share is defined once here and used by every command: an exact value is text
that fractions.Fraction reads ("2.792", "20/11"), a shown value a number with the rubric's
decimals, an id of a domain, aspect or indicator is the rubric's own (an integer where the rubric
writes integers, text such as "35-1" otherwise), and `instansi` is always {nama, jenis, provinsi}.
"""

from __future__ import annotations

import json
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://spbe-cli.invalid/schemas/output/"
"""A base for `$id`: names the contract without pretending to be a published address."""

KINDS = ("score", "diff", "plan", "rank", "validate", "rubric-list", "rubric-show")
"""The commands (and subcommands) with a JSON output, as `spbe schema --of` names them."""

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _object(required: dict[str, Schema], optional: dict[str, Schema] | None = None) -> Schema:
    """An object with exactly these keys: `required` always present, `optional` sometimes."""
    return {
        "type": "object",
        "required": list(required),
        "properties": {**required, **(optional or {})},
        "additionalProperties": False,
    }


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


STRING: Schema = {"type": "string"}
INTEGER: Schema = {"type": "integer"}
BOOLEAN: Schema = {"type": "boolean"}
NUMBER: Schema = {"type": "number"}

COMMON: dict[str, Schema] = {
    "exact": {
        "description": "An exact value as text that fractions.Fraction parses back: a terminating "
        'decimal ("2.792") or numerator/denominator ("20/11").',
        "type": "string",
        "pattern": r"^-?[0-9]+(\.[0-9]+|/[0-9]+)?$",
    },
    "shown": {
        "description": "A displayed value: rounded half up to the rubric's decimals (two in "
        "every SPBE regulation), written with exactly those decimals (3.50).",
        "type": "number",
    },
    "id": {
        "description": "An id as the rubric writes it: an integer where the rubric's ids are "
        'integers, text otherwise ("35-1").',
        "type": ["integer", "string"],
    },
    "instansi": _object(
        {"nama": STRING, "jenis": _nullable(STRING), "provinsi": _nullable(STRING)}
    ),
    "value": _object({"value": _ref("shown"), "exact": _ref("exact")}),
    "judged": _object(
        {"value": _ref("shown"), "exact": _ref("exact"), "predicate": STRING},
    ),
    "index": {
        "description": "An index: `value`/`exact`/`predicate` (the lowest reachable for a draft "
        "scored with --partial, which then adds `high`, the highest reachable).",
        **_object(
            {"value": _ref("shown"), "exact": _ref("exact"), "predicate": STRING},
            {"high": _ref("judged")},
        ),
    },
}


def _schema(kind: str, title: str, root: Schema, defs: dict[str, Schema]) -> Schema:
    return {
        "$schema": DRAFT,
        "$id": f"{BASE}{kind}.schema.json",
        "title": title,
        **root,
        "$defs": {**COMMON, **defs},
    }


# ---- spbe score ---------------------------------------------------------------------------


def score_schema() -> Schema:
    group = _object(
        {"id": _ref("id"), "name": STRING, "weight": _ref("exact"), "index": _ref("index")},
        {"domain": _ref("id")},
    )
    indicator = _object(
        {
            "id": _ref("id"),
            "name": STRING,
            "aspect": _ref("id"),
            "weight": _ref("exact"),
            "level": _nullable(INTEGER),
            "level_name": _nullable(STRING),
            "contribution": _ref("exact"),
            "headroom": _ref("exact"),
        }
    )
    scorecard = _object(
        {
            "file": STRING,
            "rubric": STRING,
            "rubric_status": STRING,
            "instansi": _ref("instansi"),
            "tahun": INTEGER,
            "tahap": STRING,
            "complete": BOOLEAN,
            "missing": _array(_ref("id")),
            "index": _ref("index"),
            "domains": _array(_ref("group")),
            "aspects": _array(_ref("group")),
            "indicators": _array(_ref("indicator")),
        }
    )
    root = {
        "description": "`spbe score --format json`: one scorecard for one file, an array of "
        "them (in the order given) for several files or a folder.",
        "anyOf": [_ref("scorecard"), _array(_ref("scorecard"))],
    }
    defs = {"group": group, "indicator": indicator, "scorecard": scorecard}
    return _schema("score", "spbe score", root, defs)


# ---- spbe diff ----------------------------------------------------------------------------


def diff_schema() -> Schema:
    direction = {"enum": ["up", "down", "same"]}
    side = _object(
        {
            "file": STRING,
            "rubric": STRING,
            "instansi": _ref("instansi"),
            "tahun": INTEGER,
            "tahap": STRING,
        }
    )
    change_fields: dict[str, Schema] = {
        "old": _ref("shown"),
        "new": _ref("shown"),
        "delta": {"description": "new − old of the shown values", **NUMBER},
        "delta_exact": _ref("exact"),
        "old_exact": _ref("exact"),
        "new_exact": _ref("exact"),
        "old_predicate": STRING,
        "new_predicate": STRING,
        "predicate_change": _ref("direction"),
    }
    group_change = _object(
        {"id": _ref("id"), "old_id": _ref("id"), "name": STRING, **change_fields}
    )
    indicator_change = _object(
        {
            "id": _ref("id"),
            "name": STRING,
            "aspect": _ref("id"),
            "weight": _ref("exact"),
            "old": _nullable(INTEGER),
            "new": _nullable(INTEGER),
            "old_name": _nullable(STRING),
            "new_name": _nullable(STRING),
            "change": _ref("direction"),
            "effect": _ref("exact"),
        }
    )
    comparison = _object(
        {
            "kind": {"enum": ["years", "stages", "agencies", "rubrics", "revisions"]},
            "comparable_indicators": BOOLEAN,
            "correction": BOOLEAN,
            "old": _ref("side"),
            "new": _ref("side"),
            "index": _ref("change"),
            "domains": _array(_ref("group_change")),
            "aspects": _array(_ref("group_change")),
            "indicators": _array(_ref("indicator_change")),
            "explained": _nullable(_ref("exact")),
            "summary": _nullable(_object({"up": INTEGER, "down": INTEGER, "same": INTEGER})),
            "unshared_domains": _array(STRING),
        }
    )
    series_fields: dict[str, Schema] = {
        "points": _array(_ref("index")),
        "delta": NUMBER,
        "delta_exact": _ref("exact"),
    }
    trend = _object(
        {
            "kind": {"const": "trend"},
            "order": {"const": ["tahun", "tahap"]},
            "comparable_indicators": BOOLEAN,
            "files": _array(_ref("side")),
            "index": _object(series_fields),
            "domains": _array(_object({"id": _ref("id"), "name": STRING, **series_fields})),
            "unshared_domains": _array(STRING),
        }
    )
    root = {
        "description": "`spbe diff --format json`: a comparison of two files, or the trend of "
        'three or more (`kind` is then "trend").',
        "anyOf": [_ref("comparison"), _ref("trend")],
    }
    defs = {
        "direction": direction,
        "side": side,
        "change": _object(change_fields),
        "group_change": group_change,
        "indicator_change": indicator_change,
        "comparison": comparison,
        "trend": trend,
    }
    return _schema("diff", "spbe diff", root, defs)


# ---- spbe plan ----------------------------------------------------------------------------


def plan_schema() -> Schema:
    level = _object({"level": INTEGER, "name": _nullable(STRING), "criterion": _nullable(STRING)})
    step = _object(
        {
            "id": _ref("id"),
            "name": STRING,
            "from": INTEGER,
            "to": INTEGER,
            "gain": _ref("exact"),
            "running": {"description": "The index after this step.", **_ref("judged")},
            "from_name": _nullable(STRING),
            "to_name": _nullable(STRING),
            "criterion": {"description": "The criterion of level `to`.", **_nullable(STRING)},
            "levels": {
                "description": "Every level the step passes, from `from` + 1 to `to`.",
                **_array(_ref("level")),
            },
        },
        {"cost": _ref("exact")},
    )
    domain = _object(
        {
            "id": _ref("id"),
            "name": STRING,
            "start": _ref("judged"),
            "reached": _ref("judged"),
            "minimum": _nullable(_ref("judged")),
            "met": BOOLEAN,
        }
    )
    root = {
        "description": "`spbe plan --format json`: the steps in order with the running index, "
        "and each domain before and after (with its --domain-min, if any).",
        **_object(
            {
                "file": STRING,
                "rubric": STRING,
                "instansi": _ref("instansi"),
                "tahun": INTEGER,
                "start": _ref("judged"),
                "target": _ref("judged"),
                "steps": _array(_ref("step")),
                "step_count": INTEGER,
                "reached": _ref("judged"),
                "reachable": BOOLEAN,
                "domains": _array(_ref("domain")),
            },
            {"cost": _ref("exact")},
        ),
    }
    return _schema("plan", "spbe plan", root, {"level": level, "step": step, "domain": domain})


# ---- spbe rank ----------------------------------------------------------------------------


def rank_schema() -> Schema:
    row = _object(
        {
            "file": STRING,
            "instansi": _ref("instansi"),
            "tahun": INTEGER,
            "rubric": STRING,
            "index": _ref("judged"),
            "domains": _array(_object({"id": _ref("id"), "name": STRING, "index": _ref("judged")})),
            "rank": INTEGER,
            "tied": BOOLEAN,
            "group": _nullable(STRING),
            "group_rank": _nullable(INTEGER),
            "group_tied": BOOLEAN,
        }
    )
    stat: dict[str, Schema] = {"mean": _ref("value"), "max": _ref("value"), "min": _ref("value")}
    summary = _object(
        {
            "count": INTEGER,
            "predicates": _array(_object({"name": STRING, "count": INTEGER})),
            "index": _nullable(_object(stat)),
            "domains": _array(_object({"id": _ref("id"), "name": STRING, **stat})),
            "good_from": STRING,
            "shares": _array(
                _object(
                    {
                        "jenis": _nullable(STRING),
                        "count": INTEGER,
                        "good": INTEGER,
                        "share": _ref("exact"),
                        "percent": NUMBER,
                    }
                )
            ),
        }
    )
    root = {
        "description": "`spbe rank --format json`: the rows in rank order (those asked for with "
        "--top) and the summary of every row.",
        **_object(
            {
                "by": _nullable({"enum": ["provinsi", "jenis"]}),
                "rows": _array(_ref("row")),
                "summary": _ref("summary"),
            }
        ),
    }
    return _schema("rank", "spbe rank", root, {"row": row, "summary": summary})


# ---- spbe validate ------------------------------------------------------------------------


def validate_schema() -> Schema:
    problem = _object(
        {
            "file": STRING,
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
            "severity": {"enum": ["error", "warning"]},
            "code": {"type": "string", "pattern": "^SPBE[0-9]{3}$"},
            "message": STRING,
        },
        {
            "cell": {
                "description": 'A workbook\'s problem: its sheet and cell ("Indikator!E9"); '
                "`line` and `column` are then the cell's row and column.",
                "type": "string",
            }
        },
    )
    root = {
        "description": "`spbe validate --format json`: every problem of every file, in file "
        "order (the summary goes to stderr).",
        **_array(_ref("problem")),
    }
    return _schema("validate", "spbe validate", root, {"problem": problem})


# ---- spbe rubric list / show --------------------------------------------------------------


def rubric_list_schema() -> Schema:
    rubric = _object(
        {
            "id": STRING,
            "title": STRING,
            "regulation": STRING,
            "era": STRING,
            "status": STRING,
            "source": STRING,
            "indicators": INTEGER,
            "levels": _object({"min": INTEGER, "max": INTEGER}),
            "predicates": _array(
                _object({"name": STRING, "min": _ref("exact"), "max": _ref("exact")})
            ),
        }
    )
    root = {"description": "`spbe rubric list --format json`.", **_array(_ref("rubric"))}
    return _schema("rubric-list", "spbe rubric list", root, {"rubric": rubric})


def rubric_show_schema() -> Schema:
    indicator = _object(
        {
            "rubric": STRING,
            "id": _ref("id"),
            "name": STRING,
            "aspect": _ref("id"),
            "weight": _ref("exact"),
            "question": _nullable(STRING),
            "levels": _array(
                _object({"level": INTEGER, "name": STRING, "criterion": _nullable(STRING)})
            ),
        }
    )
    root = {
        "description": "`spbe rubric show [INDICATOR] --format json`: one indicator, or every "
        "indicator of the rubric as an array.",
        "anyOf": [_ref("indicator"), _array(_ref("indicator"))],
    }
    return _schema("rubric-show", "spbe rubric show", root, {"indicator": indicator})


BUILDERS = {
    "score": score_schema,
    "diff": diff_schema,
    "plan": plan_schema,
    "rank": rank_schema,
    "validate": validate_schema,
    "rubric-list": rubric_list_schema,
    "rubric-show": rubric_show_schema,
}


def output_schema(kind: str) -> Schema:
    return BUILDERS[kind]()


def output_schema_text(kind: str) -> str:
    return json.dumps(output_schema(kind), ensure_ascii=False, indent=2) + "\n"
