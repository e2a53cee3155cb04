"""Comparing assessments: what moved the index between two scorecards, or across several.

A pure core: it takes Scorecards and returns frozen results; it never prints or reads files.
Every change is exact. An indicator's effect is (new level − old level) × weight / W (W the
rubric's total weight), so the effects of all indicators add up to the exact change of the index
by construction (the index is Σ level × weight / W). The change a reader sees is the difference
of the two displayed, rounded values (2.79 − 1.69 = +1.10), so a printed table adds up; the exact
change travels alongside.

Two files scored with different rubrics are never paired indicator by indicator: only the overall
index, the predicate and the domains both rubrics share by name are compared.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from spbe_cli.core.scoring import GroupScore, Index, IndicatorScore, Scorecard
from spbe_cli.model.assessment import Agency
from spbe_cli.model.rubric import Indicator, Rubric, name_key

Direction = Literal["up", "down", "same"]
Kind = Literal["years", "stages", "agencies", "rubrics", "revisions"]


def _direction(old: Fraction | int, new: Fraction | int) -> Direction:
    return "up" if new > old else "down" if new < old else "same"


@dataclass(frozen=True)
class Change:
    """An index before and after, with the predicate's move judged by each rubric's own bands."""

    old: Index
    new: Index
    old_rank: int
    new_rank: int

    @property
    def delta(self) -> Decimal:
        """The difference of the displayed values: what a reader of the table can check."""
        return self.new.value - self.old.value

    @property
    def delta_exact(self) -> Fraction:
        return self.new.exact - self.old.exact

    @property
    def direction(self) -> Direction:
        return _direction(self.old.exact, self.new.exact)

    @property
    def predicate_change(self) -> Direction:
        return _direction(self.old_rank, self.new_rank)


@dataclass(frozen=True)
class GroupChange:
    """A domain or aspect in both files; `old_id` differs from `id` only across rubrics."""

    kind: str
    id: int | str
    old_id: int | str
    name: str
    change: Change


@dataclass(frozen=True)
class IndicatorChange:
    indicator: Indicator
    old_level: int | None
    new_level: int | None
    effect: Fraction
    """(new − old) × weight / W: this indicator's share of the change of the overall index."""

    @property
    def direction(self) -> Direction:
        return _direction(Fraction(0), self.effect)

    @property
    def old_name(self) -> str:
        return self.indicator.level_name(self.old_level)

    @property
    def new_name(self) -> str:
        return self.indicator.level_name(self.new_level)


@dataclass(frozen=True)
class Comparison:
    """Two scorecards compared. `indicators` holds every indicator: gains, losses, unchanged."""

    old: Scorecard
    new: Scorecard
    kind: Kind
    comparable_indicators: bool
    index: Change
    domains: tuple[GroupChange, ...]
    aspects: tuple[GroupChange, ...]
    indicators: tuple[IndicatorChange, ...]
    unshared_domains: tuple[str, ...]
    """Names of domains found in only one of the two rubrics (never paired)."""

    @property
    def same_agency(self) -> bool:
        return self.old.assessment.agency.key == self.new.assessment.agency.key

    @property
    def same_year(self) -> bool:
        return self.old.assessment.tahun == self.new.assessment.tahun

    @property
    def correction(self) -> bool:
        """A later stage of the same assessment: its changes are the assessors' corrections.

        "Later" is the rubric's order of stages; a rubric that names no stages orders none, so
        its stage changes are reported without calling them corrections.
        """
        if self.kind != "stages":
            return False
        rubric = self.new.rubric
        old = rubric.stage_order(self.old.assessment.tahap)
        new = rubric.stage_order(self.new.assessment.tahap)
        return old is not None and new is not None and new > old

    @property
    def changed(self) -> tuple[IndicatorChange, ...]:
        return tuple(c for c in self.indicators if c.effect != 0)

    @property
    def explained(self) -> Fraction:
        """The sum of the listed indicators' effects: equal to index.delta_exact, always."""
        return sum((c.effect for c in self.changed), Fraction(0))

    def count(self, direction: Direction) -> int:
        return sum(1 for c in self.indicators if c.direction == direction)


def same_structure(a: Rubric, b: Rubric) -> bool:
    """Indicators pair only when both files use the same rubric, id and content alike."""
    if a.id != b.id or (a.level_min, a.level_max) != (b.level_min, b.level_max):
        return False
    shape_a = [(i.key, i.weight, i.aspect_key) for i in a.indicators]
    shape_b = [(i.key, i.weight, i.aspect_key) for i in b.indicators]
    groups_a = [(g.key, g.weight) for g in (*a.domains, *a.aspects)]
    groups_b = [(g.key, g.weight) for g in (*b.domains, *b.aspects)]
    return shape_a == shape_b and groups_a == groups_b


def _kind(old: Scorecard, new: Scorecard, comparable: bool) -> Kind:
    if not comparable:
        return "rubrics"
    if old.assessment.agency.key != new.assessment.agency.key:
        return "agencies"
    if old.assessment.tahun != new.assessment.tahun:
        return "years"
    if old.assessment.tahap != new.assessment.tahap:
        return "stages"
    return "revisions"


def _change(old: Index, new: Index, old_rubric: Rubric, new_rubric: Rubric) -> Change:
    return Change(
        old, new, old_rubric.predicate_rank(old.predicate), new_rubric.predicate_rank(new.predicate)
    )


def _group_change(old: GroupScore, new: GroupScore, rubrics: tuple[Rubric, Rubric]) -> GroupChange:
    return GroupChange(new.kind, new.id, old.id, new.name, _change(old.index, new.index, *rubrics))


def _indicator_changes(
    old: tuple[IndicatorScore, ...], new: tuple[IndicatorScore, ...]
) -> tuple[IndicatorChange, ...]:
    """Gains first (largest first), then losses (largest fall first), then the unchanged.

    Ties keep the rubric's order. The effect uses each score's contribution, which counts a level
    exactly as the index does, so the effects add up to the index's exact change.
    """
    changes = [
        IndicatorChange(n.indicator, o.level, n.level, n.contribution - o.contribution)
        for o, n in zip(old, new, strict=True)
    ]
    order = {"up": 0, "down": 1, "same": 2}
    return tuple(sorted(changes, key=lambda c: (order[c.direction], -abs(c.effect))))


def compare(old: Scorecard, new: Scorecard) -> Comparison:
    """Compare two scorecards, OLD then NEW; never pairs indicators of different rubrics."""
    comparable = same_structure(old.rubric, new.rubric)
    rubrics = (old.rubric, new.rubric)
    if comparable:
        domains = tuple(
            _group_change(o, n, rubrics) for o, n in zip(old.domains, new.domains, strict=True)
        )
        aspects = tuple(
            _group_change(o, n, rubrics) for o, n in zip(old.aspects, new.aspects, strict=True)
        )
        indicators = _indicator_changes(old.indicators, new.indicators)
        unshared: tuple[str, ...] = ()
    else:
        by_name = {name_key(d.name): d for d in old.domains}
        shared = [
            (by_name[name_key(n.name)], n) for n in new.domains if name_key(n.name) in by_name
        ]
        domains = tuple(_group_change(o, n, rubrics) for o, n in shared)
        paired = {name_key(n.name) for _, n in shared}
        unshared = tuple(
            d.name for d in (*old.domains, *new.domains) if name_key(d.name) not in paired
        )
        aspects, indicators = (), ()
    return Comparison(
        old=old,
        new=new,
        kind=_kind(old, new, comparable),
        comparable_indicators=comparable,
        index=_change(old.index, new.index, *rubrics),
        domains=domains,
        aspects=aspects,
        indicators=indicators,
        unshared_domains=unshared,
    )


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """What a trend keeps of one file: who, when, under which rubric, its index and domains.

    A trend may be of thousands of files (an archive since 2018), so it holds this much of each
    and never its levels, aspects or indicators.
    """

    agency: Agency
    tahun: int
    tahap: str
    rubric: Rubric
    index: Index
    domains: tuple[GroupScore, ...]

    @classmethod
    def of(cls, card: Scorecard) -> TrendPoint:
        a = card.assessment
        return cls(a.agency, a.tahun, a.tahap, card.rubric, card.index, card.domains)


@dataclass(frozen=True)
class Series:
    """One row of a trend: an index in every file, in the trend's order."""

    name: str
    id: int | str | None
    points: tuple[Index, ...]

    @property
    def delta(self) -> Decimal:
        return self.points[-1].value - self.points[0].value

    @property
    def delta_exact(self) -> Fraction:
        return self.points[-1].exact - self.points[0].exact


@dataclass(frozen=True)
class Trend:
    """Several files in (tahun, tahap) order; `order` maps back to the input positions (an
    array of machine integers: a trend may be of thousands of files)."""

    order: Sequence[int]
    files: tuple[TrendPoint, ...]
    same_rubric: bool
    index: Series
    domains: tuple[Series, ...]
    unshared_domains: tuple[str, ...]

    @property
    def dropped(self) -> bool:
        """The latest step fell: the last file's exact index is below the one before it."""
        return self.index.points[-1].exact < self.index.points[-2].exact

    @property
    def agencies(self) -> list[str]:
        """The agencies' names, each once, in the trend's order."""
        return list(dict.fromkeys(p.agency.nama for p in self.files))


def trend_order(points: Sequence[TrendPoint]) -> tuple[int, ...]:
    """Sorted by year, then stage in the order of the file's rubric; files that tie keep the
    order given (so do the stages of a rubric that orders none).

    Sorting protects against a shell glob's name order (kota-2022-dokumen.yaml sorts before
    kota-2022.yaml, though the self-assessment comes first).
    """

    def key(i: int) -> tuple[int, int]:
        point = points[i]
        stage = point.rubric.stage_order(point.tahap)
        return (point.tahun, -1 if stage is None else stage)

    return tuple(sorted(range(len(points)), key=key))


def _series(points: Sequence[TrendPoint], k: str, key: Callable[[GroupScore], str]) -> Series:
    """The domain with key `k` in every file (present in each), named as in the latest."""
    found = [next(d for d in p.domains if key(d) == k) for p in points]
    return Series(found[-1].name, found[-1].id, tuple(d.index for d in found))


def trend(points: Sequence[TrendPoint]) -> Trend:
    """The index and the domains across several files; domains pair by name across rubrics."""
    if len(points) < 2:
        raise ValueError("a trend needs at least two files")
    order = array("L", trend_order(points))
    ordered = tuple(points[i] for i in order)
    same = all(same_structure(ordered[0].rubric, p.rubric) for p in ordered[1:])
    index = Series("", None, tuple(p.index for p in ordered))
    key = (lambda g: g.key) if same else (lambda g: name_key(g.name))
    shared = [key(d) for d in ordered[0].domains]
    for point in ordered[1:]:  # no table per file: a trend may be of thousands of files
        keys = {key(d) for d in point.domains}
        shared = [k for k in shared if k in keys]
    domains = tuple(_series(ordered, k, key) for k in shared)
    names = {d.name: None for p in ordered for d in p.domains if key(d) not in shared}
    return Trend(order, ordered, same, index, domains, tuple(names))
