"""Fuzzing rubric files, costs files and assessments under a memory limit (issue 13).

Hypothesis mutates a valid file with what once cost without bound: numbers with huge exponents
or digits, level ranges up to 10^30, ids in other scripts' digits, control characters, long
lists, deep nesting. Each example's files are read by one spbe process whose address space is
limited (`resource.setrlimit(RLIMIT_AS)`), with a timeout: a blow-up is a MemoryError there, an
internal error (exit 3) or a killed process, and fails the test instead of the machine.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import yaml
from conftest import EXAMPLES, FIXTURES
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.slow  # a process per example, under a memory limit

MEMORY = 512 * 1024 * 1024
TINY = yaml.safe_load((FIXTURES / "rubrics" / "tiny.yaml").read_text(encoding="utf-8"))
GOOD = EXAMPLES / "kota-contoh-2022.yaml"
SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
DRIVER = """
import json, sys
from typer.testing import CliRunner
from spbe_cli.cli.main import app
runner, answers = CliRunner(), []
for args in json.loads(sys.argv[1]):
    result = runner.invoke(app, args)
    crash = result.exception is not None and not isinstance(result.exception, SystemExit)
    answers.append([result.exit_code, repr(result.exception) if crash else ""])
print(json.dumps(answers))
"""

# Written into the YAML text as they are (a placeholder is replaced after dumping), so the
# file holds a YAML float with a huge exponent, a 1,000-digit integer, a hex integer...
RAW = [
    "1.0e+999",
    "-1.0e-999",
    "9" * 1_000,
    "0x" + "f" * 300,
    ".inf",
    ".nan",
    "1_000_000",
    "0o777",
    "yes",
    "~",
    '"1e10000000"',
    '"9e999999999"',
    '"' + "1" * 40 + '"',
    '"1/0"',
    '"20/6"',
    '"١٢"',
    '"²"',
    '"\\e[2J"',
    '"\\u202e"',
    '"\\x85"',
    "1000000000000000000000000000000",
    "-1000000000000000000000000000000",
    "[" * 30 + "]" * 30,
    "[" + ", ".join(["x"] * 5_000) + "]",
]
raw_value = st.sampled_from(RAW).map(lambda text: f"@@RAW{RAW.index(text)}@@")
plain = st.integers(-5, 10) | st.text(max_size=5) | st.none()


def _yaml(data: Any) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)
    return re.sub(r"'?@@RAW(\d+)@@'?", lambda m: RAW[int(m.group(1))], text)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the data a value could be replaced at (mapping values and list items)."""
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        found.append((*prefix, key))
        if isinstance(value, dict | list):
            found += _paths(value, (*prefix, key))
    return found


NUMBERS = [
    "1000000000000000000000000000000",
    "-1000000000000000000000000000000",
    "9" * 1_000,
    "1.0e+999",
    '"1e10000000"',
    '"9e999999999"',
    '"' + "1" * 40 + '"',
    "0x" + "f" * 300,
]
"""What a number or a level range is built from: each once cost minutes or gigabytes."""
number = st.sampled_from(NUMBERS).map(lambda text: f"@@RAW{RAW.index(text)}@@")


@st.composite
def mutated(draw: st.DrawFn, base: Any, focus: list[tuple] = ()) -> Any:  # type: ignore[assignment]
    """`base` with a few values replaced. The first replacement, when `focus` is given, puts a
    hostile number where something is built from one, so other mutations rarely mask it."""
    data = json.loads(json.dumps(base))
    places = _paths(data)
    first = bool(focus)
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(focus if first else places))
        value = draw(number if first else raw_value | plain)
        first = False
        target = data
        try:
            for part in place[:-1]:
                target = target[part]
            target[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation replaced a parent
    return data


def _run(args: list[list[str]], cwd: Path) -> list[tuple[int, str]]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    result = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(args)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [tuple(answer) for answer in json.loads(result.stdout)]


def _assert_clean(args: list[list[str]], answers: list[tuple[int, str]], allowed: set[int]):
    for argv, (code, crash) in zip(args, answers, strict=True):
        assert not crash and code in allowed, (argv, code, crash)


RUBRIC_FOCUS = [
    ("levels", "min"),
    ("levels", "max"),
    ("rounding", "decimals"),
    ("predicates", 2, "max"),
    ("aspects", 0, "weight"),
    ("aspects", 1, "indicators", 0, "id"),
]


@SETTINGS
@given(rubrics=st.lists(mutated(TINY, RUBRIC_FOCUS), min_size=4, max_size=4))
def test_mutated_rubrics(tmp_path: Path, rubrics: list[Any]) -> None:
    args = []
    for n, data in enumerate(rubrics):
        path = tmp_path / f"r{n}.yaml"
        path.write_text(_yaml(data), encoding="utf-8")
        assessment = tmp_path / f"a{n}.yaml"
        assessment.write_text(
            f"rubrik: ./r{n}.yaml\ninstansi: K\ntahun: 2031\n"
            "indikator: {'1-1': 4, '1-2': 3, '1-3': 3, 2: 2}\n"
        )
        args += [["rubric", "check", str(path)], ["score", str(assessment), "-f", "json"]]
    args.append(["validate", str(tmp_path)])
    _assert_clean(args, _run(args, tmp_path), {0, 1, 2})


COSTS = {"default": 2, "indikator": {1: 3, 12: [1, 2, 3, 4], 45: "2.5"}}


@SETTINGS
@given(costs=st.lists(mutated(COSTS, [("default",), ("indikator", "1")]), min_size=4, max_size=4))
def test_mutated_costs_files(tmp_path: Path, costs: list[Any]) -> None:
    args = []
    for n, data in enumerate(costs):
        path = tmp_path / f"c{n}.yaml"
        path.write_text(_yaml(data), encoding="utf-8")
        args.append(["plan", str(GOOD), "--target", "4", "--costs", str(path), "-f", "json"])
    _assert_clean(args, _run(args, tmp_path), {0, 1, 2})


ASSESSMENT = yaml.safe_load(GOOD.read_text(encoding="utf-8"))


ASSESSMENT_FOCUS = [("tahun",), ("indikator", 1, "level"), ("indikator", 2)]


@SETTINGS
@given(docs=st.lists(mutated(ASSESSMENT, ASSESSMENT_FOCUS), min_size=4, max_size=4))
def test_mutated_assessments(tmp_path: Path, docs: list[Any]) -> None:
    args = []
    for n, data in enumerate(docs):
        path = tmp_path / f"a{n}.yaml"
        path.write_text(_yaml(data), encoding="utf-8")
        args += [["validate", str(path)], ["score", str(path), "-f", "csv"]]
    args += [["rank", str(tmp_path), "-f", "json"], ["validate", str(tmp_path), "-f", "json"]]
    _assert_clean(args, _run(args, tmp_path), {0, 1, 2})
