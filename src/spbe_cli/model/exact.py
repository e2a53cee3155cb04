"""Exact numbers: every index is a Fraction; decimals appear only when a value is shown.

Binary floats cannot hold 1.3 or 2.75 exactly and Python's round() rounds ties to even, so the
ministry's published figures (halves rounded up) are reproduced only with exact arithmetic.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


class NumberFormatError(ValueError):
    """A rubric number that is not an exact decimal or fraction."""


def parse_number(value: object) -> Fraction:
    """Read a rubric number exactly: an int, a Decimal, or a string "1.3" or "20/6".

    Floats are refused on purpose: by the time a float exists its exactness is already lost.
    """
    if isinstance(value, bool):
        raise NumberFormatError(repr(value))
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            raise NumberFormatError(str(value))
        return Fraction(value)
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError) as exc:
            raise NumberFormatError(value) from exc
    raise NumberFormatError(repr(value))


def round_half_up(value: Fraction, decimals: int = 2) -> Decimal:
    """Round to `decimals` places with halves away from zero, as the ministry and Excel's ROUND."""
    scale = 10**decimals
    magnitude = int(abs(value) * scale + Fraction(1, 2))
    signed = -magnitude if value < 0 else magnitude
    return Decimal(signed).scaleb(-decimals)


def exact_text(value: Fraction) -> str:
    """The exact value as text: a terminating decimal when one exists, else "numerator/denominator".

    Both forms parse back with fractions.Fraction, so a CI script never loses exactness.
    """
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
    scaled = value * 10**places
    return str(Decimal(scaled.numerator).scaleb(-places))
