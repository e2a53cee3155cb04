"""`spbe init`: a ready-to-fill self-assessment, optionally pre-filled from last year's file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from spbe_cli.cli.options import AllowOutsideOpt, ForceOpt, LangOpt
from spbe_cli.exits import Stop, command, usage_error

InitFormat = Annotated[
    Literal["yaml", "toml", "xlsx"] | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="yaml, toml or xlsx (default: from -o's suffix; xlsx needs -o).",
    ),
]


@command
def init(
    rubric: Annotated[
        str | None,
        typer.Option(
            "--rubric",
            metavar="RUBRIC",
            help="A bundled rubric id, its regulation's name or a rubric file "
            "(default: the bundled rubric of --tahun's era).",
        ),
    ] = None,
    instansi: Annotated[
        str | None, typer.Option("--instansi", metavar="NAME", help="The agency's name.")
    ] = None,
    tahun: Annotated[
        int | None,
        typer.Option("--tahun", metavar="YEAR", help="The assessment year (default: this year)."),
    ] = None,
    fmt: InitFormat = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to FILE (default: standard output)."
        ),
    ] = None,
    force: ForceOpt = False,
    from_: Annotated[
        Path | None,
        typer.Option("--from", metavar="FILE", help="Pre-fill from last year's assessment FILE."),
    ] = None,
    lang: LangOpt = "id",
    allow_rubric_outside: AllowOutsideOpt = False,
) -> None:
    """Buat lembar penilaian mandiri / write a new self-assessment.

    Every indicator of the rubric with its level left empty, and above each, as comments, its
    question and the criterion of every level. Start here, then `spbe score --partial FILE`.
    """
    import datetime

    from spbe_cli.app.init import InitFailure, InitRequest, plan_init
    from spbe_cli.cli.output import write_output
    from spbe_cli.messages import text
    from spbe_cli.render.template import render

    chosen = _init_format(fmt, output)
    out_dir = output.parent if output is not None else Path.cwd()
    this_year = datetime.date.today().year
    request = InitRequest(rubric, instansi, tahun, from_, out_dir, this_year, allow_rubric_outside)
    plan = plan_init(request, lang)
    if isinstance(plan, InitFailure):
        raise Stop(problems=plan.problems, message=plan.key, usage=True, **plan.params)
    if chosen == "xlsx":
        from spbe_cli.render.workbook.fill_in import fill_in_workbook

        content: str | bytes = fill_in_workbook(plan.rubric, plan.options)
    else:
        content = render(plan.rubric, plan.options, chosen)
    if output is None:
        assert isinstance(content, str)
        sys.stdout.write(content)
        return
    write_output(output, content, force=force)
    sys.stdout.write(text("init.written", lang, file=output, count=len(plan.rubric.indicators)))
    sys.stdout.write("\n")


def _init_format(fmt: str | None, output: Path | None) -> Literal["yaml", "toml", "xlsx"]:
    """The format asked for, checked against -o's suffix: the loader reads a file by its suffix."""
    suffix = output.suffix.lower() if output is not None else ""
    by_suffix = {".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".xlsx": "xlsx"}.get(suffix)
    chosen = fmt or by_suffix or "yaml"
    if output is not None and by_suffix != chosen:
        raise usage_error("init.format_mismatch", fmt=chosen, file=output)
    if chosen == "xlsx" and output is None:
        raise usage_error("xlsx.needs_output")  # before any file is read
    return "toml" if chosen == "toml" else "xlsx" if chosen == "xlsx" else "yaml"
