"""The renderer interface: a result object and a stream in, text or bytes out.

One small class per output format (after pip-audit's `_format/`); what the human formats share,
a Report laid out as Rich, plain text or Markdown, is written once here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeVar

from spbe_cli.messages import Lang
from spbe_cli.render.choices import Detail

if TYPE_CHECKING:  # the human formats' layout: JSON, CSV, YAML and TOML never load it
    from spbe_cli.render.tables import Report

R = TypeVar("R")


class Options(NamedTuple):
    """What a user chose about the output, apart from its format.

    Immutable, compared and shown by value like a frozen dataclass; a NamedTuple because it is
    created at every start and a frozen dataclass costs seven times as much to create.
    """

    lang: Lang = "id"
    detail: Detail = "indicators"
    show_all: bool = False
    excerpts: bool = False
    """`spbe validate` on a terminal: each problem's source line and a caret under it."""
    width: int | None = None
    """Columns to wrap `spbe validate`'s lines to (a terminal's); None: one line per problem."""


class Renderer(Generic[R]):
    """Writes one kind of result in one format."""

    binary: ClassVar[bool] = False
    """Bytes (a workbook) rather than text: written only to a file, never to a terminal."""
    announce: ClassVar[str | None] = None
    """The catalogue message that confirms, on stderr, a file written with -o (workbooks have
    "xlsx.written"); a text format written to a file says nothing, like a shell redirection."""

    def __init__(self, options: Options) -> None:
        self.options = options

    @property
    def lang(self) -> Lang:
        return self.options.lang

    def write(self, result: R, stream: IO[Any]) -> None:
        raise NotImplementedError

    def notes(self, result: R) -> list[str]:
        """Lines for stderr that this format cannot carry (a table shows them; JSON does not)."""
        return []


class HumanRenderer(Renderer[R]):
    """A Report laid out for a terminal (Rich), a pipe (plain text) or Markdown."""

    markdown: ClassVar[bool] = False

    def report(self, result: R, stream: IO[Any]) -> Report:
        raise NotImplementedError

    def bands(self, result: R) -> int:
        """How many predicate bands the colours spread over."""
        return 5

    def write(self, result: R, stream: IO[Any]) -> None:
        from spbe_cli.render.human import write_report

        report = self.report(result, stream)
        write_report(report, stream, markdown_out=self.markdown, bands=self.bands(result))


class JsonRenderer(Renderer[R]):
    """The documented JSON contract: a record per result, Decimals verbatim."""

    def record(self, result: R) -> Any:
        raise NotImplementedError

    def write(self, result: R, stream: IO[Any]) -> None:
        from spbe_cli.render.records import to_json

        stream.write(to_json(self.record(result)))


# --- Batches written as they are made (issue 17) ------------------------------------------------


def write_joined(pieces: Iterable[str], stream: IO[Any], head: str, sep: str, tail: str) -> int:
    """Write `head`, the pieces with `sep` between them, then `tail`, as the pieces arrive.

    Nothing at all when there is no piece: a batch whose every file failed prints no empty
    document. The count of pieces is returned.
    """
    count = 0
    for piece in pieces:
        stream.write((head if not count else sep) + piece)
        count += 1
    if count:
        stream.write(tail)
    return count
