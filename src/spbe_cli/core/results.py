"""What each command hands its renderer: one result object per command, built by the use cases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a result module must not load every core module a command does not use
    from spbe_cli.core.diff import Comparison, Trend
    from spbe_cli.core.plan import Plan
    from spbe_cli.core.rank import Ranked, Ranking
    from spbe_cli.core.scoring import Scorecard
    from spbe_cli.model.rubric import Indicator, Rubric


@dataclass(frozen=True)
class ScoreResult:
    cards: list[tuple[str, Scorecard]]
    """(file, scorecard) in the order the files were given; folders expanded sorted."""
    single: bool
    """One file was asked for and it scored: the detailed view rather than a summary."""


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
