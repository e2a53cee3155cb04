"""`spbe plan` as a consultant uses it in front of a mayor: domain minimums, every criterion on
the way, gains in one precision, decimals rather than fractions, and the JSON's running index.

The solver's minimality with domain minimums is checked against brute force in
tests/unit/test_plan_domains.py; these go through the command.
"""

from __future__ import annotations

import csv
import io
import json
import re
from fractions import Fraction

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.cli.main import app
from spbe_cli.core.plan import domain_index

runner = CliRunner()
EXAMPLE_2022 = EXAMPLES / "kota-contoh-2022.yaml"
EXAMPLE_2019 = EXAMPLES / "kota-contoh-2019.yaml"


def plan(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["plan", *args])
    return result.exit_code, result.stdout, result.stderr


def plan_json(*args: str) -> dict:
    code, out, err = plan(*args, "-f", "json")
    assert code == 0, out + err
    return json.loads(out)


def levels_after(record: dict) -> dict[str, int]:
    card = assess(EXAMPLE_2022, RubricStore()).scorecard
    levels = {s.indicator.key: s.level for s in card.indicators}
    for step in record["steps"]:
        assert levels[str(step["id"])] == step["from"]
        levels[str(step["id"])] = step["to"]
    return levels


def test_every_domain_at_least_baik_lifts_the_weakest_domain() -> None:
    plain = plan_json(str(EXAMPLE_2022), "--target", "3.5")
    assert not {s["id"] for s in plain["steps"]} & set(range(21, 32))  # Manajemen untouched
    manajemen = plain["domains"][2]
    assert (manajemen["name"], manajemen["reached"]["predicate"]) == ("Manajemen SPBE", "Kurang")

    record = plan_json(str(EXAMPLE_2022), "--target", "3.5", "--domain-min", "Baik")
    rubric = assess(EXAMPLE_2022, RubricStore()).scorecard.rubric
    after = levels_after(record)
    for domain, shown in zip(rubric.domains, record["domains"], strict=True):
        assert domain_index(domain, after) >= Fraction("2.6")
        assert Fraction(shown["reached"]["exact"]) == domain_index(domain, after)
        assert shown["minimum"]["exact"] == "2.6" and shown["met"] is True
    assert Fraction(record["reached"]["exact"]) >= Fraction("3.5")
    assert record["step_count"] == 30 and record["reachable"] is True


def test_one_named_domain_and_the_highest_minimum_wins() -> None:
    record = plan_json(
        str(EXAMPLE_2022), "--target", "3", "--domain-min", "3:2.6", "--domain-min", "3:Cukup"
    )
    minimums = [d["minimum"] for d in record["domains"]]
    assert minimums[0] is None and minimums[3] is None
    assert minimums[2]["exact"] == "2.6"
    assert Fraction(record["domains"][2]["reached"]["exact"]) >= Fraction("2.6")


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("bagus", "--domain-min"),
        ("3:6", "1 sampai 5"),
        ("9:Baik", "domain '9'"),
        ("3:", "--domain-min"),
    ],
)
def test_bad_domain_minimums_are_usage_errors(spec: str, words: str) -> None:
    code, out, err = plan(str(EXAMPLE_2022), "--target", "3", "--domain-min", spec)
    assert code == 2
    assert words in out + err


def test_domain_minimums_need_domains() -> None:
    code, out, err = plan(
        str(EXAMPLES / "kota-contoh-2026.yaml"), "--target", "3", "--domain-min", "Baik"
    )
    assert code == 2 and "--domain-min" in out + err


def test_an_unreachable_domain_minimum_exits_1_and_says_which() -> None:
    args = [str(EXAMPLE_2022), "--target", "3", "--domain-min", "3:4", "--only-domain", "4"]
    code, out, _ = plan(*args)
    assert code == 1
    # Indonesian output writes a decimal comma (issue 14), as the ministry's reports do
    assert "Domain 3 Manajemen SPBE tidak dapat mencapai minimum 4,00" in out
    assert "nilai pasti 1,7272…" in out  # 19/11, shown as its digits, not as a fraction
    code, out, err = plan(*args, "-f", "json")
    assert code == 1 and json.loads(out)["domains"][2]["met"] is False
    assert "Domain 3 Manajemen SPBE" in err


def test_a_two_level_step_shows_both_criteria() -> None:
    code, out, _ = plan(str(EXAMPLE_2022), "--target", "2.9")
    assert code == 0
    rubric = assess(EXAMPLE_2022, RubricStore()).scorecard.rubric
    record = plan_json(str(EXAMPLE_2022), "--target", "2.9")
    step = next(s for s in record["steps"] if s["to"] - s["from"] == 2)
    criteria = rubric.by_key[str(step["id"])].criteria
    flat = " ".join(out.split())
    for level in range(step["from"] + 1, step["to"] + 1):
        assert " ".join(criteria[level].split())[:60] in flat
        assert {"level": level, "criterion": criteria[level]}.items() <= next(
            item for item in step["levels"] if item["level"] == level
        ).items()


def test_gains_share_one_precision_and_no_fraction_is_shown() -> None:
    _, out, _ = plan(str(EXAMPLE_2022), "--target", "3.5")
    gains = re.findall(r"\s(0,\d+)\s+\d,\d\d$", out, flags=re.MULTILINE)
    # one precision for every share of the index in every output: the rubric's (issue 14)
    assert gains and {len(g) for g in gains} == {4}  # 0,06 and 0,03
    _, out, _ = plan(str(EXAMPLE_2019), "--target", "3")
    assert "nilai pasti 3,0366…" in out  # 911/300
    assert not re.search(r"\d/\d", out)


def test_json_has_the_running_index_of_the_csv() -> None:
    record = plan_json(str(EXAMPLE_2022), "--target", "3.2")
    _, out, _ = plan(str(EXAMPLE_2022), "--target", "3.2", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["running_exact"] for r in rows] == [s["running"]["exact"] for s in record["steps"]]
    assert [r["running"] for r in rows] == [f"{s['running']['value']:.2f}" for s in record["steps"]]
    assert record["steps"][-1]["running"] == record["reached"]
