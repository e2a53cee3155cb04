"""Reports laid out as lines for a width: plain text for pipes and NO_COLOR, and the lines the
terminal colours (rich_layout.py). One engine, so both say the same thing in the same shape.

A table that does not fit is never shredded (issue 14: "Kematang/an", ids split in two): figure
columns never wrap, text wraps only between words, and of the layouts that fit the one with the
fewest lines wins: the table as it is with its text columns narrowed, or its long names stacked on
a line of their own under the figures, or its narrow form; columns are dropped only when none of
these fits. A word longer than the whole width is left whole for the terminal to fold.

Every string is escaped here for terminal and plain text (`escape.inert`), and every finished line
is guarded (`escape.guard_line`), so no cell, heading or wrapped fragment from a file can start a
line that a CI system reads as a command.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TextIO

from spbe_cli.render.escape import guard_line, inert
from spbe_cli.render.rows import PackedRows
from spbe_cli.render.tables import Report, Table

GAP = 2
"""Spaces between columns."""
MIN_STACK_WIDTH = 24
"""Narrower than this, a stacked name starts at the left margin instead of under column two."""

Style = str | None
"""What a segment is, for the terminal to style: "title", "header", "rule", "notice", "tone:N"
(a predicate band N), or None for plain text."""
Segment = tuple[str, Style]
Line = list[Segment]


@dataclass(frozen=True)
class Look:
    """What differs between a pipe and a terminal: how the rule under the headers is drawn."""

    rule: str = "-"
    continuous: bool = False


PLAIN = Look()


def cell_width(text: str) -> int:
    """Columns a string takes in a terminal: wide East Asian characters take two, combining
    marks none (the stdlib's view of what Rich's cell_len computes)."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def wrap(text: str, width: int) -> list[str]:
    """Words of `text` in lines of at most `width` columns; a longer word keeps a line to itself.
    Text that fits is returned as it is, its spacing untouched."""
    if cell_width(text) <= width:
        return [text]
    words = text.split()
    if not words:
        return [""]
    lines: list[str] = []
    current, used = words[0], cell_width(words[0])
    for word in words[1:]:
        size = cell_width(word)
        if used + 1 + size <= width:
            current, used = f"{current} {word}", used + 1 + size
        else:
            lines.append(current)
            current, used = word, size
    lines.append(current)
    return lines


def _longest_word(text: str) -> int:
    return max((cell_width(w) for w in text.split()), default=0)


# ---- fitting a table to a width ----------------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    """How one table is drawn: which columns, how wide, and which go on a line of their own."""

    table: Table
    columns: tuple[int, ...]
    widths: dict[int, int]
    width: int | None
    stacked: tuple[int, ...] = ()
    indent: int = 0

    def lines_needed(self) -> int:
        return sum(1 for _ in _table_lines(self, PLAIN))


def _naturals(table: Table) -> dict[int, int]:
    """Each column's widest cell, headers included: one pass over the rows, which a long table
    keeps packed (render/rows.py) and unpacks as it is read."""
    widths = [cell_width(header) for header in table.headers]
    for row in table.rows:
        for c, cell in enumerate(row):
            size = cell_width(cell)
            if size > widths[c]:
                widths[c] = size
    return dict(enumerate(widths))


def _minimums(table: Table) -> dict[int, int]:
    """A figure column is never narrower than its widest figure, a text column than its longest
    word; a header wraps between its words in either."""
    columns = range(len(table.headers))
    figure = [table.kind(c) == "figure" for c in columns]
    widths = [_longest_word(header) for header in table.headers]
    for row in table.rows:
        for c, cell in enumerate(row):
            size = cell_width(cell) if figure[c] else _longest_word(cell)
            if size > widths[c]:
                widths[c] = size
    return dict(enumerate(widths))


def _shrink(
    table: Table,
    columns: tuple[int, ...],
    natural: dict[int, int],
    minimum: dict[int, int],
    width: int,
) -> dict[int, int] | None:
    """Widths for `columns` within `width`; None when even every column at its minimum is too
    wide. The cheapest first: a figure column whose header is wider than its figures wraps the
    header (one more header line, however many rows), snapping to the wrapped header's width;
    then the widest text column gives a column at a time (its rows may take more lines)."""
    widths = {c: natural[c] for c in columns}
    excess = sum(widths.values()) + GAP * (len(columns) - 1) - width
    headers = [c for c in columns if table.kind(c) == "figure" and widths[c] > minimum[c]]
    for c in sorted(headers, key=lambda c: -widths[c]):
        if excess <= 0:
            break
        lines = wrap(table.headers[c], widths[c] - 1)
        snapped = max(minimum[c], *(cell_width(line) for line in lines))
        excess -= widths[c] - snapped
        widths[c] = snapped
    while excess > 0:
        movable = [c for c in columns if widths[c] > minimum[c]]
        if not movable:
            return None
        widest = max(movable, key=lambda c: widths[c])
        widths[widest] -= 1
        excess -= 1
    return widths


def _candidates(
    table: Table, width: int, natural: dict[int, int], minimum: dict[int, int]
) -> list[Fit]:
    """The layouts that fit: with every column if any does, else with the fewest dropped."""
    everything = tuple(range(len(table.headers)))
    for count in range(len(table.drop) + 1):
        shown = tuple(c for c in everything if c not in table.drop[:count])
        found = []
        widths = _shrink(table, shown, natural, minimum, width)
        if widths is not None:
            found.append(Fit(table, shown, widths, width))
        stacked = tuple(c for c in table.stack if c in shown)
        if stacked:
            rest = tuple(c for c in shown if c not in stacked)
            widths = _shrink(table, rest, natural, minimum, width)
            if widths is not None:
                indent = widths[rest[0]] + GAP
                if width - indent < MIN_STACK_WIDTH:
                    indent = GAP
                found.append(Fit(table, rest, widths, width, stacked, indent))
        if found:
            return found
    return []


def fit(table: Table, width: int | None) -> Fit:
    """The layout of `table` for `width` columns (None: unlimited) with the fewest lines."""
    columns = tuple(range(len(table.headers)))
    natural = _naturals(table)
    if width is None or sum(natural.values()) + GAP * (len(columns) - 1) <= width:
        return Fit(table, columns, natural, width)
    minimum = _minimums(table)
    options = _candidates(table, width, natural, minimum)
    if table.narrow is not None:
        narrow = fit(table.narrow, width)
        options.append(narrow)
    if not options:  # nothing fits: everything stacked, every column at its narrowest
        rest = tuple(c for c in columns if c not in table.stack)
        return Fit(table, rest, {c: minimum[c] for c in rest}, width, table.stack, GAP)
    return min(options, key=Fit.lines_needed)  # min() keeps the first of equals: as it is


# ---- lines -------------------------------------------------------------------------------------


def _pad(text: str, width: int, align: str) -> str:
    space = " " * max(width - cell_width(text), 0)
    return space + text if align == "right" else text + space


def _clipped(parts: list[str], lines: int | None, width: int) -> list[str]:
    """At most `lines` lines, the last ending in "…" when text was left out (only for text whose
    whole is one command away, `Table.clip`)."""
    if lines is None or len(parts) <= lines:
        return parts
    last = parts[lines - 1]
    while last and cell_width(last) + 2 > width:
        last = last.rpartition(" ")[0]
    return [*parts[: lines - 1], f"{last} …" if last else "…"]


def _row_lines(
    fit: Fit, cells: list[str], styles: dict[int, Style], header: bool = False
) -> Iterator[Line]:
    table = fit.table
    clip = {} if header or fit.width is None else table.clip
    wrapped = {
        c: [cells[c]]
        if table.kind(c) == "figure" and not header
        else _clipped(wrap(cells[c], fit.widths[c]), clip.get(c), fit.widths[c])
        for c in fit.columns
    }
    height = max(len(parts) for parts in wrapped.values())
    for n in range(height):
        line: Line = []
        for position, c in enumerate(fit.columns):
            if position:
                line.append((" " * GAP, None))
            part = wrapped[c][n] if n < len(wrapped[c]) else ""
            line.append((_pad(part, fit.widths[c], table.align[c]), styles.get(c)))
        yield line


def _stacked_lines(fit: Fit, cells: list[str], style: Style) -> Iterator[Line]:
    joined = " · ".join(cells[c] for c in fit.stacked if cells[c])
    room = max((fit.width or 0) - fit.indent, MIN_STACK_WIDTH)
    lines = min((fit.table.clip.get(c, 1 << 30) for c in fit.stacked), default=None)
    for part in _clipped(wrap(joined, room), lines if style is None else None, room):
        yield [(" " * fit.indent, None), (part, style)]


def _table_lines(fit: Fit, look: Look) -> Iterator[Line]:
    table = fit.table
    if table.title:
        yield [(table.title, "title")]
    yield from _row_lines(fit, table.headers, dict.fromkeys(fit.columns, "header"), header=True)
    if fit.stacked:
        yield from _stacked_lines(fit, table.headers, "header")
    if look.continuous:
        total = sum(fit.widths[c] for c in fit.columns) + GAP * (len(fit.columns) - 1)
        yield [(look.rule * total, "rule")]
    else:
        rule = (" " * GAP).join(look.rule * fit.widths[c] for c in fit.columns)
        yield [(rule, "rule")]
    for n, row in enumerate(table.rows):
        tone = table.tones[n] if n < len(table.tones) else None
        styles: dict[int, Style] = {}
        if table.tone_column is not None and tone is not None:
            styles[table.tone_column] = f"tone:{tone}"
        yield from _row_lines(fit, row, styles)
        if fit.stacked:
            yield from _stacked_lines(fit, row, None)


def _escaped(table: Table) -> Table:
    """The table with every string made inert for a terminal or a pipe."""
    narrow = _escaped(table.narrow) if table.narrow is not None else None
    rows = table.rows
    return replace(
        table,
        title=inert(table.title),
        headers=[inert(h) for h in table.headers],
        rows=rows.inert_view()
        if isinstance(rows, PackedRows)
        else [[inert(cell) for cell in row] for row in rows],
        narrow=narrow,
    )


def hanging(text: str, width: int | None, hang: int = 2) -> list[str]:
    """`text` wrapped between words to `width`, its later lines indented by `hang` spaces."""
    if width is None or cell_width(text) <= width:
        return [text]
    room = max(width - hang, MIN_STACK_WIDTH)
    first, *rest = wrap(text, room)
    return [first, *(" " * hang + part for part in rest)]


def _paragraph(text: str, width: int | None, style: Style) -> Iterator[Line]:
    """A heading or notice line, wrapped between words with a hanging indent."""
    for part in hanging(inert(text), width):
        yield [(part, style)]


def report_lines(report: Report, width: int | None, look: Look = PLAIN) -> Iterator[Line]:
    """Every line of `report` for `width` columns, escaped and guarded; `[]` is a blank line."""
    first = True
    for n, line in enumerate(report.heading):
        yield from _guarded(_paragraph(line, width, "title" if n == 0 else None))
    for notice in report.notices:
        yield from _guarded(_paragraph(notice, width, "notice"))
    for table in report.tables:
        if not first or report.heading or report.notices:
            yield []
        first = False
        chosen = fit(_escaped(table), width)
        yield from _guarded(_table_lines(chosen, look))


def _guarded(lines: Iterator[Line]) -> Iterator[Line]:
    for line in lines:
        yield _guard(line)


def _guard(line: Line) -> Line:
    """`escape.guard_line` on a line of segments: only the first segment with text can change."""
    for n, (part, style) in enumerate(line):
        if part.strip():
            guarded = guard_line(part)
            if guarded is part:
                return line
            return [*line[:n], (guarded, style), *line[n + 1 :]]
    return line


def plain(line: Line) -> str:
    return "".join(part for part, _ in line).rstrip()


def layout(report: Report, width: int | None = None) -> str:
    """The report as plain text: no escape codes, no box characters."""
    return "".join(plain(line) + "\n" for line in report_lines(report, width))


def write(report: Report, stream: TextIO, width: int | None = None) -> None:
    """`layout(report, width)` written line by line as it is made: a summary of ten thousand
    files is never one string as well as its rows."""
    for line in report_lines(report, width):
        stream.write(plain(line) + "\n")
