"""`spbe score FILE...`: the index, domains, aspects and indicators of each file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spbe_cli.cli.options import ForceOpt, LangOpt, OutputOpt, format_option
from spbe_cli.exits import ExitCode, Stop, command
from spbe_cli.render.choices import Detail

if TYPE_CHECKING:
    from spbe_cli.core.scoring import Scorecard
    from spbe_cli.core.thresholds import Gate, GateFailure

ScoreFormat = format_option("score")


@command
def score(
    files: Annotated[
        list[Path], typer.Argument(help="Assessment files or folders.", metavar="PATH...")
    ],
    fmt: ScoreFormat = "table",
    lang: LangOpt = "id",
    detail: Annotated[Detail, typer.Option(help="How deep the tables go.")] = "indicators",
    partial: Annotated[
        bool, typer.Option(help="Score a draft with missing indicators as a range.")
    ] = False,
    fail_under: Annotated[
        str | None, typer.Option(help="Exit 1 when an exact index is below this.")
    ] = None,
    min_predicate: Annotated[
        str | None, typer.Option(help="Exit 1 below this predicate, e.g. baik.")
    ] = None,
    rubric: Annotated[
        Path | None, typer.Option(help="Score with this rubric file instead.")
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> ExitCode:
    """Hitung indeks SPBE / compute the SPBE index of self-assessment files."""
    from spbe_cli.app.score import score_files
    from spbe_cli.cli.output import deliver, fraction_option
    from spbe_cli.core.thresholds import Gate
    from spbe_cli.messages import text
    from spbe_cli.render.base import Options

    gate = Gate(fraction_option(fail_under, "--fail-under"), min_predicate)
    scoring = score_files(files, partial=partial, rubric=rubric)
    result = scoring.result
    if result.cards:
        deliver("score", fmt, result, Options(lang, detail), output, force)
    if scoring.problems:
        raise Stop(problems=scoring.problems)
    failures = [(path, f) for path, card in result.cards for f in _checked(card, gate)]
    for path, failure in failures:
        message = f"threshold.{failure.kind}"  # threshold.fail_under, threshold.min_predicate
        sys.stderr.write(text(message, lang, **failure.params, file=path) + "\n")
    return ExitCode.FAILED if failures else ExitCode.OK


def _checked(card: Scorecard, gate: Gate) -> list[GateFailure]:
    """The thresholds `card` fails; a --min-predicate its rubric does not know is a usage error."""
    from spbe_cli.core.thresholds import UnknownPredicate, check
    from spbe_cli.exits import usage_error

    try:
        return check(card, gate)
    except UnknownPredicate as exc:
        allowed = ", ".join(b.name for b in card.rubric.bands)
        raise usage_error("usage.unknown_predicate", value=str(exc), allowed=allowed) from None
