"""The catalogue itself: every area listed, each key defined once and where it belongs, every code
with words in both languages, and the two languages asking for the same parameters.

Each of these is a slip that no command test notices until a user meets the message: a key in two
areas silently loses one of its texts, a placeholder only the English names is a KeyError in
Indonesian, a Code without words is an internal error.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

import spbe_cli.messages as messages
from spbe_cli.messages import AREAS, VERBATIM, catalogue, merge, text
from spbe_cli.model.codes import Code

CODE = re.compile(r"SPBE(\d)\d\d")
# Where each hundred of codes lives (a new hundred needs a home here and in messages/__init__.py).
CODE_HOMES = {"0": "files", "1": "assessment", "2": "rubric", "3": "validate", "6": "plan"}


def area_path(area: str) -> Path:
    return Path(messages.__file__).with_name(f"{area}.py")


def test_every_module_of_the_package_is_a_listed_area() -> None:
    """An area module missing from AREAS would never be merged: its words would be KeyErrors."""
    found = {m.name for m in pkgutil.iter_modules(messages.__path__)}
    assert found == set(AREAS)


def test_each_key_is_defined_once() -> None:
    """Across areas (merge refuses it) and within one (a dict literal silently keeps the last)."""
    counts: dict[str, list[str]] = {}
    for area in AREAS:
        tree = ast.parse(area_path(area).read_text(encoding="utf-8"))
        (table,) = [n.value for n in tree.body if isinstance(n, ast.AnnAssign)]
        assert isinstance(table, ast.Dict), f"{area}.py: MESSAGES must be one dict literal"
        for key in table.keys:
            assert isinstance(key, ast.Constant), f"{area}.py: write keys as plain strings"
            counts.setdefault(key.value, []).append(area)
    twice = {key: areas for key, areas in counts.items() if len(areas) > 1}
    assert not twice
    assert set(counts) == set(catalogue())


def test_merge_refuses_a_key_of_two_areas() -> None:
    areas = {
        "usage": {"usage.prefix": ("Kesalahan", "Error")},
        "common": {"name": ("Nama", "Name"), "usage.prefix": ("Galat", "Error")},
    }
    with pytest.raises(ValueError, match=r"usage\.prefix.*\['usage', 'common'\]"):
        merge(areas)
    assert merge({"a": {"x": ("1", "2")}, "b": {"y": ("3", "4")}}) == {
        "x": ("1", "2"),
        "y": ("3", "4"),
    }


def test_the_areas_are_merged_once_and_completely() -> None:
    merged = catalogue()
    assert catalogue() is merged
    modules = [importlib.import_module(f"spbe_cli.messages.{area}") for area in AREAS]
    assert len(merged) == sum(len(m.MESSAGES) for m in modules)


def test_each_key_lives_in_the_area_it_names() -> None:
    """The rule that lets a newcomer find a message without searching (messages/__init__.py)."""
    misplaced = []
    for area in AREAS:
        for key in importlib.import_module(f"spbe_cli.messages.{area}").MESSAGES:
            code = CODE.fullmatch(key)
            prefix = key.partition(".")[0] if "." in key else None  # "rubric" alone is a word
            home = CODE_HOMES.get(code[1], "?") if code else prefix if prefix in AREAS else area
            if home != area:
                misplaced.append(f"{key} is in {area}.py, its home is {home}.py")
    assert not misplaced


def test_every_code_has_words_and_every_code_message_is_a_code() -> None:
    known = catalogue()
    assert all(code.value == code.name for code in Code)
    assert [code.value for code in Code if code not in known] == []  # codes without words
    code_keys = {key for key in known if re.fullmatch(r"(?i)spbe\W*\d+", key)}
    assert code_keys == {code.value for code in Code}


def test_every_message_has_both_languages() -> None:
    for key, message in catalogue().items():
        assert isinstance(message, tuple) and len(message) == 2, key
        indonesian, english = message
        assert isinstance(indonesian, str) and indonesian.strip(), key
        assert isinstance(english, str) and english.strip(), key


def _fields(template: str) -> list[tuple[str, str, str | None]]:
    return [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(template) if f]


def test_both_languages_ask_for_the_same_parameters() -> None:
    differ = []
    for key, (indonesian, english) in catalogue().items():
        id_names = {f for f, _, _ in _fields(indonesian)}
        en_names = {f for f, _, _ in _fields(english)}
        if id_names != en_names:
            differ.append(
                f"{key}: only Indonesian {id_names - en_names}, only English {en_names - id_names}"
            )
    assert not differ, "\n".join(differ)


def test_placeholders_are_plain_names() -> None:
    """`{id}`, never `{id!r}`, `{0}` or a format spec: anything else is either a slip or literal
    braces, which only a VERBATIM message (never given parameters) may have."""
    odd = []
    for key, templates in catalogue().items():
        for template in templates:
            for name, spec, conversion in _fields(template):
                if not name.isidentifier() or spec or conversion:
                    odd.append(f"{key}: {{{name}{'!' + conversion if conversion else ''}:{spec}}}")
    assert {line.split(":")[0] for line in odd} == set(VERBATIM), "\n".join(odd)


def test_every_message_formats_with_its_own_parameters() -> None:
    for key, (indonesian, english) in catalogue().items():
        if key in VERBATIM:
            assert text(key, "en") == english  # shown exactly as written
            continue
        names = {f for f, _, _ in _fields(indonesian) + _fields(english)}
        for lang in ("id", "en"):
            shown = text(key, lang, **{name: f"<{name}>" for name in names})
            assert all(f"<{name}>" in shown for name in names), (key, lang, shown)


def test_nested_messages_are_resolved_in_the_same_language() -> None:
    detail = {"catalogue": "rubric.band.gap", "name": "baik", "start": "2.6", "end": "2.5"}
    assert text("SPBE204", "en", detail=detail) == (
        "invalid predicate bands: gap: 'baik' starts at 2.6 but the band before it ends at 2.5"
    )
    kind = {"catalogue": "aspect"}
    assert text("SPBE203", "id", kind=kind, id="A1") == "Aspek 'A1' tidak berisi indikator"


def test_a_code_member_and_its_string_find_the_same_message() -> None:
    assert text(Code.SPBE008, "en") == text("SPBE008", "en")
    assert f"{Code.SPBE103}" == "SPBE103" and str(Code.SPBE103) == "SPBE103"


def test_the_usage_prefix_and_the_internal_error_line() -> None:
    """Two entries the command line uses for the words it prints itself."""
    assert text("usage.prefix", "en") == "Error"
    assert text("usage.prefix", "id") == "Kesalahan"
    params = {"file": "kota.yaml", "kind": "ValueError", "detail": "boom"}
    assert text("internal.error", "en", **params) == (
        "spbe: internal error while processing kota.yaml (ValueError: boom). This is a bug in "
        "spbe-cli; please report it with the command and file."
    )
    assert text("internal.error", "id", **params).startswith(
        "spbe: kesalahan internal saat memproses kota.yaml (ValueError: boom)."
    )


def test_importing_the_package_leaves_the_areas_unloaded() -> None:
    """Every command imports `spbe_cli.messages`; the areas load only when a message is shown."""
    probe = (
        "import sys, spbe_cli.messages as m\n"
        "print(sorted(n for n in sys.modules if n.startswith('spbe_cli.messages.')))\n"
        "m.text('name')\n"
        "print(len([n for n in sys.modules if n.startswith('spbe_cli.messages.')]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[]", str(len(AREAS))]
