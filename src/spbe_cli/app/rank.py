"""`spbe rank`: files of one round in, a ranking out, streaming one small row per file.

Broken files are skipped and counted (the command then exits 1); their problems are handed to
the caller as they come, so an archive of ten thousand files never waits for its last file to
say what was wrong with its first.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from spbe_cli.core.results import RankResult
from spbe_cli.exits import processing, usage_error
from spbe_cli.messages import Lang
from spbe_cli.render.problems_out import problem_lines


@dataclass(frozen=True)
class Watch:
    """What the caller hears while files are read: a progress wrapper and each broken file."""

    progress: Callable[[Iterator[tuple[str, object]], int], Iterator[tuple[str, object]]]
    broken: Callable[[str], None]


@dataclass(frozen=True)
class RankRequest:
    files: list[Path]
    by: str | None = None
    top: int | None = None
    good_from: str | None = None
    allow_mixed: bool = False
    allow_outside: bool = False
    """`rubrik:` paths may lead outside the current folder and the file's repository."""


class _Rows:
    """Streams files into ranking rows: each document is dropped as soon as its facts are taken.

    Large batches are read by worker processes (batch.ordered_map); what crosses back is a
    compact row (the rubric as a file path, exact values as integer pairs), rebuilt here.
    """

    def __init__(
        self, paths: list[str], lang: Lang, watch: Watch, allow_outside: bool = False
    ) -> None:
        self.paths = paths
        self.lang = lang
        self.watch = watch
        self.allow_outside = allow_outside
        self.broken = 0

    def __iter__(self) -> Iterator[object]:
        from spbe_cli.app.assess import RubricStore
        from spbe_cli.app.pool import ordered_map
        from spbe_cli.core.rank import Row

        store = RubricStore()
        rubrics: dict[str, object] = {}  # by the path a worker named, without a Path per row
        values = _Shared()
        facts = RowFacts(self.lang, self.allow_outside)
        results = self.watch.progress(ordered_map(facts, self.paths), len(self.paths))
        for path, (kind, facts) in zip(self.paths, results, strict=True):
            if kind == "broken":
                self.broken += 1
                self.watch.broken(facts)  # type: ignore[arg-type]
                continue
            _, nama, jenis, provinsi, tahun, rubric_path, index, domains = facts
            rubric = rubrics.get(rubric_path)
            if rubric is None:
                rubric = rubrics[rubric_path] = store.load(Path(rubric_path))
            # The list's own path string and one copy of each kind and province: rows are what
            # a ranking of ten thousand files keeps, so they are kept small.
            yield Row(
                path, nama, _shared(jenis), _shared(provinsi), tahun, rubric,  # type: ignore[arg-type]
                values.fraction(index), tuple(values.pair(facts) for facts in domains),
            )  # fmt: skip


def _shared(value: object) -> object:
    return sys.intern(value) if isinstance(value, str) else value


class _Shared:
    """One (domain key, exact value) pair per distinct value: domain indices take few values
    (a few hundred over ten thousand files), and Fractions are immutable, so rows share them."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[str, int, int], tuple[str, Fraction]] = {}
        self._fractions: dict[tuple[int, int], Fraction] = {}

    def fraction(self, pair: tuple[int, int]) -> Fraction:
        """Fraction(*pair), one object per value (an index sum over its weight in units)."""
        value = self._fractions.get(pair)
        if value is None:
            value = Fraction(*pair)
            if len(self._fractions) < 100_000:
                self._fractions[pair] = value
        return value

    def pair(self, facts: tuple[str, int, int]) -> tuple[str, Fraction]:
        pair = self._pairs.get(facts)
        if pair is None:
            key, n, d = facts
            pair = (key, Fraction(n, d))
            if len(self._pairs) < 100_000:
                self._pairs[facts] = pair
        return pair


class RowFacts:
    """The per-file work of `spbe rank`, run in a worker process for large batches.

    Returns ("row", plain tuple) or ("broken", the file's problems already rendered): never a
    Scorecard or Rubric, which would cost more to send between processes than to compute.
    """

    def __init__(self, lang: Lang, allow_outside: bool = False) -> None:
        self.lang = lang
        self.allow_outside = allow_outside
        self.store: object | None = None
        self._paths: dict[int, str] = {}
        """The file of each rubric the store loaded, by identity (the store keeps them alive)."""

    def __getstate__(self) -> dict[str, object]:
        return {"lang": self.lang, "allow_outside": self.allow_outside, "store": None, "_paths": {}}

    def __call__(self, path: str | Path) -> tuple[str, object]:
        from spbe_cli.app.assess import RubricStore, assess
        from spbe_cli.core.scoring import index_sums

        if self.store is None:
            self.store = RubricStore(allow_outside=self.allow_outside)
        store: RubricStore = self.store  # type: ignore[assignment]
        with processing(str(path)):
            outcome = assess(Path(path), store)
            assessment, rubric = outcome.assessment, outcome.rubric
            if assessment is None or rubric is None or outcome.problems:
                return "broken", problem_lines(outcome.problems, self.lang)
            # Only the sums: a whole scorecard would cost a fifth of the file's time (issue 17).
            index, sums = index_sums(rubric, assessment)
            where = self._paths.get(id(rubric))
            if where is None:
                where = self._paths[id(rubric)] = str(store.path_of(rubric))
        domains = tuple((d.key, *pair) for d, pair in zip(rubric.domains, sums, strict=True))
        agency = assessment.agency
        facts = (str(path), agency.nama, agency.jenis, agency.provinsi, assessment.tahun)
        return "row", (*facts, where, index, domains)


def rank_files(request: RankRequest, lang: Lang, watch: Watch) -> tuple[RankResult, int]:
    """The ranking and the number of broken files skipped."""
    from spbe_cli.core.rank import MixedInput, UnknownBand, rank, top
    from spbe_cli.files.reader import expand_paths

    paths = [str(p) for p in expand_paths(request.files)]  # strings: 10,000 Paths cost megabytes
    if not paths:
        raise usage_error("usage.no_files", path=", ".join(map(str, request.files)))
    rows = _Rows(paths, lang, watch, request.allow_outside)
    try:
        ranking = rank(
            rows,  # type: ignore[arg-type]
            by=request.by,
            good_from=request.good_from,
            allow_mixed=request.allow_mixed,
        )
    except MixedInput as exc:
        first, other = exc.first, exc.other
        raise usage_error(
            "rank.mixed", first=first.file, first_year=first.tahun,
            first_rubric=first.rubric.id, other=other.file, other_year=other.tahun,
            other_rubric=other.rubric.id,
        ) from None  # fmt: skip
    except UnknownBand as exc:
        allowed = ", ".join(b.name for b in exc.rubric.bands)
        raise usage_error("usage.unknown_predicate", value=exc.name, allowed=allowed) from None
    return RankResult(ranking, top(ranking, request.top)), rows.broken
