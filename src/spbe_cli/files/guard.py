"""Bounds before work: what a file is allowed to cost is decided before a parser sees it.

Every file spbe reads may come from a stranger (a pull request in CI), so nothing here trusts a
name, a size or a structure. In order:

1. The path: `os.stat` first, and only a regular file is opened at all. `open()` on a FIFO waits
   forever for a writer and `/dev/stdin` waits for a terminal; a device has no end (`/dev/zero`).
   The file is then opened without blocking and checked again through its descriptor, so a FIFO
   put in its place between the two looks is refused too.
2. The bytes: read up to the size limit and no further.
3. The structure, before the parser builds it: libyaml's composer keeps every node of a document
   (about 0.3 KB each, so 400,000 list items are 200 MB) and recurses once per level, and tomllib
   is quadratic in the parts of a dotted key (20,000 parts, a 40 KB file: 1.6 GB). Small files
   cannot hold enough of either to matter; larger or suspicious ones are counted first by a
   streaming pass that keeps nothing (libyaml's event parser for YAML and JSON, a token scan for
   TOML), which stops at the first value over a limit.

Every refusal is a Problem with a place in the file, never an exception, so a batch goes on.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem

Mark = tuple[int, int]
"""0-based line and column, as the reader's marks."""

MAX_VALUES = 20_000
"""Values (scalars, lists, mappings; in TOML also each part of a dotted key) in one file.
A 59/2020 assessment has about 460, the largest bundled rubric 1,300: a file forty times larger
than that is not an assessment, and refusing it keeps every file under about 20 MB to parse."""
MAX_DEPTH = 64
"""Nesting levels; an assessment uses four."""
MAX_KEY_PARTS = 64
"""Parts of one dotted TOML key or table header (`indikator.12.level` has three)."""
SCAN_FROM = 64 * 1024
"""Files up to this size are parsed directly: they cannot hold enough values to matter. Larger
ones (and any with suspicious nesting) get the streaming count first."""
MAX_TOKENS = 200_000
"""Lines, strings and punctuation the TOML scan looks at before it gives up on a file."""


# --- 1 and 2: the path and the bytes ---------------------------------------------------------


def read_regular(path: Path, limit: int) -> bytes | Problem:
    """The bytes of a regular file within `limit`, or the problem that stopped the read."""
    try:
        before = os.stat(path)
    except OSError as exc:
        return _os_problem(exc)
    if stat.S_ISDIR(before.st_mode):
        return _folder_problem(path)
    if not stat.S_ISREG(before.st_mode):
        return Problem(Code.SPBE013, (), {"kind": _kind(before.st_mode)})
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return _os_problem(exc)
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):  # swapped for a FIFO or device since the stat
            return Problem(Code.SPBE013, (), {"kind": _kind(now.st_mode)})
        raw = _read_upto(fd, now.st_size, limit + 1)
    except OSError as exc:
        return _os_problem(exc)
    finally:
        os.close(fd)
    if len(raw) > limit:
        # st_size is 0 for /proc files; what was read is a true lower bound either way.
        return Problem(Code.SPBE003, (), {"size": max(now.st_size, len(raw)), "limit": limit})
    return raw


def not_regular(path: Path) -> Problem | None:
    """The problem of anything but a regular file, found by `os.stat` alone (for readers that
    open the file themselves, such as the workbook reader's zipfile)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _os_problem(exc)
    if stat.S_ISDIR(mode):
        return _folder_problem(path)
    return None if stat.S_ISREG(mode) else Problem(Code.SPBE013, (), {"kind": _kind(mode)})


def _read_upto(fd: int, size: int, most: int) -> bytes:
    """At most `most` bytes, asking for the file's size first: a buffered `read(limit + 1)`
    sets up a 5 MB buffer for every 1 KB file (about 60 µs a file in a batch; this is 6 µs).
    The loop goes on past `size` for files that grow or report 0 (/proc)."""
    parts: list[bytes] = []
    got = 0
    step = min(most, size + 1) if size else min(most, 1 << 16)
    while got < most:
        chunk = os.read(fd, min(step, most - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
        step = 1 << 20
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _os_problem(exc: OSError) -> Problem:
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ELOOP:
        reason = os.strerror(errno.ELOOP)
    return Problem(Code.SPBE001, (), {"reason": reason})


def _folder_problem(path: Path) -> Problem:
    """A folder given as a file (SPBE002), or one that cannot even be listed (SPBE001): the
    folder walk hands those over as they are, so they are reported instead of skipped."""
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return _os_problem(exc)
    return Problem(Code.SPBE002)


def _kind(mode: int) -> dict[str, object]:
    if stat.S_ISFIFO(mode):
        kind = "files.kind.fifo"
    elif stat.S_ISSOCK(mode):
        kind = "files.kind.socket"
    else:
        kind = "files.kind.device"
    return {"catalogue": kind}


# --- 3: structure: YAML and JSON -----------------------------------------------------------


def yaml_structure(text: str) -> tuple[Problem, Mark] | None:
    """Count values and depth with libyaml's event parser (C, streaming, nothing kept).

    Called for large files and files whose nesting may be deep. Syntax errors are left to the
    real parse, which fails at the same place; only libyaml's own nesting limit is reported here.
    """
    import yaml

    values = depth = 0
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    leaves = (yaml.ScalarEvent, yaml.AliasEvent)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = event.__class__
            if kind in leaves:
                values += 1
            elif kind in starts:
                values += 1
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep(event.start_mark)
            elif kind in ends:
                depth -= 1
            else:
                continue
            if values > MAX_VALUES:
                return _too_many(event.start_mark)
    except yaml.MarkedYAMLError as exc:
        if "nesting" in str(exc.problem):
            mark = exc.problem_mark
            return (structure_problem("depth"), (mark.line, mark.column) if mark else (0, 0))
    except yaml.YAMLError:
        pass
    return None


def count_values(data: Any) -> tuple[int, int]:
    """(values, depth) of parsed data, without recursion: JSON that YAML could not pre-count."""
    values = depth = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack and values <= MAX_VALUES and depth <= MAX_DEPTH:
        item, level = stack.pop()
        values += 1
        depth = max(depth, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return values, depth


def data_structure(data: Any) -> Problem | None:
    values, depth = count_values(data)
    if depth > MAX_DEPTH:
        return structure_problem("depth")
    if values > MAX_VALUES:
        return structure_problem("values")
    return None


def structure_problem(what: str, **params: object) -> Problem:
    """SPBE009 naming the limit passed: `what` is depth, values, key_parts or tokens."""
    detail = {"catalogue": f"files.limit.{what}", "limit": _LIMITS[what], **params}
    return Problem(Code.SPBE009, (), {"detail": detail})


_LIMITS = {
    "depth": MAX_DEPTH,
    "values": MAX_VALUES,
    "key_parts": MAX_KEY_PARTS,
    "tokens": MAX_TOKENS,
}


def _too_deep(mark: Any) -> tuple[Problem, Mark]:
    return structure_problem("depth"), (mark.line, mark.column)


def _too_many(mark: Any) -> tuple[Problem, Mark]:
    return structure_problem("values"), (mark.line, mark.column)


# --- JSON lone surrogates ------------------------------------------------------------------

_SURROGATE = r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}"  # compiled (and cached) by `re` on use


def lone_surrogate(text: str, data: Any) -> tuple[Problem, Mark] | None:
    """A `\\ud800` escape that is half a character: JSON accepts it, no output can write it.

    Only escapes can make one (the text itself was decoded as strict UTF-8), so a file without
    `\\u` costs one search. The data is walked to be sure; the text gives the place.
    """
    if "\\u" not in text or not _has_surrogate(data):
        return None
    found = None
    surrogate = re.compile(_SURROGATE)
    for match in surrogate.finditer(text):
        code = int(match.group()[2:], 16)
        after = text[match.end() : match.end() + 6]
        if code < 0xDC00 and surrogate.fullmatch(after) and int(after[2:], 16) >= 0xDC00:
            continue  # a high surrogate with its low half: one character
        before = text[max(0, match.start() - 6) : match.start()]
        if code >= 0xDC00 and surrogate.fullmatch(before) and int(before[2:], 16) < 0xDC00:
            continue  # the low half of such a pair
        found = match
        break
    shown = f"U+{int(found.group()[2:], 16):04X}" if found else "U+D800"
    offset = found.start() if found else 0
    return Problem(Code.SPBE012, (), {"char": shown}), offset_mark(text, offset)


def _has_surrogate(data: Any) -> bool:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not item.isascii() and re.search("[\ud800-\udfff]", item):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def offset_mark(text: str, offset: int) -> Mark:
    line = text.count("\n", 0, offset)
    return (line, offset - (text.rfind("\n", 0, offset) + 1))


# --- 3: structure: TOML ----------------------------------------------------------------------


@cache
def _toml_token() -> re.Pattern[str]:
    """Compiled on first use (a millisecond every start would otherwise pay)."""
    return re.compile(
        r'"""(?:[^\\]|\\.)*?"""'  # multi-line basic string
        r"|'''.*?'''"  # multi-line literal string
        r'|"(?:[^"\\\n]|\\.)*"'  # basic string
        r"|'[^'\n]*'"  # literal string
        r"|(?:[ \t]*(?:#[^\n]*)?\r?\n)+"  # line ends, with blank and comment lines after them
        r"|#[^\n]*"  # a comment at the very end
        r"|[\[\]{}=,.]",
        re.S,
    )


def toml_structure(text: str) -> tuple[Problem, Mark] | None:
    """Parts per dotted key and header, values and depth of a TOML text, before tomllib.

    A file with few dots cannot hold a long key, nor one with few brackets deep nesting, nor
    one with few commas many values: those cost five counts. Others (any file with sentences
    in it) get a token scan that stops at the first key with more than MAX_KEY_PARTS parts or
    the value past MAX_VALUES; a real assessment is a few hundred tokens.
    """
    dots = text.count(".")
    brackets = text.count("[") + text.count("{")
    others = text.count(",") + text.count("=") + brackets
    if dots < MAX_KEY_PARTS and brackets <= MAX_DEPTH and dots + others <= MAX_VALUES:
        return None
    scan = _TomlScan(text)
    try:
        scan.run()
    except _Refused as refused:
        return refused.problem, offset_mark(text, refused.offset)
    return None


class _Refused(Exception):
    def __init__(self, problem: Problem, offset: int) -> None:
        self.problem, self.offset = problem, offset


class _TomlScan:
    """Where the TOML grammar has keys (line starts, after `{` and `,` in an inline table) and
    headers (`[` first on a line), dots separate parts; elsewhere they are numbers or text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.values = 0
        self.stack: list[str] = []  # "[" arrays and "{" inline tables of the current value
        self.key = True  # reading a key (line start, or inside an inline table)
        self.header = False
        self.parts = 1
        self.line_start = True
        self.previous_end = 0

    def run(self) -> None:
        for tokens, match in enumerate(_toml_token().finditer(self.text)):
            if tokens > MAX_TOKENS:
                raise _Refused(structure_problem("tokens"), match.start())
            self.step(match)
            self.previous_end = match.end()

    def step(self, match: re.Match[str]) -> None:
        token = match.group()
        first = token[0]
        at = match.start()
        line_start = self.line_start and not self.text[self.previous_end : at].strip()
        self.line_start = False
        if first in "\r\n \t#":
            if "\n" in token and not self.stack:
                self.key, self.header, self.parts, self.line_start = True, False, 1, True
            return
        if first in "\"'":
            return  # a quoted key part or a string value: its dots are text
        if self.header:
            self.in_header(first, at)
        elif first == "[" and line_start and not self.stack:
            self.header, self.key, self.parts = True, False, 1
        elif first == "." and self.key:
            self.more_parts(at)
        elif first == "=":
            self.count(self.parts, at)
            self.key, self.parts = False, 1
        elif first in "[{":
            self.stack.append(first)
            if len(self.stack) > MAX_DEPTH:
                raise _Refused(structure_problem("depth"), at)
            self.count(1, at)
            self.key = first == "{"
        elif first in "]}":
            if self.stack:
                self.stack.pop()
            self.key = False
        elif first == "," and self.stack:
            self.count(1, at)
            self.key, self.parts = self.stack[-1] == "{", 1

    def in_header(self, first: str, at: int) -> None:
        if first == ".":
            self.more_parts(at)
        elif first == "]":
            self.count(self.parts, at)
            self.header, self.parts = False, 1  # `[[x]]`: the second `]` closes nothing

    def more_parts(self, at: int) -> None:
        self.parts += 1
        if self.parts > MAX_KEY_PARTS:
            raise _Refused(structure_problem("key_parts"), at)

    def count(self, values: int, at: int) -> None:
        self.values += values
        if self.values > MAX_VALUES:
            raise _Refused(structure_problem("values"), at)


# --- keys that differ only by spaces around them -------------------------------------------------


def stripped_duplicates(data: Any) -> Iterator[tuple[tuple[str, ...], str, str]]:
    """(path of the second key, that key, the first) for keys equal once stripped, at any depth.

    YAML's walk reports these itself (SPBE006); JSON's and TOML's parsers see two different keys,
    and the model would silently keep one of them after stripping.
    """
    stack: list[tuple[tuple[str, ...], Any]] = [((), data)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            seen: dict[str, str] = {}
            for key, value in item.items():
                skey = key.strip() if isinstance(key, str) else str(key)
                if skey in seen:
                    yield (*path, str(key)), str(key), seen[skey]
                else:
                    seen[skey] = str(key)
                stack.append(((*path, str(key)), value))
        elif isinstance(item, list):
            stack.extend(((*path, str(n)), value) for n, value in enumerate(item))
