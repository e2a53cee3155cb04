"""The planner of `spbe plan`: minimal and cheapest plans against brute force, and costs.

The command (options, costs files, formats) is in tests/acceptance/test_plan_cli.py.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.plan import (
    Constraints,
    Plan,
    apply,
    capacities,
    current_index,
    make_plan,
)
from spbe_cli.model.costs import read_costs
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.rubric_file import build_rubric

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


@pytest.mark.slow
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


@pytest.mark.slow
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


def test_apply_then_score_agrees_with_plan(rubric59: Rubric) -> None:
    levels = {i.key: 2 for i in rubric59.indicators}
    plan = make_plan(rubric59, levels, Fraction("2.6"))
    assert current_index(rubric59, apply(levels, plan)) == plan.reached >= Fraction("2.6")
