"""Fuzzing `spbe validate` and `spbe score` with random and mutated assessment documents.

Whatever a file holds, both commands answer with an exit code of 0, 1 or 2 and never raise; and a
file that validate accepts scores without an error (the two commands agree on what is valid).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import yaml
from conftest import bundled
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from spbe_cli.cli.main import app

# Hypothesis fuzzing through the command: several seconds each.
pytestmark = pytest.mark.slow

RUBRIC = bundled("permenpanrb-59-2020")
KEYS = [i.key for i in RUBRIC.indicators]
runner = CliRunner()
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["yes", "no", "on", "3.0", "'3'", "1e999", "~", "0x1F", "٣", "\u202e"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
explanations = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI), max_size=20
)
"""Text a valid file may hold: control and bidi characters are SPBE112 (issue 13)."""


@st.composite
def valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    levels = st.integers(min_value=RUBRIC.level_min, max_value=RUBRIC.level_max)
    indicators: dict[Any, Any] = {}
    for key in KEYS:
        level = draw(levels)
        long_form = draw(st.booleans())
        indicators[int(key)] = (
            {"level": level, "penjelasan": draw(explanations)} if long_form else level
        )
    return {
        "rubrik": RUBRIC.id,
        "instansi": draw(
            st.sampled_from(["Kota Contoh", {"nama": "Kota Contoh", "jenis": "kota"}])
        ),
        "tahun": draw(st.integers(min_value=2018, max_value=2030)),
        "indikator": indicators,
    }


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(valid_documents())
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        where = draw(st.sampled_from(["top", "indicator", "entry"]))
        if where == "top":
            key = draw(
                st.sampled_from(["rubrik", "instansi", "tahun", "tahap", "indikator", "extra"])
            )
            if draw(st.booleans()):
                doc.pop(key, None)
            else:
                doc[key] = draw(junk)
        elif where == "indicator" and isinstance(doc.get("indikator"), dict):
            key = draw(st.sampled_from([*map(int, KEYS[:5]), 0, 48, "1.0", True, "x"]))
            if draw(st.booleans()):
                doc["indikator"].pop(key, None)
            else:
                doc["indikator"][key] = draw(junk)
        elif isinstance(doc.get("indikator"), dict):
            doc["indikator"][1] = {"level": draw(junk), draw(st.text(max_size=6)): draw(junk)}
    return doc


def dump(doc: Any, path: Path, fmt: str) -> None:
    if fmt == "json":
        path.write_text(json.dumps(doc, ensure_ascii=False, default=str), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def check_file(path: Path) -> None:
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exception is None or isinstance(validated.exception, SystemExit), (
        validated.exception
    )
    assert validated.exit_code in (0, 1, 2)
    scored = runner.invoke(app, ["score", "--format", "json", str(path)])
    assert scored.exception is None or isinstance(scored.exception, SystemExit), scored.exception
    assert scored.exit_code in (0, 1, 2)
    if validated.exit_code == 0:
        assert scored.exit_code == 0, (validated.stdout, scored.stderr)


@FUZZ
@given(doc=valid_documents(), fmt=st.sampled_from(["yaml", "json"]))
def test_valid_documents_validate_and_score(tmp_path: Path, doc: dict[str, Any], fmt: str) -> None:
    path = tmp_path / f"doc.{fmt}"
    dump(doc, path, fmt)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.stdout
    check_file(path)


@FUZZ
@given(doc=mutated_documents(), fmt=st.sampled_from(["yaml", "json"]))
def test_mutated_documents_never_crash(tmp_path: Path, doc: dict[str, Any], fmt: str) -> None:
    path = tmp_path / f"doc.{fmt}"
    dump(doc, path, fmt)
    check_file(path)


@FUZZ
@given(
    raw=st.binary(max_size=200)
    | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_arbitrary_bytes_never_crash(tmp_path: Path, raw: bytes) -> None:
    for suffix in (".yaml", ".json", ".toml"):
        path = tmp_path / f"raw{suffix}"
        path.write_bytes(raw)
        check_file(path)
