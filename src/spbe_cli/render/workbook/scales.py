"""The bands-and-levels sheet: what the live formulas look predicates and level names up in.

A rubric's predicate bands (name, lower bound, upper bound) and its scales' level names are
written as a block of rows; the formulas of the other sheets refer to the block's ranges, so an
edit here (a band renamed, a bound moved) reaches every cell of the workbook, as an edit of a level
does. A batch workbook writes one block per rubric met, one after another.

The predicate formula compares ROUND(exact, 10) with the bounds: a sum of binary floats can land a
hair below an exact bound (3.4999999999999996 for an exact 3.5), and every exact index of a rubric
is a multiple of a step far coarser than 1e-10, so rounding first restores the exact comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.workbook_format import column_letter
from spbe_cli.render.workbook.cells import Formula

GUARD = 10
"""Places the exact value is rounded to before it is compared with a band's bound."""


def quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def span(sheet: str, first_col: int, first_row: int, last_col: int, last_row: int) -> str:
    """An absolute range on another sheet: 'Skala'!$A$3:$A$7."""
    start = f"${column_letter(first_col)}${first_row}"
    end = f"${column_letter(last_col)}${last_row}"
    return f"{quoted(sheet)}!{start}:{end}"


@dataclass
class ScaleBlock:
    """Where one rubric's lists stand on the bands-and-levels sheet (absolute ranges)."""

    band_names: str
    band_lows: str
    level_numbers: str
    scale_names: dict[str, str] = field(default_factory=dict)
    """Scale id → the range of its level names, parallel to `level_numbers` (levels run down
    the rows, one column per scale: any number of levels fits)."""
    stages: str | None = None
    kinds: str | None = None
    heading_rows: list[int] = field(default_factory=list)
    title_row: int = 0

    def predicate(self, exact: str) -> Formula:
        """The predicate of the exact value in cell `exact` (empty while it is empty)."""
        match = f"IFERROR(MATCH(ROUND({exact},{GUARD}),{self.band_lows},1),1)"
        return Formula(f'IF({exact}="","",INDEX({self.band_names},{match}))')

    def band(self, exact: str) -> Formula:
        """The band's rank from 1 (lowest) of the exact value in `exact`; 0 while it is empty.

        A hidden helper column: conditional formatting then colours a predicate by comparing this
        number with a constant, on the same sheet, whichever rubric the row belongs to.
        """
        return Formula(f"IFERROR(MATCH(ROUND({exact},{GUARD}),{self.band_lows},1),0)")

    def level_name(self, scale_id: str, level: str) -> Formula:
        """The name of the level in cell `level` on the indicator's scale ("" when empty)."""
        names = self.scale_names[scale_id]
        return Formula(f'IFERROR(INDEX({names},MATCH({level},{self.level_numbers},0)),"")')


def scale_rows(
    rubric: Rubric, sheet: str, first_row: int, lang: Lang
) -> tuple[list[list[Any]], ScaleBlock]:
    """The rows of `rubric`'s block starting at `first_row`, and where its lists end up."""
    rows: list[list[Any]] = [[f"{rubric.title} ({rubric.id})"]]
    headings: list[int] = []

    def heading(*cells: Any) -> None:
        headings.append(first_row + len(rows))
        rows.append(list(cells))

    heading(
        text("predicate", lang), text("workbook.band_from", lang), text("workbook.band_to", lang)
    )
    band_top = first_row + len(rows)
    rows += [[band.name, band.low, band.high] for band in rubric.bands]
    band_end = first_row + len(rows) - 1
    rows.append([])
    scales = list(rubric.scales.values())
    heading(text("level", lang), *(scale.name for scale in scales))
    top = first_row + len(rows)
    levels = range(rubric.level_min, rubric.level_max + 1)
    rows += [[level, *(scale.levels.get(level, "") for scale in scales)] for level in levels]
    end = first_row + len(rows) - 1
    block = ScaleBlock(
        band_names=span(sheet, 1, band_top, 1, band_end),
        band_lows=span(sheet, 2, band_top, 2, band_end),
        level_numbers=span(sheet, 1, top, 1, end),
    )
    for n, scale in enumerate(scales, start=2):
        block.scale_names[scale.id] = span(sheet, n, top, n, end)
    block.stages = _list(
        rows, rubric.stages, text("workbook.stages", lang), sheet, first_row, heading
    )
    kinds = text("workbook.kinds", lang)
    block.kinds = _list(rows, rubric.agency_kinds, kinds, sheet, first_row, heading)
    block.heading_rows = headings
    block.title_row = first_row
    return rows, block


def _list(
    rows: list[list[Any]],
    names: Sequence[str],
    title: str,
    sheet: str,
    first_row: int,
    heading: Any,
) -> str | None:
    """A one-column list (stages, agency kinds) for a drop-down; None when the rubric has none."""
    if not names:
        return None
    rows.append([])
    heading(title)
    top = first_row + len(rows)
    rows += [[name] for name in names]
    return span(sheet, 1, top, 1, top + len(names) - 1)
