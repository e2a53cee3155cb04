"""How the HTML report writes numbers for people: one precision per kind of figure, and the
decimal comma of the ministry's own reports when the language is Indonesian (2,79).

Machine formats (JSON, CSV, YAML, TOML) keep the point and the exact fractions; a person never
reads "593/300" here. The precisions are those of the terminal's tables, so one figure reads the
same in `spbe score` and in the report:

- an index (overall, domain, aspect, a plan's target or result): the rubric's `decimals`, half up;
- a change of an index: the difference of the two displayed values (as `spbe diff` shows it, so
  a table adds up);
- a per-indicator share of the index (contribution, headroom, a plan step's gain, a change's
  effect): 4 places, half up, as `spbe score` prints it;
- a weight: exact when it ends within 4 places (1.3, 2.75), else 4 places (20/6 is 3,3333);
- an exact index: exact when it ends within 6 places (2.792), else its first 6 places and "…"
  (1,976666…). Cut, not rounded, so an exact value just under a band's bound never reads as the
  bound itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from spbe_cli.core.scoring import Index
from spbe_cli.messages import Lang
from spbe_cli.model.exact import round_half_up

SHARE_PLACES = 4
EXACT_PLACES = 6
MINUS = "\u2212"


def _terminating_places(value: Fraction) -> int | None:
    """The decimal places `value` needs exactly, or None when it never ends (1/3)."""
    d = value.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return None
    return max(twos, fives)


@dataclass(frozen=True)
class Figures:
    """Number formatting for one language; every method returns text ready for the page."""

    lang: Lang

    def decimal(self, value: Decimal) -> str:
        """A displayed value as text: comma in Indonesian, a true minus sign."""
        shown = str(abs(value))
        if self.lang == "id":
            shown = shown.replace(".", ",")
        return f"{MINUS}{shown}" if value < 0 else shown

    def places(self, value: Fraction, places: int) -> str:
        return self.decimal(round_half_up(value, places))

    def index(self, index: Index) -> str:
        """An index as shown; a draft's as its range ("2,10 … 2,90")."""
        low = self.decimal(index.value)
        return low if index.settled else f"{low} … {self.decimal(index.high_value)}"

    def value(self, value: Fraction, decimals: int) -> str:
        """A value on the index's scale (a target, a plan's result), rounded like an index."""
        return self.places(value, decimals)

    def signed(self, value: Decimal) -> str:
        """A change: "+0,32", "−0,10", or "0,00" for none."""
        return f"+{self.decimal(value)}" if value > 0 else self.decimal(value)

    def share(self, value: Fraction, sign: bool = False) -> str:
        """A per-indicator share of the index (contribution, headroom, gain, effect)."""
        shown = round_half_up(value, SHARE_PLACES)
        return self.signed(shown) if sign else self.decimal(shown)

    def weight(self, value: Fraction) -> str:
        places = _terminating_places(value)
        if places is not None and places <= SHARE_PLACES:
            return self.decimal(_exact_decimal(value, places))
        return self.places(value, SHARE_PLACES)

    def exact(self, value: Fraction) -> str:
        """The exact value behind a displayed one, for the reader who asks why it is "Baik"."""
        places = _terminating_places(value)
        if places is not None and places <= EXACT_PLACES:
            return self.decimal(_exact_decimal(value, places))
        scale = 10**EXACT_PLACES
        cut = Decimal(int(abs(value) * scale)).scaleb(-EXACT_PLACES)
        return self.decimal(-cut if value < 0 else cut) + "…"

    def bound(self, value: Fraction, decimals: int) -> str:
        """A band's bound, written with the index's places (1,80): bounds are exact in rubrics."""
        places = _terminating_places(value)
        if places is not None and places <= decimals:
            return self.decimal(round_half_up(value, decimals))
        return self.exact(value)


def _exact_decimal(value: Fraction, places: int) -> Decimal:
    scaled = value * 10**places
    assert scaled.denominator == 1
    return Decimal(scaled.numerator).scaleb(-places)
