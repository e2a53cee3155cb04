"""--format xlsx of diff and rank, and what every workbook shares: -o needed, never overwritten,
band colours as the HTML report's. The one-assessment workbook has test_workbook_cli.py, its
formulas are recalculated by LibreOffice in test_workbook_libreoffice.py."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

openpyxl = pytest.importorskip("openpyxl")


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def write_levels(folder: Path, name: str, levels: list[int]) -> Path:
    data = {
        "rubrik": "permenpanrb-59-2020",
        "instansi": {"nama": f"Kota {name}"},
        "tahun": 2022,
        "indikator": {n + 1: level for n, level in enumerate(levels)},
    }
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_xlsx_needs_an_output_file_and_never_overwrites(tmp_path: Path) -> None:
    example = str(EXAMPLES / "kota-contoh-2022.yaml")
    result = run("score", example, "-f", "xlsx")
    assert result.exit_code == 2 and "-o" in result.output
    out = tmp_path / "s.xlsx"
    out.write_bytes(b"keep")
    result = run("score", example, "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_bytes() == b"keep"
    assert run("score", example, "-f", "xlsx", "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


def test_text_formats_can_go_to_a_file_too(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    result = run("score", str(EXAMPLES / "kota-contoh-2022.yaml"), "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert '"exact": "2.792"' in out.read_text(encoding="utf-8")


def test_diff_workbook(tmp_path: Path) -> None:
    out = tmp_path / "d.xlsx"
    old, new = (str(EXAMPLES / f"kota-contoh-{y}.yaml") for y in (2021, 2022))
    result = run("diff", old, new, "-f", "xlsx", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Index and domains", "Indicators", "spbe"]
    groups = book["Index and domains"]
    assert groups["A2"].value == "SPBE Index"  # the rubric's index_name
    assert (groups["D2"].value, groups["E2"].value, groups["F2"].value) == (1.69, 2.79, "=E2-D2")
    assert groups["H2"].fill.start_color.rgb != groups["I2"].fill.start_color.rgb
    assert "Pemerintah Kota Contoh" in groups.oddHeader.center.text
    assert groups.page_setup.orientation == "landscape"
    ind = book["Indicators"]
    effects = []
    for row in range(2, ind.max_row + 1):
        formula = ind[f"F{row}"].value
        assert formula == f"=(E{row}-D{row})*C{row}/100"
        level_change = ind[f"E{row}"].value - ind[f"D{row}"].value
        effect = level_change * Fraction(str(ind[f"C{row}"].value)) / 100
        assert effect == Fraction(ind[f"G{row}"].value)
        effects.append(effect)
    assert sum(effects) == Fraction(groups["G2"].value) == Fraction("2.792") - Fraction("1.6895")


def test_trend_workbook(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    files = [str(EXAMPLES / f"kota-contoh-{y}.yaml") for y in (2022, 2021)]
    files.append(str(EXAMPLES / "kota-contoh-2022-dokumen.yaml"))
    assert run("diff", *files, "-f", "xlsx", "-o", str(out)).exit_code == 0
    ws = openpyxl.load_workbook(out)["Tren"]
    assert [ws.cell(2, c).value for c in (2, 3, 4)] == [1.69, 2.79, 2.69]
    assert ws["B1"].value == "2021 mandiri"
    assert ws.freeze_panes == "A2"


def test_rank_workbook(tmp_path: Path) -> None:
    vectors = yaml.safe_load((FIXTURES / "exact-indices.yaml").read_text(encoding="utf-8"))
    for name, key in (("a", "4.765"), ("b", "1.025"), ("c", "4.765")):
        write_levels(tmp_path, name, vectors[key])
    out = tmp_path / "r.xlsx"
    result = run("rank", str(tmp_path), "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    ws = book["Peringkat"]
    assert [ws.cell(r, 1).value for r in (2, 3, 4)] == [1, 1, 3]
    assert [ws.cell(r, 2).value for r in (2, 3, 4)] == ["ya", "ya", None]
    assert ws["G2"].value == 4.77 and ws["H2"].value == "4.765"
    assert ws["G4"].value == 1.03 and ws["G4"].number_format == "0.00"
    assert ws["I2"].fill.start_color.rgb != ws["I4"].fill.start_color.rgb
    assert ws.column_dimensions["H"].width < 16  # its heading and "4.765", not a formula
    assert "Ringkasan" in book.sheetnames
    assert run("rank", str(tmp_path), "-f", "xlsx").exit_code == 2


def test_band_fills_match_the_html_report_colours(tmp_path: Path) -> None:
    """One palette (render/palette.py): the workbook's fills are the report page's band colours."""
    from spbe_cli.app.assess import RubricStore
    from spbe_cli.render.workbook.cells import band_fill

    out = tmp_path / "r.html"
    assert run("report", str(EXAMPLES / "kota-contoh-2022.yaml"), "-o", str(out)).exit_code == 0
    css = out.read_text(encoding="utf-8")
    html = {int(n): c.upper() for n, c in re.findall(r"\.band-(\d) \{ background: #(\w+)", css)}
    rubric = RubricStore().bundled()["permenpanrb-59-2020"]
    for rank, band in enumerate(rubric.bands):
        assert band_fill(rubric, band.name).start_color.rgb.endswith(html[rank])
