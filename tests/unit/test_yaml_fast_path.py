"""The reader's fast path (files/yaml_fast.py) against its careful walk: same data, same problems.

A batch reads most files with a lean walk and finds positions only for the paths a problem points
at. Nothing a user sees may depend on which path read a file, so each case here is read twice,
once as shipped and once with the fast path switched off (every file through the careful walk
that records every position), and the two must agree on the data, on the problems of a file that
fails to load, on every position a problem could ask for, and on what `spbe validate` prints.
The corpus: every fixture and example, the hostile files, and random documents (hypothesis).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

import hypothesis.strategies as st
import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from hypothesis import HealthCheck, given, settings

from spbe_cli.app.validate import FileCheck, Options
from spbe_cli.files import reader
from spbe_cli.files.reader import Document, LoadFailure, parse_text, read_document
from spbe_cli.files.yaml_fast import SLOW
from spbe_cli.render.validate_out import file_renderer

CORPUS = sorted(
    p
    for p in [*FIXTURES.rglob("*"), *EXAMPLES.rglob("*")]
    if p.is_file() and p.suffix in reader.SUFFIXES
)


@contextmanager
def careful_only() -> Iterator[None]:
    """Every YAML file through the careful walk, as before the fast path existed."""
    with mock.patch.object(reader, "fast_data", lambda *args: SLOW):
        yield


def both(name: str, text: str) -> tuple[Document | LoadFailure, Document | LoadFailure]:
    fast = parse_text(name, text)
    with careful_only():
        careful = parse_text(name, text)
    return fast, careful


def assert_same(fast: Document | LoadFailure, careful: Document | LoadFailure) -> None:
    assert type(fast) is type(careful)
    if isinstance(careful, LoadFailure):
        assert fast.problems == careful.problems  # type: ignore[union-attr]
        return
    assert isinstance(fast, Document)
    assert fast.data == careful.data
    assert _types(fast.data) == _types(careful.data)  # 1 and True compare equal; types must not
    assert isinstance(careful.positions, dict) or careful.path.endswith((".json", ".toml"))
    paths = list(careful.positions) if isinstance(careful.positions, dict) else []
    for path in [(), ("nowhere",), *paths, *((*p, "deeper") for p in paths)]:
        for at in ("key", "value"):
            assert fast.mark_of(path, at) == careful.mark_of(path, at), (path, at)


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {(type(k).__name__, str(k)): _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


def verdict(path: Path) -> tuple[int, int, str]:
    check = FileCheck(Options(date(2024, 6, 1)), file_renderer("text", "en"))
    found = check(path)
    return found.errors, found.warnings, found.output


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_fixtures_read_the_same_on_both_paths(path: Path) -> None:
    fast = read_document(path)
    with careful_only():
        careful = read_document(path)
    assert_same(fast, careful)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_validate_reports_the_same_on_both_paths(path: Path) -> None:
    fast = verdict(path)
    with careful_only():
        assert verdict(path) == fast


def test_the_fast_path_is_taken_for_an_ordinary_file() -> None:
    """Otherwise the tests above would compare the careful walk with itself."""
    doc = read_document(EXAMPLES / "kota-contoh-2022.yaml")
    assert isinstance(doc, Document) and not isinstance(doc.positions, dict)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n'a': 2\n",  # the same key quoted
        "1: a\n'1': b\n",  # an integer and a string that read the same
        "' 1': a\n1: b\n",  # the same once stripped
        "a: 1\nb: {a: 1, a: 2}\n",  # a duplicate deeper down
        "a: yes\n",  # a boolean: not for the fast path
        "a: 0x1F\nb: 1_000\nc: 010\n",  # integers it leaves to PyYAML
        "a: 3.0\nb: 1e999\n",  # decimals
        "a: 1.5e+3\nb: 1_0.5\nc: -.5\nd: 1.0e+1001\n",  # decimals, one out of range
        "a: .inf\nb: .NaN\nc: 1:30.5\n",  # floats that are no Decimal
        "a: Yes\nb: OFF\nc: true\n? no\n: 1\n",  # booleans, one as a key
        "a: 2024-01-02\nb: 2024-01-02 10:00:00\n2024-01-03: x\n",  # timestamps stay text
        "a: !!str 3\nb: !!python/object:os.system x\n",  # tags
        "? [a]\n: 1\n",  # a key that is not a scalar
        "a: &x [1, 2]\nb: *x\n",  # an alias
        "a:\n  - b: 1\n  - ~\n  -\n",  # nulls in a list
        "\u00a0a: 1\na: 2\n",  # a no-break space is text to YAML, and stripped by Python
        "- 1\n- 2\n",  # not a mapping
        "3\n",  # a scalar document
    ],
)
def test_edge_documents_read_the_same_on_both_paths(text: str) -> None:
    assert_same(*both("edge.yaml", text))


def test_nesting_near_the_depth_limit_is_left_to_the_careful_walk() -> None:
    for depth in (reader.MAX_DEPTH - 2, reader.MAX_DEPTH, reader.MAX_DEPTH + 2):
        text = "a: " + "[" * depth + "1" + "]" * depth + "\n"
        assert_same(*both("deep.yaml", text))


def test_an_alias_bomb_is_counted_the_same() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 7)]
    assert_same(*both("bomb.yaml", "\n".join(lines) + "\n"))


# ---- random documents ------------------------------------------------------------------------

KEY_FORMS = ["{k}", "'{k}'", '"{k}"', "' {k}'", "0{k}", "{k}.0", "yes", "~", "0x{k}"]
LEVEL_FORMS = ["{v}", "'{v}'", "{v}.0", "yes", "~", "", "!!str {v}", "!!int {v}", "[{v}]", "1e99"]
TEXT_FORMS = [
    "Perwal {v}",
    "'kutip {v}'",
    '"dua\\tbaris {v}"',
    "&a teks",
    "*a",
    "- x",
    "{{a: {v}}}",
]


@st.composite
def assessments(draw: st.DrawFn) -> str:
    """Assessment-like YAML with the mistakes people make, shuffled by a seed."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    lines = ["rubrik: permenpanrb-59-2020"]
    if rng.random() < 0.5:
        lines.append(f"instansi: {rng.choice(TEXT_FORMS).format(v=rng.randint(0, 9))}")
    else:
        lines += ["instansi:", "  nama: Kota Contoh", f"  jenis: {rng.choice(['kota', 'desa'])}"]
    lines.append(f"tahun: {rng.choice(['2024', '2024.0', 'yes', '2030', '~'])}")
    if rng.random() < 0.5:
        lines.append(f"tahap: {rng.choice(['mandiri', 'akhir', 'lain', '1'])}")
    lines.append("indikator:")
    ids = [*range(1, 48), 99]
    for key in rng.sample(ids, rng.randint(40, 48)):
        form = rng.choice(KEY_FORMS) if rng.random() < 0.1 else "{k}"
        head = f"  {form.format(k=key)}:"
        level = rng.randint(0, 6)
        if rng.random() < 0.7:
            value = rng.choice(LEVEL_FORMS) if rng.random() < 0.1 else "{v}"
            lines.append(f"{head} {value.format(v=level)}")
        else:
            lines.append(head)
            lines.append(f"    level: {level}")
            if rng.random() < 0.7:
                note = rng.choice(TEXT_FORMS).format(v=level)
                lines.append(f"    penjelasan: {note}")
            if rng.random() < 0.5:
                lines.append(f"    bukti_dukung: [bukti-{key}.pdf]")
            if rng.random() < 0.05:
                lines.append(f"    level: {level}")  # a duplicate inside an entry
    if rng.random() < 0.1:
        lines.insert(rng.randrange(len(lines)), rng.choice(lines))  # a duplicate anywhere
    return "\n".join(lines) + "\n"


SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.slow
@SETTINGS
@given(assessments())
def test_random_assessments_read_and_validate_the_same(tmp_path: Path, text: str) -> None:
    assert_same(*both("random.yaml", text))
    file = tmp_path / "random.yaml"
    file.write_text(text, encoding="utf-8")
    fast = verdict(file)
    with careful_only():
        assert verdict(file) == fast


scalars = (
    st.none()
    | st.booleans()
    | st.floats()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
)
keys = st.integers(min_value=0, max_value=50) | st.text(max_size=5) | st.none() | st.booleans()
trees = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=30,
)


@pytest.mark.slow
@SETTINGS
@given(trees, st.sampled_from([None, True, False]))
def test_random_documents_read_the_same(tree: object, flow: bool | None) -> None:
    try:
        text = yaml.safe_dump({"root": tree}, default_flow_style=flow, allow_unicode=True)
    except yaml.YAMLError:
        return
    assert_same(*both("tree.yaml", text))
