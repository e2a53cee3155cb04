"""Reading an assessment workbook (.xlsx): the same data as a YAML file, each value with its cell.

The workbook is untrusted like every file, and a workbook is a zip archive of XML: before
openpyxl sees it, the archive's directory is checked (size, number of parts, how far each part
unpacks: a zip bomb stops here), and openpyxl then reads in read-only mode, streaming, with
defusedxml refusing entity expansion and external entities. Links to other workbooks are not
loaded and macros are never run or kept; a macro-enabled `.xlsm` is refused by its suffix.

Only the cells of the documented layout are read (model/workbook_format.py): the header block
and, per indicator row, the id, level, explanation and evidence. A formula or an error value in
such a cell is a problem of that cell, never evaluated; a level typed as text ("3") or as a
fraction (3.5) reaches validation as such and is refused there exactly as in YAML. Every problem
points at its cell: `kota-2024.xlsx:Indikator!E9`.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from spbe_cli.files.reader import Document, LoadFailure
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Located, Problem
from spbe_cli.model.workbook_format import (
    ASSESSMENT,
    COLUMNS,
    FIRST_ROW,
    FORMAT_VERSION,
    HEADER_COLUMN,
    HEADER_LAST_ROW,
    HEADER_ROWS,
    KEY_FORMAT,
    KEY_INDICATORS,
    KEY_KIND,
    KEY_ROWS,
    KEY_SUMMARY,
    KINDS,
    MARKER_FIRST_ROW,
    MARKER_MAX_ROWS,
    MARKER_SHEET,
    MAX_INDICATORS,
    READ_COLUMNS,
    place,
)

MACRO_SUFFIXES = (".xlsm", ".xltm")
MAX_PARTS = 1_000
"""Parts of the archive; spbe's own workbooks have about 15, Excel's about 25."""
UNPACKED_FACTOR = 4
"""The whole archive may unpack to this many times the file size limit (SPBE_MAX_BYTES)."""
MAX_RATIO = 100
"""A part that unpacks to more than this many times its packed size (and over a megabyte) is a
bomb: XML compresses about 10 to 20 times, a zip bomb thousands of times."""

Cell = tuple[str, int, int]
"""(sheet, 1-based row, 1-based column)."""
Path_ = tuple[str, ...]


@dataclass
class WorkbookDocument(Document):
    """A workbook's data; each path of it is a cell (key and value cells may differ: an
    indicator's key is its id cell, its value the level cell)."""

    cells: dict[Path_, tuple[Cell, Cell]] = field(default_factory=dict)
    home: Cell = ("", 1, 1)

    def cell_of(self, path: Path_, at: str = "value") -> Cell:
        for end in range(len(path), 0, -1):
            found = self.cells.get(path[:end])
            if found is not None:
                return found[0] if at == "key" else found[1]
        return self.home

    def locate(self, problem: Problem) -> Located:
        sheet, row, column = self.cell_of(problem.path, problem.at)
        return Located(problem, self.path, row, column, place(sheet, column, row))

    def mark_of(self, path: Path_, at: str = "value") -> tuple[int, int]:
        _, row, column = self.cell_of(path, at)
        return (row - 1, column - 1)


def read_workbook(path: Path, max_bytes: int) -> Document | LoadFailure:
    """The assessment in an spbe workbook, or the located problems that stop it."""
    name = str(path)
    if path.suffix.lower() in MACRO_SUFFIXES:
        return _fail(name, Problem(Code.SPBE037))
    try:
        if path.is_dir():
            return _fail(name, Problem(Code.SPBE002))
        size = path.stat().st_size
    except OSError as exc:
        return _fail(
            name, Problem(Code.SPBE001, (), {"reason": exc.strerror or type(exc).__name__})
        )
    if size > max_bytes:
        return _fail(name, Problem(Code.SPBE003, (), {"size": size, "limit": max_bytes}))
    archive = _check_archive(path, max_bytes)
    if archive is not None:
        return _fail(name, archive)
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        return _fail(name, _unreadable("defusedxml is not installed or OPENPYXL_DEFUSEDXML is off"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops: not ours
            book = openpyxl.load_workbook(
                path, read_only=True, data_only=False, keep_links=False, keep_vba=False
            )
            try:
                return _Reader(name, book).read()
            finally:
                book.close()
    except MemoryError:
        raise
    except Exception as exc:  # a malformed archive or XML, whatever openpyxl makes of it
        return _fail(name, _unreadable(f"{type(exc).__name__}: {str(exc)[:160]}"))


def _fail(
    name: str, problem: Problem, where: str | None = None, row: int = 1, column: int = 1
) -> LoadFailure:
    return LoadFailure(name, [Located(problem, name, row, column, where)])


def _unreadable(detail: str) -> Problem:
    return Problem(Code.SPBE030, (), {"detail": detail})


def _check_archive(path: Path, max_bytes: int) -> Problem | None:
    """The zip directory within bounds, before any part is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return _unreadable(f"not a zip archive ({type(exc).__name__})")
    limit = UNPACKED_FACTOR * max_bytes
    if len(parts) > MAX_PARTS:
        return Problem(Code.SPBE031, (), {"size": f"{len(parts)} parts", "limit": MAX_PARTS})
    total = sum(p.file_size for p in parts)
    if total > limit:
        return Problem(Code.SPBE031, (), {"size": total, "limit": limit})
    for part in parts:
        if part.file_size > max_bytes or (
            part.file_size > 1_000_000 and part.file_size > MAX_RATIO * max(part.compress_size, 1)
        ):
            return Problem(Code.SPBE031, (), {"size": part.file_size, "limit": max_bytes})
    return None


class _Stop(Exception):
    """A problem that ends the reading of a workbook (a missing sheet, a foreign marker)."""

    def __init__(self, problem: Problem, where: Cell | None = None) -> None:
        super().__init__(problem.code)
        self.problem = problem
        self.where = where


class _Reader:
    """Reads one open workbook: the marker, the header block, the indicator rows."""

    def __init__(self, name: str, book: Any) -> None:
        self.name = name
        self.book = book
        self.problems: list[tuple[Problem, Cell]] = []
        self.cells: dict[Path_, tuple[Cell, Cell]] = {}

    def read(self) -> Document | LoadFailure:
        try:
            marker = self.marker()
            data = self.header(marker[KEY_SUMMARY])
            data["indikator"] = self.indicators(marker[KEY_INDICATORS], marker[KEY_ROWS])
        except _Stop as stop:
            where = stop.where
            if where is None:
                return _fail(self.name, stop.problem)
            sheet, row, column = where
            return _fail(self.name, stop.problem, place(sheet, column, row), row, column)
        if self.problems:
            return LoadFailure(
                self.name,
                [
                    Located(p, self.name, row, column, place(sheet, column, row))
                    for p, (sheet, row, column) in self.problems
                ],
            )
        home = (marker[KEY_SUMMARY], 1, 1)
        return WorkbookDocument(self.name, data, {}, self.cells, home)

    # -- the marker ------------------------------------------------------------------------

    def marker(self) -> dict[str, Any]:
        if MARKER_SHEET not in self.book.sheetnames:
            raise _Stop(Problem(Code.SPBE032))
        pairs: dict[str, Any] = {}
        rows = self.book[MARKER_SHEET].iter_rows(
            min_row=MARKER_FIRST_ROW, max_row=MARKER_MAX_ROWS, min_col=1, max_col=2
        )
        for key_cell, value_cell in rows:
            if isinstance(key_cell.value, str) and key_cell.data_type == "s":
                pairs.setdefault(key_cell.value.strip(), value_cell.value)
        where = None  # the marker is hidden: its problems are the file's, as a whole
        version, kind = pairs.get(KEY_FORMAT), pairs.get(KEY_KIND)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise _Stop(Problem(Code.SPBE032), where)
        if version > FORMAT_VERSION:
            raise _Stop(Problem(Code.SPBE034, (), {"version": version}), where)
        if kind != ASSESSMENT:
            shown = kind if kind in KINDS else "?"
            raise _Stop(Problem(Code.SPBE033, (), {"kind": shown}), where)
        for key in (KEY_SUMMARY, KEY_INDICATORS):
            sheet = pairs.get(key)
            if not isinstance(sheet, str) or sheet not in self.book.sheetnames:
                raise _Stop(Problem(Code.SPBE038, (), {"sheet": str(sheet)[:40]}), where)
        count = pairs.get(KEY_ROWS)
        if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= MAX_INDICATORS:
            detail = f"{str(count)[:20]} indicator rows"
            raise _Stop(Problem(Code.SPBE009, (), {"detail": detail}), where)
        return pairs

    # -- the header block --------------------------------------------------------------------

    def header(self, sheet: str) -> dict[str, Any]:
        first = min(HEADER_ROWS.values())
        found: dict[int, Any] = {}
        ws = self.book[sheet]
        rows = ws.iter_rows(
            min_row=first, max_row=HEADER_LAST_ROW, min_col=HEADER_COLUMN, max_col=HEADER_COLUMN
        )
        for row, (cell,) in enumerate(rows, start=first):
            found[row] = self.value(cell, (sheet, row, HEADER_COLUMN))
        values = {key: found.get(row) for key, row in HEADER_ROWS.items()}
        for key, row in HEADER_ROWS.items():
            path = ("instansi", key) if key in ("nama", "jenis", "provinsi") else (key,)
            here = (sheet, row, HEADER_COLUMN)
            self.cells[path] = (here, here)
        nama_cell = self.cells[("instansi", "nama")]
        self.cells[("instansi",)] = nama_cell
        data: dict[str, Any] = {}
        if values["rubrik"] is not None:
            data["rubrik"] = _as_text(values["rubrik"])
        agency: dict[str, Any] = {"nama": _as_text(values["nama"]) if values["nama"] else ""}
        for key in ("jenis", "provinsi"):
            if values[key] is not None:
                agency[key] = _as_text(values[key])
        data["instansi"] = agency
        if values["tahun"] is not None:
            data["tahun"] = values["tahun"]
        if values["tahap"] is not None:
            data["tahap"] = _as_text(values["tahap"])
        return data

    # -- the indicator rows ------------------------------------------------------------------

    def indicators(self, sheet: str, count: int) -> dict[str, Any]:
        columns = {key: COLUMNS[key] for key in READ_COLUMNS}
        last_column = max(columns.values())
        ws = self.book[sheet]
        out: dict[str, Any] = {}
        first_row: dict[str, int] = {}
        level_column = columns["level"]
        empty_level: Cell | None = None
        rows = ws.iter_rows(
            min_row=FIRST_ROW, max_row=FIRST_ROW + count - 1, min_col=1, max_col=last_column
        )
        for row, cells in enumerate(rows, start=FIRST_ROW):
            got = {
                key: self.value(cells[column - 1], (sheet, row, column))
                for key, column in columns.items()
            }
            ident = got.pop("id")
            if ident is None:
                if any(v is not None for v in got.values()):
                    self.problems.append((Problem(Code.SPBE039, (), {"row": row}), (sheet, row, 1)))
                continue
            key = _key(ident)
            if str(key) in first_row:
                params = {"key": key, "first_line": place(sheet, 1, first_row[str(key)])}
                self.problems.append((Problem(Code.SPBE006, (), params), (sheet, row, 1)))
                continue
            first_row[str(key)] = row
            entry: dict[str, Any] = {}
            if got["level"] is not None:
                entry["level"] = got["level"]
            elif empty_level is None:
                empty_level = (sheet, row, level_column)
            if got["penjelasan"] is not None:
                entry["penjelasan"] = _as_text(got["penjelasan"])
            if got["bukti_dukung"] is not None:
                entry["bukti_dukung"] = _evidence(got["bukti_dukung"])
            out[key] = entry
            self._record(str(key), sheet, row, columns)
        home = empty_level or (sheet, FIRST_ROW, level_column)
        self.cells[("indikator",)] = (home, home)
        return out

    def _record(self, key: str, sheet: str, row: int, columns: dict[str, int]) -> None:
        level = (sheet, row, columns["level"])
        self.cells[("indikator", key)] = ((sheet, row, columns["id"]), level)
        for name in ("level", "penjelasan", "bukti_dukung"):
            here = (sheet, row, columns[name])
            self.cells[("indikator", key, name)] = (here, here)

    # -- one cell ---------------------------------------------------------------------------

    def value(self, cell: Any, where: Cell) -> Any:
        """The typed value of a cell as the file holds it; a formula or an error is a problem."""
        kind = getattr(cell, "data_type", None)
        value = cell.value
        if value is None:
            return None
        if kind == "f" or (isinstance(value, str) and kind != "s" and value.startswith("=")):
            shown = str(value)[:60]
            self.problems.append((Problem(Code.SPBE035, (), {"formula": shown}), where))
            return None
        if kind == "e":
            self.problems.append((Problem(Code.SPBE036, (), {"value": str(value)[:20]}), where))
            return None
        if isinstance(value, float):
            return Decimal(repr(value))  # as YAML gives a float: refused as a level, with a hint
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        return value


def _key(ident: Any) -> Any:
    """An indicator id as validation normalises it (1 and "1" are one id), so that a duplicate
    is found here with its cell; anything else (3.5, TRUE) reaches validation as it is."""
    if isinstance(ident, str):
        return ident.strip()
    if isinstance(ident, int) and not isinstance(ident, bool):
        return str(ident)
    return ident


def _as_text(value: Any) -> Any:
    """A text field: a number typed into it (Excel makes 2022 a number) is read as its text."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | Decimal):
        return str(value)
    return value


def _evidence(value: Any) -> Any:
    """One evidence item per line of the cell; empty lines are skipped."""
    if isinstance(value, bool):
        return value
    lines = str(value).split("\n")
    return [line for line in lines if line.strip()]
