"""`spbe score` and `spbe diff`: files in, scorecards compared or summarised out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spbe_cli.core.results import ComparisonResult, ScoreResult, TrendResult
from spbe_cli.exits import Stop, usage_error
from spbe_cli.model.problems import Located


@dataclass(frozen=True)
class Scoring:
    """The files that scored, and the problems of those that did not (exit 2 after the output)."""

    result: ScoreResult
    problems: list[Located]
    files: int = 1
    """How many files were read (folders expanded), for a batch's summary."""


def score_files(
    files: list[Path], *, partial: bool, rubric: Path | None, allow_outside: bool = False
) -> Scoring:
    from spbe_cli.app.assess import assess_all

    outcomes = list(
        assess_all(files, partial=partial, rubric_path=rubric, allow_outside=allow_outside)
    )
    if not outcomes:
        raise usage_error("usage.no_files", path=", ".join(map(str, files)))
    problems = [p for o in outcomes for p in o.problems]
    cards = [(o.path, o.scorecard) for o in outcomes if o.scorecard is not None]
    single = len(files) == 1 and not files[0].is_dir() and not problems
    return Scoring(ScoreResult(cards, single), problems, len(outcomes))


def compare_files(
    files: list[Path], *, allow_outside: bool = False
) -> ComparisonResult | TrendResult:
    """Two files compared, or three and more as a trend; any invalid file stops the command."""
    from spbe_cli.app.assess import RubricStore, assess
    from spbe_cli.core.diff import compare, trend

    if len(files) < 2:
        raise usage_error("usage.diff_files", count=len(files))
    store = RubricStore(allow_outside=allow_outside)
    outcomes = [assess(path, store) for path in files]
    problems = [p for o in outcomes for p in o.problems]
    if problems:
        raise Stop(problems=problems)
    cards = [o.scorecard for o in outcomes if o.scorecard is not None]
    paths = [o.path for o in outcomes]
    if len(cards) == 2:
        return ComparisonResult(compare(cards[0], cards[1]), (paths[0], paths[1]))
    return TrendResult(trend(cards), paths)
