"""`spbe report` tells the truth across rubrics and reads the same for everyone (issue 14).

Through the CLI, on the repository's examples: a change of rubric is named (never "no indicator
changed"), the trend breaks there, every file's notices and the domains not shared are shown, the
Pemdi result is named as its regulation names it, numbers are written as the reader's language
writes them, a file's text cannot become markup, and the same input and date give the same bytes.
The browser's view (phone width, print) is in test_report_browser.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

pytest.importorskip("jinja2")

Y2019, Y2021, Y2022, D2022, Y2026 = (
    str(EXAMPLES / f"kota-contoh-{n}.yaml")
    for n in ("2019", "2021", "2022", "2022-dokumen", "2026")
)
DAY = ("--date", "2026-06-30")


def report(tmp_path: Path, *args: str, name: str = "laporan.html", env: dict | None = None) -> str:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["report", *args, "-o", str(out)], env=env)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


class Page(HTMLParser):
    """The page's headings and visible text (what a reader sees, without tags or styles)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.words: list[str] = []
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._in.append(tag)
        if tag == "h2":
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "style" in self._in or "title" in self._in:
            return
        self.words.append(data)
        if "h2" in self._in:
            self.headings[-1] += data

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.words).split())


def years(tmp_path: Path, count: int) -> list[str]:
    """`count` files of one agency, five stages a year from 2021 on (59/2020), levels varied."""
    source = Path(Y2022).read_text(encoding="utf-8")
    stages = ("mandiri", "dokumen", "interviu", "visitasi", "akhir")
    paths = []
    for n in range(count):
        year, stage = 2021 + n // 5, stages[n % 5]
        text = source.replace("tahun: 2022", f"tahun: {year}")
        text = text.replace("tahap: mandiri", f"tahap: {stage}")
        text = re.sub(r"level: (\d)", _varied(n), text)
        path = tmp_path / f"kota-{n:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _varied(seed: int) -> Callable[[re.Match[str]], str]:
    """Levels moved by -1, 0 or +1 in turn, so the files differ and the trend moves."""
    shifts = iter([0, 1, -1][seed % 3 :] * 100)
    return lambda m: f"level: {min(5, max(1, int(m[1]) + next(shifts)))}"


# ---- across rubrics --------------------------------------------------------------------------


def test_a_change_of_rubric_is_named_and_never_called_no_change(tmp_path: Path) -> None:
    page = Page(report(tmp_path, Y2019, D2022, Y2026, *DAY))
    text = page.text
    assert "Tidak ada indikator yang berubah" not in text
    assert "Rubrik berbeda: permenpanrb-59-2020 dan pemdi-8-2026" in text
    assert "Indeks SPBE 2,69 (Baik) → Indeks Pemerintah Digital (Indeks Pemdi) 3,01 (Baik)" in text
    assert "Rubrik berganti 2 kali" in text
    for rubric in ("permenpanrb-5-2018", "permenpanrb-59-2020", "pemdi-8-2026"):
        assert f"Rubrik {rubric} (" in text  # a row of the trend table where it starts


def test_the_trend_line_breaks_where_the_rubric_changes(tmp_path: Path) -> None:
    html = report(tmp_path, Y2021, Y2022, D2022, Y2026, *DAY)
    trend = re.search(r'<svg class="chart-trend".*?</svg>', html, re.S)
    assert trend is not None
    main = re.search(r'<g class="line-main".*?</g>', trend[0], re.S)
    assert main is not None
    assert main[0].count("<polyline") == 1  # 2021 → 2022 → 2022 dokumen; 2026 stands alone
    assert main[0].count("<circle") == 4
    assert trend[0].count('class="break"') == 1
    rows = re.search(r'<table id="trend-table">.*?</table>', html, re.S)
    assert rows is not None
    changes = re.findall(r"<tr><td>(\d{4}) (\w+)</td><td>[^<]*</td><td>([^<]*)</td>", rows[0])
    assert [c[2] for c in changes] == ["–", "+1,10", "-0,10", "–"]  # 1,69 2,79 2,69 | 3,01


def test_every_files_notices_and_the_unshared_domains_are_shown(tmp_path: Path) -> None:
    text = Page(report(tmp_path, Y2019, Y2022, Y2026, *DAY)).text
    assert (
        "rubrik permenpanrb-5-2018 (Peraturan Menteri PANRB Nomor 5 Tahun 2018) berstatus" in text
    )
    assert "rubrik pemdi-8-2026 (Peraturan Menteri PANRB Nomor 8 Tahun 2026) berstatus" in text
    unshared = re.search(r"tidak ditampilkan dalam tren\): ([^.]*)", text)
    assert unshared is not None
    for domain in ("Kebijakan Internal SPBE", "Tata Kelola SPBE", "Layanan SPBE", "Manajemen SPBE"):
        assert domain in unshared[1]


def test_indonesian_pages_carry_no_english_paragraph(tmp_path: Path) -> None:
    text = Page(report(tmp_path, Y2019, Y2026, *DAY)).text
    for english in ("provisional", "secondary sources", "was not seen", "Notice", "exact value"):
        assert english not in text


# ---- the Pemdi index's own name, from the rubric ---------------------------------------------


def test_the_pemdi_result_is_named_as_its_regulation_names_it(tmp_path: Path) -> None:
    page = Page(report(tmp_path, Y2026, *DAY))
    assert page.headings.count("Indeks per aspek") == 1
    assert "Laporan Evaluasi Pemerintah Digital" in page.text
    assert "Indeks Pemerintah Digital (Indeks Pemdi) 3,01" in page.text
    assert "SPBE" not in page.text.replace("spbe-cli", "").replace("spbe rubric", "")
    english = Page(report(tmp_path, Y2026, *DAY, "--lang", "en", name="en.html")).text
    assert "Digital Government Evaluation Report" in english
    assert "Digital Government Index (Pemdi Index) 3.01" in english


def test_a_custom_rubric_without_names_gets_the_spbe_defaults(tmp_path: Path) -> None:
    rubric = (FIXTURES / "rank" / "mini-rubric.yaml").read_text(encoding="utf-8")
    assert "index_name" not in rubric
    (tmp_path / "mini.yaml").write_text(rubric, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "rubrik: ./mini.yaml\ninstansi: Kota Mini\ntahun: 2022\n"
        "indikator: {1: 2, 2: 3, 3: 4, 4: 4}\n",
        encoding="utf-8",
    )
    text = Page(report(tmp_path, str(tmp_path / "a.yaml"), *DAY)).text
    assert "Laporan Evaluasi SPBE" in text and "Indeks SPBE 3,40" in text


# ---- numbers as people read them -------------------------------------------------------------


def test_decimals_follow_the_language_and_no_fraction_is_shown(tmp_path: Path) -> None:
    text = Page(report(tmp_path, Y2019, *DAY)).text  # 593/300 = 1.97666...
    assert "1,98" in text and "nilai pasti 1,9766…" in text
    assert "593/300" not in text and not re.search(r"\d/\d", text)
    assert "1,80 ≤ x < 2,60" in text  # the band legend
    english = Page(report(tmp_path, Y2019, *DAY, "--lang", "en", name="en.html")).text
    assert "1.98" in english and "exact value 1.9766…" in english and "1,98" not in english


def test_domains_run_one_to_four_with_their_values_written_on_the_bars(tmp_path: Path) -> None:
    html = report(tmp_path, Y2022, *DAY)
    domains = re.search(r'<section id="domains">.*?</section>', html, re.S)
    assert domains is not None
    assert re.findall(r'<td class="id">(\d+)</td>', domains[0]) == ["1", "2", "3", "4"]
    assert re.findall(r'<span class="v">([^<]+)</span>', domains[0]) == [
        "2,90",
        "2,50",
        "1,73",
        "3,31",
    ]


# ---- what is shown, and what is not ----------------------------------------------------------


@pytest.mark.parametrize(
    "files",
    [(Y2022,), (Y2026,), (Y2019, D2022, Y2026), (Y2021, Y2022)],
    ids=["one", "pemdi", "three-rubrics", "two-years"],
)
def test_no_heading_twice_and_no_chart_library_leftovers(
    tmp_path: Path, files: Sequence[str]
) -> None:
    html = report(tmp_path, *files, *DAY, "--target", "4")
    page = Page(html)
    assert len(page.headings) == len(set(page.headings)), page.headings
    for leftover in ("Pygal", "pygal", "1.570796327", "<title>Pygal", "<script", "<desc"):
        assert leftover not in html
    assert "print-color-adjust: exact" in html
    assert "Dibuat 30 Juni 2026" in page.text


def test_the_radar_names_the_aspects(tmp_path: Path) -> None:
    html = report(tmp_path, Y2022, *DAY)
    radar = re.search(r'<svg class="chart-radar wide".*?</svg>', html, re.S)
    assert radar is not None
    assert "Kebijakan Internal" in radar[0] and "Tata Kelola SPBE" in radar[0]
    assert "1 · 2,90" in radar[0]  # the aspect's id and value at its spoke
    assert 'id="aspect-table"' in html


def test_all_levels_equal_says_so_instead_of_two_equal_lists(tmp_path: Path) -> None:
    source = Path(Y2022).read_text(encoding="utf-8")
    flat = re.sub(r"level: \d", "level: 3", source).replace("  26: 1\n", "  26: 3\n")
    (tmp_path / "flat.yaml").write_text(flat, encoding="utf-8")
    html = report(tmp_path, str(tmp_path / "flat.yaml"), *DAY)
    assert "Semua indikator berada pada tingkat 3" in Page(html).text
    assert "Indikator terkuat</h3>" not in html and "Potensi" not in html


def test_no_after_the_plan_series_when_the_target_is_met(tmp_path: Path) -> None:
    html = report(tmp_path, Y2022, *DAY, "--target", "2.5")
    assert "Target sudah tercapai" in Page(html).text
    assert 'class="series-after"' not in html and "Setelah rencana" not in html
    planned = report(tmp_path, Y2022, *DAY, "--target", "3.5", name="plan.html")
    assert 'class="series-after"' in planned and "Setelah rencana" in planned


# ---- untrusted text --------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script> {{7*7}} <img src=x onerror=alert(2)> "Kota" & Co'


def test_a_hostile_agency_name_is_only_text(tmp_path: Path) -> None:
    source = Path(Y2022).read_text(encoding="utf-8")
    hostile = source.replace("nama: Pemerintah Kota Contoh", f"nama: '{HOSTILE}'")
    (tmp_path / "h.yaml").write_text(hostile, encoding="utf-8")
    html = report(tmp_path, str(tmp_path / "h.yaml"), *DAY)
    assert "<script" not in html and "<img" not in html and "{{7*7}}" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "49" not in Page(html).text
    assert HOSTILE in Page(html).text  # the reader sees the name exactly as written


def test_hostile_rubric_names_are_escaped_in_the_charts_too(tmp_path: Path) -> None:
    """A custom rubric's aspect names reach the radar's SVG, which the template inserts as it is:
    the chart code escapes them itself."""
    rubric = (FIXTURES / "rank" / "mini-rubric.yaml").read_text(encoding="utf-8")
    rubric = rubric.replace("Aspek Kebijakan", "<b onmouseover=x>Aspek</b>")
    rubric = rubric.replace(
        "        weight: 60\n        indicators:\n"
        "          - {id: 3, name: Indikator Tiga, weight: 30, scale: proses}\n",
        "        weight: 30\n        indicators:\n"
        "          - {id: 3, name: Indikator Tiga, weight: 30, scale: proses}\n"
        '      - id: 3\n        name: "</svg><script>x</script>"\n        weight: 30\n'
        "        indicators:\n",
    )
    (tmp_path / "mini.yaml").write_text(rubric, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "rubrik: ./mini.yaml\ninstansi: Kota Mini\ntahun: 2022\n"
        "indikator: {1: 2, 2: 3, 3: 4, 4: 4}\n",
        encoding="utf-8",
    )
    html = report(tmp_path, str(tmp_path / "a.yaml"), *DAY)
    assert html.count("<svg") == 2  # three aspects: the radar is drawn
    assert "<b " not in html and "<script" not in html and html.count("</svg>") == 2
    assert "&lt;/svg&gt;&lt;script&gt;" in html


# ---- the same bytes --------------------------------------------------------------------------


def test_the_same_files_and_date_give_the_same_bytes(tmp_path: Path) -> None:
    files = (Y2019, Y2021, D2022, Y2026)
    first = report(tmp_path, *files, *DAY, "--target", "3.5", name="a.html")
    second = report(tmp_path, *files, *DAY, "--target", "3.5", name="b.html")
    assert first == second
    epoch = {"SOURCE_DATE_EPOCH": "1782777600"}  # 2026-06-30T00:00:00Z
    by_epoch = report(tmp_path, *files, "--target", "3.5", name="c.html", env=epoch)
    assert by_epoch == first


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (("--date", "30/06/2026"), None, "--date"),
        ((), {"SOURCE_DATE_EPOCH": "soon"}, "SOURCE_DATE_EPOCH"),
        ((), {"SOURCE_DATE_EPOCH": "9" * 40}, "SOURCE_DATE_EPOCH"),
    ],
)
def test_a_bad_date_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...], env: dict | None, says: str
) -> None:
    out = tmp_path / "x.html"
    result = CliRunner().invoke(app, ["report", Y2022, "-o", str(out), *args], env=env)
    assert result.exit_code == 2 and says in result.output and not out.exists()
    assert "Traceback" not in result.output


# ---- a long trend ----------------------------------------------------------------------------


def test_twenty_five_files_make_one_row_each_and_a_readable_axis(tmp_path: Path) -> None:
    html = report(tmp_path, *years(tmp_path, 25), *DAY)
    rows = re.search(r'<table id="trend-table">.*?</table>', html, re.S)
    assert rows is not None and rows[0].count("<tr><td>20") == 25
    axis = re.search(r'<g class="c-x"[^>]*>(.*?)</g>', html, re.S)
    assert axis is not None
    assert re.findall(r">([^<]+)</text>", axis[1]) == ["2021", "2022", "2023", "2024", "2025"]
    assert len(html.encode()) < 80_000


@pytest.mark.slow
def test_six_hundred_files_stay_small(tmp_path: Path) -> None:
    """Issue 17 measured a 1.16 MB page for 600 files (a 600-column table)."""
    html = report(tmp_path, *years(tmp_path, 600), *DAY)
    rows = re.search(r'<table id="trend-table">.*?</table>', html, re.S)
    assert rows is not None and rows[0].count("<tr><td>2") == 600
    assert len(html.encode()) < 250_000
