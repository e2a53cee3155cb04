"""`spbe score FOLDER -f xlsx`: one sheet per kind of row, every file's rows in it, streamed.

A national round is 600 files: a sheet per file (1,800 sheets) is a workbook nobody can open, so
the rows of every file go into one summary, one domain, one aspect and one indicator sheet, each
with the file and agency columns to filter on, plus the bands-and-levels sheet and the marker.
openpyxl's write-only mode streams each sheet's rows to disk as they come, so memory stays flat
whatever the number of files. The formulas are as live as in the one-file workbook: each index
row sums its own file's block of indicator rows, and predicates and level names look up that
file's rubric's block on the bands-and-levels sheet.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spbe_cli import __version__
from spbe_cli.core.scoring import GroupScore, Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Aspect, Domain, Rubric
from spbe_cli.model.workbook_format import (
    FORMAT_VERSION,
    KEY_FORMAT,
    KEY_KIND,
    KEY_WRITER,
    MARKER_SHEET,
    column_letter,
)
from spbe_cli.render.workbook.cells import (
    PALETTE,
    Formula,
    exact_format,
    fill,
    grain,
    number_format,
    operand,
    streamed,
)
from spbe_cli.render.workbook.formulas import Columns, group_formulas, ranges
from spbe_cli.render.workbook.scales import ScaleBlock, scale_rows

INDEX_COLUMNS = ("index", "predicate", "exact", "low", "high")
IND = (
    "file", "agency", "id", "domain", "aspect", "name", "level", "level_name", "weight",
    "contribution",
)  # fmt: skip
ASPECT = ("file", "agency", "id", "domain", "name", "weight", *INDEX_COLUMNS, "band")
DOMAIN = ("file", "agency", "id", "name", "weight", *INDEX_COLUMNS, "band")
SUMMARY = (
    "file", "agency", "kind", "province", "year", "stage", "rubric", "weight", *INDEX_COLUMNS,
    "filled", "band",
)  # fmt: skip
WIDTHS = {
    "file": 28, "agency": 28, "kind": 12, "province": 14, "year": 7, "stage": 10, "rubric": 20,
    "id": 6, "domain": 8, "aspect": 7, "name": 48, "level": 8, "level_name": 18, "weight": 8,
    "contribution": 12, "index": 8, "predicate": 12, "exact": 12, "low": 14, "high": 14,
    "filled": 10, "band": 4,
}  # fmt: skip


def _headings(keys: Iterable[str], lang: Lang) -> dict[str, str]:
    words = {
        "file": text("file", lang),
        "agency": text("agency", lang),
        "kind": text("workbook.kind", lang),
        "province": text("workbook.province", lang),
        "year": text("year", lang),
        "stage": text("stage", lang),
        "rubric": text("rubric", lang),
        "id": "ID",
        "domain": text("domain", lang),
        "aspect": text("aspect", lang),
        "name": text("name", lang),
        "level": text("level", lang),
        "level_name": text("level.name", lang),
        "weight": text("weight", lang),
        "contribution": text("contribution", lang),
        "index": text("index.short", lang),
        "predicate": text("predicate", lang),
        "exact": text("xlsx.exact", lang),
        "low": text("workbook.low", lang),
        "high": text("workbook.high", lang),
        "filled": text("workbook.filled", lang),
        "band": "",
    }
    return {key: words[key] for key in keys}


class Sheet:
    """A write-only sheet with a styled heading row, counting its rows."""

    def __init__(self, book: Any, title: str, keys: tuple[str, ...], lang: Lang) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font

        self.ws = book.create_sheet(title=title)
        self.keys = keys
        self.col = {key: n for n, key in enumerate(keys, start=1)}
        for key, n in self.col.items():
            dimension = self.ws.column_dimensions[column_letter(n)]
            dimension.width = WIDTHS[key]
            if key == "band":
                dimension.hidden = True
        self.ws.freeze_panes = "C2"
        heading_fill, bold = fill("D9E1F2"), Font(bold=True)
        wrap = Alignment(wrap_text=True, vertical="top")
        row = []
        for word in _headings(keys, lang).values():
            cell = WriteOnlyCell(self.ws, value=word)
            cell.font, cell.fill, cell.alignment = bold, heading_fill, wrap
            row.append(cell)
        self.ws.append(row)
        self.rows = 1
        self.styles: dict[str, Any] = {}

    def letter(self, key: str) -> str:
        return column_letter(self.col[key])

    def add(self, values: dict[str, Any], formats: dict[str, str] | None = None) -> int:
        """Append a row of `values` by key; `formats` gives number formats by key."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import Cell

        formats = formats or {}
        row: list[Any] = []
        for key in self.keys:
            value = streamed(self.ws, values.get(key))
            number = formats.get(key)
            if number is not None and not isinstance(value, Cell):
                value = WriteOnlyCell(self.ws, value=value)
                value.number_format = number
            row.append(value)
        self.ws.append(row)
        self.rows += 1
        return self.rows

    def finish(self, rubric_bands: int, lang: Lang) -> None:
        """Predicate colours, the filter and the print setup, once every row is known."""
        from openpyxl.formatting.rule import FormulaRule

        from spbe_cli.render.workbook.cells import print_setup

        last = max(self.rows, 2)
        if "predicate" in self.col:
            target = f"{self.letter('predicate')}2:{self.letter('predicate')}{last}"
            for rank in range(1, rubric_bands + 1):
                colour = PALETTE[min(rank - 1, len(PALETTE) - 1)]
                rule = FormulaRule(formula=[f"${self.letter('band')}2={rank}"], fill=fill(colour))
                self.ws.conditional_formatting.add(target, rule)
        self.ws.auto_filter.ref = f"A1:{column_letter(len(self.keys))}{last}"
        print_setup(self.ws, title_rows="1:1", footer=text("workbook.page", lang))


@dataclass
class Rubrics:
    """Each rubric's block on the bands-and-levels sheet, written when the rubric is first met."""

    ws: Any
    lang: Lang
    rows: int = 0
    bands: int = 0

    def __post_init__(self) -> None:
        self.blocks: dict[int, ScaleBlock] = {}

    def block(self, rubric: Rubric) -> ScaleBlock:
        found = self.blocks.get(id(rubric))
        if found is not None:
            return found
        first = self.rows + 1 if not self.rows else self.rows + 2
        if self.rows:
            self.ws.append([])
        rows, block = scale_rows(rubric, self.ws.title, first, self.lang)
        for values in rows:
            self.ws.append([streamed(self.ws, v) for v in values])
        self.rows = first + len(rows) - 1
        self.bands = max(self.bands, len(rubric.bands))
        self.blocks[id(rubric)] = block
        return block


def batch_workbook(cards: Iterable[tuple[str, Scorecard]], lang: Lang) -> bytes:
    """Every file's rows in four sheets, streamed; bands and levels per rubric; the marker."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    summary = Sheet(book, text("xlsx.sheet.summary", lang), SUMMARY, lang)
    domains = Sheet(book, text("xlsx.sheet.domains", lang), DOMAIN, lang)
    aspects = Sheet(book, text("xlsx.sheet.aspects", lang), ASPECT, lang)
    indicators = Sheet(book, text("xlsx.sheet.indicators", lang), IND, lang)
    scales = book.create_sheet(title=text("workbook.sheet.scales", lang))
    scales.column_dimensions["A"].width = 30
    rubrics = Rubrics(scales, lang)
    marker = book.create_sheet(title=MARKER_SHEET)
    for path, card in cards:
        block = rubrics.block(card.rubric)
        rows = _indicators(indicators, path, card, block)
        where = Columns(indicators.ws.title, indicators.col["level"], indicators.col["weight"])
        _summary_row(summary, path, card, block, where, rows)
        for sheet, groups, source in (
            (domains, card.domains, card.rubric.domains),
            (aspects, card.aspects, card.rubric.aspects),
        ):
            for scored, group in zip(groups, source, strict=True):
                members = [rows[i.key] for i in group.indicators]
                _group_row(sheet, path, card, scored, group, block, where, members)
    for sheet in (summary, domains, aspects, indicators):
        sheet.finish(rubrics.bands, lang)
    marker.append([text("workbook.marker_note", lang)])
    for key, value in (
        (KEY_FORMAT, FORMAT_VERSION),
        (KEY_KIND, "scores"),
        (KEY_WRITER, __version__),
    ):
        marker.append([key, value])
    marker.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _indicators(sheet: Sheet, path: str, card: Scorecard, block: ScaleBlock) -> dict[str, int]:
    rubric = card.rubric
    aspects = {a.key: a for a in rubric.aspects}
    domains = {d.key: d for d in rubric.domains}
    total = operand(rubric.total_weight)
    formats = {
        "weight": exact_format(rubric, grain(i.weight for i in rubric.indicators)),
        "contribution": exact_format(rubric, grain(i.step for i in rubric.indicators)),
    }
    level, weight = sheet.letter("level"), sheet.letter("weight")
    name = card.assessment.agency.nama
    rows: dict[str, int] = {}
    for s in card.indicators:
        ind = s.indicator
        aspect = aspects[ind.aspect_key]
        domain = domains.get(aspect.domain_key or "")
        r = sheet.rows + 1
        here = f"{level}{r}"
        values = {
            "file": path,
            "agency": name,
            "id": ind.id,
            "domain": domain.id if domain else None,
            "aspect": aspect.id,
            "name": ind.name,
            "level": s.level,
            "level_name": block.level_name(ind.scale.id, here),
            "weight": ind.weight,
            "contribution": Formula(f'IF(ISNUMBER({here}),{here}*{weight}{r}/{total},"")'),
        }
        rows[ind.key] = sheet.add(values, formats)
    return rows


def _index_cells(
    sheet: Sheet, rubric: Rubric, block: ScaleBlock, where: Columns, members: list[int], step: Any
) -> tuple[dict[str, Any], dict[str, str]]:
    r = sheet.rows + 1
    exact, weight = f"{sheet.letter('exact')}{r}", f"{sheet.letter('weight')}{r}"
    formulas = group_formulas(where, members, weight, exact, rubric)
    values: dict[str, Any] = {
        "index": formulas["index"],
        "predicate": block.predicate(exact),
        "exact": formulas["exact"],
        "low": formulas["low"],
        "high": formulas["high"],
        "band": block.band(exact),
    }
    shown = number_format(rubric.decimals)
    formats = {"index": shown, "low": shown, "high": shown, "exact": exact_format(rubric, step)}
    return values, formats


def _group_row(
    sheet: Sheet,
    path: str,
    card: Scorecard,
    scored: GroupScore,
    group: Domain | Aspect,
    block: ScaleBlock,
    where: Columns,
    members: list[int],
) -> None:
    rubric = card.rubric
    step = grain(i.weight for i in group.indicators) / group.weight
    values, formats = _index_cells(sheet, rubric, block, where, members, step)
    domains = {d.key: d.id for d in rubric.domains}
    values.update(
        {
            "file": path,
            "agency": card.assessment.agency.nama,
            "id": group.id,
            "domain": domains.get(scored.domain_key or ""),
            "name": group.name,
            "weight": group.weight,
        }
    )
    formats["weight"] = exact_format(rubric, group.weight)
    sheet.add(values, formats)


def _summary_row(
    sheet: Sheet,
    path: str,
    card: Scorecard,
    block: ScaleBlock,
    where: Columns,
    rows: dict[str, int],
) -> None:
    rubric, a = card.rubric, card.assessment
    members = sorted(rows.values())
    step = grain(i.weight for i in rubric.indicators) / rubric.total_weight
    values, formats = _index_cells(sheet, rubric, block, where, members, step)
    levels = ",".join(ranges(where.sheet, where.level, members))
    filled = f'COUNT({levels})&" / {len(members)}"'
    values.update(
        {
            "file": path,
            "agency": a.agency.nama,
            "kind": a.agency.jenis,
            "province": a.agency.provinsi,
            "year": a.tahun,
            "stage": a.tahap,
            "rubric": rubric.id,
            "weight": rubric.total_weight,
            "filled": Formula(filled),
        }
    )
    formats["weight"] = exact_format(rubric, rubric.total_weight)
    sheet.add(values, formats)
