"""The one way spbe writes a file: never over an existing file unless asked, always atomically.

Writing goes to a temporary file in the same folder, is flushed to disk, then renamed over the
target, so an interrupted run leaves either the old file or the new one, never half of either.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class RefusedOverwrite(FileExistsError):
    """The target exists and --force was not given."""


def write_atomic(target: Path, data: str | bytes, *, force: bool = False) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with open_atomic(target, force=force) as handle:
        handle.write(payload)


@contextmanager
def open_atomic(target: Path, *, force: bool = False) -> Iterator[BinaryIO]:
    """A binary handle whose bytes become `target` when the block ends without an exception.

    For output written as it is made (a batch of ten thousand results, issue 17): nothing is
    held in memory, and the same guarantees as write_atomic hold (refused before anything is
    written when the target exists, placed atomically at the end, the temporary file removed
    on any failure).
    """
    target = Path(target)
    if target.exists() and not force:
        raise RefusedOverwrite(str(target))
    if target.is_dir():  # with its errno, so the message says why: "Is a directory"
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(target))
        if force:
            os.replace(temp, target)
        else:
            _place_new(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _place_new(temp: str, target: Path) -> None:
    """Move the written file into place only if nothing took the name while we wrote.

    link() fails atomically when the target exists. Some filesystems (FAT, exFAT, some network
    shares) have no hard links: there the name is claimed with an exclusive create, which also
    fails if the target exists, and the finished file then replaces our own empty claim.
    """
    try:
        os.link(temp, target)
    except FileExistsError:
        raise RefusedOverwrite(str(target)) from None
    except OSError:
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise RefusedOverwrite(str(target)) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def _mode_for(target: Path) -> int:
    """mkstemp makes 0600 files; a replaced file keeps its mode, a new one gets the umask's."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
