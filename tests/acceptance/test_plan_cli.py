"""`spbe plan` through the entry point: a plan that really lands, the options, costs, formats.

The planner itself is checked against brute force in tests/unit/test_plan.py.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import app
from spbe_cli.core.scoring import score
from spbe_cli.model.assessment import Assessment, validate_assessment

runner = CliRunner()
EXAMPLE_2022 = EXAMPLES / "kota-contoh-2022.yaml"


def rescore(path: Path, plan_json: dict) -> tuple:
    from spbe_cli.app.assess import RubricStore, assess

    card = assess(path, RubricStore()).scorecard
    levels = {s.indicator.key: s.level for s in card.indicators}
    for step in plan_json["steps"]:
        assert levels[str(step["id"])] == step["from"]
        levels[str(step["id"])] = step["to"]
    data = {"rubrik": card.rubric.id, "instansi": "Uji", "tahun": 2022, "indikator": levels}
    result = validate_assessment(data, card.rubric)
    assert isinstance(result, Assessment)
    return card, score(card.rubric, result)


def test_example_2022_planned_to_sangat_baik_really_lands_there() -> None:
    result = runner.invoke(
        app, ["plan", str(EXAMPLE_2022), "--target", "Sangat Baik", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    before, after = rescore(EXAMPLE_2022, record)
    assert before.index.exact == Fraction("2.792")
    assert after.index.exact >= Fraction("3.5") and after.index.predicate == "Sangat Baik"
    assert record["reached"] == {"value": 3.51, "exact": "3.507", "predicate": "Sangat Baik"}
    assert record["reachable"] is True and record["target"]["exact"] == "3.5"
    assert sum(s["to"] - s["from"] for s in record["steps"]) == 25  # 11 steps of 0.03, 14 of 0.0275
    assert [s["id"] for s in record["steps"]][:5] == [43, 44, 45, 46, 47]
    # Minimal: 24 steps of the largest gains add at most 0.33 + 13 × 0.0275 = 0.6875 < 0.708.
    card = before
    caps = sorted(
        (s.indicator.weight / 100 for s in card.indicators for _ in range(5 - s.level)),
        reverse=True,
    )
    assert sum(caps[:24]) < Fraction("0.708") <= sum(caps[:25])


def test_plan_options_on_the_cli() -> None:
    base = ["plan", str(EXAMPLE_2022), "--target", "3.0", "-f", "json"]
    plain = json.loads(runner.invoke(app, base).stdout)
    assert {s["id"] for s in plain["steps"]} <= set(range(42, 48))
    excluded = json.loads(runner.invoke(app, [*base, "--exclude", "43,44,45,46,47"]).stdout)
    assert not {s["id"] for s in excluded["steps"]} & {43, 44, 45, 46, 47}
    capped = json.loads(runner.invoke(app, [*base, "--max-per-indicator", "1"]).stdout)
    assert all(s["to"] - s["from"] == 1 for s in capped["steps"])
    domain1 = json.loads(runner.invoke(app, [*base, "--only-domain", "1"]).stdout)
    assert {s["id"] for s in domain1["steps"]} <= set(range(1, 11)) and domain1["steps"]


def test_unreachable_on_the_cli_exits_1() -> None:
    result = runner.invoke(app, ["plan", str(EXAMPLE_2022), "--target", "4", "--only-domain", "1"])
    assert result.exit_code == 1
    assert "tidak dapat dicapai" in result.stdout
    # Domain 1 stands at 2.9 (levels add up to 29 of 50): 21 steps × 0.013 = 0.273 more at best,
    # 2.792 + 0.273 = 3.065, shown half up as 3.07.
    assert "3,07 (Baik), nilai pasti 3,065" in result.stdout


def test_target_met_on_the_cli_exits_0() -> None:
    result = runner.invoke(app, ["plan", str(EXAMPLE_2022), "--target", "Baik", "--lang", "en"])
    assert result.exit_code == 0
    assert "already met" in result.stdout


def test_only_domain_without_domains_is_refused() -> None:
    result = runner.invoke(
        app,
        ["plan", str(EXAMPLES / "kota-contoh-2026.yaml"), "--target", "3", "--only-domain", "1"],
    )
    assert result.exit_code == 2
    assert "tidak memiliki domain" in result.output


def test_costs_file_on_the_cli(tmp_path: Path) -> None:
    costs = tmp_path / "biaya.yaml"
    costs.write_text("default: 1\nindikator:\n  43: 100\n  44: [1, 1, 1, 1]\n", encoding="utf-8")
    result = runner.invoke(
        app, ["plan", str(EXAMPLE_2022), "--target", "2.9", "--costs", str(costs), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert 43 not in {s["id"] for s in record["steps"]}
    assert Fraction(record["cost"]) == sum(Fraction(s["cost"]) for s in record["steps"])
    assert Fraction(record["reached"]["exact"]) >= Fraction("2.9")
    bad = tmp_path / "rusak.yaml"
    bad.write_text("default: 1\nindikator:\n  45: [1, 2]\n", encoding="utf-8")
    result = runner.invoke(app, ["plan", str(EXAMPLE_2022), "--target", "2.9", "--costs", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:3:7: error[SPBE603]" in result.output


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_plan_formats(fmt: str) -> None:
    result = runner.invoke(
        app, ["plan", str(EXAMPLE_2022), "--target", "2.9", "-f", fmt, "--lang", "en"]
    )
    assert result.exit_code == 0
    assert "Tingkat Kematangan Layanan Data Terbuka" in result.stdout
    if fmt == "csv":
        assert result.stdout.splitlines()[0].startswith(
            "id,name,from,from_name,to,to_name,gain,running"
        )
