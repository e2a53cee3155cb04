"""The summary sheet of the assessment workbook: the header block to fill in, then every index.

The header (rubric, agency, kind, province, year, stage) stands in column B at the rows
model/workbook_format.py fixes; below it, the overall index, each domain and each aspect with its
weight, index, predicate and exact value, or while levels are missing the lowest and highest
values still reachable (formulas.py), and the predicate's band colour as conditional formatting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.workbook_format import COLUMNS, HEADER_COLUMN, HEADER_ROWS, column_letter
from spbe_cli.render.names import index_name
from spbe_cli.render.workbook.cells import (
    INPUT_FILL,
    Formula,
    Widths,
    exact_format,
    fill,
    fitted,
    grain,
    number_format,
    print_setup,
    protect,
    put,
    put_text,
    rank_fill,
    style_heading,
)
from spbe_cli.render.workbook.formulas import Columns, group_formulas, ranges
from spbe_cli.render.workbook.scales import ScaleBlock

PROMPT_LIMIT = 255
C = COLUMNS


TABLE_HEADING_ROW = 12
SUMMARY_COLUMNS = ("label", "name", "weight", "index", "predicate", "exact", "low", "high", "band")


def summary_sheet(
    ws: Any, card: Scorecard, indicators: str, rows: dict[str, int], block: ScaleBlock, lang: Lang
) -> None:
    from openpyxl.styles import Alignment, Font, Protection

    rubric, a = card.rubric, card.assessment
    widths = Widths()
    put_text(ws, 1, 1, rubric.title).font = Font(bold=True, size=14)
    cell = {key: f"B{row}" for key, row in HEADER_ROWS.items()}
    subtitle = (
        f'IF({cell["nama"]}="","",{cell["nama"]}&" · ")&{cell["tahun"]}&" · "&{cell["tahap"]}'
    )
    put(ws, 2, 1, Formula(subtitle)).font = Font(bold=True, size=12)
    regulation = rubric.regulation
    if rubric.provisional:
        regulation += " · " + text("workbook.provisional", lang, status=rubric.status)
    put_text(ws, 3, 1, regulation).font = Font(italic=True)
    labels = {
        "rubrik": text("rubric", lang),
        "nama": text("agency", lang),
        "jenis": text("workbook.kind", lang),
        "provinsi": text("workbook.province", lang),
        "tahun": text("year", lang),
        "tahap": text("stage", lang),
    }
    agency = a.agency
    values = {
        "rubrik": a.rubrik,
        "nama": agency.nama,
        "jenis": agency.jenis,
        "provinsi": agency.provinsi,
        "tahun": a.tahun,
        "tahap": a.tahap,
    }
    unlocked, tint, bold = Protection(locked=False), fill(INPUT_FILL), Font(bold=True)
    left = Alignment(horizontal="left")
    for key, row in HEADER_ROWS.items():
        put_text(ws, row, 1, labels[key]).font = bold
        widths.see(1, labels[key])
        target = ws.cell(row=row, column=HEADER_COLUMN)
        if values[key] not in (None, ""):
            target = put(ws, row, HEADER_COLUMN, values[key])
        target.alignment = left
        if key != "rubrik":
            target.protection, target.fill = unlocked, tint
    _header_validation(ws, cell, block, lang)
    ordered = sorted(rows.values())
    levels = ranges(indicators, C["level"], ordered)
    count = len(ordered)
    filled = f'COUNT({",".join(levels)})&" / {count}"'
    put_text(ws, 10, 1, text("workbook.filled", lang)).font = bold
    put(ws, 10, 2, Formula(filled))
    widths.see(1, text("workbook.filled", lang))
    _group_table(ws, card, indicators, rows, block, lang, widths)
    widths.apply(ws, cap=60)
    ws.column_dimensions[column_letter(SUMMARY_COLUMNS.index("band") + 1)].hidden = True
    protect(ws)
    print_setup(ws, fit_height=True, header=f"{agency.nama} · {a.tahun}")


def _header_validation(ws: Any, cell: dict[str, str], block: ScaleBlock, lang: Lang) -> None:
    """Drop-downs of the rubric's stages and agency kinds; a whole number for the year."""
    from openpyxl.worksheet.datavalidation import DataValidation

    for key, source in (("tahap", block.stages), ("jenis", block.kinds)):
        if source is None:
            continue
        dv = DataValidation(type="list", formula1=source, allow_blank=True)
        dv.showErrorMessage = True
        dv.error = fitted(text("workbook.list_error", lang), PROMPT_LIMIT)
        dv.add(cell[key])
        ws.add_data_validation(dv)
    year = DataValidation(type="whole", operator="greaterThan", formula1="0", allow_blank=True)
    year.showErrorMessage = True
    year.error = fitted(text("workbook.year_error", lang), PROMPT_LIMIT)
    year.add(cell["tahun"])
    ws.add_data_validation(year)


@dataclass(frozen=True)
class GroupRow:
    label: str
    name: str
    weight: Any
    members: list[int]
    """Rows of the group's indicators on the indicator sheet."""
    index: Any
    step: Any


def _group_table(
    ws: Any,
    card: Scorecard,
    indicators: str,
    rows: dict[str, int],
    block: ScaleBlock,
    lang: Lang,
    widths: Widths,
) -> None:
    """The index, then each domain and aspect: weight, index, predicate, exact value, range."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font

    rubric = card.rubric
    headings = {
        "label": "",
        "name": text("name", lang),
        "weight": text("weight", lang),
        "index": text("index.short", lang),
        "predicate": text("predicate", lang),
        "exact": text("xlsx.exact", lang),
        "low": text("workbook.low", lang),
        "high": text("workbook.high", lang),
        "band": "",
    }
    col = {key: n for n, key in enumerate(SUMMARY_COLUMNS, start=1)}
    for key, heading in headings.items():
        put_text(ws, TABLE_HEADING_ROW, col[key], heading)
        widths.see(col[key], heading)
    style_heading(ws[TABLE_HEADING_ROW][: len(SUMMARY_COLUMNS) - 1])
    entries = [
        GroupRow(
            index_name(rubric, lang),
            rubric.title,
            rubric.total_weight,
            sorted(rows.values()),
            card.index,
            grain(i.weight for i in rubric.indicators) / rubric.total_weight,
        )
    ]
    kinds = (("domain", rubric.domains, card.domains), ("aspect", rubric.aspects, card.aspects))
    for kind, groups, scores in kinds:
        for group, scored in zip(groups, scores, strict=True):
            members = sorted(rows[i.key] for i in group.indicators)
            step = grain(i.weight for i in group.indicators) / group.weight
            label = f"{text(kind, lang)} {group.id}"
            entries.append(GroupRow(label, group.name, group.weight, members, scored.index, step))
    first = TABLE_HEADING_ROW + 1
    bold = Font(bold=True)
    for n, entry in enumerate(entries):
        r = first + n
        exact_cell = f"{column_letter(col['exact'])}{r}"
        weight_cell = f"{column_letter(col['weight'])}{r}"
        formulas = group_formulas(
            Columns(indicators, C["level"], C["weight"]),
            entry.members,
            weight_cell,
            exact_cell,
            rubric,
        )
        index = entry.index
        settled = index.settled
        cells = {
            "label": (entry.label, entry.label),
            "name": (entry.name, entry.name),
            "weight": (entry.weight, exact_text(entry.weight)),
            "index": (formulas["index"], str(index.value) if settled else ""),
            "predicate": (block.predicate(exact_cell), index.predicate if settled else ""),
            "exact": (formulas["exact"], exact_text(index.exact)[:8] if settled else ""),
            "low": (formulas["low"], "" if settled else str(index.value)),
            "high": (formulas["high"], "" if settled else str(round_half_up(index.high))),
            "band": (block.band(exact_cell), ""),
        }
        for key, (value, shown) in cells.items():
            put(ws, r, col[key], value)
            widths.see(col[key], shown)
        if n == 0:
            for key in ("label", "index", "predicate"):
                ws.cell(row=r, column=col[key]).font = bold
        places = rubric.decimals
        for key in ("index", "low", "high"):
            ws.cell(row=r, column=col[key]).number_format = number_format(places)
        ws.cell(row=r, column=col["exact"]).number_format = exact_format(rubric, entry.step)
        ws.cell(row=r, column=col["weight"]).number_format = exact_format(rubric, entry.weight)
    last = first + len(entries) - 1
    band_col = column_letter(col["band"])
    target = f"{column_letter(col['predicate'])}{first}:{column_letter(col['predicate'])}{last}"
    for rank in range(1, len(rubric.bands) + 1):
        colour = rank_fill(rank, len(rubric.bands))
        rule = FormulaRule(formula=[f"${band_col}{first}={rank}"], fill=fill(colour))
        ws.conditional_formatting.add(target, rule)
