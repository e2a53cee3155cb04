"""How the HTML report writes numbers: the decimal comma in Indonesian, one precision per kind of
figure, and no fraction a person has to divide in their head."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.render.report_figures import Figures

ID, EN = Figures("id"), Figures("en")


def test_indonesian_writes_a_comma_english_a_point() -> None:
    assert ID.decimal(Decimal("2.79")) == "2,79" and EN.decimal(Decimal("2.79")) == "2.79"
    assert ID.signed(Decimal("0.32")) == "+0,32"
    assert ID.signed(Decimal("-0.10")) == "\u22120,10" and ID.signed(Decimal("0.00")) == "0,00"


def test_index_values_round_half_up_to_the_rubric_places() -> None:
    assert ID.value(Fraction("4.765"), 2) == "4,77" and EN.value(Fraction("1.025"), 2) == "1.03"


def test_shares_have_four_places_as_the_terminal_prints_them() -> None:
    """0.039 reads 0,0390 here and 0.0390 in `spbe score`: one precision for one kind of figure."""
    assert ID.share(Fraction("0.039")) == "0,0390"
    assert EN.share(Fraction("0.06"), sign=True) == "+0.0600"
    assert ID.share(Fraction(-1723, 6000), sign=True) == "\u22120,2872"


@pytest.mark.parametrize(
    ("weight", "shown"),
    [(Fraction("1.3"), "1,3"), (Fraction("27.5"), "27,5"), (Fraction(20, 6), "3,3333")],
)
def test_weights_are_exact_when_short_else_four_places(weight: Fraction, shown: str) -> None:
    assert ID.weight(weight) == shown


def test_an_exact_value_is_a_decimal_cut_never_a_fraction_or_rounded_up() -> None:
    assert EN.exact(Fraction("2.792")) == "2.792"
    assert EN.exact(Fraction(593, 300)) == "1.976666…"
    # just under a band's bound: cut, so it never reads as the bound itself
    assert EN.exact(Fraction(34999999, 10**7)) == "3.499999…"
    assert "/" not in ID.exact(Fraction(1, 3))


def test_band_bounds_use_the_index_places() -> None:
    assert ID.bound(Fraction("1.8"), 2) == "1,80" and ID.bound(Fraction(5), 2) == "5,00"
