"""`spbe score FILE...`: the index, domains, aspects and indicators of each file.

Without `from __future__ import annotations`, unlike the other modules: Typer reads this command's
signature at every run, and string annotations would each be compiled and evaluated then (about
1 ms of `spbe score`'s start-up); evaluated once at definition they cost nothing more.
"""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from spbe_cli.cli.options import (
    AllowOutsideOpt,
    FailUnderOpt,
    ForceOpt,
    LangOpt,
    MinPredicateOpt,
    OutputOpt,
    RubricOpt,
    format_option,
    paths_argument,
)
from spbe_cli.exits import ExitCode, Stop, command
from spbe_cli.render.choices import Detail

if TYPE_CHECKING:
    from spbe_cli.app.score import Scoring

ScoreFormat = format_option("score")
ScorePaths = paths_argument("Assessment files, or folders to score every assessment in.")


@command
def score(
    files: ScorePaths,
    fmt: ScoreFormat = "table",
    lang: LangOpt = "id",
    detail: Annotated[
        Detail,
        typer.Option(
            case_sensitive=False,
            help="How deep the tables of one file go (a rubric without domains shows aspects).",
        ),
    ] = "indicators",
    partial: Annotated[
        bool,
        typer.Option(
            "--partial", help="Score a draft: missing indicators give the range still reachable."
        ),
    ] = False,
    fail_under: FailUnderOpt = None,
    min_predicate: MinPredicateOpt = None,
    rubric: RubricOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    allow_rubric_outside: AllowOutsideOpt = False,
) -> ExitCode:
    """Hitung indeks SPBE / compute the SPBE index.

    The index and predicate of each file, its domains, aspects and indicators (one file), or one
    summary table (several files or a folder). Exit 1 when --fail-under or --min-predicate is
    not met, 2 for invalid input.
    """
    from spbe_cli.app.rubrics import check_predicate_name, rubric_option
    from spbe_cli.app.score import score_files
    from spbe_cli.cli.output import chosen_renderer, deliver, fraction_option
    from spbe_cli.exits import usage_error
    from spbe_cli.messages import text
    from spbe_cli.model.codes import Code
    from spbe_cli.render.base import Options

    # Every usage error before any file is read (and so before anything is printed).
    gate = None  # no threshold asked for: core.thresholds is never loaded
    if fail_under is not None or min_predicate is not None:
        from spbe_cli.core.thresholds import Gate

        gate = Gate(fraction_option(fail_under, "--fail-under"), min_predicate)
    override = rubric_option(rubric)
    check_predicate_name(min_predicate, override[1] if override else None)
    if chosen_renderer("score", fmt, Options(lang, detail)).binary and output is None:
        raise usage_error("xlsx.needs_output")
    chosen = override[0] if override else None
    scoring = score_files(
        files, partial=partial, rubric=chosen, gate=gate, allow_outside=allow_rubric_outside
    )
    _stop_at_unknown_predicate(scoring)  # one file: judged before anything is printed
    if scoring.any_scored():
        deliver("score", fmt, scoring.result, Options(lang, detail), output, force)
    _stop_at_unknown_predicate(scoring)  # a batch judges each file as it is written
    if scoring.problems and scoring.files > 1:  # a batch: every file counted, after its problems
        failed = scoring.files - scoring.scored
        counts = {"files": scoring.files, "scored": scoring.scored, "failed": failed}
        raise Stop(problems=scoring.problems, message="score.summary", **counts)
    if scoring.problems:
        drafts = not partial and any(p.code == Code.SPBE104 for p in scoring.problems)
        raise Stop(problems=scoring.problems, message="score.partial_hint" if drafts else None)
    if not scoring.failures:
        return ExitCode.OK
    from spbe_cli.render.escape import inert

    for path, kind, params in scoring.failures:
        message = f"threshold.{kind}"  # threshold.fail_under, threshold.min_predicate
        sys.stderr.write(inert(text(message, lang, **params, file=path)) + "\n")  # type: ignore[arg-type]
    return ExitCode.FAILED


def _stop_at_unknown_predicate(scoring: "Scoring") -> None:
    """A --min-predicate that a file's own rubric does not know is a usage error (a custom
    rubric named by the file; --rubric and the bundled bands were checked before reading)."""
    from spbe_cli.exits import usage_error

    if scoring.unknown_predicate is not None:
        value, allowed = scoring.unknown_predicate
        raise usage_error("usage.unknown_predicate", value=value, allowed=allowed)
