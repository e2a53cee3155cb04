"""Exact numbers: every index is a Fraction; decimals appear only when a value is shown.

Binary floats cannot hold 1.3 or 2.75 exactly and Python's round() rounds ties to even, so the
ministry's published figures (halves rounded up) are reproduced only with exact arithmetic.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

EXACT_PATTERN = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)(/\d+)?\s*$"
"""An exact number written as text: a decimal or a fraction, never an exponent. The rubric
schema publishes this pattern, and parse_number enforces it (ASCII digits only)."""
_EXACT = re.compile(EXACT_PATTERN, re.ASCII)
MAX_DIGITS = 30
"""Digits of each part of a number (whole, decimals, denominator) and the decimal exponent's
reach. Python's Fraction("1e10000000") expands the exponent (minutes and gigabytes) and long
digit strings make every later sum slow; no weight, cost or band needs more than a dozen."""


class NumberFormatError(ValueError):
    """A rubric number that is not an exact decimal or fraction."""


def parse_number(value: object) -> Fraction:
    """Read a rubric number exactly: an int, a Decimal, or a string "1.3" or "20/6".

    Floats are refused on purpose: by the time a float exists its exactness is already lost.
    Every bound is checked on the text or the digits before a Fraction is built.
    """
    if isinstance(value, bool):
        raise NumberFormatError(repr(value))
    if isinstance(value, int):
        if value.bit_length() > 4 * MAX_DIGITS or len(str(abs(value))) > MAX_DIGITS:
            raise NumberFormatError("a number with too many digits")
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberFormatError(str(value))
        digits = len(value.as_tuple().digits)
        if value and (digits > MAX_DIGITS or abs(value.adjusted()) > MAX_DIGITS):
            raise NumberFormatError("a number with too many digits")
        return Fraction(value)
    if isinstance(value, str):
        return _parse_text(value)
    raise NumberFormatError(repr(value))


def _parse_text(value: str) -> Fraction:
    if len(value) > 4 * MAX_DIGITS or _EXACT.fullmatch(value) is None:
        raise NumberFormatError(value[:40])
    if any(len(run) > MAX_DIGITS for run in re.split(r"[^0-9]+", value)):
        raise NumberFormatError(value[:40])
    try:
        return Fraction(value.strip())
    except (ValueError, ZeroDivisionError) as exc:
        raise NumberFormatError(value) from exc


def round_half_up(value: Fraction, decimals: int = 2) -> Decimal:
    """Round to `decimals` places with halves away from zero, as the ministry and Excel's ROUND.

    floor(|n/d| × 10^k + 1/2) in integers: the same number as with Fractions, at a fifth of the
    cost (every value of every row of a 10,000-file ranking is shown).
    """
    numerator, denominator = value.numerator, value.denominator
    magnitude = (2 * abs(numerator) * 10**decimals + denominator) // (2 * denominator)
    signed = -magnitude if numerator < 0 else magnitude
    return Decimal(signed).scaleb(-decimals)


def exact_text(value: Fraction) -> str:
    """The exact value as text: a terminating decimal when one exists, else "numerator/denominator".

    Both forms parse back with fractions.Fraction, so a CI script never loses exactness.
    """
    places = decimal_places(value)
    if places is None:
        return f"{value.numerator}/{value.denominator}"
    scaled = value.numerator * 10**places // value.denominator  # exact: the denominator divides
    return str(Decimal(scaled).scaleb(-places))


def decimal_places(value: Fraction) -> int | None:
    """Places a terminating decimal needs (1.3 → 1, 2.792 → 3); None when it repeats (1/3):
    the denominator's powers of 2 and 5, and nothing else in it."""
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return max(twos, fives) if denominator == 1 else None
