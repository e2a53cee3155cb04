"""Choose the human layout for a Report: Rich on a terminal, plain text elsewhere, or Markdown.

The width is chosen on purpose (known-traps: Rich off a terminal assumes 80 columns): a terminal's
own width, or `COLUMNS` when the user sets it; a pipe or a file without `COLUMNS` is not wrapped
at all, so each table row stays one line for grep, diff and scripts.
"""

from __future__ import annotations

import os
import shutil
from typing import TextIO

from spbe_cli.render import markdown, text_layout
from spbe_cli.render.tables import Report


def wants_rich(stream: TextIO) -> bool:
    """Rich only on a real terminal without NO_COLOR; pipes and files get plain text."""
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def width_for(stream: TextIO) -> int | None:
    """The columns a plain layout may use: COLUMNS, else a terminal's width, else unlimited."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if stream.isatty():
        return shutil.get_terminal_size().columns
    return None


def write_report(
    report: Report, stream: TextIO, *, markdown_out: bool = False, bands: int = 5
) -> None:
    if markdown_out:
        for part in markdown.parts(report):  # written as made: a long table is never one string
            stream.write(part)
    elif wants_rich(stream):
        from spbe_cli.render.rich_layout import show

        show(report, stream, bands=bands)
    else:
        text_layout.write(report, stream, width_for(stream))
