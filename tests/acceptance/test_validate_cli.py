"""`spbe validate` through the real entry point: every problem, the formats, gates, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
K2022 = EXAMPLES / "kota-contoh-2022.yaml"
K2021 = EXAMPLES / "kota-contoh-2021.yaml"
BROKEN = FIXTURES / "validate"


def validate(*args: str | Path):
    return runner.invoke(app, ["validate", "--lang", "en", *map(str, args)])


def test_examples_are_valid() -> None:
    result = validate(EXAMPLES)
    assert result.exit_code == 0, result.stdout
    assert "5 files, 5 valid, 0 with errors" in result.stdout


def test_every_problem_of_every_file(tmp_path: Path) -> None:
    result = validate(BROKEN / "two-problems.yaml", K2022, BROKEN / "missing.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{BROKEN / 'two-problems.yaml'}:6:6: error[SPBE103]" in lines[0]
    assert f"{BROKEN / 'two-problems.yaml'}:7:3: error[SPBE101]" in lines[1]
    assert f"{BROKEN / 'missing.yaml'}:9:1: error[SPBE104]" in lines[2]
    assert lines[-1] == "3 files, 1 valid, 2 with errors, 0 warnings"


def test_warnings_do_not_fail_unless_strict(tmp_path: Path) -> None:
    file = tmp_path / "short.yaml"
    text = K2022.read_text(encoding="utf-8").replace("tahun: 2022", "tahun: 2019")
    file.write_text(text, encoding="utf-8")
    result = validate(file)
    assert result.exit_code == 0
    assert f"{file}:7:8: warning[SPBE354]" in result.stdout
    strict = validate(file, "--strict")
    assert strict.exit_code == 1
    assert f"{file}:7:8: error[SPBE354]" in strict.stdout


def test_future_year_warns(tmp_path: Path) -> None:
    file = tmp_path / "future.yaml"
    file.write_text(K2022.read_text(encoding="utf-8").replace("tahun: 2022", "tahun: 9999"))
    assert "warning[SPBE353]" in validate(file).stdout


def test_agency_that_differs_within_a_folder(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(K2022, tmp_path / name)
    odd = K2021.read_text(encoding="utf-8").replace("Pemerintah Kota Contoh", "Pemkot Contoh")
    (tmp_path / "c.yaml").write_text(odd, encoding="utf-8")
    assert "SPBE355" not in validate(tmp_path).stdout  # only when asked for
    result = validate(tmp_path, "--check-agency")
    assert result.exit_code == 0
    warned = [line for line in result.stdout.splitlines() if "SPBE355" in line]
    assert len(warned) == 1 and warned[0].startswith(f"{tmp_path / 'c.yaml'}:4:9: warning")


def test_json_format() -> None:
    result = validate("--format", "json", BROKEN / "two-problems.yaml")
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["code"] for r in records] == ["SPBE103", "SPBE101"]
    assert set(records[0]) == {"file", "line", "column", "severity", "code", "message"}
    assert (records[0]["line"], records[0]["column"], records[0]["severity"]) == (6, 6, "error")
    assert "whole number" in records[0]["message"]


def test_json_of_valid_files_is_an_empty_list() -> None:
    result = validate("-f", "json", K2022)
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_github_format() -> None:
    result = validate("--format", "github", BROKEN / "two-problems.yaml")
    first = result.stdout.splitlines()[0]
    assert first.startswith(
        f"::error file={BROKEN / 'two-problems.yaml'},line=6,col=6,title=SPBE103::"
    )
    assert "[SPBE103]" in first


def test_github_escapes_newlines_and_separators() -> None:
    from spbe_cli.model.problems import Located, Problem
    from spbe_cli.render.validate_out import github_line

    item = Located(
        Problem("SPBE005", (), {"kind": "YAML", "detail": "a\nb 100%"}), "x,y:z.yaml", 1, 2
    )
    assert github_line(item, "en") == (
        "::error file=x%2Cy%3Az.yaml,line=1,col=2,title=SPBE005::"
        "[SPBE005] invalid YAML syntax: a%0Ab 100%25"
    )


def test_junit_format() -> None:
    result = validate(
        "--format", "junit", BROKEN / "two-problems.yaml", K2022, BROKEN / "unexplained.yaml"
    )
    suite = ET.fromstring(result.stdout)
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    cases = suite.findall("testcase")
    assert [c.find("failure") is not None for c in cases] == [True, False, False]
    assert cases[0].find("failure").get("type") == "SPBE103"
    assert "SPBE351" in cases[2].find("system-out").text


def test_fail_under_and_min_predicate_are_errors_of_the_file() -> None:
    result = validate(K2021, K2022, "--fail-under", "2.6")
    assert result.exit_code == 1
    assert f"{K2021}:1:1: error[SPBE361]: index 1.69" in result.stdout
    assert "1 with errors" in result.stdout
    by_predicate = validate(K2021, K2022, "--min-predicate", "baik")
    assert by_predicate.exit_code == 1 and "SPBE362" in by_predicate.stdout
    assert validate(K2022, "--min-predicate", "baik", "--fail-under", "2.79").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--min-predicate", "hebat"],
        ["--fail-under", "abc"],
        ["--format", "xml"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert validate(K2022, *args).exit_code == 2


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = validate(tmp_path)
    assert result.exit_code == 2 and "no assessment files" in result.stderr


def test_source_line_under_the_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    # What `spbe validate` prints on a terminal (CliRunner is none): the app reads the lines.
    # A terminal wide enough for the message on one line (wrapping: test_validate_terminal.py).
    monkeypatch.setenv("COLUMNS", "300")
    import io
    from datetime import date

    from spbe_cli.app.validate import Options
    from spbe_cli.app.validate_stream import run_validate

    out, err = io.StringIO(), io.StringIO()
    files = [str(BROKEN / "two-problems.yaml")]
    run_validate(files, Options(date(2024, 6, 1)), "text", "en", out, err, with_sources=True)
    lines = out.getvalue().splitlines()
    assert lines[1] == "      1: yes" and lines[2] == "         ^"


def test_source_excerpt_cannot_send_escape_sequences() -> None:
    from spbe_cli.render.validate_out import _excerpt

    assert _excerpt("a: \x1b[2Jx", 4) == "    a: \ufffd[2Jx\n       ^\n"
    assert _excerpt("\tb: 1", 2) == "    \tb: 1\n    \t^\n"


def test_every_shipped_example_is_clean_even_when_strict() -> None:
    result = validate("--strict", EXAMPLES)
    assert result.exit_code == 0, result.stdout
    assert "0 warnings" in result.stdout or "0 peringatan" in result.stdout


def test_unknown_min_predicate_part_way_leaves_valid_json() -> None:
    # The broken file's problems stream first; the gate on the next file (under a custom rubric
    # whose bands have other names) then meets a predicate its rubric lacks. The JSON already
    # written must still parse, and the run is a usage error naming that rubric's bands.
    custom = FIXTURES / "facts" / "renamed" / "alpha.yaml"
    result = validate(BROKEN / "two-problems.yaml", custom, "--min-predicate", "baik", "-f", "json")
    assert result.exit_code == 2
    assert [item["code"] for item in json.loads(result.stdout)] == ["SPBE103", "SPBE101"]
    assert "Rendah, Sedang, Tinggi" in result.stderr
