"""`spbe plan`: an assessment, a target and constraints in; the cheapest plan out (or a Stop)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from spbe_cli.core.results import PlanResult
from spbe_cli.exits import Stop, usage_error
from spbe_cli.model.problems import by_place
from spbe_cli.model.rubric import Rubric


@dataclass(frozen=True)
class PlanRequest:
    file: Path
    target: str
    max_per_indicator: int | None = None
    exclude: str | None = None
    only_domain: str | None = None
    costs: Path | None = None
    rubric: Path | None = None
    domain_min: tuple[str, ...] = ()
    """`--domain-min` as given: a predicate or "2.6" for every domain, "3:2.6" for domain 3."""
    allow_outside: bool = False
    """`rubrik:` paths may lead outside the current folder and the file's repository."""


def parse_target(raw: str, rubric: Rubric) -> Fraction:
    """A number ("3.5", "3,5") or a predicate name of the rubric (that band's lower bound).

    A number above the rubric's top level can never be reached by any plan: that is how the
    command was called (exit 2), not a plan that falls short (exit 1).
    """
    band = rubric.band_named(raw)
    if band is not None:
        return band.low
    try:
        target = Fraction(raw.strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        allowed = ", ".join(b.name for b in rubric.bands)
        raise usage_error("usage.bad_target", value=raw, allowed=allowed) from None
    if target > rubric.level_max:
        raise usage_error(
            "usage.target_above_max", value=raw, max=rubric.level_max, rubric=rubric.id
        )
    return target


def _exclusions(raw: str | None, rubric: Rubric) -> frozenset[str]:
    keys = frozenset(k.strip() for k in (raw or "").split(",") if k.strip())
    for key in sorted(keys):
        if key not in rubric.by_key:
            raise usage_error("usage.unknown_indicator", id=key, rubric=rubric.id)
    return keys


def _domain(raw: str | None, rubric: Rubric) -> frozenset[str] | None:
    from spbe_cli.core.plan import domain_keys

    if raw is None:
        return None
    if not rubric.domains:
        raise usage_error("usage.no_domains", rubric=rubric.id)
    keys = domain_keys(rubric, raw)
    if keys is None:
        known = ", ".join(str(d.id) for d in rubric.domains)
        raise usage_error("usage.unknown_domain", id=raw, rubric=rubric.id, known=known)
    return keys


def domain_minimums(raw: tuple[str, ...], rubric: Rubric) -> tuple[tuple[str, Fraction], ...]:
    """Each `--domain-min` as (domain key, exact minimum), in rubric order; the highest wins.

    A predicate name or "2.6" asks it of every domain, "3:2.6" (or "3:" and a predicate) of
    domain 3, its id being what comes before the last colon. A predicate means its band's lower
    bound: "at least that predicate".
    """
    if not raw:
        return ()
    if not rubric.domains:
        raise usage_error("usage.domain_min.no_domains", rubric=rubric.id)
    wanted: dict[str, Fraction] = {}
    for spec in raw:
        where, colon, value = spec.rpartition(":")
        domains = rubric.domains
        if colon:
            domains = tuple(d for d in rubric.domains if str(d.id) == where.strip())
            if not domains:
                known = ", ".join(str(d.id) for d in rubric.domains)
                raise usage_error("usage.unknown_domain", id=where, rubric=rubric.id, known=known)
        minimum = _minimum(value, spec, rubric)
        for domain in domains:
            wanted[domain.key] = max(wanted.get(domain.key, minimum), minimum)
    return tuple((d.key, wanted[d.key]) for d in rubric.domains if d.key in wanted)


def _minimum(value: str, spec: str, rubric: Rubric) -> Fraction:
    band = rubric.band_named(value)
    if band is not None:
        return band.low
    try:
        number = Fraction(value.strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        allowed = ", ".join(b.name for b in rubric.bands)
        raise usage_error("usage.domain_min.bad", value=spec, allowed=allowed) from None
    if not rubric.level_min <= number <= rubric.level_max:
        raise usage_error(
            "usage.domain_min.range", value=spec, low=rubric.level_min, high=rubric.level_max
        )
    return number


def _costs(path: Path | None, rubric: Rubric) -> object:
    """The cost table, or None without a file; a file with problems stops the command."""
    from spbe_cli.files.reader import LoadFailure, read_document
    from spbe_cli.model.costs import read_costs

    if path is None:
        return None
    doc = read_document(path)
    if isinstance(doc, LoadFailure):
        raise Stop(problems=doc.problems)
    table = read_costs(doc.data, rubric)
    if isinstance(table, list):
        raise Stop(problems=sorted((doc.locate(p) for p in table), key=by_place))
    return table


def plan_file(request: PlanRequest) -> PlanResult:
    from spbe_cli.app.assess import RubricStore, assess
    from spbe_cli.core.plan import Constraints, make_plan

    store = RubricStore(allow_outside=request.allow_outside)
    outcome = assess(request.file, store, rubric_path=request.rubric)
    if outcome.scorecard is None:
        raise Stop(problems=outcome.problems)
    card = outcome.scorecard
    rubric = card.rubric
    target = parse_target(request.target, rubric)
    limits = Constraints(
        request.max_per_indicator,
        _exclusions(request.exclude, rubric),
        _domain(request.only_domain, rubric),
        domain_minimums(request.domain_min, rubric),
    )
    costs = _costs(request.costs, rubric)
    levels = {s.indicator.key: s.level for s in card.indicators if s.level is not None}
    plan = make_plan(rubric, levels, target, limits, costs)  # type: ignore[arg-type]
    return PlanResult(plan, card, str(request.file))
