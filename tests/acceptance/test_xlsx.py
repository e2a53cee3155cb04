"""--format xlsx: workbooks read back with openpyxl, their formulas recomputed by a small evaluator.

The evaluator below understands exactly the forms the writer emits (cell references, ranges,
+ - * /, parentheses, ROUND and SUMPRODUCT) and computes with Fractions, rounding like Excel's
ROUND (halves away from zero). A formula that drifts from our figures fails these tests.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

openpyxl = pytest.importorskip("openpyxl")

TOKEN = re.compile(
    r"\s*(?:(?P<ref>(?:'(?:[^']|'')+'!)?\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)"
    r"|(?P<num>\d+(?:\.\d+)?)|(?P<fn>[A-Z]+)\(|(?P<op>[-+*/(),]))"
)


class Evaluator:
    """Evaluates the workbook's formulas exactly (Fractions), following references recursively."""

    def __init__(self, book: object) -> None:
        self.book = book

    def cell(self, sheet: str, ref: str) -> Fraction:
        value = self.book[sheet][ref.replace("$", "")].value  # type: ignore[index]
        if value is None:
            return Fraction(0)
        if isinstance(value, str) and value.startswith("="):
            return self.formula(value, sheet)
        assert isinstance(value, int | float | Decimal) and not isinstance(value, bool), value
        return Fraction(str(value))

    def formula(self, text: str, sheet: str) -> Fraction:
        saved = getattr(self, "tokens", None), getattr(self, "pos", 0), getattr(self, "sheet", "")
        self.tokens = list(TOKEN.finditer(text[1:]))
        assert "".join(m.group(0) for m in self.tokens).strip() == text[1:].strip(), text
        self.pos, self.sheet = 0, sheet
        value = self._sum()
        assert self.pos == len(self.tokens), text
        self.tokens, self.pos, self.sheet = saved  # a referenced formula is evaluated mid-parse
        return value  # type: ignore[return-value]

    def _peek(self) -> str | None:
        return self.tokens[self.pos].group("op") if self.pos < len(self.tokens) else None

    def _sum(self) -> object:
        value = self._product()
        while self._peek() in ("+", "-"):
            op = self._peek()
            self.pos += 1
            other = self._product()
            value = value + other if op == "+" else value - other  # type: ignore[operator]
        return value

    def _product(self) -> object:
        value = self._atom()
        while self._peek() in ("*", "/"):
            op = self._peek()
            self.pos += 1
            other = self._atom()
            value = value * other if op == "*" else value / other  # type: ignore[operator]
        return value

    def _atom(self) -> object:
        token = self.tokens[self.pos]
        self.pos += 1
        if token.group("num"):
            return Fraction(token.group("num"))
        if token.group("ref"):
            return self._reference(token.group("ref"))
        if token.group("fn"):
            return self._call(token.group("fn"))
        if token.group("op") == "(":
            value = self._sum()
            assert self._peek() == ")"
            self.pos += 1
            return value
        if token.group("op") == "-":
            return -self._atom()  # type: ignore[operator]
        raise AssertionError(token.group(0))

    def _reference(self, ref: str) -> object:
        sheet = self.sheet
        if "!" in ref:
            quoted, ref = ref.rsplit("!", 1)
            sheet = quoted.strip("'").replace("''", "'")
        if ":" not in ref:
            return self.cell(sheet, ref)
        ws = self.book[sheet]  # type: ignore[index]
        return [self.cell(sheet, c.coordinate) for row in ws[ref.replace("$", "")] for c in row]

    def _call(self, name: str) -> Fraction:
        args = [self._sum()]
        while self._peek() == ",":
            self.pos += 1
            args.append(self._sum())
        assert self._peek() == ")"
        self.pos += 1
        if name == "SUMPRODUCT":
            return sum((a * b for a, b in zip(*args, strict=True)), Fraction(0))
        if name == "ROUND":
            return excel_round(args[0], int(args[1]))  # type: ignore[arg-type]
        raise AssertionError(name)


def excel_round(value: Fraction, digits: int) -> Fraction:
    """Excel's ROUND: halves away from zero."""
    scale = Fraction(10) ** digits
    magnitude = int(abs(value) * scale + Fraction(1, 2))
    return Fraction(-magnitude if value < 0 else magnitude) / scale


def test_evaluator_rounds_halves_away_from_zero() -> None:
    assert excel_round(Fraction("4.765"), 2) == Fraction("4.77")
    assert excel_round(Fraction("1.025"), 2) == Fraction("1.03")
    assert excel_round(Fraction("-1.025"), 2) == Fraction("-1.03")
    assert excel_round(Fraction("2.7949"), 2) == Fraction("2.79")


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def workbook(path: Path) -> object:
    return openpyxl.load_workbook(path)


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


def test_score_workbook_values_formats_and_fills(tmp_path: Path) -> None:
    out = tmp_path / "skor.xlsx"
    result = run("score", str(EXAMPLES / "kota-contoh-2022.yaml"), "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    book = workbook(out)
    assert book.sheetnames == ["Ringkasan", "Indikator", "Aspek", "Domain"]
    summary = book["Ringkasan"]
    assert summary.freeze_panes == "A2"
    assert summary["F1"].value == "Indeks SPBE"
    assert summary["G2"].value == "2.792" and summary["H2"].value == "Baik"
    assert summary["F2"].number_format == "0.00"
    assert summary["H2"].fill.fill_type == "solid"
    assert Evaluator(book).cell("Ringkasan", "F2") == Fraction("2.79")
    ind = book["Indikator"]
    assert ind.freeze_panes == "A2"
    assert ind["C2"].value == 1 and isinstance(ind["E2"].value, int)
    assert ind["G2"].value == 1.3 and ind["H2"].value == "1.3"
    assert ind["I2"].value == "=E2*G2/100" and ind["J2"].value == "0.039"
    assert ind.column_dimensions["D"].width > 20
    domains = book["Domain"]
    shown = [Evaluator(book).cell("Domain", f"E{r}") for r in range(2, 6)]
    assert shown == [Fraction(v) for v in ("2.90", "2.50", "1.73", "3.31")]
    fills = {domains[f"G{r}"].fill.start_color.rgb for r in range(2, 6)}
    assert len(fills) == 3  # Baik, Cukup, Kurang each in their band's colour


@pytest.mark.parametrize(("key", "shown"), [("4.765", "4.77"), ("1.025", "1.03")])
def test_index_formula_rounds_ties_like_we_do(tmp_path: Path, key: str, shown: str) -> None:
    vectors = yaml.safe_load((FIXTURES / "exact-indices.yaml").read_text(encoding="utf-8"))
    path = write_levels(tmp_path, "tie", vectors[key])
    out = tmp_path / "tie.xlsx"
    assert run("score", str(path), "-f", "xlsx", "-o", str(out)).exit_code == 0
    book = workbook(out)
    assert book["Ringkasan"]["G2"].value == key
    assert Evaluator(book).cell("Ringkasan", "F2") == Fraction(shown)


def test_every_group_formula_matches_the_scorecard(tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    assert run("score", str(EXAMPLES / "kota-contoh-2021.yaml"), "-f", "xlsx", "-o", str(out))
    book = workbook(out)
    ev = Evaluator(book)
    for sheet in ("Aspek", "Domain"):
        ws = book[sheet]
        for row in range(2, ws.max_row + 1):
            assert str(ws[f"E{row}"].value).startswith("=ROUND(SUMPRODUCT(")
            exact = Fraction(ws[f"F{row}"].value)
            assert ev.cell(sheet, f"E{row}") == excel_round(exact, 2)
    ind = book["Indikator"]
    for row in range(2, ind.max_row + 1):
        assert ev.cell("Indikator", f"I{row}") == Fraction(ind[f"J{row}"].value)


def test_5_2018_weights_are_exact_formulas(tmp_path: Path) -> None:
    out = tmp_path / "s19.xlsx"
    assert run("score", str(EXAMPLES / "kota-contoh-2019.yaml"), "-f", "xlsx", "-o", str(out))
    book = workbook(out)
    ind = book["Indikator"]
    weights = [ind[f"G{r}"].value for r in range(2, ind.max_row + 1)]
    assert any(isinstance(w, str) and w.startswith("=") and "/" in w for w in weights)
    ev = Evaluator(book)
    summary = book["Ringkasan"]
    assert ev.cell("Ringkasan", "F2") == excel_round(Fraction(summary["G2"].value), 2)


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
    book = workbook(out)
    assert book.sheetnames == ["Index and domains", "Indicators"]
    ev = Evaluator(book)
    groups = book["Index and domains"]
    assert groups["A2"].value == "SPBE index"
    assert (groups["D2"].value, groups["E2"].value) == (1.69, 2.79)
    assert ev.cell("Index and domains", "F2") == Fraction("1.10")
    assert groups["H2"].fill.start_color.rgb != groups["I2"].fill.start_color.rgb
    ind = book["Indicators"]
    effects = [ev.cell("Indicators", f"F{r}") for r in range(2, ind.max_row + 1)]
    assert effects == [Fraction(ind[f"G{r}"].value) for r in range(2, ind.max_row + 1)]
    assert sum(effects) == Fraction(groups["G2"].value) == Fraction("2.792") - Fraction("1.6895")


def test_trend_workbook(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    files = [str(EXAMPLES / f"kota-contoh-{y}.yaml") for y in (2022, 2021)]
    assert run("diff", *files, str(EXAMPLES / "kota-contoh-2022-dokumen.yaml"), "-f", "xlsx",
               "-o", str(out)).exit_code == 0  # fmt: skip
    ws = workbook(out)["Tren"]
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
    book = workbook(out)
    ws = book["Peringkat"]
    assert [ws.cell(r, 1).value for r in (2, 3, 4)] == [1, 1, 3]
    assert [ws.cell(r, 2).value for r in (2, 3, 4)] == [True, True, False]
    assert ws["G2"].value == 4.77 and ws["H2"].value == "4.765"
    assert ws["G4"].value == 1.03 and ws["G4"].number_format == "0.00"
    assert ws["I2"].fill.start_color.rgb != ws["I4"].fill.start_color.rgb
    assert "Ringkasan" in book.sheetnames
    assert run("rank", str(tmp_path), "-f", "xlsx").exit_code == 2


def test_missing_extra_is_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = run("score", str(EXAMPLES / "kota-contoh-2022.yaml"), "-f", "xlsx", "-o",
                 str(tmp_path / "x.xlsx"))  # fmt: skip
    assert result.exit_code == 2
    assert "pip install 'spbe-cli[report]'" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_band_fills_match_the_html_report_colours(tmp_path: Path) -> None:
    """One palette (render/palette.py): the workbook's fills are the report page's band colours."""
    import re

    from spbe_cli.app.assess import RubricStore
    from spbe_cli.render.xlsx_out import band_fill

    out = tmp_path / "r.html"
    assert run("report", str(EXAMPLES / "kota-contoh-2022.yaml"), "-o", str(out)).exit_code == 0
    css = out.read_text(encoding="utf-8")
    html = {int(n): c.upper() for n, c in re.findall(r"\.band-(\d) \{ background: #(\w+)", css)}
    rubric = RubricStore().bundled()["permenpanrb-59-2020"]
    for rank, band in enumerate(rubric.bands):
        assert band_fill(rubric, band.name).start_color.rgb.endswith(html[rank])
