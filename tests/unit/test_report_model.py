"""The report model behind `spbe report`: trend, comparison, plan targets per aspect, extremes.

The HTML file and the browser check are in tests/acceptance/test_report.py.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

from conftest import EXAMPLES, FIXTURES, bundled

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.core.report_model import HIGHLIGHTS, Extremes, build_report, extremes
from spbe_cli.core.scoring import score
from spbe_cli.model.assessment import validate_assessment
from spbe_cli.model.rubric import Rubric

Y2021, Y2022 = (str(EXAMPLES / f"kota-contoh-{y}.yaml") for y in (2021, 2022))


def card(path: str) -> object:
    outcome = assess(Path(path), RubricStore())
    assert outcome.scorecard is not None
    return outcome.scorecard


def test_model_trend_diff_and_plan_target_aspects() -> None:
    model = build_report([card(Y2022), card(Y2021)], date(2026, 6, 30), Fraction("3.5"))
    assert model.card.assessment.tahun == 2022
    assert model.comparison is not None and model.comparison.old.assessment.tahun == 2021
    assert model.plan is not None and model.plan.reached >= Fraction("3.5")
    raised = {s.indicator.aspect_key for s in model.plan.steps}
    for point in model.aspects:
        assert point.target is not None
        if point.group.key in raised:
            assert point.target.exact > point.group.index.exact
        else:
            assert point.target.exact == point.group.index.exact
    strongest, weakest = model.extremes.strongest, model.extremes.weakest
    assert [s.level for s in strongest] == sorted((s.level for s in strongest), reverse=True)
    assert max(s.level for s in weakest) <= min(s.level for s in strongest)


# ---- honest across rubrics, no repeated rows, no empty plan (issue 14) ------------------------

DAY = date(2026, 6, 30)


def scored(rubric: Rubric, levels: dict[str, int], year: int, stage: str = "mandiri") -> object:
    data = {"rubrik": rubric.id, "instansi": "Kota Uji", "tahun": year, "tahap": stage}
    assessment = validate_assessment({**data, "indikator": levels}, rubric)
    assert not isinstance(assessment, list), assessment
    return score(rubric, assessment)


def levels_of(rubric: Rubric, level: int, **changes: int) -> dict[str, int]:
    levels = {i.key: level for i in rubric.indicators}
    levels.update({k.lstrip("i"): v for k, v in changes.items()})
    return levels


def test_all_levels_equal_gives_no_strongest_or_weakest_but_the_level(rubric59: Rubric) -> None:
    found = extremes(scored(rubric59, levels_of(rubric59, 3), 2023))
    assert found == Extremes((), (), 3)


def test_strongest_and_weakest_never_share_a_row(rubric59: Rubric) -> None:
    """Two levels only: the higher ones are the strongest, the lower ones the weakest, and a row
    at the lowest level is never called strong (it once listed the same rows under both)."""
    one_up = scored(rubric59, levels_of(rubric59, 2, i42=3), 2023)
    found = extremes(one_up)
    assert [s.indicator.key for s in found.strongest] == ["42"]
    assert {s.level for s in found.weakest} == {2} and len(found.weakest) == HIGHLIGHTS
    spread = scored(rubric59, levels_of(rubric59, 3, i1=1, i2=2, i3=4, i4=5, i5=4), 2023)
    found = extremes(spread)
    strong = {s.indicator.key for s in found.strongest}
    weak = {s.indicator.key for s in found.weakest}
    assert not strong & weak
    assert [s.level for s in found.weakest][:2] == [1, 2]
    assert [s.level for s in found.strongest][:3] == [5, 4, 4]


def test_a_small_rubric_still_lists_each_indicator_once() -> None:
    """Four indicators: five strongest and five weakest would list every row twice; each list
    takes half."""
    loaded = RubricStore().load(FIXTURES / "rank" / "mini-rubric.yaml")
    assert isinstance(loaded, Rubric)
    found = extremes(scored(loaded, {"1": 1, "2": 2, "3": 4, "4": 5}, 2022))
    assert [s.indicator.key for s in found.strongest] == ["4", "3"]
    assert [s.indicator.key for s in found.weakest] == ["1", "2"]


def test_the_trend_is_cut_where_the_rubric_changes(rubric59: Rubric) -> None:
    r18, r26 = bundled("permenpanrb-5-2018"), bundled("pemdi-8-2026")
    cards = [
        scored(r26, levels_of(r26, 3), 2026),
        scored(rubric59, levels_of(rubric59, 3), 2021),
        scored(r18, levels_of(r18, 2), 2019),
        scored(rubric59, levels_of(rubric59, 4), 2022),
    ]
    model = build_report(cards, DAY)
    assert [(s.start, s.stop, s.rubric.id) for s in model.segments] == [
        (0, 1, "permenpanrb-5-2018"),
        (1, 3, "permenpanrb-59-2020"),
        (3, 4, "pemdi-8-2026"),
    ]
    assert model.rubric_changes == 2
    assert model.comparison is not None and model.comparison.kind == "rubrics"
    assert not model.comparison.comparable_indicators
    assert model.trend is not None and model.trend.domains == ()  # Pemdi has no domains
    assert "Manajemen SPBE" in model.trend.unshared_domains
    one = build_report(cards[1:2] + cards[3:], DAY)
    assert len(one.segments) == 1 and one.rubric_changes == 0


def test_no_plan_series_when_the_target_is_already_met(rubric59: Rubric) -> None:
    card4 = scored(rubric59, levels_of(rubric59, 4), 2023)
    met = build_report([card4], DAY, Fraction(3))
    assert met.plan is not None and not met.plan.steps and not met.plan_has_steps
    assert all(p.target is None for p in met.aspects)
    needed = build_report([card4], DAY, Fraction("4.5"))
    assert needed.plan_has_steps and all(p.target is not None for p in needed.aspects)
