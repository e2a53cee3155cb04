"""A progress bar for long batches on a terminal (stderr); nothing anywhere else."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TextIO, TypeVar

from spbe_cli.messages import Lang, text

T = TypeVar("T")

PROGRESS_FROM = 200
"""Above this many files a terminal gets a progress bar on stderr."""


def on_terminal(stream: TextIO, lang: Lang) -> Callable[[Iterator[T], int], Iterator[T]]:
    """A wrapper that shows progress over `total` items when `stream` is a terminal."""

    def wrap(items: Iterator[T], total: int) -> Iterator[T]:
        from spbe_cli.render.human import wants_rich

        if total <= PROGRESS_FROM or not wants_rich(stream):
            yield from items
            return
        from rich.console import Console
        from rich.progress import track

        console = Console(file=stream)
        description = text("rank.progress", lang)
        yield from track(
            items, total=total, description=description, console=console, transient=True
        )

    return wrap
