"""What each command hands its renderer: one result object per command, built by the use cases.

`spbe score`'s ScoreResult lives in core/score_result.py (re-exported here), so that scoring one
file does not create the other commands' result classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spbe_cli.core.score_result import ScoreResult

if TYPE_CHECKING:  # a result module must not load every core module a command does not use
    from spbe_cli.core.diff import Comparison, Trend
    from spbe_cli.core.plan import Plan
    from spbe_cli.core.rank import Ranked, Ranking
    from spbe_cli.core.scoring import Scorecard
    from spbe_cli.model.rubric import Indicator, Rubric

__all__ = [
    "ComparisonResult",
    "PlanResult",
    "RankResult",
    "RubricView",
    "ScoreResult",
    "TrendResult",
]


@dataclass(frozen=True)
class ComparisonResult:
    comparison: Comparison
    paths: tuple[str, str]


@dataclass(frozen=True)
class TrendResult:
    trend: Trend
    paths: list[str]


@dataclass(frozen=True)
class PlanResult:
    plan: Plan
    card: Scorecard
    file: str


@dataclass(frozen=True)
class RankResult:
    ranking: Ranking
    shown: list[Ranked]
    """The rows the user asked to see (`--top`); the summary covers every row."""


@dataclass(frozen=True)
class RubricView:
    rubric: Rubric
    indicator: Indicator | None = None
    """One indicator's question and criteria, or None for the whole rubric."""
