"""One band palette for every output: the terminal uses it; the HTML report and workbook may too.

Five hues from the lowest band to the highest (red, amber, green, teal, blue), so neighbouring
predicates never share a colour (issue 14: the two highest bands were both green in HTML and
the workbook, and the terminal's yellow for the second band faded on light themes).

- `ink`: for text. Each is a colour of the xterm 256-colour cube (so a 256-colour terminal shows
  exactly it, where Rich's nearest match turned a red into orange) with a relative luminance near
  0.18, the one value that contrasts about 4.5:1 with both white and black: a predicate reads on
  light and dark terminal themes alike (3:1 or more even on near-black #1e1e1e and off-white
  #fdf6e3, WCAG's floor for the bold text the terminal uses). Amber replaces yellow, which light
  themes wash out.
- `fill`: a light tint of the same hue for a cell background under dark text (#1d2733 on every
  fill contrasts more than 10:1).

A rubric with another number of bands spreads its bands over the five (three bands: red, green,
blue), so the lowest is always red and the highest always blue.
"""

from __future__ import annotations

from typing import NamedTuple


class BandColour(NamedTuple):
    ink: str
    fill: str


PALETTE: tuple[BandColour, ...] = (
    BandColour("#d70000", "#f8d3cf"),  # the lowest band: red (xterm 160)
    BandColour("#af5f00", "#f7e2c0"),  # amber (130)
    BandColour("#008700", "#d2ead6"),  # green (28)
    BandColour("#008787", "#c9e8eb"),  # teal (30)
    BandColour("#5f5fff", "#dcdcfa"),  # the highest band: blue (63)
)
TEXT_ON_FILL = "#1d2733"


def band_slot(rank: int, bands: int) -> int:
    """The palette slot of band `rank` (0 = lowest) of a rubric with `bands` bands."""
    top = len(PALETTE) - 1
    if bands <= 1:
        return top // 2
    rank = min(max(rank, 0), bands - 1)
    return (rank * top * 2 + (bands - 1)) // (2 * (bands - 1))  # rank × top / (bands − 1), half up


def band_colour(rank: int, bands: int) -> BandColour:
    return PALETTE[band_slot(rank, bands)]
