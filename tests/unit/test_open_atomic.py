"""safe_write.open_atomic: output written as it is made keeps write_atomic's promises (issue 17).

A batch to `-o FILE` writes into a temporary file while it scores; the user's file appears whole
at the end, or not at all when the run stops part-way, and an existing file is refused before
anything is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_cli.files.safe_write import RefusedOverwrite, open_atomic


def test_the_file_appears_whole_at_the_end(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with open_atomic(target) as handle:
        handle.write(b"[\n")
        assert not target.exists()  # nothing under the user's name while it is written
        handle.write(b"]\n")
    assert target.read_bytes() == b"[\n]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_run_stopped_part_way_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(KeyboardInterrupt), open_atomic(target) as handle:
        handle.write(b"[\n  {")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"original")
    entered = False
    with pytest.raises(RefusedOverwrite), open_atomic(target):
        entered = True
    assert not entered and target.read_bytes() == b"original"
    with open_atomic(target, force=True) as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
