"""The one exit path: each documented code, the usage prefix in both languages, exit 3 for a bug."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.exits import ExitCode

runner = CliRunner()
Y2022 = str(EXAMPLES / "kota-contoh-2022.yaml")


def test_exit_codes_are_the_documented_ones() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    for code in ExitCode:
        assert f"| {int(code)} |" in table, f"exit {int(code)} ({code.name}) is not in the README"


@pytest.mark.parametrize(("lang", "prefix"), [("id", "Kesalahan: "), ("en", "Error: ")])
def test_usage_error_prefix_comes_from_the_catalogue(lang: str, prefix: str) -> None:
    result = runner.invoke(app, ["score", Y2022, "--fail-under", "abc", "--lang", lang])
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr.startswith(prefix)
    assert "Traceback" not in result.output


def test_an_internal_error_names_the_file_and_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("injected")

    monkeypatch.setattr("spbe_cli.app.assess.score", broken)
    result = runner.invoke(app, ["score", Y2022, "--lang", "en"])
    assert result.exit_code == ExitCode.INTERNAL
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert Y2022 in lines[0] and "ZeroDivisionError: injected" in lines[0]
    assert "internal error" in lines[0] and "Traceback" not in result.output


def test_an_internal_error_in_a_renderer_names_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("injected")

    monkeypatch.setattr("spbe_cli.render.scores.scorecard_record", broken)
    result = runner.invoke(app, ["score", Y2022, "-f", "json"])
    assert result.exit_code == ExitCode.INTERNAL
    assert Y2022 in result.stderr and "KeyError" in result.stderr
    assert "Traceback" not in result.output


def test_internal_error_line_shows_control_characters_inertly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("\x1b]8;;http://evil\x1b\\click\n::error::forged")

    monkeypatch.setattr("spbe_cli.app.assess.score", broken)
    result = runner.invoke(app, ["score", Y2022])
    assert result.exit_code == ExitCode.INTERNAL
    assert "\x1b" not in result.stderr and "\n::" not in result.stderr


def test_the_entry_point_exits_3_without_a_traceback(tmp_path: Path) -> None:
    """Through the real console entry point: a bug in a worker-free run is one line, exit 3."""
    code = (
        "import sys, spbe_cli.app.assess as a\n"
        "def boom(*x, **k): raise RuntimeError('injected')\n"
        "a.score = boom\n"
        "from spbe_cli.__main__ import main\n"
        f"sys.argv = ['spbe', 'score', {Y2022!r}]\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 3
    assert "RuntimeError: injected" in proc.stderr and Y2022 in proc.stderr
    assert "Traceback" not in proc.stderr
