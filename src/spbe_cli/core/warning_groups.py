"""One line per file and warning code: what `spbe validate` shows of claim warnings by default.

The README's own short form (`1: 3`) gives a warning for nearly every indicator: 63 lines for one
file, half a million for an archive, and the one error that matters scrolls away. A file's claim
warnings of one code (SPBE351, SPBE352) are therefore folded into one problem that names the
indicators and their count, at the first one's place; `--all-warnings` keeps each. Pure: it only
rearranges problems, so every output format (text, JSON, GitHub, JUnit) folds the same way.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spbe_cli.core.checks import ClaimFlags, claim_flags, claim_problem, year_warnings
from spbe_cli.model.assessment import Assessment
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem
from spbe_cli.model.rubric import Rubric

FOLDED = frozenset({Code.SPBE351, Code.SPBE352})
"""The per-indicator warnings; the others (the year, the agency) come once per file anyway."""
SHOWN = 12
"""Ids or runs of ids written out before "…": the count says how many there are in all."""


def one_per_code(problems: list[Problem]) -> list[Problem]:
    """`problems` with each folded code's problems replaced by one, where the first one was."""
    groups: dict[Code, list[Problem]] = {}
    for problem in problems:
        if problem.code in FOLDED:
            groups.setdefault(problem.code, []).append(problem)
    out: list[Problem] = []
    for problem in problems:
        group = groups.get(problem.code)
        if group is None or len(group) == 1:
            out.append(problem)
        elif problem is group[0]:
            out.append(_folded(group))
    return out


def _folded(group: list[Problem]) -> Problem:
    ids = [str(_claim(p)["id"]) for p in group]
    levels = {int(str(_claim(p)["level"])) for p in group}
    return _many(group[0], ids, levels)


def _many(first: Problem, ids: list[str], levels: set[int]) -> Problem:
    """`first` (a claim warning) standing for all of `ids`, claimed at `levels`."""
    claim = {
        "catalogue": "validate.claim.many",
        "ids": id_runs(ids),
        "count": len(ids),
        "levels": id_runs([str(level) for level in sorted(levels)]),
    }
    more = {"catalogue": "validate.claim.more"}
    return replace(first, params={**first.params, "claim": claim, "more": more})


def folded_warnings(assessment: Assessment, rubric: Rubric, today: date) -> list[Problem]:
    """`one_per_code(assessment_warnings(...))`, without a problem built per claim first.

    Every file of a batch runs this, and a short-form file flags most of its claims: deciding
    from the claims' flags and building at most one problem per code costs a fraction of
    building dozens and folding them (tests/unit/test_warning_groups_direct.py: the same list).
    """
    unexplained: list[ClaimFlags] = []
    unproven: list[ClaimFlags] = []
    starts: dict[Code, int] = {}  # where each group's first claim stands among the flagged claims
    for n, flags in enumerate(claim_flags(assessment, rubric)):
        if flags[3]:
            unexplained.append(flags)
            starts.setdefault(Code.SPBE351, n)
        if flags[4]:
            unproven.append(flags)
            starts.setdefault(Code.SPBE352, n)
    groups = [(Code.SPBE351, unexplained), (Code.SPBE352, unproven)]
    if starts.get(Code.SPBE352, -1) < starts.get(Code.SPBE351, -1):
        groups.reverse()  # a group stands where its first claim did (SPBE351 first in a claim)
    out: list[Problem] = []
    for code, group in groups:
        if group:
            key, level, long_form, _, _ = group[0]
            first = claim_problem(code == Code.SPBE352, key, level, long_form, rubric)
            if len(group) == 1:
                out.append(first)
            else:
                ids = [flags[0] for flags in group]
                out.append(_many(first, ids, {flags[1] for flags in group}))
    out += year_warnings(assessment.tahun, rubric, today)
    return out


def _claim(problem: Problem) -> dict[str, object]:
    claim = problem.params["claim"]
    assert isinstance(claim, dict), problem
    return claim


def id_runs(ids: list[str]) -> str:
    """Ids in the given order, three or more consecutive whole numbers as one run: "2–5, 7, 9".

    Text ids ("35-1") are never joined into runs, so a run can only mean whole numbers. Every
    file of a batch with claim warnings comes here, so each id is read as a number once.
    """
    numbers = [int(i) if i.isdigit() else None for i in ids]
    parts: list[str] = []
    n, count = 0, len(ids)
    while n < count:
        end = n
        number = numbers[n]
        while number is not None and end + 1 < count and numbers[end + 1] == number + 1:
            end += 1
            number += 1
        if end - n >= 2:
            parts.append(f"{ids[n]}–{ids[end]}")
        else:
            parts.extend(ids[n : end + 1])
        n = end + 1
    if len(parts) > SHOWN:
        return ", ".join(parts[:SHOWN]) + " …"
    return ", ".join(parts)
