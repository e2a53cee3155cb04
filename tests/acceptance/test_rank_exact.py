"""`spbe rank` where the shown values say less than the ranks: displayed ties, mixed years.

Three agencies all show 2.60 but are exactly 2.6 (Baik), 2.598 and 2.5975 (Cukup): ranked 2, 3,
4 by their exact values, and the table shows those values beside them and says why. Rows of
several years or rubrics (--allow-mixed) show their year and rubric, so one agency's five years
do not look like five identical rows.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
VECTORS = yaml.safe_load((FIXTURES / "exact-indices.yaml").read_text(encoding="utf-8"))


def _write(folder: Path, name: str, levels: list[int], year: int = 2024) -> None:
    data = {
        "rubrik": "permenpanrb-59-2020",
        "instansi": {"nama": name, "jenis": "kabupaten"},
        "tahun": year,
        "indikator": {n + 1: level for n, level in enumerate(levels)},
    }
    (folder / f"{name}-{year}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


@pytest.fixture
def ties(tmp_path: Path) -> Path:
    _write(tmp_path, "Kabupaten A", VECTORS["2.6"])
    lower = list(VECTORS["2.6"])
    lower[20] -= 1  # indicator 21 (weight 1.5) down, indicator 1 (weight 1.3) up: 2.598
    lower[0] += 1
    _write(tmp_path, "Kabupaten B", lower)
    _write(tmp_path, "Kabupaten C", VECTORS["2.5975"])
    _write(tmp_path, "Kabupaten D", VECTORS["3.5"])
    return tmp_path


def _rows(output: str) -> dict[str, list[str]]:
    """Plain table rows by agency: the cells split on runs of two or more spaces."""
    rows = {}
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) > 3 and cells[1].startswith("Kabupaten"):
            rows[cells[1]] = cells
    return rows


def test_rows_that_show_the_same_index_show_their_exact_values(ties: Path) -> None:
    result = runner.invoke(app, ["rank", str(ties), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Exact value" in result.stdout and "Ranks use exact values" in result.stdout
    rows = _rows(result.stdout)
    assert rows["Kabupaten A"][:7] == ["2", "Kabupaten A", "kabupaten", "–", "2.60", "2.6", "Baik"]
    assert rows["Kabupaten B"][:7] == [
        "3",
        "Kabupaten B",
        "kabupaten",
        "–",
        "2.60",
        "2.598",
        "Cukup",
    ]
    assert rows["Kabupaten C"][4:7] == ["2.60", "2.5975", "Cukup"]
    assert rows["Kabupaten D"][4:6] == ["3.50", "Sangat Baik"]  # no tie: no exact value shown


def test_no_exact_column_without_a_displayed_tie() -> None:
    result = runner.invoke(app, ["rank", str(FIXTURES / "rank" / "agencies"), "--lang", "en"])
    assert result.exit_code == 0
    assert "Exact value" not in result.stdout  # equal exact values share a rank instead ("2=")


def test_mixed_rows_show_year_and_rubric(ties: Path) -> None:
    _write(ties, "Kabupaten A", VECTORS["3.5"], year=2023)
    files = [str(ties), str(EXAMPLES / "kota-contoh-2019.yaml")]
    result = runner.invoke(app, ["rank", *files, "--allow-mixed", "--lang", "en"])
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("Rank "))
    assert re.split(r"\s{2,}", header)[4:7] == ["Year", "Rubric", "Index"]
    years = [cells[4] for cells in _all_rows(result.stdout) if cells[1] == "Kabupaten A"]
    assert sorted(years) == ["2023", "2024"]
    table = runner.invoke(app, ["rank", *files, "--allow-mixed", "-f", "csv"]).stdout
    rubrics = {r["rubric"] for r in csv.DictReader(io.StringIO(table))}
    assert rubrics == {"permenpanrb-59-2020", "permenpanrb-5-2018"}


def _all_rows(output: str) -> list[list[str]]:
    return [
        re.split(r"\s{2,}", line.strip())
        for line in output.splitlines()
        if re.match(r"\s*\d+=?\s{2,}", line)
    ]
