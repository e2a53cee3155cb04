"""Commands are registered lazily (cli/main.py): running one imports only its own module, yet every
command is still there for help, for its own --help and for an unknown name's suggestion.

A subprocess runs the real entry point (`spbe_cli.__main__.main`) and reports which modules it
loaded, so the guard sees exactly what a user's `spbe score FILE -f json` pays for at start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import COMMANDS, RUBRIC_COMMANDS, app, app_for

runner = CliRunner()
EXAMPLE = str(EXAMPLES / "kota-contoh-2022.yaml")

_REPORT_MODULES = """
import json, os, sys
import spbe_cli.__main__ as entry

def leave(code):
    sys.stdout.flush()
    sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
    sys.stderr.flush()
    os._exit(code)

entry._exit_now = leave
sys.argv = ["spbe", *sys.argv[1:]]
entry.main()
"""


def loaded_by(*args: str) -> tuple[int, str, set[str]]:
    """Run `spbe ARGS` through the console entry point; its exit code, stdout and modules."""
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _REPORT_MODULES, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    marker = done.stderr.rindex("MODULES ")
    modules = json.loads(done.stderr[marker + len("MODULES ") :])
    return done.returncode, done.stdout, set(modules)


def test_score_json_of_one_file_loads_no_table_layout_and_no_other_command() -> None:
    code, out, modules = loaded_by("score", EXAMPLE, "-f", "json")
    assert code == 0 and json.loads(out)["file"] == EXAMPLE
    heavy = {"rich", "openpyxl", "jinja2", "pygal", "tomllib", "tomli_w"}
    assert not heavy & modules
    ours = {
        "spbe_cli.render.tables",  # the human formats' layout
        "spbe_cli.render.escape",  # only when a problem or a note is written
        "spbe_cli.core.thresholds",  # only with --fail-under or --min-predicate
        "spbe_cli.core.results",  # the other commands' result classes
        "importlib.resources",  # the bundled rubrics are found from the package's path
    }
    assert not ours & modules
    others = {f"spbe_cli.cli.{name}" for name in COMMANDS if name != "score"}
    assert not (others | {"spbe_cli.cli.rubric"}) & modules
    assert "spbe_cli.cli.score" in modules


def test_a_threshold_still_loads_what_it_needs_and_judges() -> None:
    code, _, modules = loaded_by("score", EXAMPLE, "-f", "json", "--fail-under", "4.5")
    assert code == 1 and "spbe_cli.core.thresholds" in modules


def test_the_table_of_one_file_loads_its_layout() -> None:
    code, out, modules = loaded_by("score", EXAMPLE)
    assert code == 0 and "spbe_cli.render.tables" in modules and out.strip()


def test_help_loads_and_lists_every_command() -> None:
    code, out, modules = loaded_by("--help")
    assert code == 0
    listed = {line.split()[0] for line in out.split("Commands:")[1].splitlines() if line.strip()}
    assert listed == {*COMMANDS, "rubric"}
    assert {f"spbe_cli.cli.{name}" for name in (*COMMANDS, "rubric")} <= modules


@pytest.mark.parametrize("name", COMMANDS)
def test_the_lean_app_of_each_command_holds_it_alone_with_the_same_help(name: str) -> None:
    lean = app_for([name, "--help"])
    assert lean is not app
    assert [c.callback.__name__ for c in lean.registered_commands] == [name]
    alone = runner.invoke(lean, [name, "--help"])
    whole = runner.invoke(app, [name, "--help"])
    assert alone.exit_code == 0 and alone.stdout == whole.stdout
    assert "Usage:" in alone.stdout


@pytest.mark.parametrize("sub", RUBRIC_COMMANDS)
def test_the_rubric_group_keeps_every_subcommand_and_its_help(sub: str) -> None:
    lean = app_for(["rubric", sub, "--help"])
    assert lean is not app and [g.name for g in lean.registered_groups] == ["rubric"]
    alone = runner.invoke(lean, ["rubric", sub, "--help"])
    whole = runner.invoke(app, ["rubric", sub, "--help"])
    assert alone.exit_code == 0 and alone.stdout == whole.stdout


def test_no_command_help_and_an_unknown_command_get_the_whole_app() -> None:
    for args in ([], ["--help"], ["-h"], ["nosuch"], ["--version"]):
        assert app_for(args) is app
    unknown = runner.invoke(app, ["scor"])
    assert unknown.exit_code == 2 and "score" in unknown.output  # suggests the near name
