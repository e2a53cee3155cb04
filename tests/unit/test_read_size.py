"""The reader reads what a file holds, within the size limit, whatever its stat size says.

Each file of a batch is read with a buffer of its own size (not of the 5 MB limit, issue 17), so
a file that stat reports smaller than it is (a growing file, or /proc) must still be read whole
and a file over the limit still refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_cli.files.reader import _read_text
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem


def test_a_file_is_read_whole_up_to_the_limit(tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_bytes(b"a: 1\n" * 20)
    assert _read_text(file, 100) == "a: 1\n" * 20
    refused = _read_text(file, 99)
    assert isinstance(refused, Problem) and refused.code == Code.SPBE003


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")
def test_a_file_whose_stat_size_is_zero_is_still_read() -> None:
    text = _read_text(Path("/proc/self/status"), 1_000_000)
    assert isinstance(text, str) and "Name:" in text
    refused = _read_text(Path("/proc/self/status"), 10)
    assert isinstance(refused, Problem) and refused.code == Code.SPBE003
