"""The JSON Schema for editors: committed files match `spbe schema` and reject what spbe does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, ROOT, bundled
from typer.testing import CliRunner

from spbe_cli.app.assess import bundled_ids
from spbe_cli.cli.main import app
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.assessment_schema import assessment_schema

runner = CliRunner()
SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_committed_schema_is_what_spbe_schema_prints(rubric_id: str) -> None:
    result = runner.invoke(app, ["schema", rubric_id])
    assert result.exit_code == 0
    committed = (SCHEMAS / f"{rubric_id}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, f"run: spbe schema {rubric_id} -o schemas/... --force"


def test_schema_follows_the_rubric(rubric59: Rubric) -> None:
    schema = assessment_schema(rubric59)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    indicators = schema["properties"]["indikator"]
    assert indicators["additionalProperties"] is False
    assert list(indicators["properties"]) == [i.key for i in rubric59.indicators]
    short, long = indicators["properties"]["12"]["anyOf"]
    assert (short["minimum"], short["maximum"]) == (1, 5)
    assert "3 Terdefinisi" in short["description"]
    assert rubric59.by_key["12"].name in indicators["properties"]["12"]["description"]
    assert long["properties"]["level"] == short
    assert bundled("permenpanrb-5-2018").level_min == 0
    level_2018 = assessment_schema(bundled("permenpanrb-5-2018"))["properties"]["indikator"]
    assert next(iter(level_2018["properties"].values()))["anyOf"][0]["minimum"] == 0


def test_default_rubric_and_unknown_rubric() -> None:
    assert (
        runner.invoke(app, ["schema"]).stdout
        == (SCHEMAS / "permenpanrb-59-2020.schema.json").read_text()
    )
    result = runner.invoke(app, ["schema", "no-such-rubric"])
    assert result.exit_code == 2


def test_output_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text())["type"] == "object"
    target.write_text("mine")
    refused = runner.invoke(app, ["schema", "-o", str(target)])
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text() == "mine"
    assert runner.invoke(app, ["schema", "-o", str(target), "--force"]).exit_code == 0
    assert target.read_text() == (SCHEMAS / "permenpanrb-59-2020.schema.json").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]


def _as_json_data(value: Any) -> Any:
    """What an editor sees: YAML keys as strings (`1:` is the property "1")."""
    if isinstance(value, dict):
        return {str(k): _as_json_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json_data(v) for v in value]
    return value


def _rubric_of(example: Path) -> str:
    return yaml.safe_load(example.read_text(encoding="utf-8"))["rubrik"]


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_validate_and_editors_reject_mistakes(example: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / f"{_rubric_of(example)}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    data = _as_json_data(yaml.safe_load(example.read_text(encoding="utf-8")))
    assert list(validator.iter_errors(data)) == []
    first = next(iter(data["indikator"]))
    unknown = {**data, "indikator": {**data["indikator"], "999": 3}}
    assert list(validator.iter_errors(unknown))
    six = {**data, "indikator": {**data["indikator"], first: 6}}
    assert list(validator.iter_errors(six))
    long_six = {**data, "indikator": {**data["indikator"], first: {"level": 6}}}
    assert list(validator.iter_errors(long_six))


def test_examples_name_their_schema() -> None:
    for example in EXAMPLES.glob("*.yaml"):
        line = f"# yaml-language-server: $schema=../schemas/{_rubric_of(example)}.schema.json"
        assert line in example.read_text(encoding="utf-8").splitlines(), example.name
