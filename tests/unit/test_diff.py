"""The comparison core of `spbe diff`: exact effects, their order, pairing, and the renderers.

The command itself (headings of each kind, formats, exit codes) is in
tests/acceptance/test_diff_cli.py.
"""

from __future__ import annotations

import dataclasses
import io
import json
from decimal import Decimal
from fractions import Fraction

import pytest
from conftest import bundled
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.diff import TrendPoint, compare, same_structure, trend
from spbe_cli.core.results import TrendResult
from spbe_cli.core.scoring import Scorecard, score
from spbe_cli.model.assessment import validate_assessment
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.base import Options
from spbe_cli.render.diff_out import SPARK_ASCII, SPARK_RICH, DiffTable, comparison_record
from spbe_cli.render.records import to_json


def card(
    rubric: Rubric, levels: dict[str, int], *, year: int = 2023, stage: str = "mandiri"
) -> Scorecard:
    data = {
        "rubrik": rubric.id,
        "instansi": "Kota Uji",
        "tahun": year,
        "tahap": stage,
        "indikator": levels,
    }
    assessment = validate_assessment(data, rubric)
    assert not isinstance(assessment, list), assessment
    return score(rubric, assessment)


def uniform(rubric: Rubric, level: int, **changes: int) -> dict[str, int]:
    levels = {i.key: level for i in rubric.indicators}
    levels.update({k.lstrip("i"): v for k, v in changes.items()})
    return levels


# ---- the core ----------------------------------------------------------------------------------


def test_indicators_sorted_gains_first_then_losses_each_largest_first(rubric59: Rubric) -> None:
    old = card(rubric59, uniform(rubric59, 3))
    new = card(rubric59, uniform(rubric59, 3, i1=4, i42=5, i21=1, i11=2, i30=2))
    listed = [(c.indicator.key, c.effect) for c in compare(old, new).changed]
    assert listed == [
        ("42", Fraction("0.06")),
        ("1", Fraction("0.013")),
        ("21", Fraction("-0.03")),
        ("11", Fraction("-0.025")),
        ("30", Fraction("-0.015")),
    ]


def test_change_in_both_directions(rubric59: Rubric) -> None:
    low, high = (
        card(rubric59, uniform(rubric59, 2)),
        card(rubric59, uniform(rubric59, 3), year=2024),
    )
    up, down = compare(low, high), compare(high, low)
    assert (up.index.delta, up.index.direction) == (Decimal("1.00"), "up")
    assert (down.index.delta, down.index.direction) == (Decimal("-1.00"), "down")
    assert up.count("up") == down.count("down") == 47
    assert all(c.direction == "down" for c in down.changed)


@pytest.mark.parametrize(
    ("old_level", "new_level", "old_pred", "new_pred"),
    [
        (1, 2, "Kurang", "Cukup"),
        (2, 3, "Cukup", "Baik"),
        (3, 4, "Baik", "Sangat Baik"),
        (4, 5, "Sangat Baik", "Memuaskan"),
    ],
)
def test_predicate_change_across_each_boundary(
    rubric59: Rubric, old_level: int, new_level: int, old_pred: str, new_pred: str
) -> None:
    old = card(rubric59, uniform(rubric59, old_level))
    new = card(rubric59, uniform(rubric59, new_level), year=2024)
    up, down = compare(old, new).index, compare(new, old).index
    assert (up.old.predicate, up.new.predicate, up.predicate_change) == (old_pred, new_pred, "up")
    assert (down.old.predicate, down.new.predicate, down.predicate_change) == (
        new_pred,
        old_pred,
        "down",
    )


def test_predicate_from_exact_values_at_a_boundary(rubric59: Rubric) -> None:
    # levels 2 with the eight 2.5-weight indicators 11-18 at 1: exactly 1.80, Cukup;
    # indicator 1 one lower: 1.787, shown 1.79, still Kurang.
    at_bound = uniform(rubric59, 2, **{f"i{k}": 1 for k in range(11, 19)})
    below = {**at_bound, "1": 1}
    cmp = compare(card(rubric59, below), card(rubric59, at_bound, year=2024))
    assert (cmp.index.old.value, cmp.index.new.value, cmp.index.delta) == (
        Decimal("1.79"),
        Decimal("1.80"),
        Decimal("0.01"),
    )
    assert (cmp.index.old.predicate, cmp.index.new.predicate) == ("Kurang", "Cukup")
    assert cmp.index.delta_exact == Fraction("0.013")


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.data())
def test_effects_add_up_to_the_exact_change_for_random_levels(data: st.DataObject) -> None:
    rubric = bundled(data.draw(st.sampled_from(["permenpanrb-59-2020", "permenpanrb-5-2018"])))
    level = st.integers(rubric.level_min, rubric.level_max)
    old = {i.key: data.draw(level) for i in rubric.indicators}
    new = {i.key: data.draw(level) for i in rubric.indicators}
    cmp = compare(card(rubric, old), card(rubric, new, year=2024))
    assert cmp.explained == cmp.index.delta_exact == cmp.new.index.exact - cmp.old.index.exact
    assert cmp.index.delta == cmp.new.index.value - cmp.old.index.value
    assert {c.indicator.key for c in cmp.changed} == {k for k in old if old[k] != new[k]}
    for c in cmp.changed:
        assert (
            c.effect
            == Fraction(new[c.indicator.key] - old[c.indicator.key]) * c.indicator.weight / 100
        )
    gains = [c.effect for c in cmp.changed if c.effect > 0]
    losses = [c.effect for c in cmp.changed if c.effect < 0]
    assert [c.effect for c in cmp.changed] == gains + losses
    assert gains == sorted(gains, reverse=True) and losses == sorted(losses)


def test_json_effects_add_up_to_delta_exact_with_non_terminating_weights() -> None:
    # 5/2018 weighs indicators 35-1..35-3 at 20/6: effects are thirds, written as fractions.
    rubric = bundled("permenpanrb-5-2018")
    old = card(rubric, uniform(rubric, 2))
    new = card(rubric, {**uniform(rubric, 2), "35-2": 4, "1": 1}, stage="akhir")
    data = json.loads(to_json(comparison_record(compare(old, new), ("a.yaml", "b.yaml"))))
    assert [(i["id"], i["effect"]) for i in data["indicators"]] == [
        ("35-2", "1/15"),
        (1, "-0.01"),
    ]
    assert data["index"]["delta_exact"] == data["explained"] == "17/300"
    assert sum(Fraction(i["effect"]) for i in data["indicators"]) == Fraction("17/300")


# ---- pairing: the same rubric id is not enough ------------------------------------------------


def test_same_rubric_id_with_other_content_is_not_paired(rubric59: Rubric) -> None:
    fewer = dataclasses.replace(rubric59, indicators=rubric59.indicators[:-1])
    assert same_structure(rubric59, rubric59)
    assert not same_structure(rubric59, fewer)


# ---- three or more files: the trend's sparkline ----------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_trend_sparkline_uses_blocks_only_in_the_rich_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    rubric = bundled("permenpanrb-59-2020")
    cards = [card(rubric, uniform(rubric, lv), year=2020 + lv) for lv in (1, 3, 5)]
    series = trend([TrendPoint.of(c) for c in cards])
    terminal, pipe = _Terminal(), io.StringIO()
    result = TrendResult(series, ["a", "b", "c"])
    DiffTable(Options("id")).write(result, terminal)
    DiffTable(Options("id")).write(result, pipe)
    assert f"{SPARK_RICH[0]}{SPARK_RICH[4]}{SPARK_RICH[7]}" in terminal.getvalue()
    assert f"{SPARK_ASCII[0]}{SPARK_ASCII[4]}{SPARK_ASCII[7]}" in pipe.getvalue()
    assert not set(SPARK_RICH) & set(pipe.getvalue())
