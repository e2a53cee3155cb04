"""The code stays ruff clean (check and format), as the house style asks; CI runs this too."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT


def _ruff() -> list[str]:
    exe = shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed (it is in the test extra)")
    return [exe]


@pytest.mark.parametrize("args", [["check"], ["format", "--check"]])
def test_ruff_is_clean(args: list[str]) -> None:
    paths = ["src", "tests", "benchmarks"]
    result = subprocess.run([*_ruff(), *args, *paths], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
