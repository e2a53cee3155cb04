"""How spbe is called (issue 15): usage errors before any file is read (exit 2, nothing printed
first), a closed pipe handled the same way by every command, and `--help` that reads well."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
K2022 = EXAMPLES / "kota-contoh-2022.yaml"
BAD = FIXTURES / "bad" / "out-of-range.yaml"


def run(*args: str | Path, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


# --- usage first -----------------------------------------------------------------------------


def test_a_misspelt_predicate_is_reported_even_when_no_file_scores() -> None:
    result = run("validate", BAD, "--min-predicate", "bagus", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""  # the file was not even read
    assert result.stderr.startswith("Error: unknown predicate 'bagus'; choose one of: Kurang,")


def test_score_refuses_a_misspelt_predicate_before_printing() -> None:
    result = run("score", K2022, "--min-predicate", "bagus")
    assert result.exit_code == 2 and result.stdout == ""
    assert "predikat 'bagus' tidak dikenal" in result.stderr


def test_a_predicate_of_the_rubric_option_is_checked_against_that_rubric() -> None:
    custom = FIXTURES / "facts" / "renamed-bands.yaml"
    alpha = FIXTURES / "facts" / "renamed" / "alpha.yaml"
    assert run("validate", alpha, "--rubric", custom, "--min-predicate", "sedang").exit_code == 1
    refused = run("validate", alpha, "--rubric", custom, "--min-predicate", "baik")
    assert refused.exit_code == 2 and "Rendah, Sedang, Tinggi" in refused.stderr


@pytest.mark.parametrize("target", ["6", "5.01", "10"])
def test_a_target_above_the_top_level_is_a_usage_error(target: str) -> None:
    result = run("plan", K2022, "--target", target, "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--target {target} is above the top level of rubric permenpanrb-59-2020 (5)" in (
        result.stderr
    )
    assert run("plan", K2022, "--target", "5", "-f", "json").exit_code == 0


def test_the_language_variable_is_read_in_any_case() -> None:
    for value in ("EN", "En", "en"):
        result = run("rubric", "list", env={"SPBE_LANG": value})
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Bundled rubrics")
    assert run("score", K2022, "-f", "JSON").exit_code == 0


# --- help --------------------------------------------------------------------------------------


def cli(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    """Help as a user sees it when piped: plain text (Typer's Rich panels only on a terminal)."""
    env = {**os.environ, "COLUMNS": str(columns)}
    env.pop("TYPER_USE_RICH", None)
    spbe = shutil.which("spbe", path=str(Path(sys.executable).parent))
    command = [spbe] if spbe else [sys.executable, "-m", "spbe_cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env)


COMMANDS = [[], ["score"], ["validate"], ["rubric"], ["rubric", "check"]]
"""The group, commands and a sub-command: `-h` comes from the group's context settings."""


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "spbe")
def test_dash_h_is_help(command: list[str]) -> None:
    short, long = run(*command, "-h"), run(*command, "--help")
    assert short.exit_code == 0 and short.stdout == long.stdout
    assert "Usage: " in short.stdout


def test_the_command_list_shows_whole_summaries_in_both_languages() -> None:
    listing = cli("-h").stdout
    lines = listing[listing.index("Commands:") :].splitlines()[1:]
    assert len(lines) == 10
    for line in lines:
        assert " / " in line and not line.rstrip().endswith("..."), line


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        (["score"], "spbe score [OPTIONS] PATH..."),
        (["validate"], "spbe validate [OPTIONS] PATH..."),
        (["rank"], "spbe rank [OPTIONS] PATH..."),
        (["diff"], "spbe diff [OPTIONS] FILE..."),
        (["report"], "spbe report [OPTIONS] FILE..."),
        (["plan"], "spbe plan [OPTIONS] FILE"),
        (["convert"], "spbe convert [OPTIONS] FILE"),
        (["schema"], "spbe schema [OPTIONS] [RUBRIC]"),
        (["rubric", "show"], "spbe rubric show [OPTIONS] [INDICATOR]"),
        (["rubric", "check"], "spbe rubric check [OPTIONS] RUBRIC"),
    ],
)
def test_argument_names_read_the_same_everywhere(command: list[str], usage: str) -> None:
    import typer

    group = typer.main.get_command(app)
    ctx = typer.core._click.Context(group, info_name="spbe")
    found = group
    for name in command:
        found = found.get_command(ctx, name)  # type: ignore[attr-defined]
        ctx = typer.core._click.Context(found, info_name=name, parent=ctx)
    assert found.get_usage(ctx) == f"Usage: {usage}"


def test_options_show_what_they_take() -> None:
    text = " ".join(cli("validate", "-h", columns=200).stdout.split())
    for option in ("--fail-under NUMBER", "--min-predicate PREDICATE", "--rubric RUBRIC"):
        assert option in text
    assert "<str>" not in text
    plan = " ".join(cli("plan", "-h", columns=200).stdout.split())
    assert "--target NUMBER|PREDICATE" in plan and "--max-per-indicator N" in plan
    assert "Raise only the indicators of this domain" in plan
    rubric = run("rubric", "-h").stdout
    assert "custom" in rubric and "check" in rubric


# --- a closed pipe -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty short-form files: with --all-warnings, far more output than a pipe holds."""
    folder = tmp_path_factory.mktemp("many")
    lines = ["rubrik: permenpanrb-59-2020", "instansi: Kota Contoh", "tahun: 2024", "indikator:"]
    text = "\n".join([*lines, *(f"  {i}: 4" for i in range(1, 48))]) + "\n"
    for n in range(40):
        (folder / f"f{n:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--all-warnings"],
        pytest.param(["validate", "-f", "json", "--all-warnings"], marks=pytest.mark.slow),
        ["score", "-f", "json"],
    ],
    ids=" ".join,
)
def test_a_closed_pipe_ends_quietly_with_exit_0(many: Path, args: list[str]) -> None:
    """`spbe validate big/ | head -1`: the first line, then nothing on stderr and exit 0."""
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "spbe_cli", *args, str(many)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    code = process.wait(timeout=120)
    assert first
    assert process.stderr.read() == b""
    assert code == 0


@pytest.mark.slow
def test_head_in_a_shell_pipeline_with_pipefail(many: Path) -> None:
    """What CI runs under `set -o pipefail`: spbe's own exit code is the pipeline's."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    command = f'"{sys.executable}" -m spbe_cli validate --all-warnings "{many}" | head -1'
    done = subprocess.run(
        [bash, "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120
    )
    assert done.stderr == ""
    assert done.returncode == 0
    assert done.stdout.count("\n") == 1 and "warning[SPBE351]" in done.stdout
