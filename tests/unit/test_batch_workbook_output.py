"""The batch workbook goes into the -o file as it is made (issue 17).

10,000 files make a workbook of about 50 MB; built as one bytes value and then written, it held
its whole package in memory twice (95 MB at 10,000 files against 46 MB streamed). These tests
hold the writer to writing in pieces, and to one rubric's constants staying its own when a batch
mixes rubrics (they are worked out once per rubric, not per file). The ranking,
diff and trend workbooks are streamed the same way.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from conftest import EXAMPLES

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.render.workbook.batch import batch_workbook


class Recorder(io.BytesIO):
    """A seekable output that remembers the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.sizes.append(len(data))
        return super().write(data)


def cards(paths: list[Path]) -> list:
    store = RubricStore()
    return [(str(p), assess(p, store, partial=True).scorecard) for p in paths]


def test_the_package_is_written_in_pieces_not_as_one_value() -> None:
    out = Recorder()
    batch_workbook(cards(sorted(EXAMPLES.glob("*.yaml")) * 3), "id", out)
    total = out.tell()
    assert zipfile.ZipFile(out).testzip() is None
    assert len(out.sizes) > 10
    assert max(out.sizes) < total / 2, (max(out.sizes), total)


def row_formats(out: io.BytesIO) -> dict[str, list[tuple[str, ...]]]:
    """Each file's rows' number formats, sheet after sheet (summary to indicators)."""
    formats: dict[str, list[tuple[str, ...]]] = {}
    for sheet in openpyxl.load_workbook(out).worksheets[:4]:
        for row in sheet.iter_rows(min_row=2):
            formats.setdefault(row[0].value, []).append(tuple(c.number_format for c in row))
    return formats


def test_each_rubric_keeps_its_own_number_formats_in_a_mixed_batch() -> None:
    paths = sorted(EXAMPLES.glob("*.yaml"))  # three rubrics, whose weights need other places
    mixed = Recorder()
    batch_workbook(cards(paths), "en", mixed)
    found = row_formats(mixed)
    for path in paths:
        alone = Recorder()
        batch_workbook(cards([path]), "en", alone)
        assert found[str(path)] == row_formats(alone)[str(path)], path.name
    assert len({tuple(rows) for rows in found.values()}) >= 3


def test_a_ranking_workbook_is_written_in_pieces_too(tmp_path: Path) -> None:
    from spbe_cli.app.rank import RankRequest, Watch, rank_files
    from spbe_cli.render.workbook.ranking import ranking_workbook

    for n in range(120):  # a ranking of many agencies: one row each
        (tmp_path / f"a{n:03d}.yaml").write_bytes((EXAMPLES / "kota-contoh-2022.yaml").read_bytes())
    watch = Watch(progress=lambda items, count: items, broken=lambda path: None)
    result, broken = rank_files(RankRequest([tmp_path]), "id", watch)
    out = Recorder()
    ranking_workbook(result.ranking, result.shown, "id", out)
    assert broken == 0 and len(out.sizes) > 10  # made as bytes and then written, it was one
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 120 and all(row[0] == 1 for row in rows)  # one shared rank, tied
