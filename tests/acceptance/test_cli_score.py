"""`spbe score` through the real entry point: every format, every exit code, plain off a tty."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
Y2021 = str(EXAMPLES / "kota-contoh-2021.yaml")
Y2022 = str(EXAMPLES / "kota-contoh-2022.yaml")


def score(*args: str):
    return runner.invoke(app, ["score", *args])


def test_json_contract_for_one_file() -> None:
    result = score(Y2022, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["file"] == Y2022
    assert data["rubric"] == "permenpanrb-59-2020"
    assert data["instansi"] == {
        "nama": "Pemerintah Kota Contoh",
        "jenis": "kota",
        "provinsi": "Jambi",
    }
    assert (data["tahun"], data["tahap"]) == (2022, "mandiri")
    assert data["index"] == {"value": 2.79, "exact": "2.792", "predicate": "Baik"}
    assert [d["id"] for d in data["domains"]] == [1, 2, 3, 4]
    assert len(data["aspects"]) == 8 and data["aspects"][4]["domain"] == 3
    assert len(data["indicators"]) == 47
    first = data["indicators"][0]
    assert set(first) >= {"id", "name", "aspect", "weight", "level", "contribution"}
    assert sum(Fraction(i["contribution"]) for i in data["indicators"]) == Fraction(
        data["index"]["exact"]
    )


def test_json_values_keep_two_decimals_as_written() -> None:
    result = score(Y2022, "--format", "json")
    assert '"value": 2.90,' in result.stdout  # domain 1: a JSON number written as shown
    domain3 = json.loads(result.stdout)["domains"][2]["index"]
    assert domain3["exact"] == "19/11"  # 16.5 in the denominator: not a terminating decimal


def test_json_for_several_files_is_an_array_in_order() -> None:
    result = score(Y2022, Y2021, "--format", "json")
    data = json.loads(result.stdout)
    assert [d["tahun"] for d in data] == [2022, 2021]


def test_table_off_a_terminal_is_plain() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "spbe_cli", "score", Y2022],
        capture_output=True,
        env={**os.environ, "COLUMNS": "80"},
        check=False,
    )
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "\x1b[" not in out
    assert not any(ch in out for ch in "┃│━─┏")
    assert "Indeks SPBE: 2,79 · Predikat: Baik" in out
    assert "Kebijakan Internal SPBE" in out and "Tingkat Kematangan Layanan Publik Sektor 3" in out
    assert max(len(line) for line in out.splitlines()) <= 80  # COLUMNS is honoured off a tty


def test_table_on_a_terminal_uses_rich(tmp_path) -> None:
    script = (
        "import sys; sys.argv=['spbe','score',sys.argv[1]]; "
        "from spbe_cli.__main__ import main; main()"
    )
    out = tmp_path / "typescript"
    cmd = f'{sys.executable} -c "{script}" {Y2022}'
    proc = subprocess.run(
        ["script", "-qec", cmd, str(out)],
        capture_output=True,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "160"},
        check=False,
    )
    if proc.returncode != 0 and b"not found" in proc.stderr:
        pytest.skip("script(1) is not available")
    text = out.read_text(errors="replace")
    assert "\x1b[" in text  # colours on a real terminal
    assert "2,79" in text


def test_detail_levels() -> None:
    domains = score(Y2022, "--detail", "domains").stdout
    assert "Layanan SPBE" in domains and "Aspek" not in domains
    aspects = score(Y2022, "--detail", "aspects").stdout
    assert "Penyelenggara SPBE" in aspects and "Tingkat Kematangan" not in aspects


def test_english_headings() -> None:
    out = score(Y2022, "--lang", "en").stdout
    assert "SPBE Index: 2.79 · Predicate: Baik" in out
    assert "Contribution" in out


def test_csv_has_every_row() -> None:
    rows = list(csv.DictReader(io.StringIO(score(Y2021, "--format", "csv").stdout)))
    kinds = [r["kind"] for r in rows]
    assert kinds.count("index") == 1 and kinds.count("domain") == 4
    assert kinds.count("aspect") == 8 and kinds.count("indicator") == 47
    assert rows[0]["index"] == "1.69" and rows[0]["predicate"] == "Kurang"


def test_markdown_table() -> None:
    out = score(Y2022, "--format", "markdown").stdout
    assert out.startswith("## Hasil penilaian: Pemerintah Kota Contoh · 2022")
    assert "| 4 | Layanan SPBE | 45,5 | 3,31 | Baik |" in out


def test_yaml_and_toml_carry_the_same_figures() -> None:
    as_yaml = yaml.safe_load(score(Y2022, "--format", "yaml").stdout)
    as_toml = tomllib.loads(score(Y2022, "--format", "toml").stdout)
    for data in (as_yaml, as_toml):
        assert data["index"]["exact"] == "2.792" and data["index"]["predicate"] == "Baik"
        assert len(data["indicators"]) == 47


def test_folder_gives_a_summary() -> None:
    result = score(str(EXAMPLES))
    assert result.exit_code == 0
    assert "Ringkasan 5 berkas" in result.stdout
    assert "kota-contoh-2021.yaml" in result.stdout and "1,69" in result.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-under", "2.79"], 0),
        (["--fail-under", "2.8"], 1),
        (["--min-predicate", "baik"], 0),
        (["--min-predicate", "Sangat Baik"], 1),
        (["--min-predicate", "sangat-baik"], 1),
        (["--min-predicate", "luar biasa"], 2),
        (["--fail-under", "dua"], 2),
        (["--format", "pdf"], 2),
    ],
)
def test_exit_codes(args: list[str], code: int) -> None:
    result = score(Y2022, *args)
    assert result.exit_code == code, result.output


def test_fail_under_compares_the_exact_value_and_says_so() -> None:
    # An exact 2.5975 shows "2.60" but is below 2.6.
    path = FIXTURES / "exact-2.5975.yaml"
    result = score(str(path), "--fail-under", "2.6")
    assert result.exit_code == 1
    assert "2,60" in result.stdout
    assert "nilai pasti 2,5975" in result.stderr
    # The threshold as the user wrote it (not 13/5), and the file, not only the agency's name.
    assert f"--fail-under 2,6: {path}" in result.stderr
    english = score(str(path), "--fail-under", "2.6", "--lang", "en")
    assert f"exact value 2.5975) is below --fail-under 2.6: {path}" in english.stderr


def test_threshold_prints_the_result_first() -> None:
    result = score(Y2021, "--fail-under", "2.6", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["index"]["value"] == 1.69


def test_invalid_file_among_valid_ones_exits_2() -> None:
    result = score(Y2022, str(FIXTURES / "bad" / "not-whole.yaml"))
    assert result.exit_code == 2
    assert "error[SPBE103]" in result.stderr


def test_version_and_module_entry_point() -> None:
    from spbe_cli import __version__

    out = subprocess.run(
        [sys.executable, "-m", "spbe_cli", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"spbe-cli {__version__}"


def test_toml_and_json_assessments_score_like_yaml(tmp_path) -> None:
    data = yaml.safe_load(Path(Y2022).read_text())
    import tomli_w

    (tmp_path / "a.toml").write_text(
        tomli_w.dumps({**data, "indikator": {str(k): v for k, v in data["indikator"].items()}})
    )
    (tmp_path / "a.json").write_text(json.dumps(data))
    for name in ("a.toml", "a.json"):
        result = score(str(tmp_path / name), "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["index"]["exact"] == "2.792"


def test_rubric_show_indicator() -> None:
    result = runner.invoke(app, ["rubric", "show", "12"])
    assert result.exit_code == 0
    assert "Peta Rencana SPBE" in result.stdout and "Optimum" in result.stdout
    assert runner.invoke(app, ["rubric", "show", "99"]).exit_code == 2


def test_rubric_list() -> None:
    out = runner.invoke(app, ["rubric", "list", "--format", "json"]).stdout
    ids = {r["id"]: r["status"] for r in json.loads(out)}
    assert ids == {
        "permenpanrb-59-2020": "verified",
        "permenpanrb-5-2018": "provisional",
        "pemdi-8-2026": "provisional",
    }


def test_the_lean_app_of_one_command_behaves_like_the_whole_app() -> None:
    from spbe_cli.cli.main import app_for

    args = ["score", Y2022, "--format", "json"]
    lean = runner.invoke(app_for(args), args)
    assert lean.exit_code == 0 and lean.stdout == score(Y2022, "--format", "json").stdout
    assert app_for(["--help"]) is app and app_for(["nosuch"]) is app
    rubric_args = ["rubric", "show", "12"]
    assert (
        runner.invoke(app_for(rubric_args), rubric_args).stdout
        == runner.invoke(app, rubric_args).stdout
    )


def test_rubric_show_honours_format_and_refuses_an_unknown_one() -> None:
    # `rubric show -f json` without an indicator once printed the human table instead.
    whole = json.loads(runner.invoke(app, ["rubric", "show", "-f", "json"]).stdout)
    assert [r["id"] for r in whole] == list(range(1, 48))
    assert whole[11]["levels"][4]["name"] == "Optimum"
    assert runner.invoke(app, ["rubric", "list", "-f", "csv"]).exit_code == 2
