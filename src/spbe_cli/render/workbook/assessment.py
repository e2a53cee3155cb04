"""One assessment as a live workbook: the fill-in workbook of `spbe init --format xlsx`, what
`spbe convert` writes, and `spbe score -f xlsx` of one file. spbe reads it back exactly.

Four sheets: a summary (the header block an official fills in, then the index, domains and
aspects), the indicators (one row each: level, explanation and evidence to fill in beside the
rubric's name, weight, question and criteria), the bands and levels the formulas look up, and the
hidden marker (model/workbook_format.py). Every figure is a formula over the level cells, so a
level typed in Excel or LibreOffice updates the level name, the contribution, every index, its
exact value and its predicate and colour; while levels are missing an index shows the lowest and
highest values still reachable instead, as `spbe score --partial` does.

Formula cells are locked (sheet protection without a password: it guards against slips, not
people); level, text and header cells are unlocked and tinted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from spbe_cli import __version__
from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.workbook_format import (
    ASSESSMENT,
    FORMAT_VERSION,
    KEY_FORMAT,
    KEY_INDICATORS,
    KEY_KIND,
    KEY_ROWS,
    KEY_RUBRIC,
    KEY_SUMMARY,
    KEY_WRITER,
    MARKER_FIRST_ROW,
    MARKER_SHEET,
)
from spbe_cli.render.names import index_name
from spbe_cli.render.workbook.cells import Widths, fitted, print_setup, put, put_text, style_heading
from spbe_cli.render.workbook.indicators import criteria_sheet, indicator_sheet
from spbe_cli.render.workbook.scales import ScaleBlock, scale_rows
from spbe_cli.render.workbook.summary import summary_sheet


@dataclass(frozen=True)
class Names:
    summary: str
    indicators: str
    scales: str

    @classmethod
    def of(cls, lang: Lang) -> Names:
        return cls(
            text("xlsx.sheet.summary", lang),
            text("xlsx.sheet.indicators", lang),
            text("workbook.sheet.scales", lang),
        )


def assessment_workbook(card: Scorecard, lang: Lang) -> bytes:
    """The workbook of one assessment (levels may be missing: a draft or an empty form)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    names = Names.of(lang)
    summary = book.create_sheet(names.summary)
    indicators = book.create_sheet(names.indicators)
    scales = book.create_sheet(names.scales)
    block = _scales_sheet(scales, card.rubric, lang)
    rows = indicator_sheet(indicators, card, block, lang)
    if any(i.criteria for i in card.rubric.indicators):
        criteria_sheet(book.create_sheet(text("criteria", lang), 2), card.rubric, lang)
    summary_sheet(summary, card, names.indicators, rows, block, lang)
    _marker(book.create_sheet(MARKER_SHEET), card.rubric, names, lang)
    agency = card.assessment.agency.nama
    book.properties.title = fitted(
        f"{index_name(card.rubric, lang)} · {agency} · {card.assessment.tahun}", 250
    )
    book.properties.creator = f"spbe-cli {__version__}"
    book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---- the bands-and-levels sheet -------------------------------------------------------------


def _scales_sheet(ws: Any, rubric: Rubric, lang: Lang) -> ScaleBlock:
    from openpyxl.styles import Font

    rows, block = scale_rows(rubric, ws.title, 1, lang)
    widths = Widths()
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value)
            widths.see(c, value)
    ws.cell(row=block.title_row, column=1).font = Font(bold=True, size=12)
    for r in block.heading_rows:
        style_heading(ws[r][: max(len(rows[r - 1]), 1)])
    widths.apply(ws, cap=30)
    print_setup(ws, fit_height=True)
    return block


# ---- the marker -----------------------------------------------------------------------------


def _marker(ws: Any, rubric: Rubric, names: Names, lang: Lang) -> None:
    """The hidden key/value sheet that makes the workbook readable (model/workbook_format.py)."""
    put_text(ws, 1, 1, text("workbook.marker_note", lang))
    pairs = {
        KEY_FORMAT: FORMAT_VERSION,
        KEY_KIND: ASSESSMENT,
        KEY_RUBRIC: rubric.id,
        KEY_SUMMARY: names.summary,
        KEY_INDICATORS: names.indicators,
        KEY_ROWS: len(rubric.indicators),
        KEY_WRITER: f"spbe-cli {__version__}",
    }
    for n, (key, value) in enumerate(pairs.items()):
        put_text(ws, MARKER_FIRST_ROW + n, 1, key)
        put(ws, MARKER_FIRST_ROW + n, 2, value)
    ws.sheet_state = "hidden"
