"""`spbe diff OLD NEW` and `spbe diff A B C...`: what moved the index, or the trend."""

from __future__ import annotations

from typing import Annotated

import typer

from spbe_cli.cli.options import AllowOutsideOpt, ForceOpt, LangOpt, OutputOpt, format_option
from spbe_cli.exits import ExitCode, Stop, command

DiffFormat = format_option("diff")


@command
def diff(
    files: Annotated[
        list[str],  # not Path: a trend of thousands of files would keep a Path object per file
        typer.Argument(
            help="OLD NEW, or three or more files for a trend; a folder gives its assessments.",
            metavar="FILE...",
        ),
    ],
    fmt: DiffFormat = "table",
    lang: LangOpt = "id",
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list unchanged indicators.")
    ] = False,
    fail_on_drop: Annotated[
        bool,
        typer.Option(
            "--fail-on-drop",
            help="Exit 1 when the exact overall index fell (a trend: its last step).",
        ),
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_rubric_outside: AllowOutsideOpt = False,
) -> ExitCode:
    """Bandingkan penilaian / compare assessments.

    Two files: what moved the index (years, stages or agencies), each changed indicator with its
    exact effect. Three or more: the trend of the index, predicate and domains.
    """
    from spbe_cli.app.score import compare_files
    from spbe_cli.cli.output import deliver
    from spbe_cli.core.results import ComparisonResult
    from spbe_cli.render.base import Options

    result = compare_files(files, allow_outside=allow_rubric_outside)
    deliver("diff", fmt, result, Options(lang, show_all=show_all), output, force)
    if isinstance(result, ComparisonResult):
        old, new = result.comparison.index.old, result.comparison.index.new
        fell = result.comparison.index.direction == "down"
    else:
        old, new = result.trend.index.points[-2], result.trend.index.points[-1]
        fell = result.trend.dropped
    if not (fail_on_drop and fell):
        return ExitCode.OK
    raise Stop(
        ExitCode.FAILED,
        message="diff.drop",
        old=old.value,
        new=new.value,
        old_exact=old.exact,
        new_exact=new.exact,
    )
