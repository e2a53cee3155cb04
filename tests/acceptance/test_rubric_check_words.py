"""`spbe rubric check` and the file-level errors in words a user reads (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
TINY = (FIXTURES / "rubrics" / "tiny.yaml").read_text(encoding="utf-8")


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def test_paths_as_given_and_one_problem_in_the_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "opd.yaml").write_text(
        TINY.replace("{id: 2, name: Dua, weight: 60", "{id: 2, name: Dua, weight: 61")
    )
    monkeypatch.chdir(tmp_path)
    english = run("rubric", "check", "opd.yaml", "--lang", "en")
    assert english.exit_code == 2
    lines = english.stderr.splitlines()
    assert lines[0].startswith("opd.yaml:") and str(tmp_path) not in english.stderr
    assert lines[-1] == "1 problem in rubric opd.yaml"
    assert run("rubric", "check", "opd.yaml").stderr.splitlines()[-1] == (
        "1 masalah dalam rubrik opd.yaml"
    )


def test_a_rubric_without_domains_is_not_0_domains() -> None:
    result = run("rubric", "check", "pemdi-8-2026", "--lang", "en")
    assert ", no domains, 7 aspects, 20 indicators" in result.stdout
    assert "tanpa domain, 7 aspek" in run("rubric", "check", "pemdi-8-2026").stdout


def test_a_missing_field_is_named_by_the_entrys_id(tmp_path: Path) -> None:
    broken = TINY.replace('weight: "20/3", scale: s}', "scale: s}")
    assert broken != TINY
    rubric = tmp_path / "r.yaml"
    rubric.write_text(broken, encoding="utf-8")
    result = run("rubric", "check", rubric, "--lang", "en")
    assert "error[SPBE107]: 'weight of indicator 1-2' is required" in result.stderr
    assert "aspects." not in result.stderr


def test_an_entry_without_an_id_is_named_by_its_place(tmp_path: Path) -> None:
    broken = TINY.replace('{id: "1-2", name: Satu dua', "{name: Satu dua")
    rubric = tmp_path / "r.yaml"
    rubric.write_text(broken, encoding="utf-8")
    result = run("rubric", "check", rubric, "--lang", "en")
    assert "error[SPBE107]: 'id of indicator #2 of aspect A' is required" in result.stderr


def test_a_scale_off_the_level_range_in_words(tmp_path: Path) -> None:
    rubric = tmp_path / "r.yaml"
    rubric.write_text(TINY.replace("4: Empat", "5: Lima"), encoding="utf-8")
    result = run("rubric", "check", rubric, "--lang", "en")
    assert result.stderr.splitlines()[0].endswith(
        "error[SPBE205]: scale 's' must name every level 0 to 4: no name for level 4; "
        "level 5 is outside that range"
    )
    indonesian = run("rubric", "check", rubric).stderr
    assert "level 4 belum bernama; level 5 di luar rentang itu" in indonesian


@pytest.mark.parametrize(
    ("text", "place", "words"),
    [
        (
            "a = 1\na = 2\n",
            "2:6",
            "key 'a' appears twice; remove one of them (the first is on line 1)",
        ),
        (
            "[t]\nb = 1\n[t]\n",
            "3:3",
            "key 't' appears twice; remove one of them (the first is on line 1)",
        ),
    ],
)
def test_a_toml_key_written_twice_is_spbe006(
    tmp_path: Path, text: str, place: str, words: str
) -> None:
    file = tmp_path / "a.toml"
    file.write_text(text, encoding="utf-8")
    result = run("validate", file, "--lang", "en")
    assert result.stdout.splitlines()[0] == f"{file}:{place}: error[SPBE006]: {words}"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: b: c\n", "a ':' is not allowed here; quote a value that contains ': '"),
        ("a: [1, 2\n", "a list opened with '[' is not closed with ']'"),
        ('a: "x\n', "a quotation mark is not closed before the end of the file"),
        ("a: @x\n", "the character '@' cannot start a value; put the value in quotes"),
        ("a: 1\x00\n", "the file holds the control character U+0000 (binary data?)"),
        ("a: 1\n---\nb: 2\n", "the file holds more than one document (---)"),
    ],
)
def test_yaml_errors_are_one_line_in_the_catalogues_words(
    tmp_path: Path, text: str, words: str
) -> None:
    file = tmp_path / "a.yaml"
    file.write_text(text, encoding="utf-8")
    result = run("validate", file, "--lang", "en")
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # the problem, then the summary
    assert "error[SPBE005]: invalid YAML syntax: " + words in lines[0]
    for english in ("while ", "found ", "<unicode string>", "did not find"):
        assert english not in lines[0]
