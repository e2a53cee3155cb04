"""What goes into `spbe report`: a pure model built from scorecards, rendered elsewhere.

No file IO, no template engine, no charts here: the HTML renderer only lays out what this module
decides (the headline, aspects with the target's aspect values, the strongest and weakest
indicators, the trend and diff of one agency's years, the plan). Every number stays exact; the
renderer rounds half up for display only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from spbe_cli.core.diff import Comparison, Trend, compare, trend
from spbe_cli.core.plan import Plan, apply, make_plan
from spbe_cli.core.scoring import GroupScore, Index, IndicatorScore, Scorecard, index_of

HIGHLIGHTS = 5
"""How many strongest and weakest indicators the report lists."""


class SeveralAgencies(ValueError):
    """A report covers one agency; several years of it make a trend, several agencies do not."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


class IncompleteAssessment(ValueError):
    """A plan (and its target radar) needs every level; a draft has none for some indicators."""


@dataclass(frozen=True)
class AspectPoint:
    """One spoke of the radar: the aspect as it is, and (with a target) after the plan."""

    group: GroupScore
    target: Index | None


@dataclass(frozen=True)
class ReportModel:
    card: Scorecard
    """The headline assessment: the latest (by year, then stage) of the files given."""
    aspects: tuple[AspectPoint, ...]
    bars: tuple[GroupScore, ...]
    """Domains, or the aspects for a rubric without domains."""
    bars_kind: str
    strongest: tuple[IndicatorScore, ...]
    weakest: tuple[IndicatorScore, ...]
    trend: Trend | None
    comparison: Comparison | None
    """The last two files of the trend, compared (None for a single file)."""
    plan: Plan | None
    target: Fraction | None


def strongest(card: Scorecard, n: int = HIGHLIGHTS) -> tuple[IndicatorScore, ...]:
    """Highest levels first; among equal levels the heavier indicator (larger contribution)."""
    scored = [s for s in card.indicators if s.level is not None]
    ordered = sorted(scored, key=lambda s: (-s.level, -s.indicator.weight))  # type: ignore[operator]
    return tuple(ordered[:n])


def weakest(card: Scorecard, n: int = HIGHLIGHTS) -> tuple[IndicatorScore, ...]:
    """Lowest levels first; among equal levels the heavier one (it has the most to give)."""
    scored = [s for s in card.indicators if s.level is not None]
    ordered = sorted(scored, key=lambda s: (s.level, -s.indicator.weight))  # type: ignore[arg-type]
    return tuple(ordered[:n])


def _levels(card: Scorecard) -> dict[str, int]:
    levels = {s.indicator.key: s.level for s in card.indicators}
    if any(v is None for v in levels.values()):
        raise IncompleteAssessment(card.assessment.agency.nama)
    return {k: v for k, v in levels.items() if v is not None}


def _target_aspects(card: Scorecard, plan: Plan | None) -> tuple[AspectPoint, ...]:
    """Each aspect's index after the plan's steps, computed from levels like every index."""
    if plan is None:
        return tuple(AspectPoint(a, None) for a in card.aspects)
    after: dict[str, int | None] = dict(apply(_levels(card), plan))
    rubric = card.rubric
    return tuple(
        AspectPoint(a, index_of(rubric, rubric.aspects[n].indicators, a.weight, after))
        for n, a in enumerate(card.aspects)
    )


def build_report(cards: Sequence[Scorecard], target: Fraction | None = None) -> ReportModel:
    """The report of one assessment, or of several years of one agency (headline: the latest)."""
    if not cards:
        raise ValueError("a report needs at least one scorecard")
    names = list(dict.fromkeys(c.assessment.agency.nama for c in cards))
    if len({c.assessment.agency.key for c in cards}) > 1:
        raise SeveralAgencies(names)
    series = trend(cards) if len(cards) > 1 else None
    card = series.cards[-1] if series else cards[0]
    comparison = compare(series.cards[-2], series.cards[-1]) if series else None
    plan = make_plan(card.rubric, _levels(card), target) if target is not None else None
    by_domain = bool(card.domains)
    return ReportModel(
        card=card,
        aspects=_target_aspects(card, plan),
        bars=card.domains if by_domain else card.aspects,
        bars_kind="domain" if by_domain else "aspect",
        strongest=strongest(card),
        weakest=weakest(card),
        trend=series,
        comparison=comparison,
        plan=plan,
        target=target,
    )
