"""The report model behind `spbe report`: trend, comparison, plan targets per aspect, extremes.

The HTML file and the browser check are in tests/acceptance/test_report.py.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

from conftest import EXAMPLES

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.core.report_model import build_report

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
