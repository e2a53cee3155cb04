"""Rich tables for a terminal; imported only when a terminal will show them (Rich costs time)."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from spbe_cli.render.tables import Report, Table

_TONES = ["red", "yellow", "green", "cyan", "bright_blue", "magenta"]


def _tone_style(rank: int | None, bands: int) -> str:
    if rank is None:
        return ""
    return _TONES[min(rank, len(_TONES) - 1)] if bands <= len(_TONES) else ""


def _table(table: Table, bands: int) -> RichTable:
    out = RichTable(
        title=table.title, box=box.SIMPLE_HEAVY, title_justify="left", title_style="bold"
    )
    for header, align in zip(table.headers, table.align, strict=True):
        out.add_column(header, justify=align, overflow="fold")
    for row, tone in zip(table.rows, table.tones or [None] * len(table.rows), strict=True):
        cells: list[str | Text] = list(row)
        if table.tone_column is not None:
            column = table.tone_column
            cells[column] = Text(row[column], style=_tone_style(tone, bands))
        out.add_row(*cells)
    return out


def show(report: Report, stream: TextIO, bands: int = 5) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False)
    title, *rest = report.heading
    console.print(Text(title, style="bold"))
    for line in rest:
        console.print(line)
    for notice in report.notices:
        console.print(Text(notice, style="yellow"))
    for table in report.tables:
        console.print(_table(table, bands))
