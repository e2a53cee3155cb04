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

Domain minimums (`--domain-min`): every named domain's index must reach its own minimum as well
as the overall index its target. Domains split the indicators, so each constrained domain is one
group, the other indicators one more, and the problem is the least-cost one above solved twice
over: an exact dynamic programme inside each group (its states are the group's exact gains, in
the rubric's integer weight units) whose results below the group's requirement are dropped, then
one across the groups on the total gain. Both minimise the same (cost, steps, −gain, touched),
all of which add up over indicators and groups, so the optimum of the whole is the best
combination of the groups' surviving states. Without a costs file every cost is 0, so the result
is the fewest steps, then the largest index, then the fewest indicators touched: the same order
as the plain plan. Two things keep the programme small: gains above what any requirement asks
count as that much (a plan that overshoots is no more feasible for it), and a state is dropped
when another reaches at least its gain with a better (cost, steps, −gain, touched); adding the
same later steps to both keeps that order, so no optimum is lost.

When the target cannot be reached the plan takes every available step: the best reachable index
(and every domain at its best).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from spbe_cli.core.scoring import index_of
from spbe_cli.model.costs import CostTable
from spbe_cli.model.rubric import Domain, Indicator, Rubric


@dataclass(frozen=True)
class Constraints:
    max_per_indicator: int | None = None
    exclude: frozenset[str] = frozenset()
    only: frozenset[str] | None = None
    """When set, only these indicator keys may be raised (e.g. one domain's)."""
    domain_min: tuple[tuple[str, Fraction], ...] = ()
    """(domain key, exact minimum) pairs: each domain's index must reach at least that."""


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
class DomainGoal:
    """One domain before and after the plan, with the minimum asked of it (None: none asked)."""

    domain: Domain
    start: Fraction
    reached: Fraction
    minimum: Fraction | None = None

    @property
    def met(self) -> bool:
        return self.minimum is None or self.reached >= self.minimum


@dataclass(frozen=True)
class Plan:
    start: Fraction
    target: Fraction
    steps: tuple[Step, ...]
    reachable: bool
    domains: tuple[DomainGoal, ...] = ()
    """Every domain of the rubric before and after, in rubric order (empty without domains)."""

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
    if limits.domain_min:
        counts, reachable = _with_domains(rubric, levels, caps, target - start, limits, costs)
    elif costs is None:
        counts, reachable = _fewest_steps(rubric, caps, target - start)
    else:
        counts, reachable = _cheapest(rubric, levels, caps, target - start, costs)
    steps = [
        _step(rubric, ind, levels[ind.key], counts.get(ind.key, 0), costs)
        for ind in rubric.indicators
    ]
    order = {ind.key: n for n, ind in enumerate(rubric.indicators)}
    chosen = sorted((s for s in steps if s.levels), key=lambda s: (-s.gain, order[s.indicator.key]))
    after = {**levels, **{s.indicator.key: s.to_level for s in chosen}}
    minimums = dict(limits.domain_min)
    goals = tuple(
        DomainGoal(d, domain_index(d, levels), domain_index(d, after), minimums.get(d.key))
        for d in rubric.domains
    )
    return Plan(start, target, tuple(chosen), reachable, goals)


def domain_index(domain: Domain, levels: Mapping[str, int]) -> Fraction:
    """Σ(level × weight) / domain weight: the domain's exact index for these levels."""
    total = sum((levels[i.key] * i.weight for i in domain.indicators), Fraction(0))
    return total / domain.weight


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


# ---- domain minimums: an exact programme per group, then across groups ------------------------

_Value = tuple[int, int, int, int]
"""(cost, steps, −gain, touched) of a partial plan: minimised lexicographically, added up."""


@dataclass(frozen=True, slots=True)
class _Up:
    """One indicator raised `levels` levels, after the steps of `earlier`."""

    earlier: _Chain
    key: str
    levels: int


@dataclass(frozen=True, slots=True)
class _Join:
    """The steps of two groups together."""

    left: _Chain
    right: _Chain


_Chain = _Up | _Join | None
"""The steps chosen so far, shared between states rather than copied."""
_States = dict[int, tuple[_Value, _Chain]]
"""Capped gain in weight units -> the best value reaching it, and the steps that do."""


def _ceil(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)


def _with_domains(
    rubric: Rubric,
    levels: Mapping[str, int],
    caps: dict[str, int],
    need: Fraction,
    limits: Constraints,
    costs: CostTable | None,
) -> tuple[dict[str, int], bool]:
    """Least (cost, steps, −gain, touched) with the overall need and every domain minimum met.

    Gains are counted in the rubric's weight units (integers): the index needs `need` × total
    weight / unit of them, a domain (minimum − now) × its weight / unit from its own indicators.
    """
    unit = rubric.unit
    overall = max(_ceil(need * rubric.total_weight / unit), 0)
    minimums = dict(limits.domain_min)
    groups: list[tuple[list[Indicator], int]] = []
    rest: list[Indicator] = []
    for domain in rubric.domains:
        if domain.key not in minimums:
            rest += domain.indicators
            continue
        short = (minimums[domain.key] - domain_index(domain, levels)) * domain.weight / unit
        groups.append((list(domain.indicators), max(_ceil(short), 0)))
    groups.append((rest, 0))
    costs_of = _unit_costs(rubric, levels, caps, costs)
    total: _States = {0: ((0, 0, 0, 0), None)}
    for members, required in groups:
        cap = max(required, overall)
        inside = _group_states(members, caps, costs_of, cap)
        met = {g: v for g, v in inside.items() if g >= required}
        if not met:
            return {k: c for k, c in caps.items() if c}, False
        total = _combine(total, met, overall)
    if overall not in total:
        return {k: c for k, c in caps.items() if c}, False
    return _counts(total[overall][1]), True


def _counts(chain: _Chain) -> dict[str, int]:
    """The levels up per indicator that a chain holds."""
    counts: dict[str, int] = {}
    pending = [chain]
    while pending:
        node = pending.pop()
        if isinstance(node, _Join):
            pending += [node.left, node.right]
        elif node is not None:
            counts[node.key] = counts.get(node.key, 0) + node.levels
            pending.append(node.earlier)
    return counts


def _unit_costs(
    rubric: Rubric, levels: Mapping[str, int], caps: dict[str, int], costs: CostTable | None
) -> dict[str, list[int]]:
    """Each indicator's cumulative cost of 0, 1, … steps as integers of one common scale."""
    exact: dict[str, list[Fraction]] = {}
    for ind in rubric.indicators:
        run, cost = [Fraction(0)], Fraction(0)
        for n in range(caps[ind.key]):
            if costs is not None:
                cost += step_cost(rubric, costs, ind.key, levels[ind.key] + n)
            run.append(cost)
        exact[ind.key] = run
    scale = lcm(1, *(c.denominator for run in exact.values() for c in run))
    return {key: [int(c * scale) for c in run] for key, run in exact.items()}


def _group_states(
    members: list[Indicator], caps: dict[str, int], costs: dict[str, list[int]], cap: int
) -> _States:
    """Every undominated way of raising these indicators, by gain (capped at `cap`)."""
    states: _States = {0: ((0, 0, 0, 0), None)}
    for ind in members:
        if not caps[ind.key]:
            continue
        nxt: _States = {}
        for gain, (value, chain) in states.items():
            for n in range(caps[ind.key] + 1):
                g = n * ind.units
                cost, steps, minus, touched = value
                new = (cost + costs[ind.key][n], steps + n, minus - g, touched + (n > 0))
                key = min(gain + g, cap)
                if key not in nxt or new < nxt[key][0]:
                    nxt[key] = (new, _Up(chain, ind.key, n) if n else chain)
        states = _undominated(nxt)
    return states


def _combine(left: _States, right: _States, cap: int) -> _States:
    out: _States = {}
    for g1, (v1, c1) in left.items():
        for g2, (v2, c2) in right.items():
            key = min(g1 + g2, cap)
            value = (v1[0] + v2[0], v1[1] + v2[1], v1[2] + v2[2], v1[3] + v2[3])
            if key not in out or value < out[key][0]:
                out[key] = (value, _Join(c1, c2))
    return _undominated(out)


def _undominated(states: _States) -> _States:
    """Drop a state when one with at least its gain has a value at least as good."""
    kept: _States = {}
    best: _Value | None = None
    for gain in sorted(states, reverse=True):
        value, chain = states[gain]
        if best is None or value < best:
            kept[gain] = (value, chain)
            best = value
    return kept


def apply(levels: Mapping[str, int], plan: Plan) -> dict[str, int]:
    """The levels after carrying out the plan (for rescoring and checks)."""
    out = dict(levels)
    for step in plan.steps:
        out[step.indicator.key] = step.to_level
    return out
