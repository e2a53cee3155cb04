"""The reader's YAML loader composes exactly the trees of PyYAML's CSafeLoader (issue 17).

It answers tag resolution from a memo and skips PyYAML's path-resolver calls around each node,
both for speed; the fast path and the careful walk both read its trees, so a difference here
would change both alike and no other test would see it. Compared node by node: kind, tag,
value, style and place, on every fixture and example and on random documents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from hypothesis import given, settings

from spbe_cli.files import reader

CORPUS = sorted(
    p
    for p in [*FIXTURES.rglob("*.yaml"), *FIXTURES.rglob("*.yml"), *EXAMPLES.rglob("*.yaml")]
    if p.is_file()
)


def shape(node: Any, seen: dict[int, int]) -> Any:
    """The node as comparable data; a node met again (an alias) as a reference to its first
    appearance, so an alias bomb stays as small as its text."""
    if id(node) in seen:
        return ("alias", seen[id(node)])
    seen[id(node)] = len(seen)
    place = (node.start_mark.line, node.start_mark.column, node.end_mark.line)
    head = (type(node).__name__, node.tag, getattr(node, "style", None), place)
    if isinstance(node, yaml.MappingNode):
        return (*head, [(shape(k, seen), shape(v, seen)) for k, v in node.value])
    if isinstance(node, yaml.SequenceNode):
        return (*head, [shape(item, seen) for item in node.value])
    return (*head, node.value)


def composed(text: str, loader: type) -> Any:
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        return ("error", str(exc))
    return None if root is None else shape(root, {})


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_corpus_composes_as_with_csafeloader(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        pytest.skip("not text")
    if reader._nesting_bound(text) > reader.MAX_STRUCTURE:
        pytest.skip("refused before composing")
    assert composed(text, reader._Loader) == composed(text, yaml.CSafeLoader)


plain = st.sampled_from(
    ["3", "03", "0x1F", "1_000", "3.0", ".inf", "yes", "No", "on", "~", "null", "", "2024-01-02",
     "1:30", "+5", "-.5", "<<", "=", "!x", "teks", "Tingkat 3", "Yes please", "true story"]
)  # fmt: skip
keys = plain | st.text(max_size=6)
trees = st.recursive(
    plain | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=25,
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(trees, st.booleans())
def test_random_documents_compose_as_with_csafeloader(tree: Any, flow: bool) -> None:
    text = yaml.safe_dump(tree, default_flow_style=flow, allow_unicode=True)
    for scalar in ("3", "yes", "0x1F", ".inf", "~"):  # plain forms that safe_dump would quote
        text = text.replace(f"'{scalar}'", scalar)
    assert composed(text, reader._Loader) == composed(text, yaml.CSafeLoader)
