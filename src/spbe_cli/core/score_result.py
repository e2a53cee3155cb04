"""`spbe score`'s result object, in a module of its own: scoring one file creates this one class
and none of the other commands' results (core/results.py, which re-exports it; each frozen
dataclass costs about half a millisecond of start-up to create, a NamedTuple a seventh of it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # a result module must not load every core module a command does not use
    from collections.abc import Callable, Iterator
    from typing import Protocol, TypeVar

    from spbe_cli.core.scoring import Scorecard

    P = TypeVar("P")

    class Batch(Protocol):  # for type checkers only: a Protocol class costs start-up time
        """Many files scored as their output is written (issue 17): no scorecard is kept.

        `pieces(piece)` calls `piece(file, scorecard)` for each file that scores, where it is
        scored (a worker process in a large batch), and yields what it returns in file order:
        a renderer's share of the output per file (text, or one small row). `cards()` yields
        (file, scorecard) in this process, for a renderer that needs the scorecards themselves.
        """

        def any_scored(self) -> bool: ...

        def pieces(self, piece: Callable[[str, Scorecard], P]) -> Iterator[P]: ...

        def cards(self) -> Iterator[tuple[str, Scorecard]]: ...


class ScoreResult(NamedTuple):
    """The files of one `spbe score`, immutable like the other results (core/results.py)."""

    cards: Sequence[tuple[str, Scorecard]]
    """(file, scorecard) in the order the files were given; folders expanded sorted. Empty for a
    batch, whose scorecards stream through `batch` instead."""
    single: bool
    """One file was asked for and it scored: the detailed view rather than a summary."""
    batch: Batch | None = None
    """Several files or a folder: the results, made one at a time as they are written."""

    def all_cards(self) -> Iterable[tuple[str, Scorecard]]:
        """Every (file, scorecard), from the list or streamed from the batch (one pass)."""
        return self.cards if self.batch is None else self.batch.cards()
