"""files/workbook.py: an assessment workbook read back into the same data as its YAML, each value
located by sheet and cell, and every kind of damage a located problem (never an exception)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.files.reader import LoadFailure, expand_paths, read_document
from spbe_cli.files.workbook import WorkbookDocument
from spbe_cli.model.assessment import validate_assessment
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem
from spbe_cli.render.workbook.assessment import assessment_workbook

openpyxl = pytest.importorskip("openpyxl")


def written(source: Path, out: Path, lang: str = "id") -> Path:
    outcome = assess(source, RubricStore(), partial=True)
    assert outcome.scorecard is not None, outcome.problems
    out.write_bytes(assessment_workbook(outcome.scorecard, lang))  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Pemdi 2026 (20 indicators, no criteria sheet): the smallest workbook, the fastest to edit
    return written(EXAMPLES / "kota-contoh-2026.yaml", tmp_path_factory.mktemp("b") / "kota.xlsx")


@pytest.fixture
def book(base: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "kota.xlsx"
    copy.write_bytes(base.read_bytes())
    return copy


def edited(path: Path, out: Path, sheet: int, **cells: Any) -> Path:
    """A copy of the workbook with cells changed as a spreadsheet user would (A1 keys)."""
    made = openpyxl.load_workbook(path)
    ws = made.worksheets[sheet]
    for ref, value in cells.items():
        ws[ref].value = value
        if isinstance(value, str) and not value.startswith("="):
            ws[ref].data_type = "s"
    made.save(out)
    return out


def codes(result: Any) -> list[tuple[str, str | None]]:
    assert isinstance(result, LoadFailure), result
    return [(p.code.value, p.place) for p in result.problems]


def plain(value: Any) -> Any:
    """YAML's data with indicator keys as text and every entry in the long form."""
    out = dict(value)
    out["indikator"] = {
        str(k): v if isinstance(v, dict) else {"level": v} for k, v in value["indikator"].items()
    }
    return out


@pytest.mark.parametrize(("year", "lang"), [(2022, "id"), (2019, "en")])
def test_reads_back_the_same_data_as_the_yaml(tmp_path: Path, year: int, lang: str) -> None:
    source = EXAMPLES / f"kota-contoh-{year}.yaml"
    doc = read_document(written(source, tmp_path / "k.xlsx", lang))
    assert isinstance(doc, WorkbookDocument)
    expected = plain(yaml.safe_load(source.read_text(encoding="utf-8")))
    assert doc.data == expected


def test_every_path_has_its_cell(book: Path) -> None:
    doc = read_document(book)
    assert isinstance(doc, WorkbookDocument)
    where = {
        ("tahun",): "Ringkasan!B8",
        ("instansi", "nama"): "Ringkasan!B5",
        ("indikator", "8", "level"): "Indikator!E9",
        ("indikator", "8", "penjelasan"): "Indikator!I9",
        ("indikator", "8", "bukti_dukung", "1"): "Indikator!J9",
    }
    for path, place in where.items():
        assert doc.locate(Problem(Code.SPBE106, path)).place == place
    assert doc.locate(Problem(Code.SPBE101, ("indikator", "8"), at="key")).place == "Indikator!A9"


def test_levels_typed_as_text_or_fraction_are_refused_as_in_yaml(
    book: Path, tmp_path: Path
) -> None:
    bad = edited(book, tmp_path / "bad.xlsx", 1, E9="3", E10=3.5, E11=True, E12=None)
    doc = read_document(bad)
    assert isinstance(doc, WorkbookDocument)
    rubric = RubricStore().bundled()["pemdi-8-2026"]
    problems = validate_assessment(doc.data, rubric)
    assert isinstance(problems, list)
    found = sorted((p.code.value, doc.locate(p).place) for p in problems)
    assert found == [
        ("SPBE103", "Indikator!E10"),
        ("SPBE103", "Indikator!E11"),
        ("SPBE103", "Indikator!E9"),
        ("SPBE104", "Indikator!E12"),  # the first level cell left empty
    ]
    by_place = {doc.locate(p).place: p for p in problems}
    assert by_place["Indikator!E9"].params["example"] == "3"


def test_a_level_stored_as_3_point_0_is_refused_as_in_yaml(book: Path, tmp_path: Path) -> None:
    """Excel keeps a typed 3.0 as the number 3; a file that stores `3.0` holds a decimal."""
    import re
    import zipfile

    with zipfile.ZipFile(book) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet2.xml"  # the indicator sheet
    text, count = re.subn(
        r'(<c r="E2"[^>]*><v>)(\d)(</v>)', r"\g<1>\g<2>.0\g<3>", parts[sheet].decode()
    )
    assert count == 1
    parts[sheet] = text.encode()
    with zipfile.ZipFile(tmp_path / "float.xlsx", "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    doc = read_document(tmp_path / "float.xlsx")
    assert isinstance(doc, WorkbookDocument)
    problems = validate_assessment(doc.data, RubricStore().bundled()["pemdi-8-2026"])
    assert isinstance(problems, list)
    assert [(p.code.value, doc.locate(p).place) for p in problems] == [("SPBE103", "Indikator!E2")]
    assert problems[0].params["got"] == "4.0"


def test_formulas_and_error_values_in_read_cells(book: Path, tmp_path: Path) -> None:
    bad = edited(book, tmp_path / "f.xlsx", 1, E9="=1+2", I10='=HYPERLINK("x")')
    made = openpyxl.load_workbook(bad)
    made.worksheets[1]["E11"].value = "#N/A"
    made.worksheets[1]["E11"].data_type = "e"
    made.save(bad)
    assert codes(read_document(bad)) == [
        ("SPBE035", "Indikator!E9"),
        ("SPBE035", "Indikator!I10"),
        ("SPBE036", "Indikator!E11"),
    ]


def test_a_number_typed_in_a_text_cell_is_its_text(book: Path, tmp_path: Path) -> None:
    doc = read_document(edited(book, tmp_path / "n.xlsx", 1, I2=2022, J2="a.pdf\n\n  \nb.pdf"))
    assert isinstance(doc, WorkbookDocument)
    assert doc.data["indikator"]["1"]["penjelasan"] == "2022"
    assert doc.data["indikator"]["1"]["bukti_dukung"] == ["a.pdf", "b.pdf"]  # empty lines skipped


def test_duplicate_and_missing_ids(book: Path, tmp_path: Path) -> None:
    bad = edited(book, tmp_path / "d.xlsx", 1, A3=1, A4=None)
    assert codes(read_document(bad)) == [
        ("SPBE006", "Indikator!A3"),
        ("SPBE039", "Indikator!A4"),
    ]


@pytest.mark.parametrize(
    ("row", "value", "code"),
    [
        (3, "rank", "SPBE033"),  # kind
        (2, 2, "SPBE034"),  # format version from the future
        (2, "satu", "SPBE032"),
        (5, "Lembar Lain", "SPBE038"),  # the summary sheet's name
        (7, 10**9, "SPBE009"),  # the indicator count
    ],
)
def test_a_damaged_marker(book: Path, tmp_path: Path, row: int, value: Any, code: str) -> None:
    made = openpyxl.load_workbook(book)
    made["spbe"].cell(row=row, column=2).value = value
    made.save(tmp_path / "m.xlsx")
    assert codes(read_document(tmp_path / "m.xlsx")) == [(code, None)]


def test_a_workbook_that_is_not_ours(tmp_path: Path) -> None:
    made = openpyxl.Workbook()
    made.active["A1"] = "Rekap SPBE"
    made.save(tmp_path / "other.xlsx")
    assert codes(read_document(tmp_path / "other.xlsx")) == [("SPBE032", None)]


def test_not_a_zip_and_macro_workbooks(tmp_path: Path) -> None:
    (tmp_path / "fake.xlsx").write_bytes(b"\xd0\xcf\x11\xe0 an encrypted or old workbook")
    (tmp_path / "macro.xlsm").write_bytes(b"PK\x03\x04")
    assert codes(read_document(tmp_path / "fake.xlsx")) == [("SPBE030", None)]
    assert codes(read_document(tmp_path / "macro.xlsm")) == [("SPBE037", None)]
    assert codes(read_document(tmp_path / "missing.xlsx"))[0][0] == "SPBE001"
    (tmp_path / "dir.xlsx").mkdir()
    assert codes(read_document(tmp_path / "dir.xlsx")) == [("SPBE002", None)]


def test_size_limit_applies_to_the_file(book: Path) -> None:
    assert codes(read_document(book, max_bytes=1000)) == [("SPBE003", None)]


def test_the_folder_walk_takes_workbooks_but_not_excel_lock_files(book: Path) -> None:
    folder = book.parent
    (folder / "~$kota.xlsx").write_bytes(b"owner file while Excel has kota.xlsx open")
    (folder / "b.yaml").write_text("rubrik: x\n")
    (folder / "c.xlsm").write_bytes(b"")
    assert [p.name for p in expand_paths([folder])] == ["b.yaml", "kota.xlsx"]


def test_reading_a_workbook_does_not_import_openpyxl_for_yaml() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\nfrom spbe_cli.files.reader import read_document\n"
        f"read_document({str(EXAMPLES / 'kota-contoh-2022.yaml')!r})\n"
        "print('openpyxl' in sys.modules)\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert found.stdout.strip() == "False", found.stderr


def test_a_cell_gets_no_excerpt_under_its_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal the text line under a problem is shown; a workbook has none to show."""
    from spbe_cli.model.problems import Located
    from spbe_cli.render.problems_out import problem_lines

    monkeypatch.setenv("COLUMNS", "300")  # one line per problem (a terminal wraps at words)
    located = Located(Problem(Code.SPBE104, (), {"ids": "1"}), "k.xlsx", 9, 5, "Indikator!E9")
    shown = problem_lines([located], "en", {"k.xlsx": {9: "PK\x03\x04 zip bytes"}})
    assert shown.startswith("k.xlsx:Indikator!E9: error[SPBE104]: ")
    assert shown.count("\n") == 1 and "zip bytes" not in shown
