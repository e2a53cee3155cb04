"""`spbe report FILE... -o report.html`: one self-contained HTML report with charts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spbe_cli.cli.options import ForceOpt, LangOpt
from spbe_cli.exits import command


@command
def report(
    files: Annotated[
        list[Path], typer.Argument(help="An assessment, or years of one agency.", metavar="FILE...")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    force: ForceOpt = False,
    target: Annotated[
        str | None, typer.Option(help="Add the plan to this index (3.5) or a predicate.")
    ] = None,
    lang: LangOpt = "id",
) -> None:
    """Laporan HTML dengan grafik / one self-contained HTML report with charts, ready to print."""
    from spbe_cli.app.report import report_model
    from spbe_cli.cli.output import chosen_renderer, deliver
    from spbe_cli.render.base import Options

    chosen_renderer("report", "html", Options(lang))  # the `report` extra, before any file is read
    deliver("report", "html", report_model(files, target), Options(lang), output, force)
