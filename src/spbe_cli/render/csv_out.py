"""CSV for spreadsheets: one long table (index, domains, aspects, indicators) per file, stacked.

The index row's weight is the rubric's total weight (100 in every SPBE regulation), so a
spreadsheet dividing Σ level × weight by it gets the index of any rubric.

A draft scored with `--partial` is a range: `index`/`exact`/`predicate` are its lowest value
(missing indicators at the rubric's lowest level) and `high`/`high_exact`/`high_predicate` its
highest; the two agree for a complete file. `complete` (yes/no) is on the index row, and an
indicator row carries its `headroom`, what reaching the top level would still add to the index.

CSV files are opened in Excel and LibreOffice on officials' computers, which run a cell starting
with `=`: every text cell from a file (path, name, id, level name, predicate) goes through
`escape.csv_cell`; numbers stay numbers, with a decimal point, in every language. Rows end with
CRLF as RFC 4180 says: the csv module then quotes a cell holding a carriage return, which a
spreadsheet would otherwise read as the start of a new row (whose first cell could be a formula).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from spbe_cli.core.scoring import GroupScore, Index, Scorecard
from spbe_cli.model.exact import exact_text
from spbe_cli.render.escape import csv_cell

HEADER = [
    "file", "kind", "id", "name", "parent", "weight", "level", "level_name",
    "index", "exact", "predicate", "contribution",
    "headroom", "high", "high_exact", "high_predicate", "complete",
]  # fmt: skip


def csv_writer(buffer: io.StringIO) -> Any:
    """The one CSV dialect of every `--format csv`: RFC 4180 rows, minimal quoting."""
    return csv.writer(buffer, lineterminator="\r\n")


def _id(ident: int | str | None) -> int | str:
    """An id as a cell: a number stays a number, text is neutralised like any text."""
    if ident is None:
        return ""
    return ident if isinstance(ident, int) else csv_cell(ident)


def _index_cells(index: Index) -> list[str]:
    return [str(index.value), exact_text(index.exact), csv_cell(index.predicate)]


def _high_cells(index: Index) -> list[str]:
    return [str(index.high_value), exact_text(index.high), csv_cell(index.high_predicate)]


def _group_row(path: str, g: GroupScore) -> list[object]:
    return [
        path, g.kind, _id(g.id), csv_cell(g.name), _id(g.domain_key), exact_text(g.weight), "",
        "", *_index_cells(g.index), "", "", *_high_cells(g.index), "",
    ]  # fmt: skip


def scorecards_csv(cards: list[tuple[str, Scorecard]]) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(HEADER)
    for raw_path, card in cards:
        path = csv_cell(raw_path)
        a = card.assessment
        writer.writerow(
            [path, "index", "", csv_cell(a.agency.nama), csv_cell(card.rubric.id),
             exact_text(card.rubric.total_weight), "", "", *_index_cells(card.index), "", "",
             *_high_cells(card.index), "no" if card.missing else "yes"]
        )  # fmt: skip
        writer.writerows(_group_row(path, d) for d in card.domains)
        writer.writerows(_group_row(path, asp) for asp in card.aspects)
        for s in card.indicators:
            ind = s.indicator
            level = "" if s.level is None else str(s.level)
            writer.writerow(
                [path, "indicator", _id(ind.id), csv_cell(ind.name), _id(ind.aspect_key),
                 exact_text(ind.weight), level, csv_cell(s.level_name), "", "", "",
                 exact_text(s.contribution), exact_text(s.headroom), "", "", "", ""]
            )  # fmt: skip
    return buffer.getvalue()
