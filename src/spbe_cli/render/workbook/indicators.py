"""The indicator sheet of the assessment workbook, and the criteria sheet beside it.

One row per indicator from FIRST_ROW (model/workbook_format.py fixes the columns the reader
takes): the rubric's id, domain, aspect, name and weight, the level to choose from a drop-down,
the level's name and the contribution as formulas, and the explanation and evidence to write.
Every level cell's input message lists the levels with their names and criteria, shortened to
Excel's 255 characters; the criteria sheet holds them in full, with each indicator's question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text
from spbe_cli.model.rubric import Indicator, Rubric
from spbe_cli.model.workbook_format import COLUMNS, FIRST_ROW, column_letter
from spbe_cli.render.workbook.cells import (
    INPUT_FILL,
    Formula,
    Widths,
    cell_text,
    exact_format,
    fill,
    fitted,
    grain,
    operand,
    print_setup,
    protect,
    put,
    put_text,
    style_heading,
)
from spbe_cli.render.workbook.scales import ScaleBlock

PROMPT_LIMIT = 255
"""Excel refuses a data-validation input message longer than this."""
PROMPT_TITLE_LIMIT = 32
QUESTION_WIDTH = 40
CHARS_PER_UNIT = 1.1
"""Characters of running text per unit of column width (the width of a digit "0")."""
C = COLUMNS


def indicator_sheet(ws: Any, card: Scorecard, block: ScaleBlock, lang: Lang) -> dict[str, int]:
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
    protect(ws)
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


def criteria_sheet(ws: Any, rubric: Rubric, lang: Lang) -> None:
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
