"""Every SPBE framework as data: 5/2018, 59/2020, Pemdi 2026 and custom rubric files, scored
directly (the commands `score` and `rubric ...` are in tests/acceptance/test_rubrics_cli.py)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from conftest import FIXTURES, bundled

from spbe_cli.core.scoring import score
from spbe_cli.files.reader import read_document
from spbe_cli.model.assessment import validate_assessment
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.rubric_file import build_rubric

RUBRICS = FIXTURES / "rubrics"


def scored(path: Path, rubric: Rubric):
    doc = read_document(path)
    assessment = validate_assessment(doc.data, rubric)
    assert not isinstance(assessment, list), assessment
    return score(rubric, assessment)


# --- PermenPANRB 5/2018: Kota Denpasar 2018 -------------------------------------------------


def test_5_2018_reproduces_denpasar_2018():
    card = scored(FIXTURES / "denpasar-2018.yaml", bundled("permenpanrb-5-2018"))
    shown = [str(a.index.value) for a in card.aspects]
    assert shown == ["2.00", "2.10", "2.00", "2.50", "2.33", "3.29", "2.50"]
    assert card.index.exact == Fraction(66, 25)
    assert str(card.index.value) == "2.64"
    assert card.index.predicate == "Baik"
    assert card.assessment.tahap == "akhir"


def test_5_2018_string_ids_and_level_zero():
    rubric = bundled("permenpanrb-5-2018")
    assert [k for k in rubric.by_key if k.startswith("35")] == ["35-1", "35-2", "35-3"]
    assert rubric.by_key["35-2"].weight == Fraction(20, 6)
    assert (rubric.level_min, rubric.level_max) == (0, 5)
    assert rubric.by_key["35-1"].level_name(0) == "Tidak Ada"
    assert rubric.predicate_for(Fraction(0)) == "Kurang"


# --- Pemdi 2026: its own predicate bounds, from both sides ----------------------------------

PEMDI_BOUNDS = [
    ("1.50", "Kurang", "Cukup"),
    ("2.50", "Cukup", "Baik"),
    ("3.50", "Baik", "Sangat Baik"),
    ("4.00", "Sangat Baik", "Memuaskan"),
]


@pytest.mark.parametrize(("bound", "below", "at"), PEMDI_BOUNDS)
def test_pemdi_bounds_exact(bound: str, below: str, at: str):
    rubric = bundled("pemdi-8-2026")
    value = Fraction(bound)
    assert rubric.predicate_for(value) == at
    assert rubric.predicate_for(value - Fraction(1, 10**9)) == below
    assert rubric.predicate_for(value - Fraction(1, 100)) == below


def _levels_for(rubric: Rubric, extra: int) -> dict[str, int] | None:
    """Levels whose Σ(level × weight) is exactly 100 + extra (all at 1 give 100), by search."""
    indicators = rubric.indicators
    top = rubric.level_max - rubric.level_min
    reachable: dict[int, dict[str, int]] = {0: {}}
    for ind in indicators:
        step = int(ind.weight)
        grown: dict[int, dict[str, int]] = {}
        for total, chosen in reachable.items():
            for k in range(top + 1):
                grown.setdefault(total + k * step, {**chosen, ind.key: rubric.level_min + k})
        reachable = grown
    found = reachable.get(extra)
    return found


@pytest.mark.parametrize(("bound", "below", "at"), PEMDI_BOUNDS)
def test_pemdi_bounds_through_scoring(bound: str, below: str, at: str, tmp_path: Path):
    """Real level sets that land exactly on each bound and 0.01 below it."""
    rubric = bundled("pemdi-8-2026")
    assert all(i.weight.denominator == 1 for i in rubric.indicators)
    for value, predicate in ((Fraction(bound), at), (Fraction(bound) - Fraction(1, 100), below)):
        levels = _levels_for(rubric, int(value * 100) - 100)
        assert levels is not None
        lines = ["rubrik: pemdi-8-2026", "instansi: Uji", "tahun: 2026", "indikator:"]
        lines += [f"  {k}: {v}" for k, v in levels.items()]
        path = tmp_path / "uji.yaml"
        path.write_text("\n".join(lines) + "\n")
        card = scored(path, rubric)
        assert card.index.exact == value
        assert card.index.predicate == predicate


def test_pemdi_has_no_domains_and_its_own_bands():
    rubric = bundled("pemdi-8-2026")
    assert rubric.domains == ()
    assert len(rubric.aspects) == 7 and len(rubric.indicators) == 20
    assert rubric.total_weight == 100
    assert [b.name for b in rubric.bands][-1] == "Memuaskan"
    assert rubric.provisional


# --- custom rubric files -------------------------------------------------------------------


def test_rubric_ids_are_strict():
    data = read_document(RUBRICS / "tiny.yaml").data
    data["aspects"][1]["indicators"][0]["id"] = True
    problems = build_rubric(data)
    assert isinstance(problems, list)
    assert {p.code for p in problems} == {"SPBE106"}
    data["aspects"][1]["indicators"][0]["id"] = " 2"
    problems = build_rubric(data)
    assert isinstance(problems, list) and [p.code for p in problems] == ["SPBE213"]


def test_weights_are_exact_not_float():
    """Three thirds of 20 are exactly 20: a float sum would miss 100 by a hair."""
    data = read_document(RUBRICS / "tiny.yaml").data
    built = build_rubric(data)
    assert isinstance(built, Rubric)
    assert built.total_weight == 100
    assert built.by_key["1-1"].weight == Fraction(20, 3)
