"""`spbe validate PATH...`: every problem of every file, for CI; exit 1 when any file is invalid."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from spbe_cli.cli.options import LangOpt
from spbe_cli.exits import ExitCode, command

ValidateFormat = Literal["text", "json", "github", "junit"]


@command
def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Assessment files or folders.", metavar="PATH...")
    ],
    fmt: Annotated[ValidateFormat, typer.Option("--format", "-f", help="Output format.")] = "text",
    lang: LangOpt = "id",
    strict: Annotated[bool, typer.Option(help="Treat warnings (SPBE35x) as errors.")] = False,
    fail_under: Annotated[str | None, typer.Option(help="Error: exact index below.")] = None,
    min_predicate: Annotated[str | None, typer.Option(help="Error: below this predicate.")] = None,
    rubric: Annotated[Path | None, typer.Option(help="Check with this rubric file.")] = None,
    max_bytes: Annotated[
        int | None, typer.Option(min=1, help="Size limit per file (5 MB; SPBE_MAX_BYTES).")
    ] = None,
) -> ExitCode:
    """Periksa berkas penilaian / check self-assessment files for CI: every problem, every file."""
    from datetime import date

    from spbe_cli.app.rubrics import known_predicates
    from spbe_cli.app.validate import Options
    from spbe_cli.app.validate_stream import run_validate
    from spbe_cli.cli.output import fraction_option
    from spbe_cli.core.thresholds import Gate, UnknownPredicate
    from spbe_cli.exits import usage_error
    from spbe_cli.files.reader import expand_paths

    gate = Gate(fraction_option(fail_under, "--fail-under"), min_predicate)
    options = Options(date.today(), gate, strict, rubric, max_bytes)
    files = [str(p) for p in expand_paths(paths)]  # strings: 10,000 Paths cost megabytes
    if not files:
        raise usage_error("usage.no_files", path=", ".join(map(str, paths)))
    on_terminal = fmt == "text" and sys.stdout.isatty()
    try:
        ok = run_validate(
            files, options, fmt, lang, sys.stdout, sys.stderr, with_sources=on_terminal
        )
    except UnknownPredicate:
        allowed = known_predicates()
        raise usage_error("usage.unknown_predicate", value=min_predicate, allowed=allowed) from None
    return ExitCode.OK if ok else ExitCode.FAILED
