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

from spbe_cli.model.assessment import Assessment
from spbe_cli.model.exact import round_half_up
from spbe_cli.model.rubric import Aspect, Domain, Indicator, Rubric


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
    """One indicator's level as claimed and as counted."""

    indicator: Indicator
    level: int | None
    counted: int
    """The level the index counts: the rubric's lowest while a draft leaves it open."""
    top: int

    @property
    def level_name(self) -> str:
        return self.indicator.level_name(self.level)

    @property
    def contribution(self) -> Fraction:
        """level × weight / total weight: the indicator's share of the overall index."""
        return self.counted * self.indicator.step

    @property
    def headroom(self) -> Fraction:
        """What raising it to the rubric's top level would still add to the overall index."""
        return (self.top - self.counted) * self.indicator.step


@dataclass(frozen=True)
class GroupScore:
    """The index of a domain or an aspect."""

    kind: str
    key: str
    id: int | str
    name: str
    weight: Fraction
    index: Index
    domain_key: str | None = None


@dataclass(frozen=True)
class Scorecard:
    """One assessment scored against its rubric: every index, exact."""

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
    sums = {a.key: _unit_sums(rubric, a.indicators, levels) for a in rubric.aspects}
    aspects = tuple(_group(rubric, "aspect", a, sums[a.key]) for a in rubric.aspects)
    domains = tuple(
        _group(rubric, "domain", d, _add(sums[a.key] for a in d.aspects)) for d in rubric.domains
    )
    total = _add(sums.values())
    indicators = tuple(
        IndicatorScore(i, lv, rubric.level_min if lv is None else lv, rubric.level_max)
        for i, lv in ((i, levels[i.key]) for i in rubric.indicators)
    )
    return Scorecard(
        rubric=rubric,
        assessment=assessment,
        index=_index(rubric, total, rubric.units_of(rubric.total_weight)),
        domains=domains,
        aspects=aspects,
        indicators=indicators,
    )


def index_sums(rubric: Rubric, assessment: Assessment) -> tuple[UnitSums, tuple[UnitSums, ...]]:
    """The overall index and each domain's (in rubric order) as (Σ level × units, weight in
    units), for a complete assessment: what a ranking keeps of a file, and all it needs.

    Fraction(*pair) of each is exactly the scorecard's index; the pairs are left unreduced so a
    worker process sends plain integers and builds neither Fractions nor a Scorecard.
    """
    levels = {i.key: assessment.level_of(i.key) for i in rubric.indicators}
    sums = {a.key: _unit_sums(rubric, a.indicators, levels) for a in rubric.aspects}
    domains = tuple(
        (_add(sums[a.key] for a in d.aspects)[0], rubric.units_of(d.weight)) for d in rubric.domains
    )
    total = _add(sums.values())[0]
    return (total, rubric.units_of(rubric.total_weight)), domains


UnitSums = tuple[int, int]
"""Σ level × units with missing levels at the lowest and at the highest level."""


def _unit_sums(
    rubric: Rubric, indicators: Iterable[Indicator], levels: dict[str, int | None]
) -> UnitSums:
    low = high = 0
    for ind in indicators:
        level = levels.get(ind.key)
        low += ind.units * (rubric.level_min if level is None else level)
        high += ind.units * (rubric.level_max if level is None else level)
    return low, high


def _add(sums: Iterable[UnitSums]) -> UnitSums:
    low = high = 0
    for a, b in sums:
        low, high = low + a, high + b
    return low, high


def _index(rubric: Rubric, sums: UnitSums, weight_units: int) -> Index:
    low = Fraction(sums[0], weight_units)
    high = low if sums[1] == sums[0] else Fraction(sums[1], weight_units)  # one, when settled
    return Index(low, high, rubric.predicate_for(low), rubric.predicate_for(high), rubric.decimals)


def index_of(
    rubric: Rubric,
    indicators: Iterable[Indicator],
    weight: Fraction,
    levels: dict[str, int | None],
) -> Index:
    """Σ(level × weight) / group weight; a missing level spans the rubric's whole range."""
    return _index(rubric, _unit_sums(rubric, indicators, levels), rubric.units_of(weight))


def _group(rubric: Rubric, kind: str, group: Domain | Aspect, sums: UnitSums) -> GroupScore:
    return GroupScore(
        kind=kind,
        key=group.key,
        id=group.id,
        name=group.name,
        weight=group.weight,
        index=_index(rubric, sums, rubric.units_of(group.weight)),
        domain_key=group.domain_key if isinstance(group, Aspect) else None,
    )
