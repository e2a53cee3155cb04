"""Properties of the index that hold for every assessment (hypothesis), on every bundled rubric."""

from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import bundled
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.scoring import score
from spbe_cli.model.assessment import Assessment, validate_assessment
from spbe_cli.model.exact import round_half_up
from spbe_cli.model.rubric import Rubric

RUBRICS = [bundled(r) for r in ("permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026")]


def levels_for(rubric: Rubric) -> st.SearchStrategy[dict[str, int]]:
    level = st.integers(rubric.level_min, rubric.level_max)
    return st.fixed_dictionaries({i.key: level for i in rubric.indicators})


def assessment(rubric: Rubric, levels: dict[str, int]) -> Assessment:
    data = {"rubrik": rubric.id, "instansi": "Uji", "tahun": 2024, "indikator": levels}
    result = validate_assessment(data, rubric)
    assert isinstance(result, Assessment), result
    return result


@pytest.mark.slow
@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.id)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_index_lies_between_lowest_and_highest_level(rubric: Rubric, data: st.DataObject) -> None:
    levels = data.draw(levels_for(rubric))
    card = score(rubric, assessment(rubric, levels))
    assert min(levels.values()) <= card.index.exact <= max(levels.values())
    for group in card.domains + card.aspects:
        assert rubric.level_min <= group.index.exact <= rubric.level_max


@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.id)
def test_every_level_k_gives_index_k(rubric: Rubric) -> None:
    for k in range(rubric.level_min, rubric.level_max + 1):
        card = score(rubric, assessment(rubric, {i.key: k for i in rubric.indicators}))
        assert card.index.exact == k
        assert all(g.index.exact == k for g in card.domains + card.aspects)


@pytest.mark.slow
@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.id)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_one_level_up_moves_the_index_by_weight_over_100(
    rubric: Rubric, data: st.DataObject
) -> None:
    levels = data.draw(levels_for(rubric))
    raisable = [k for k, v in levels.items() if v < rubric.level_max]
    if not raisable:
        return
    key = data.draw(st.sampled_from(raisable))
    before = score(rubric, assessment(rubric, levels)).index.exact
    after = score(rubric, assessment(rubric, {**levels, key: levels[key] + 1})).index.exact
    assert after - before == rubric.by_key[key].weight / 100


@pytest.mark.slow
@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.id)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_overall_equals_weighted_domains_and_predicate_matches_bands(
    rubric: Rubric, data: st.DataObject
) -> None:
    card = score(rubric, assessment(rubric, data.draw(levels_for(rubric))))
    groups = card.domains or card.aspects
    assert sum(g.index.exact * g.weight for g in groups) / 100 == card.index.exact
    band = next(
        b for b in rubric.bands if b.low <= card.index.exact < b.high or b is rubric.bands[-1]
    )
    assert card.index.predicate == band.name


@pytest.mark.slow
@given(st.fractions(min_value=-10, max_value=10))
def test_round_half_up_is_within_half_a_unit(value: Fraction) -> None:
    shown = Fraction(round_half_up(value))
    assert abs(shown - value) <= Fraction(1, 200)
    if abs(shown - value) == Fraction(1, 200):
        assert abs(shown) > abs(value)  # ties go away from zero
