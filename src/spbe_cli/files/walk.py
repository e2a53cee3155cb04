"""Walking folders for assessments: what `spbe validate .` should look at, and nothing else.

`spbe validate .` at a repository's root used to read `.venv/` (site-packages), `.github/workflows`
and `.pre-commit-config.yaml`: 75 files, each an error. A folder is therefore walked as a person
would look through it: hidden files and folders (a name starting with ".") are skipped, and so is
what git ignores when the folder is inside a git work tree (asked of git itself, `git ls-files
--others --ignored --exclude-standard --directory`, one call per folder given; without git, the
`.gitignore` files are read with the common subset of their syntax). `include_hidden` turns both
off. A Python virtual environment (a folder holding `pyvenv.cfg`) and `.git` are never entered.
Files named on the command line are always read: the user asked for them.
"""

from __future__ import annotations

import fnmatch
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spbe_cli.files.reader import WALKED

NEVER = frozenset({".git"})
"""Folders never entered, even with include_hidden: git's own store holds no assessments."""

Ignored = Callable[[str, bool], bool]
"""(path relative to the folder given, with "/" separators; is it a folder) → skip it?"""


def expand_paths(paths: Iterable[str | Path], *, include_hidden: bool = False) -> Iterator[Path]:
    """Files as given, folders recursively for the assessment suffixes, sorted for stable output."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            ignored = _nothing if include_hidden else git_ignored(path)
            yield from _files_under(path, "", ignored, include_hidden)
        else:
            yield path


def _nothing(relative: str, is_dir: bool) -> bool:
    return False


def _files_under(folder: Path, relative: str, ignored: Ignored, hidden: bool) -> Iterator[Path]:
    """What `sorted(folder.rglob(...))` gives (the order of path parts, symlinked folders not
    entered), one folder's names at a time: an archive of 10,000 files never holds 10,000 Paths.
    """
    fold = str.lower if os.name == "nt" else None  # Windows paths compare case-insensitively
    try:
        with os.scandir(folder) as found:
            entries = [(e.name, _is_dir(e) and not e.is_symlink(), not _is_dir(e)) for e in found]
    except OSError:
        yield folder  # reported as the folder's own problem (SPBE001), never skipped silently
        return
    entries.sort(key=lambda entry: fold(entry[0]) if fold else entry[0])
    for name, is_dir, is_file in entries:  # is_file: a FIFO or a broken or looping link too,
        # so the reader says why it cannot be read (SPBE013, SPBE001) instead of a silent skip
        if name in NEVER or (not hidden and name.startswith(".")):
            continue
        inner = f"{relative}{name}"
        if is_dir:
            if ignored(inner, True) or (folder / name / "pyvenv.cfg").is_file():
                continue
            yield from _files_under(folder / name, inner + "/", ignored, hidden)
        elif is_file and _suffix(name).lower() in WALKED and not ignored(inner, False):
            if name.startswith("~$"):  # Excel's lock file beside an open workbook
                continue
            yield folder / name


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether an entry leads to a folder; a symlink loop (ELOOP) does not, and is reported."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


# --- What git ignores -----------------------------------------------------------------------


def work_tree_of(folder: Path) -> Path | None:
    """The git work tree holding `folder` (a `.git` folder or file above it), or None."""
    here = folder.resolve()
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def git_ignored(folder: Path) -> Ignored:
    """What git ignores under `folder`: asked of git when installed, else read from .gitignore."""
    root = work_tree_of(folder)
    if root is None:
        return _nothing
    listed = _ask_git(folder)
    if listed is not None:
        return _listed(listed)
    return _GitignoreFiles(folder, root)


def _ask_git(folder: Path) -> set[str] | None:
    """The untracked paths git ignores under `folder`, relative to it ("build/" for a folder);
    None when git is missing or fails (then the .gitignore files are read instead)."""
    git = shutil.which("git")
    if git is None:
        return None
    command = [git, "-C", str(folder), "ls-files", "-z", "--others", "--ignored"]
    try:
        done = subprocess.run(
            [*command, "--exclude-standard", "--directory"],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return {name for name in names if name and name != "./"}  # "./": the folder given itself


def _listed(names: set[str]) -> Ignored:
    def ignored(relative: str, is_dir: bool) -> bool:
        return (relative + "/" if is_dir else relative) in names

    return ignored


class _GitignoreFiles:
    """The common subset of .gitignore syntax, for a machine without git: `name`, `*.ext`,
    `dir/`, `/anchored`, `a/b` and `**/`, from the work tree's root down to each folder walked.
    Negation (`!`) is not followed: a re-included file stays skipped (`--include-hidden`)."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder = folder.resolve()
        self.root = root
        self.rules: dict[Path, list[tuple[str, bool, bool]]] = {}

    def __call__(self, relative: str, is_dir: bool) -> bool:
        target = self.folder / relative
        for base in (target.parent, *target.parent.parents):
            for pattern, anchored, dir_only in self._rules(base):
                if dir_only and not is_dir:
                    continue
                inner = target.relative_to(base).as_posix()
                if anchored and fnmatch.fnmatchcase(inner, pattern):
                    return True
                if not anchored and fnmatch.fnmatchcase(target.name, pattern):
                    return True
            if base == self.root:
                break
        return False

    def _rules(self, base: Path) -> list[tuple[str, bool, bool]]:
        if base not in self.rules:
            self.rules[base] = list(_parse_gitignore(base / ".gitignore"))
        return self.rules[base]


def _parse_gitignore(path: Path) -> Iterator[tuple[str, bool, bool]]:
    """(pattern, anchored to the file's folder, folders only) for each usable line."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("#", "!")):
            continue
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        line = line.removeprefix("**/")
        anchored = "/" in line
        yield line.lstrip("/"), anchored, dir_only
