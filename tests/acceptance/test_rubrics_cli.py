"""Every SPBE framework as data: 5/2018, 59/2020, Pemdi 2026, custom rubrics, `rubric check`."""

from __future__ import annotations

import json
import re
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT, bundled
from typer.testing import CliRunner

from spbe_cli.cli.app import app
from spbe_cli.core.scoring import score
from spbe_cli.files.reader import read_document
from spbe_cli.model.assessment import validate_assessment
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.rubric_file import build_rubric

RUBRICS = FIXTURES / "rubrics"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def scored(path: Path, rubric: Rubric):
    doc = read_document(path)
    assessment = validate_assessment(doc.data, rubric)
    assert not isinstance(assessment, list), assessment
    return score(rubric, assessment)


# --- PermenPANRB 5/2018: Kota Denpasar 2018 -------------------------------------------------


def test_5_2018_reproduces_denpasar_2018():
    card = scored(FIXTURES / "denpasar-2018.yaml", bundled("permenpanrb-5-2018"))
    shown = [str(a.index.value) for a in card.aspects]
    assert shown == ["2.00", "2.10", "2.00", "2.50", "2.33", "3.29", "2.50"]
    assert card.index.exact == Fraction(66, 25)
    assert str(card.index.value) == "2.64"
    assert card.index.predicate == "Baik"
    assert card.assessment.tahap == "akhir"


def test_5_2018_string_ids_and_level_zero():
    rubric = bundled("permenpanrb-5-2018")
    assert [k for k in rubric.by_key if k.startswith("35")] == ["35-1", "35-2", "35-3"]
    assert rubric.by_key["35-2"].weight == Fraction(20, 6)
    assert (rubric.level_min, rubric.level_max) == (0, 5)
    assert rubric.by_key["35-1"].level_name(0) == "Tidak Ada"
    assert rubric.predicate_for(Fraction(0)) == "Kurang"


# --- Pemdi 2026: its own predicate bounds, from both sides ----------------------------------

PEMDI_BOUNDS = [
    ("1.50", "Kurang", "Cukup"),
    ("2.50", "Cukup", "Baik"),
    ("3.50", "Baik", "Sangat Baik"),
    ("4.00", "Sangat Baik", "Memuaskan"),
]


@pytest.mark.parametrize(("bound", "below", "at"), PEMDI_BOUNDS)
def test_pemdi_bounds_exact(bound: str, below: str, at: str):
    rubric = bundled("pemdi-8-2026")
    value = Fraction(bound)
    assert rubric.predicate_for(value) == at
    assert rubric.predicate_for(value - Fraction(1, 10**9)) == below
    assert rubric.predicate_for(value - Fraction(1, 100)) == below


def _levels_for(rubric: Rubric, extra: int) -> dict[str, int] | None:
    """Levels whose Σ(level × weight) is exactly 100 + extra (all at 1 give 100), by search."""
    indicators = rubric.indicators
    top = rubric.level_max - rubric.level_min
    reachable: dict[int, dict[str, int]] = {0: {}}
    for ind in indicators:
        step = int(ind.weight)
        grown: dict[int, dict[str, int]] = {}
        for total, chosen in reachable.items():
            for k in range(top + 1):
                grown.setdefault(total + k * step, {**chosen, ind.key: rubric.level_min + k})
        reachable = grown
    found = reachable.get(extra)
    return found


@pytest.mark.parametrize(("bound", "below", "at"), PEMDI_BOUNDS)
def test_pemdi_bounds_through_scoring(bound: str, below: str, at: str, tmp_path: Path):
    """Real level sets that land exactly on each bound and 0.01 below it."""
    rubric = bundled("pemdi-8-2026")
    assert all(i.weight.denominator == 1 for i in rubric.indicators)
    for value, predicate in ((Fraction(bound), at), (Fraction(bound) - Fraction(1, 100), below)):
        levels = _levels_for(rubric, int(value * 100) - 100)
        assert levels is not None
        lines = ["rubrik: pemdi-8-2026", "instansi: Uji", "tahun: 2026", "indikator:"]
        lines += [f"  {k}: {v}" for k, v in levels.items()]
        path = tmp_path / "uji.yaml"
        path.write_text("\n".join(lines) + "\n")
        card = scored(path, rubric)
        assert card.index.exact == value
        assert card.index.predicate == predicate


def test_pemdi_has_no_domains_and_its_own_bands():
    rubric = bundled("pemdi-8-2026")
    assert rubric.domains == ()
    assert len(rubric.aspects) == 7 and len(rubric.indicators) == 20
    assert rubric.total_weight == 100
    assert [b.name for b in rubric.bands][-1] == "Memuaskan"
    assert rubric.provisional


# --- rendering: a rubric without domains, provisional notices -------------------------------


def test_rubric_without_domains_renders_without_empty_columns():
    example = str(EXAMPLES / "kota-contoh-2026.yaml")
    table = run("score", example)
    assert table.exit_code == 0, table.stderr
    headers = [
        line for line in table.stdout.splitlines() if line.startswith(("Aspek ", "Indikator "))
    ]
    assert headers and not any("Domain" in h for h in headers)
    assert "\nDomain\n" not in table.stdout
    markdown = run("score", example, "--format", "markdown")
    assert "Domain" not in markdown.stdout
    rows = [line for line in markdown.stdout.splitlines() if line.startswith("|")]
    assert rows
    for row in rows:
        cells = row.strip("|").split("|")
        assert all(cell.strip() for cell in cells), row
    record = json.loads(run("score", example, "--format", "json").stdout)
    assert record["domains"] == []
    assert all("domain" not in a or a["domain"] is None for a in record["aspects"])


@pytest.mark.parametrize("example", ["kota-contoh-2026.yaml", "kota-contoh-2019.yaml"])
def test_provisional_rubric_notice_in_every_format(example: str):
    path = str(EXAMPLES / example)
    assert "berstatus sementara (provisional)" in run("score", path).stdout
    assert "Notice: rubric" in run("score", path, "--lang", "en").stdout
    markdown = run("score", path, "--format", "markdown").stdout
    assert re.search(r"^> Catatan: rubrik \S+ berstatus sementara", markdown, re.M)
    assert (
        json.loads(run("score", path, "--format", "json").stdout)["rubric_status"] == "provisional"
    )


def test_verified_rubric_has_no_notice():
    path = str(EXAMPLES / "kota-contoh-2022.yaml")
    assert "sementara" not in run("score", path).stdout
    assert json.loads(run("score", path, "--format", "json").stdout)["rubric_status"] == "verified"


def test_rubric_list_shows_three_rubrics_with_status_and_source():
    result = run("rubric", "list", "--format", "json")
    records = {r["id"]: r for r in json.loads(result.stdout)}
    assert set(records) == {"permenpanrb-5-2018", "permenpanrb-59-2020", "pemdi-8-2026"}
    assert records["permenpanrb-59-2020"]["status"] == "verified"
    assert records["pemdi-8-2026"]["status"] == "provisional"
    assert records["permenpanrb-5-2018"]["era"] == "2018-2019"
    table = run("rubric", "list").stdout
    assert "PermenPANRB 8/2026 was not seen" in table
    assert "Peraturan Menteri PANRB Nomor 5 Tahun 2018" in table


# --- custom rubrics -------------------------------------------------------------------------

TINY_LEVELS = '  "1-1": 0\n  "1-2": 4\n  "1-3": 3\n  2: 2\n'


def _tiny_assessment(folder: Path, rubrik: str) -> Path:
    path = folder / "opd.yaml"
    path.write_text(
        f"rubrik: {rubrik}\ninstansi: Dinas Uji\ntahun: 2030\nindikator:\n{TINY_LEVELS}"
    )
    return path


def test_custom_rubric_relative_to_the_assessment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "rubrik").mkdir()
    shutil.copy(RUBRICS / "tiny.yaml", tmp_path / "rubrik" / "tiny.yaml")
    path = _tiny_assessment(tmp_path, "./rubrik/tiny.yaml")
    monkeypatch.chdir(RUBRICS)  # elsewhere: the path is read from the assessment's folder
    result = run("score", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    # Σ level × weight = 0 + 4·20/3 + 3·80/3 + 2·60 = 680/3; / 100 = 34/15
    assert record["index"] == {"value": 2.27, "exact": "34/15", "predicate": "Sedang"}
    assert [a["index"]["exact"] for a in record["aspects"]] == ["8/3", "2"]
    assert record["rubric_status"] == "provisional"
    levels = {i["id"]: (i["level"], i["level_name"]) for i in record["indicators"]}
    assert levels["1-1"] == (0, "Nol") and levels[2] == (2, "Dua")


def test_rubric_option_overrides_the_named_rubric(tmp_path: Path):
    path = _tiny_assessment(tmp_path, "permenpanrb-59-2020")
    refused = run("score", str(path))
    assert refused.exit_code == 2 and "SPBE101" in refused.stderr
    result = run("score", str(path), "--rubric", str(RUBRICS / "tiny.yaml"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["index"]["exact"] == "34/15"


def test_custom_rubric_with_a_weight_mistake_is_refused_at_its_line(tmp_path: Path):
    shutil.copy(RUBRICS / "weights-aspect.yaml", tmp_path / "r.yaml")
    path = _tiny_assessment(tmp_path, "./r.yaml")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert "SPBE111" in result.stderr
    assert re.search(r"r\.yaml:22:\d+: error\[SPBE201\]", result.stderr), result.stderr


# --- spbe rubric check ----------------------------------------------------------------------

BROKEN = sorted(p.name for p in RUBRICS.glob("*.yaml") if p.name != "tiny.yaml")


def _expected(path: Path) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = re.search(r"# expect: ((?:SPBE\d{3}\s*)+)$", line)
        if match:
            out += [(number, code) for code in match[1].split()]
    return sorted(out)


def test_every_problem_kind_has_a_fixture():
    codes = {code for name in BROKEN for _, code in _expected(RUBRICS / name)}
    wanted = {f"SPBE20{n}" for n in range(1, 9)} | {"SPBE105", "SPBE106", "SPBE107", "SPBE109"}
    assert wanted <= codes


@pytest.mark.parametrize("name", BROKEN)
def test_rubric_check_reports_every_problem_at_its_line(name: str):
    path = RUBRICS / name
    expected = _expected(path)
    assert expected, f"{name} marks no expected problem"
    result = run("rubric", "check", str(path))
    assert result.exit_code == 2
    found = re.findall(
        rf"^{re.escape(str(path))}:(\d+):\d+: error\[(SPBE\d+)\]: \S", result.stderr, re.M
    )
    assert sorted((int(line), code) for line, code in found) == expected, result.stderr
    assert result.stderr.rstrip().endswith(f"{len(expected)} masalah dalam rubrik {path}")
    assert result.stdout == ""


def test_rubric_check_explains_in_english():
    result = run("rubric", "check", str(RUBRICS / "weights-aspect.yaml"), "--lang", "en")
    assert "the indicators of aspect A sum to 110/3, expected 40" in result.stderr
    result = run("rubric", "check", str(RUBRICS / "band-gap.yaml"), "--lang", "en")
    assert "gap: 'Sedang' starts at 2.5 but the band before it ends at 2" in result.stderr


def test_rubric_check_ok_summary():
    result = run("rubric", "check", str(RUBRICS / "tiny.yaml"), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        f"OK: {RUBRICS / 'tiny.yaml'}: rubric tiny (provisional), 0 domains, 2 aspects, "
        "4 indicators, levels 0 to 4, 3 predicates"
    )


@pytest.mark.parametrize("rubric_id", ["permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"])
def test_bundled_rubrics_check_ok(rubric_id: str):
    result = run("rubric", "check", rubric_id)
    assert result.exit_code == 0 and result.stdout.startswith("OK: ")


def test_rubric_check_unreadable_file(tmp_path: Path):
    result = run("rubric", "check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "SPBE001" in result.stderr


def test_rubric_ids_are_strict():
    data = read_document(RUBRICS / "tiny.yaml").data
    data["aspects"][1]["indicators"][0]["id"] = True
    problems = build_rubric(data)
    assert isinstance(problems, list)
    assert {p.code for p in problems} == {"SPBE106"}
    data["aspects"][1]["indicators"][0]["id"] = " 2"
    problems = build_rubric(data)
    assert isinstance(problems, list) and [p.code for p in problems] == ["SPBE208"]


def test_weights_are_exact_not_float():
    """Three thirds of 20 are exactly 20: a float sum would miss 100 by a hair."""
    data = read_document(RUBRICS / "tiny.yaml").data
    built = build_rubric(data)
    assert isinstance(built, Rubric)
    assert built.total_weight == 100
    assert built.by_key["1-1"].weight == Fraction(20, 3)


# --- spbe rubric schema ---------------------------------------------------------------------


def test_rubric_schema_is_json_schema_with_exact_numbers():
    result = run("rubric", "schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["required"]) >= {"id", "levels", "predicates", "scales"}
    weight = schema["$defs"]["RawIndicator"]["properties"]["weight"]
    kinds = {alt["type"] for alt in weight["anyOf"]}
    assert kinds == {"number", "string"}
    pattern = re.compile(next(a["pattern"] for a in weight["anyOf"] if a["type"] == "string"))
    assert pattern.match("20/6") and pattern.match("1.3") and not pattern.match("about 7")
    ident = schema["$defs"]["RawIndicator"]["properties"]["id"]
    assert {alt["type"] for alt in ident["anyOf"]} == {"integer", "string"}
    assert schema["$defs"]["RawAspect"]["additionalProperties"] is False


def test_the_documented_example_rubric_is_valid(tmp_path: Path):
    readme = (ROOT / "rubrics" / "README.md").read_text()
    example = re.search(r"```yaml\n(.*?)```", readme, re.S)
    assert example is not None
    path = tmp_path / "example.yaml"
    path.write_text(example[1])
    result = run("rubric", "check", str(path))
    assert result.exit_code == 0, result.stderr
