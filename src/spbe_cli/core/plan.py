"""Planning: the fewest (or cheapest) one-level steps that lift an assessment to a target index.

A step raises one indicator by one level. Because the index is Σ(level × weight) / W (W the
rubric's total weight, 100 in every SPBE regulation), a step of indicator i always adds exactly
weight_i / W, whatever level it starts from. That makes the
problem small and exact, and this module solves it exactly with Fractions, never by heuristics.

Fewest steps (no costs), and why greedy is optimal. Let the available steps be the multiset in
which indicator i appears cap_i times with gain g_i = weight_i / W (cap_i = levels left below the
rubric's top, limited by --max-per-indicator, 0 when excluded). Any plan of k steps is a
sub-multiset of size k, so its gain is at most the sum G(k) of the k largest gains. G is increasing
in k, hence the least k with G(k) ≥ need is the least number of steps of any plan, and the
k largest steps reach it. Among k-step plans the largest final index is exactly G(k), and a k-step
plan has gain G(k) only if its multiset of gains equals the top-k multiset: every step with a gain
above the k-th largest gain g* is taken, and r steps of gain g* are chosen among the indicators
of that gain. Fewest indicators touched then means spending those r steps on as few indicators
as possible: the ones with the most steps left first (then rubric order, for a stable answer).

Least cost (a costs file): an exact dynamic programme over indicators. Gains are scaled to
integers by the least common multiple of their denominators and costs likewise, and for every
reachable exact gain the best (cost, steps, indicators touched) is kept; these three add up over
indicators, so the lexicographic optimum survives the recursion. Among the gains that reach the
target the answer minimises (cost, steps, −gain, indicators touched): least cost, then fewest
steps, then the largest final index, then fewest indicators touched; remaining ties keep the
choice found first in rubric order.

When the target cannot be reached the plan takes every available step: the best reachable index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from spbe_cli.core.scoring import index_of
from spbe_cli.model.costs import CostTable
from spbe_cli.model.rubric import Indicator, Rubric


@dataclass(frozen=True)
class Constraints:
    max_per_indicator: int | None = None
    exclude: frozenset[str] = frozenset()
    only: frozenset[str] | None = None
    """When set, only these indicator keys may be raised (e.g. one domain's)."""


@dataclass(frozen=True)
class Step:
    """One indicator raised: from its current level to `to_level`, with the exact index gain."""

    indicator: Indicator
    from_level: int
    to_level: int
    gain: Fraction
    cost: Fraction | None = None

    @property
    def levels(self) -> int:
        return self.to_level - self.from_level


@dataclass(frozen=True)
class Plan:
    start: Fraction
    target: Fraction
    steps: tuple[Step, ...]
    reachable: bool

    @property
    def reached(self) -> Fraction:
        return self.start + sum((s.gain for s in self.steps), Fraction(0))

    @property
    def step_count(self) -> int:
        return sum(s.levels for s in self.steps)

    @property
    def cost(self) -> Fraction | None:
        costs = [s.cost for s in self.steps]
        if any(c is None for c in costs):
            return None
        return sum((c for c in costs if c is not None), Fraction(0))


def domain_keys(rubric: Rubric, domain_id: str) -> frozenset[str] | None:
    """The indicator keys of the domain whose id reads `domain_id`, or None if there is none."""
    for domain in rubric.domains:
        if str(domain.id) == domain_id.strip():
            return frozenset(i.key for i in domain.indicators)
    return None


def capacities(rubric: Rubric, levels: Mapping[str, int], limits: Constraints) -> dict[str, int]:
    """How many one-level steps each indicator may still take under the constraints."""
    caps: dict[str, int] = {}
    for ind in rubric.indicators:
        allowed = ind.key not in limits.exclude and (limits.only is None or ind.key in limits.only)
        cap = rubric.level_max - levels[ind.key] if allowed else 0
        if limits.max_per_indicator is not None:
            cap = min(cap, limits.max_per_indicator)
        caps[ind.key] = max(cap, 0)
    return caps


def current_index(rubric: Rubric, levels: Mapping[str, int]) -> Fraction:
    return index_of(rubric, rubric.indicators, rubric.total_weight, dict(levels)).exact


def make_plan(
    rubric: Rubric,
    levels: Mapping[str, int],
    target: Fraction,
    limits: Constraints = Constraints(),
    costs: CostTable | None = None,
) -> Plan:
    """The optimal plan (see the module docstring); `levels` must hold every indicator."""
    start = current_index(rubric, levels)
    caps = capacities(rubric, levels, limits)
    if costs is None:
        counts, reachable = _fewest_steps(rubric, caps, target - start)
    else:
        counts, reachable = _cheapest(rubric, levels, caps, target - start, costs)
    steps = [
        _step(rubric, ind, levels[ind.key], counts.get(ind.key, 0), costs)
        for ind in rubric.indicators
    ]
    order = {ind.key: n for n, ind in enumerate(rubric.indicators)}
    chosen = sorted((s for s in steps if s.levels), key=lambda s: (-s.gain, order[s.indicator.key]))
    return Plan(start, target, tuple(chosen), reachable)


def _step(rubric: Rubric, ind: Indicator, level: int, count: int, costs: CostTable | None) -> Step:
    cost = None
    if costs is not None:
        cost = sum(
            (step_cost(rubric, costs, ind.key, level + n) for n in range(count)), Fraction(0)
        )
    return Step(ind, level, level + count, count * ind.step, cost)


def step_cost(rubric: Rubric, costs: CostTable, key: str, from_level: int) -> Fraction:
    """The cost of raising indicator `key` from `from_level` to the next level."""
    return costs[key][from_level - rubric.level_min]


def _fewest_steps(
    rubric: Rubric, caps: dict[str, int], need: Fraction
) -> tuple[dict[str, int], bool]:
    if need <= 0:
        return {}, True
    gains = {i.key: i.step for i in rubric.indicators}
    total = sum((gains[k] * c for k, c in caps.items()), Fraction(0))
    if total < need:
        return {k: c for k, c in caps.items() if c}, False
    counts: dict[str, int] = {}
    got = Fraction(0)
    for gain in sorted({gains[k] for k, c in caps.items() if c}, reverse=True):
        group = [k for k in caps if caps[k] and gains[k] == gain]
        group_steps = sum(caps[k] for k in group)
        if got + gain * group_steps < need:
            counts.update({k: caps[k] for k in group})
            got += gain * group_steps
            continue
        wanted = -((got - need) // gain)  # the fewest steps of this gain that close the gap
        # Fewest indicators touched: spend the steps on the indicators with the most room first.
        for key in sorted(group, key=lambda k: -caps[k]):
            take = min(caps[key], wanted)
            if take:
                counts[key] = take
                wanted -= take
        return counts, True
    raise AssertionError("unreachable: the total gain covers the need")


def _cheapest(
    rubric: Rubric,
    levels: Mapping[str, int],
    caps: dict[str, int],
    need: Fraction,
    costs: CostTable,
) -> tuple[dict[str, int], bool]:
    inds = [i for i in rubric.indicators if caps[i.key]]
    gain_scale = lcm(1, *(i.step.denominator for i in inds))
    options: list[list[tuple[int, Fraction]]] = []
    for ind in inds:
        unit = int(ind.step * gain_scale)
        run, cost = [(0, Fraction(0))], Fraction(0)
        for n in range(caps[ind.key]):
            cost += step_cost(rubric, costs, ind.key, levels[ind.key] + n)
            run.append((unit * (n + 1), cost))
        options.append(run)
    cost_scale = lcm(1, *(c.denominator for run in options for _, c in run))
    int_options = [[(g, int(c * cost_scale)) for g, c in run] for run in options]
    chosen = _knapsack(int_options, need * gain_scale)
    if chosen is None:
        return {i.key: caps[i.key] for i in inds}, False
    return {i.key: n for i, n in zip(inds, chosen, strict=True) if n}, True


def _knapsack(options: list[list[tuple[int, int]]], need: Fraction) -> list[int] | None:
    """Steps per item minimising (cost, steps, −gain, touched) among plans with gain ≥ need.

    `options[j][n]` is (gain, cost) of taking n steps of item j; states are exact integer gains.
    """
    states: dict[int, tuple[int, int, int]] = {0: (0, 0, 0)}
    back: list[dict[int, tuple[int, int]]] = []
    for run in options:
        nxt: dict[int, tuple[int, int, int]] = {}
        came: dict[int, tuple[int, int]] = {}
        for gain, (cost, steps, touched) in states.items():
            for n, (g, c) in enumerate(run):
                key = gain + g
                value = (cost + c, steps + n, touched + (n > 0))
                if key not in nxt or value < nxt[key]:
                    nxt[key] = value
                    came[key] = (gain, n)
        states = nxt
        back.append(came)
    goals = [(v[0], v[1], -g, v[2], g) for g, v in states.items() if g >= need]
    if not goals:
        return None
    gain = min(goals)[-1]
    chosen: list[int] = []
    for came in reversed(back):
        gain, n = came[gain]
        chosen.append(n)
    return chosen[::-1]


def apply(levels: Mapping[str, int], plan: Plan) -> dict[str, int]:
    """The levels after carrying out the plan (for rescoring and checks)."""
    out = dict(levels)
    for step in plan.steps:
        out[step.indicator.key] = step.to_level
    return out
