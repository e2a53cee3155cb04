"""A trend of more files than a screen has columns, and a trend given as a folder (issue 17).

An archive of thousands of files laid out one column per file made a table of 70,000 characters
per line, a heading line per file, a notice naming every agency and, past 8,191 files, a workbook
wider than a spreadsheet's 16,384 columns. Past WIDE_TREND_FILES a trend is one row per file in
the table and in the workbook, each row naming its file (and its agency, when there are several),
and the agencies' notice names five and counts the rest. A folder gives its assessments, so an
archive need not be thousands of arguments.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES, batch_assessment
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.render.choices import WIDE_TREND_FILES

runner = CliRunner()
LONG = WIDE_TREND_FILES + 1


@pytest.fixture(scope="module")
def long_trend(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One more file than a trend lays out as columns, each of its own agency."""
    folder = tmp_path_factory.mktemp("long")
    rng = random.Random(17)
    for n in range(LONG):
        text = batch_assessment(n, rng, f"Kota Arsip {n:02d}")
        (folder / f"k{n:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


def ok(*args: str) -> str:
    result = runner.invoke(app, ["diff", "--lang", "en", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_long_trend_is_one_row_per_file_naming_it(long_trend: Path) -> None:
    files = sorted(long_trend.iterdir())
    lines = ok(*map(str, files)).splitlines()
    assert lines[0] == f"Trend of {LONG} files (by year, then stage)"
    assert not any(line.startswith("2024: ") for line in lines)  # no heading line per file
    header = next(n for n, line in enumerate(lines) if line.startswith("Year"))
    columns = ["Year", "Index", "Predicate", "D1", "D2", "D3", "D4", "File", "Agency"]
    assert lines[header].split() == columns
    rows = lines[header + 2 :]
    assert len(rows) == LONG
    for row, path in zip(rows, files, strict=True):
        assert str(path) in row and f"Kota Arsip {path.stem[1:]}" in row
    assert max(len(line) for line in lines) < 200


def test_a_long_trends_agencies_are_five_and_a_count(long_trend: Path) -> None:
    notice = next(line for line in ok(str(long_trend)).splitlines() if "agencies" in line)
    shown = ", ".join(f"Kota Arsip {n:02d}" for n in range(5))
    assert notice == f"Different agencies: {shown} and {LONG - 5} more agencies"


def test_a_short_trend_keeps_a_column_per_file() -> None:
    files = [str(EXAMPLES / f"kota-contoh-{y}.yaml") for y in (2019, 2021, 2022)]
    lines = ok(*files).splitlines()
    assert [line.split(":")[0] for line in lines[1:4]] == ["2019", "2021", "2022"]
    assert any(line.split()[1:4] == ["2019", "2021", "2022"] for line in lines)  # columns


def test_a_folder_is_the_trend_of_its_files(long_trend: Path) -> None:
    files = [str(p) for p in sorted(long_trend.iterdir())]
    for fmt in ("table", "json", "csv"):
        assert ok(str(long_trend), "-f", fmt) == ok(*files, "-f", fmt)


def test_a_folder_of_two_files_is_a_comparison(tmp_path: Path) -> None:
    for year in (2021, 2022):
        name = f"kota-contoh-{year}.yaml"
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    record = json.loads(ok(str(tmp_path), "-f", "json"), parse_float=Decimal)
    assert record["kind"] == "years" and record["index"]["delta"] == Decimal("1.10")


def test_an_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", "--lang", "en", str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert str(tmp_path) in result.output


def test_a_long_trends_workbook_is_one_row_per_file(long_trend: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    result = runner.invoke(app, ["diff", str(long_trend), "-f", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    record = json.loads(ok(str(long_trend), "-f", "json"), parse_float=Decimal)
    ws = openpyxl.load_workbook(out)["Tren"]
    assert ws.max_row == LONG + 1
    assert [c.value for c in ws[1]] == [
        "Tahun", "Tahap", "Berkas", "Instansi", "Indeks SPBE", "D1 Kebijakan Internal SPBE",
        "D2 Tata Kelola SPBE", "D3 Manajemen SPBE", "D4 Layanan SPBE", "Predikat",
        "Indeks SPBE (Nilai pasti)", "D1 (Nilai pasti)", "D2 (Nilai pasti)", "D3 (Nilai pasti)",
        "D4 (Nilai pasti)",
    ]  # fmt: skip
    for row, file, point in zip(
        ws.iter_rows(min_row=2, values_only=True),
        record["files"],
        record["index"]["points"],
        strict=True,
    ):
        assert row[2] == file["file"] and row[3] == file["instansi"]["nama"]
        assert (Decimal(str(row[4])), row[9], row[10]) == (
            point["value"], point["predicate"], point["exact"]
        )  # fmt: skip
    for n, domain in enumerate(record["domains"]):
        shown = [Decimal(str(r[5 + n])) for r in ws.iter_rows(min_row=2, values_only=True)]
        exact = [r[11 + n] for r in ws.iter_rows(min_row=2, values_only=True)]
        assert shown == [p["value"] for p in domain["points"]]
        assert exact == [p["exact"] for p in domain["points"]]
    assert ws.freeze_panes == "A2"
