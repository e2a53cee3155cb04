"""The rubrics live at rubrics/ in the repository and must ship inside the wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

# Builds a wheel from a clean copy of the repository and installs it.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is needed to make a clean checkout")
    work = tmp_path_factory.mktemp("wheel")
    clean = work / "src"
    # A copy of the tracked files, as a fresh clone has them (uncommitted edits included).
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in files.stdout.splitlines():
        source = ROOT / name
        if source.is_file():
            (clean / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clean / name)
    out = work / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(clean),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("*.whl"))


def test_wheel_contains_every_rubric(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for rubric in sorted((ROOT / "rubrics").glob("*.yaml")):
        assert f"spbe_cli/rubrics/{rubric.name}" in names


def test_installed_wheel_scores_with_its_own_rubrics(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    example = ROOT / "examples" / "kota-contoh-2022.yaml"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "sys.argv = ['spbe', 'score', sys.argv[2], '-f', 'json']; "
        "from spbe_cli.__main__ import main; main()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target), str(example)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert '"exact": "2.792"' in out.stdout
    import_check = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from spbe_cli.app.assess import bundled_dir; print(bundled_dir())"
    )
    where = subprocess.run(
        [sys.executable, "-c", import_check, str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(target))
