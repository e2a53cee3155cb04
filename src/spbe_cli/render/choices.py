"""The choices of the output options, apart from the renderers: the CLI needs the names at start
and the renderers only when they run."""

from __future__ import annotations

from typing import Literal

Detail = Literal["domains", "aspects", "indicators"]

WIDE_TREND_FILES = 24
"""Most files a trend lays out as one column each (a terminal of 200 columns shows about that
many); a longer trend is laid out one row per file in every format that has a layout, with the
file's name on its row, since a wider table fits no screen and a workbook holds 16,384 columns."""
