"""`spbe validate` on a terminal: messages wrapped between words to its width, each followed by
its source line and a caret; in a pipe one line per problem, as editors and the pre-commit hook
read them."""

from __future__ import annotations

import io
from datetime import date

import pytest
from conftest import ROOT

from spbe_cli.app.validate import Options
from spbe_cli.app.validate_stream import run_validate

TWO = "tests/fixtures/validate/two-problems.yaml"  # relative to ROOT: a path as users type it


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _validate(with_sources: bool) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    run_validate(
        [TWO], Options(date(2024, 6, 1)), "text", "en", out, err, with_sources=with_sources
    )
    return out.getvalue().splitlines()


def test_a_terminal_wraps_messages_between_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    lines = _validate(with_sources=True)
    assert all(len(line) <= 60 for line in lines if not line.startswith("    "))
    first, second = lines[0], lines[1]
    assert first.startswith(f"{TWO}:6:6: error[SPBE103]:") or first == f"{TWO}:6:6:"
    assert second.startswith("  ") and not second.startswith("    ")  # the hanging indent
    joined = " ".join(line.strip() for line in lines if not line.startswith("    "))
    assert "must be a whole number, not true (boolean); write for example: 3" in joined
    assert "      1: yes" in lines and "         ^" in lines


def test_a_pipe_keeps_one_line_per_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    lines = _validate(with_sources=False)
    problems = [line for line in lines if line.startswith(TWO)]
    assert len(problems) == len(lines) - 1  # and the summary
    assert any(len(line) > 60 for line in problems)
