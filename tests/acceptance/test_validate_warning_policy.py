"""`spbe validate`'s warnings (issue 15): at most one line per file and warning code by default,
every one with --all-warnings, the folder's agency check only with --check-agency."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()


def validate(*args: str | Path):
    return runner.invoke(app, ["validate", "--lang", "en", *map(str, args)])


def readme_short_form(path: Path, name: str = "Pemerintah Kota Contoh", level: int = 3) -> Path:
    """The README's own short form: `1: 3` for every indicator."""
    lines = ["rubrik: permenpanrb-59-2020", f"instansi: {name}", "tahun: 2024", "indikator:"]
    path.write_text("\n".join([*lines, *(f"  {i}: {level}" for i in range(1, 48))]) + "\n")
    return path


def test_a_short_form_file_gives_two_lines_not_ninety_four(tmp_path: Path) -> None:
    file = readme_short_form(tmp_path / "kota.yaml")
    lines = validate(file).stdout.splitlines()
    assert lines == [
        f"{file}:5:6: warning[SPBE351]: indicators 1–47 (47 indicators) claim level 3 without "
        "an explanation; add `penjelasan`: assessors ask for one for any level above 1; "
        "--all-warnings lists each indicator",
        f"{file}:5:6: warning[SPBE352]: indicators 1–47 (47 indicators) claim level 3 without "
        "evidence; consider adding `bukti_dukung`, which assessors usually ask for from level 3 "
        "on; --all-warnings lists each indicator",
        "1 files, 1 valid, 0 with errors, 2 warnings",
    ]


def test_all_warnings_lists_each_indicator(tmp_path: Path) -> None:
    file = readme_short_form(tmp_path / "kota.yaml")
    result = validate(file, "--all-warnings")
    assert result.stdout.splitlines()[-1] == "1 files, 1 valid, 0 with errors, 94 warnings"
    assert f"{file}:51:7: warning[SPBE352]: indicator 47 claims level 3 without evidence" in (
        result.stdout
    )


@pytest.mark.parametrize("fmt", ["json", "github", "junit"])
def test_every_format_folds_the_same_way(tmp_path: Path, fmt: str) -> None:
    file = readme_short_form(tmp_path / "kota.yaml")
    out = validate(file, "-f", fmt).stdout
    if fmt == "json":
        assert [r["code"] for r in json.loads(out)] == ["SPBE351", "SPBE352"]
    elif fmt == "github":
        assert [line[:10] for line in out.splitlines()[:-1]] == ["::warning "] * 2
    else:
        assert out.count("warning[SPBE35") == 2


def test_strict_folds_too_and_fails(tmp_path: Path) -> None:
    file = readme_short_form(tmp_path / "kota.yaml")
    result = validate(file, "--strict")
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.stdout.splitlines()[:-1]] == [
        "error[SPBE351]",
        "error[SPBE352]",
    ]


def test_a_folder_of_several_agencies_is_not_a_warning_unless_asked(tmp_path: Path) -> None:
    """rank's own input: 400 agencies in one folder once gave 397 SPBE355 warnings."""
    for n in range(5):
        name = "Kota Lain" if n == 4 else "Kota Contoh"
        readme_short_form(tmp_path / f"f{n}.yaml", name, level=1)  # level 1: no claim warnings
    quiet = validate(tmp_path)
    assert quiet.exit_code == 0
    assert quiet.stdout.splitlines() == ["5 files, 5 valid, 0 with errors, 0 warnings"]
    asked = validate(tmp_path, "--check-agency")
    assert asked.stdout.splitlines()[0].startswith(f"{tmp_path / 'f4.yaml'}:2:11: warning[SPBE355]")


def test_the_shipped_examples_and_the_readme_layout_stay_quiet(tmp_path: Path) -> None:
    folder = tmp_path / "submissions"
    folder.mkdir()
    for name in ("kota-contoh-2021.yaml", "kota-contoh-2022.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    result = validate(folder)
    assert result.stdout.splitlines() == ["2 files, 2 valid, 0 with errors, 0 warnings"]
