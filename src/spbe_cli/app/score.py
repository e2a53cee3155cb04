"""`spbe score` and `spbe diff`: files in, scorecards compared or summarised out.

One file is scored at once; several files or a folder are scored as the output is written
(score_batch.py, issue 17), and a trend keeps one trend point per file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from spbe_cli.core.score_result import ScoreResult
from spbe_cli.core.scoring import Scorecard
from spbe_cli.exits import Stop, usage_error
from spbe_cli.model.problems import Located

if TYPE_CHECKING:  # loaded where used: diff's results, and thresholds only for a gate
    from spbe_cli.core.diff import TrendPoint
    from spbe_cli.core.results import ComparisonResult, TrendResult
    from spbe_cli.core.thresholds import Gate

Failure = tuple[str, str, dict[str, object]]
"""A threshold not met: (file, kind, the message's parameters), kind fail_under|min_predicate."""


class Scoring:
    """The files of one `spbe score`: the result to render, then what went wrong.

    `problems`, `failures` and `unknown_predicate` are complete once the result was written
    (a batch learns them as it goes).
    """

    def __init__(
        self, result: ScoreResult, problems: list[Located], gate: Gate | None, files: int = 1
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
            self.note(path, *judge(card, gate))

    def note(self, path: str, failures: list[Failure], unknown: tuple[str, str] | None) -> None:
        """Record one scored file's threshold failures (judge's answer for `path`)."""
        self.failures += [(path, kind, params) for _, kind, params in failures]
        if unknown is not None and self.unknown_predicate is None:
            self.unknown_predicate = unknown

    def any_scored(self) -> bool:
        """Whether there is a result to write (a batch reads files until one scores)."""
        batch = self.result.batch
        return bool(self.result.cards) if batch is None else batch.any_scored()


def judge(card: Scorecard, gate: Gate | None) -> tuple[list[Failure], tuple[str, str] | None]:
    """The threshold failures of one scorecard, or the bands when --min-predicate names none.

    No gate (None, or one without a threshold) judges nothing and loads nothing."""
    if gate is None or (gate.fail_under is None and gate.min_predicate is None):
        return [], None
    from spbe_cli.core.thresholds import UnknownPredicate, check

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
    """One file scored at once (the detailed view); several files or a folder as a batch.

    `gate` None: no threshold to judge (core.thresholds is then never imported)."""
    from spbe_cli.app.assess import RubricStore, assess

    if len(files) == 1 and not files[0].is_dir():
        store = RubricStore(allow_outside=allow_outside)
        outcome = assess(files[0], store, partial=partial, rubric_path=rubric)
        card = outcome.scorecard
        cards = [] if card is None else [(outcome.path, card)]
        return Scoring(ScoreResult(cards, not outcome.problems), outcome.problems, gate)
    paths = [str(p) for p in _files_of(files)]  # strings: 10,000 Paths cost megabytes
    from spbe_cli.app.score_batch import ScoreBatch, ScoreFile

    scoring = Scoring(ScoreResult([], False), [], gate, len(paths))
    batch = ScoreBatch(
        paths, ScoreFile(partial, rubric, gate, allow_outside=allow_outside), scoring
    )
    scoring.result = ScoreResult([], False, batch)
    return scoring


def compare_files(
    files: Sequence[str | Path], *, allow_outside: bool = False
) -> ComparisonResult | TrendResult:
    """Two files compared, or three and more as a trend (a folder gives its assessments); any
    invalid file stops the command.

    Files are read one at a time and dropped: a comparison keeps its two scorecards, a trend
    only what it shows of each file (trend_point), so a long trend holds no documents.
    """
    from spbe_cli.app.assess import RubricStore, assess
    from spbe_cli.core.diff import compare, trend
    from spbe_cli.core.results import ComparisonResult, TrendResult

    files = _files_of(files)
    if len(files) < 2:
        raise usage_error("usage.diff_files", count=len(files))
    store = RubricStore(allow_outside=allow_outside)
    problems: list[Located] = []
    cards: list[Scorecard] = []
    points: list[TrendPoint] = []
    paths: list[str] = []
    shared: dict[object, object] = {}
    for path in files:
        outcome = assess(Path(path), store)
        problems += outcome.problems
        card = outcome.scorecard
        if card is not None and not problems:
            if len(files) == 2:
                cards.append(card)
            else:
                points.append(trend_point(card, shared))
        paths.append(path if path == outcome.path else outcome.path)  # the name given, once
    if problems:
        raise Stop(problems=problems)
    if cards:
        return ComparisonResult(compare(cards[0], cards[1]), (paths[0], paths[1]))
    return TrendResult(trend(points), paths)


def _files_of(given: Sequence[str | Path]) -> Sequence[str | Path]:
    """The files named, each folder replaced by its assessments (files/walk.py); a usage error
    when folders hold none. `spbe score` and `spbe diff` read their arguments through this.

    A folder is how an archive of thousands of files is best given: 10,000 file names of 30
    characters on the command line cost the interpreter 11 MB (`python -c pass` goes from 8.6 to
    19.8 MB, copying the command line) before spbe runs.
    """
    if not any(os.path.isdir(f) for f in given):
        return given
    from spbe_cli.files.reader import expand_paths

    files = [str(p) for p in expand_paths(given)]
    if not files:
        raise usage_error("usage.no_files", path=", ".join(map(str, given)))
    return files


def trend_point(card: Scorecard, shared: dict[object, object]) -> TrendPoint:
    """What a trend keeps of a file (core.diff.TrendPoint), with equal values kept once.

    One agency's name and stage recur over its years, kinds and provinces over agencies, and
    indices and domain scores take few distinct values over many files: `shared` maps each to
    the first equal one seen.
    """
    from spbe_cli.core.diff import TrendPoint

    keep = shared.setdefault
    a = card.assessment
    agency = a.agency
    if agency not in shared:
        jenis, provinsi = agency.jenis, agency.provinsi
        shared[agency] = replace(
            agency, jenis=keep(jenis, jenis), provinsi=keep(provinsi, provinsi)
        )
    return TrendPoint(
        shared[agency],  # type: ignore[arg-type]
        keep(a.tahun, a.tahun),  # type: ignore[arg-type]
        keep(a.tahap, a.tahap),  # type: ignore[arg-type]
        card.rubric,
        keep(card.index, card.index),  # type: ignore[arg-type]
        tuple(keep(d, d) for d in card.domains),  # type: ignore[misc]
    )
