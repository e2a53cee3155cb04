"""Large batches (issue 7): the process pool gives exactly the serial output, and validate streams.

The pool starts at SPBE_POOL_MIN files (200 by default); the tests lower it to 1 so a few hundred
generated files (the `archive` fixture of tests/conftest.py) exercise the pool path and compare it
byte for byte with the in-process path. The pool's parts are in tests/unit/test_batch_internals.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_cli.cli.main import app

# Every test here runs a process pool over a generated archive of 256 files.
pytestmark = pytest.mark.slow

runner = CliRunner()
SERIAL, POOLED = "1000000", "1"


def run(monkeypatch: pytest.MonkeyPatch, pool_min: str, *args: str):
    monkeypatch.setenv("SPBE_POOL_MIN", pool_min)
    return runner.invoke(app, [*args])


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_validate_pool_equals_serial(
    monkeypatch: pytest.MonkeyPatch, archive: Path, fmt: str, strict: list[str]
) -> None:
    args = ["validate", "--lang", "en", "-f", fmt, "--check-agency", *strict, str(archive)]
    serial, pooled = run(monkeypatch, SERIAL, *args), run(monkeypatch, POOLED, *args)
    assert serial.exit_code == pooled.exit_code == 1
    assert serial.stdout == pooled.stdout
    assert serial.stderr == pooled.stderr
    assert "SPBE355" in serial.stdout and "SPBE005" in serial.stdout


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_rank_pool_equals_serial(monkeypatch: pytest.MonkeyPatch, archive: Path, fmt: str) -> None:
    args = ["rank", "--lang", "en", "-f", fmt, "--by", "provinsi", str(archive)]
    serial, pooled = run(monkeypatch, SERIAL, *args), run(monkeypatch, POOLED, *args)
    assert serial.exit_code == pooled.exit_code == 1  # broken files are skipped and reported
    assert serial.stdout == pooled.stdout
    assert serial.stderr == pooled.stderr
    assert serial.stdout.count("Kota Contoh") > 200


def test_validate_streams_files_in_sorted_order_with_true_counts(
    monkeypatch: pytest.MonkeyPatch, archive: Path
) -> None:
    result = run(monkeypatch, POOLED, "validate", "--lang", "en", "--check-agency", str(archive))
    lines = result.stdout.splitlines()
    files = [line.split(":", 1)[0] for line in lines[:-1]]
    late = [n for n, line in enumerate(lines) if "SPBE355" in line]
    in_order = files[: late[0]]
    expected = sorted({*in_order}, key=lambda f: Path(f).relative_to(archive).parts)
    assert list(dict.fromkeys(in_order)) == expected
    assert late == list(range(late[0], len(lines) - 1))  # the folder check comes after all files
    assert lines[-1] == "256 files, 250 valid, 6 with errors, " + lines[-1].split(", ")[-1]
    warnings = sum("warning[" in line for line in lines)
    assert lines[-1].endswith(f", {warnings} warnings")


def test_strict_folder_warning_turns_a_valid_file_invalid(
    monkeypatch: pytest.MonkeyPatch, archive: Path
) -> None:
    agency = "--check-agency"
    lenient = run(monkeypatch, POOLED, "validate", "--lang", "en", agency, str(archive))
    problem_lines = lenient.stdout.splitlines()[:-1]
    only_folder = {line.split(":")[0] for line in problem_lines} - {
        line.split(":")[0] for line in problem_lines if "SPBE355" not in line
    }
    assert len(only_folder) == 7  # the misnamed files, clean but for their name
    result = run(monkeypatch, POOLED, "validate", "--lang", "en", agency, "--strict", str(archive))
    assert result.stdout.count("error[SPBE355]") == 7
    valid = 256 - len({line.split(":")[0] for line in problem_lines})
    assert result.stdout.splitlines()[-1] == (
        f"256 files, {valid} valid, {256 - valid} with errors, 0 warnings"
    )
    assert lenient.stdout.splitlines()[-1].startswith("256 files, 250 valid, 6 with errors")


def test_json_array_streamed_is_valid_and_located(
    monkeypatch: pytest.MonkeyPatch, archive: Path
) -> None:
    result = run(monkeypatch, POOLED, "validate", "-f", "json", str(archive))
    records = json.loads(result.stdout)
    assert len(records) == result.stdout.count('"code"')
    assert all(r["line"] >= 1 and r["column"] >= 1 for r in records)
    syntax = next(r for r in records if r["file"].endswith("x-syntax.yaml"))
    assert (syntax["code"], syntax["line"]) == ("SPBE005", 7)
