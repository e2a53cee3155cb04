"""The 5/2018 era is 2018-2020: PermenPANRB 59/2020 took effect on 1 January 2021.

A 2020 self-assessment is a 5/2018 one: `init --tahun 2020` writes it under 5/2018 and
`validate` does not call its year outside the rubric's era (SPBE354); 2021 still is.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()


def _year(tmp_path: Path, year: int) -> Path:
    text = (EXAMPLES / "kota-contoh-2019.yaml").read_text(encoding="utf-8")
    assert "\ntahun: 2019\n" in text
    path = tmp_path / f"kota-{year}.yaml"
    path.write_text(text.replace("\ntahun: 2019\n", f"\ntahun: {year}\n"), encoding="utf-8")
    return path


def _codes(path: Path) -> list[str]:
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [item["code"] for item in json.loads(result.stdout)]


def test_init_for_2020_picks_5_2018() -> None:
    result = runner.invoke(app, ["init", "--tahun", "2020", "--instansi", "Kota A"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    assert (data["rubrik"], data["tahun"]) == ("permenpanrb-5-2018", 2020)


def test_a_2020_file_under_5_2018_is_in_its_era(tmp_path: Path) -> None:
    assert "SPBE354" not in _codes(_year(tmp_path, 2020))
    assert "SPBE354" in _codes(_year(tmp_path, 2021))
