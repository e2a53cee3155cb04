"""`spbe report`: the HTML file's content, its self-containment, and a real headless browser.

The report model it is built from is in tests/unit/test_report_model.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.cli.main import app
from spbe_cli.core.report_model import SeveralAgencies, build_report

pytest.importorskip("jinja2")

Y2021, Y2022 = (str(EXAMPLES / f"kota-contoh-{y}.yaml") for y in (2021, 2022))


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def card(path: str) -> object:
    outcome = assess(Path(path), RubricStore())
    assert outcome.scorecard is not None
    return outcome.scorecard


def make(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "laporan.html"
    result = run("report", *args, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_model_refuses_several_agencies(tmp_path: Path) -> None:
    other = tmp_path / "lain.yaml"
    other.write_text(Path(Y2022).read_text(encoding="utf-8").replace("Kota Contoh", "Kota Lain"))
    with pytest.raises(SeveralAgencies):
        build_report([card(Y2022), card(str(other))], date(2026, 6, 30))
    result = run("report", Y2022, str(other), "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 2 and "Kota Lain" in result.output


def test_html_content_is_self_contained_and_printable(tmp_path: Path) -> None:
    html = make(tmp_path, Y2021, Y2022, "--target", "Sangat Baik")
    assert 'id="index-value">2,79<' in html
    assert "Baik" in html and "Pemerintah Kota Contoh" in html and "permenpanrb-59-2020" in html
    assert html.count("<svg") == 3  # the radar (wide and a phone's compact one), the trend
    assert "Setelah rencana" in html and "Rencana menuju indeks 3,50" in html
    assert "Tingkat Kematangan Kolaborasi Penerapan SPBE" in html
    assert not re.search(r"https?://", html), "a self-contained report references no URL"
    assert "<script" not in html and "<link" not in html
    assert "@page { size: A4" in html and "break-inside: avoid" in html
    assert "display: table-header-group" in html


def test_english_and_refusing_to_overwrite(tmp_path: Path) -> None:
    html = make(tmp_path, Y2022, "--lang", "en")
    assert "SPBE Evaluation Report" in html and "Strongest indicators" in html
    assert "Laporan Evaluasi" not in html
    out = tmp_path / "laporan.html"
    result = run("report", Y2022, "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.output
    assert "SPBE Evaluation Report" in out.read_text(encoding="utf-8")
    assert run("report", Y2022, "-o", str(out), "--force").exit_code == 0
    assert "Laporan Evaluasi SPBE" in out.read_text(encoding="utf-8")


def test_rubric_without_domains_gets_aspect_bars(tmp_path: Path) -> None:
    html = make(tmp_path, str(EXAMPLES / "kota-contoh-2026.yaml"))
    assert html.count("<svg") == 2 and "Indeks per aspek" in html


def test_missing_extra_exits_2_with_the_install_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    out = tmp_path / "x.html"
    result = run("report", Y2022, "-o", str(out))
    assert result.exit_code == 2
    assert "pip install 'spbe-cli[report]'" in result.output
    assert not out.exists()


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


PROBE = """<script>
document.body.setAttribute('data-svg', JSON.stringify(Array.from(document.querySelectorAll('svg'))
  .filter(function (s) { return getComputedStyle(s).display !== 'none'; })
  .map(function (s) { var r = s.getBoundingClientRect(); return [r.width, r.height]; })));
document.body.setAttribute('data-index', document.getElementById('index-value').textContent);
</script></body>"""


def _browser(html: Path, *extra: str, profile: Path) -> subprocess.CompletedProcess[str]:
    args = [
        _chromium() or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", "--window-size=1280,2000", *extra,
        html.as_uri(),
    ]  # fmt: skip
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (.ci/run installs it)")
def test_a_real_browser_renders_the_charts_and_headline(tmp_path: Path) -> None:
    html = make(tmp_path, Y2021, Y2022, "--target", "3.5")
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", PROBE), encoding="utf-8")
    dom = _browser(probe, "--dump-dom", profile=tmp_path / "p1")
    assert dom.returncode == 0, dom.stderr
    sizes = json.loads(re.search(r"data-svg=\"([^\"]*)\"", dom.stdout)[1].replace("&quot;", '"'))
    assert len(sizes) == 2 and all(w > 100 and h > 100 for w, h in sizes)  # radar, trend
    assert 'data-index="2,79"' in dom.stdout
    png = tmp_path / "shot.png"
    shot = _browser(tmp_path / "laporan.html", f"--screenshot={png}", profile=tmp_path / "p2")
    assert shot.returncode == 0, shot.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 50_000
