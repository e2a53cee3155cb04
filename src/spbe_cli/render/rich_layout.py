"""A report on a terminal: text_layout's lines, coloured by Rich; imported only for a terminal.

The layout (widths, wrapping, stacking, escaping, guarding) is text_layout's, so a terminal and a
pipe show the same table; Rich adds bold headings, a heavy rule and the band palette. Rich is
given `Text` objects only, never a string it would parse as markup: a name `[link=…]L[/link]`
or `Kota [/x]` is shown as written.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.style import Style
from rich.text import Text

from spbe_cli.render.palette import PALETTE, band_colour
from spbe_cli.render.tables import Report
from spbe_cli.render.text_layout import Line, Look, report_lines

TERMINAL = Look(rule="━", continuous=True)
_NOTICE = Style(color=PALETTE[1].ink)


def _style(name: str | None, bands: int) -> Style | str:
    if name is None:
        return ""
    if name.startswith("tone:"):
        return Style(color=band_colour(int(name[5:]), bands).ink, bold=True)
    styles: dict[str, Style | str] = {
        "title": "bold",
        "header": "bold",
        "rule": "dim",
        "notice": _NOTICE,
    }
    return styles.get(name, "")


def _text(line: Line, bands: int) -> Text:
    out = Text(no_wrap=True, overflow="ignore")
    for part, style in line:
        out.append(part, _style(style, bands))
    out.rstrip()
    return out


def console_for(stream: TextIO) -> Console:
    # soft_wrap: the lines already fit; one longer word is left for the terminal to fold.
    return Console(file=stream, highlight=False, soft_wrap=True)


def show(report: Report, stream: TextIO, bands: int = 5) -> None:
    console = console_for(stream)
    for line in report_lines(report, console.width, TERMINAL):
        console.print(_text(line, bands))
