"""`spbe score` over several files or a folder: scored as the output is written (issue 17).

Each file's scorecard becomes its share of the output (a JSON element, CSV rows, a YAML or TOML
document, one summary row) where it was scored, a worker process in a large batch, and is then
dropped. What outlives a file is at most that share until it is written, and, for a file that
fails, its problems (reported after the output, as before) or its threshold failures. A module of
its own, so that scoring one file loads none of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from spbe_cli.app.score import Scoring, judge
from spbe_cli.core.scoring import Scorecard
from spbe_cli.core.thresholds import Gate

P = TypeVar("P")


class ScoreFile:
    """The per-file work of a batch, picklable; a rubric store per process. `piece` is the
    renderer's function of (file, scorecard), applied where the scorecard is made."""

    def __init__(
        self,
        partial: bool,
        rubric: Path | None,
        gate: Gate | None,
        piece: Callable[[str, Scorecard], Any] | None = None,
        allow_outside: bool = False,
    ) -> None:
        self.partial = partial
        self.rubric = rubric
        self.gate = gate
        self.piece = piece
        self.allow_outside = allow_outside
        self.store: Any = None

    def using(self, piece: Callable[[str, Scorecard], Any]) -> ScoreFile:
        """The same work, handing each scorecard to `piece`."""
        return ScoreFile(self.partial, self.rubric, self.gate, piece, self.allow_outside)

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
        if self.piece is _sendable:  # what rebuilds the scorecard in the parent, not the card
            rubric_file = str(self.store.path_of(card.rubric))
            return ("scored", (rubric_file, card.assessment), failures, unknown)
        with processing(path):
            return ("scored", self.piece(path, card), failures, unknown)


class ScoreBatch:
    """The files of a batch, scored one at a time as a renderer writes them (core.results.Batch).

    Large batches run in worker processes (app/pool.py) that send back each file's share of the
    output, already rendered, never a scorecard.
    """

    def __init__(self, paths: list[str], work: ScoreFile, scoring: Scoring) -> None:
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
        work = self.work.using(piece)
        for path, (kind, *found) in zip(rest, ordered_map(work, rest), strict=True):
            if kind == "broken":
                self.scoring.problems += found[0]
                continue
            made, failures, unknown = found
            self.scoring.note(path, failures, unknown)
            self.scoring.scored += 1
            yield made

    def cards(self) -> Iterator[tuple[str, Scorecard]]:
        """(file, scorecard) in file order, for a renderer that needs the scorecards themselves
        (the batch workbook). Workers read and validate the files; what crosses back is the
        validated assessment and its rubric's file (a scorecard holds its whole rubric, which
        would cost more to send than to score again), and the scorecard is made here."""
        from spbe_cli.app.assess import RubricStore
        from spbe_cli.app.pool import ordered_map
        from spbe_cli.core.scoring import score

        self.any_scored()
        rest = self.paths[self._first :]
        store = RubricStore(allow_outside=self.work.allow_outside)
        rubrics: dict[str, Any] = {}
        work = self.work.using(_sendable)
        for path, (kind, *found) in zip(rest, ordered_map(work, rest), strict=True):
            if kind == "broken":
                self.scoring.problems += found[0]
                continue
            (rubric_file, assessment), failures, unknown = found
            rubric = rubrics.get(rubric_file)
            if rubric is None:
                rubric = rubrics[rubric_file] = store.load(Path(rubric_file))
            self.scoring.note(path, failures, unknown)
            self.scoring.scored += 1
            yield path, score(rubric, assessment)


def _sendable(path: str, card: Scorecard) -> object:
    """Marks ScoreFile's work for cards(): send the assessment and its rubric's file back."""
    raise AssertionError("handled by ScoreFile itself")
