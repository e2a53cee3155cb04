"""Every class of bad input gives its code, a line and column, a message that says what to do,
and exit 2 — through the real entry point, and never a traceback."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

BAD = FIXTURES / "bad"
runner = CliRunner()


def run_score(*args: str):
    return runner.invoke(app, ["score", *args])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unknown-id.yaml", [("54:3", "SPBE101", "'48'")]),
        (
            "out-of-range.yaml",
            [("11:6", "SPBE102", "level 6 indikator 5"), ("13:6", "SPBE102", "level 0")],
        ),
        (
            "not-whole.yaml",
            [
                ("9:6", "SPBE103", "true (boolean)"),
                ("10:6", "SPBE103", "3.5"),
                ("15:6", "SPBE103", "'3'"),
            ],
        ),
        ("missing.yaml", [("6:1", "SPBE104", "12, 40")]),
        ("unknown-key.yaml", [("6:1", "SPBE105", "'catatan'")]),
        ("duplicate.yaml", [("54:3", "SPBE006", "baris 8")]),
        ("wrong-type.yaml", [("5:8", "SPBE106", "'tahun'")]),
        ("bad-stage.yaml", [("6:8", "SPBE109", "'final'")]),
        (
            "long-form-errors.yaml",
            [
                ("9:12", "SPBE103", "tulis misalnya: 2"),
                ("10:17", "SPBE106", "penjelasan"),
                ("11:5", "SPBE105", "bukti_dukung"),
            ],
        ),
        ("unknown-rubric.yaml", [("1:9", "SPBE108", "permenpanrb-59-2020")]),
        ("not-a-mapping.yaml", [("1:1", "SPBE100", "")]),
        ("syntax.yaml", [("8:1", "SPBE005", "YAML")]),
    ],
)
def test_bad_input_reports_every_problem_with_its_place(
    name: str, expected: list[tuple[str, str, str]]
) -> None:
    result = run_score(str(BAD / name))
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if "[SPBE" in line]
    assert len(lines) == len(expected), result.stderr
    for line, (place, code, fragment) in zip(lines, expected, strict=True):
        assert line.startswith(f"{BAD / name}:{place}: error[{code}]: "), line
        assert fragment in line
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout == ""


def test_messages_in_english() -> None:
    result = run_score(str(BAD / "not-whole.yaml"), "--lang", "en")
    assert "must be a whole number, not true (boolean); write for example: 3" in result.stderr


def test_yes_is_never_scored_as_level_one() -> None:
    result = run_score(str(BAD / "not-whole.yaml"), "--format", "json")
    assert result.exit_code == 2
    assert '"index"' not in result.stdout


def test_partial_accepts_missing_indicators_and_shows_the_range() -> None:
    result = run_score(str(BAD / "missing.yaml"), "--partial")
    assert result.exit_code == 0, result.output
    assert "2 indikator belum diisi" in result.stdout
    # 45 indicators at 3; 12 (weight 2.5) and 40 (2.75) from 1 to 5: (300 ∓ 10.5) / 100.
    assert "2,90 (Baik) dan 3,11 (Baik)" in result.stdout


def test_keys_as_numbers_or_strings_are_the_same_id(tmp_path) -> None:
    text = (BAD / "missing.yaml").read_text() + "  '12': 3\n  \"40\": 3\n"
    path = tmp_path / "mixed.yaml"
    path.write_text(text)
    result = run_score(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"value": 3.00' in result.stdout


def test_same_id_as_number_and_string_is_a_duplicate(tmp_path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text((BAD / "missing.yaml").read_text() + "  12: 3\n  '12': 4\n  40: 3\n")
    result = run_score(str(path))
    assert result.exit_code == 2
    assert "error[SPBE006]" in result.stderr and "'12'" in result.stderr


def test_python_tags_are_refused_not_constructed(tmp_path) -> None:
    path = tmp_path / "tag.yaml"
    path.write_text("rubrik: !!python/object/apply:os.system ['echo pwned']\n")
    result = run_score(str(path))
    assert result.exit_code == 2
    assert "error[SPBE007]" in result.stderr
    assert "pwned" not in result.stdout


def test_missing_file_and_folder_without_files(tmp_path) -> None:
    result = run_score(str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "error[SPBE001]" in result.stderr
    result = run_score(str(tmp_path))
    assert result.exit_code == 2 and "tidak ada berkas penilaian" in result.stderr


def test_a_mapping_where_a_choice_belongs_is_reported_not_crashed(tmp_path) -> None:
    # Found by the fuzz test: `tahap: {a: 1}` once crashed the message catalogue.
    path = tmp_path / "stage.yaml"
    path.write_text((BAD / "bad-stage.yaml").read_text().replace("tahap: final", "tahap: {a: 1}"))
    result = run_score(str(path))
    assert result.exit_code == 2
    assert (
        "error[SPBE109]: 'tahap' bernilai 'mapping'; pilih salah satu: 'mandiri'," in result.stderr
    )
