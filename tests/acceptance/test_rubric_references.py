"""Naming a rubric (issue 15): a bundled id, the regulation's usual names (aliases, as data in the
rubric files), or a file; `--rubric` is checked before any assessment is read and its errors
name the option, not the assessment's `rubrik`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT, bundled
from typer.testing import CliRunner

from spbe_cli.app.assess import RubricStore, bundled_ids
from spbe_cli.cli.main import app
from spbe_cli.model.rubric import reference_key

runner = CliRunner()
K2022 = EXAMPLES / "kota-contoh-2022.yaml"


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize(
    ("name", "rubric_id"),
    [
        ("permenpanrb-59-2020", "permenpanrb-59-2020"),
        ("PermenPANRB 59/2020", "permenpanrb-59-2020"),
        ("Permenpan RB 59 Tahun 2020", "permenpanrb-59-2020"),
        ("PERMENPAN-RB No. 59 Tahun 2020", "permenpanrb-59-2020"),
        ("Peraturan Menteri PANRB Nomor 59 Tahun 2020", "permenpanrb-59-2020"),
        ("PermenPANRB 5/2018", "permenpanrb-5-2018"),
        ("Pemdi 8/2026", "pemdi-8-2026"),
        ("Permenpanrb-59-2020", "permenpanrb-59-2020"),
    ],
)
def test_aliases_name_the_bundled_rubrics(name: str, rubric_id: str) -> None:
    store = RubricStore()
    assert store.alias_of(name) == rubric_id
    assert store.resolve(name, Path.cwd()) == store.resolve(rubric_id, Path.cwd())


def test_no_alias_of_one_bundled_rubric_names_another() -> None:
    seen: dict[str, str] = {}
    for rubric_id in bundled_ids():
        rubric = bundled(rubric_id)
        assert rubric.aliases, f"{rubric_id} lists no aliases"
        for name in {rubric_id, *rubric.aliases}:
            key = reference_key(name)
            assert seen.setdefault(key, rubric_id) == rubric_id, (name, seen[key], rubric_id)


def test_the_rubrik_of_a_file_may_be_the_regulations_name(tmp_path: Path) -> None:
    text = K2022.read_text(encoding="utf-8")
    file = tmp_path / "kota.yaml"
    file.write_text(text.replace("rubrik: permenpanrb-59-2020", "rubrik: PermenPANRB 59/2020"))
    record = json.loads(run("score", file, "-f", "json").stdout)
    assert record["rubric"] == "permenpanrb-59-2020" and record["index"]["exact"] == "2.792"


def test_an_unknown_name_is_spbe108_listing_the_ids_not_a_missing_file(tmp_path: Path) -> None:
    text = K2022.read_text(encoding="utf-8")
    file = tmp_path / "kota.yaml"
    file.write_text(text.replace("rubrik: permenpanrb-59-2020", "rubrik: PermenPANRB 59/2021"))
    result = run("validate", file, "--lang", "en")
    assert result.exit_code == 1
    line = result.stdout.splitlines()[0]
    assert f"{file}:2:9: error[SPBE108]: unknown rubric 'PermenPANRB 59/2021'" in line
    assert ", ".join(bundled_ids()) in line and "SPBE001" not in result.stdout


@pytest.mark.parametrize("ref", ["permenpanrb-59-2020", "PermenPANRB 59/2020"])
def test_a_bundled_rubric_by_id_or_alias_works_on_every_option(ref: str) -> None:
    score = run("score", K2022, "--rubric", ref, "-f", "json")
    assert score.exit_code == 0, score.output
    assert json.loads(score.stdout)["rubric"] == "permenpanrb-59-2020"
    validate = run("validate", K2022, "--rubric", ref)
    assert validate.exit_code == 0 and "1 sah" in validate.stdout
    plan = run("plan", K2022, "--target", "3", "--rubric", ref, "-f", "json")
    assert plan.exit_code == 0 and json.loads(plan.stdout)["reachable"] is True
    assert run("rubric", "show", "12", "--rubric", ref).exit_code == 0
    assert run("schema", ref).exit_code == 0


@pytest.mark.parametrize("command", ["score", "validate", "plan"])
def test_an_unknown_rubric_option_is_a_usage_error_before_any_file(command: str) -> None:
    extra = ["--target", "3"] if command == "plan" else []
    result = run(command, K2022, *extra, "--rubric", "PermenPANRB 5/2019", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: --rubric 'PermenPANRB 5/2019' is unknown;")
    assert "permenpanrb-59-2020" in result.stderr


@pytest.mark.parametrize("command", ["score", "validate", "plan"])
def test_a_broken_rubric_file_names_the_option_and_the_file_as_given(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FIXTURES / "rubrics" / "weights-total.yaml", tmp_path / "opd.yaml")
    monkeypatch.chdir(tmp_path)
    extra = ["--target", "3"] if command == "plan" else []
    result = run(command, K2022, *extra, "--rubric", "opd.yaml", "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("opd.yaml:19:1: error[SPBE201]: weights do not add up")
    assert lines[-1] == (
        "Error: --rubric opd.yaml cannot be used: the problem above; "
        "check it with `spbe rubric check opd.yaml`"
    )
    assert "SPBE111" not in result.stderr and "rubrik" not in result.stderr


def test_rubric_check_accepts_an_alias_and_refuses_an_unknown_name() -> None:
    ok = run("rubric", "check", "Pemdi 8/2026", "--lang", "en")
    assert ok.exit_code == 0 and "rubric pemdi-8-2026" in ok.stdout
    unknown = run("rubric", "check", "opd", "--lang", "en")
    assert unknown.exit_code == 2 and "unknown rubric 'opd'" in unknown.stderr


def test_aliases_are_checked_like_the_other_name_lists(tmp_path: Path) -> None:
    text = (FIXTURES / "rubrics" / "tiny.yaml").read_text(encoding="utf-8")
    rubric = tmp_path / "r.yaml"
    rubric.write_text(text + "aliases: [Perda 1/2025, 'PERDA  1/2025', ' x']\n", encoding="utf-8")
    result = run("rubric", "check", rubric, "--lang", "en")
    assert result.exit_code == 2
    codes = [line.split("error[")[1][:7] for line in result.stderr.splitlines() if "error[" in line]
    assert codes == ["SPBE220", "SPBE219"]


def test_the_rubric_schema_describes_aliases() -> None:
    schema = json.loads(run("rubric", "schema").stdout)
    assert "aliases" in schema["properties"]
    assert "aliases" not in schema["required"]
    assert "PermenPANRB 59/2020" in schema["properties"]["aliases"]["description"]
    assert (ROOT / "rubrics" / "README.md").read_text(encoding="utf-8").count("`aliases`") >= 2
