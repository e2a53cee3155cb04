"""Ranking many agencies of one year: national and group ranks, and the ministry's summary figures.

The core takes an iterable of small `Row` facts (never documents), so a folder of ten thousand
files streams through in constant memory per file. Ranks compare EXACT indices: two agencies
share a rank only when their exact values are equal (competition ranking 1, 2, 2, 4), never
because their rounded displays agree. Means are exact fractions, rounded only when shown.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from spbe_cli.core.scoring import Scorecard
from spbe_cli.model.rubric import Rubric

GROUPINGS = ("provinsi", "jenis")


@dataclass(frozen=True, slots=True)
class Row:
    """What ranking needs of one file: who, which year and rubric, and the exact indices."""

    file: str
    nama: str
    jenis: str | None
    provinsi: str | None
    tahun: int
    rubric: Rubric
    index: Fraction
    domains: tuple[tuple[str, Fraction], ...]
    """(domain key, exact domain index) in rubric order."""

    @property
    def predicate(self) -> str:
        return self.rubric.predicate_for(self.index)

    def group_of(self, by: str | None) -> str | None:
        return None if by is None else getattr(self, by)


def row_from(file: str, card: Scorecard) -> Row:
    """A scorecard's row (rank's workers send index sums instead, core.scoring.index_sums)."""
    agency = card.assessment.agency
    return Row(
        file=file,
        nama=agency.nama,
        jenis=agency.jenis,
        provinsi=agency.provinsi,
        tahun=card.assessment.tahun,
        rubric=card.rubric,
        index=card.index.exact,
        domains=tuple((d.key, d.index.exact) for d in card.domains),
    )


class MixedInput(ValueError):
    """Rows of different years or rubrics, which would make one ranking meaningless."""

    def __init__(self, first: Row, other: Row) -> None:
        super().__init__(f"{first.file} vs {other.file}")
        self.first = first
        self.other = other


class UnknownBand(ValueError):
    """--good-from names no band of a row's rubric."""

    def __init__(self, name: str, rubric: Rubric) -> None:
        super().__init__(name)
        self.name = name
        self.rubric = rubric


@dataclass(frozen=True, slots=True)
class Ranked:
    row: Row
    rank: int
    tied: bool
    group: str | None = None
    group_rank: int | None = None
    group_tied: bool = False


@dataclass(frozen=True, slots=True)
class Stat:
    """Mean (exact), maximum and minimum of one measure over the ranked rows."""

    mean: Fraction
    maximum: Fraction
    minimum: Fraction


@dataclass(frozen=True)
class Share:
    jenis: str | None
    count: int
    good: int

    @property
    def share(self) -> Fraction:
        return Fraction(self.good, self.count)


@dataclass(frozen=True)
class Summary:
    count: int
    predicates: tuple[tuple[str, int], ...]
    index: Stat | None
    domains: tuple[tuple[str, Stat], ...]
    good_from: str
    """The good band's name as the rubric spells it (several joined by " / " when --allow-mixed
    ranks rubrics whose good bands differ)."""
    shares: tuple[Share, ...]


@dataclass
class Ranking:
    rows: list[Ranked]
    summary: Summary
    by: str | None
    rubric: Rubric | None
    """The one rubric of every row; None when --allow-mixed joined several."""


def collect(rows: Iterable[Row], *, allow_mixed: bool = False) -> list[Row]:
    """The rows as a list, refusing a second year or rubric at its first appearance."""
    out: list[Row] = []
    for row in rows:
        if out and not allow_mixed:
            first = out[0]
            if (row.tahun, row.rubric.id) != (first.tahun, first.rubric.id):
                raise MixedInput(first, row)
        out.append(row)
    return out


def scaled(values: Sequence[Fraction]) -> list[int]:
    """Each value times the least common multiple of their denominators: integers that compare
    exactly as the Fractions do, at the cost of ints (a ranking sorts and compares ten thousand
    values; the few distinct denominators of a rubric keep the multiple small)."""
    common = _common(values)
    return [v.numerator * (common // v.denominator) for v in values]


def competition_ranks(values: Sequence[Fraction | int]) -> list[tuple[int, bool]]:
    """(rank, tied) for values sorted high to low: equal exact values share a rank (1, 2, 2, 4)."""
    out: list[tuple[int, bool]] = []
    for n, value in enumerate(values):
        rank = out[-1][0] if n and values[n - 1] == value else n + 1
        out.append((rank, False))
    counts: dict[int, int] = {}
    for rank, _ in out:
        counts[rank] = counts.get(rank, 0) + 1
    return [(rank, counts[rank] > 1) for rank, _ in out]


def rank(
    rows: Iterable[Row],
    *,
    by: str | None = None,
    good_from: str | None = None,
    allow_mixed: bool = False,
) -> Ranking:
    """Rank the rows by exact index (ties by name, then file, for a stable order) and summarise."""
    if by is not None and by not in GROUPINGS:
        raise ValueError(by)
    rows = collect(rows, allow_mixed=allow_mixed)
    keys = scaled([r.index for r in rows])  # the exact order of the indices, as integers
    order = sorted(range(len(rows)), key=lambda n: (-keys[n], rows[n].nama, rows[n].file))
    ordered = [rows[n] for n in order]
    ordered_keys = [keys[n] for n in order]
    national = competition_ranks(ordered_keys)
    group_ranks = _group_ranks(ordered, ordered_keys, by)
    ranked = [
        Ranked(row, n_rank, n_tied, row.group_of(by), *group_ranks[pos])
        for pos, (row, (n_rank, n_tied)) in enumerate(zip(ordered, national, strict=True))
    ]
    rubrics = {r.rubric.id: r.rubric for r in ordered}
    only = next(iter(rubrics.values())) if len(rubrics) == 1 else None
    return Ranking(ranked, summarise(ordered, only, good_from), by, only)


def _group_ranks(
    ordered: list[Row], keys: list[int], by: str | None
) -> list[tuple[int | None, bool]]:
    out: list[tuple[int | None, bool]] = [(None, False)] * len(ordered)
    if by is None:
        return out
    groups: dict[str, list[int]] = {}
    for pos, row in enumerate(ordered):
        group = row.group_of(by)
        if group is not None:
            groups.setdefault(group, []).append(pos)
    for positions in groups.values():
        ranks = competition_ranks([keys[p] for p in positions])
        for pos, value in zip(positions, ranks, strict=True):
            out[pos] = value
    return out


def summarise(rows: list[Row], rubric: Rubric | None, good_from: str | None) -> Summary:
    """Counts per predicate, mean/max/min of the index and (one rubric) domains, good shares."""
    names: list[str] = [b.name for b in rubric.bands] if rubric else []
    counts: dict[str, int] = dict.fromkeys(names, 0)
    for row in rows:
        counts[row.predicate] = counts.get(row.predicate, 0) + 1
    domains: list[tuple[str, Stat]] = []
    if rubric is not None and rows:
        for n, domain in enumerate(rubric.domains):
            domains.append((domain.key, _stat([r.domains[n][1] for r in rows])))
    wanted = _good_label(rows, rubric, good_from)
    shares = _shares(rows, good_from)
    index = _stat([r.index for r in rows]) if rows else None
    return Summary(len(rows), tuple(counts.items()), index, tuple(domains), wanted, shares)


def _good_label(rows: list[Row], rubric: Rubric | None, asked: str | None) -> str:
    """The name of the 'good' band for the summary: the one asked for (--good-from), else each
    rubric's own `good_from` (the ministry's target measure), so no band name lives in the code."""
    rubrics = [rubric] if rubric is not None else [r.rubric for r in rows]
    names: list[str] = []
    for each in {r.id: r for r in rubrics}.values():
        name = each.good_from if asked is None else asked
        band = each.band_named(name)
        if band is None:
            raise UnknownBand(name, each)
        if band.name not in names:
            names.append(band.name)
    return " / ".join(names) if names else (asked or "")


def _stat(values: list[Fraction]) -> Stat:
    """Exact mean, maximum and minimum, summed and compared as integers over a common
    denominator (ten thousand Fraction additions would each reduce by a gcd)."""
    common = _common(values)
    keys = [v.numerator * (common // v.denominator) for v in values]
    high = max(range(len(values)), key=keys.__getitem__)
    low = min(range(len(values)), key=keys.__getitem__)
    return Stat(Fraction(sum(keys), common * len(values)), values[high], values[low])


def _common(values: Sequence[Fraction]) -> int:
    """The least common multiple of the denominators."""
    return math.lcm(*{v.denominator for v in values})


def _shares(rows: list[Row], good_from: str | None) -> tuple[Share, ...]:
    tally: dict[str | None, list[int]] = {}
    for row in rows:
        name = row.rubric.good_from if good_from is None else good_from
        band = row.rubric.band_named(name)
        if band is None:
            raise UnknownBand(name, row.rubric)
        cell = tally.setdefault(row.jenis, [0, 0])
        cell[0] += 1
        cell[1] += row.index >= band.low
    order = sorted(tally, key=lambda j: (j is None, j or ""))
    return tuple(Share(j, tally[j][0], tally[j][1]) for j in order)


def top(ranking: Ranking, n: int | None) -> list[Ranked]:
    """The rows ranked n or better: ties at the boundary are all shown."""
    return ranking.rows if n is None else [r for r in ranking.rows if r.rank <= n]
