"""`spbe report FILE... -o report.html`: one self-contained HTML report with charts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spbe_cli.cli.options import AllowOutsideOpt, ForceOpt, LangOpt
from spbe_cli.exits import command


@command
def report(
    files: Annotated[
        list[Path],
        typer.Argument(help="An assessment, or several years of one agency.", metavar="FILE..."),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write."),
    ],
    force: ForceOpt = False,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="NUMBER|PREDICATE",
            help='Add the plan to reach this index (3.5) or predicate ("sangat baik").',
        ),
    ] = None,
    lang: LangOpt = "id",
    date: Annotated[
        str | None,
        typer.Option(
            help="The date printed on the report, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else "
            "today): the same files and date give the same bytes."
        ),
    ] = None,
    allow_rubric_outside: AllowOutsideOpt = False,
) -> None:
    """Laporan HTML dengan grafik / an HTML report with charts.

    One self-contained file (no network needed) to present and print: the index, the aspects'
    radar, the domains, the indicators; with several years, the trend and the changes.
    """
    import os

    from spbe_cli.app.report import report_date, report_model
    from spbe_cli.cli.output import chosen_renderer, deliver
    from spbe_cli.render.base import Options

    chosen_renderer("report", "html", Options(lang))  # the `report` extra, before any file is read
    generated = report_date(date, os.environ.get("SOURCE_DATE_EPOCH"))
    deliver(
        "report",
        "html",
        report_model(files, target, generated, allow_rubric_outside),
        Options(lang),
        output,
        force,
    )
