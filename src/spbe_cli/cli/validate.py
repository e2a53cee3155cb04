"""`spbe validate PATH...`: every problem of every file, for CI; exit 1 when any file is invalid."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from spbe_cli.cli.options import (
    AllowOutsideOpt,
    FailUnderOpt,
    LangOpt,
    MinPredicateOpt,
    RubricOpt,
    format_option,
    paths_argument,
)
from spbe_cli.exits import ExitCode, command

ValidateFormat = format_option(
    "validate", help="text, json, github (Actions annotations) or junit (XML)."
)
ValidatePaths = paths_argument(
    "Assessment files, or folders to check every assessment under (hidden and git-ignored "
    "files skipped)."
)


@command
def validate(
    paths: ValidatePaths,
    fmt: ValidateFormat = "text",
    lang: LangOpt = "id",
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings (SPBE35x) as errors.")
    ] = False,
    fail_under: FailUnderOpt = None,
    min_predicate: MinPredicateOpt = None,
    rubric: RubricOpt = None,
    all_warnings: Annotated[
        bool,
        typer.Option(
            "--all-warnings",
            help="One line per warning; by default a file gets one line per warning code, "
            "naming the indicators.",
        ),
    ] = False,
    check_agency: Annotated[
        bool,
        typer.Option(
            "--check-agency",
            help="Warn about an agency name that differs from the other files of its folder "
            "(SPBE355).",
        ),
    ] = False,
    include_hidden: Annotated[
        bool,
        typer.Option(
            "--include-hidden",
            help="In folders, also check hidden files and folders and what git ignores.",
        ),
    ] = False,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes",
            min=1,
            metavar="BYTES",
            help="Size limit per file (default 5 MB; also SPBE_MAX_BYTES).",
        ),
    ] = None,
    allow_rubric_outside: AllowOutsideOpt = False,
) -> ExitCode:
    """Periksa berkas penilaian / check assessments for CI.

    Every problem of every file, with file:line:col, then a summary. Exit 0 when every file is
    valid, 1 when any has an error (with --strict, a warning; or fails a threshold), 2 for a
    usage error.
    """
    from datetime import date

    from spbe_cli.app.rubrics import check_predicate_name, rubric_option
    from spbe_cli.app.validate import Options, WarningPolicy
    from spbe_cli.app.validate_stream import run_validate
    from spbe_cli.cli.output import fraction_option
    from spbe_cli.core.thresholds import Gate, UnknownPredicate
    from spbe_cli.exits import usage_error
    from spbe_cli.files.walk import expand_paths

    # Every usage error before any file is read.
    gate = Gate(fraction_option(fail_under, "--fail-under"), min_predicate)
    override = rubric_option(rubric)
    check_predicate_name(min_predicate, override[1] if override else None)
    policy = WarningPolicy(all_warnings=all_warnings, check_agency=check_agency)
    chosen = override[0] if override else None
    options = Options(date.today(), gate, strict, chosen, max_bytes, policy, allow_rubric_outside)
    # strings: 10,000 Paths cost megabytes
    files = [str(p) for p in expand_paths(paths, include_hidden=include_hidden)]
    if not files:
        raise usage_error("usage.no_files", path=", ".join(map(str, paths)))
    on_terminal = fmt == "text" and sys.stdout.isatty()
    try:
        ok = run_validate(
            files, options, fmt, lang, sys.stdout, sys.stderr, with_sources=on_terminal
        )
    except UnknownPredicate as exc:  # a custom rubric named by a file lacks that band
        allowed = ", ".join(exc.allowed)
        raise usage_error("usage.unknown_predicate", value=min_predicate, allowed=allowed) from None
    return ExitCode.OK if ok else ExitCode.FAILED
