"""A plain table sheet (a heading row, then rows) and the marker every spbe workbook carries.

Used by the diff, trend and ranking workbooks. They are written with stream.py, as the batch
workbook is: a ranking of the 10,000-file archive is 10,000 rows, which openpyxl held as some
130,000 cell objects (97 MB) where a streamed sheet keeps one row. Widths come from the values as
shown, seen while the rows go by; every string is written as text, never as a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from spbe_cli import __version__
from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.workbook_format import (
    FORMAT_VERSION,
    KEY_FORMAT,
    KEY_KIND,
    KEY_WRITER,
    MARKER_SHEET,
)
from spbe_cli.render.workbook.cells import (
    HEADING_FILL,
    PALETTE,
    band_slot,
    fitted,
    header_text,
    shown_width,
)
from spbe_cli.render.workbook.stream import StreamBook, Style

SHOWN = "0.00"
WIDEST = 80
"""Characters a column grows to at most (a long name wraps no further than this)."""


class TableSheet:
    """A worksheet filled row by row under a frozen, styled heading row.

    The last row added stays open until the next one (or `finish`), so `fill` can colour one of
    its cells, as the callers did when the sheet was a random-access openpyxl sheet.
    """

    def __init__(self, book: StreamBook, title: str, headings: Sequence[str]) -> None:
        self.book = book
        self.sheet = book.sheet(title, freeze="A2", title_rows="$1:$1")
        self.longest: dict[int, int] = {}
        heading = book.styles.of(Style(bold=True, fill=HEADING_FILL, wrap=True))
        self.sheet.append(list(headings), [heading] * len(headings))
        for column, value in enumerate(headings, start=1):
            self._see(column, value)
        self.rows = 1
        self._open: tuple[list[Any], list[Style]] | None = None

    def add(
        self,
        values: Sequence[Any],
        *,
        numeric: Sequence[int] = (),
        shown: dict[int, str] | None = None,
    ) -> int:
        """Append a row; the 1-based columns in `numeric` show two decimals. `shown` gives the
        displayed text of formula cells by column, for the widths."""
        self._flush()
        styles = [Style()] * len(values)
        for column in numeric:
            if column <= len(values):
                styles[column - 1] = Style(number_format=SHOWN)
        for column, value in enumerate(values, start=1):
            if value is not None:
                self._see(column, (shown or {}).get(column, value))
        self._open = (list(values), styles)
        self.rows += 1
        return self.rows

    def fill(self, row: int, column: int, rubric: Rubric, predicate: str) -> None:
        """Colour a cell of the row just added with its predicate's band colour."""
        assert self._open is not None and row == self.rows, "only the row just added"
        values, styles = self._open
        while len(values) < column:
            values.append(None)
            styles.append(Style())
        colour = PALETTE[band_slot(rubric, predicate)]
        styles[column - 1] = Style(styles[column - 1].number_format, fill=colour)

    def finish(self, lang: Lang, header: str | None = None) -> None:
        self._flush()
        count = max(self.longest, default=0)
        self.sheet.widths = [
            min(max(self.longest.get(n, 0), 4), WIDEST) + 2 for n in range(1, count + 1)
        ]
        self.sheet.footer = text("workbook.page", lang)
        self.sheet.header = header_text(header) if header else ""

    def _see(self, column: int, value: object) -> None:
        width = shown_width(value)
        if width > self.longest.get(column, 0):
            self.longest[column] = width

    def _flush(self) -> None:
        if self._open is not None:
            values, styles = self._open
            self.sheet.append(values, [self.book.styles.of(s) for s in styles])
            self._open = None


def book() -> StreamBook:
    return StreamBook()


def finish_book(made: StreamBook, kind: str, lang: Lang, title: str, out: IO[bytes]) -> None:
    """The marker (so that reading it says what it is), the title; the package into `out`."""
    marker = made.sheet(MARKER_SHEET, state="hidden")
    marker.append([text("workbook.marker_note", lang)])
    pairs = (
        (KEY_FORMAT, FORMAT_VERSION),
        (KEY_KIND, kind),
        (KEY_WRITER, f"spbe-cli {__version__}"),
    )
    for key, value in pairs:
        marker.append([key, value])
    made.title = fitted(title, 250).replace("\n", " ")
    made.creator = f"spbe-cli {__version__}"
    made.save(out)
