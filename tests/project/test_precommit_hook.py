"""The pre-commit hook definition other repositories use: it runs `spbe validate` on assessments."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT


def test_hook_runs_spbe_validate_on_assessment_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "spbe-validate")
    assert (hook["entry"], hook["language"]) == ("spbe validate", "python")
    pattern = re.compile(hook["files"])
    for name in ("a.yaml", "b/c.yml", "d.toml", "e.json"):
        assert pattern.search(name), name
    for name in ("a.py", "yaml.txt", "README.md"):
        assert not pattern.search(name), name
