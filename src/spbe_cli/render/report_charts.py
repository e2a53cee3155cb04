"""The report's two SVG charts, written as plain SVG text: the aspect radar and the trend.

Why no chart library: pygal gave every chart a random id (two runs differed), its own tooltips
("Pygal", "1.570796327"), 7-9 px text that shrank to 4 px on a phone, no value labels, and no way
to break a line where the rubric changes. Drawn here, the output is a pure function of the model:
the same input gives the same bytes.

Sizes: a chart's viewBox is 600 units wide and the page shows it at most 600 px wide, so on a
screen or A4 a unit is a pixel. A phone (390 px) shrinks it to about 0.6, so no text would stay
at 11 px or more: the radar is drawn twice, the page showing the compact one (values only, a
viewBox about as wide as the phone; the aspect table right under it names the aspects) on a
narrow screen, and the trend's text classes (`c-v` values, `c-t` ticks, `c-x` x labels, `c-s`
segment labels) are enlarged there by the page's CSS, so its positions are planned for that
larger text. Every text from a file (aspect names, rubric ids, stages) is escaped here; the
template inserts these strings as they are.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

WIDTH = 600
PHONE_CHAR = 12.5
"""The width of one character of chart text at its phone size (about 20 units, 0.6 em):
whatever must fit at that size is planned with this."""
NAME_CHARS = 22
"""Characters per line of an aspect name on the radar (at its desktop size, about 12.5 units)."""
NAME_LINES = 4
INDEX_COLOUR = "#1f4e79"
PLAN_COLOUR = "#c65d00"
SERIES_COLOURS = ("#d9822b", "#3a9a5b", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#b7950b")
"""The domain lines of the trend, in rubric order (D1 first); the legend uses the same."""


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _n(value: float) -> str:
    """A coordinate: one decimal place is finer than any screen, and keeps the bytes stable."""
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if shown == "-0" else shown


def _svg(width: float, height: float, label: str, body: list[str], css_class: str) -> str:
    return (
        f'<svg class="{css_class}" viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'aria-label="{_esc(label)}">' + "".join(body) + "</svg>"
    )


# ---- the radar -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spoke:
    """One aspect on the radar: its id, name, value as shown, and (with a plan) after it."""

    ident: str
    name: str
    value: Decimal
    value_text: str
    after: Decimal | None = None
    after_text: str = ""


LINE = 15
"""The distance between two lines of an aspect's name."""
MARGIN = 8
COMPACT_CHAR = 8.5
"""The width of a character of a compact radar's value label (14 units, bold)."""


@dataclass(frozen=True)
class Layout:
    """A radar's geometry: `wide` (screen and print: names on the spokes) or compact (a phone:
    values only, in a viewBox about as wide as the phone, so its text is not scaled down)."""

    radius: float
    names: bool
    css: str


WIDE = Layout(125, True, "wide")
COMPACT = Layout(105, False, "compact")


@dataclass(frozen=True)
class _Label:
    """An aspect's label, placed relative to the radar's centre."""

    x: float
    value_y: float
    anchor: str
    upper: bool
    lines: tuple[str, ...]

    @property
    def name_ys(self) -> list[float]:
        sign, gap = (-1, 2) if self.upper else (1, 0)
        return [self.value_y + sign * (m * LINE + gap) for m in range(1, len(self.lines) + 1)]

    @property
    def top(self) -> float:
        return min([self.value_y, *self.name_ys]) - 16  # a value line's ascent

    @property
    def bottom(self) -> float:
        return max([self.value_y, *self.name_ys]) + 5


def _label(k: int, n: int, name: str, layout: Layout) -> _Label:
    """The value line sits at the spoke's end; the name runs away from the centre."""
    angle = -math.pi / 2 + 2 * math.pi * k / n
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = (layout.radius + 12) * cos, (layout.radius + 12) * sin
    anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
    lines: list[str] = []
    if layout.names:
        lines = textwrap.wrap(name, NAME_CHARS, break_long_words=True) or [""]
        if len(lines) > NAME_LINES:
            lines = [*lines[: NAME_LINES - 1], lines[NAME_LINES - 1][: NAME_CHARS - 1] + "…"]
    upper = sin < -0.3
    value_y = y - 4 if upper else y + 16 if sin > 0.3 else y + 6
    return _Label(x, value_y, anchor, upper, tuple(reversed(lines) if upper else lines))


def radar(spokes: Sequence[Spoke], low: int, high: int, label: str, layout: Layout = WIDE) -> str:
    """Aspects as spokes from `low` (the centre) to `high`; "" for fewer than three aspects,
    which make no polygon (the aspect table says everything then). The height is what the
    labels need above and below, so a short name leaves no empty band."""
    n = len(spokes)
    if n < 3:
        return ""
    radius = layout.radius
    labels = [_label(k, n, s.name, layout) for k, s in enumerate(spokes)]
    if layout.names:
        width = float(WIDTH)
    else:
        widest = max(len(_value_text(s, layout)) for s in spokes)
        width = 2 * (radius + 12 + widest * COMPACT_CHAR + MARGIN)
    cx = width / 2
    cy = MARGIN - min(-radius - 4, *(lb.top for lb in labels))
    height = cy + max(radius + 4, *(lb.bottom for lb in labels)) + MARGIN

    def point(k: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * k / n
        r = radius * (value - low) / (high - low)
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    body = ['<g class="grid">']
    for level in range(low + 1, high + 1):
        ring = " ".join(f"{_n(x)},{_n(y)}" for x, y in (point(k, level) for k in range(n)))
        body.append(f'<polygon points="{ring}"/>')
    for k in range(n):
        x, y = point(k, high)
        body.append(f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(x)}" y2="{_n(y)}"/>')
    body.append("</g>")
    for level in range(low + 1, high + 1):
        x, y = point(0, level)
        body.append(f'<text class="c-t" x="{_n(x + 5)}" y="{_n(y + 14)}">{level}</text>')
    body.append(_radar_series(point, "now", [float(s.value) for s in spokes]))
    if all(s.after is not None for s in spokes):
        after = [float(s.after) for s in spokes if s.after is not None]
        body.append(_radar_series(point, "after", after))
    for spoke, lb in zip(spokes, labels, strict=True):
        body.append(_spoke_label(spoke, lb, cx, cy, layout))
    return _svg(width, height, label, body, f"chart-radar {layout.css}")


def _value_text(spoke: Spoke, layout: Layout) -> str:
    """The spoke's value line as plain text (what its width is planned from)."""
    shown = f"{spoke.ident} · {spoke.value_text}"
    return f"{shown} → {spoke.after_text}" if spoke.after_text and layout.names else shown


def _radar_series(point: object, kind: str, values: list[float]) -> str:
    at = [point(k, v) for k, v in enumerate(values)]  # type: ignore[operator]
    ring = " ".join(f"{_n(x)},{_n(y)}" for x, y in at)
    dots = "".join(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.5"/>' for x, y in at)
    return f'<g class="series-{kind}"><polygon points="{ring}"/>{dots}</g>'


def _spoke_label(spoke: Spoke, lb: _Label, cx: float, cy: float, layout: Layout) -> str:
    x, anchor = _n(cx + lb.x), lb.anchor
    value = f"{_esc(spoke.ident)} · {_esc(spoke.value_text)}"
    if spoke.after_text and layout.names:
        value += f" → {_esc(spoke.after_text)}"
    y = _n(cy + lb.value_y)
    out = [f'<text class="c-v" x="{x}" y="{y}" text-anchor="{anchor}">{value}</text>']
    for line, ny in zip(lb.lines, lb.name_ys, strict=True):
        y = _n(cy + ny)
        out.append(f'<text class="c-n" x="{x}" y="{y}" text-anchor="{anchor}">{_esc(line)}</text>')
    return "".join(out)


# ---- the trend -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """One file on the trend's x axis."""

    year: int
    stage: str
    value: Decimal
    value_text: str


@dataclass(frozen=True)
class Line:
    """A series across every file; its values break where the rubric changes (`segments`)."""

    values: tuple[Decimal, ...]
    colour: str
    main: bool = False


@dataclass(frozen=True)
class Band:
    rank: int
    low: float
    high: float


@dataclass(frozen=True)
class Run:
    """A rubric segment: files [start, stop), its label and its predicate bands (drawn faintly
    behind its part of the chart, so a move of the bands shows as well as the break). A band's
    `rank` is its palette slot: the page's CSS colours `band-N`."""

    start: int
    stop: int
    label: str
    bands: tuple[Band, ...]


TREND_HEIGHT = 330
LEFT, RIGHT, TOP, BOTTOM = 34, 12, 30, 58
EACH_POINT = 5
"""Up to this many files each x label shows the year and the stage; beyond, years only."""
DOTS_UP_TO = 40
VALUES_UP_TO = 10


def trend(
    points: Sequence[Point],
    lines: Sequence[Line],
    runs: Sequence[Run],
    low: int,
    high: int,
    label: str,
) -> str:
    """The index (and shared domains) file by file, evenly spaced, one polyline per segment."""
    n = len(points)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, TREND_HEIGHT - TOP - BOTTOM
    step = plot_w / n

    def x_of(i: int) -> float:
        return LEFT + (i + 0.5) * step

    def y_of(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    body = [_bands(runs, step, y_of), '<g class="grid">']
    for level in range(low, high + 1):
        y = y_of(level)
        body.append(f'<line x1="{LEFT}" y1="{_n(y)}" x2="{WIDTH - RIGHT}" y2="{_n(y)}"/>')
    body.append("</g>")
    for level in range(low, high + 1):
        y = y_of(level)
        x = LEFT - 6
        body.append(f'<text class="c-t" x="{x}" y="{_n(y + 5)}" text-anchor="end">{level}</text>')
    body.append(_segment_marks(runs, step, plot_h))
    for line in sorted(lines, key=lambda s: s.main):
        body.append(_trend_line(line, runs, x_of, y_of, n))
    if n <= VALUES_UP_TO:
        for i, p in enumerate(points):
            y = y_of(float(p.value)) - 10
            body.append(
                f'<text class="c-v" x="{_n(x_of(i))}" y="{_n(y)}" text-anchor="middle">'
                f"{_esc(p.value_text)}</text>"
            )
    body.append(_x_labels(points, x_of, step))
    return _svg(WIDTH, TREND_HEIGHT, label, body, "chart-trend")


def _bands(runs: Sequence[Run], step: float, y_of: object) -> str:
    out = ['<g class="bands">']
    for run in runs:
        x = LEFT + run.start * step
        w = (run.stop - run.start) * step
        for band in run.bands:
            top, bottom = y_of(band.high), y_of(band.low)  # type: ignore[operator]
            out.append(
                f'<rect class="band-{band.rank}" x="{_n(x)}" y="{_n(top)}" '
                f'width="{_n(w)}" height="{_n(bottom - top)}"/>'
            )
    out.append("</g>")
    return "".join(out)


def _segment_marks(runs: Sequence[Run], step: float, plot_h: float) -> str:
    """A dashed rule where the rubric changes, and the rubric's label where it fits."""
    out = []
    for run in runs:
        x = LEFT + run.start * step
        if run.start > 0:
            out.append(
                f'<line class="break" x1="{_n(x)}" y1="{TOP - 4}" x2="{_n(x)}" '
                f'y2="{_n(TOP + plot_h)}"/>'
            )
        if len(runs) > 1 and all(_fits(r, step) for r in runs):
            out.append(f'<text class="c-s" x="{_n(x + 4)}" y="{TOP - 10}">{_esc(run.label)}</text>')
    return "".join(out)


def _fits(run: Run, step: float) -> bool:
    """Every segment's label or none: one label alone would look like the only rubric."""
    return len(run.label) * PHONE_CHAR + 8 <= (run.stop - run.start) * step


def _trend_line(line: Line, runs: Sequence[Run], x_of: object, y_of: object, n: int) -> str:
    kind = "main" if line.main else "side"
    out = [f'<g class="line-{kind}" stroke="{line.colour}" fill="{line.colour}">']
    for run in runs:
        at = [
            (x_of(i), y_of(float(line.values[i])))  # type: ignore[operator]
            for i in range(run.start, run.stop)
        ]
        if len(at) > 1:
            out.append(
                '<polyline fill="none" points="'
                + " ".join(f"{_n(x)},{_n(y)}" for x, y in at)
                + '"/>'
            )
        if n <= DOTS_UP_TO or len(at) == 1:
            r = 4 if line.main else 2.5
            out += [f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{r}"/>' for x, y in at]
    out.append("</g>")
    return "".join(out)


def _x_labels(points: Sequence[Point], x_of: object, step: float) -> str:
    """Year and stage under each file while they fit; else each year once (thinned to fit)."""
    base = TREND_HEIGHT - BOTTOM + 22
    out = ['<g class="c-x" text-anchor="middle">']
    if len(points) <= EACH_POINT:
        for i, p in enumerate(points):
            x = _n(x_of(i))  # type: ignore[operator]
            out.append(f'<text x="{x}" y="{base}">{p.year}</text>')
            out.append(f'<text x="{x}" y="{base + 22}">{_esc(_short(p.stage, step))}</text>')
    else:
        years: list[tuple[int, float]] = []
        for i, p in enumerate(points):
            if not years or years[-1][0] != p.year:
                years.append((p.year, i))
        centres = []
        for k, (year, first) in enumerate(years):
            last = years[k + 1][1] - 1 if k + 1 < len(years) else len(points) - 1
            centres.append((year, (x_of(first) + x_of(last)) / 2))  # type: ignore[operator]
        room = 4 * PHONE_CHAR + 10
        shown_at = -math.inf
        for year, x in centres:
            if x - shown_at >= room:
                out.append(f'<text x="{_n(x)}" y="{base}">{year}</text>')
                shown_at = x
    out.append("</g>")
    return "".join(out)


def _short(stage: str, step: float) -> str:
    """A stage name cut to the width of its column at the phone's size (the table has it)."""
    fits = max(int((step - 6) // PHONE_CHAR), 3)
    return stage if len(stage) <= fits else stage[: fits - 1] + "…"
