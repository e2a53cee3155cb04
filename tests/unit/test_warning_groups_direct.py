"""The folded claim warnings built straight from the claims (`folded_warnings`, what `spbe validate`
runs per file) are exactly those of folding every claim's warning (`one_per_code`)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from conftest import bundled

from spbe_cli.core.checks import assessment_warnings
from spbe_cli.core.warning_groups import SHOWN, folded_warnings, id_runs, one_per_code
from spbe_cli.model.assessment import Assessment, validate_assessment
from spbe_cli.model.codes import Code

RUBRICS = ["permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"]
NOTES = [None, "", "  ", "Sudah ditetapkan."]
EVIDENCE = [None, [], ["  "], ["sk.pdf"], ["", "sk.pdf"]]


def random_claim(rng: random.Random, low: int, high: int) -> Any:
    level = rng.randint(low, high)
    shape = rng.random()
    if shape < 0.5:
        return level
    if shape < 0.55:
        return None
    entry: dict[str, Any] = {"level": None if rng.random() < 0.05 else level}
    for field, choices in (("penjelasan", NOTES), ("bukti_dukung", EVIDENCE)):
        value = rng.choice(choices)
        if value is not None or rng.random() < 0.5:
            entry[field] = value
    return entry


def random_assessment(rng: random.Random, rubric_id: str) -> Assessment:
    rubric = bundled(rubric_id)
    low = rng.choice([rubric.level_min, rng.randint(rubric.level_min, rubric.level_max)])
    high = low if rng.random() < 0.2 else rubric.level_max  # sometimes nothing to warn about
    indicators = {
        i.key: random_claim(rng, low, high) for i in rubric.indicators if rng.random() < 0.9
    }
    data = {
        "rubrik": rubric_id,
        "instansi": "Kota Contoh",
        "tahun": rng.choice([2015, 2019, 2022, 2024, 2027, 2040]),
        "indikator": indicators,
    }
    result = validate_assessment(data, rubric, partial=True)
    assert isinstance(result, Assessment), result
    return result


@pytest.mark.parametrize("rubric_id", RUBRICS)
def test_folded_directly_equals_every_warning_folded(rubric_id: str) -> None:
    rng = random.Random(f"fold-{rubric_id}")
    rubric = bundled(rubric_id)
    today = date(2026, 12, 1)
    seen: set[tuple[Code, ...]] = set()
    for _ in range(400):
        assessment = random_assessment(rng, rubric_id)
        expected = one_per_code(assessment_warnings(assessment, rubric, today))
        assert folded_warnings(assessment, rubric, today) == expected
        seen.add(tuple(p.code for p in expected))
    # the random files reach every order: unproven first, unexplained first, single and folded
    assert (Code.SPBE352, Code.SPBE351) in {codes[:2] for codes in seen}
    assert (Code.SPBE351, Code.SPBE352) in {codes[:2] for codes in seen}
    assert any(Code.SPBE353 in codes or Code.SPBE354 in codes for codes in seen)
    assert any(Code.SPBE351 not in codes and Code.SPBE352 not in codes for codes in seen)


def test_a_single_claim_warning_is_the_claims_own(rubric59: Any) -> None:
    data = {
        "rubrik": "permenpanrb-59-2020",
        "instansi": "Kota Contoh",
        "tahun": 2024,
        "indikator": {"5": {"level": 2, "bukti_dukung": ["sk.pdf"]}},
    }
    assessment = validate_assessment(data, rubric59, partial=True)
    assert isinstance(assessment, Assessment)
    today = date(2026, 12, 1)
    folded = folded_warnings(assessment, rubric59, today)
    assert folded == assessment_warnings(assessment, rubric59, today)
    assert [(p.code, p.path) for p in folded] == [(Code.SPBE351, ("indikator", "5", "level"))]


def runs_as_written_first(ids: list[str]) -> str:
    """id_runs as it was first written (int() of each neighbour, pair by pair): the reference."""
    parts: list[str] = []
    n = 0
    while n < len(ids):
        end = n
        while (
            end + 1 < len(ids)
            and ids[end].isdigit()
            and ids[end + 1].isdigit()
            and int(ids[end + 1]) == int(ids[end]) + 1
        ):
            end += 1
        if end - n >= 2:
            parts.append(f"{ids[n]}–{ids[end]}")
        else:
            parts.extend(ids[n : end + 1])
        n = end + 1
    if len(parts) > SHOWN:
        return ", ".join(parts[:SHOWN]) + " …"
    return ", ".join(parts)


def test_runs_read_each_id_once_and_join_the_same() -> None:
    rng = random.Random("runs")
    pool = [str(n) for n in range(0, 60)] + ["35-1", "35-2", "1a", "007", "08"]
    for _ in range(3_000):
        ids = rng.sample(pool, rng.randint(0, 40))
        if rng.random() < 0.8:  # mostly in order, as a rubric lists them: runs to join
            ids.sort(key=lambda i: (int(i) if i.isdigit() else 99, i))
        assert id_runs(ids) == runs_as_written_first(ids), ids
