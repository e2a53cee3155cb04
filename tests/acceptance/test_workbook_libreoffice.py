"""The live workbook recalculated by a real spreadsheet: LibreOffice, when `soffice` is installed.

`soffice --headless --convert-to xlsx` opens each workbook, computes every formula and saves the
values; openpyxl then reads them and every figure is compared with `spbe score --format json`:
index, exact value, predicate, each domain and aspect, each indicator's level name and
contribution, and a draft's lowest and highest values. Then levels are raised in the workbook,
as an official would in Excel, and recalculated again: index, predicate, exact value and level
names must follow, and match the JSON of a file with the same levels. Skipped cleanly when
LibreOffice is absent (.ci/run installs Debian's libreoffice-calc).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

openpyxl = pytest.importorskip("openpyxl")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]
TOLERANCE = Fraction(1, 10**9)
SUMMARY_FIRST = 13  # the index row of the summary's table; domains and aspects follow


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One LibreOffice user profile for the module: the first start builds it (seconds)."""
    return tmp_path_factory.mktemp("lo-profile").as_uri()


def recalculated(books: list[Path], tmp: Path, profile: str) -> dict[str, Any]:
    """Each workbook as LibreOffice computed it (values only), by file name."""
    out = tmp / "recalculated"
    out.mkdir(exist_ok=True)
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}"]
    command += ["--convert-to", "xlsx", "--outdir", str(out), *map(str, books)]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return {p.name: openpyxl.load_workbook(out / p.name, data_only=True) for p in books}


def score_json(path: Path, *extra: str) -> Any:
    result = run("score", str(path), "-f", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def workbook(source: Path, out: Path, *extra: str) -> Path:
    result = run("score", str(source), "-f", "xlsx", "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def blank(value: Any) -> bool:
    return value is None or value == ""


def close(value: Any, exact: str) -> bool:
    return (
        isinstance(value, int | float) and abs(Fraction(str(value)) - Fraction(exact)) < TOLERANCE
    )


def check_index(row: tuple[Any, ...], index: dict[str, Any], where: str) -> None:
    """One row of the summary table: weight, index, predicate, exact, lowest, highest."""
    _, _, _, shown, predicate, exact, low, high = row[:8]
    if "high" in index:  # a group a draft leaves open: only the range
        assert blank(shown) and blank(predicate) and blank(exact), (where, row)
        assert close(low, str(index["value"])), (where, row, index)
        assert close(high, str(index["high"]["value"])), (where, row, index)
        return
    assert close(shown, str(index["value"])), (where, row, index)
    assert predicate == index["predicate"], (where, row, index)
    assert close(exact, index["exact"]), (where, row, index)
    assert blank(low) and blank(high), (where, row)


def check_book(book: Any, record: dict[str, Any]) -> None:
    summary, indicators = book.worksheets[0], book.worksheets[1]
    groups = [record["index"], *(d["index"] for d in record["domains"])]
    groups += [a["index"] for a in record["aspects"]]
    rows = summary.iter_rows(
        min_row=SUMMARY_FIRST, max_row=SUMMARY_FIRST + len(groups) - 1, values_only=True
    )
    for n, (row, index) in enumerate(zip(rows, groups, strict=True)):
        check_index(row, index, f"summary row {SUMMARY_FIRST + n}")
    filled = sum(i["level"] is not None for i in record["indicators"])
    assert summary["B10"].value == f"{filled} / {len(record['indicators'])}"
    rows = indicators.iter_rows(min_row=2, max_row=1 + len(record["indicators"]), values_only=True)
    for row, ind in zip(rows, record["indicators"], strict=True):
        level, name, contribution = row[4], row[5], row[7]
        assert level == ind["level"], (row, ind)
        if ind["level"] is None:
            assert blank(name) and blank(contribution), row
        else:
            assert name == ind["level_name"], (row, ind)
            assert close(contribution, ind["contribution"]), (row, ind)


def tie_file(tmp: Path, key: str) -> Path:
    vectors = yaml.safe_load((FIXTURES / "exact-indices.yaml").read_text(encoding="utf-8"))
    data = {
        "rubrik": "permenpanrb-59-2020",
        "instansi": {"nama": f"Kota {key}"},
        "tahun": 2024,
        "indikator": {n + 1: level for n, level in enumerate(vectors[key])},
    }
    path = tmp / f"tie-{key}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_every_value_matches_the_json(tmp_path: Path, profile: str) -> None:
    """Complete files of all three bundled rubrics, ties and values on predicate bounds."""
    vectors = yaml.safe_load((FIXTURES / "exact-indices.yaml").read_text(encoding="utf-8"))
    sources = [EXAMPLES / f"kota-contoh-{y}.yaml" for y in (2019, 2021, 2022, 2026)]
    sources += [EXAMPLES / "kota-contoh-2022-dokumen.yaml", FIXTURES / "exact-2.5975.yaml"]
    sources += [tie_file(tmp_path, key) for key in vectors]
    books = [workbook(s, tmp_path / f"{s.stem}.xlsx") for s in sources]
    computed = recalculated(books, tmp_path, profile)
    for source, book in zip(sources, books, strict=True):
        check_book(computed[book.name], score_json(source))


def test_a_draft_shows_its_lowest_and_highest_values(tmp_path: Path, profile: str) -> None:
    draft = FIXTURES / "bad" / "missing.yaml"
    book = workbook(draft, tmp_path / "draft.xlsx", "--partial")
    empty = tmp_path / "empty.xlsx"
    result = run("init", "--rubric", "pemdi-8-2026", "--instansi", "Kota Kosong", "-o", str(empty))
    assert result.exit_code == 0, result.output
    computed = recalculated([book, empty], tmp_path, profile)
    check_book(computed["draft.xlsx"], score_json(draft, "--partial"))
    check_book(computed["empty.xlsx"], score_json(empty, "--partial"))
    summary = computed["empty.xlsx"].worksheets[0]
    assert (summary["G13"].value, summary["H13"].value) == (1, 5)


def raise_levels(book_path: Path, levels: dict[int, int], out: Path) -> None:
    """What an official does in Excel: type new levels into the level cells, save."""
    book = openpyxl.load_workbook(book_path)
    sheet = book.worksheets[1]
    for row in range(2, sheet.max_row + 1):
        ident = sheet.cell(row=row, column=1).value
        if ident in levels:
            sheet.cell(row=row, column=5).value = levels[ident]
    book.save(out)


def test_raising_levels_updates_index_predicate_exact_value_and_level_names(
    tmp_path: Path, profile: str
) -> None:
    """Issue 14's case: indicators 32-47 raised to 5 in kota-contoh-2022 (2.79 Baik)."""
    source = EXAMPLES / "kota-contoh-2022.yaml"
    original = workbook(source, tmp_path / "before.xlsx")
    raised = {ident: 5 for ident in range(32, 48)}
    raise_levels(original, raised, tmp_path / "after.xlsx")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for ident in raised:
        data["indikator"][ident]["level"] = 5
    same = tmp_path / "same-levels.yaml"
    same.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    record = score_json(same)
    assert record["index"]["predicate"] != score_json(source)["index"]["predicate"]
    computed = recalculated([tmp_path / "after.xlsx"], tmp_path, profile)["after.xlsx"]
    check_book(computed, record)
    summary = computed.worksheets[0]
    assert (summary["D13"].value, summary["E13"].value) == (3.56, "Sangat Baik")
    assert computed.worksheets[1]["F33"].value == "Optimum"  # indicator 32, was Transaksi
    fill_rank = summary["I13"].value  # the hidden band column the predicate's colour follows
    assert fill_rank == 4


def test_the_batch_workbook_matches_the_json(tmp_path: Path, profile: str) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for year in (2019, 2021, 2022, 2026):
        shutil.copy(EXAMPLES / f"kota-contoh-{year}.yaml", folder)
    shutil.copy(FIXTURES / "bad" / "missing.yaml", folder / "zz-draft.yaml")
    book = tmp_path / "batch.xlsx"
    result = run("score", str(folder), "--partial", "-f", "xlsx", "-o", str(book))
    assert result.exit_code == 0, result.output
    records = json.loads(run("score", str(folder), "--partial", "-f", "json").stdout)
    computed = recalculated([book], tmp_path, profile)["batch.xlsx"]
    summary, domains, _, indicators = computed.worksheets[:4]
    head = [c.value for c in summary[1]]
    col = {name: head.index(name) for name in ("Berkas", "Indeks", "Predikat", "Nilai pasti")}
    rows = list(summary.iter_rows(min_row=2, max_row=1 + len(records), values_only=True))
    for row, record in zip(rows, records, strict=True):
        assert row[col["Berkas"]] == record["file"]
        index = record["index"]
        if "high" in index:
            assert blank(row[col["Indeks"]]), row
            low, high = row[col["Indeks"] + 3], row[col["Indeks"] + 4]
            assert close(low, str(index["value"])) and close(high, str(index["high"]["value"]))
        else:
            assert close(row[col["Indeks"]], str(index["value"])), (row, index)
            assert row[col["Predikat"]] == index["predicate"]
            assert close(row[col["Nilai pasti"]], index["exact"])
    expected = [d["index"] for r in records for d in r["domains"]]
    found = list(domains.iter_rows(min_row=2, max_row=1 + len(expected), values_only=True))
    for row, index in zip(found, expected, strict=True):
        if "high" not in index:
            assert close(row[5], str(index["value"])) and row[6] == index["predicate"], row
    names = [i["level_name"] for r in records for i in r["indicators"]]
    shown = [row[7] for row in indicators.iter_rows(min_row=2, values_only=True)]
    assert [n or None for n in shown] == [n or None for n in names]
