"""The regulation's facts are rubric data: total weight, good band, evidence level, stages, kinds.

A custom rubric may rename the bands, weigh the index in tenths or list its own stages, and every
command follows it; a rubric that leaves a fact out gets the documented default (rubrics/README.md).
Nothing of the kind may live in the code: the last tests read src/ for it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, ROOT, bundled
from typer.testing import CliRunner

from spbe_cli.app.assess import RubricStore, bundled_ids
from spbe_cli.cli.main import app
from spbe_cli.core.checks import assessment_warnings
from spbe_cli.core.diff import TrendPoint, compare, trend_order
from spbe_cli.core.scoring import Scorecard, score
from spbe_cli.files.reader import read_document
from spbe_cli.model.assessment import Assessment, validate_assessment
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.rubric_file import build_rubric
from spbe_cli.render.assessment_schema import assessment_schema
from spbe_cli.render.template import InitOptions, render_toml, render_yaml
from spbe_cli.render.workbook.cells import operand

FACTS = FIXTURES / "facts"
RENAMED = FACTS / "renamed"
runner = CliRunner()
FACT_KEYS = ("total_weight", "good_from", "evidence_from_level", "stages", "agency_kinds")


def run(*args: str):
    return runner.invoke(app, list(args))


def load(path: Path) -> Rubric:
    loaded = RubricStore().load(path)
    assert isinstance(loaded, Rubric), loaded
    return loaded


def built(data: dict[str, Any]) -> Rubric:
    result = build_rubric(data)
    assert isinstance(result, Rubric), result
    return result


def raw(path: Path) -> dict[str, Any]:
    data = read_document(path).data
    assert isinstance(data, dict)
    return data


def assessment(rubric: Rubric, **top: Any) -> Assessment | list:
    data = {
        "rubrik": rubric.id,
        "instansi": "OPD Uji",
        "tahun": 2030,
        "indikator": {i.key: rubric.level_min for i in rubric.indicators},
        **top,
    }
    return validate_assessment(data, rubric)


def card(rubric: Rubric, **top: Any) -> Scorecard:
    result = assessment(rubric, **top)
    assert isinstance(result, Assessment), result
    return score(rubric, result)


# ---- the bundled rubrics state every fact --------------------------------------------------


@pytest.mark.parametrize("rubric_id", bundled_ids())
def test_bundled_rubrics_state_every_fact_explicitly(rubric_id: str) -> None:
    data = raw(ROOT / "rubrics" / f"{rubric_id}.yaml")
    assert [k for k in FACT_KEYS if k not in data] == []
    rubric = bundled(rubric_id)
    assert rubric.total_weight == 100
    assert rubric.band_named(rubric.good_from) is not None
    assert rubric.evidence_from_level == 3
    assert rubric.stages[0] == rubric.default_stage
    assert len(rubric.agency_kinds) == 5


# ---- defaults of a rubric that states none --------------------------------------------------


def test_a_rubric_without_the_keys_gets_the_documented_defaults() -> None:
    rubric = load(FACTS / "renamed-bands.yaml")
    assert rubric.total_weight == 100
    assert rubric.good_from == "Sedang"  # the middle of three bands
    assert rubric.evidence_from_level == 3  # the middle of 1–4, rounded up
    assert (rubric.stages, rubric.agency_kinds, rubric.default_stage) == ((), (), "")


@pytest.mark.parametrize(
    ("count", "good"), [(1, "B0"), (2, "B1"), (3, "B1"), (4, "B2"), (5, "B2"), (6, "B3")]
)
def test_default_good_band_is_the_middle_or_the_upper_middle(count: int, good: str) -> None:
    data = raw(FACTS / "renamed-bands.yaml")
    step = Fraction(3, count)  # levels 1–4: `count` equal bands
    data["predicates"] = [
        {"name": f"B{n}", "min": str(1 + n * step), "max": str(1 + (n + 1) * step)}
        for n in range(count)
    ]
    assert built(data).good_from == good


@pytest.mark.parametrize(("low", "high", "level"), [(1, 5, 3), (0, 5, 3), (0, 4, 2), (1, 2, 2)])
def test_default_evidence_level_is_the_middle_rounded_up(low: int, high: int, level: int) -> None:
    data = raw(FACTS / "renamed-bands.yaml")
    data["levels"] = {"min": low, "max": high}
    data["predicates"] = [{"name": "Semua", "min": low, "max": high}]
    data["scales"]["s"]["levels"] = {n: f"L{n}" for n in range(low, high + 1)}
    assert built(data).evidence_from_level == level


def test_stated_facts_are_read_and_good_from_takes_the_rubrics_spelling() -> None:
    rubric = load(FACTS / "per-ten.yaml")
    assert rubric.total_weight == 10
    assert rubric.good_from == "Tinggi"  # the file says `tinggi`
    assert rubric.evidence_from_level == 2
    assert rubric.stages == ("awal", "verifikasi", "akhir")
    assert rubric.agency_kinds == ("dinas", "badan")


def test_the_total_weight_must_be_the_sum_of_the_top_level_weights() -> None:
    data = raw(FACTS / "per-ten.yaml")
    data["total_weight"] = 100
    problems = build_rubric(data)
    assert isinstance(problems, list)
    assert [(p.code, p.path, p.params["expected"]) for p in problems] == [
        ("SPBE201", ("domains",), "100")
    ]


# ---- spbe rank: the good band -----------------------------------------------------------------


def test_rank_with_renamed_bands_needs_no_good_from() -> None:
    result = run("rank", str(RENAMED), "-f", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["good_from"] == "Sedang"
    shares = [(s["jenis"], s["count"], s["good"]) for s in summary["shares"]]
    assert shares == [("badan", 1, 1), ("dinas", 2, 1)]


def test_rank_reads_the_good_band_from_the_rubric(tmp_path: Path) -> None:
    folder = tmp_path / "renamed"
    shutil.copytree(RENAMED, folder)
    (tmp_path / ".git").mkdir()  # a repository: `rubrik: ../renamed-bands.yaml` stays inside
    text = (FACTS / "renamed-bands.yaml").read_text()
    (tmp_path / "renamed-bands.yaml").write_text(text + "good_from: Tinggi\n")
    summary = json.loads(run("rank", str(folder), "-f", "json").stdout)["summary"]
    assert summary["good_from"] == "Tinggi"
    assert sum(s["good"] for s in summary["shares"]) == 1


def test_good_from_option_still_overrides_and_unknown_bands_still_exit_2() -> None:
    result = run("rank", str(RENAMED), "-f", "json", "--good-from", "rendah")
    summary = json.loads(result.stdout)["summary"]
    assert (summary["good_from"], sum(s["good"] for s in summary["shares"])) == ("Rendah", 3)
    refused = run("rank", str(RENAMED), "--good-from", "Luar Biasa", "--lang", "en")
    assert refused.exit_code == 2
    assert "choose one of: Rendah, Sedang, Tinggi" in refused.output


# ---- the total weight in scoring, xlsx and csv ------------------------------------------------


def _per_ten_file(tmp_path: Path) -> Path:
    shutil.copy(FACTS / "per-ten.yaml", tmp_path / "per-ten.yaml")
    path = tmp_path / "opd.yaml"
    path.write_text(
        "rubrik: ./per-ten.yaml\ninstansi: {nama: Dinas Uji, jenis: dinas}\ntahun: 2030\n"
        "indikator: {1: 3, 2: 4}\n"
    )
    return path


def test_the_index_divides_by_the_rubrics_total_weight(tmp_path: Path) -> None:
    result = run("score", str(_per_ten_file(tmp_path)), "-f", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    # (4·3 + 6·4) / 10 = 3.6
    assert record["index"] == {"value": 3.6, "exact": "3.6", "predicate": "Tinggi"}
    contributions = [i["contribution"] for i in record["indicators"]]
    assert contributions == ["1.2", "2.4"]
    assert record["tahap"] == "awal"  # the rubric's first stage


def test_csv_gives_the_rubrics_total_weight(tmp_path: Path) -> None:
    result = run("score", str(_per_ten_file(tmp_path)), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    index = next(r for r in rows if r["kind"] == "index")
    assert (index["weight"], index["exact"]) == ("10", "3.6")


def test_workbook_formulas_divide_by_the_rubrics_total_weight(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "s.xlsx"
    result = run("score", str(_per_ten_file(tmp_path)), "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    summary, indicators = book.worksheets[0], book.worksheets[1]
    contributions = [indicators.cell(row=r, column=8).value for r in (2, 3)]
    assert contributions == ['=IF(ISNUMBER(E2),E2*G2/10,"")', '=IF(ISNUMBER(E3),E3*G3/10,"")']
    assert summary["C13"].value == 10  # the index row's weight: every index formula divides by it
    assert re.fullmatch(r'=IF\(COUNT\(.+\)=2,\(SUMPRODUCT\(.+\)\)/C13,""\)', summary["F13"].value)
    formulas = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not any(isinstance(v, str) and "/100" in v for v in formulas)


def test_a_fraction_total_is_a_parenthesised_operand() -> None:
    assert (operand(Fraction(100)), operand(Fraction(125, 2))) == ("100", "62.5")
    assert operand(Fraction(200, 3)) == "(200/3)"


# ---- evidence level (SPBE352) -------------------------------------------------------------------


def test_evidence_is_expected_from_the_rubrics_level() -> None:
    from datetime import date

    rubric = load(FACTS / "per-ten.yaml")
    found = card(rubric, indikator={"1": {"level": 2, "penjelasan": "ada"}, "2": 1})
    warnings = assessment_warnings(found.assessment, rubric, date(2030, 6, 1))
    assert [(p.code, p.params["from"]) for p in warnings] == [("SPBE352", 2)]


# ---- stages and agency kinds --------------------------------------------------------------------


def test_stages_and_kinds_come_from_the_rubric() -> None:
    rubric = load(FACTS / "per-ten.yaml")
    assert card(rubric, tahap="akhir").assessment.tahap == "akhir"
    problems = assessment(rubric, tahap="mandiri", instansi={"nama": "Kota", "jenis": "kota"})
    assert isinstance(problems, list)
    got = sorted((p.code, p.path, p.params["allowed"]) for p in problems)
    assert got == [
        ("SPBE109", ("instansi", "jenis"), "'dinas', 'badan'"),
        ("SPBE109", ("tahap",), "'awal', 'verifikasi', 'akhir'"),
    ]


def test_a_rubric_without_stages_or_kinds_accepts_any_text_but_only_text() -> None:
    rubric = load(FACTS / "renamed-bands.yaml")
    named = card(rubric, tahap="verifikasi", instansi={"nama": "OPD", "jenis": "unit"})
    assert (named.assessment.tahap, named.assessment.agency.jenis) == ("verifikasi", "unit")
    assert card(rubric).assessment.tahap == ""
    problems = assessment(rubric, tahap=3)
    assert isinstance(problems, list)
    assert [(p.code, p.path) for p in problems] == [("SPBE106", ("tahap",))]


def test_later_stages_follow_the_rubrics_order() -> None:
    rubric = load(FACTS / "per-ten.yaml")
    cards = [card(rubric, tahap=s) for s in ("akhir", "awal", "verifikasi")]
    assert trend_order([TrendPoint.of(c) for c in cards]) == (1, 2, 0)
    assert compare(cards[1], cards[0]).correction
    assert not compare(cards[0], cards[1]).correction
    free = load(FACTS / "renamed-bands.yaml")
    unordered = [card(free, tahap=s) for s in ("kedua", "pertama")]
    assert trend_order([TrendPoint.of(c) for c in unordered]) == (0, 1)  # no order: as given
    assert not compare(unordered[1], unordered[0]).correction


def test_assessment_schema_lists_the_rubrics_stages_and_kinds() -> None:
    schema = assessment_schema(load(FACTS / "per-ten.yaml"))
    assert schema["properties"]["tahap"]["enum"] == ["awal", "verifikasi", "akhir"]
    assert schema["properties"]["tahap"]["default"] == "awal"
    agency = schema["properties"]["instansi"]["anyOf"][1]["properties"]["jenis"]
    assert agency == {"enum": ["dinas", "badan"]}
    free = assessment_schema(load(FACTS / "renamed-bands.yaml"))
    assert free["properties"]["tahap"] == {
        "description": "Tahap penilaian / assessment stage.",
        "type": "string",
    }


@pytest.mark.parametrize("name", ["per-ten.yaml", "renamed-bands.yaml"])
def test_init_template_names_the_rubrics_stages(name: str) -> None:
    from spbe_cli.model.assessment import Agency

    rubric = load(FACTS / name)
    options = InitOptions("./r.yaml", Agency("OPD Uji"), 2030, bundled=False, lang="en")
    yaml_text, toml_text = render_yaml(rubric, options), render_toml(rubric, options)
    parsed = yaml.safe_load(yaml_text)
    assert parsed["tahap"] == rubric.default_stage
    listed = ", ".join(rubric.stages) or "any name (this rubric lists none)"
    assert f"# stage: {listed}" in yaml_text and f"# stage: {listed}" in toml_text
    kinds = ", ".join(rubric.agency_kinds) or "any name (this rubric lists none)"
    assert f"# optional: {kinds}" in yaml_text
    data = {**parsed, "indikator": {}}
    assert isinstance(validate_assessment(data, rubric, partial=True), Assessment)


def test_a_stage_that_yaml_would_misread_is_quoted() -> None:
    from spbe_cli.model.assessment import Agency

    data = raw(FACTS / "per-ten.yaml")
    data["stages"] = ["no", "yes"]
    rubric = built(data)
    text = render_yaml(rubric, InitOptions("./r.yaml", Agency("OPD"), 2030, bundled=False))
    assert yaml.safe_load(text)["tahap"] == "no"


# ---- spbe rubric schema -------------------------------------------------------------------------


def test_rubric_schema_describes_the_fact_keys() -> None:
    schema = json.loads(run("rubric", "schema").stdout)
    for key in FACT_KEYS:
        assert key not in schema["required"]
        assert "Default" in schema["properties"][key]["description"], key
    stages = schema["properties"]["stages"]["anyOf"][0]
    assert (stages["minItems"], stages["uniqueItems"]) == (1, True)


# ---- nothing of the kind in the code ------------------------------------------------------------

PACKAGE = ROOT / "src" / "spbe_cli"
SOURCES = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "messages"]


def _words(rubric_id: str) -> set[str]:
    data = raw(ROOT / "rubrics" / f"{rubric_id}.yaml")
    return {b["name"] for b in data["predicates"]}


def test_no_predicate_name_in_the_code_outside_the_catalogue() -> None:
    names = set().union(*(_words(r) for r in bundled_ids()))
    pattern = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    found = [(p.name, m[0]) for p in SOURCES for m in pattern.finditer(p.read_text())]
    assert found == []


def test_no_stage_or_agency_kind_list_in_the_code() -> None:
    rubric = bundled("permenpanrb-59-2020")
    words = [w for w in (*rubric.stages, *rubric.agency_kinds) if w != "provinsi"]  # also a key
    pattern = re.compile("[\"'](" + "|".join(map(re.escape, words)) + ")[\"']")
    found = [(p.name, m[0]) for p in SOURCES for m in pattern.finditer(p.read_text())]
    assert found == []
    assert not re.search(r"\b(STAGES|AGENCY_KINDS|EVIDENCE_FROM_LEVEL|TOTAL_WEIGHT)\b", _all())


def _all() -> str:
    return "\n".join(p.read_text() for p in SOURCES)
