"""A plain table sheet (a heading row, then rows) and the marker every spbe workbook carries.

Used by the diff, trend and ranking workbooks: small enough to build in memory, so widths come
from the values as shown, and every string goes through `put` (text is text, never a formula).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from spbe_cli import __version__
from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.workbook_format import (
    FORMAT_VERSION,
    KEY_FORMAT,
    KEY_KIND,
    KEY_WRITER,
    MARKER_FIRST_ROW,
    MARKER_SHEET,
)
from spbe_cli.render.workbook.cells import (
    Widths,
    band_fill,
    fitted,
    print_setup,
    put,
    put_text,
    style_heading,
)

SHOWN = "0.00"


class TableSheet:
    """A worksheet filled row by row under a frozen, styled heading row."""

    def __init__(self, book: Any, title: str, headings: Sequence[str]) -> None:
        self.ws = book.create_sheet(title=title[:31])
        self.widths = Widths()
        for column, heading in enumerate(headings, start=1):
            put_text(self.ws, 1, column, heading)
            self.widths.see(column, heading)
        style_heading(self.ws[1])
        self.ws.freeze_panes = "A2"
        self.rows = 1

    def add(
        self,
        values: Sequence[Any],
        *,
        numeric: Sequence[int] = (),
        shown: dict[int, str] | None = None,
    ) -> int:
        """Append a row; the 1-based columns in `numeric` show two decimals. `shown` gives the
        displayed text of formula cells by column, for the widths."""
        self.rows += 1
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            put(self.ws, self.rows, column, value)
            self.widths.see(column, (shown or {}).get(column, value))
        for column in numeric:
            self.ws.cell(row=self.rows, column=column).number_format = SHOWN
        return self.rows

    def fill(self, row: int, column: int, rubric: Rubric, predicate: str) -> None:
        self.ws.cell(row=row, column=column).fill = band_fill(rubric, predicate)

    def finish(self, lang: Lang, header: str | None = None) -> None:
        self.widths.apply(self.ws, cap=50)
        print_setup(self.ws, title_rows="1:1", header=header, footer=text("workbook.page", lang))


def book() -> Any:
    from openpyxl import Workbook

    made = Workbook()
    made.remove(made.active)
    return made


def finish_book(made: Any, kind: str, lang: Lang, title: str) -> bytes:
    """The marker (so that reading it says what it is), the title, and the bytes."""
    ws = made.create_sheet(MARKER_SHEET)
    put_text(ws, 1, 1, text("workbook.marker_note", lang))
    pairs = (
        (KEY_FORMAT, FORMAT_VERSION),
        (KEY_KIND, kind),
        (KEY_WRITER, f"spbe-cli {__version__}"),
    )
    for n, (key, value) in enumerate(pairs):
        put_text(ws, MARKER_FIRST_ROW + n, 1, key)
        put(ws, MARKER_FIRST_ROW + n, 2, value)
    ws.sheet_state = "hidden"
    made.properties.title = fitted(title, 250).replace("\n", " ")
    made.properties.creator = f"spbe-cli {__version__}"
    made.active = 0
    out = io.BytesIO()
    made.save(out)
    return out.getvalue()
