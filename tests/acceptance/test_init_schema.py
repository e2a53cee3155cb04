"""`spbe init`'s editor schema line points at a schema file that exists, never a guessed address."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def test_no_schema_file_no_line_but_how_to_write_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "--tahun", "2024", "--lang", "en")
    assert result.exit_code == 0
    assert "yaml-language-server" not in result.stdout.splitlines()[0]
    assert "http" not in result.stdout
    flat = " ".join(
        line.lstrip("# ") for line in result.stdout.splitlines() if line.startswith("#")
    )
    assert "`spbe schema permenpanrb-59-2020 -o schemas/permenpanrb-59-2020.schema.json`" in flat


@pytest.mark.parametrize(
    ("suffix", "first"), [("yaml", "# yaml-language-server: $schema="), ("toml", "#:schema ")]
)
def test_a_schema_written_with_spbe_schema_is_found_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, first: str
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=False)
    monkeypatch.chdir(tmp_path)
    written = run("schema", "-o", "schemas/permenpanrb-59-2020.schema.json")
    assert written.exit_code == 0, written.output  # the schemas/ folder is made
    (tmp_path / "submissions" / "2024").mkdir(parents=True)
    target = tmp_path / "submissions" / "2024" / f"kota.{suffix}"
    assert run("init", "--tahun", "2024", "-o", target).exit_code == 0
    line = target.read_text(encoding="utf-8").splitlines()[0]
    assert line == f"{first}../../schemas/permenpanrb-59-2020.schema.json"
    assert (target.parent / line.removeprefix(first)).is_file()


def test_the_schema_of_another_rubric_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("schema", "pemdi-8-2026", "-o", "schemas/pemdi-8-2026.schema.json").exit_code == 0
    text = run("init", "--tahun", "2024").stdout
    assert "$schema" not in text.splitlines()[0]
    assert run("init", "--tahun", "2026").stdout.splitlines()[0] == (
        "# yaml-language-server: $schema=schemas/pemdi-8-2026.schema.json"
    )


def test_the_written_file_still_validates_as_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run("schema", "-o", "schemas/permenpanrb-59-2020.schema.json")
    run("init", "--tahun", "2024", "--instansi", "Kota Uji", "-o", "p.yaml")
    data = yaml.safe_load(Path("p.yaml").read_text(encoding="utf-8"))
    assert data["rubrik"] == "permenpanrb-59-2020"
    assert run("score", "p.yaml", "--partial").exit_code == 0
