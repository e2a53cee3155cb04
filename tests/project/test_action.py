"""The composite GitHub Action (action.yml) runs: its own shell steps, as Actions runs them.

Each bash step's `run` script is executed by bash with the step's `env`, where `${{ ... }}`
expressions are filled in as GitHub does for the ones the action uses (inputs with their
defaults, github.action_path, runner.temp), and `$GITHUB_PATH` is honoured between steps. The
quick tests run the validate step with this checkout's `spbe`; the slow one runs every step,
installing spbe-cli from a copy of the repository into a fresh virtual environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="the action's steps are bash scripts")


def _inputs(given: dict[str, str]) -> dict[str, str]:
    unknown = set(given) - set(ACTION["inputs"])
    assert not unknown, f"not inputs of action.yml: {unknown}"
    return {
        name: given.get(name, spec.get("default", "")) for name, spec in ACTION["inputs"].items()
    }


def _fill(value: str, context: dict[str, str]) -> str:
    """`${{ inputs.x }}`, `${{ github.action_path }}`, `${{ runner.temp }}` as GitHub fills them."""
    return EXPRESSION.sub(lambda m: context[m.group(1)], str(value))


def _context(inputs: dict[str, str], temp: Path, action_path: Path) -> dict[str, str]:
    context = {f"inputs.{name}": value for name, value in inputs.items()}
    context |= {"github.action_path": str(action_path), "runner.temp": str(temp)}
    return context


def _bash_steps() -> list[dict]:
    return [step for step in ACTION["runs"]["steps"] if step.get("shell") == "bash"]


def run_steps(
    steps: list[dict],
    given: dict[str, str],
    cwd: Path,
    temp: Path,
    path_dirs: list[str],
    action_path: Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    """Run `steps` in order like a runner: stop at the first failing one, return the last."""
    context = _context(_inputs(given), temp, action_path)
    github_path = temp / "github_path"
    github_path.touch()
    done = None
    for step in steps:
        extra = [line for line in github_path.read_text().splitlines() if line]
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SPBE_")},
            "PATH": os.pathsep.join([*reversed(extra), *path_dirs, os.environ["PATH"]]),
            "GITHUB_PATH": str(github_path),
            "RUNNER_TEMP": str(temp),
            **{name: _fill(value, context) for name, value in step.get("env", {}).items()},
        }
        script = _fill(step["run"], context)
        done = subprocess.run(
            [BASH, "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True
        )
        if done.returncode != 0:
            return done
    assert done is not None
    return done


def _validate_step() -> dict:
    return next(step for step in _bash_steps() if "validate" in step["run"])


def _this_spbe() -> list[str]:
    """The folder of this checkout's `spbe` (the test's own virtual environment)."""
    folder = Path(sys.executable).parent
    assert (folder / "spbe").exists() or (folder / "spbe.exe").exists(), folder
    return [str(folder)]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A caller's repository: two valid submissions, and files a folder walk must skip."""
    root = tmp_path / "repo"
    (root / "submissions").mkdir(parents=True)
    shutil.copy(EXAMPLES / "kota-contoh-2022.yaml", root / "submissions" / "kota-contoh.yaml")
    shutil.copy(EXAMPLES / "kota-contoh-2021.yaml", root / "submissions" / "kota-2021.yaml")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "spbe.yml").write_text("on: [push]\n", encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    return root


def test_defaults_validate_the_whole_repository_skipping_hidden_files(
    repo: Path, tmp_path: Path
) -> None:
    done = run_steps([_validate_step()], {}, repo, tmp_path, _this_spbe())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 berkas, 2 sah" in done.stdout  # the workflow and pre-commit files were not read


@pytest.mark.slow  # three runs of the step: about a second
def test_inputs_become_options_and_a_failure_fails_the_step(repo: Path, tmp_path: Path) -> None:
    broken = FIXTURES / "validate" / "two-problems.yaml"
    shutil.copy(broken, repo / "submissions" / "broken.yaml")
    given = {
        "paths": "submissions/kota-contoh.yaml\n  submissions/broken.yaml",
        "min-predicate": "baik",
        "lang": "en",
    }
    done = run_steps([_validate_step()], given, repo, tmp_path, _this_spbe())
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=submissions/broken.yaml,line=6,col=6,title=SPBE103::")
    assert lines[-1] == "2 files, 1 valid, 1 with errors, 0 warnings"
    gated = run_steps(
        [_validate_step()],
        {"paths": "submissions/kota-2021.yaml", "fail-under": "2.6"},
        repo,
        tmp_path,
        _this_spbe(),
    )
    assert gated.returncode == 1 and "title=SPBE361" in gated.stdout


def test_a_typo_in_an_input_is_a_usage_error_not_a_pass(repo: Path, tmp_path: Path) -> None:
    done = run_steps([_validate_step()], {"min-predicate": "bagus"}, repo, tmp_path, _this_spbe())
    assert done.returncode == 2 and "bagus" in done.stderr


def test_an_input_cannot_run_commands(repo: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    given = {"paths": f"submissions/ $(touch {marker})", "rubric": f"x; touch {marker}"}
    run_steps([_validate_step()], given, repo, tmp_path, _this_spbe())
    assert not marker.exists()


@pytest.mark.slow
def test_every_step_from_a_fresh_copy(repo: Path, tmp_path: Path) -> None:
    """Install from a clean copy of the tracked files (as `uses:` checks the action out), then
    validate; the installed `spbe` comes from the venv the install step put on GITHUB_PATH."""
    if shutil.which("git") is None:
        pytest.skip("git is needed to list the tracked files")
    copy = tmp_path / "action"
    tracked = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in tracked.stdout.splitlines():
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    done = run_steps(_bash_steps(), {"paths": "submissions"}, repo, tmp_path, [], copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 berkas, 2 sah" in done.stdout
    venv_bin = (tmp_path / "github_path").read_text().split()[0]
    assert Path(venv_bin).is_relative_to(tmp_path)
