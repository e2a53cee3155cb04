"""`spbe score` and `spbe diff`: files in, scorecards compared or summarised out.

A folder of ten thousand files is scored as its output is written (issue 17): each file's
scorecard becomes its share of the output (a JSON element, CSV rows, a YAML or TOML document, one
summary row) where it was scored, a worker process in a large batch, and is then dropped. What
outlives a file is at most that share until it is written, and, for a file that fails, its
problems (reported after the output, as before) or its threshold failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from spbe_cli.core.results import ComparisonResult, ScoreResult, TrendResult
from spbe_cli.core.scoring import Scorecard
from spbe_cli.core.thresholds import Gate
from spbe_cli.exits import Stop, usage_error
from spbe_cli.model.problems import Located

P = TypeVar("P")

Failure = tuple[str, str, dict[str, object]]
"""A threshold not met: (file, kind, the message's parameters), kind fail_under|min_predicate."""


class Scoring:
    """The files of one `spbe score`: the result to render, then what went wrong.

    `problems`, `failures` and `unknown_predicate` are complete once the result was written
    (a batch learns them as it goes).
    """

    def __init__(
        self, result: ScoreResult, problems: list[Located], gate: Gate, files: int = 1
    ) -> None:
        self.result = result
        self.problems = problems
        self.files = files
        """How many files were read (folders expanded), for a batch's summary."""
        self.scored = len(result.cards)
        """How many of them scored (a batch counts them as they are written)."""
        self.failures: list[Failure] = []
        self.unknown_predicate: tuple[str, str] | None = None
        """(the --min-predicate given, the bands of the first file's rubric) when it names none."""
        for path, card in result.cards:
            self._judge(path, *judge(card, gate))

    def _judge(self, path: str, failures: list[Failure], unknown: tuple[str, str] | None) -> None:
        self.failures += [(path, kind, params) for _, kind, params in failures]
        if unknown is not None and self.unknown_predicate is None:
            self.unknown_predicate = unknown

    def any_scored(self) -> bool:
        """Whether there is a result to write (a batch reads files until one scores)."""
        batch = self.result.batch
        return bool(self.result.cards) if batch is None else batch.any_scored()


def judge(card: Scorecard, gate: Gate) -> tuple[list[Failure], tuple[str, str] | None]:
    """The threshold failures of one scorecard, or the bands when --min-predicate names none."""
    from spbe_cli.core.thresholds import UnknownPredicate, check

    if gate.fail_under is None and gate.min_predicate is None:
        return [], None
    try:
        return [("", f.kind, f.params) for f in check(card, gate)], None
    except UnknownPredicate as exc:
        return [], (str(exc), ", ".join(exc.allowed))


def score_files(
    files: list[Path],
    *,
    partial: bool,
    rubric: Path | None,
    gate: Gate | None = None,
    allow_outside: bool = False,
) -> Scoring:
    """One file scored at once (the detailed view); several files or a folder as a batch."""
    from spbe_cli.app.assess import RubricStore, assess
    from spbe_cli.files.reader import expand_paths

    gate = gate or Gate()
    if len(files) == 1 and not files[0].is_dir():
        store = RubricStore(allow_outside=allow_outside)
        outcome = assess(files[0], store, partial=partial, rubric_path=rubric)
        card = outcome.scorecard
        cards = [] if card is None else [(outcome.path, card)]
        return Scoring(ScoreResult(cards, not outcome.problems), outcome.problems, gate)
    paths = [str(p) for p in expand_paths(files)]  # strings: 10,000 Paths cost megabytes
    if not paths:
        raise usage_error("usage.no_files", path=", ".join(map(str, files)))
    scoring = Scoring(ScoreResult([], False), [], gate, len(paths))
    batch = ScoreBatch(paths, _ScoreFile(partial, rubric, gate, allow_outside), scoring)
    scoring.result = ScoreResult([], False, batch)
    return scoring


@dataclass
class _ScoreFile:
    """The per-file work of a batch, picklable; a rubric store per process. `piece` is the
    renderer's function of (file, scorecard), applied where the scorecard is made."""

    partial: bool
    rubric: Path | None
    gate: Gate
    allow_outside: bool = False
    piece: Callable[[str, Scorecard], Any] | None = None
    store: Any = None

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "store": None}

    def __call__(self, path: str) -> tuple[Any, ...]:
        from spbe_cli.app.assess import RubricStore, assess
        from spbe_cli.exits import processing

        if self.store is None:
            self.store = RubricStore(allow_outside=self.allow_outside)
        outcome = assess(Path(path), self.store, partial=self.partial, rubric_path=self.rubric)
        card = outcome.scorecard
        if card is None:
            return ("broken", outcome.problems)
        failures, unknown = judge(card, self.gate)
        if self.piece is None:
            return ("scored", None, failures, unknown)
        with processing(path):
            return ("scored", self.piece(path, card), failures, unknown)


class ScoreBatch:
    """The files of a batch, scored one at a time as a renderer writes them (core.results.Batch).

    Large batches run in worker processes (app/pool.py) that send back each file's share of the
    output, already rendered, never a scorecard.
    """

    def __init__(self, paths: list[str], work: _ScoreFile, scoring: Scoring) -> None:
        self.paths = paths
        self.work = work
        self.scoring = scoring
        self._first: int | None = None
        """Where the first file that scores is, once any_scored() looked; files before it were
        broken and their problems are already in `scoring.problems`."""

    def any_scored(self) -> bool:
        if self._first is None:
            self._first = len(self.paths)
            for n, path in enumerate(self.paths):
                kind, *rest = self.work(path)
                if kind == "scored":
                    self._first = n
                    break
                self.scoring.problems += rest[0]
        return self._first < len(self.paths)

    def pieces(self, piece: Callable[[str, Scorecard], P]) -> Iterator[P]:
        from spbe_cli.app.pool import ordered_map

        self.any_scored()
        rest = self.paths[self._first :]
        work = replace(self.work, piece=piece, store=None)
        for path, (kind, *found) in zip(rest, ordered_map(work, rest), strict=True):
            if kind == "broken":
                self.scoring.problems += found[0]
                continue
            made, failures, unknown = found
            self.scoring._judge(path, failures, unknown)
            self.scoring.scored += 1
            yield made

    def cards(self) -> Iterator[tuple[str, Scorecard]]:
        """(file, scorecard) made in this process (a scorecard costs more to send between
        processes than to make), for a renderer that needs the scorecards themselves."""
        self.any_scored()
        rest = self.paths[self._first :]
        work = replace(self.work, piece=_pair, store=None)
        for path, (kind, *found) in zip(rest, map(work, rest), strict=True):
            if kind == "broken":
                self.scoring.problems += found[0]
                continue
            pair, failures, unknown = found
            self.scoring._judge(path, failures, unknown)
            self.scoring.scored += 1
            yield pair


def _pair(path: str, card: Scorecard) -> tuple[str, Scorecard]:
    return (path, card)


def compare_files(
    files: list[Path], *, allow_outside: bool = False
) -> ComparisonResult | TrendResult:
    """Two files compared, or three and more as a trend; any invalid file stops the command.

    Files are read one at a time and dropped: a comparison keeps its two scorecards, a trend
    only what it shows of each file (trend_point), so a long trend holds no documents.
    """
    from spbe_cli.app.assess import RubricStore, assess
    from spbe_cli.core.diff import compare, trend

    if len(files) < 2:
        raise usage_error("usage.diff_files", count=len(files))
    store = RubricStore(allow_outside=allow_outside)
    problems: list[Located] = []
    cards: list[Scorecard] = []
    paths: list[str] = []
    shared: dict[object, object] = {}
    for path in files:
        outcome = assess(path, store)
        problems += outcome.problems
        card = outcome.scorecard
        if card is not None and not problems:
            cards.append(card if len(files) == 2 else trend_point(card, shared))
        paths.append(outcome.path)
    if problems:
        raise Stop(problems=problems)
    if len(cards) == 2:
        return ComparisonResult(compare(cards[0], cards[1]), (paths[0], paths[1]))
    return TrendResult(trend(cards), paths)


_NO_LEVELS: dict[str, Any] = {}


def trend_point(card: Scorecard, shared: dict[object, object]) -> Scorecard:
    """What a trend shows of a file: who, when, under which rubric, its index and domains.

    The same Scorecard type with the levels, aspects and indicators left out, so the trend's
    core and renderers are unchanged; equal indices and domain scores (few distinct values over
    many files) are shared through `shared` rather than kept once per file.
    """
    domains = tuple(shared.setdefault(d, d) for d in card.domains)
    return replace(
        card,
        assessment=replace(card.assessment, indikator=_NO_LEVELS),
        index=shared.setdefault(card.index, card.index),  # type: ignore[arg-type]
        domains=domains,  # type: ignore[arg-type]
        aspects=(),
        indicators=(),
    )
