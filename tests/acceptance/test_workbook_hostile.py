"""Hostile workbooks: each refused with a located problem (exit 2, never 3), fast and small.

A workbook is a zip archive of XML parts, so the attacks are the archive's (a bomb that unpacks
to gigabytes, thousands of parts), the XML's (entity expansion, external entities), the sheet's
(a sheet of a million rows or a row of sixteen thousand cells, formulas and error values where
values belong, links to other workbooks) and the file type's (macros). The workbooks are built
here from a real spbe workbook by replacing or adding parts, so no binary fixture is committed.
Each runs in-process for the verdict and, in the slow test, in a child process for its wall time
and peak memory (issue 16: under 5 s and 200 MB each).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

openpyxl = pytest.importorskip("openpyxl")
LIMIT_SECONDS = 5
LIMIT_MB = 200
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "base.xlsx"
    result = run("convert", str(EXAMPLES / "kota-contoh-2026.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def rebuilt(base: Path, out: Path, parts: dict[str, bytes | None], level: int = 6) -> Path:
    """`base` with some parts replaced (None removes one), written with deflate."""
    with zipfile.ZipFile(base) as source:
        names = source.namelist()
        kept = {n: source.read(n) for n in names}
    kept.update(parts)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for name, data in kept.items():
            if data is not None:
                target.writestr(name, data)
    return out


INDICATORS = "xl/worksheets/sheet2.xml"  # the second sheet of a Pemdi workbook (no criteria sheet)


def bomb(base: Path, tmp: Path) -> Path:
    """One part that unpacks to 30 MB of spaces (the limit is 20 MB) from a few dozen kilobytes."""
    out = tmp / "bomb.xlsx"
    rebuilt(base, out, {})
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
        target.open("xl/media/padding.xml", "w", force_zip64=True) as part,
    ):
        chunk = b" " * 1_000_000
        for _ in range(300):
            part.write(chunk)
    return out


def many_parts(base: Path, tmp: Path) -> Path:
    parts: dict[str, bytes | None] = {f"xl/media/p{n}.bin": b"x" for n in range(1_500)}
    return rebuilt(base, tmp / "parts.xlsx", parts)


def laughs(base: Path, tmp: Path) -> Path:
    """The billion laughs in the workbook part every reader parses first."""
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)
    )
    with zipfile.ZipFile(base) as source:
        workbook = source.read("xl/workbook.xml").decode()
    doctype = f"<!DOCTYPE workbook [{entities}]>"
    attacked = workbook.replace("<workbook ", doctype + "<workbook ", 1).replace(
        "<workbookPr />", "<workbookPr codeName='&a9;' />", 1
    )
    return rebuilt(base, tmp / "laughs.xlsx", {"xl/workbook.xml": attacked.encode()})


def external_entity(base: Path, tmp: Path) -> Path:
    """An external entity in the indicator sheet, pointing at a local file."""
    with zipfile.ZipFile(base) as source:
        sheet = source.read(INDICATORS).decode()
    doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    attacked = sheet.replace("<worksheet ", doctype + "<worksheet ", 1)
    attacked = attacked.replace("<v>4</v>", "<v>&xxe;</v>", 1)
    return rebuilt(base, tmp / "xxe.xlsx", {INDICATORS: attacked.encode()})


def tall_sheet(base: Path, tmp: Path) -> Path:
    """An indicator sheet of a million-row dimension, 60,000 rows of ids after the real ones."""
    with zipfile.ZipFile(base) as source:
        sheet = source.read(INDICATORS).decode()
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(30, 60_030))
    attacked = sheet.replace("</sheetData>", rows + "</sheetData>", 1)
    attacked = re.sub(
        r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"', attacked, count=1
    )
    return rebuilt(base, tmp / "tall.xlsx", {INDICATORS: attacked.encode()})


def wide_row(base: Path, tmp: Path) -> Path:
    """Row 2 of the indicator sheet with 16,000 cells."""
    with zipfile.ZipFile(base) as source:
        sheet = source.read(INDICATORS).decode()
    cells = "".join(
        f'<c r="{openpyxl.utils.get_column_letter(c)}2"><v>1</v></c>' for c in range(20, 16_020)
    )
    attacked = sheet.replace('</row><row r="3"', cells + '</row><row r="3"', 1)
    return rebuilt(base, tmp / "wide.xlsx", {INDICATORS: attacked.encode()})


def formulas_and_links(base: Path, tmp: Path) -> Path:
    """A level that is a formula into another workbook, with the external link part itself."""
    out = tmp / "links.xlsx"
    made = openpyxl.load_workbook(base)
    made.worksheets[1]["E2"] = "='[1]Sheet1'!A1"
    made.worksheets[1]["E3"] = '=WEBSERVICE("http://x.example/")'
    made.save(out)
    link = (
        f'<externalLink xmlns="{MAIN}"><externalBook xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships" r:id="rId1"/></externalLink>'
    )
    return rebuilt(out, tmp / "links2.xlsx", {"xl/externalLinks/externalLink1.xml": link.encode()})


def error_values(base: Path, tmp: Path) -> Path:
    out = tmp / "errors.xlsx"
    made = openpyxl.load_workbook(base)
    for ref in ("E2", "E3"):
        made.worksheets[1][ref].value = "#DIV/0!"
        made.worksheets[1][ref].data_type = "e"
    made.save(out)
    return out


def macros(base: Path, tmp: Path) -> Path:
    out = tmp / "kota.xlsm"
    out.write_bytes(base.read_bytes())
    return out


def renamed_macros(base: Path, tmp: Path) -> Path:
    """A macro project inside a file named .xlsx: never run, never kept, the rest read."""
    return rebuilt(base, tmp / "vba.xlsx", {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" * 100})


def not_a_zip(base: Path, tmp: Path) -> Path:
    out = tmp / "encrypted.xlsx"
    out.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    return out


def truncated(base: Path, tmp: Path) -> Path:
    out = tmp / "truncated.xlsx"
    out.write_bytes(base.read_bytes()[:3000])
    return out


CASES: dict[str, tuple[Callable[[Path, Path], Path], int, str | None]] = {
    "zip bomb": (bomb, 2, "SPBE031"),
    "many parts": (many_parts, 2, "SPBE031"),
    "billion laughs": (laughs, 2, "SPBE030"),
    "external entity": (external_entity, 2, "SPBE030"),
    "tall sheet": (tall_sheet, 0, None),  # only the marker's 20 rows are read
    "wide row": (wide_row, 0, None),
    "formulas and links": (formulas_and_links, 2, "SPBE035"),
    "error values": (error_values, 2, "SPBE036"),
    "xlsm": (macros, 2, "SPBE037"),
    "vba in xlsx": (renamed_macros, 0, None),
    "not a zip": (not_a_zip, 2, "SPBE030"),
    "truncated": (truncated, 2, "SPBE030"),
}


class Hostile:
    """The hostile workbooks, each built the first time a test asks for it."""

    def __init__(self, base: Path, folder: Path) -> None:
        self.base, self.folder, self.made = base, folder, {}

    def __getitem__(self, name: str) -> Path:
        if name not in self.made:
            self.made[name] = CASES[name][0](self.base, self.folder)
        return self.made[name]


@pytest.fixture(scope="module")
def hostile(base: Path, tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    return Hostile(base, tmp_path_factory.mktemp("made"))


QUICK = {"zip bomb", "billion laughs", "formulas and links", "xlsm", "not a zip"}
"""One of each kind in the quick loop; the rest with the slow tests."""


@pytest.mark.parametrize(
    "name", [n if n in QUICK else pytest.param(n, marks=pytest.mark.slow) for n in CASES]
)
def test_each_hostile_workbook_is_a_located_problem(hostile: Hostile, name: str) -> None:
    _, code, problem = CASES[name]
    start = time.perf_counter()
    result = run("score", str(hostile[name]), "-f", "json")
    assert time.perf_counter() - start < LIMIT_SECONDS
    assert result.exit_code == code, result.output
    if problem is not None:
        assert f"{hostile[name].name}:" in result.stderr and f"error[{problem}]" in result.stderr
    if name == "external entity":
        assert "root:" not in result.output  # nothing of /etc/passwd reaches any output


def test_a_formula_level_names_its_cell(hostile: Hostile) -> None:
    result = run("validate", str(hostile["formulas and links"]), "--lang", "en")
    assert "links2.xlsx:Indikator!E2: error[SPBE035]: this cell holds a formula ('[1]Sheet1'!A1" \
        in result.output.replace("(=", "(")  # fmt: skip
    assert "Indikator!E3: error[SPBE035]" in result.output


LAUNCH = """import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
sys.stdout.write(f"\\n{usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs a command from a small process and prints its peak RSS. A child forked straight from
pytest would report pytest's own size as its peak (Linux keeps the high-water mark of the forked
image across exec), and pytest grows to hundreds of megabytes over the whole suite."""


@pytest.mark.slow
def test_each_in_a_child_process_under_the_time_and_memory_limits(hostile: Hostile) -> None:
    for name in CASES:
        path = hostile[name]
        start = time.perf_counter()
        child = subprocess.run(
            [sys.executable, "-c", LAUNCH, "-m", "spbe_cli", "validate", str(path)],
            capture_output=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        code = child.returncode
        peak_mb = int(child.stdout.decode().rsplit(None, 1)[-1]) / 1024
        assert code in (0, 1), (name, code, child.stderr)
        assert elapsed < LIMIT_SECONDS, (name, elapsed)
        assert peak_mb < LIMIT_MB, (name, peak_mb)
        print(f"{name}: exit {code}, {elapsed:.2f} s, {peak_mb:.0f} MB")  # shown with -s
