"""The advisory checks (SPBE35x) as pure functions: deterministic, with today passed in."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import bundled

from spbe_cli.core.checks import AgencyName, agency_mismatches, assessment_warnings, era_years
from spbe_cli.model.assessment import Assessment, validate_assessment
from spbe_cli.model.rubric import Rubric

TODAY = date(2024, 6, 1)


def make(rubric: Rubric, year: int = 2022, **claims: Any) -> Assessment:
    levels: dict[str, Any] = {i.key: 1 for i in rubric.indicators}
    levels.update(claims)
    data = {"rubrik": rubric.id, "instansi": "Kota Contoh", "tahun": year, "indikator": levels}
    result = validate_assessment(data, rubric)
    assert isinstance(result, Assessment), result
    return result


def codes(rubric: Rubric, assessment: Assessment, today: date = TODAY) -> list[tuple[str, tuple]]:
    return [(p.code, p.path) for p in assessment_warnings(assessment, rubric, today)]


def test_all_level_one_without_words_is_quiet(rubric59: Rubric) -> None:
    assert codes(rubric59, make(rubric59)) == []


def test_claims_need_words_and_evidence(rubric59: Rubric) -> None:
    found = codes(
        rubric59, make(rubric59, **{"1": 2, "2": 3, "3": {"level": 4, "penjelasan": "ada"}})
    )
    assert found == [
        ("SPBE351", ("indikator", "1")),
        ("SPBE351", ("indikator", "2")),
        ("SPBE352", ("indikator", "2")),
        ("SPBE352", ("indikator", "3", "level")),
    ]


def test_blank_words_do_not_count(rubric59: Rubric) -> None:
    entry = {"level": 3, "penjelasan": "  ", "bukti_dukung": [" "]}
    assert [c for c, _ in codes(rubric59, make(rubric59, **{"5": entry}))] == ["SPBE351", "SPBE352"]


def test_a_full_claim_is_quiet(rubric59: Rubric) -> None:
    entry = {"level": 5, "penjelasan": "Perwal 1/2022", "bukti_dukung": ["perwal.pdf"]}
    assert codes(rubric59, make(rubric59, **{"5": entry})) == []


def test_year_in_the_future_uses_the_date_given(rubric59: Rubric) -> None:
    assessment = make(rubric59, year=2025)
    assert codes(rubric59, assessment, date(2024, 12, 31)) == [("SPBE353", ("tahun",))]
    assert codes(rubric59, assessment, date(2025, 1, 1)) == []


@pytest.mark.parametrize(
    ("rubric_id", "year", "warned"),
    [
        ("permenpanrb-59-2020", 2019, True),
        ("permenpanrb-59-2020", 2021, False),
        ("permenpanrb-59-2020", 2025, False),
        ("permenpanrb-5-2018", 2021, True),
        ("pemdi-8-2026", 2025, True),
        ("pemdi-8-2026", 2030, False),
    ],
)
def test_year_outside_the_rubric_era(rubric_id: str, year: int, warned: bool) -> None:
    rubric = bundled(rubric_id)
    found = codes(rubric, make(rubric, year=year), date(2040, 1, 1))
    assert (("SPBE354", ("tahun",)) in found) is warned


def test_era_years() -> None:
    assert era_years("2021-2025") == (2021, 2025)
    assert era_years("2026-") == (2026, None)
    assert era_years("2018–2019") == (2018, 2019)
    assert era_years("sejak dulu") is None


def test_agency_mismatch_names_the_odd_one_out() -> None:
    names = [
        AgencyName("a.yaml", "Pemerintah Kota Contoh", True),
        AgencyName("b.yaml", "pemerintah  kota contoh", True),
        AgencyName("c.yaml", "Pemerintah Kota Cotnoh", False),
    ]
    found = agency_mismatches(names)
    assert list(found) == ["c.yaml"]
    problem = found["c.yaml"]
    assert (problem.code, problem.path, problem.severity) == ("SPBE355", ("instansi",), "warning")
    assert problem.params["other"] == "Pemerintah Kota Contoh"


def test_agency_mismatch_needs_two_files_and_breaks_ties_by_order() -> None:
    assert agency_mismatches([AgencyName("a.yaml", "A", False)]) == {}
    found = agency_mismatches([AgencyName("a.yaml", "A", True), AgencyName("b.yaml", "B", True)])
    assert list(found) == ["b.yaml"] and found["b.yaml"].path == ("instansi", "nama")
