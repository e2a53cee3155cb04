"""Every command's JSON output validates against the schema `spbe schema --of` publishes.

The schemas are strict (no field they do not name), so a record that grows a field, changes a
type or drops one fails here. The outputs cover the shapes users meet: one file and several, a
draft (--partial), 5/2018's text ids ("35-1"), a comparison of years, of stages and of rubrics, a
trend, plans that land, that cannot, with costs and with domain minimums, rankings by group and
mixed (--allow-mixed), validate's problems, and the rubric listings. The last tests check that the
same thing is written the same way by every command (ids as the rubric writes them, `instansi`
an object).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.render.output_schemas import KINDS

runner = CliRunner()
SCHEMAS = ROOT / "schemas" / "output"
E2019 = str(EXAMPLES / "kota-contoh-2019.yaml")
E2021 = str(EXAMPLES / "kota-contoh-2021.yaml")
E2022 = str(EXAMPLES / "kota-contoh-2022.yaml")
E2022D = str(EXAMPLES / "kota-contoh-2022-dokumen.yaml")
E2026 = str(EXAMPLES / "kota-contoh-2026.yaml")
AGENCIES = str(FIXTURES / "rank" / "agencies")


def _schema(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _json(args: list[str], exit_code: int = 0) -> Any:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == exit_code, result.output
    return json.loads(result.stdout)


def _valid(kind: str, data: Any) -> None:
    jsonschema.Draft202012Validator(_schema(kind)).validate(data)


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_what_spbe_schema_prints(kind: str) -> None:
    result = runner.invoke(app, ["schema", "--of", kind])
    assert result.exit_code == 0, result.output
    committed = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, f"run: spbe schema --of {kind} -o ... --force"
    jsonschema.Draft202012Validator.check_schema(json.loads(committed))


def test_schema_option_is_refused_with_a_rubric_or_an_unknown_command() -> None:
    both = runner.invoke(app, ["schema", "permenpanrb-5-2018", "--of", "score"])
    assert both.exit_code == 2
    unknown = runner.invoke(app, ["schema", "--of", "skema.json"])
    assert unknown.exit_code == 2 and "score, diff" in unknown.output


def _draft(tmp_path: Path) -> str:
    data = yaml.safe_load(Path(E2022).read_text(encoding="utf-8"))
    del data["indikator"][12]
    path = tmp_path / "draft.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "args",
    [[E2022], [E2019], [E2026], [E2021, E2022, E2019], [str(EXAMPLES)]],
    ids=["59-2020", "5-2018", "pemdi", "several", "folder"],
)
def test_score(args: list[str]) -> None:
    _valid("score", _json(["score", *args]))


def test_score_partial(tmp_path: Path) -> None:
    record = _json(["score", "--partial", _draft(tmp_path)])
    assert "high" in record["index"] and record["missing"] == [12]
    _valid("score", record)


@pytest.mark.parametrize(
    "args",
    [
        [E2021, E2022],
        [E2021, E2022, "--all"],
        [E2022, E2022D],
        [E2019, E2022],
        [E2021, E2022, E2022D],
        [E2019, E2021, E2022],
        [str(FIXTURES / "diff" / "base-2023.yaml"), str(FIXTURES / "diff" / "peer-2023.yaml")],
    ],
    ids=["years", "all", "stages", "rubrics", "trend", "trend-rubrics", "agencies"],
)
def test_diff(args: list[str]) -> None:
    _valid("diff", _json(["diff", *args]))


def test_plan(tmp_path: Path) -> None:
    costs = tmp_path / "biaya.yaml"
    costs.write_text("default: 2\nindikator:\n  43: [1, 1, 5, 5]\n", encoding="utf-8")
    plans = [
        _json(["plan", E2022, "--target", "Sangat Baik"]),
        _json(["plan", E2022, "--target", "3.5", "--domain-min", "Baik"]),
        _json(["plan", E2022, "--target", "3", "--costs", str(costs)]),
        _json(["plan", E2022, "--target", "Baik"]),  # already met: no steps
        _json(["plan", E2022, "--target", "4", "--only-domain", "1"], exit_code=1),
        _json(["plan", E2022, "--target", "3", "--domain-min", "3:4", "--only-domain", "4"], 1),
        _json(["plan", E2019, "--target", "3"]),
        _json(["plan", E2026, "--target", "3.5"]),
    ]
    assert "cost" in plans[2] and not plans[3]["steps"] and not plans[5]["domains"][2]["met"]
    for record in plans:
        _valid("plan", record)


def test_rank() -> None:
    rankings = [
        _json(["rank", AGENCIES]),
        _json(["rank", AGENCIES, "--by", "provinsi", "--top", "3"]),
        _json(["rank", E2019, E2021, E2022, E2026, "--allow-mixed", "--by", "jenis"]),
    ]
    for ranking in rankings:
        _valid("rank", ranking)


def test_validate() -> None:
    folder = str(FIXTURES / "validate")
    problems = _json(["validate", folder], exit_code=1)
    assert {p["severity"] for p in problems} == {"error", "warning"}
    _valid("validate", problems)
    _valid("validate", _json(["validate", E2022]))


def test_rubric_listings() -> None:
    _valid("rubric-list", _json(["rubric", "list"]))
    for args in (["12"], [], ["35-1", "--rubric", "permenpanrb-5-2018"]):
        _valid("rubric-show", _json(["rubric", "show", *args]))


# ---- one thing, one way, in every command -------------------------------------------------


def test_ids_are_the_rubrics_own_in_every_command(tmp_path: Path) -> None:
    score = _json(["score", E2019])
    shown = {r["id"]: r for r in _json(["rubric", "show", "--rubric", "permenpanrb-5-2018"])}
    diff = _json(["diff", E2019, str(_shifted(E2019, tmp_path)), "--all"])
    for where in (score["indicators"], list(shown.values()), diff["indicators"]):
        by_id = {r["id"]: r["aspect"] for r in where}
        assert by_id["35-1"] == 7 and by_id[1] == 1  # text ids stay text, integers integers
    assert [a["domain"] for a in score["aspects"]] == [1, 1, 2, 2, 2, 3, 3]
    plan = _json(["plan", E2019, "--target", "2.5"])
    assert all(isinstance(s["id"], int | str) for s in plan["steps"])


def _shifted(path: str, folder: Path) -> Path:
    """The same file a year later, so `diff` compares indicators under one rubric."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    data["tahun"] += 1
    target = folder / "shifted.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def test_instansi_is_an_object_in_every_command() -> None:
    agency = {"nama": "Pemerintah Kota Contoh", "jenis": "kota", "provinsi": "Jambi"}
    assert _json(["score", E2022])["instansi"] == agency
    diff = _json(["diff", E2021, E2022])
    assert diff["old"]["instansi"] == diff["new"]["instansi"] == agency
    trend = _json(["diff", E2021, E2022, E2022D])
    assert all(f["instansi"] == agency for f in trend["files"])
    assert _json(["plan", E2022, "--target", "3"])["instansi"] == agency
    assert _json(["rank", E2022])["rows"][0]["instansi"] == agency
