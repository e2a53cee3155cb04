"""Walking folders (files/walk.py): hidden files, what git ignores, virtual environments."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from spbe_cli.files import walk
from spbe_cli.files.walk import expand_paths


def tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x: 1\n", encoding="utf-8")


def found(*paths: Path, **options: bool) -> list[str]:
    base = paths[0]
    return [p.relative_to(base).as_posix() for p in expand_paths(paths, **options)]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    tree(
        tmp_path,
        [
            "a.yaml",
            "sub/b.yml",
            "sub/.hidden.yaml",
            ".github/workflows/ci.yml",
            ".pre-commit-config.yaml",
            "build/out.json",
            "sub/cache/c.toml",
            "notes.txt",
            "sub/draft.tmp.yaml",
        ],
    )
    (tmp_path / ".gitignore").write_text("build/\ncache/\n*.tmp.yaml\n", encoding="utf-8")
    venv = tmp_path / "venv"
    tree(venv, ["lib/python3.11/site-packages/pkg/data.yaml"])
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    return tmp_path


def _git_init(root: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(root)], check=True)


def test_hidden_files_and_virtual_environments_are_skipped_outside_git(repo: Path) -> None:
    # No .git: nothing is ignored by git rules, hidden names and the venv still are.
    assert found(repo) == ["a.yaml", "build/out.json", "sub/b.yml", "sub/cache/c.toml",
                           "sub/draft.tmp.yaml"]  # fmt: skip


def test_inside_a_work_tree_what_git_ignores_is_skipped(repo: Path) -> None:
    _git_init(repo)
    assert found(repo) == ["a.yaml", "sub/b.yml"]
    assert found(repo / "sub") == ["b.yml"]  # a subfolder asks git about itself


def test_without_git_the_gitignore_files_are_read(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / ".git").mkdir()  # a work tree, but no git program
    monkeypatch.setattr(walk.shutil, "which", lambda name: None)
    (repo / "sub" / ".gitignore").write_text("/b.yml\n", encoding="utf-8")
    assert found(repo) == ["a.yaml"]


def test_include_hidden_walks_everything_but_git_and_venvs(repo: Path) -> None:
    _git_init(repo)
    every = found(repo, include_hidden=True)
    assert ".github/workflows/ci.yml" in every and ".pre-commit-config.yaml" in every
    assert "build/out.json" in every and "sub/draft.tmp.yaml" in every
    assert not any(name.startswith(("venv/", ".git/")) for name in every)


def test_files_named_on_the_command_line_are_always_read(repo: Path) -> None:
    _git_init(repo)
    hidden = repo / ".pre-commit-config.yaml"
    ignored = repo / "build" / "out.json"
    assert list(expand_paths([hidden, ignored])) == [hidden, ignored]
    assert [p.name for p in expand_paths([repo / "build"])] == ["out.json"]  # a folder given
