"""`spbe init`: a ready-to-fill self-assessment that validates as incomplete until it is filled."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, bundled
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.files.reader import read_document
from spbe_cli.render.template import rubric_for_year

runner = CliRunner()
BUNDLED = ["permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"]


def run(*args: str):
    return runner.invoke(app, list(args))


def init_file(path: Path, *args: str) -> Path:
    result = run("init", *args, "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def fill_yaml(path: Path, level: int) -> None:
    text = re.sub(r"^(    level:)  # .*$", rf"\1 {level}", path.read_text(), flags=re.M)
    path.write_text(text)


def fill_toml(path: Path, level: int) -> None:
    text = re.sub(r"^# level =   # .*$", f"level = {level}", path.read_text(), flags=re.M)
    path.write_text(text)


def score_json(path: Path, *extra: str) -> dict:
    result = run("score", str(path), "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("rubric_id", BUNDLED)
@pytest.mark.parametrize("suffix", ["yaml", "toml"])
def test_init_is_incomplete_until_filled(rubric_id: str, suffix: str, tmp_path: Path):
    path = init_file(tmp_path / f"a.{suffix}", "--rubric", rubric_id, "--instansi", "Kota Uji")
    rubric = bundled(rubric_id)
    refused = run("score", str(path))
    assert refused.exit_code == 2
    missing = re.search(r"error\[SPBE104\]: indikator belum diisi: ([^;]+);", refused.stderr)
    assert missing, refused.stderr
    assert missing[1].split(", ") == [i.key for i in rubric.indicators]
    assert [
        line for line in refused.stderr.splitlines() if "error[" in line and "SPBE104" not in line
    ] == []
    draft = score_json(path, "--partial")
    assert draft["complete"] is False and len(draft["missing"]) == len(rubric.indicators)
    (fill_toml if suffix == "toml" else fill_yaml)(path, 3)
    record = score_json(path)
    assert record["complete"] is True
    assert record["index"]["exact"] == "3"
    assert record["rubric"] == rubric_id and record["instansi"]["nama"] == "Kota Uji"


def test_yaml_template_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)  # no schemas/ here: the schema line is test_init_schema.py's
    result = run(
        "init", "--rubric", "permenpanrb-59-2020", "--instansi", "Kota: Uji", "--tahun", "2024"
    )
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Penilaian mandiri SPBE")
    data = yaml.safe_load(text)
    assert data["rubrik"] == "permenpanrb-59-2020" and data["tahun"] == 2024
    assert data["instansi"] == {"nama": "Kota: Uji"}
    assert list(data["indikator"]) == list(range(1, 48))
    assert data["indikator"][12] == {"level": None, "penjelasan": "", "bukti_dukung": []}
    rubric = bundled("permenpanrb-59-2020")
    ind = rubric.by_key["12"]
    block = text[text.index("# Indikator 12 ") : text.index("\n  12:\n")]
    flat = " ".join(line.strip("# ").strip() for line in block.splitlines())
    assert " ".join(ind.name.split()) in flat
    assert " ".join(ind.question.split()) in flat
    for level in range(1, 6):
        assert f"{level} {ind.level_name(level)}: {' '.join(ind.criteria[level].split())}" in flat
    assert all(len(line) <= 100 for line in text.splitlines()[1:])


def test_template_without_criteria_lists_level_names():
    text = run("init", "--rubric", "permenpanrb-5-2018").stdout
    assert '"35-2":' in text
    assert "# Tingkat: 0 Tidak Ada · 1 Diseminasi (penyebaran satu arah) · 2 Interaksi" in text
    assert "Domain 3 · Layanan SPBE (bobot 55)" in text
    assert "bersifat sementara" in text and "was not read" not in text  # no English paragraph


def test_default_rubric_follows_the_year():
    assert yaml.safe_load(run("init", "--tahun", "2019").stdout)["rubrik"] == "permenpanrb-5-2018"
    assert yaml.safe_load(run("init", "--tahun", "2023").stdout)["rubrik"] == "permenpanrb-59-2020"
    assert yaml.safe_load(run("init", "--tahun", "2027").stdout)["rubrik"] == "pemdi-8-2026"
    # 59/2020 took effect on 1 January 2021: the 2020 round was still evaluated under 5/2018.
    assert yaml.safe_load(run("init", "--tahun", "2020").stdout)["rubrik"] == "permenpanrb-5-2018"
    gap = run("init", "--tahun", "2017")
    assert gap.exit_code == 2 and "--rubric" in gap.stderr
    rubrics = [bundled(r) for r in BUNDLED]
    assert rubric_for_year(rubrics, 2021).id == "permenpanrb-59-2020"


def test_from_carries_last_years_content(tmp_path: Path):
    last = EXAMPLES / "kota-contoh-2022.yaml"
    path = init_file(tmp_path / "2023.yaml", "--from", str(last))
    new = yaml.safe_load(path.read_text())
    old = yaml.safe_load(last.read_text())
    assert new["tahun"] == 2023 and new["tahap"] == "mandiri"
    assert new["rubrik"] == old["rubrik"] and new["instansi"] == old["instansi"]
    assert set(new["indikator"]) == set(old["indikator"])
    for key, entry in old["indikator"].items():
        if isinstance(entry, dict):
            want = (
                entry.get("level"),
                entry.get("penjelasan") or "",
                entry.get("bukti_dukung") or [],
            )
        else:
            want = (entry, "", [])
        got = new["indikator"][key]
        assert (got["level"], got["penjelasan"], got["bukti_dukung"]) == want, key
    assert f"dibawa dari {last}" in path.read_text().replace("\n# ", " ")
    assert score_json(path)["index"] == score_json(last)["index"]


@pytest.mark.parametrize("example", ["kota-contoh-2022.yaml", "kota-contoh-2019.yaml"])
def test_round_trip_yaml_toml_same_score(example: str, tmp_path: Path):
    source = EXAMPLES / example
    as_toml = init_file(tmp_path / "x.toml", "--from", str(source), "--format", "toml")
    as_yaml = init_file(tmp_path / "x.yaml", "--from", str(source))
    data = read_document(as_toml).data
    assert isinstance(data, dict) and tomllib.loads(as_toml.read_text()) == data
    original, toml_card, yaml_card = score_json(source), score_json(as_toml), score_json(as_yaml)
    for key in ("index", "domains", "aspects"):
        assert toml_card[key] == original[key] == yaml_card[key]
    assert toml_card["indicators"] == original["indicators"]


def test_from_a_different_rubric_carries_only_existing_ids(tmp_path: Path):
    last = FIXTURES / "denpasar-2018.yaml"
    path = init_file(tmp_path / "pemdi.yaml", "--from", str(last), "--rubric", "pemdi-8-2026")
    text = path.read_text()
    data = yaml.safe_load(text)
    assert list(data["indikator"]) == list(range(1, 21))
    assert data["indikator"][8]["level"] == 3  # denpasar-2018 indicator 8 is at level 3
    assert "PERHATIAN" in text and "permenpanrb-5-2018" in text
    zero = tmp_path / "zero.yaml"
    zero.write_text(last.read_text().replace("\n  1: 2\n", "\n  1: 0\n"))
    path = init_file(tmp_path / "59.yaml", "--from", str(zero), "--rubric", "permenpanrb-59-2020")
    data = yaml.safe_load(path.read_text())
    assert data["indikator"][1]["level"] is None
    assert "level tahun lalu 0 di luar rentang 1 sampai 5" in path.read_text()
    assert "35-1" not in data["indikator"] and len(data["indikator"]) == 47


def test_from_an_invalid_file_is_refused(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rubrik: permenpanrb-59-2020\ninstansi: X\ntahun: 2022\nindikator:\n  1: yes\n")
    result = run("init", "--from", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:5:6: error[SPBE103]" in result.stderr
    assert "tidak sah" in result.stderr and result.stdout == ""


def test_refuses_to_overwrite_without_force(tmp_path: Path):
    path = tmp_path / "a.yaml"
    path.write_text("keep me\n")
    result = run("init", "--rubric", "pemdi-8-2026", "-o", str(path))
    assert result.exit_code == 2
    assert "sudah ada" in result.stderr and "--force" in result.stderr
    assert path.read_text() == "keep me\n"
    forced = run("init", "--rubric", "pemdi-8-2026", "-o", str(path), "--force")
    assert forced.exit_code == 0 and path.read_text().startswith("# Penilaian mandiri SPBE")
    assert list(tmp_path.iterdir()) == [path]


def test_format_must_match_the_output_suffix(tmp_path: Path):
    result = run("init", "--format", "toml", "-o", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2 and "--format toml" in result.stderr
    assert not (tmp_path / "a.yaml").exists()
    assert run("init", "--format", "json").exit_code == 2


def test_custom_rubric_path_is_written_relative_to_the_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "rubrik").mkdir()
    (tmp_path / "opd").mkdir()
    (tmp_path / ".git").mkdir()  # a repository: `rubrik: ../` may lead anywhere inside it
    shutil.copy(FIXTURES / "rubrics" / "tiny.yaml", tmp_path / "rubrik" / "tiny.yaml")
    monkeypatch.chdir(tmp_path)
    path = init_file(Path("opd") / "dinas.yaml", "--rubric", "rubrik/tiny.yaml", "--tahun", "2030")
    text = path.read_text()
    assert not text.startswith("# yaml-language-server")
    assert yaml.safe_load(text)["rubrik"] == "../rubrik/tiny.yaml"
    assert '"1-1":' in text and "0 Nol: Tidak ada" in text
    monkeypatch.chdir(FIXTURES)
    fill_yaml(tmp_path / path, 0)
    record = score_json(tmp_path / path)
    assert record["index"]["exact"] == "0" and record["index"]["predicate"] == "Rendah"


def test_english_comments():
    text = run("init", "--rubric", "pemdi-8-2026", "--lang", "en").stdout
    assert "# Give each indicator's `level` as a whole number 1 to 5" in text
    assert "    level:  # choose 1 to 5" in text
