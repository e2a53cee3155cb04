"""Scoring: levels × weights to aspect, domain and overall indices, exactly as the ministry does.

Every index is computed from the integer levels (Σ level × weight / group weight), never from
rounded group values: recomputing from rounded domains is off by 0.01 in about one result in six.
A draft with missing indicators is scored as a range (missing at the lowest level … the highest),
never as a mean over the answered ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .assessment import Assessment
from .numbers import round_half_up
from .rubric import Aspect, Domain, Indicator, Rubric


@dataclass(frozen=True)
class Index:
    """An exact index with its predicate; `low` and `high` differ only for a draft."""

    low: Fraction
    high: Fraction
    predicate: str
    high_predicate: str
    decimals: int

    @property
    def exact(self) -> Fraction:
        return self.low

    @property
    def value(self) -> Decimal:
        return round_half_up(self.low, self.decimals)

    @property
    def high_value(self) -> Decimal:
        return round_half_up(self.high, self.decimals)

    @property
    def settled(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class IndicatorScore:
    indicator: Indicator
    level: int | None
    contribution: Fraction
    """level × weight / 100: the indicator's share of the overall index."""
    headroom: Fraction
    """What raising it to the rubric's top level would still add to the overall index."""

    @property
    def level_name(self) -> str:
        return self.indicator.level_name(self.level) if self.level is not None else ""


@dataclass(frozen=True)
class GroupScore:
    kind: str
    key: str
    id: int | str
    name: str
    weight: Fraction
    index: Index
    domain_key: str | None = None


@dataclass(frozen=True)
class Scorecard:
    rubric: Rubric
    assessment: Assessment
    index: Index
    domains: tuple[GroupScore, ...]
    aspects: tuple[GroupScore, ...]
    indicators: tuple[IndicatorScore, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(s.indicator.key for s in self.indicators if s.level is None)

    def domain(self, key: str) -> GroupScore:
        return next(d for d in self.domains if d.key == key)


def score(rubric: Rubric, assessment: Assessment) -> Scorecard:
    levels = {i.key: assessment.level_of(i.key) for i in rubric.indicators}
    indicators = tuple(_indicator_score(rubric, i, levels[i.key]) for i in rubric.indicators)
    return Scorecard(
        rubric=rubric,
        assessment=assessment,
        index=index_of(rubric, rubric.indicators, Fraction(100), levels),
        domains=tuple(_group(rubric, "domain", d, levels) for d in rubric.domains),
        aspects=tuple(_group(rubric, "aspect", a, levels) for a in rubric.aspects),
        indicators=indicators,
    )


def index_of(
    rubric: Rubric,
    indicators: Iterable[Indicator],
    weight: Fraction,
    levels: dict[str, int | None],
) -> Index:
    """Σ(level × weight) / group weight; a missing level spans the rubric's whole range."""
    low = high = Fraction(0)
    for ind in indicators:
        level = levels.get(ind.key)
        low += ind.weight * (rubric.level_min if level is None else level)
        high += ind.weight * (rubric.level_max if level is None else level)
    low, high = low / weight, high / weight
    return Index(low, high, rubric.predicate_for(low), rubric.predicate_for(high), rubric.decimals)


def _group(
    rubric: Rubric, kind: str, group: Domain | Aspect, levels: dict[str, int | None]
) -> GroupScore:
    return GroupScore(
        kind=kind,
        key=group.key,
        id=group.id,
        name=group.name,
        weight=group.weight,
        index=index_of(rubric, group.indicators, group.weight, levels),
        domain_key=group.domain_key if isinstance(group, Aspect) else None,
    )


def _indicator_score(rubric: Rubric, ind: Indicator, level: int | None) -> IndicatorScore:
    counted = rubric.level_min if level is None else level
    return IndicatorScore(
        indicator=ind,
        level=level,
        contribution=Fraction(counted) * ind.weight / 100,
        headroom=Fraction(rubric.level_max - counted) * ind.weight / 100,
    )
