"""Rubrics through the entry point: no-domain layouts, notices, custom rubrics, `rubric check`.

The frameworks as data (5/2018, 59/2020, Pemdi 2026) are scored in tests/unit/test_rubrics.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT
from typer.testing import CliRunner

from spbe_cli.cli.main import app

RUBRICS = FIXTURES / "rubrics"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


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
    assert "bersifat sementara" in run("score", path).stdout
    assert "Notice: rubric" in run("score", path, "--lang", "en").stdout
    markdown = run("score", path, "--format", "markdown").stdout
    assert re.search(r"^> Catatan: rubrik \S+ bersifat sementara", markdown, re.M)
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
    assert records["permenpanrb-5-2018"]["era"] == "2018-2020"
    # The source is English text in the rubric file: English output quotes it, Indonesian output
    # says where to read it instead of carrying an English paragraph (issue 14).
    english = run("rubric", "list", "--lang", "en").stdout
    assert "PermenPANRB 8/2026 was not seen" in " ".join(english.split())
    table = run("rubric", "list").stdout
    assert "was not seen" not in table and "sementara" in table
    assert "spbe rubric show --rubric pemdi-8-2026 --lang en" in table
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
    # Named by an assessment, the rubric's problems show by place and code only (issue 13).
    assert re.search(r"r\.yaml:22:\d+: error\[SPBE116\]: .*\(SPBE201\)", result.stderr)


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
        f"OK: {RUBRICS / 'tiny.yaml'}: rubric tiny (provisional), no domains, 2 aspects, "
        "4 indicators, levels 0 to 4, 3 predicates"
    )


@pytest.mark.parametrize("rubric_id", ["permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"])
def test_bundled_rubrics_check_ok(rubric_id: str):
    result = run("rubric", "check", rubric_id)
    assert result.exit_code == 0 and result.stdout.startswith("OK: ")


def test_rubric_check_unreadable_file(tmp_path: Path):
    result = run("rubric", "check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "SPBE001" in result.stderr


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
