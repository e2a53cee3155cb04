"""Every command on a real pseudo-terminal at 80, 100 and 200 columns (issue 14).

Not `Console(width=80)`: the tty's own size is set in the child before spbe starts, as a terminal
window would, with no COLUMNS in the environment. At every width each line fits, no word is
broken (every word on screen is a word of the same output written to a pipe, unwrapped), and 80
columns take at most about twice the lines of 200.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, on_a_terminal, terminal_environment

from spbe_cli.render.text_layout import cell_width

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")
DRAWN = set("-━·…▁▂▃▄▅▆▇█")
"""Rules, the separator of stacked names, the mark of a cut criterion and the terminal's
sparkline: drawn, not words."""

EX = {year: str(EXAMPLES / f"kota-contoh-{year}.yaml") for year in ("2019", "2021", "2022", "2026")}
DOKUMEN = str(EXAMPLES / "kota-contoh-2022-dokumen.yaml")
COMMANDS = {
    "score one file": ["score", EX["2022"]],
    "score several": ["score", str(EXAMPLES)],
    "rank": ["rank", str(FIXTURES / "rank" / "agencies")],
    "diff two": ["diff", EX["2021"], EX["2022"]],
    "diff trend": ["diff", EX["2019"], EX["2021"], EX["2022"], DOKUMEN, EX["2026"]],
    "plan": ["plan", EX["2022"], "--target", "3.2"],
    "rubric list": ["rubric", "list"],
    "rubric show": ["rubric", "show"],
    "rubric show 12": ["rubric", "show", "12"],
    "validate": ["validate", str(FIXTURES / "bad"), str(FIXTURES / "validate")],
    "score invalid": ["score", str(FIXTURES / "bad" / "not-whole.yaml")],
}
EXCERPTS = {"validate", "score invalid"}
"""Commands whose terminal output quotes source lines (indented four) that a pipe never shows."""


def on_terminal(args: list[str], columns: int) -> str:
    """What `spbe ARGS` writes to a terminal window `columns` wide, escape codes removed."""
    return ANSI.sub("", on_a_terminal(args, columns)[1].replace("\r\n", "\n"))


def in_a_pipe(args: list[str]) -> str:
    import subprocess

    env = {k: v for k, v in terminal_environment().items() if k != "TERM"}
    command = [sys.executable, "-m", "spbe_cli", *args]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return done.stdout + done.stderr  # a terminal shows both


def words(out: str, excerpts: bool = False) -> set[str]:
    """The words on screen, without `validate`'s source excerpts (indented four), which only a
    terminal shows."""
    lines = [line for line in out.splitlines() if not (excerpts and line.startswith("    "))]
    return {w for line in lines for w in line.split() if set(w) - DRAWN}


@pytest.fixture(scope="module")
def outputs() -> dict[tuple[str, int | None], str]:
    made: dict[tuple[str, int | None], str] = {}
    for name, args in COMMANDS.items():
        made[name, None] = in_a_pipe(args)
        for columns in (80, 100, 200):
            made[name, columns] = on_terminal(args, columns)
    return made


@pytest.mark.slow
@pytest.mark.parametrize("columns", [80, 100, 200])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_line_fits_and_every_word_is_whole(
    outputs: dict[tuple[str, int | None], str], name: str, columns: int
) -> None:
    shown = outputs[name, columns]
    assert shown.strip(), name
    widest = max(cell_width(line) for line in shown.splitlines())
    assert widest <= columns, f"{name}: a line of {widest} columns"
    broken = words(shown, name in EXCERPTS) - words(outputs[name, None])
    assert not broken, f"{name} at {columns}: not words of the output: {sorted(broken)[:8]}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_80_columns_take_at_most_about_twice_the_lines_of_200(
    outputs: dict[tuple[str, int | None], str], name: str
) -> None:
    narrow = len(outputs[name, 80].splitlines())
    wide = len(outputs[name, 200].splitlines())
    assert narrow <= 2.2 * wide, (name, narrow, wide)


@pytest.mark.slow
def test_ids_are_never_split(outputs: dict[tuple[str, int | None], str]) -> None:
    listing = outputs["rubric list", 80]
    for rubric in ("permenpanrb-5-2018", "permenpanrb-59-2020", "pemdi-8-2026"):
        assert re.search(rf"^{re.escape(rubric)}\s", listing, re.M), rubric


@pytest.mark.slow
def test_the_terminal_is_coloured_by_band(tmp_path: Path) -> None:
    del tmp_path
    out = on_a_terminal(["score", "--detail", "domains", EX["2022"]], 100)[1]
    # Baik in green (xterm 28 or #008700), Cukup in amber (130 or #af5f00), never plain yellow
    assert re.search(r"\x1b\[[0-9;]*(38;5;28|38;2;0;135;0)m[^\x1b]*Baik", out)
    assert re.search(r"\x1b\[[0-9;]*(38;5;130|38;2;175;95;0)m[^\x1b]*Cukup", out)
    assert "\x1b[33m" not in out
