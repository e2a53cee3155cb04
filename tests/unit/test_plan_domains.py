"""`spbe plan --domain-min`: domain minimums solved exactly, checked against brute force.

Small rubrics with two or three domains, random levels, targets, minimums, caps and costs: the
planner's (cost,) steps, −gain, touched must equal the best over every combination of step
counts that meets the overall target and every domain minimum.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.plan import Constraints, capacities, current_index, domain_index, make_plan
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.rubric_file import build_rubric

BANDS = [
    {"name": "Kurang", "min": 1, "max": "1.8"},
    {"name": "Cukup", "min": "1.8", "max": "2.6"},
    {"name": "Baik", "min": "2.6", "max": "3.5"},
    {"name": "Sangat Baik", "min": "3.5", "max": "4.2"},
    {"name": "Memuaskan", "min": "4.2", "max": 5},
]


def domain_rubric(domains: list[list[str]]) -> Rubric:
    """One aspect per domain, these indicator weights in each (all adding up to 100)."""
    built_domains, n = [], 0
    for d, weights in enumerate(domains, start=1):
        indicators = []
        for w in weights:
            n += 1
            indicators.append({"id": n, "name": f"I{n}", "weight": w, "scale": "p"})
        total = str(sum(Decimal(w) for w in weights))
        aspect = {"id": d, "name": f"A{d}", "weight": total, "indicators": indicators}
        built_domains.append({"id": d, "name": f"D{d}", "weight": total, "aspects": [aspect]})
    data = {
        "id": "kecil", "title": "t", "regulation": "r", "era": "e", "status": "verified",
        "source": "s", "levels": {"min": 1, "max": 5}, "predicates": BANDS,
        "scales": {"p": {"name": "P", "levels": {1: "a", 2: "b", 3: "c", 4: "d", 5: "e"}}},
        "domains": built_domains,
    }  # fmt: skip
    built = build_rubric(data)
    assert isinstance(built, Rubric), built
    return built


WEIGHTS = ["4", "6", "6.5", "10", "12", "15"]  # at most five drawn: the last takes > 0 of 100


@st.composite
def cases(draw: st.DrawFn) -> tuple[Rubric, dict[str, int], Fraction, Constraints]:
    count = draw(st.integers(2, 3))
    sizes = [draw(st.integers(1, 2)) for _ in range(count)]
    heads = [[draw(st.sampled_from(WEIGHTS)) for _ in range(size)] for size in sizes]
    used = sum(Decimal(w) for ws in heads for w in ws)
    heads[-1].append(str(100 - used))  # the last domain takes what is left of 100
    rubric = domain_rubric(heads)
    levels = {i.key: draw(st.integers(1, 5)) for i in rubric.indicators}
    target = Fraction(draw(st.integers(100, 500)), 100)
    named = draw(st.lists(st.sampled_from([d.key for d in rubric.domains]), unique=True))
    minimums = tuple((key, Fraction(draw(st.integers(100, 500)), 100)) for key in named)
    keys = [i.key for i in rubric.indicators]
    exclude = frozenset(draw(st.lists(st.sampled_from(keys), max_size=1)))
    limit = draw(st.none() | st.integers(0, 3))
    limits = Constraints(max_per_indicator=limit, exclude=exclude, domain_min=minimums)
    return rubric, levels, target, limits


def brute_force(rubric: Rubric, levels: dict[str, int], target: Fraction, limits, cost=None):
    """The best (cost,) steps, −gain, touched of any plan meeting every constraint, or None."""
    caps = capacities(rubric, levels, limits)
    inds = rubric.indicators
    start = current_index(rubric, levels)
    domains = {d.key: d for d in rubric.domains}
    best = None
    for counts in product(*(range(caps[i.key] + 1) for i in inds)):
        gain = sum((n * i.step for n, i in zip(counts, inds, strict=True)), Fraction(0))
        if start + gain < target:
            continue
        after = {i.key: levels[i.key] + n for n, i in zip(counts, inds, strict=True)}
        if any(domain_index(domains[k], after) < low for k, low in limits.domain_min):
            continue
        key = (sum(counts), -gain, sum(1 for n in counts if n))
        if cost is not None:
            spent = sum(cost(i.key, levels[i.key], n) for n, i in zip(counts, inds, strict=True))
            key = (spent, *key)
        best = key if best is None or key < best else best
    return best


def plan_key(plan, with_cost: bool = False) -> tuple:
    key = (plan.step_count, -(plan.reached - plan.start), len(plan.steps))
    return (plan.cost, *key) if with_cost else key


def meets(plan, limits) -> bool:
    return all(goal.met for goal in plan.domains) and plan.reached >= plan.target


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(cases())
def test_fewest_steps_with_domain_minimums_matches_brute_force(case) -> None:
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
        assert meets(plan, limits)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(cases(), st.data())
def test_cheapest_with_domain_minimums_matches_brute_force(case, data) -> None:
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
        assert meets(plan, limits)


def test_a_weak_domain_is_lifted_even_when_others_are_cheaper() -> None:
    # Domain 2's single indicator (weight 10) stands at 1; the overall target alone would be met
    # by domain 1's heavy indicator, but domain 2 must reach 2 as well.
    rubric = domain_rubric([["90"], ["10"]])
    levels = {"1": 3, "2": 1}
    plain = make_plan(rubric, levels, Fraction("3")).steps
    assert [(s.indicator.key, s.to_level) for s in plain] == [("1", 4)]
    plan = make_plan(rubric, levels, Fraction("3"), Constraints(domain_min=(("2", Fraction(2)),)))
    assert [(s.indicator.key, s.to_level) for s in plan.steps] == [("1", 4), ("2", 2)]
    assert [(g.domain.key, g.reached, g.met) for g in plan.domains] == [
        ("1", 4, True),
        ("2", 2, True),
    ]


def test_an_unreachable_domain_minimum_takes_every_step() -> None:
    rubric = domain_rubric([["50"], ["50"]])
    limits = Constraints(max_per_indicator=1, domain_min=(("2", Fraction(4)),))
    plan = make_plan(rubric, {"1": 2, "2": 2}, Fraction(2), limits)
    assert not plan.reachable
    assert plan.domains[1].reached == 3 and not plan.domains[1].met
