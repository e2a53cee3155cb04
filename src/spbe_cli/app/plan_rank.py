"""The shell of `spbe plan` and `spbe rank`: options and files in, results to renderers, a code out.

Kept out of cli.py so the Typer module stays a list of thin commands. Exit codes: 0 success;
1 a plan whose target cannot be reached, or a ranking that skipped broken files; 2 invalid input
or usage (including files of mixed years or rubrics without --allow-mixed).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.problems_out import problem_lines

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
PROGRESS_FROM = 200
"""Above this many files a terminal gets a progress bar on stderr."""


class UsageError(Exception):
    """A message for the user and exit code 2."""


def parse_target(raw: str, rubric: Rubric, lang: Lang) -> Fraction:
    """A number ("3.5", "3,5") or a predicate name ("Sangat Baik": that band's lower bound)."""
    band = rubric.band_named(raw)
    if band is not None:
        return band.low
    try:
        return Fraction(raw.strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        allowed = ", ".join(b.name for b in rubric.bands)
        raise UsageError(text("usage.bad_target", lang, value=raw, allowed=allowed)) from None


def _exclusions(raw: str | None, rubric: Rubric, lang: Lang) -> frozenset[str]:
    keys = frozenset(k.strip() for k in (raw or "").split(",") if k.strip())
    for key in sorted(keys):
        if key not in rubric.by_key:
            raise UsageError(text("usage.unknown_indicator", lang, id=key, rubric=rubric.id))
    return keys


def _domain(raw: str | None, rubric: Rubric, lang: Lang) -> frozenset[str] | None:
    from spbe_cli.core.plan import domain_keys

    if raw is None:
        return None
    if not rubric.domains:
        raise UsageError(text("usage.no_domains", lang, rubric=rubric.id))
    keys = domain_keys(rubric, raw)
    if keys is None:
        known = ", ".join(str(d.id) for d in rubric.domains)
        raise UsageError(text("usage.unknown_domain", lang, id=raw, rubric=rubric.id, known=known))
    return keys


def _costs(path: Path | None, rubric: Rubric, lang: Lang) -> object:
    """The cost table, or None without a file; problems in it are printed, then SystemExit(2)."""
    from spbe_cli.files.reader import LoadFailure, read_document
    from spbe_cli.model.costs import read_costs
    from spbe_cli.model.problems import by_place

    if path is None:
        return None
    doc = read_document(path)
    if isinstance(doc, LoadFailure):
        sys.stderr.write(problem_lines(doc.problems, lang))
        raise SystemExit(EXIT_INVALID)
    table = read_costs(doc.data, rubric)
    if isinstance(table, list):
        located = sorted((doc.locate(p) for p in table), key=by_place)
        sys.stderr.write(problem_lines(located, lang))
        raise SystemExit(EXIT_INVALID)
    return table


def run_plan(
    file: Path,
    target_raw: str,
    *,
    fmt: str,
    lang: Lang,
    max_per_indicator: int | None,
    exclude: str | None,
    only_domain: str | None,
    costs_path: Path | None,
    rubric_path: Path | None,
) -> int:
    from spbe_cli.app.assess import RubricStore, assess
    from spbe_cli.core.plan import Constraints, make_plan
    from spbe_cli.render.plan_out import write_plan

    outcome = assess(file, RubricStore(), rubric_path=rubric_path)
    if outcome.scorecard is None:
        sys.stderr.write(problem_lines(outcome.problems, lang))
        return EXIT_INVALID
    card = outcome.scorecard
    rubric = card.rubric
    target = parse_target(target_raw, rubric, lang)
    limits = Constraints(
        max_per_indicator, _exclusions(exclude, rubric, lang), _domain(only_domain, rubric, lang)
    )
    costs = _costs(costs_path, rubric, lang)
    levels = {s.indicator.key: s.level for s in card.indicators if s.level is not None}
    plan = make_plan(rubric, levels, target, limits, costs)  # type: ignore[arg-type]
    write_plan(plan, card, str(file), fmt, sys.stdout, lang, sys.stderr)  # type: ignore[arg-type]
    return EXIT_OK if plan.reachable else EXIT_FAILED


class _Rows:
    """Streams files into ranking rows: each document is dropped as soon as its facts are taken.

    Large batches are read by worker processes (batch.ordered_map); what crosses back is a
    compact row (the rubric as a file path, exact values as integer pairs), rebuilt here.
    """

    def __init__(self, paths: list[str], lang: Lang) -> None:
        self.paths = paths
        self.lang = lang
        self.broken = 0

    def __iter__(self) -> Iterator[object]:
        from spbe_cli.app.assess import RubricStore
        from spbe_cli.app.pool import ordered_map
        from spbe_cli.core.rank import Row

        store = RubricStore()
        values = _Shared()
        results = self._progress(ordered_map(RowFacts(self.lang), self.paths))
        for path, (kind, facts) in zip(self.paths, results, strict=True):
            if kind == "broken":
                self.broken += 1
                sys.stderr.write(facts)  # type: ignore[arg-type]
                continue
            _, nama, jenis, provinsi, tahun, rubric_path, index, domains = facts
            rubric = store.load(Path(rubric_path))
            # The list's own path string and one copy of each kind and province: rows are what
            # a ranking of ten thousand files keeps, so they are kept small.
            yield Row(
                path, nama, _shared(jenis), _shared(provinsi), tahun, rubric,  # type: ignore[arg-type]
                Fraction(*index), tuple(values.pair(facts) for facts in domains),
            )  # fmt: skip

    def _progress(self, items: Iterator[tuple[str, object]]) -> Iterator[tuple[str, object]]:
        from spbe_cli.render.human import wants_rich

        if len(self.paths) <= PROGRESS_FROM or not wants_rich(sys.stderr):
            yield from items
            return
        from rich.console import Console
        from rich.progress import track

        console = Console(stderr=True)
        yield from track(
            items,
            total=len(self.paths),
            description=text("rank.progress", self.lang),
            console=console,
            transient=True,
        )


def _shared(value: object) -> object:
    return sys.intern(value) if isinstance(value, str) else value


class _Shared:
    """One (domain key, exact value) pair per distinct value: domain indices take few values
    (a few hundred over ten thousand files), and Fractions are immutable, so rows share them."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[str, int, int], tuple[str, Fraction]] = {}

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

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.store: object | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"lang": self.lang, "store": None}

    def __call__(self, path: str | Path) -> tuple[str, object]:
        from spbe_cli.app.assess import RubricStore, assess
        from spbe_cli.core.rank import row_from

        if self.store is None:
            self.store = RubricStore()
        store: RubricStore = self.store  # type: ignore[assignment]
        outcome = assess(Path(path), store)
        if outcome.scorecard is None:
            return "broken", problem_lines(outcome.problems, self.lang)
        row = row_from(str(path), outcome.scorecard)
        domains = tuple((k, v.numerator, v.denominator) for k, v in row.domains)
        index = (row.index.numerator, row.index.denominator)
        where = str(store.path_of(row.rubric))
        agency = (row.file, row.nama, row.jenis, row.provinsi, row.tahun)
        return "row", (*agency, where, index, domains)


def run_rank(
    files: list[Path],
    *,
    fmt: str,
    lang: Lang,
    by: str | None,
    top_n: int | None,
    good_from: str | None,
    allow_mixed: bool,
    write: Callable[[object, list], None] | None = None,
) -> int:
    """`write`, when given, replaces the stream renderer (the CLI's -o and xlsx path)."""
    from spbe_cli.core.rank import MixedInput, UnknownBand, rank, top
    from spbe_cli.files.reader import expand_paths
    from spbe_cli.render.rank_out import write_ranking

    paths = [str(p) for p in expand_paths(files)]  # strings: 10,000 Paths cost megabytes
    if not paths:
        raise UsageError(text("usage.no_files", lang, path=", ".join(map(str, files))))
    rows = _Rows(paths, lang)
    try:
        ranking = rank(rows, by=by, good_from=good_from, allow_mixed=allow_mixed)  # type: ignore[arg-type]
    except MixedInput as exc:
        first, other = exc.first, exc.other
        raise UsageError(
            text("rank.mixed", lang, first=first.file, first_year=first.tahun,
                 first_rubric=first.rubric.id, other=other.file, other_year=other.tahun,
                 other_rubric=other.rubric.id)
        ) from None  # fmt: skip
    except UnknownBand as exc:
        allowed = ", ".join(b.name for b in exc.rubric.bands)
        raise UsageError(
            text("usage.unknown_predicate", lang, value=exc.name, allowed=allowed)
        ) from None
    if not ranking.rows:
        sys.stderr.write(text("rank.empty", lang) + "\n")
        return EXIT_FAILED
    if write is not None:
        write(ranking, top(ranking, top_n))
    else:
        write_ranking(ranking, top(ranking, top_n), fmt, sys.stdout, lang)  # type: ignore[arg-type]
    sys.stdout.flush()
    if rows.broken:
        sys.stderr.write(text("rank.skipped", lang, count=rows.broken) + "\n")
        return EXIT_FAILED
    return EXIT_OK
