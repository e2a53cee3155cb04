"""The costs file of `spbe plan --costs`: its data checked and made a table of exact step costs.

Like an assessment or a rubric file, the file is read by files/reader; this module sees only the
parsed data and answers with the table or with Problems whose paths the loader locates. The
planner (core/plan.py) takes the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from spbe_cli.model.codes import Code
from spbe_cli.model.exact import NumberFormatError, parse_number
from spbe_cli.model.problems import Problem, path_of
from spbe_cli.model.pydantic_problems import clip
from spbe_cli.model.rubric import Rubric

CostTable = Mapping[str, Sequence[Fraction]]
"""Per indicator key, the cost of each step: entry n is the step to level level_min + 1 + n."""


def read_costs(data: object, rubric: Rubric) -> CostTable | list:
    """Costs from a costs file's data, or the Problems in it (paths for the loader to locate).

    Format: `{default: 1, indikator: {12: 3, 45: [2, 3, 5, 8]}}`. A number is the cost of every
    step of that indicator; a list gives the cost of the step to each level in turn (entry 1 is
    level_min → level_min + 1, …, so 4 entries for levels 1–5). `default` (1 when absent) prices
    every indicator not listed. Costs are exact non-negative numbers, bounded like every number
    of a file (model/exact.py: no exponent, at most 30 digits a part) before any is built.
    """
    if not isinstance(data, dict):
        return [Problem(Code.SPBE601, ())]
    problems: list[Problem] = []
    for key in data:
        if key not in ("default", "indikator"):
            problems.append(
                Problem(
                    Code.SPBE105,
                    path_of(key),
                    {"key": key, "allowed": "default, indikator"},
                    at="key",
                )
            )
    transitions = rubric.level_max - rubric.level_min

    def number(value: object, path: tuple[str, ...]) -> Fraction | None:
        try:
            cost = parse_number(value)
        except NumberFormatError:
            cost = None
        if cost is None or cost < 0:
            shown = clip(str(value)) if value is not None else "null"
            problems.append(Problem(Code.SPBE602, path, {"got": shown}))
            return None
        return cost

    default = number(data.get("default", 1), path_of("default"))
    raw = data.get("indikator", {})
    if not isinstance(raw, dict):
        problems.append(Problem(Code.SPBE601, path_of("indikator")))
        raw = {}
    table: dict[str, list[Fraction]] = {}
    for key, value in raw.items():
        skey = (
            str(key).strip() if isinstance(key, int | str) and not isinstance(key, bool) else None
        )
        if skey is None or skey not in rubric.by_key:
            params = {"id": key, "rubric": rubric.id, "known": rubric.id_span}
            problems.append(Problem(Code.SPBE101, path_of("indikator", key), params, at="key"))
            continue
        if isinstance(value, list):
            if len(value) != transitions:
                params = {"id": skey, "count": transitions, "got": len(value)}
                problems.append(Problem(Code.SPBE603, path_of("indikator", key), params))
                continue
            cells = [number(v, path_of("indikator", key, n)) for n, v in enumerate(value)]
        else:
            cells = [number(value, path_of("indikator", key))] * transitions
        if all(c is not None for c in cells):
            table[skey] = [c for c in cells if c is not None]
    if problems or default is None:
        return problems
    return {i.key: table.get(i.key, [default] * transitions) for i in rubric.indicators}
