"""What goes into `spbe report`: a pure model built from scorecards, rendered elsewhere.

No file IO, no template engine, no charts here: the HTML renderer only lays out what this module
decides (the headline, aspects with the target's aspect values, the strongest and weakest
indicators, the trend and diff of one agency's years, the plan). Every number stays exact; the
renderer rounds half up for display only.

Honesty across rubrics is decided here, not in the template: the trend is cut into segments of
one rubric each (a line never joins a 5/2018 index to a 59/2020 one), and the comparison of the
last two files is core/diff's, which pairs indicators only when both files use the same rubric.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from spbe_cli.core.diff import Comparison, Trend, TrendPoint, compare, same_structure, trend
from spbe_cli.core.plan import Plan, apply, make_plan
from spbe_cli.core.scoring import GroupScore, Index, IndicatorScore, Scorecard, index_of
from spbe_cli.model.rubric import Rubric

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
    """One spoke of the radar: the aspect as it is, and (with a plan that has steps) after it."""

    group: GroupScore
    target: Index | None


@dataclass(frozen=True)
class Extremes:
    """The strongest and weakest indicators, never the same rows under both headings.

    When every scored indicator has one level there is no strongest or weakest: `uniform` is that
    level and both lists are empty, so the report says so instead of listing the same rows twice.
    """

    strongest: tuple[IndicatorScore, ...]
    weakest: tuple[IndicatorScore, ...]
    uniform: int | None


@dataclass(frozen=True)
class Segment:
    """A run of consecutive files in the trend scored with one rubric: its line is unbroken.

    `start` and `stop` index the report's cards (stop exclusive). A new segment starts wherever
    the rubric changes, because indices of different rubrics measure different things.
    """

    start: int
    stop: int
    rubric: Rubric

    def __len__(self) -> int:
        return self.stop - self.start


@dataclass(frozen=True)
class ReportModel:
    card: Scorecard
    """The headline assessment: the latest (by year, then stage) of the files given."""
    aspects: tuple[AspectPoint, ...]
    domains: tuple[GroupScore, ...]
    """Empty for a rubric without domains (Pemdi 2026): the report then shows aspects only."""
    extremes: Extremes
    cards: tuple[Scorecard, ...]
    """Every file's scorecard in the trend's order (by year, then stage); the headline's alone."""
    trend: Trend | None
    segments: tuple[Segment, ...]
    """The trend's rubric runs, in order; one segment when every file uses the same rubric."""
    comparison: Comparison | None
    """The last two files of the trend, compared (None for a single file)."""
    plan: Plan | None
    target: Fraction | None
    generated: date
    """The date printed on the report: given by the caller, so the same input and date give the
    same bytes (a reproducible report can be checked by comparing files)."""

    @property
    def plan_has_steps(self) -> bool:
        """A plan worth drawing: with the target already met there is no "after the plan"."""
        return self.plan is not None and bool(self.plan.steps)

    @property
    def rubric_changes(self) -> int:
        return max(len(self.segments) - 1, 0)


def extremes(card: Scorecard, n: int = HIGHLIGHTS) -> Extremes:
    """Strongest: highest levels first, the heavier indicator first among equals; weakest: lowest
    first, the heavier first (it has the most to give). An indicator at the lowest level found is
    never "strong", one at the highest never "weak", no row is listed twice, and each list takes
    at most half of the indicators (a four-indicator rubric has two strongest, two weakest)."""
    scored = [s for s in card.indicators if s.level is not None]
    levels = {s.level for s in scored}
    if len(levels) <= 1:
        return Extremes((), (), next(iter(levels), None))
    low, high = min(levels), max(levels)  # type: ignore[type-var]
    n = min(n, max(len(scored) // 2, 1))
    strong = sorted(
        (s for s in scored if s.level != low),
        key=lambda s: (-s.level, -s.indicator.weight),  # type: ignore[operator]
    )[:n]
    taken = {s.indicator.key for s in strong}
    weak = sorted(
        (s for s in scored if s.level != high and s.indicator.key not in taken),
        key=lambda s: (s.level, -s.indicator.weight),  # type: ignore[arg-type]
    )[:n]
    return Extremes(tuple(strong), tuple(weak), None)


def segments(cards: Sequence[Scorecard]) -> tuple[Segment, ...]:
    """Runs of consecutive cards with the same rubric (same id and structure, as `spbe diff`
    decides when indicators may be paired)."""
    out: list[Segment] = []
    start = 0
    for n in range(1, len(cards) + 1):
        if n == len(cards) or not same_structure(cards[start].rubric, cards[n].rubric):
            out.append(Segment(start, n, cards[start].rubric))
            start = n
    return tuple(out)


def _levels(card: Scorecard) -> dict[str, int]:
    levels = {s.indicator.key: s.level for s in card.indicators}
    if any(v is None for v in levels.values()):
        raise IncompleteAssessment(card.assessment.agency.nama)
    return {k: v for k, v in levels.items() if v is not None}


def _target_aspects(card: Scorecard, plan: Plan | None) -> tuple[AspectPoint, ...]:
    """Each aspect's index after the plan's steps, computed from levels like every index."""
    if plan is None or not plan.steps:
        return tuple(AspectPoint(a, None) for a in card.aspects)
    after: dict[str, int | None] = dict(apply(_levels(card), plan))
    rubric = card.rubric
    return tuple(
        AspectPoint(a, index_of(rubric, rubric.aspects[n].indicators, a.weight, after))
        for n, a in enumerate(card.aspects)
    )


def build_report(
    cards: Sequence[Scorecard], generated: date, target: Fraction | None = None
) -> ReportModel:
    """The report of one assessment, or of several years of one agency (headline: the latest)."""
    if not cards:
        raise ValueError("a report needs at least one scorecard")
    names = list(dict.fromkeys(c.assessment.agency.nama for c in cards))
    if len({c.assessment.agency.key for c in cards}) > 1:
        raise SeveralAgencies(names)
    series = trend([TrendPoint.of(c) for c in cards]) if len(cards) > 1 else None
    ordered = tuple(cards[i] for i in series.order) if series else (cards[0],)
    card = ordered[-1]
    comparison = compare(ordered[-2], ordered[-1]) if series else None
    plan = make_plan(card.rubric, _levels(card), target) if target is not None else None
    return ReportModel(
        card=card,
        aspects=_target_aspects(card, plan),
        domains=card.domains,
        extremes=extremes(card),
        cards=ordered,
        trend=series,
        segments=segments(ordered) if series else (),
        comparison=comparison,
        plan=plan,
        target=target,
        generated=generated,
    )
