"""What every workbook spbe writes shares: inert text cells, exact numbers, widths, print setup.

Text from a file is untrusted: openpyxl writes any string that starts with `=` as a formula and
`#N/A` as an error value, and raises on control characters. So every string goes through `cell_text`
(characters XML cannot hold replaced, cut to what a cell holds) and is written with the explicit
string type; the only formulas in a workbook are the ones spbe composes itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from spbe_cli.model.exact import decimal_places, exact_text
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.workbook_format import CELL_TEXT_LIMIT, column_letter
from spbe_cli.render.palette import PALETTE as BAND_PALETTE
from spbe_cli.render.palette import band_slot as palette_slot

PALETTE = tuple(colour.fill.lstrip("#").upper() for colour in BAND_PALETTE)
"""Fills from the lowest band to the highest: render/palette.py's, as the HTML report's."""
HEADING_FILL = "D9E1F2"
INPUT_FILL = "FFFDE7"
"""Cells an official fills in (levels, texts, the header): pale yellow, unlocked."""
MAX_EXACT_DECIMALS = 6
"""A repeating exact value (593/300) is shown to this many places; machine formats keep it exact."""

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FORMULA_LIKE = ("=", "#")


def cell_text(value: object) -> str:
    """`value` as cell text: characters XML 1.0 cannot hold become U+FFFD, a carriage return a
    line break, and the text is cut to the 32,767 characters Excel keeps in a cell."""
    shown = str(value)
    if "\r" in shown:
        shown = shown.replace("\r\n", "\n").replace("\r", "\n")
    if _NOT_XML.search(shown):
        shown = _NOT_XML.sub("\ufffd", shown)
    if len(shown) > CELL_TEXT_LIMIT:
        shown = shown[: CELL_TEXT_LIMIT - 1] + "…"
    return shown


class Formula(str):
    """One of spbe's own formulas: the only kind of string a cell receives as a formula."""

    __slots__ = ()

    def __new__(cls, expression: str) -> Formula:
        return super().__new__(cls, expression if expression.startswith("=") else "=" + expression)


def put_text(ws: Any, row: int, column: int, value: object) -> Any:
    """A string cell, never a formula or an error value, whatever the text begins with."""
    cell = ws.cell(row=row, column=column)
    cell.value = cell_text(value)
    cell.data_type = "s"
    return cell


def put(ws: Any, row: int, column: int, value: object) -> Any:
    """A number, a Formula or None as it is; any other string through `put_text`."""
    if isinstance(value, str) and not isinstance(value, Formula):
        return put_text(ws, row, column, value)
    if isinstance(value, Fraction):
        value = exact_number(value)
    cell = ws.cell(row=row, column=column)
    cell.value = str(value) if isinstance(value, Formula) else value
    return cell


def streamed(ws: Any, value: object) -> Any:
    """A value for a write-only sheet's `append`: risky text wrapped in an explicit string cell.

    Plain text needs no wrapper (cheaper in a batch of 30,000 rows); only text that openpyxl would
    take for a formula or an error value gets one.
    """
    if isinstance(value, Formula):
        return str(value)
    if isinstance(value, Fraction):
        return exact_number(value)
    if not isinstance(value, str):
        return value
    shown = cell_text(value)
    if shown.startswith(_FORMULA_LIKE):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=shown)
        cell.data_type = "s"
        return cell
    return shown


def exact_number(value: Fraction) -> Decimal | Formula:
    """A finite decimal as a Decimal (written verbatim), otherwise a formula such as =20/6."""
    shown = exact_text(value)
    return Formula(f"{value.numerator}/{value.denominator}") if "/" in shown else Decimal(shown)


def operand(value: Fraction) -> str:
    """An exact number inside a formula: 100, 62.5, or (200/3) in parentheses."""
    shown = exact_text(value)
    return f"({value.numerator}/{value.denominator})" if "/" in shown else shown


def grain(values: Iterable[Fraction]) -> Fraction:
    """The largest number every value is a whole multiple of (their gcd as fractions)."""
    from math import gcd, lcm

    items = [v for v in values if v]
    if not items:
        return Fraction(1)
    denominator = lcm(*(v.denominator for v in items))
    numerator = gcd(*(int(v * denominator) for v in items))
    return Fraction(numerator, denominator)


def number_format(shown: int, exact: int | None = None) -> str:
    """`0.00` for `shown` places; with `exact`, optional places up to it (0.039 shows 0.039)."""
    places = shown if exact is None else max(shown, min(exact, MAX_EXACT_DECIMALS))
    if exact is None and shown == 0:
        return "0"
    fixed = "0" * shown
    optional = "#" * (places - shown)
    return f"0.{fixed}{optional}" if places else "0"


def exact_format(rubric: Rubric, step: Fraction) -> str:
    """The format of a value that moves in steps of `step`: every place it can have, no more."""
    places = decimal_places(step)
    return number_format(rubric.decimals, MAX_EXACT_DECIMALS if places is None else places)


def shown_width(value: object) -> int:
    """How many characters a cell shows for `value` (the longest line of a text)."""
    if value is None:
        return 0
    if isinstance(value, Fraction):
        value = exact_text(value)
    return max((len(line) for line in str(value).split("\n")), default=0)


def fitted(value: str, limit: int) -> str:
    """Cell text cut to `limit` characters with "…" (Excel's limits on messages and titles)."""
    shown = cell_text(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class Widths:
    """Column widths from the values the cells display, not from their formulas' text."""

    def __init__(self) -> None:
        self.longest: dict[int, int] = {}

    def see(self, column: int, value: object) -> None:
        width = shown_width(value)
        if width > self.longest.get(column, 0):
            self.longest[column] = width

    def apply(self, ws: Any, *, cap: int = 60, wrapped: Iterable[int] = ()) -> None:
        """Widths of the seen columns; a `wrapped` column stops at `cap` and wraps its text."""
        wrap = set(wrapped)
        for column, longest in self.longest.items():
            limit = cap if column in wrap else max(cap, 80)
            width = min(max(longest, 4), limit) + 2
            ws.column_dimensions[column_letter(column)].width = width


def header_text(value: str) -> str:
    """Text for a page header or footer, where `&` starts a code (`&P` is the page number)."""
    return cell_text(value).replace("\n", " ").replace("&", "&&")[:200]


def print_setup(
    ws: Any,
    *,
    title_rows: str | None = None,
    area: str | None = None,
    header: str | None = None,
    footer: str = "",
    fit_height: bool = False,
) -> None:
    """A4 landscape, one page wide (as many pages tall as needed), headings on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4 in the OOXML table of paper sizes
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    if area:
        ws.print_area = area
    if header:
        ws.oddHeader.center.text = header_text(header)
    ws.oddFooter.left.text = "&F"
    if footer:
        ws.oddFooter.right.text = footer


def fill(colour: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(start_color=colour, end_color=colour, fill_type="solid")


def band_slot(rubric: Rubric, predicate: str) -> int:
    """The palette slot of a predicate: its band spread over the palette, as the HTML report."""
    return palette_slot(rubric.predicate_rank(predicate), len(rubric.bands))


def rank_fill(rank: int, bands: int) -> str:
    """The fill of the band of rank `rank` (1 = lowest) among `bands` bands: for conditional
    formatting, where the rank is a formula's result."""
    return PALETTE[palette_slot(rank - 1, bands)]


def band_fill(rubric: Rubric, predicate: str) -> Any:
    return fill(PALETTE[band_slot(rubric, predicate)])


def style_heading(cells: Iterable[Any]) -> None:
    from openpyxl.styles import Alignment, Font

    bold, fill_ = Font(bold=True), fill(HEADING_FILL)
    align = Alignment(vertical="top", wrap_text=True)
    for cell in cells:
        cell.font = bold
        cell.fill = fill_
        cell.alignment = align


def protect(ws: Any) -> None:
    """Lock formula cells against slips; columns, rows and filters stay adjustable. No password."""
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.formatCells = False
    protection.autoFilter = protection.sort = False
