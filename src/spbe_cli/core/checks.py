"""Advisory checks of a valid assessment: what an assessor would ask about before scoring it.

These are warnings (SPBE35x), not errors: the file scores, but a claim without an explanation or
evidence will not survive the document review, a year in the future is a typo, and one agency under
two names in one folder is a copy-and-paste slip. Pure: today's date is a parameter, so the checks
are deterministic in tests; the problems carry paths, so the loader locates them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spbe_cli.model.assessment import Assessment, Entry
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem
from spbe_cli.model.rubric import Rubric, era_years, name_key


def assessment_warnings(assessment: Assessment, rubric: Rubric, today: date) -> list[Problem]:
    """Every warning about one validated assessment, in indicator order then the year."""
    problems: list[Problem] = []
    claims = assessment.indikator
    for indicator in rubric.indicators:
        key = indicator.key
        claim = claims.get(key)
        if claim is not None:  # most claims need no warning: decide before building anything
            problems += _claim_warnings(claim, key, rubric)
    problems += _year_warnings(assessment.tahun, rubric, today)
    return problems


def _claim_warnings(claim: int | Entry, key: str, rubric: Rubric) -> list[Problem]:
    """Runs for every indicator of every file of a batch: decide first, build problems only then.

    `claim` is the file's short form (a level) or long form (an Entry) for indicator `key`.
    """
    if isinstance(claim, Entry):
        level, note, evidence = claim.level, claim.penjelasan, claim.bukti_dukung
        where: tuple[str, ...] = ("indikator", key, "level")
    else:  # the short form: a level alone, so no explanation and no evidence
        level, note, evidence, where = claim, None, None, ("indikator", key)
    if level is None:
        return []
    unexplained = level > rubric.level_min and not (note or "").strip()
    unproven = level >= rubric.evidence_from_level and not any(b.strip() for b in evidence or [])
    if not (unexplained or unproven):
        return []
    problems: list[Problem] = []
    said = {"catalogue": "validate.claim.one", "id": key, "level": level}
    if unexplained:
        params = {"claim": said, "min": rubric.level_min, "more": ""}
        problems.append(Problem(Code.SPBE351, where, params, severity="warning"))
    if unproven:
        params = {"claim": said, "from": rubric.evidence_from_level, "more": ""}
        problems.append(Problem(Code.SPBE352, where, params, severity="warning"))
    return problems


def _year_warnings(year: int, rubric: Rubric, today: date) -> list[Problem]:
    if year > today.year:
        return [Problem(Code.SPBE353, ("tahun",), {"year": year, "today": today.year}, "warning")]
    era = era_years(rubric.era)
    if era is None:
        return []
    first, last = era
    if year < first or (last is not None and year > last):
        params = {"year": year, "rubric": rubric.id, "era": rubric.era}
        return [Problem(Code.SPBE354, ("tahun",), params, "warning")]
    return []


@dataclass(frozen=True)
class AgencyName:
    """One file's agency, as the folder check needs it: the name and whether it is long form."""

    file: str
    name: str
    long_form: bool


def agency_mismatches(names: Sequence[AgencyName]) -> dict[str, Problem]:
    """Files of one folder whose agency differs from the folder's most common name.

    Names are compared with case and spacing ignored ("Kota  contoh" is "Kota Contoh"). Ties go to
    the name of the first file, so the result does not depend on anything but the input order.
    """
    outliers = folder_outliers([n.name for n in names])
    if outliers is None:
        return {}
    positions, shown, best = outliers
    return {names[n].file: agency_problem(names[n], shown, best) for n in positions}


def folder_outliers(names: Sequence[str]) -> tuple[list[int], str, int] | None:
    """Positions of the names that differ from the majority, the majority's name as first written
    and how many files carry it; None below two files. Only positions, so a folder of ten
    thousand files costs no problem objects until each is reported."""
    if len(names) < 2:
        return None
    normal = [name_key(n) for n in names]
    counts = Counter(normal)
    best = max(counts.values())
    majority = next(n for n in normal if counts[n] == best)
    shown = names[normal.index(majority)]
    return [n for n, key in enumerate(normal) if key != majority], shown, best


def agency_problem(item: AgencyName, shown: str, best: int) -> Problem:
    where = ("instansi", "nama") if item.long_form else ("instansi",)
    params = {"name": item.name, "other": shown, "count": best}
    return Problem(Code.SPBE355, where, params, "warning")
