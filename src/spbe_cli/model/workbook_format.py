"""The documented layout of an assessment workbook: what spbe writes and reads back exactly.

The writer (render/workbook/) and the reader (files/workbook.py) live in sibling layers that may
not import each other, so the contract between them is written once, here, as data. README.md
("Workbooks") documents the same table for people who build such workbooks by other means.

A workbook spbe can read carries a hidden sheet named `spbe` (the marker): key and value pairs
in columns A and B, from row 2. `format` is this layout's version; `kind` says which of spbe's
workbooks it is (only an `assessment` holds one assessment); the sheet names are stored because
they follow the language the workbook was written in. Every other place is fixed by the format
version, so a reader never follows an address found in the file.
"""

from __future__ import annotations

FORMAT_VERSION = 1
MARKER_SHEET = "spbe"
"""Not translated: the reader finds it before it knows the language."""

ASSESSMENT = "assessment"
"""The fill-in workbook (`spbe init --format xlsx`, `spbe convert`) and `spbe score -f xlsx` of
one file: the kind spbe reads. The other kinds are outputs, named so a reader can say so."""
KINDS = (ASSESSMENT, "scores", "diff", "trend", "rank")

# Marker keys (column A of the marker sheet), in the order they are written.
KEY_FORMAT = "format"
KEY_KIND = "kind"
KEY_RUBRIC = "rubric"
KEY_SUMMARY = "summary_sheet"
KEY_INDICATORS = "indicator_sheet"
KEY_ROWS = "indicators"
KEY_WRITER = "written_by"
MARKER_KEYS = (KEY_FORMAT, KEY_KIND, KEY_RUBRIC, KEY_SUMMARY, KEY_INDICATORS, KEY_ROWS, KEY_WRITER)
MARKER_FIRST_ROW = 2
"""Row 1 holds a sentence for people who unhide the sheet; the pairs start below it."""
MARKER_MAX_ROWS = 40

# The header block of the summary sheet: the value of each field in column B.
HEADER_COLUMN = 2
HEADER_ROWS = {
    "rubrik": 4,
    "nama": 5,
    "jenis": 6,
    "provinsi": 7,
    "tahun": 8,
    "tahap": 9,
}
HEADER_LAST_ROW = max(HEADER_ROWS.values())

# The indicator sheet: a heading row, then one row per indicator of the rubric in its order.
FIRST_ROW = 2
COLUMNS = {
    "id": 1,
    "domain": 2,
    "aspect": 3,
    "name": 4,
    "level": 5,
    "level_name": 6,
    "weight": 7,
    "contribution": 8,
    "penjelasan": 9,
    "bukti_dukung": 10,
}
READ_COLUMNS = ("id", "level", "penjelasan", "bukti_dukung")
"""What the reader takes from each row; every other column is spbe's own, recomputed on reading."""
MAX_INDICATORS = 2_000
"""More rows than any rubric has indicators (47 today): a larger count in a marker is refused."""

CELL_TEXT_LIMIT = 32_767
"""The most characters Excel keeps in one cell."""


def column_letter(column: int) -> str:
    """1 → A, 27 → AA: the spreadsheet name of a 1-based column."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_name(column: int, row: int) -> str:
    return f"{column_letter(column)}{row}"


def place(sheet: str, column: int, row: int) -> str:
    """A cell as people and spreadsheets write it: Indikator!E9 ('Sheet name'!E9 with a space)."""
    plain = sheet.replace("_", "").isalnum()
    shown = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{shown}!{cell_name(column, row)}"
