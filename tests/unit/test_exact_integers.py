"""The integer forms of rounding, exact text, predicates and units (issue 17) give the Fraction
forms' answers, for every value: they run for every shown value of every file of a batch, so
they were rewritten in integers, and exactness must not have moved by one digit.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import hypothesis.strategies as st
import pytest
from conftest import bundled
from hypothesis import given, settings

from spbe_cli.model.exact import exact_text, round_half_up

pytestmark = pytest.mark.slow  # hypothesis


def round_with_fractions(value: Fraction, decimals: int) -> Decimal:
    """The definition: |value| × 10^k + 1/2, floored, with the sign put back."""
    magnitude = int(abs(value) * 10**decimals + Fraction(1, 2))
    return Decimal(-magnitude if value < 0 else magnitude).scaleb(-decimals)


def text_with_fractions(value: Fraction) -> str:
    """As written before (the places from the powers of 2 and 5, then a Fraction product)."""
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    return str(Decimal((value * 10**places).numerator).scaleb(-places))


fractions = st.fractions(max_denominator=10**6).filter(lambda f: abs(f) < 10**9)
terminating = st.builds(
    lambda n, twos, fives: Fraction(n, 2**twos * 5**fives),
    st.integers(-(10**9), 10**9),
    st.integers(0, 12),
    st.integers(0, 12),
)


@settings(max_examples=2000, deadline=None)
@given(fractions | terminating, st.integers(0, 6))
def test_round_half_up_is_the_fraction_definition(value: Fraction, decimals: int) -> None:
    assert round_half_up(value, decimals) == round_with_fractions(value, decimals)
    assert str(round_half_up(value, decimals)) == str(round_with_fractions(value, decimals))


@settings(max_examples=2000, deadline=None)
@given(fractions | terminating)
def test_exact_text_is_unchanged(value: Fraction) -> None:
    assert exact_text(value) == text_with_fractions(value)
    assert Fraction(exact_text(value)) == value


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(["permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"]), fractions)
def test_predicate_for_compares_like_fractions(rubric_id: str, value: Fraction) -> None:
    rubric = bundled(rubric_id)
    expected = next(
        (b.name for b in reversed(rubric.bands) if value >= b.low), rubric.bands[0].name
    )
    assert rubric.predicate_for(value) == expected
    for band in rubric.bands:  # the bounds themselves, where a float or a slip would show
        assert rubric.predicate_for(band.low) == band.name


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"]))
def test_units_of_every_group_weight(rubric_id: str) -> None:
    rubric = bundled(rubric_id)
    for group in (*rubric.domains, *rubric.aspects):
        assert rubric.units_of(group.weight) == group.weight / rubric.unit
    assert rubric.units_of(rubric.total_weight) == rubric.total_weight / rubric.unit
