"""safe_write: the one writer never replaces a file unasked and never leaves half a file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spbe_cli.files.safe_write import RefusedOverwrite, write_atomic


def test_writes_a_new_file_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "data ✓")
    assert target.read_text(encoding="utf-8") == "data ✓"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_refuses_an_existing_file_and_leaves_it_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"original")
    with pytest.raises(RefusedOverwrite):
        write_atomic(target, "new")
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_force_replaces_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"original")
    target.chmod(0o640)
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_folder_is_never_a_target(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path, "x", force=True)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"original")

    def broken(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new", force=True)
    assert target.read_bytes() == b"original"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_without_hard_links_it_still_writes_and_still_refuses(tmp_path, monkeypatch) -> None:
    import os

    from spbe_cli.files.safe_write import RefusedOverwrite, write_atomic

    def no_links(*_args: object) -> None:
        raise PermissionError("hard links are not supported here")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.json"
    write_atomic(target, "first")
    assert target.read_text() == "first"
    with pytest.raises(RefusedOverwrite):
        write_atomic(target, "second")
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_file_appearing_while_writing_is_refused_not_replaced(tmp_path, monkeypatch) -> None:
    import os

    from spbe_cli.files.safe_write import RefusedOverwrite, write_atomic

    target = tmp_path / "out.json"
    real_link = os.link

    def someone_else_first(src: str, dst: object) -> None:
        target.write_text("theirs")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", someone_else_first)
    with pytest.raises(RefusedOverwrite):
        write_atomic(target, "ours")
    assert target.read_text() == "theirs"
