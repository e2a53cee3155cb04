"""spbe plan: minimal and cheapest plans against brute force, the options, costs and the CLI."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from itertools import product
from pathlib import Path

import pytest
from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spbe_cli.cli.app import app
from spbe_cli.core.plan import (
    Constraints,
    Plan,
    apply,
    capacities,
    current_index,
    make_plan,
    read_costs,
)
from spbe_cli.core.scoring import score
from spbe_cli.model.assessment import Assessment, validate_assessment
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.rubric_file import build_rubric

runner = CliRunner()
EXAMPLE_2022 = EXAMPLES / "kota-contoh-2022.yaml"
BANDS = [
    {"name": "Kurang", "min": 1, "max": "1.8"},
    {"name": "Cukup", "min": "1.8", "max": "2.6"},
    {"name": "Baik", "min": "2.6", "max": "3.5"},
    {"name": "Sangat Baik", "min": "3.5", "max": "4.2"},
    {"name": "Memuaskan", "min": "4.2", "max": 5},
]


def small_rubric(weights: list[str]) -> Rubric:
    """A domain-less rubric of one aspect with these indicator weights (adding up to 100)."""
    indicators = [
        {"id": n + 1, "name": f"I{n + 1}", "weight": w, "scale": "p"} for n, w in enumerate(weights)
    ]
    data = {
        "id": "kecil", "title": "t", "regulation": "r", "era": "e", "status": "verified",
        "source": "s",
        "levels": {"min": 1, "max": 5}, "predicates": BANDS,
        "scales": {"p": {"name": "P", "levels": {1: "a", 2: "b", 3: "c", 4: "d", 5: "e"}}},
        "aspects": [{"id": 1, "name": "A", "weight": 100, "indicators": indicators}],
    }  # fmt: skip
    built = build_rubric(data)
    assert isinstance(built, Rubric), built
    return built


@st.composite
def cases(draw: st.DrawFn) -> tuple[Rubric, dict[str, int], Fraction, Constraints]:
    head = draw(
        st.lists(st.sampled_from(["4", "6", "6.5", "10", "12", "24"]), min_size=1, max_size=3)
    )
    rubric = small_rubric([*head, str(100 - sum(Decimal(w) for w in head))])
    levels = {i.key: draw(st.integers(1, 5)) for i in rubric.indicators}
    target = Fraction(draw(st.integers(100, 520)), 100)
    keys = [i.key for i in rubric.indicators]
    exclude = frozenset(draw(st.lists(st.sampled_from(keys), max_size=1)))
    limit = draw(st.none() | st.integers(0, 3))
    return rubric, levels, target, Constraints(max_per_indicator=limit, exclude=exclude)


def brute_force(
    rubric: Rubric, levels: dict[str, int], target: Fraction, limits: Constraints, cost=None
):
    """The best key over every combination of step counts, or None when none reaches the target."""
    caps = capacities(rubric, levels, limits)
    inds = rubric.indicators
    start = current_index(rubric, levels)
    best = None
    for counts in product(*(range(caps[i.key] + 1) for i in inds)):
        gain = sum((n * i.weight / 100 for n, i in zip(counts, inds, strict=True)), Fraction(0))
        if start + gain < target:
            continue
        steps, touched = sum(counts), sum(1 for n in counts if n)
        key = (steps, -gain, touched)
        if cost is not None:
            key = (
                sum(cost(i.key, levels[i.key], n) for n, i in zip(counts, inds, strict=True)),
                *key,
            )
        best = key if best is None or key < best else best
    return best


def plan_key(plan: Plan, with_cost: bool = False) -> tuple:
    touched = len(plan.steps)
    key = (plan.step_count, -(plan.reached - plan.start), touched)
    return (plan.cost, *key) if with_cost else key


@settings(max_examples=300, deadline=None)
@given(cases())
def test_fewest_steps_matches_brute_force(case) -> None:
    rubric, levels, target, limits = case
    plan = make_plan(rubric, levels, target, limits)
    best = brute_force(rubric, levels, target, limits)
    assert plan.reachable == (best is not None)
    if best is None:
        caps = capacities(rubric, levels, limits)
        assert {s.indicator.key: s.levels for s in plan.steps} == {
            k: c for k, c in caps.items() if c
        }
    else:
        assert plan_key(plan) == best
        assert plan.reached >= target


@settings(max_examples=200, deadline=None)
@given(cases(), st.data())
def test_cheapest_matches_brute_force(case, data) -> None:
    rubric, levels, target, limits = case
    table = {
        i.key: [
            Fraction(data.draw(st.integers(0, 6)), data.draw(st.sampled_from([1, 2, 3])))
            for _ in range(4)
        ]
        for i in rubric.indicators
    }

    def cost(key: str, level: int, n: int) -> Fraction:
        return sum((table[key][level - 1 + k] for k in range(n)), Fraction(0))

    plan = make_plan(rubric, levels, target, limits, table)
    best = brute_force(rubric, levels, target, limits, cost)
    assert plan.reachable == (best is not None)
    if best is not None:
        assert plan_key(plan, with_cost=True) == best


def test_greedy_prefers_largest_index_then_fewest_indicators() -> None:
    # Start 3.2 (indicator 1 already at 5); 0.5 more needs two steps of 0.3, best both on the
    # indicator with the most room (2: four levels left) rather than one each on 2 and 3.
    rubric = small_rubric(["40", "30", "30"])
    plan = make_plan(rubric, {"1": 5, "2": 1, "3": 3}, Fraction("3.7"))
    assert [(s.indicator.key, s.from_level, s.to_level) for s in plan.steps] == [("2", 1, 3)]
    assert plan.reached == Fraction("3.8")


def test_target_met_gives_empty_plan() -> None:
    rubric = small_rubric(["50", "50"])
    plan = make_plan(rubric, {"1": 3, "2": 3}, Fraction(3))
    assert plan.steps == () and plan.reachable and plan.reached == 3


def test_unreachable_takes_every_step_and_reports_best() -> None:
    rubric = small_rubric(["50", "50"])
    plan = make_plan(rubric, {"1": 3, "2": 3}, Fraction("4.5"), Constraints(max_per_indicator=1))
    assert not plan.reachable
    assert plan.reached == 4 and plan.step_count == 2


def test_costs_change_the_optimum() -> None:
    rubric = small_rubric(["40", "30", "30"])
    levels = {"1": 1, "2": 1, "3": 1}
    assert [s.indicator.key for s in make_plan(rubric, levels, Fraction("1.4")).steps] == ["1"]
    costly = {"1": [Fraction(10)] * 4, "2": [Fraction(1)] * 4, "3": [Fraction(2)] * 4}
    plan = make_plan(rubric, levels, Fraction("1.4"), costs=costly)
    assert [(s.indicator.key, s.levels) for s in plan.steps] == [("2", 2)]
    assert plan.cost == 2


def read(rubric: Rubric, data: object):
    return read_costs(data, rubric)


def test_costs_file_format(rubric59: Rubric) -> None:
    table = read(rubric59, {"default": 2, "indikator": {12: 3, "45": [2, 3, 5, Decimal("8.5")]}})
    assert table["1"] == [2, 2, 2, 2] and table["12"] == [3, 3, 3, 3]
    assert table["45"] == [2, 3, 5, Fraction(17, 2)]
    problems = read(rubric59, {"default": -1, "indikator": {99: 1, 12: [1, 2], 13: True}, "x": 1})
    assert sorted(p.code for p in problems) == [
        "SPBE101",
        "SPBE105",
        "SPBE602",
        "SPBE602",
        "SPBE603",
    ]


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
    assert "3.07 (Baik), nilai pasti 3.065" in result.stdout


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


def test_apply_then_score_agrees_with_plan(rubric59: Rubric) -> None:
    levels = {i.key: 2 for i in rubric59.indicators}
    plan = make_plan(rubric59, levels, Fraction("2.6"))
    assert current_index(rubric59, apply(levels, plan)) == plan.reached >= Fraction("2.6")


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
