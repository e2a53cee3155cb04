"""`spbe report FILE... -o report.html`: one self-contained HTML report with charts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from spbe_cli.cli.options import ForceOpt, LangOpt
from spbe_cli.exits import command, usage_error

HTML_NEEDS = ("jinja2", "pygal")


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
    import importlib

    from spbe_cli.app.report import report_model
    from spbe_cli.cli.output import write_output
    from spbe_cli.messages import text

    for name in HTML_NEEDS:  # the `report` extra, checked before any file is read
        try:
            importlib.import_module(name)
        except ImportError:
            raise usage_error("report.missing_extra", module=name) from None
    from spbe_cli.render.html_report import render_html

    html = render_html(report_model(files, target), lang)
    write_output(output, html, force=force)
    sys.stderr.write(text("report.written", lang, path=output) + "\n")
