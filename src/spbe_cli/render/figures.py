"""How each kind of figure is shown to people: one precision per kind, in the reader's language.

Every human output (terminal, plain text, Markdown, the messages) takes its numbers from here, so
one contribution reads the same everywhere (issue 14 found 0.0390, 0.039 and 0.04 for one value):

- an index, a domain or aspect index, a mean or a bound: the rubric's decimals, halves up (2.79);
- a share of the index (a contribution, a headroom, the effect of a change, the gain of a plan's
  step): the rubric's decimals too (0.04), the precision the HTML report (report_figures.py) and
  the workbook's number format use;
- a weight, a cost, an exact value: in full when it ends within six places (1.3, 2.5975), else
  cut, never rounded, to four and marked (3.3333…), as the report writes them;
- a share of agencies: percent with two decimals.

Indonesian writes a decimal comma (2,79), as the ministry's reports do; English a point. Exact
fractions such as 593/300 appear only in machine formats (JSON, CSV, YAML, TOML), which never
come here and always write a point.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from spbe_cli.messages import Lang, number
from spbe_cli.model.exact import round_half_up

PERCENT_DECIMALS = 2


def shown(value: Fraction, decimals: int, lang: Lang) -> str:
    """An index-like figure rounded half up to the rubric's `decimals`."""
    return number(round_half_up(value, decimals), lang)


def decimal(value: Decimal | int, lang: Lang) -> str:
    """A value already rounded for display (an Index's `value`)."""
    return number(value, lang)


def signed(value: Decimal, lang: Lang) -> str:
    """A change: `+1,10`, `-0,33`, `0,00`."""
    return ("+" if value > 0 else "") + number(value, lang)


def signed_shown(value: Fraction, decimals: int, lang: Lang) -> str:
    return signed(round_half_up(value, decimals), lang)


def share(value: Fraction, decimals: int, lang: Lang) -> str:
    """A share of the index (contribution, headroom, gain), with the index's own places."""
    return shown(value, decimals, lang)


def signed_share(value: Fraction, decimals: int, lang: Lang) -> str:
    """The effect of a change on the index: `+0,06`, `-0,02`."""
    return signed_shown(value, decimals, lang)


def exact(value: Fraction, lang: Lang) -> str:
    """A weight, a cost or an exact index: every place it has, up to the cut-off, never a
    fraction (`messages.number`)."""
    return number(value, lang)


def signed_exact(value: Fraction, lang: Lang) -> str:
    return ("+" if value > 0 else "") + number(value, lang)


def percent(share: Fraction, lang: Lang) -> str:
    return f"{number(round_half_up(share * 100, PERCENT_DECIMALS), lang)} %"
