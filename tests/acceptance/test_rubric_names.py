"""The rubric keys `index_name` and `report_title`: what a regulation calls its result and its
report, as data (Pemdi 2026 is the "Indeks Pemerintah Digital", not an "Indeks SPBE")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, bundled
from typer.testing import CliRunner

from spbe_cli.app.assess import RubricStore
from spbe_cli.cli.main import app

MINI = (FIXTURES / "rank" / "mini-rubric.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("rubric_id", "index_id", "report_en"),
    [
        ("permenpanrb-5-2018", "Indeks SPBE", "SPBE Evaluation Report"),
        ("permenpanrb-59-2020", "Indeks SPBE", "SPBE Evaluation Report"),
        (
            "pemdi-8-2026",
            "Indeks Pemerintah Digital (Indeks Pemdi)",
            "Digital Government Evaluation Report",
        ),
    ],
)
def test_the_bundled_rubrics_carry_their_names(
    rubric_id: str, index_id: str, report_en: str
) -> None:
    rubric = bundled(rubric_id)
    assert rubric.index_name["id"] == index_id
    assert rubric.report_title["en"] == report_en


def check(tmp_path: Path, extra: str) -> object:
    path = tmp_path / "r.yaml"
    path.write_text(MINI + extra, encoding="utf-8")
    return CliRunner().invoke(app, ["rubric", "check", str(path), "--lang", "en"])


def test_names_are_optional_and_english_falls_back_to_indonesian(tmp_path: Path) -> None:
    assert check(tmp_path, "").exit_code == 0
    result = check(tmp_path, "index_name: {id: Indeks Mini}\n")
    assert result.exit_code == 0, result.output
    loaded = RubricStore().load(tmp_path / "r.yaml")
    assert loaded.index_name == {"id": "Indeks Mini", "en": "Indeks Mini"}  # type: ignore[union-attr]
    assert loaded.report_title == {}  # type: ignore[union-attr]


def test_an_empty_or_misspelt_name_is_refused_at_its_line(tmp_path: Path) -> None:
    result = check(tmp_path, 'index_name: {id: "", en: X, de: Y}\nreport_title: Laporan\n')
    assert result.exit_code == 2
    assert "r.yaml:43:18: error[SPBE106]" in result.output  # the empty Indonesian name
    assert "SPBE105" in result.output and "id, en" in result.output  # `de` is no language here
    assert "r.yaml:44:15: error[SPBE106]" in result.output  # a bare string is not {id, en}


def test_the_schema_describes_both_keys() -> None:
    result = CliRunner().invoke(app, ["rubric", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    for key in ("index_name", "report_title"):
        assert "id: Indonesian, en: English" in schema["properties"][key]["description"]
    names = schema["$defs"]["RawNames"]
    assert names["required"] == ["id"] and names["additionalProperties"] is False
