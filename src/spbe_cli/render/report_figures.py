"""How the HTML report writes numbers for people: one precision per kind of figure, and the
decimal comma of the ministry's own reports when the language is Indonesian (2,79).

Machine formats (JSON, CSV, YAML, TOML) keep the point and the exact fractions; a person never
reads "593/300" here. The precisions are the ones the terminal's tables use (the human outputs'
figures, issue 14: one contribution read 0.0390, 0.039 and 0.04 in three outputs):

- an index (overall, domain, aspect, a plan's target or result, a band's bound): the rubric's
  `decimals`, halves up;
- a change of an index: the difference of the two displayed values (as `spbe diff` shows it, so
  a table adds up);
- a per-indicator share of the index (contribution, headroom, a plan step's gain, a change's
  effect): the rubric's `decimals` too, since each is a share of the index;
- a weight or an exact value: in full when it ends within 6 places (1.3, 2.792), else cut, never
  rounded, to 4 places and marked (20/6 is 3,3333…; 593/300 is 1,9766…), so a value just under a
  band's bound never reads as the bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from spbe_cli.core.scoring import Index
from spbe_cli.messages import Lang, number
from spbe_cli.model.exact import round_half_up


@dataclass(frozen=True)
class Figures:
    """Number formatting for one language; every method returns text ready for the page."""

    lang: Lang

    def _words(self, shown: str) -> str:
        return shown.replace(".", ",") if self.lang == "id" else shown

    def decimal(self, value: Decimal) -> str:
        """A value already rounded for display (an Index's `value`)."""
        return self._words(str(value))

    def index(self, index: Index) -> str:
        """An index as shown; a draft's as its range ("2,10 … 2,90")."""
        low = self.decimal(index.value)
        return low if index.settled else f"{low} … {self.decimal(index.high_value)}"

    def value(self, value: Fraction, decimals: int) -> str:
        """A value on the index's scale (a target, a plan's result, a band's bound)."""
        return self.decimal(round_half_up(value, decimals))

    def signed(self, value: Decimal) -> str:
        """A change: "+0,32", "-0,10", or "0,00" for none."""
        return f"+{self.decimal(value)}" if value > 0 else self.decimal(value)

    def share(self, value: Fraction, decimals: int, sign: bool = False) -> str:
        """A per-indicator share of the index (contribution, headroom, gain, effect)."""
        shown = round_half_up(value, decimals)
        return self.signed(shown) if sign else self.decimal(shown)

    def bound(self, value: Fraction, decimals: int) -> str:
        """A band's bound with the index's places (1,80), in full if it has more (1,125)."""
        if round_half_up(value, decimals) == value:
            return self.value(value, decimals)
        return self.exact(value)

    def exact(self, value: Fraction) -> str:
        """A weight, or the exact value behind a displayed index (why it has its predicate): the
        catalogue's rule (`messages.number`), so it reads the same in the terminal and here."""
        return number(value, self.lang)
