"""How the HTML report writes numbers: the decimal comma in Indonesian, one precision per kind of
figure (the terminal's), and no fraction a person has to divide in their head."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.render.report_figures import Figures

ID, EN = Figures("id"), Figures("en")


def test_indonesian_writes_a_comma_english_a_point() -> None:
    assert ID.decimal(Decimal("2.79")) == "2,79" and EN.decimal(Decimal("2.79")) == "2.79"
    assert ID.signed(Decimal("0.32")) == "+0,32"
    assert ID.signed(Decimal("-0.10")) == "-0,10" and ID.signed(Decimal("0.00")) == "0,00"


def test_index_values_round_half_up_to_the_rubric_places() -> None:
    assert ID.value(Fraction("4.765"), 2) == "4,77" and EN.value(Fraction("1.025"), 2) == "1.03"


def test_shares_of_the_index_have_the_index_places() -> None:
    """0.039 reads 0,04 as it does in `spbe score`: one precision for one kind of figure."""
    assert ID.share(Fraction("0.039"), 2) == "0,04"
    assert EN.share(Fraction("0.06"), 2, sign=True) == "+0.06"
    assert ID.share(Fraction(-1723, 6000), 2, sign=True) == "-0,29"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction("1.3"), "1,3"),
        (Fraction("27.5"), "27,5"),
        (Fraction(5), "5"),
        (Fraction("2.792"), "2,792"),
        (Fraction(20, 6), "3,3333…"),
        (Fraction(593, 300), "1,9766…"),  # cut, not rounded up to 1,9767
        (Fraction(34999999, 10**7), "3,4999…"),  # never reads as the bound 3,50
    ],
)
def test_weights_and_exact_values_in_full_or_cut_and_marked(value: Fraction, shown: str) -> None:
    assert ID.exact(value) == shown and "/" not in ID.exact(value)


def test_band_bounds_use_the_index_places_unless_they_have_more() -> None:
    assert ID.bound(Fraction("1.8"), 2) == "1,80" and ID.bound(Fraction(5), 2) == "5,00"
    assert EN.bound(Fraction("1.125"), 2) == "1.125"
