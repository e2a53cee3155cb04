"""files/guard.py: only regular files are read, and what a file may cost is decided before parsing.

Each limit is checked at both sides of it: the hostile text is refused at its place, and the
real files (the bundled rubrics, the examples, the templates `spbe init` writes) are not.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT

from spbe_cli.files import guard
from spbe_cli.files.reader import Document, LoadFailure, expand_paths, parse_text, read_document
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem

RUBRICS = sorted((ROOT / "rubrics").glob("*.yaml"))


def _code(found: object) -> Code:
    if isinstance(found, Problem):
        return found.code
    assert isinstance(found, tuple), found
    return found[0].code


def _detail(found: tuple[Problem, tuple[int, int]]) -> str:
    return str(found[0].params["detail"]["catalogue"])  # type: ignore[index]


# --- the path: regular files only --------------------------------------------------------------


def test_a_regular_file_is_read_within_its_limit(tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_bytes(b"x: 1\n")
    assert guard.read_regular(file, 100) == b"x: 1\n"
    too_big = guard.read_regular(file, 4)
    assert isinstance(too_big, Problem) and too_big.code == Code.SPBE003
    assert too_big.params == {"size": 5, "limit": 4}


def test_a_device_is_refused_without_reading_it() -> None:
    found = guard.read_regular(Path("/dev/zero"), 10)
    assert isinstance(found, Problem) and found.code == Code.SPBE013
    assert found.params["kind"] == {"catalogue": "files.kind.device"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # open() on it would wait for a writer forever
    found = guard.read_regular(fifo, 10)
    assert isinstance(found, Problem) and found.code == Code.SPBE013
    assert found.params["kind"] == {"catalogue": "files.kind.fifo"}


def test_a_proc_file_is_too_large_by_what_was_read_not_its_size_of_zero() -> None:
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc")
    found = guard.read_regular(status, 10)  # st_size is 0: "too large (0 byte)" was the bug
    assert isinstance(found, Problem) and found.code == Code.SPBE003
    assert found.params["size"] == 11


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_symlink_loop_is_a_problem_of_its_file(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    os.symlink("loop.yaml", loop)
    found = guard.read_regular(loop, 10)
    assert isinstance(found, Problem) and found.code == Code.SPBE001
    assert "symbolic links" in str(found.params["reason"])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_a_folder_walk_reports_loops_and_dangling_links_instead_of_crashing(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\n")
    os.symlink("loop.yaml", tmp_path / "loop.yaml")
    os.symlink("nowhere.yaml", tmp_path / "dangling.yaml")
    (tmp_path / "notes.txt").write_text("not an assessment\n")
    found = [p.name for p in expand_paths([tmp_path])]
    assert found == ["a.yaml", "dangling.yaml", "loop.yaml"]
    reasons = {p.name: read_document(p) for p in expand_paths([tmp_path])}
    assert isinstance(reasons["loop.yaml"], LoadFailure)
    assert reasons["loop.yaml"].problems[0].code == Code.SPBE001


def test_an_unreadable_subfolder_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads every folder, so the refusal is simulated where the walk meets it."""
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.yaml").write_text("x: 1\n")
    closed = tmp_path / "closed"
    closed.mkdir()
    real = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == closed:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(expand_paths([tmp_path]))
    assert found == [closed, tmp_path / "ok" / "a.yaml"]
    failure = read_document(closed)
    assert isinstance(failure, LoadFailure)
    assert failure.problems[0].code == Code.SPBE001
    assert failure.problems[0].problem.params["reason"] == "Permission denied"


def test_the_suffix_is_checked_before_anything_is_opened(tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root:x:0:0\n")
    secret.chmod(0)  # even root's read would succeed; the point is that none is tried
    failure = read_document(secret)
    assert isinstance(failure, LoadFailure) and failure.problems[0].code == Code.SPBE010


# --- YAML and JSON: counted before composing ---------------------------------------------------


def test_values_past_the_limit_are_refused_where_they_pass_it() -> None:
    text = "x: [" + ",".join(["a"] * (guard.MAX_VALUES + 10)) + "]\n"
    found = guard.yaml_structure(text)
    assert found is not None and _detail(found) == "files.limit.values"
    assert found[1][0] == 0 and found[1][1] > 2 * guard.MAX_VALUES - 10


def test_deep_nesting_is_refused_by_the_streaming_count() -> None:
    for text in ("[" * 100_000, "{a: " * 40_000, "- " * 50_000 + "x\n"):
        found = guard.yaml_structure(text)
        assert found is not None and _detail(found) == "files.limit.depth"


@pytest.mark.parametrize("path", RUBRICS + sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_real_files_pass_the_counts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert guard.yaml_structure(text) is None
    assert isinstance(parse_text(str(path), text), Document)


def test_brackets_and_dashes_inside_text_are_not_nesting() -> None:
    """A quoted explanation with 2,001 `[` or 1,002 ` - ` was refused as "nesting too deep"."""
    for inner in ("[" * 2_001, "{" * 3_000, " - ".join(["bagian"] * 1_002)):
        text = f"rubrik: x\npenjelasan: {json.dumps(inner)}\n"
        doc = parse_text("a.yaml", text)
        assert isinstance(doc, Document), doc
        assert doc.data["penjelasan"] == inner
        doc = parse_text("a.json", json.dumps({"rubrik": "x", "penjelasan": inner}))
        assert isinstance(doc, Document), doc
        assert doc.data["penjelasan"] == inner


def test_json_too_big_for_yaml_to_count_is_counted_after_parsing() -> None:
    deep = {"a": None}
    for _ in range(guard.MAX_DEPTH + 5):
        deep = {"a": deep}
    assert guard.data_structure(deep) == guard.structure_problem("depth")
    assert guard.data_structure(list(range(guard.MAX_VALUES + 1))) is not None
    assert guard.data_structure({"a": [1, 2, {"b": "c"}]}) is None


# --- TOML: key parts, values and depth before tomllib ------------------------------------------


@pytest.mark.parametrize(
    ("text", "what", "line"),
    [
        (".".join(["a"] * 20_000) + " = 1\n", "files.limit.key_parts", 0),
        ("x = 1\n[" + ".".join(["a"] * 100) + "]\n", "files.limit.key_parts", 1),
        ("[[" + ".".join(["a"] * 100) + "]]\n", "files.limit.key_parts", 0),
        ("t = {" + ".".join(["a"] * 100) + " = 1}\n", "files.limit.key_parts", 0),
        ("x = [" + ",".join(["1"] * (guard.MAX_VALUES + 1)) + "]\n", "files.limit.values", 0),
        ("x = " + "[" * 100 + "]" * 100 + "\n", "files.limit.depth", 0),
    ],
    ids=["dotted-key", "header", "array-header", "inline-table", "values", "depth"],
)
def test_toml_keys_and_values_past_the_limits(text: str, what: str, line: int) -> None:
    found = guard.toml_structure(text)
    assert found is not None and _detail(found) == what
    assert found[1][0] == line


def test_toml_counts_dots_only_where_keys_are() -> None:
    """Dots in strings, numbers, dates and comments are no key parts."""
    sentences = " ".join(f"Kalimat {n}. Nomor 1.{n}." for n in range(200))
    text = (
        f'rubrik = "permenpanrb-59-2020"  # a.b.c.d\nversi = 1.5\ntanggal = 2024-01-01\n'
        f'[indikator.1]\nlevel = 3\npenjelasan = "{sentences}"\n'
        f"catatan = '''\n{'. ' * 500}\n'''\nbukti = [\"a.pdf\", \"b.c.d.pdf\"]\n"
        'x = {a.b.c = 1, "d.e" = 2}\n'
    )
    assert guard.toml_structure(text) is None
    import tomllib

    assert tomllib.loads(text)["indikator"]["1"]["level"] == 3


def test_toml_templates_that_spbe_init_writes_pass(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from spbe_cli.cli.main import app

    for rubric in ("permenpanrb-59-2020", "permenpanrb-5-2018", "pemdi-8-2026"):
        result = CliRunner().invoke(app, ["init", "--rubric", rubric, "--format", "toml"])
        assert result.exit_code == 0, result.stderr
        assert guard.toml_structure(result.stdout) is None


def test_toml_empty_key_is_an_unknown_key_not_a_crash() -> None:
    doc = parse_text("a.toml", '"" = 1\n')  # StopIteration in the position finder, once
    assert isinstance(doc, Document) and doc.data == {"": 1}
    assert doc.positions[("",)] == ((0, 0), (0, 5))


# --- JSON lone surrogates and keys equal once stripped ----------------------------------------


@pytest.mark.parametrize(
    ("before", "lone", "after"),
    [
        ('{"a": "x', "\\ud800", '"}'),
        ('{"a": "', "\\udc00", 'y"}'),
        ('{"', "\\ud800", '\\ud800": 1}'),  # a high half followed by another high half
        ('{"ok": "\\ud83d\\ude00", "a": "', "\\ud83d", '"}'),
    ],
)
def test_a_lone_surrogate_is_refused_where_it_is_written(before: str, lone: str, after: str):
    failure = parse_text("a.json", before + lone + after)
    assert isinstance(failure, LoadFailure), failure
    (problem,) = failure.problems
    assert problem.code == Code.SPBE012
    assert (problem.line, problem.column) == (1, len(before) + 1)
    assert problem.problem.params == {"char": f"U+{lone[2:].upper()}"}


def test_a_whole_character_written_as_a_surrogate_pair_is_fine() -> None:
    doc = parse_text("a.json", '{"nama": "Kota \\ud83d\\ude00", "path": "\\\\ud800"}')
    assert isinstance(doc, Document)
    assert doc.data == {"nama": "Kota 😀", "path": "\\ud800"}


def test_json_duplicates_are_all_reported_with_the_line_of_the_first() -> None:
    text = '{\n "rubrik": "a",\n "rubrik": "b",\n "tahun": 1,\n " tahun": 2\n}\n'
    failure = parse_text("a.json", text)
    assert isinstance(failure, LoadFailure)
    found = [(p.line, p.column, p.problem.params) for p in failure.problems]
    assert found == [
        (3, 2, {"key": "rubrik", "first_line": 2}),
        (5, 2, {"key": "tahun", "first_line": 4}),
    ]


def test_toml_keys_equal_once_stripped_are_duplicates() -> None:
    text = '[indikator]\n"1" = 5\n"2" = 3\n" 1" = 1\n'
    failure = parse_text("a.toml", text)
    assert isinstance(failure, LoadFailure)
    (problem,) = failure.problems
    assert (problem.code, problem.line, problem.column) == (Code.SPBE006, 4, 1)
    assert problem.problem.params == {"key": "1", "first_line": 2}


# --- YAML's reader errors ---------------------------------------------------------------------


def test_a_control_character_in_yaml_is_located_without_libyamls_second_line() -> None:
    failure = parse_text("a.yaml", "rubrik: x\ninstansi: K\x01ota\n")
    assert isinstance(failure, LoadFailure)
    (problem,) = failure.problems
    assert (problem.code, problem.line, problem.column) == (Code.SPBE005, 2, 12)
    assert problem.problem.params["detail"] == {"catalogue": "yaml.control", "char": "U+0001"}


def test_the_yaml_limits_still_hold_for_aliases() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n" for n in range(6)
    )
    assert yaml.compose(bomb, Loader=yaml.CSafeLoader) is not None  # small as text
    failure = parse_text("a.yaml", bomb)
    assert isinstance(failure, LoadFailure)
    assert failure.problems[0].problem == guard.structure_problem("values")
