"""Positions found by navigating the node tree (yaml_fast.NodePositions) read a mapping only as
far as a lookup needs and go on from there on the next one: whatever order problems ask in, each
path's place is the careful walk's."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES

from spbe_cli.files import reader
from spbe_cli.files.reader import Document, read_document
from spbe_cli.files.yaml_fast import SLOW, NodePositions

YAML = sorted(
    p
    for p in [*FIXTURES.rglob("*"), *EXAMPLES.rglob("*")]
    if p.is_file() and p.suffix in (".yaml", ".yml")
)


def careful(path: Path) -> Document | None:
    original = reader.fast_data
    reader.fast_data = lambda *args: SLOW  # type: ignore[assignment]
    try:
        doc = read_document(path)
    finally:
        reader.fast_data = original
    return doc if isinstance(doc, Document) else None


@pytest.mark.parametrize("path", YAML, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_any_order_of_lookups_finds_the_careful_places(path: Path) -> None:
    slow, first = careful(path), read_document(path)
    if slow is None or not isinstance(first, Document):
        pytest.skip("not a document")
    if not isinstance(first.positions, NodePositions):
        pytest.skip("read by the careful walk: positions recorded as it goes")
    assert isinstance(slow.positions, dict)
    paths = list(slow.positions)
    asked = [*paths, ("nowhere",), *((*p, "deeper") for p in paths)]
    rng = random.Random(str(path))
    for order in (asked[::-1], rng.sample(asked, len(asked))):
        fast = read_document(path)
        assert isinstance(fast, Document) and isinstance(fast.positions, NodePositions)
        for where in order:
            for at in ("key", "value"):
                assert fast.mark_of(where, at) == slow.mark_of(where, at), (where, at)
