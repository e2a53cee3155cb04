"""The parts of large batches (issue 7) called directly: the ordered process pool, what crosses
between processes, the YAML integer fast path, and the ranking JSON written row by row.

That the pool gives exactly the serial output through `spbe validate` and `spbe rank` is in
tests/acceptance/test_batch.py; both use the `archive` fixture of tests/conftest.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spbe_cli.app import pool as batch
from spbe_cli.files.reader import read_document


@pytest.mark.slow
def test_ordered_map_keeps_order_beyond_the_in_flight_window() -> None:
    items = list(range(-3000, 0))
    assert list(batch.ordered_map(abs, items, threshold=1)) == [abs(n) for n in items]
    assert list(batch.ordered_map(abs, items[:5])) == [abs(n) for n in items[:5]]


@pytest.mark.slow
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

    from spbe_cli.app.rank import RowFacts
    from spbe_cli.app.validate import FileCheck, Options, WarningPolicy
    from spbe_cli.render.validate_out import file_renderer

    path = archive / "f000.yaml"
    options = Options(date(2024, 6, 1), policy=WarningPolicy(check_agency=True))
    verdict = FileCheck(options, file_renderer("text", "en"))(path)
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

    from spbe_cli.app.rank import Watch, _Rows
    from spbe_cli.core.rank import rank, top
    from spbe_cli.files.reader import expand_paths
    from spbe_cli.render.rank_out import ranking_record, write_ranking_json
    from spbe_cli.render.records import to_json

    paths = [str(p) for p in expand_paths([archive / "a"])]
    watch = Watch(lambda items, total: items, print)
    ranking = rank(_Rows(paths, "en", watch), by="jenis")  # type: ignore[arg-type]
    for shown in (ranking.rows, top(ranking, 2), []):
        out = io.StringIO()
        write_ranking_json(ranking, shown, out)
        assert out.getvalue() == to_json(ranking_record(ranking, shown))
