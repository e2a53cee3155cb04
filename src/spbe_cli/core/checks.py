"""Advisory checks of a valid assessment: what an assessor would ask about before scoring it.

These are warnings (SPBE35x), not errors: the file scores, but a claim without an explanation or
evidence will not survive the document review, a year in the future is a typo, and one agency under
two names in one folder is a copy-and-paste slip. Pure: today's date is a parameter, so the checks
are deterministic in tests; the problems carry paths, so the loader locates them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from spbe_cli.model.assessment import Assessment, Entry
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem
from spbe_cli.model.rubric import Rubric, era_years, name_key


def assessment_warnings(assessment: Assessment, rubric: Rubric, today: date) -> list[Problem]:
    """Every warning about one validated assessment, in indicator order then the year."""
    problems: list[Problem] = []
    for key, level, long_form, unexplained, unproven in claim_flags(assessment, rubric):
        if unexplained:
            problems.append(claim_problem(False, key, level, long_form, rubric))
        if unproven:
            problems.append(claim_problem(True, key, level, long_form, rubric))
    problems += year_warnings(assessment.tahun, rubric, today)
    return problems


ClaimFlags = tuple[str, int, bool, bool, bool]
"""(indicator key, level, long form, unexplained: SPBE351, unproven: SPBE352) of one claim."""


def claim_flags(assessment: Assessment, rubric: Rubric) -> Iterator[ClaimFlags]:
    """The claims that need a warning, in the rubric's indicator order, as flags, not problems.

    Runs for every indicator of every file of a batch, and most claims need no warning, so each
    is decided from its level, explanation and evidence before anything is built; a caller that
    folds the warnings (warning_groups.py) then builds one problem per code, not one per claim.
    """
    claims = assessment.indikator
    low, proof_from = rubric.level_min, rubric.evidence_from_level
    for indicator in rubric.indicators:
        key = indicator.key
        claim = claims.get(key)
        if claim is None:
            continue
        if isinstance(claim, Entry):
            level = claim.level
            if level is None:
                continue
            unexplained = level > low and not (claim.penjelasan or "").strip()
            evidence = claim.bukti_dukung or []
            unproven = level >= proof_from and not any(b.strip() for b in evidence)
            if unexplained or unproven:
                yield key, level, True, unexplained, unproven
        elif claim > low or claim >= proof_from:
            # the short form: a level alone, so no explanation and no evidence
            yield key, claim, False, claim > low, claim >= proof_from


def claim_problem(unproven: bool, key: str, level: int, long_form: bool, rubric: Rubric) -> Problem:
    """SPBE352 (no evidence) when `unproven`, else SPBE351 (no explanation), for one claim."""
    where = ("indikator", key, "level") if long_form else ("indikator", key)
    said = {"catalogue": "validate.claim.one", "id": key, "level": level}
    if unproven:
        params = {"claim": said, "from": rubric.evidence_from_level, "more": ""}
    else:
        params = {"claim": said, "min": rubric.level_min, "more": ""}
    return Problem(Code.SPBE352 if unproven else Code.SPBE351, where, params, severity="warning")


def year_warnings(year: int, rubric: Rubric, today: date) -> list[Problem]:
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
