"""Exact values for people to read: decimals only, never `197/75`.

The JSON and CSV keep every exact value as text that fractions.Fraction parses back ("197/75");
a table, a notice or a Markdown report shows a decimal instead. A value that has no terminating
decimal (5/2018's weights of 20/6, a domain divided by 16.5) shows its first digits and an
ellipsis, so the digits shown are exactly the value's own and the "…" says it goes on.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from spbe_cli.model.exact import exact_text, round_half_up

PLACES = 6
"""Digits after the point of an exact value shown to people (59/2020's indices need at most 4)."""


def decimal_text(value: Fraction, places: int = PLACES) -> str:
    """`value` as a decimal: all of it when it terminates within `places` digits, else its first
    `places` digits followed by "…" (truncated, never rounded: every digit shown is exact)."""
    written = exact_text(value)
    if "/" not in written and len(written.partition(".")[2]) <= places:
        return written
    magnitude = abs(value) * 10**places
    digits = Decimal(magnitude.numerator // magnitude.denominator).scaleb(-places)
    return f"{'-' if value < 0 else ''}{digits}…"


def fixed(value: Fraction, places: int) -> str:
    """`value` rounded half up to exactly `places` decimals: one precision down a column."""
    return str(round_half_up(value, places))
