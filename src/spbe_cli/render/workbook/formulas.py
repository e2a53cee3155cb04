"""The formulas of an index row, shared by the one-assessment workbook and the batch workbook.

An index is Σ level × weight / group weight over the group's indicator rows on an indicator
sheet. While every level is a number the row shows the exact value, the index rounded half up
and (through scales.py) the predicate; while some are missing it shows instead the lowest and
highest values still reachable, counting the missing levels at the rubric's lowest and highest
level, exactly as `spbe score --partial` does.
"""

from __future__ import annotations

from dataclasses import dataclass

from spbe_cli.model.rubric import Rubric
from spbe_cli.model.workbook_format import column_letter
from spbe_cli.render.workbook.cells import Formula
from spbe_cli.render.workbook.scales import GUARD, quoted


@dataclass(frozen=True)
class Columns:
    """Where the levels and weights stand on an indicator sheet."""

    sheet: str
    level: int
    weight: int


def ranges(sheet: str, column: int, rows: list[int]) -> list[str]:
    """Absolute ranges of `column` over `rows`, one per run of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    letter = column_letter(column)
    return [f"{quoted(sheet)}!${letter}${a}:${letter}${b}" for a, b in runs]


def group_formulas(
    where: Columns, members: list[int], weight_cell: str, exact_cell: str, rubric: Rubric
) -> dict[str, Formula]:
    """The formulas of one index row: exact value, shown index, draft's lowest and highest.

    Excel's ROUND takes halves away from zero, the ministry's half up for these non-negative
    values; the inner ROUND(…, 10) first removes the binary float's noise, so an exact 4.765
    (4.764999… as a float) shows 4.77.
    """
    levels = ranges(where.sheet, where.level, members)
    weights = ranges(where.sheet, where.weight, members)
    pairs = list(zip(levels, weights, strict=True))
    total = "+".join(f"SUMPRODUCT({lv},{w})" for lv, w in pairs)
    known = "+".join(f"SUMPRODUCT(ISNUMBER({lv})*{w})" for lv, w in pairs)
    complete = f"COUNT({','.join(levels)})={len(members)}"
    places = rubric.decimals

    def bound(level: int) -> Formula:
        value = f"({total}+({weight_cell}-({known}))*{level})/{weight_cell}"
        return Formula(f'IF({exact_cell}<>"","",ROUND(ROUND({value},{GUARD}),{places}))')

    return {
        "exact": Formula(f'IF({complete},({total})/{weight_cell},"")'),
        "index": Formula(f'IF({exact_cell}="","",ROUND(ROUND({exact_cell},{GUARD}),{places}))'),
        "low": bound(rubric.level_min),
        "high": bound(rubric.level_max),
    }
