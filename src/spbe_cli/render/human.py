"""Choose the human layout for a Report: Rich on a terminal, plain text elsewhere, or Markdown."""

from __future__ import annotations

import os
from typing import TextIO

from spbe_cli.render import markdown, text_layout
from spbe_cli.render.tables import Report


def wants_rich(stream: TextIO) -> bool:
    """Rich only on a real terminal without NO_COLOR; pipes and files get plain text."""
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def write_report(
    report: Report, stream: TextIO, *, markdown_out: bool = False, bands: int = 5
) -> None:
    if markdown_out:
        stream.write(markdown.layout(report))
    elif wants_rich(stream):
        from spbe_cli.render.rich_layout import show

        show(report, stream, bands=bands)
    else:
        stream.write(text_layout.layout(report))
