"""`spbe score` over many files streams (issue 17) and prints what the whole document would be.

A batch is written as it is scored: each file's share of the output is made where it is scored
(a worker process from SPBE_POOL_MIN files on) and dropped once written. These tests hold every
format of the streamed output to the bytes of the same result rendered at once from a list of
scorecards (the renderers' path for a list), in-process and through the pool, and check what a
user relies on around it: broken files reported after the output, thresholds, -o files.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.app.assess import assess_all
from spbe_cli.cli.main import app
from spbe_cli.core.results import ScoreResult
from spbe_cli.render.base import Options
from spbe_cli.render.registry import renderer

runner = CliRunner()


def out(result: Any) -> str:
    """The bytes written, decoded (Click's `stdout` turns CSV's CRLF into LF)."""
    return result.stdout_bytes.decode("utf-8")


FORMATS = ["json", "csv", "yaml", "toml", "markdown", "table"]
MIXED = [  # three rubrics, a stage, a provisional rubric, two folders' worth of names
    *sorted(EXAMPLES.glob("*.yaml")),
    *sorted((FIXTURES / "diff").glob("*.yaml")),
]


def at_once(files: list[Path], fmt: str, lang: str = "en", partial: bool = False) -> str:
    """The whole document rendered from a list of scorecards, as spbe did before streaming."""
    cards = [(o.path, o.scorecard) for o in assess_all(files, partial=partial) if o.scorecard]
    out = io.StringIO()
    renderer("score", fmt, Options(lang)).write(ScoreResult(cards, False), out)  # type: ignore[arg-type]
    return out.getvalue()


def valid(files: list[Path], partial: bool = False) -> list[Path]:
    return [Path(o.path) for o in assess_all(files, partial=partial) if o.scorecard]


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_batch_is_the_whole_document(fmt: str) -> None:
    files = valid(MIXED)
    assert len(files) >= 6
    result = runner.invoke(app, ["score", "-f", fmt, "--lang", "en", *map(str, files)])
    assert result.exit_code == 0, result.stderr
    assert out(result) == at_once(files, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_folder_streams_in_sorted_order(fmt: str) -> None:
    result = runner.invoke(app, ["score", "-f", fmt, "--lang", "en", str(FIXTURES / "diff")])
    assert result.exit_code == 2  # the folder holds one invalid file
    files = valid(sorted((FIXTURES / "diff").glob("*.yaml")))
    assert out(result) == at_once(files, fmt)
    assert "bad-level.yaml" in result.stderr and "bad-level.yaml" not in result.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_partial_drafts_stream_too(tmp_path: Path, fmt: str) -> None:
    data = yaml.safe_load((EXAMPLES / "kota-contoh-2022.yaml").read_text(encoding="utf-8"))
    for key in (4, 40, 41):
        del data["indikator"][key]
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    data["tahun"] = 2023
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["score", "--partial", "-f", fmt, "--lang", "en", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    files = sorted(tmp_path.glob("*.yaml"))
    assert out(result) == at_once(files, fmt, partial=True)


def test_only_broken_files_print_no_document(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("rubrik: permenpanrb-59-2020\n", encoding="utf-8")
    for fmt in ("json", "csv", "table"):
        result = runner.invoke(app, ["score", "-f", fmt, str(tmp_path)])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.count("SPBE107") + result.stderr.count("SPBE104") >= 2


def test_thresholds_of_a_batch_name_each_failing_file() -> None:
    files = [EXAMPLES / "kota-contoh-2021.yaml", EXAMPLES / "kota-contoh-2022.yaml"]
    args = ["score", "-f", "json", "--lang", "en", "--fail-under", "2.6", *map(str, files)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert out(result) == at_once(files, "json")
    assert "kota-contoh-2021.yaml" in result.stderr and "kota-contoh-2022" not in result.stderr
    unknown = runner.invoke(app, ["score", "--min-predicate", "hebat", *map(str, files)])
    assert unknown.exit_code == 2 and "hebat" in unknown.stderr


def test_a_batch_to_a_file_is_the_same_document(tmp_path: Path) -> None:
    files = valid(MIXED)
    target = tmp_path / "out.json"
    args = ["score", "-f", "json", "--lang", "en", "-o", str(target), *map(str, files)]
    assert runner.invoke(app, args).exit_code == 0
    assert target.read_text(encoding="utf-8") == at_once(files, "json")
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and target.read_text(encoding="utf-8") == at_once(files, "json")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_pool_streams_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch, archive: Path, fmt: str
) -> None:
    args = ["score", "-f", fmt, "--lang", "en", str(archive)]
    monkeypatch.setenv("SPBE_POOL_MIN", "1000000")
    serial = runner.invoke(app, args)
    monkeypatch.setenv("SPBE_POOL_MIN", "1")
    pooled = runner.invoke(app, args)
    assert serial.exit_code == pooled.exit_code == 2  # the archive holds broken files
    assert out(pooled) == out(serial) and pooled.stderr == serial.stderr
    assert len(pooled.stdout) > 10_000


@pytest.mark.slow
def test_the_pool_gives_the_batch_workbook_the_same_cells(
    monkeypatch: pytest.MonkeyPatch, archive: Path, tmp_path: Path
) -> None:
    """The workbook needs the scorecards themselves: workers send the validated assessments
    and the scorecards are made again in order; every part of the workbook is the same."""
    import zipfile

    parts = []
    for pool_min, name in (("1000000", "serial.xlsx"), ("1", "pooled.xlsx")):
        monkeypatch.setenv("SPBE_POOL_MIN", pool_min)
        target = tmp_path / name
        result = runner.invoke(app, ["score", "-f", "xlsx", "-o", str(target), str(archive)])
        assert result.exit_code == 2  # the archive holds broken files, reported after
        with zipfile.ZipFile(target) as book:
            parts.append({n: book.read(n) for n in book.namelist()})
    assert parts[0] == parts[1] and len(parts[0]) > 5
