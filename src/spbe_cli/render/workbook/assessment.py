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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spbe_cli import __version__
from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.rubric import Indicator, Rubric
from spbe_cli.model.workbook_format import (
    ASSESSMENT,
    COLUMNS,
    FIRST_ROW,
    FORMAT_VERSION,
    HEADER_COLUMN,
    HEADER_ROWS,
    KEY_FORMAT,
    KEY_INDICATORS,
    KEY_KIND,
    KEY_ROWS,
    KEY_RUBRIC,
    KEY_SUMMARY,
    KEY_WRITER,
    MARKER_FIRST_ROW,
    MARKER_SHEET,
    column_letter,
)
from spbe_cli.render.workbook.cells import (
    INPUT_FILL,
    PALETTE,
    Formula,
    Widths,
    cell_text,
    exact_format,
    fill,
    fitted,
    grain,
    number_format,
    operand,
    print_setup,
    put,
    put_text,
    style_heading,
)
from spbe_cli.render.workbook.formulas import Columns, group_formulas, ranges
from spbe_cli.render.workbook.scales import ScaleBlock, scale_rows

PROMPT_LIMIT = 255
"""Excel refuses a data-validation input message longer than this."""
PROMPT_TITLE_LIMIT = 32
QUESTION_WIDTH = 40
CHARS_PER_UNIT = 1.1
"""Characters of running text per unit of column width (the width of a digit "0")."""
C = COLUMNS


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
    rows = _indicator_sheet(indicators, card, block, lang)
    if any(i.criteria for i in card.rubric.indicators):
        _criteria_sheet(book.create_sheet(text("criteria", lang), 2), card.rubric, lang)
    _summary_sheet(summary, card, names, rows, block, lang)
    _marker(book.create_sheet(MARKER_SHEET), card.rubric, names, lang)
    agency = card.assessment.agency.nama
    book.properties.title = fitted(
        f"{text('index', lang)} · {agency} · {card.assessment.tahun}", 250
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


# ---- the indicator sheet --------------------------------------------------------------------


def _indicator_sheet(ws: Any, card: Scorecard, block: ScaleBlock, lang: Lang) -> dict[str, int]:
    """One row per indicator from FIRST_ROW; returns each indicator's row by key."""
    from openpyxl.styles import Alignment, Protection

    rubric = card.rubric
    levels = list(range(rubric.level_min, rubric.level_max + 1))
    with_question = any(s.indicator.question for s in card.indicators)
    headings = _indicator_headings(lang, with_question)
    widths = Widths()
    for column, heading in enumerate(headings, start=1):
        put_text(ws, 1, column, heading)
        widths.see(column, heading if len(heading) < 14 else heading[:14])
    style_heading(ws[1])
    aspects = {a.key: a for a in rubric.aspects}
    domains = {d.key: d for d in rubric.domains}
    total = operand(rubric.total_weight)
    step_format = exact_format(rubric, grain(i.step for i in rubric.indicators))
    weight_format = exact_format(rubric, grain(i.weight for i in rubric.indicators))
    unlocked, tint = Protection(locked=False), fill(INPUT_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    rows: dict[str, int] = {}
    for n, s in enumerate(card.indicators):
        r = FIRST_ROW + n
        ind = s.indicator
        aspect = aspects[ind.aspect_key]
        domain = domains.get(aspect.domain_key or "")
        entry = card.assessment.entry(ind.key)
        level_cell = f"{column_letter(C['level'])}{r}"
        values: dict[str, Any] = {
            "id": ind.id,
            "domain": domain.id if domain else None,
            "aspect": aspect.id,
            "name": ind.name,
            "level": s.level,
            "level_name": block.level_name(ind.scale.id, level_cell),
            "weight": ind.weight,
            "contribution": Formula(f'IF(ISNUMBER({level_cell}),{level_cell}*G{r}/{total},"")'),
            "penjelasan": (entry.penjelasan if entry else None) or None,
            "bukti_dukung": "\n".join(entry.bukti_dukung or ()) if entry else None,
        }
        shown = {
            "level_name": s.level_name,
            "weight": exact_text(ind.weight),
            "contribution": exact_text(s.contribution) if s.level is not None else "",
        }
        for key, value in values.items():
            if value is None or value == "":
                continue
            cell = put(ws, r, C[key], value)
            cell.alignment = wrap if key in ("name", "penjelasan", "bukti_dukung") else top
            widths.see(C[key], shown.get(key, value))
        ws.cell(row=r, column=C["weight"]).number_format = weight_format
        ws.cell(row=r, column=C["contribution"]).number_format = step_format
        ws.cell(row=r, column=C["level"]).number_format = "0"
        for key in ("level", "penjelasan", "bukti_dukung"):
            cell = ws.cell(row=r, column=C[key])
            cell.protection, cell.fill = unlocked, tint
            if key != "level":
                cell.alignment = wrap
        if with_question and ind.question:
            put_text(ws, r, len(C) + 1, ind.question).alignment = top  # one line, overflowing
        _level_validation(ws, r, ind, rubric, levels, lang)
        rows[ind.key] = r
    last = FIRST_ROW + len(card.indicators) - 1
    _text_prompts(ws, last, lang)
    wrapped = (C["name"], C["penjelasan"], C["bukti_dukung"])
    widths.apply(ws, cap=48, wrapped=wrapped)
    if with_question:
        ws.column_dimensions[column_letter(len(C) + 1)].width = QUESTION_WIDTH
    row_heights(ws, FIRST_ROW, last, wrapped)
    if not rubric.domains:
        ws.column_dimensions[column_letter(C["domain"])].hidden = True
    ws.freeze_panes = f"{column_letter(C['level'])}{FIRST_ROW}"
    ws.auto_filter.ref = f"A1:{column_letter(len(headings))}{last}"
    _protect(ws)
    agency = card.assessment.agency.nama
    print_setup(
        ws,
        title_rows="1:1",
        area=f"A1:{column_letter(C['bukti_dukung'])}{last}",
        header=f"{agency} · {card.assessment.tahun}",
        footer=text("workbook.page", lang),
    )
    return rows


def _indicator_headings(lang: Lang, with_question: bool) -> list[str]:
    words = {
        "id": "ID",
        "domain": text("domain", lang),
        "aspect": text("aspect", lang),
        "name": text("indicator", lang),
        "level": text("level", lang),
        "level_name": text("level.name", lang),
        "weight": text("weight", lang),
        "contribution": text("contribution", lang),
        "penjelasan": text("workbook.explanation", lang),
        "bukti_dukung": text("workbook.evidence", lang),
    }
    headings = [words[key] for key in C]
    if with_question:
        headings.append(text("question", lang))
    return headings


def _level_validation(
    ws: Any, row: int, ind: Indicator, rubric: Rubric, levels: Sequence[int], lang: Lang
) -> None:
    """A drop-down of the rubric's levels, each level's name and criterion as its input message."""
    from openpyxl.worksheet.datavalidation import DataValidation

    bounds = {"min": rubric.level_min, "max": rubric.level_max}
    listed = ",".join(map(str, levels))
    if len(levels) <= 50 and len(listed) < PROMPT_LIMIT:
        dv = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
    else:
        dv = DataValidation(
            type="whole",
            operator="between",
            formula1=str(rubric.level_min),
            formula2=str(rubric.level_max),
            allow_blank=True,
        )
    lines = []
    for level in levels:
        name = ind.level_name(level)
        criterion = ind.criteria.get(level, "")
        line = f"{level} {name}".strip()
        lines.append(f"{line}: {criterion}" if criterion else line)
    dv.promptTitle = fitted(text("workbook.level_prompt", lang, **bounds), PROMPT_TITLE_LIMIT)
    dv.prompt = _prompt(lines)
    dv.errorTitle = fitted(text("workbook.level_error_title", lang), PROMPT_TITLE_LIMIT)
    dv.error = fitted(text("workbook.level_error", lang, **bounds), PROMPT_LIMIT)
    dv.showInputMessage = dv.showErrorMessage = True
    dv.add(f"{column_letter(C['level'])}{row}")
    ws.add_data_validation(dv)


def _text_prompts(ws: Any, last: int, lang: Lang) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    for key, title, prompt in (
        ("penjelasan", "workbook.explanation", "workbook.explanation_prompt"),
        ("bukti_dukung", "workbook.evidence", "workbook.evidence_prompt"),
    ):
        dv = DataValidation(allow_blank=True, showInputMessage=True)
        dv.promptTitle = fitted(text(title, lang), PROMPT_TITLE_LIMIT)
        dv.prompt = fitted(text(prompt, lang), PROMPT_LIMIT)
        letter = column_letter(C[key])
        dv.add(f"{letter}{FIRST_ROW}:{letter}{last}")
        ws.add_data_validation(dv)


def _prompt(lines: list[str]) -> str:
    """Lines within Excel's 255 characters: the longest criteria are shortened first, with "…".

    The full criteria stand in the sheet's own columns; the message is the reminder at the cell.
    """
    lines = [cell_text(line).replace("\n", " ") for line in lines]
    room = PROMPT_LIMIT - (len(lines) - 1)
    if sum(map(len, lines)) <= room:
        return "\n".join(lines)
    low, high = 1, max(map(len, lines))
    while low < high:
        cap = (low + high + 1) // 2
        if sum(min(len(line), cap) for line in lines) <= room:
            low = cap
        else:
            high = cap - 1
    return "\n".join(line if len(line) <= low else line[: low - 1] + "…" for line in lines)


def _protect(ws: Any) -> None:
    """Lock formula cells against slips; columns, rows and filters stay adjustable. No password."""
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.formatCells = False
    protection.autoFilter = protection.sort = False


def row_heights(ws: Any, first: int, last: int, wrapped: Sequence[int]) -> None:
    """Heights for rows whose wrapped text needs several lines.

    Neither Excel nor LibreOffice grows a row for wrapped text when it opens a file (or prints
    it), so the rows are sized here: lines of each wrapped cell at its column's width, 15 points a
    line (the default font), never above the 409 points a row can have.
    """
    import math

    widths = {c: ws.column_dimensions[column_letter(c)].width or 10 for c in wrapped}
    for row in range(first, last + 1):
        lines = 1
        for column, width in widths.items():
            value = ws.cell(row=row, column=column).value
            if isinstance(value, str) and not value.startswith("="):
                per_line = max(int(width * CHARS_PER_UNIT), 1)
                count = sum(max(math.ceil(len(part) / per_line), 1) for part in value.split("\n"))
                lines = max(lines, count)
        if lines > 1:
            ws.row_dimensions[row].height = min(15 * lines, 409)


def _criteria_sheet(ws: Any, rubric: Rubric, lang: Lang) -> None:
    """Every indicator's question and each level's name and criterion, to read while filling in.

    The level cells' input messages hold the same, shortened to Excel's 255 characters.
    """
    from openpyxl.styles import Alignment

    headings = ["ID", text("indicator", lang), text("level", lang), text("level.name", lang)]
    headings.append(text("criteria", lang))
    for column, heading in enumerate(headings, start=1):
        put_text(ws, 1, column, heading)
    style_heading(ws[1])
    wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    row = 2
    for ind in rubric.indicators:
        if not (ind.criteria or ind.question):
            continue
        put(ws, row, 1, ind.id).alignment = top
        put_text(ws, row, 2, ind.name).alignment = wrap
        if ind.question:
            put_text(ws, row, 5, ind.question).alignment = wrap
        row += 1
        for level in range(rubric.level_min, rubric.level_max + 1):
            criterion = ind.criteria.get(level)
            if not criterion:
                continue
            put(ws, row, 3, level).alignment = top
            put_text(ws, row, 4, ind.level_name(level)).alignment = top
            put_text(ws, row, 5, criterion).alignment = wrap
            row += 1
    for column, width in zip("ABCDE", (6, 40, 8, 20, 80), strict=True):
        ws.column_dimensions[column].width = width
    row_heights(ws, 2, row - 1, (2, 5))
    ws.freeze_panes = "A2"
    print_setup(ws, title_rows="1:1", footer=text("workbook.page", lang))


# ---- the summary sheet ----------------------------------------------------------------------

TABLE_HEADING_ROW = 12
SUMMARY_COLUMNS = ("label", "name", "weight", "index", "predicate", "exact", "low", "high", "band")


def _summary_sheet(
    ws: Any, card: Scorecard, names: Names, rows: dict[str, int], block: ScaleBlock, lang: Lang
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
    levels = ranges(names.indicators, C["level"], ordered)
    count = len(ordered)
    filled = f'COUNT({",".join(levels)})&" / {count}"'
    put_text(ws, 10, 1, text("workbook.filled", lang)).font = bold
    put(ws, 10, 2, Formula(filled))
    widths.see(1, text("workbook.filled", lang))
    _group_table(ws, card, names, rows, block, lang, widths)
    widths.apply(ws, cap=60)
    ws.column_dimensions[column_letter(SUMMARY_COLUMNS.index("band") + 1)].hidden = True
    _protect(ws)
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
    names: Names,
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
            text("index", lang),
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
            Columns(names.indicators, C["level"], C["weight"]),
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
        colour = PALETTE[min(rank - 1, len(PALETTE) - 1)]
        rule = FormulaRule(formula=[f"${band_col}{first}={rank}"], fill=fill(colour))
        ws.conditional_formatting.add(target, rule)


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
