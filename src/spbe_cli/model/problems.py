"""Problems as values: the core reports what is wrong and where in the data, never how to print it.

A Problem names a path inside the document (("indikator", "12", "level")); the loader, which knows
the text, turns that path into a line and column. Messages come from the catalogue by code, so the
same problem reads in Indonesian or English. The code is a `Code` member, never a bare string: a
misspelt one is then caught by a type checker and the tests, not met by a user as an internal error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spbe_cli.model.codes import Code

Severity = Literal["error", "warning"]
Path = tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    """What is wrong and where in the data (a path of keys); a file's place comes later."""

    code: Code
    path: Path = ()
    params: dict[str, object] = field(default_factory=dict)
    severity: Severity = "error"
    at: Literal["key", "value"] = "value"


@dataclass(frozen=True)
class Located:
    """A problem pinned to a place in a file: what every reporter prints."""

    problem: Problem
    file: str
    line: int
    column: int
    place: str | None = None
    """Where in a workbook, as a spreadsheet names it ("Indikator!E9"); None in a text file.
    `line` and `column` then hold the cell's 1-based row and column."""

    @property
    def code(self) -> Code:
        return self.problem.code

    @property
    def severity(self) -> Severity:
        return self.problem.severity


def path_of(*parts: object) -> Path:
    return tuple(map(str, parts))  # runs for every indicator of every file of a batch


def by_place(item: Located) -> tuple[int, int]:
    """Sort key: a file's problems are listed in the order they stand in it."""
    return (item.line, item.column)
