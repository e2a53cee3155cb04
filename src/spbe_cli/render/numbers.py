"""Exact values for people to read: decimals only, never `197/75`.

The JSON and CSV keep every exact value as text that fractions.Fraction parses back ("197/75");
a table, a notice or a Markdown report shows a decimal instead. A value that has no terminating
decimal (5/2018's weights of 20/6, a domain divided by 16.5) shows its first digits and an
ellipsis, so the digits shown are exactly the value's own and the "…" says it goes on.

The rule itself is the catalogue's (`messages.number`, which the messages' own numbers need and
which cannot import the renderers): one rule for every human output, with the HTML report's
(render/report_figures.py). render/figures.py adds the reader's decimal comma.
"""

from __future__ import annotations

from fractions import Fraction

from spbe_cli.messages import number
from spbe_cli.model.exact import round_half_up


def decimal_text(value: Fraction) -> str:
    """`value` as a decimal with a point: all of it when it terminates within six digits, else
    its first four digits followed by "…" (truncated, never rounded: every digit shown is exact)."""
    return number(value, "en")


def fixed(value: Fraction, places: int) -> str:
    """`value` rounded half up to exactly `places` decimals: one precision down a column."""
    return str(round_half_up(value, places))
