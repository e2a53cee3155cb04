"""Reading files: bytes → text → data with a line and column for every key and value.

The only module that touches assessment and rubric files. Every failure comes back as a Problem
value, never an exception, so one bad file never stops a batch. YAML is composed with the C safe
loader (no tag ever constructs an object) into a node tree that we walk ourselves: that gives
positions, duplicate keys at any depth, and a budget against alias bombs for the price of one parse.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol

import yaml

from spbe_cli.files import guard
from spbe_cli.files.yaml_fast import SLOW, LazyPositions, NodePositions, fast_data
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Located, Problem

SUFFIXES = (".yaml", ".yml", ".toml", ".json")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltm")
"""Read by files/workbook.py: .xlsx, and the macro-enabled kinds only to refuse them by name."""
WALKED = (*SUFFIXES, ".xlsx")
"""What a folder walk picks up (an Excel lock file, `~$kota.xlsx`, is skipped)."""
DEFAULT_MAX_BYTES = 5_000_000
MAX_DEPTH = guard.MAX_DEPTH
MAX_NODES = guard.MAX_VALUES
MAX_STRUCTURE = 2_000
"""Above this many nesting characters the C composer's recursion is unsafe; none real nears it."""
MAX_INT_BITS = 4_096
"""Whole numbers beyond this (1,234 digits) are refused: Python cannot print 4,300 digits."""
MAX_EXPONENT = 1_000
"""Decimals beyond 1e±1000 are refused: turning 1e999999999 into an int would never finish."""

Mark = tuple[int, int]


class Positions(Protocol):
    """What Document.mark_of needs: `get(path)`, as on a dict of path → (key mark, value mark)."""

    def get(self, path: tuple[str, ...], /) -> tuple[Mark, Mark] | None: ...


@dataclass
class Document:
    """A file's data plus where each path of it is written (0-based key and value marks).

    `positions` answers `.get(path)` like a dict of every path's (key mark, value mark). Most
    files of a batch are never asked (they have no problem), so it is usually a lazy view: the
    YAML node tree navigated on demand, or a dict built on first use (JSON, TOML).
    """

    path: str
    data: Any
    positions: Positions = field(default_factory=dict)

    def locate(self, problem: Problem) -> Located:
        line, column = self.mark_of(problem.path, problem.at)
        return Located(problem, self.path, line + 1, column + 1)

    def mark_of(self, path: tuple[str, ...], at: str = "value") -> Mark:
        exact = self.positions.get(path)
        if exact is not None:  # the common case, without building the shorter prefixes
            return exact[0] if at == "key" else exact[1]
        for end in range(len(path), 0, -1):
            marks = self.positions.get(path[:end])
            if marks is not None:
                key_mark, value_mark = marks
                return key_mark if at == "key" or end < len(path) else value_mark
        return (0, 0)


@dataclass
class LoadFailure:
    """A file that could not be read or parsed: its problems, already located."""

    path: str
    problems: list[Located]


def max_bytes_from_env() -> int:
    raw = os.environ.get("SPBE_MAX_BYTES", "")
    return int(raw) if raw.isdigit() else DEFAULT_MAX_BYTES


def read_document(path: str | Path, max_bytes: int | None = None) -> Document | LoadFailure:
    name = str(path)
    suffix = Path(name).suffix.lower()
    known = suffix in SUFFIXES or suffix in WORKBOOK_SUFFIXES
    if not known and not os.path.isdir(name):  # a folder is one the walk could not list
        # before any read: `rubrik: /etc/shadow` is never opened
        return _failure(name, [Problem(Code.SPBE010, (), {"suffix": suffix or name})])
    limit = max_bytes if max_bytes is not None else max_bytes_from_env()
    if suffix in WORKBOOK_SUFFIXES:  # openpyxl is imported only then
        from spbe_cli.files.workbook import read_workbook

        odd = guard.not_regular(Path(path))  # zipfile would wait on a FIFO forever
        if odd is not None:
            return _failure(name, [odd])

        odd = guard.not_regular(Path(path))  # zipfile would wait on a FIFO forever
        if odd is not None:
            return _failure(name, [odd])

        return read_workbook(Path(path), limit)
    text = _read_text(Path(path), limit)
    if isinstance(text, Problem):
        return _failure(name, [text])
    return _parse(name, suffix, text)


def parse_text(name: str, text: str) -> Document | LoadFailure:
    return _parse(name, Path(name).suffix.lower(), text)


def _parse(name: str, suffix: str, text: str) -> Document | LoadFailure:
    """`text`, read from `name`, by its lower-cased `suffix` (found once per file of a batch)."""
    if suffix not in SUFFIXES:
        return _failure(name, [Problem(Code.SPBE010, (), {"suffix": suffix or name})])
    if not text.strip():
        return _failure(name, [Problem(Code.SPBE008)])
    if suffix == ".json":
        return _parse_json(name, text)
    if suffix == ".toml":
        return _parse_toml(name, text)
    return _parse_yaml(name, text)


def _failure(name: str, problems: list[Problem], marks: list[Mark] | None = None) -> LoadFailure:
    marks = marks or [(0, 0)] * len(problems)
    return LoadFailure(
        name, [Located(p, name, m[0] + 1, m[1] + 1) for p, m in zip(problems, marks, strict=True)]
    )


def _read_text(path: Path, limit: int) -> str | Problem:
    raw = guard.read_regular(path, limit)  # regular files only, never past the limit
    if isinstance(raw, Problem):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(Code.SPBE004, (), {"offset": exc.start})


# --- YAML -----------------------------------------------------------------------------------


_CORE = "tag:yaml.org,2002:"
_STR, _INT, _MAP, _SEQ = (_CORE + t for t in ("str", "int", "map", "seq"))


_PLAIN_TAGS: dict[str, str] = {}
"""The tag of a plain scalar by its text: with no path resolvers that is all it depends on."""
_IMPLICIT_FIRST = frozenset(yaml.CSafeLoader.yaml_implicit_resolvers)
"""The first characters (and "" for an empty value) that some implicit tag can start with: a
plain scalar starting otherwise is a string, as BaseResolver.resolve decides (it has no
wildcard resolvers, checked below)."""
assert None not in _IMPLICIT_FIRST
_SCALAR_NODE, _MAPPING_NODE = yaml.ScalarNode, yaml.MappingNode


class _Loader(yaml.CSafeLoader):
    """The C safe loader with a memo of plain-scalar tag resolution.

    PyYAML resolves every scalar in Python with a list of regexes; an assessment repeats the same
    few keys and levels thousands of times over a batch, so the answer for a plain scalar's text
    is remembered (a quoted or tagged scalar is a string: no implicit resolver applies). Bounded,
    so a hostile file of unique values cannot grow it. libyaml's composer calls this for every
    node, so it is written for that: the common answers first, from locals.
    """

    # libyaml's composer calls these around every node, for path resolvers, which this loader
    # has none of (PyYAML's own would only return): C no-ops taking the same arguments spare
    # two Python calls per node (tests/unit/test_loader_tags.py: the same trees as CSafeLoader).
    descend_resolver = staticmethod(slice)  # (parent, index) -> an unused slice
    ascend_resolver = staticmethod(tuple)  # () -> an unused ()

    def resolve(self, kind: type, value: Any, implicit: Any, _scalar: type = _SCALAR_NODE) -> str:
        if kind is not _scalar:
            return _MAP if kind is _MAPPING_NODE else _SEQ  # no path resolvers on this loader
        if not implicit[0]:
            return _STR  # quoted, or tagged "!": only plain scalars have implicit tags
        tag = _PLAIN_TAGS.get(value)
        if tag is not None:
            return tag
        if value[:1] not in _IMPLICIT_FIRST:
            return _STR  # no implicit resolver starts with this character
        tag = super().resolve(kind, value, implicit)
        if len(value) <= 40 and len(_PLAIN_TAGS) < 1_000:
            _PLAIN_TAGS[value] = tag
        return tag


class _YamlWalk:
    """Walks a composed node tree into plain data, recording positions and problems.

    This runs once per file of a batch, so the common cases (string keys, plain strings, small
    decimal integers) take a short path; everything else goes through PyYAML's safe constructor.
    """

    def __init__(self) -> None:
        self.positions: dict[tuple[str, ...], tuple[Mark, Mark]] = {}
        self.problems: list[tuple[Problem, Mark]] = []
        self.nodes = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def walk(self, node: yaml.Node, path: tuple[str, ...], depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise _TooBig(node, "nodes" if self.nodes > MAX_NODES else "depth")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self.check_tag(node, _SEQ)
            items = []
            positions = self.positions
            for n, child in enumerate(node.value):
                where = (*path, str(n))
                mark = _mark(child)
                positions[where] = (mark, mark)
                items.append(self.walk(child, where, depth + 1))
            return items
        if node.tag != _MAP:
            self.check_tag(node, _MAP)
        return self.mapping(node, path, depth)

    def mapping(self, node: yaml.MappingNode, path: tuple[str, ...], depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first: dict[str, Mark] = {}
        positions = self.positions
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    (
                        Problem(
                            Code.SPBE005,
                            (),
                            {"kind": "YAML", "detail": "a key must be a plain value"},
                        ),
                        _mark(key_node),
                    )
                )
                continue
            key = key_node.value if key_node.tag == _STR else self.scalar(key_node)
            skey = key.strip() if isinstance(key, str) else str(key)
            key_mark = _mark(key_node)
            if skey in first:
                params = {"key": skey, "first_line": first[skey][0] + 1}
                self.problems.append((Problem(Code.SPBE006, (), params), key_mark))
                continue
            first[skey] = key_mark
            where = (*path, skey)
            positions[where] = (key_mark, _mark(value_node))
            leaf = value_node.__class__ is yaml.ScalarNode
            if leaf and depth < MAX_DEPTH and self.nodes < MAX_NODES:
                self.nodes += 1  # what walk() would count and check for this leaf
                out[key] = self.scalar(value_node)
            else:
                out[key] = self.walk(value_node, where, depth + 1)
        return out

    def check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self.problems.append((Problem(Code.SPBE007, (), {"tag": node.tag}), _mark(node)))

    def scalar(self, node: yaml.Node) -> Any:
        full = node.tag
        if full == _STR:
            return node.value
        if full == _INT:
            value = node.value
            simple = value.isascii() and value.isdigit() and len(value) < 300
            if simple and (value[0] != "0" or len(value) == 1):
                return int(value)  # decimal without sign, octal prefix or underscores
        tag = full.rsplit(":", 1)[-1] if full.startswith(_CORE) else None
        if tag in ("str", "timestamp"):
            return node.value
        if tag == "int":
            try:
                return _bounded_int(self.constructor.construct_yaml_int(node))
            except ValueError as exc:
                self.problems.append((_number_problem(exc), _mark(node)))
                return None
        if tag == "bool":
            return self.constructor.construct_yaml_bool(node)
        if tag == "null":
            return None
        if tag == "float":
            try:
                return _bounded_decimal(node.value.replace("_", ""))
            except InvalidOperation:
                return self.constructor.construct_yaml_float(node)
            except ValueError as exc:
                self.problems.append((_number_problem(exc), _mark(node)))
                return None
        self.problems.append((Problem(Code.SPBE007, (), {"tag": node.tag}), _mark(node)))
        return node.value


def _bounded_int(value: int) -> int:
    if value.bit_length() > MAX_INT_BITS:
        raise ValueError(f"a whole number of {value.bit_length()} bits")
    return value


def _bounded_decimal(text: str) -> Decimal:
    """A Decimal, or ValueError when its exponent makes it useless and dangerous to convert."""
    value = Decimal(text)
    if value.is_finite() and value and abs(value.adjusted()) > MAX_EXPONENT:
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


def _number_problem(exc: ValueError) -> Problem:
    detail = str(exc) if str(exc).startswith(("a whole", "the number")) else "a number too long"
    return Problem(Code.SPBE009, (), {"detail": detail[:120]})


class _TooBig(Exception):
    def __init__(self, node: yaml.Node, what: str) -> None:
        self.mark = _mark(node)
        self.what = what


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line, node.start_mark.column)


def _nesting_bound(text: str) -> int:
    """An upper bound of the nesting depth, cheap enough to run on every file.

    Block nesting needs indentation or an indicator per level, flow nesting a bracket; the C
    composer recurses per level and crashes the process near 30,000, so refuse early instead.
    """
    flow = text.count("[") + text.count("{")
    if flow > MAX_STRUCTURE:
        return flow
    lines = text.splitlines()
    rough = flow + 2 * max(map(len, lines), default=0) + 2
    if rough <= MAX_STRUCTURE:
        return rough  # a line of n characters has at most n levels of indent and indicators
    block = 0
    for line in lines:
        stripped = line.lstrip(" ")
        indicators = stripped.count("- ") + stripped.count(": ") + stripped.count("? ")
        block = max(block, 2 * (len(line) - len(stripped) + indicators) + 2)
    return flow + block


def _parse_yaml(name: str, text: str) -> Document | LoadFailure:
    if _nesting_bound(text) > MAX_STRUCTURE or len(text) > guard.SCAN_FROM:
        refused = guard.yaml_structure(text)  # counted before the composer keeps every node
        if refused is not None:
            return _failure(name, [refused[0]], [refused[1]])
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return _failure(name, [_yaml_syntax(exc, text)], [_error_mark(exc)])
    except yaml.YAMLError as exc:
        problem, mark = _yaml_reader_error(exc, text)
        return _failure(name, [problem], [mark])
    if root is None:
        return _failure(name, [Problem(Code.SPBE008)])
    data = fast_data(root, MAX_DEPTH, MAX_NODES, _bounded_decimal)
    if data is not SLOW:  # the common file: positions only if a problem asks (yaml_fast.py)
        return Document(name, data, NodePositions(root, _key_text))
    return _walk_yaml(name, root)


def _walk_yaml(name: str, root: yaml.Node) -> Document | LoadFailure:
    """The careful walk: every node checked and counted, every position recorded."""
    walker = _YamlWalk()
    try:
        data = walker.walk(root, (), 0)
    except _TooBig as exc:
        what = "values" if exc.what == "nodes" else "depth"
        return _failure(name, [guard.structure_problem(what)], [exc.mark])
    if walker.problems:
        problems, marks = zip(*walker.problems, strict=True)
        return _failure(name, list(problems), list(marks))
    return Document(name, data, walker.positions)


def _key_text(key_node: yaml.Node) -> str:
    """The text a mapping key is filed under, exactly as _YamlWalk.mapping files it."""
    tag, value = key_node.tag, key_node.value
    if tag == _STR:
        return value.strip()  # type: ignore[no-any-return]
    if tag == _INT and value.isascii() and value.isdigit() and (value[0] != "0" or value == "0"):
        return value  # a plain decimal reads as itself: str(int(value)) == value
    key = _KEYS.scalar(key_node)
    return key.strip() if isinstance(key, str) else str(key)


_KEYS = _YamlWalk()
"""Reads key nodes for _key_text: only keys the fast path admitted (strings, plain decimal
integers, nulls), which never record a problem, so its lists stay empty."""


_YAML_WORDS = [
    # (what PyYAML's problem says, the catalogue's words for it): first match wins
    ("mapping values are not allowed", "yaml.colon"),
    ("could not find expected ':'", "yaml.no_colon"),
    ("did not find expected key", "yaml.indent"),
    ("expected <block end>", "yaml.indent"),
    ("did not find expected '-' indicator", "yaml.dash"),
    ("did not find expected ',' or ']'", "yaml.bracket"),
    ("did not find expected ',' or '}'", "yaml.brace"),
    ("found unexpected end of stream", "yaml.quote"),
    ("found unknown escape character", "yaml.escape"),
    ("found undefined alias", "yaml.alias"),
    ("but found another document", "yaml.documents"),
]


def _yaml_syntax(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """A YAML syntax error in the catalogue's words, on one line; PyYAML's own English (and its
    second line, "in <unicode string>") never reaches the user."""
    detail = exc.problem or str(exc)
    if "cannot start any token" in detail:
        char = _char_at(text, exc.problem_mark)
        if char in ("\t", ""):
            return Problem(Code.SPBE011)
        return Problem(Code.SPBE005, (), {"kind": "YAML", "detail": _reserved(char)})
    return Problem(Code.SPBE005, (), {"kind": "YAML", "detail": _yaml_words(detail)})


def _yaml_words(problem: str) -> dict[str, object]:
    for needle, key in _YAML_WORDS:
        if needle in problem:
            return {"catalogue": key}
    return {"catalogue": "yaml.other"}


def _reserved(char: str) -> dict[str, object]:
    return {"catalogue": "yaml.reserved", "char": repr(char)}


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _yaml_reader_error(exc: yaml.YAMLError, text: str) -> tuple[Problem, Mark]:
    """PyYAML's reader refuses control characters (a binary file that happens to be UTF-8):
    one line naming the character and where it is, not PyYAML's two lines of English."""
    position = getattr(exc, "position", None)
    character = getattr(exc, "character", None)
    if isinstance(position, int) and isinstance(character, int | str):
        code = character if isinstance(character, int) else ord(character[:1] or "\0")
        detail = {"catalogue": "yaml.control", "char": f"U+{code:04X}"}
        return Problem(Code.SPBE005, (), {"kind": "YAML", "detail": detail}), _offset_mark(
            text, min(position, len(text))
        )
    return Problem(Code.SPBE005, (), {"kind": "YAML", "detail": _yaml_words(str(exc))}), (0, 0)


def _error_mark(exc: yaml.MarkedYAMLError) -> Mark:
    mark = exc.problem_mark or exc.context_mark
    return (mark.line, mark.column) if mark else (0, 0)


# --- JSON -----------------------------------------------------------------------------------


class _Duplicates:
    """json's object_pairs_hook that notes every key written twice (once stripped, as YAML's
    walk and the model compare keys) instead of keeping the last one."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) < len(pairs) or any(k[:1].isspace() or k[-1:].isspace() for k in out):
            seen: set[str] = set()
            for key, _ in pairs:
                if key.strip() in seen:
                    self.keys.append(key)
                seen.add(key.strip())
        return out


def _parse_json(name: str, text: str) -> Document | LoadFailure:
    if text.count("[") + text.count("{") > MAX_STRUCTURE or len(text) > guard.SCAN_FROM:
        refused = guard.yaml_structure(text)  # JSON is YAML to libyaml's streaming parser
        if refused is not None:
            return _failure(name, [refused[0]], [refused[1]])
    duplicates = _Duplicates()
    try:
        data = json.loads(
            text,
            object_pairs_hook=duplicates,
            parse_float=_bounded_decimal,
            parse_constant=_reject,
        )
    except json.JSONDecodeError as exc:
        problem = Problem(Code.SPBE005, (), {"kind": "JSON", "detail": exc.msg})
        return _failure(name, [problem], [(exc.lineno - 1, exc.colno - 1)])
    except (ValueError, RecursionError) as exc:
        return _failure(name, [Problem(Code.SPBE005, (), {"kind": "JSON", "detail": str(exc)})])
    too_big = guard.data_structure(data)  # JSON the streaming count could not read as YAML
    if too_big is not None:
        return _failure(name, [too_big])
    surrogate = guard.lone_surrogate(text, data)
    if surrogate is not None:
        return _failure(name, [surrogate[0]], [surrogate[1]])
    if duplicates.keys:
        return _json_duplicates(name, text, duplicates.keys)
    return Document(name, data, LazyPositions(lambda: _positions_via_yaml(text)))


def _json_duplicates(name: str, text: str, keys: list[str]) -> LoadFailure:
    """Every duplicate key, each with the line of its first use: YAML's walk of the same text
    finds them with their places; a text it cannot read is searched for the quoted keys."""
    try:
        walker = _YamlWalk()
        walker.walk(yaml.compose(text, Loader=_Loader), (), 0)
        found = [(p, m) for p, m in walker.problems if p.code == Code.SPBE006]
    except (yaml.YAMLError, _TooBig):
        found = []
    if len(found) == len(keys):
        problems, marks = zip(*found, strict=True)
        return _failure(name, list(problems), list(marks))
    problems, places = [], []
    for key in keys:
        first, second = _find_second(text, json.dumps(key.strip(), ensure_ascii=False), key)
        problems.append(Problem(Code.SPBE006, (), {"key": key.strip(), "first_line": first + 1}))
        places.append(second)
    return _failure(name, problems, places)


def _reject(constant: str) -> Any:
    raise ValueError(f"{constant} is not a number")


def _positions_via_yaml(text: str) -> dict[tuple[str, ...], tuple[Mark, Mark]]:
    """JSON is (nearly always) YAML, so the YAML walk gives its positions; data comes from json."""
    try:
        root = yaml.compose(text, Loader=_Loader)
        walker = _YamlWalk()
        walker.walk(root, (), 0)
    except (yaml.YAMLError, _TooBig):
        return {}
    return walker.positions


def _find_second(text: str, needle: str, key: str) -> tuple[int, Mark]:
    """The line of a key's first use and the place of its second, found in the text."""
    first = max(text.find(needle), 0)
    written = json.dumps(key, ensure_ascii=False)
    second = text.find(written, first + 1)
    if second < 0:
        second = first
    return text.count("\n", 0, first), _offset_mark(text, second)


def _offset_mark(text: str, offset: int) -> Mark:
    line = text.count("\n", 0, offset)
    return (line, offset - (text.rfind("\n", 0, offset) + 1))


# --- TOML -----------------------------------------------------------------------------------

_TOML_ERROR = re.compile(
    r"^(?P<msg>.*?)(?: \(at line (?P<line>\d+), column (?P<col>\d+)\))?$", re.S
)
_TOML_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_TOML_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.\-"' ]+?)\s*=""")


def _parse_toml(name: str, text: str) -> Document | LoadFailure:
    import tomllib

    refused = guard.toml_structure(text)  # tomllib is quadratic in a dotted key's parts
    if refused is not None:
        return _failure(name, [refused[0]], [refused[1]])
    try:
        data = tomllib.loads(text, parse_float=_bounded_decimal)
        _check_toml_ints(data, 0)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_ERROR.match(str(exc))
        assert match is not None
        mark = (int(match["line"]) - 1, int(match["col"]) - 1) if match["line"] else (0, 0)
        problem = _toml_twice(match["msg"], text, mark[0]) or Problem(
            Code.SPBE005, (), {"kind": "TOML", "detail": match["msg"]}
        )
        return _failure(name, [problem], [mark])
    except ValueError as exc:  # a number out of range (tomllib parses them with int())
        return _failure(name, [_number_problem(exc)])
    except RecursionError:  # tomllib is pure Python: deep nesting stops here, safely
        return _failure(name, [guard.structure_problem("depth")])
    doc = Document(name, data, LazyPositions(lambda: dict(_toml_positions(text))))
    twice = [
        Problem(Code.SPBE006, path, {"key": key.strip(), "first_line": _line_of(doc, path, first)})
        for path, key, first in guard.stripped_duplicates(data)
    ]
    if twice:
        return LoadFailure(name, [doc.locate(replace(p, at="key")) for p in twice])
    return doc


def _line_of(doc: Document, path: tuple[str, ...], first: str) -> int:
    return doc.mark_of((*path[:-1], first), "key")[0] + 1


_TOML_TWICE = ("Cannot overwrite a value", "Cannot declare", "Duplicate inline table key")
_TOML_TWICE += ("Cannot mutate immutable namespace", "Cannot redefine namespace")


def _toml_twice(message: str, text: str, line: int) -> Problem | None:
    """tomllib's ways of saying a key is written twice, as SPBE006 (a duplicate key) like YAML
    and JSON, with the key and the line of its first definition where they can be found."""
    if not message.startswith(_TOML_TWICE):
        return None
    entries = list(_toml_positions(text))
    here = [path for path, (key_mark, _) in entries if key_mark[0] == line]
    quoted = re.findall(r"'([^']*)'", message)
    path = here[-1] if here else tuple(quoted)
    earlier = [
        mark[0]
        for found, (mark, _) in entries
        if mark[0] < line and path and (found[: len(path)] == path or path[: len(found)] == found)
    ]
    key = ".".join(path) or "?"
    return Problem(Code.SPBE006, (), {"key": key, "first_line": earlier[0] + 1 if earlier else "?"})


def _check_toml_ints(data: Any, depth: int) -> None:
    """TOML's hexadecimal integers have no length limit; refuse the absurd ones like YAML's."""
    if depth > MAX_DEPTH:
        raise RecursionError("nesting")
    if isinstance(data, int):
        _bounded_int(data)
    elif isinstance(data, dict | list):
        for item in data.values() if isinstance(data, dict) else data:
            _check_toml_ints(item, depth + 1)


def _toml_positions(text: str) -> Iterator[tuple[tuple[str, ...], tuple[Mark, Mark]]]:
    """Best-effort positions for TOML (tomllib gives none): table headers and `key =` lines."""
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines()):
        header = _TOML_HEADER.match(line)
        if header:
            table = _toml_key_parts(header.group(1))
            yield table, ((number, 0), (number, 0))
            continue
        key = _TOML_KEY.match(line)
        if key:
            column = len(line) - len(line.lstrip())
            value_column = line.index("=", key.end() - 1) + 1
            value_column += len(line[value_column:]) - len(line[value_column:].lstrip())
            yield (
                (*table, *_toml_key_parts(key.group(1))),
                ((number, column), (number, value_column)),
            )


def _toml_key_parts(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', dotted)
    return tuple(next((p for p in groups if p), "") for groups in parts)  # `"" = 1`: key ''


# --- Files and folders ----------------------------------------------------------------------


def source_lines(
    path: str | Path, wanted: Iterable[int], max_bytes: int | None = None
) -> dict[int, str]:
    """The text of some 1-based lines of a file, to show under its problems on a terminal.

    Read within the same size limit as the document, decoded leniently (a file with invalid UTF-8
    still shows its other lines), and cut to a screen's width; unreadable files give nothing.
    """
    lines = set(wanted)
    limit = max_bytes if max_bytes is not None else max_bytes_from_env()
    raw = guard.read_regular(Path(path), limit) if lines else b""  # never opens a FIFO
    if not lines or isinstance(raw, Problem):
        return {}
    text = raw.decode("utf-8-sig", errors="replace")
    out: dict[int, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if number in lines:
            out[number] = line[:200]
        if number >= max(lines):
            break
    return out


def expand_paths(paths: Iterable[str | Path], *, include_hidden: bool = False) -> Iterator[Path]:
    """Files as given, folders walked for assessments: see `spbe_cli.files.walk`."""
    from spbe_cli.files.walk import expand_paths as walk

    return walk(paths, include_hidden=include_hidden)
