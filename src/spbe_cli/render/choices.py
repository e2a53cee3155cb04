"""The choices of the output options, apart from the renderers: the CLI needs the names at start
and the renderers only when they run."""

from __future__ import annotations

from typing import Literal

Detail = Literal["domains", "aspects", "indicators"]
