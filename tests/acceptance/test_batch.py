"""Large batches (issue 7): the process pool gives exactly the serial output, and validate streams.

The pool starts at SPBE_POOL_MIN files (200 by default); the tests lower it to 1 so a few hundred
generated files exercise the pool path and compare it byte for byte with the in-process path.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_cli.app import pool as batch
from spbe_cli.cli.app import app
from spbe_cli.files.reader import read_document

runner = CliRunner()
SERIAL, POOLED = "1000000", "1"


def assessment(n: int, rng: random.Random, name: str, top: int = 5) -> str:
    lines = [
        "rubrik: permenpanrb-59-2020",
        "instansi:",
        f"  nama: {name}",
        f"  jenis: {rng.choice(['kota', 'kabupaten', 'provinsi'])}",
        f"  provinsi: {rng.choice(['Aceh', 'Bali', 'Riau'])}",
        "tahun: 2024",
        "tahap: mandiri",
        "indikator:",
    ]
    for ind in range(1, 48):
        level = rng.randint(1, top)
        if ind % 4:
            lines.append(f"  {ind}: {level}")
        else:
            lines += [
                f"  {ind}:",
                f"    level: {level}",
                f"    penjelasan: Dokumen indikator {ind}.",
                f"    bukti_dukung: [bukti-{n}-{ind}.pdf]",
            ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~250 files in three folders: mostly valid, some broken, some agencies misnamed."""
    root = tmp_path_factory.mktemp("archive")
    rng = random.Random(7)
    for n in range(250):
        folder = root / ("", "a", "b")[n % 3]
        folder.mkdir(exist_ok=True)
        odd = n % 37 == 0  # misnamed, and otherwise clean: level 1 everywhere needs no evidence
        name = f"Kota Lain {n}" if odd else f"Kota Contoh {n % 3}"
        text = assessment(n, rng, name, 1 if odd else 5)
        (folder / f"f{n:03d}.yaml").write_text(text, encoding="utf-8")
    good = (root / "f000.yaml").read_text(encoding="utf-8")
    broken = {
        "a/x-syntax.yaml": good.replace("tahun: 2024", "tahun: [2024"),
        "a/x-duplicate.yaml": good + "tahun: 2023\n",
        "b/x-level.yaml": good.replace("  1: ", "  1: 9 #"),
        "b/x-missing.yaml": "\n".join(
            line for line in good.splitlines() if not line.startswith("  2:")
        ),
        "x-rubric.yaml": good.replace("permenpanrb-59-2020", "tidak-ada"),
        "x-empty.yaml": "",
    }
    for name, text in broken.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def run(monkeypatch: pytest.MonkeyPatch, pool_min: str, *args: str):
    monkeypatch.setenv("SPBE_POOL_MIN", pool_min)
    return runner.invoke(app, [*args])


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_validate_pool_equals_serial(
    monkeypatch: pytest.MonkeyPatch, archive: Path, fmt: str, strict: list[str]
) -> None:
    args = ["validate", "--lang", "en", "-f", fmt, *strict, str(archive)]
    serial, pooled = run(monkeypatch, SERIAL, *args), run(monkeypatch, POOLED, *args)
    assert serial.exit_code == pooled.exit_code == 1
    assert serial.stdout == pooled.stdout
    assert serial.stderr == pooled.stderr
    assert "SPBE355" in serial.stdout and "SPBE005" in serial.stdout


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_rank_pool_equals_serial(monkeypatch: pytest.MonkeyPatch, archive: Path, fmt: str) -> None:
    args = ["rank", "--lang", "en", "-f", fmt, "--by", "provinsi", str(archive)]
    serial, pooled = run(monkeypatch, SERIAL, *args), run(monkeypatch, POOLED, *args)
    assert serial.exit_code == pooled.exit_code == 1  # broken files are skipped and reported
    assert serial.stdout == pooled.stdout
    assert serial.stderr == pooled.stderr
    assert serial.stdout.count("Kota Contoh") > 200


def test_validate_streams_files_in_sorted_order_with_true_counts(
    monkeypatch: pytest.MonkeyPatch, archive: Path
) -> None:
    result = run(monkeypatch, POOLED, "validate", "--lang", "en", str(archive))
    lines = result.stdout.splitlines()
    files = [line.split(":", 1)[0] for line in lines[:-1]]
    late = [n for n, line in enumerate(lines) if "SPBE355" in line]
    in_order = files[: late[0]]
    expected = sorted({*in_order}, key=lambda f: Path(f).relative_to(archive).parts)
    assert list(dict.fromkeys(in_order)) == expected
    assert late == list(range(late[0], len(lines) - 1))  # the folder check comes after all files
    assert lines[-1] == "256 files, 250 valid, 6 with errors, " + lines[-1].split(", ")[-1]
    warnings = sum("warning[" in line for line in lines)
    assert lines[-1].endswith(f", {warnings} warnings")


def test_strict_folder_warning_turns_a_valid_file_invalid(
    monkeypatch: pytest.MonkeyPatch, archive: Path
) -> None:
    lenient = run(monkeypatch, POOLED, "validate", "--lang", "en", str(archive))
    problem_lines = lenient.stdout.splitlines()[:-1]
    only_folder = {line.split(":")[0] for line in problem_lines} - {
        line.split(":")[0] for line in problem_lines if "SPBE355" not in line
    }
    assert len(only_folder) == 7  # the misnamed files, clean but for their name
    result = run(monkeypatch, POOLED, "validate", "--lang", "en", "--strict", str(archive))
    assert result.stdout.count("error[SPBE355]") == 7
    valid = 256 - len({line.split(":")[0] for line in problem_lines})
    assert result.stdout.splitlines()[-1] == (
        f"256 files, {valid} valid, {256 - valid} with errors, 0 warnings"
    )
    assert lenient.stdout.splitlines()[-1].startswith("256 files, 250 valid, 6 with errors")


def test_json_array_streamed_is_valid_and_located(
    monkeypatch: pytest.MonkeyPatch, archive: Path
) -> None:
    result = run(monkeypatch, POOLED, "validate", "-f", "json", str(archive))
    records = json.loads(result.stdout)
    assert len(records) == result.stdout.count('"code"')
    assert all(r["line"] >= 1 and r["column"] >= 1 for r in records)
    syntax = next(r for r in records if r["file"].endswith("x-syntax.yaml"))
    assert (syntax["code"], syntax["line"]) == ("SPBE005", 7)


def test_ordered_map_keeps_order_beyond_the_in_flight_window() -> None:
    items = list(range(-3000, 0))
    assert list(batch.ordered_map(abs, items, threshold=1)) == [abs(n) for n in items]
    assert list(batch.ordered_map(abs, items[:5])) == [abs(n) for n in items[:5]]


@pytest.mark.skipif(batch.workers() < 2, reason="the pool needs two cores")
def test_large_batches_run_in_worker_processes() -> None:
    pids = set(batch.ordered_map(_pid, list(range(500)), threshold=100))
    assert os.getpid() not in pids and len(pids) >= 1
    assert set(batch.ordered_map(_pid, list(range(50)), threshold=100)) == {os.getpid()}


def _pid(_: int) -> int:
    return os.getpid()


def test_worker_results_are_small(archive: Path) -> None:
    """What crosses between processes: rendered text and counts, never a document or rubric."""
    import pickle
    from datetime import date

    from spbe_cli.app.plan_rank import RowFacts
    from spbe_cli.app.validate import FileCheck, Options
    from spbe_cli.render.validate_out import FileRenderer

    path = archive / "f000.yaml"
    verdict = FileCheck(Options(date(2024, 6, 1)), FileRenderer("text", "en"))(path)
    assert verdict.result is None and verdict.agency is not None
    assert len(pickle.dumps(verdict)) < 2 * len(verdict.output) + 1000
    kind, facts = RowFacts("en")(path)
    assert kind == "row" and len(pickle.dumps(facts)) < 1000


@pytest.mark.parametrize(
    "value",
    ["0", "7", "10", "0755", "0o17", "0x1F", "1_000", "+5", "-3", "0b101", "1:30", "١٢"],
)
def test_yaml_integer_fast_path_agrees_with_pyyaml(tmp_path: Path, value: str) -> None:
    import yaml

    file = tmp_path / "n.yaml"
    file.write_text(f"a: {value}\nb: [{value}]\n", encoding="utf-8")
    doc = read_document(file)
    expected = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert not isinstance(expected["a"], float)
    assert doc.data == expected  # type: ignore[union-attr]


def test_ranking_json_written_row_by_row_is_the_record(archive: Path) -> None:
    import io

    from spbe_cli.app.plan_rank import _Rows
    from spbe_cli.core.rank import rank, top
    from spbe_cli.files.reader import expand_paths
    from spbe_cli.render.rank_out import ranking_record, write_ranking_json
    from spbe_cli.render.records import to_json

    paths = [str(p) for p in expand_paths([archive / "a"])]
    ranking = rank(_Rows(paths, "en"), by="jenis")  # type: ignore[arg-type]
    for shown in (ranking.rows, top(ranking, 2), []):
        out = io.StringIO()
        write_ranking_json(ranking, shown, out)
        assert out.getvalue() == to_json(ranking_record(ranking, shown))
