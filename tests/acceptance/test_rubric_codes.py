"""One code per rubric problem (SPBE208–220): each has a tiny bad rubric, a line and two languages.

SPBE208 was once a catch-all for nine problems, which a user could not look up and a test could not
pin down. Each fixture in tests/fixtures/rubric-codes/ is valid but for the one problem its code
names, so `spbe rubric check` must report exactly that code, at exactly that line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.messages import catalogue

CODES = FIXTURES / "rubric-codes"
runner = CliRunner()

CASES = [
    ("SPBE208", 8),  # levels.min not below levels.max
    ("SPBE209", 26),  # both `domains` and `aspects`
    ("SPBE210", 9),  # rounding.decimals outside 0–10
    ("SPBE211", 22),  # an indicator weight of 0
    ("SPBE212", 27),  # criteria for a level outside the range
    ("SPBE213", 17),  # an id with spaces around it
    ("SPBE214", 17),  # a level without a name
    ("SPBE215", 1),  # the file is a list, not a mapping
    ("SPBE216", 12),  # good_from names no band
    ("SPBE217", 12),  # evidence_from_level outside the levels
    ("SPBE218", 12),  # stages: []
    ("SPBE219", 14),  # a blank agency kind
    ("SPBE220", 15),  # a stage listed twice
    ("SPBE221", 8),  # levels up to 10^30: refused before any range is built
    ("SPBE222", 21),  # an id in Arabic-Indic digits
    ("SPBE223", 18),  # an escape sequence in a name
]
NEW_CODES = [code for code, _ in CASES]


def _found(path: Path, lang: str = "id") -> list[tuple[int, str]]:
    result = runner.invoke(app, ["rubric", "check", str(path), "--lang", lang])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    pattern = rf"^{re.escape(str(path))}:(\d+):\d+: error\[(SPBE\d+)\]: \S"
    return [(int(line), code) for line, code in re.findall(pattern, result.stderr, re.M)]


@pytest.mark.parametrize(("code", "line"), CASES)
def test_each_code_is_reported_alone_at_its_line(code: str, line: int) -> None:
    path = CODES / f"{code.lower()}.yaml"
    assert _found(path) == [(line, code)]
    marked = path.read_text().splitlines()[line - 1]
    assert marked.endswith(f"# expect: {code}"), "the fixture marks the line it expects"


@pytest.mark.parametrize("code", NEW_CODES)
def test_each_code_reads_in_both_languages(code: str) -> None:
    indonesian, english = catalogue()[code]
    assert indonesian != english
    assert "{detail}" not in indonesian + english, "a message of its own, not a catch-all"
    path = CODES / f"{code.lower()}.yaml"
    result = runner.invoke(app, ["rubric", "check", str(path), "--lang", "en"])
    message = result.stderr.splitlines()[0].split(f"error[{code}]: ", 1)[1]
    assert "{" not in message and "catalogue" not in message, message


def test_every_rubric_code_is_documented_once() -> None:
    """README's error table and rubrics/README.md list each SPBE2xx code on a row of its own."""
    catalogued = sorted(c for c in catalogue() if re.fullmatch(r"SPBE2\d\d", c))
    assert set(NEW_CODES) <= set(catalogued)
    for doc in (ROOT / "README.md", ROOT / "rubrics" / "README.md"):
        rows = re.findall(r"^\| (SPBE2\d\d) \|", doc.read_text(), re.M)
        assert rows == catalogued, doc
    assert "SPBE201–208" not in (ROOT / "README.md").read_text()
