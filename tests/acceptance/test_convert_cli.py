"""`spbe convert FILE -o OUT`: formats by suffix, never over a file without --force, and a text the
target cannot hold exactly is refused at its place in the source (SPBE140), never altered."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

pytest.importorskip("openpyxl")
EXAMPLE = EXAMPLES / "kota-contoh-2026.yaml"


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def scored(path: Path) -> dict[str, Any]:
    result = run("score", str(path), "-f", "json", "--partial")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    record.pop("file")
    return record


@pytest.mark.parametrize("suffix", [".toml", ".json", ".xlsx", ".yml"])
def test_the_suffix_chooses_the_format(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"kota{suffix}"
    result = run("convert", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"{out} ditulis" in result.stderr
    assert scored(out) == scored(EXAMPLE)


def test_never_over_a_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "kota.json"
    out.write_text("keep")
    refused = run("convert", str(EXAMPLE), "-o", str(out))
    assert refused.exit_code == 2 and "--force" in refused.output
    assert out.read_text() == "keep"
    assert run("convert", str(EXAMPLE), "-o", str(out), "--force").exit_code == 0
    same = run("convert", str(out), "-o", str(out), "--force")
    assert same.exit_code == 2 and "berkas masukan" in same.output


def test_usage_errors(tmp_path: Path) -> None:
    cases = {
        ("-o", str(tmp_path / "a.yaml"), "-f", "json"): "--format json",
        ("-o", str(tmp_path / "a.txt")): ".txt",
        (): "--format yaml",
        ("-f", "xlsx"): "-o",
    }
    for args, words in cases.items():
        result = run("convert", str(EXAMPLE), *args)
        assert result.exit_code == 2 and words in result.output, (args, result.output)
    assert not list(tmp_path.iterdir())


def test_to_standard_output_and_a_draft(tmp_path: Path) -> None:
    draft = FIXTURES / "bad" / "missing.yaml"
    result = run("convert", str(draft), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    levels = [entry["level"] for entry in data["indikator"].values()]
    assert len(levels) == 47 and levels.count(None) == 2  # a draft stays a draft
    invalid = run("convert", str(FIXTURES / "bad" / "out-of-range.yaml"), "-f", "json")
    assert invalid.exit_code == 2 and "SPBE102" in invalid.output


def test_a_text_a_workbook_cannot_hold_is_refused_at_its_place(tmp_path: Path) -> None:
    source = tmp_path / "kota.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    # A blank evidence item and a carriage return in an explanation: valid in a file (a line
    # break or a control character would be refused earlier, by validation: SPBE112).
    text = text.replace(
        "bukti_dukung: [perwal-5-2025-pemerintahan-digital.pdf",
        'bukti_dukung: ["   "',
        1,
    )
    source.write_text(text.replace('penjelasan: "Diskominfo', 'penjelasan: "\\rDiskominfo', 1))
    out = tmp_path / "kota.xlsx"
    result = run("convert", str(source), "-o", str(out), "--lang", "en")
    assert result.exit_code == 2 and not out.exists()
    lines = [line for line in result.stderr.splitlines() if "SPBE140" in line]
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith(f"{source}:16:") and "an evidence item that holds a line" in lines[0]
    assert lines[1].startswith(f"{source}:19:") and "carriage return" in lines[1]
    as_json = tmp_path / "kota.json"
    assert run("convert", str(source), "-o", str(as_json)).exit_code == 0  # JSON holds both


def test_a_rubric_path_is_rewritten_for_the_new_folder(tmp_path: Path) -> None:
    (tmp_path / "rubrik").mkdir()
    (tmp_path / ".git").mkdir()  # a repository: `rubrik: ../rubrik/...` stays inside (issue 13)
    shutil.copy(FIXTURES / "facts" / "per-ten.yaml", tmp_path / "rubrik" / "per-ten.yaml")
    source = tmp_path / "opd.yaml"
    source.write_text(
        "rubrik: ./rubrik/per-ten.yaml\ninstansi: {nama: Dinas Uji, jenis: dinas}\ntahun: 2030\n"
        "indikator: {1: 3, 2: 4}\n"
    )
    (tmp_path / "keluar").mkdir()
    out = tmp_path / "keluar" / "opd.xlsx"
    assert run("convert", str(source), "-o", str(out)).exit_code == 0
    assert scored(out)["index"]["exact"] == "3.6"
    back = tmp_path / "keluar" / "opd.json"
    assert run("convert", str(out), "-o", str(back)).exit_code == 0
    assert json.loads(back.read_text())["rubrik"] == "../rubrik/per-ten.yaml"
