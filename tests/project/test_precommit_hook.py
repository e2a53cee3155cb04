"""The pre-commit hooks: the published hook (.pre-commit-hooks.yaml) and the README's `repo: local`
recipe select the files pre-commit would pass, and their entry checks them.

pre-commit runs `entry` followed by the staged files that match `files` and not `exclude`; these
tests do the same with this checkout's `spbe` (what `language: python` installs from the
repository, and what `language: system` finds on the PATH), without pre-commit itself.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
HOOK = next(h for h in HOOKS if h["id"] == "spbe-validate")


def test_hook_runs_spbe_validate_on_assessment_files() -> None:
    assert (HOOK["entry"], HOOK["language"]) == ("spbe validate", "python")
    for name in ("a.yaml", "b/c.yml", "d.toml", "e.json"):
        assert _selected(HOOK, name), name
    for name in ("a.py", "yaml.txt", "README.md", ".pre-commit-config.yaml", ".github/w/ci.yml"):
        assert not _selected(HOOK, name), name


def _selected(hook: dict, name: str) -> bool:
    """pre-commit's filter: `files` and `exclude` are Python regexes searched in the path."""
    files, exclude = hook.get("files", ""), hook.get("exclude", "^$")
    return bool(re.search(files, name)) and not re.search(exclude, name)


def _readme_local_hook() -> dict:
    """The `repo: local` recipe as the README shows it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    local = [yaml.safe_load(b) for b in blocks if "repo: local" in b]
    assert len(local) == 1, "the README shows one `repo: local` recipe"
    return local[0]["repos"][0]["hooks"][0]


def _run_hook(hook: dict, repo: Path) -> subprocess.CompletedProcess[str]:
    tracked = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file())
    chosen = [name for name in tracked if _selected(hook, name)]
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
    }
    command = shlex.split(hook["entry"])
    command[0] = shutil.which(command[0], path=env["PATH"]) or command[0]
    return subprocess.run([*command, *chosen], cwd=repo, env=env, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "submissions").mkdir()
    shutil.copy(EXAMPLES / "kota-contoh-2022.yaml", tmp_path / "submissions" / "kota.yaml")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yml").write_text("on: [push]\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("source", ["published", pytest.param("local", marks=pytest.mark.slow)])
def test_the_hook_passes_valid_files_and_fails_a_broken_one(repo: Path, source: str) -> None:
    hook = HOOK if source == "published" else _readme_local_hook()
    if source == "local":
        assert hook["language"] == "system" and hook["entry"].startswith("spbe validate")
    done = _run_hook(hook, repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 berkas, 1 sah" in done.stdout  # only the submission, not the hidden files
    shutil.copy(FIXTURES / "validate" / "two-problems.yaml", repo / "submissions" / "x.yaml")
    broken = _run_hook(hook, repo)
    assert broken.returncode == 1
    assert "submissions/x.yaml:6:6: error[SPBE103]" in broken.stdout
