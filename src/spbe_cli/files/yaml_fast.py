"""The fast path of the YAML reader: data without positions, and positions only when asked.

A batch reads thousands of files and most of them have nothing to report, so what every file pays
must be close to a bare parse (issue 17). The careful walk of reader.py records a line and column
for every key and value, checks every tag and counts every node; almost all of that is wasted on a
file without problems. Here the composed node tree is turned into data by a lean walk that knows
only the common shapes (string keys, strings, plain decimal integers, nulls, lists, mappings) and
gives up (`SLOW`) at anything else: another tag, a duplicate key, a non-scalar key, depth or node
count near the limits. The reader then runs the careful walk on the same tree, so every problem is
found and reported exactly as before; the fast walk never decides that a file is wrong.

Positions are found afterwards only for the paths a problem points at, by navigating the same
tree (`NodePositions`), with the careful walk's rules for keys, so a located problem reads the same
whichever path read the file. tests/unit/test_yaml_fast_path.py holds the two paths to that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import yaml

CORE = "tag:yaml.org,2002:"
STR, INT, NULL, MAP, SEQ = (CORE + t for t in ("str", "int", "null", "map", "seq"))
FLOAT, BOOL, TIMESTAMP = (CORE + t for t in ("float", "bool", "timestamp"))
_BOOLS: dict[str, bool] = yaml.constructor.SafeConstructor.bool_values

SLOW = object()
"""What fast_data returns when the file needs the careful walk."""

Mark = tuple[int, int]


class _Slow(Exception):
    pass


def fast_data(
    root: yaml.Node, max_depth: int, max_nodes: int, decimal: Callable[[str], Any]
) -> Any:
    """The plain data of a composed tree, or SLOW when any node is outside the common shapes.

    Stops (SLOW) well before the careful walk's limits would be reached (depth, node count), so a
    file near a limit is always judged by the careful walk. `decimal` is the careful walk's
    reading of a YAML float (a bounded Decimal); whatever it refuses is left to that walk.
    """
    try:
        return _FastWalk(max_depth, max_nodes - 2, decimal).walk(root, 0)
    except _Slow:
        return SLOW


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode


def _small_decimal(value: str) -> bool:
    """An int-tagged text that int() reads as YAML does: decimal digits without sign, octal
    prefix or underscores, short enough that int() of it is cheap."""
    return (
        value.isascii()
        and value.isdigit()
        and len(value) < 300
        and (value[0] != "0" or len(value) == 1)
    )


def _scalar(node: yaml.Node) -> Any:
    tag = node.tag
    if tag == STR:
        return node.value
    if tag == INT:
        value = node.value
        if _small_decimal(value):
            return int(value)  # decimal without sign, octal prefix or underscores
    elif tag == NULL:
        return None
    elif tag == BOOL:
        return _BOOLS[node.value.lower()]
    elif tag == TIMESTAMP:
        return node.value  # kept as written, as the careful walk keeps it
    raise _Slow


class _FastWalk:
    """One file's lean walk. A class rather than nested functions: a closure that calls itself is
    a reference cycle per file, left to the garbage collector (a tenth of a batch's time)."""

    __slots__ = ("budget", "decimal", "max_depth")

    def __init__(self, max_depth: int, budget: int, decimal: Callable[[str], Any]) -> None:
        self.max_depth = max_depth
        self.budget = budget
        self.decimal = decimal

    def number(self, node: yaml.Node) -> Any:
        """A YAML float as the careful walk reads it, or _Slow for what it reads otherwise
        (.inf, .nan, sexagesimal) or refuses (an exponent out of range)."""
        try:
            return self.decimal(node.value.replace("_", ""))
        except (ArithmeticError, ValueError):
            raise _Slow from None

    def walk(self, node: yaml.Node, depth: int) -> Any:
        kind = node.__class__
        if kind is _SCALAR:
            return self.number(node) if node.tag == FLOAT else _scalar(node)
        if depth >= self.max_depth - 1:
            raise _Slow
        items = node.value
        self.budget -= 2 * len(items)
        if self.budget < 0:
            raise _Slow
        if kind is _MAPPING:
            if node.tag != MAP:
                raise _Slow
            out: dict[Any, Any] = {}
            kinds = 0  # 1: plain ASCII strings (YAML trims those), 2: integers, 4: other keys
            for key_node, value_node in items:
                if key_node.__class__ is not _SCALAR:
                    raise _Slow
                tag, key = key_node.tag, key_node.value
                if tag == STR:
                    kinds |= 4 if key_node.style or not key.isascii() else 1
                elif tag == INT and _small_decimal(key):  # an indicator id, as _scalar reads it
                    key = int(key)
                    kinds |= 2
                else:
                    key = _scalar(key_node)
                    kinds |= 2 if key.__class__ is int else 4
                if value_node.__class__ is _SCALAR:  # the leaves most keys hold, inline
                    tag, value = value_node.tag, value_node.value
                    if tag == STR:
                        out[key] = value
                        continue
                    if tag == INT and _small_decimal(value):  # a level
                        out[key] = int(value)
                        continue
                out[key] = self.walk(value_node, depth + 1)
            if len(out) != len(items) or (kinds > 2 and not _distinct(out)):
                raise _Slow  # a duplicate key, perhaps only once stripped ("1" and 1, " 1")
            return out
        if kind is not _SEQUENCE or node.tag != SEQ:
            raise _Slow
        return [
            child.value
            if child.__class__ is _SCALAR and child.tag == STR
            else self.walk(child, depth + 1)
            for child in items
        ]


def _distinct(mapping: dict[Any, Any]) -> bool:
    """No two keys filed under the same text by the careful walk (stripped, or str() of others)."""
    texts = {key.strip() if isinstance(key, str) else str(key) for key in mapping}
    return len(texts) == len(mapping)


def mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line, node.start_mark.column)


_Index = dict[str, tuple[yaml.Node, yaml.Node]]


class _Lookup:
    """What readers ask of a positions dict: `get(path)`, and `[path]` raising KeyError."""

    def get(self, path: tuple[str, ...], /) -> tuple[Mark, Mark] | None:
        raise NotImplementedError

    def __getitem__(self, path: tuple[str, ...]) -> tuple[Mark, Mark]:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found


class NodePositions(_Lookup):
    """`get(path)` of the careful walk's positions dict, found by navigating the node tree.

    `key_of` turns a key node into the text the careful walk files it under (its value stripped,
    or str() of a number). A mapping is indexed as far as a lookup needs: its entries are read
    in order until the key asked for, and the next lookup goes on from there, so the warning on
    indicator 1 reads one entry of 47, and a problem per indicator reads each entry once. A file
    with no problem is never visited at all. (The fast walk admitted the file, so its keys are
    scalars filed under distinct texts: the first entry with a text is the only one.)
    """

    def __init__(self, root: yaml.Node, key_of: Callable[[yaml.Node], str]) -> None:
        self.root = root
        self.key_of = key_of
        self._indexes: dict[int, tuple[_Index, Iterator[Any]]] = {}

    def _entry(self, node: yaml.Node, part: str) -> tuple[yaml.Node, yaml.Node] | None:
        """(key node, value node) of `part` under `node`; a sequence's item by position (its own
        node as key: the careful walk marks both with the item)."""
        found = self._indexes.get(id(node))  # the tree keeps every node alive: ids stay unique
        if found is None:
            kind = node.__class__
            rest: Iterator[Any] = iter(node.value if kind is yaml.MappingNode else ())
            index: _Index = {}
            if kind is yaml.SequenceNode:
                index = {str(n): (child, child) for n, child in enumerate(node.value)}
            found = self._indexes[id(node)] = (index, rest)
        index, rest = found
        entry = index.get(part)
        if entry is None:
            key_of, scalar = self.key_of, yaml.ScalarNode
            for key_node, value_node in rest:
                if key_node.__class__ is scalar:
                    text = key_of(key_node)
                    entry = index.setdefault(text, (key_node, value_node))
                    if text == part:
                        return entry
            return None
        return entry

    def get(self, path: tuple[str, ...], /) -> tuple[Mark, Mark] | None:
        node, key_node = self.root, None
        for part in path:
            entry = self._entry(node, part)
            if entry is None:
                return None
            key_node, node = entry
        return None if key_node is None else (mark(key_node), mark(node))


class LazyPositions(_Lookup):
    """A positions dict built on first use: JSON and TOML files pay for positions only on error."""

    def __init__(self, build: Callable[[], dict[tuple[str, ...], tuple[Mark, Mark]]]) -> None:
        self._build: Callable[[], dict[tuple[str, ...], tuple[Mark, Mark]]] | None = build
        self._positions: dict[tuple[str, ...], tuple[Mark, Mark]] = {}

    def get(self, path: tuple[str, ...], /) -> tuple[Mark, Mark] | None:
        if self._build is not None:
            self._positions, self._build = self._build(), None
        return self._positions.get(path)
