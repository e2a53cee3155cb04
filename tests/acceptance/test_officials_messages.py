"""What an official meets while writing a file (issue 15): fixes that mean what they say, hints
only for options the command has, the source line under a problem, every table asked for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
K2022 = EXAMPLES / "kota-contoh-2022.yaml"


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def short_form(path: Path, levels: dict[int, str], *, tahun: str = "2024") -> Path:
    lines = ["rubrik: permenpanrb-59-2020", "instansi: Pemerintah Kota Contoh", f"tahun: {tahun}"]
    lines += ["indikator:", *(f"  {i}: {levels.get(i, '3')}" for i in range(1, 48))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("indicator", "written", "fix"),
    [
        (1, "Optimum", "5"),  # process scale
        (2, "Rintisan", "1"),
        (3, "terpadu dan  terukur", "4"),  # case and spacing ignored
        (32, "Kolaborasi", "4"),  # service scale
        (33, "Informasi", "1"),
        (4, "level 2", "2"),
        (5, "'4'", "4"),
        (6, "bagus", "3"),  # nothing to go by: the middle of the range
    ],
)
def test_a_level_written_as_its_name_is_told_that_level(
    tmp_path: Path, indicator: int, written: str, fix: str
) -> None:
    file = short_form(tmp_path / "a.yaml", {indicator: written})
    result = run("validate", file, "--lang", "en")
    line = next(x for x in result.stdout.splitlines() if "SPBE103" in x)
    assert f"the level of indicator {indicator} must be a whole number" in line
    assert line.endswith(f"write for example: {fix}")


def test_a_quoted_year_is_told_to_drop_the_quotes(tmp_path: Path) -> None:
    file = short_form(tmp_path / "a.yaml", {}, tahun="'2024'")
    result = run("validate", file, "--all-warnings")
    line = next(x for x in result.stdout.splitlines() if "SPBE106" in x)
    assert line.endswith(
        "'tahun' harus berupa bilangan bulat, bukan '2024'; hapus tanda kutipnya: 2024"
    )
    english = run("validate", file, "--lang", "en").stdout
    assert "'tahun' must be a whole number, not '2024'; remove the quotes: 2024" in english


def _draft(tmp_path: Path) -> Path:
    text = K2022.read_text(encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    draft.write_text(re.sub(r"\n  12:\n    level: \d", "\n  12:\n    level: null", text))
    return draft


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["diff", str(K2022)],
        ["rank"],
        ["plan", "--target", "3"],
    ],
)
def test_commands_without_partial_never_suggest_it(tmp_path: Path, command: list[str]) -> None:
    draft = _draft(tmp_path)
    name, *rest = command
    result = run(name, *rest, draft)
    assert result.exit_code in (1, 2)
    assert "SPBE104" in result.output
    assert "--partial" not in result.output


def test_report_never_suggests_partial(tmp_path: Path) -> None:
    pytest.importorskip("jinja2")
    result = run("report", _draft(tmp_path), "-o", tmp_path / "r.html")
    assert result.exit_code == 2 and "SPBE104" in result.stderr
    assert "--partial" not in result.output


def test_score_says_once_that_partial_scores_a_draft(tmp_path: Path) -> None:
    result = run("score", _draft(tmp_path), "--lang", "en")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert "error[SPBE104]: indicators not filled in: 12;" in lines[0]
    assert "--partial" not in lines[0]
    assert lines[1] == (
        "A draft that is not complete yet can be scored with --partial: spbe score --partial FILE"
    )
    assert run("score", _draft(tmp_path), "--partial").exit_code == 0


def test_score_shows_the_source_line_and_caret_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spbe_cli.exits

    file = short_form(tmp_path / "a.yaml", {7: "yes"})
    plain = run("score", file)
    assert "^" not in plain.stderr  # piped: one line per problem, as before
    monkeypatch.setattr(spbe_cli.exits, "_on_terminal", lambda stream: True)
    monkeypatch.setenv("COLUMNS", "300")  # wide enough for one line (a terminal wraps at words)
    shown = run("score", file, "--lang", "en").stderr.splitlines()
    assert shown[0].startswith(f"{file}:11:6: error[SPBE103]")
    assert shown[1:3] == ["      7: yes", "         ^"]


def test_detail_domains_of_a_rubric_without_domains_shows_its_aspects() -> None:
    result = run("score", EXAMPLES / "kota-contoh-2026.yaml", "--detail", "domains", "--lang", "en")
    assert result.exit_code == 0
    assert "Tata Kelola dan Manajemen" in result.stdout  # aspect 1 of Pemdi 2026
    assert "Contribution" not in result.stdout  # no indicator table
    domains = run("score", K2022, "--detail", "domains", "--lang", "en").stdout
    assert "Manajemen SPBE" in domains and "Penerapan Manajemen SPBE" not in domains
