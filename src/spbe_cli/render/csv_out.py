"""CSV for spreadsheets: one long table (index, domains, aspects, indicators) per file, stacked.

The index row's weight is the rubric's total weight (100 in every SPBE regulation), so a
spreadsheet dividing Σ level × weight by it gets the index of any rubric.

A draft scored with `--partial` is a range: `index`/`exact`/`predicate` are its lowest value
(missing indicators at the rubric's lowest level) and `high`/`high_exact`/`high_predicate` its
highest; the two agree for a complete file. `complete` (yes/no) is on the index row, and an
indicator row carries its `headroom`, what reaching the top level would still add to the index.
"""

from __future__ import annotations

import csv
import io

from spbe_cli.core.scoring import GroupScore, Index, Scorecard
from spbe_cli.model.exact import exact_text

HEADER = [
    "file", "kind", "id", "name", "parent", "weight", "level", "level_name",
    "index", "exact", "predicate", "contribution",
    "headroom", "high", "high_exact", "high_predicate", "complete",
]  # fmt: skip


def _index_cells(index: Index) -> list[str]:
    return [str(index.value), exact_text(index.exact), index.predicate]


def _high_cells(index: Index) -> list[str]:
    return [str(index.high_value), exact_text(index.high), index.high_predicate]


def _group_row(path: str, g: GroupScore) -> list[str]:
    return [
        path, g.kind, str(g.id), g.name, g.domain_key or "", exact_text(g.weight), "", "",
        *_index_cells(g.index), "", "", *_high_cells(g.index), "",
    ]  # fmt: skip


def scorecards_csv(cards: list[tuple[str, Scorecard]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for path, card in cards:
        a = card.assessment
        writer.writerow(
            [path, "index", "", a.agency.nama, card.rubric.id,
             exact_text(card.rubric.total_weight), "", "", *_index_cells(card.index), "", "",
             *_high_cells(card.index), "no" if card.missing else "yes"]
        )  # fmt: skip
        writer.writerows(_group_row(path, d) for d in card.domains)
        writer.writerows(_group_row(path, asp) for asp in card.aspects)
        for s in card.indicators:
            ind = s.indicator
            level = "" if s.level is None else str(s.level)
            writer.writerow(
                [path, "indicator", str(ind.id), ind.name, ind.aspect_key, exact_text(ind.weight),
                 level, s.level_name, "", "", "", exact_text(s.contribution),
                 exact_text(s.headroom), "", "", "", ""]
            )  # fmt: skip
    return buffer.getvalue()
