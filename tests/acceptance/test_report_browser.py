"""`spbe report` in a real browser: a phone's width, a laptop's, and an A4 print (issue 14).

Headless Chromium measures what a reader meets: no sideways scrolling at 390 px, no chart text
under 11 px there, and in the PDF every trend row present and nothing past the page's edge (25
files once lost their latest 9 results off the A4 edge). Skipped without Chromium (.ci/run
installs Debian's) or without poppler's pdftotext for the print checks.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_report_honest import DAY, report, years

pytest.importorskip("jinja2")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed"),
]

THREE = [str(EXAMPLES / f"kota-contoh-{n}.yaml") for n in ("2019", "2022-dokumen", "2026")]

PROBE = """<script>
(function () {
  var shown = function (e) { return getComputedStyle(e).display !== 'none'; };
  var svgs = Array.from(document.querySelectorAll('svg')).filter(shown);
  var smallest = 1000, where = '';
  svgs.forEach(function (svg) {
    var scale = svg.getScreenCTM().a;
    svg.querySelectorAll('text').forEach(function (t) {
      if (!shown(t) || !t.textContent.trim()) { return; }
      var px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < smallest) { smallest = px; where = t.textContent; }
    });
  });
  var wide = Array.from(document.querySelectorAll('.wide'))
    .filter(function (e) { return e.scrollWidth > e.clientWidth + 1; })
    .map(function (e) { return e.firstElementChild.id || e.parentElement.id; });
  parent.document.body.setAttribute('data-probe', JSON.stringify({
    page: document.documentElement.scrollWidth, view: window.innerWidth,
    charts: svgs.length, smallest: smallest, where: where, scrolling: wide}));
})();
</script></body>"""


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium() or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def probe(tmp_path: Path, html: str, width: int) -> dict:
    """The report measured in a frame `width` px wide (headless Chromium will not make its
    window narrower than 500 px, a frame it will; the page's media queries see the frame)."""
    framed = escape(html.replace("</body>", PROBE), quote=True)
    page = tmp_path / f"probe-{width}.html"
    page.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe width="{width}" height="1200" '
        f'style="border:0" srcdoc="{framed}"></iframe></body></html>',
        encoding="utf-8",
    )
    run = _run(["--window-size=1400,1300", "--dump-dom", page.as_uri()], tmp_path / f"p{width}")
    assert run.returncode == 0, run.stderr
    found = re.search(r'data-probe="([^"]*)"', run.stdout)
    assert found is not None, run.stdout[-2000:]
    return json.loads(found[1].replace("&quot;", '"'))


@pytest.mark.parametrize("case", ["three-rubrics", "twenty-five"])
def test_a_phone_reads_everything_without_scrolling_sideways(tmp_path: Path, case: str) -> None:
    files = THREE if case == "three-rubrics" else years(tmp_path, 25)
    html = report(tmp_path, *files, *DAY, "--target", "3.5")
    phone = probe(tmp_path, html, 390)
    assert phone["page"] <= phone["view"] == 390, phone
    assert phone["scrolling"] == [], phone  # no table needs its own sideways scroll either
    assert phone["charts"] == 2, phone  # the compact radar and the trend
    assert phone["smallest"] >= 11, phone
    laptop = probe(tmp_path, html, 1280)
    assert laptop["page"] <= laptop["view"] and laptop["scrolling"] == [], laptop
    assert laptop["charts"] == 2 and laptop["smallest"] >= 11, laptop


def _pdf_words(pdf: Path) -> list[tuple[float, float, str]]:
    """(xMax, page width, word) for every word of the PDF, from pdftotext's bounding boxes."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    page_width = 0.0
    for line in out.splitlines():
        if line.strip().startswith("<page "):
            page_width = float(re.search(r'width="([\d.]+)"', line)[1])  # type: ignore[index]
        word = re.search(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', line)
        if word:
            words.append((float(word[1]), page_width, word[2]))
    return words


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_an_a4_print_holds_every_trend_row_inside_the_page(tmp_path: Path) -> None:
    html = report(tmp_path, *years(tmp_path, 25), *DAY)
    page = tmp_path / "laporan.html"
    pdf = tmp_path / "laporan.pdf"
    run = _run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()], tmp_path / "pp")
    assert run.returncode == 0 and pdf.exists(), run.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
    words = _pdf_words(pdf)
    assert words and all(x_max <= width for x_max, width, _ in words), "text past the A4 edge"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    rows = re.findall(
        r"^\s*(20\d\d)\s+(mandiri|dokumen|interviu|visitasi|akhir)\s+\d,\d\d", text, re.M
    )
    assert len(rows) == 25 and rows[-1] == ("2025", "akhir")
    assert "print-color-adjust: exact" in html
