"""`spbe rank PATH...`: national and group ranks with the ministry's summary figures."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from spbe_cli.cli.options import AllowOutsideOpt, ForceOpt, LangOpt, OutputOpt, format_option
from spbe_cli.exits import ExitCode, Stop, command

RankFormat = format_option("rank")


@command
def rank(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Assessment files, or folders of them, of one year.", metavar="PATH..."
        ),
    ],
    fmt: RankFormat = "table",
    lang: LangOpt = "id",
    by: Annotated[
        Literal["provinsi", "jenis"] | None,
        typer.Option(
            "--by", case_sensitive=False, help="Also rank within each province or agency kind."
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", min=1, metavar="N", help="Show only the rows ranked N or better."),
    ] = None,
    good_from: Annotated[
        str | None,
        typer.Option(
            "--good-from",
            metavar="PREDICATE",
            help="The band counted as good in the summary (default: the rubric's good_from).",
        ),
    ] = None,
    allow_mixed: Annotated[
        bool, typer.Option("--allow-mixed", help="Rank files of several years or rubrics.")
    ] = False,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_rubric_outside: AllowOutsideOpt = False,
) -> ExitCode:
    """Peringkat instansi / rank agencies.

    National ranks (and ranks within a province or agency kind) on the exact index, then the
    ministry's summary figures. Exit 1 when some files were broken and skipped.
    """
    from spbe_cli.app.rank import RankRequest, Watch, rank_files
    from spbe_cli.cli.output import chosen_renderer, deliver, needs_output
    from spbe_cli.render.base import Options
    from spbe_cli.render.progress import on_terminal

    if chosen_renderer("rank", fmt, Options(lang)).binary:
        needs_output(output)  # before a batch of files is read, not after
    watch = Watch(progress=on_terminal(sys.stderr, lang), broken=sys.stderr.write)
    request = RankRequest(files, by, top, good_from, allow_mixed, allow_rubric_outside)
    result, broken = rank_files(request, lang, watch)
    if not result.ranking.rows:
        raise Stop(ExitCode.FAILED, message="rank.empty")
    deliver("rank", fmt, result, Options(lang), output, force)
    if broken:
        raise Stop(ExitCode.FAILED, message="rank.skipped", count=broken)
    return ExitCode.OK
