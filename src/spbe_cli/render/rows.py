"""The rows of a long table (a batch's summary, a ranking), kept compactly until they are laid out.

A summary of ten thousand files must hold a row per file until its column widths are known (issue
17). As lists of strings that is a list, a string object per cell and the interpreter's overhead
on each: about 1 KB a row. Kept here as one string per row, its cells joined by the unit separator
U+001F, a row costs its characters plus one object header.

Only a row that `escape.inert` leaves unchanged cell by cell is joined: such a row cannot hold the
separator (a control character, which `inert` escapes), and the layouts' escaping is the identity
on it, so `inert_view()` need not look at it again. A row with anything to escape (rare: a file
name with a control character) is kept as a tuple, and escaped when the view is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spbe_cli.render.escape import inert

SEP = "\x1f"
"""Between the cells of a joined row: a control character, so never inside a cell kept joined."""

Packed = str | tuple[str, ...]


def pack(cells: Sequence[str]) -> Packed:
    """One row as it is kept: joined when escaping would change none of its cells."""
    if len(cells) > 1 and all(inert(cell) == cell for cell in cells):
        return SEP.join(cells)
    return tuple(cells)


class PackedRows:
    """A table's rows, appended as lists of cells and read back as lists of cells.

    `columns` keeps only a row's first cells when reading (a summary learns only after its last
    file whether the files share one rubric, and so whether its domain columns are shown).
    """

    def __init__(
        self,
        rows: list[Packed] | None = None,
        columns: int | None = None,
        escape: Callable[[str], str] | None = None,
    ) -> None:
        self._rows: list[Packed] = [] if rows is None else rows
        self.columns = columns
        self._escape = escape

    def append(self, cells: Sequence[str]) -> None:
        self._rows.append(pack(cells))

    def __len__(self) -> int:
        return len(self._rows)

    def __bool__(self) -> bool:
        return bool(self._rows)

    def __iter__(self) -> Iterator[list[str]]:
        return map(self._cells, self._rows)

    def __getitem__(self, n: int) -> list[str]:
        return self._cells(self._rows[n])

    def _cells(self, row: Packed) -> list[str]:
        """A kept row as its cells: split when joined, escaped when asked for, cut to `columns`."""
        if isinstance(row, str):
            cells = row.split(SEP)
        elif self._escape is None:
            cells = list(row)
        else:
            cells = [self._escape(cell) for cell in row]
        return cells if self.columns is None else cells[: self.columns]

    def inert_view(self) -> PackedRows:
        """The same rows as `escape.inert` shows each cell, without copying them: a joined row
        is its own escape (see the module's docstring), a tuple row is escaped as it is read."""
        return PackedRows(self._rows, self.columns, inert)
