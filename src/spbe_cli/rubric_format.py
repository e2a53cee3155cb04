"""Build a Rubric from a rubric file's data, or say precisely what is wrong with it.

Pydantic checks the shape; the checks here are the ones the formulas depend on. Every problem
carries the path of the offending entry so the loader can point at its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, PlainValidator, ValidationError
from pydantic_core import PydanticCustomError

from .numbers import NumberFormatError, exact_text, parse_number
from .problems import Problem, path_of
from .pydantic_problems import problems_from
from .rubric import Aspect, Domain, Indicator, PredicateBand, Rubric, Scale


def _exact(value: Any) -> Fraction:
    try:
        return parse_number(value)
    except NumberFormatError:
        raise PydanticCustomError("exact_number", "not an exact number") from None


Exact = Annotated[Fraction, PlainValidator(_exact)]
Id = int | str


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


class RawScale(_Model):
    name: str
    levels: dict[int, str]


class RawIndicator(_Model):
    id: Id
    name: str
    weight: Exact
    scale: str
    question: str | None = None
    criteria: dict[int, str] = {}


class RawAspect(_Model):
    id: Id
    name: str
    weight: Exact
    indicators: list[RawIndicator]


class RawDomain(_Model):
    id: Id
    name: str
    weight: Exact
    aspects: list[RawAspect]


class RawBand(_Model):
    name: str
    min: Exact
    max: Exact


class RawLevels(_Model):
    min: int
    max: int


class RawRounding(_Model):
    decimals: int = 2
    mode: Literal["half-up"] = "half-up"


class RawRubric(_Model):
    id: str
    title: str
    regulation: str
    era: str
    status: Literal["verified", "provisional"]
    source: str
    levels: RawLevels
    rounding: RawRounding = RawRounding()
    predicates: list[RawBand]
    scales: dict[str, RawScale]
    domains: list[RawDomain] | None = None
    aspects: list[RawAspect] | None = None


def build_rubric(data: Any) -> Rubric | list[Problem]:
    """A valid Rubric, or every problem found in the data (never only the first)."""
    if not isinstance(data, dict):
        return [Problem("SPBE208", (), {"detail": "a rubric file must hold a mapping"})]
    try:
        raw = RawRubric.model_validate(data)
    except ValidationError as exc:
        return problems_from(exc, _allowed_keys)
    problems = list(_check(raw))
    if problems:
        return problems
    return _assemble(raw)


_MODEL_AT: dict[str, type[BaseModel]] = {
    "domains": RawDomain,
    "aspects": RawAspect,
    "indicators": RawIndicator,
    "predicates": RawBand,
    "levels": RawLevels,
    "rounding": RawRounding,
    "scales": RawScale,
}


def _allowed_keys(path: tuple[str, ...]) -> list[str]:
    """The fields of the model that sits at `path` (the last named list or mapping above it)."""
    names = [p for p in path if not p.isdigit()]
    if names and names[-1] not in _MODEL_AT and len(names) >= 2 and names[-2] == "scales":
        return list(RawScale.model_fields)
    model = _MODEL_AT.get(names[-1], RawRubric) if names else RawRubric
    return list(model.model_fields)


def _check(raw: RawRubric) -> Iterator[Problem]:
    if (raw.domains is None) == (raw.aspects is None):
        yield Problem("SPBE208", (), {"detail": "give either `domains` or `aspects`, not both"})
        return
    if raw.levels.min >= raw.levels.max:
        yield Problem("SPBE208", ("levels",), {"detail": "levels.min must be below levels.max"})
        return
    yield from _check_scales(raw)
    yield from _check_bands(raw)
    yield from _check_tree(raw)


def _check_scales(raw: RawRubric) -> Iterator[Problem]:
    wanted = set(range(raw.levels.min, raw.levels.max + 1))
    for sid, scale in raw.scales.items():
        have = set(scale.levels)
        if have != wanted:
            detail = f"missing {sorted(wanted - have)}, extra {sorted(have - wanted)}"
            yield Problem(
                "SPBE205",
                ("scales", sid, "levels"),
                {"scale": sid, "min": raw.levels.min, "max": raw.levels.max, "detail": detail},
            )


def _check_bands(raw: RawRubric) -> Iterator[Problem]:
    bands = raw.predicates
    if not bands:
        yield Problem("SPBE204", ("predicates",), {"detail": "no bands"})
        return
    expected_low = Fraction(raw.levels.min)
    for n, band in enumerate(bands):
        where = path_of("predicates", n)
        if band.min != expected_low:
            kind = "gap" if band.min > expected_low else "overlap"
            detail = f"'{band.name}' starts at {exact_text(band.min)}: {kind} after {exact_text(expected_low)}"
            yield Problem("SPBE204", (*where, "min"), {"detail": detail})
        if band.max <= band.min:
            yield Problem("SPBE204", (*where, "max"), {"detail": f"'{band.name}' is empty"})
        expected_low = band.max
    if bands[-1].max != raw.levels.max:
        detail = f"the top band ends at {exact_text(bands[-1].max)}, not at levels.max {raw.levels.max}"
        yield Problem("SPBE204", ("predicates", str(len(bands) - 1), "max"), {"detail": detail})


def _groups(raw: RawRubric) -> list[tuple[tuple[str, ...], RawDomain | None, list[RawAspect]]]:
    if raw.domains is not None:
        return [(path_of("domains", n), d, d.aspects) for n, d in enumerate(raw.domains)]
    return [((), None, raw.aspects or [])]


def _check_tree(raw: RawRubric) -> Iterator[Problem]:
    seen: dict[str, set[str]] = {"domain": set(), "aspect": set(), "indicator": set()}

    def unique(kind: str, ident: Id, where: tuple[str, ...]) -> Iterator[Problem]:
        if str(ident) in seen[kind]:
            yield Problem("SPBE202", (*where, "id"), {"kind": kind, "id": ident})
        seen[kind].add(str(ident))

    total = Fraction(0)
    for dpath, domain, aspects in _groups(raw):
        if domain is not None:
            yield from unique("domain", domain.id, dpath)
        dsum = Fraction(0)
        for an, aspect in enumerate(aspects):
            apath = (*dpath, "aspects", str(an))
            yield from unique("aspect", aspect.id, apath)
            if not aspect.indicators:
                yield Problem("SPBE203", (*apath, "indicators"), {"kind": "aspect", "id": aspect.id})
            asum = Fraction(0)
            for i_n, ind in enumerate(aspect.indicators):
                ipath = (*apath, "indicators", str(i_n))
                yield from unique("indicator", ind.id, ipath)
                yield from _check_indicator(raw, ind, ipath)
                asum += ind.weight
            yield from _sum_check(asum, aspect.weight, f"indicators of aspect {aspect.id}", (*apath, "weight"))
            dsum += aspect.weight
        if domain is not None:
            yield from _sum_check(dsum, domain.weight, f"aspects of domain {domain.id}", (*dpath, "weight"))
            total += domain.weight
        else:
            total += dsum
    yield from _sum_check(total, Fraction(100), "all weights", ("domains" if raw.domains else "aspects",))


def _check_indicator(raw: RawRubric, ind: RawIndicator, where: tuple[str, ...]) -> Iterator[Problem]:
    if ind.weight <= 0:
        yield Problem("SPBE208", (*where, "weight"), {"detail": f"indicator {ind.id}: weight must be positive"})
    if ind.scale not in raw.scales:
        yield Problem("SPBE206", (*where, "scale"), {"id": ind.id, "scale": ind.scale})
    outside = [lv for lv in ind.criteria if not raw.levels.min <= lv <= raw.levels.max]
    if outside:
        detail = f"indicator {ind.id}: criteria for levels {outside} outside {raw.levels.min}-{raw.levels.max}"
        yield Problem("SPBE208", (*where, "criteria"), {"detail": detail})


def _sum_check(total: Fraction, expected: Fraction, what: str, where: tuple[str, ...]) -> Iterator[Problem]:
    if total != expected:
        yield Problem(
            "SPBE201",
            where,
            {"what": what, "total": exact_text(total), "expected": exact_text(expected)},
        )


def _assemble(raw: RawRubric) -> Rubric:
    scales = {sid: Scale(sid, s.name, dict(s.levels)) for sid, s in raw.scales.items()}
    domains: list[Domain] = []
    aspects: list[Aspect] = []
    for _, rdomain, raspects in _groups(raw):
        dkey = str(rdomain.id) if rdomain else None
        built = [_aspect(ra, dkey, scales) for ra in raspects]
        aspects.extend(built)
        if rdomain is not None:
            domains.append(Domain(str(rdomain.id), rdomain.id, rdomain.name, rdomain.weight, tuple(built)))
    indicators = tuple(i for a in aspects for i in a.indicators)
    return Rubric(
        id=raw.id,
        title=raw.title,
        regulation=raw.regulation,
        era=raw.era,
        status=raw.status,
        source=" ".join(raw.source.split()),
        level_min=raw.levels.min,
        level_max=raw.levels.max,
        decimals=raw.rounding.decimals,
        bands=tuple(PredicateBand(b.name, b.min, b.max) for b in raw.predicates),
        scales=scales,
        domains=tuple(domains),
        aspects=tuple(aspects),
        indicators=indicators,
        by_key={i.key: i for i in indicators},
    )


def _aspect(ra: RawAspect, dkey: str | None, scales: dict[str, Scale]) -> Aspect:
    inds = tuple(
        Indicator(
            key=str(ri.id),
            id=ri.id,
            name=ri.name,
            weight=ri.weight,
            aspect_key=str(ra.id),
            scale=scales[ri.scale],
            question=ri.question,
            criteria=dict(ri.criteria),
        )
        for ri in ra.indicators
    )
    return Aspect(str(ra.id), ra.id, ra.name, ra.weight, dkey, inds)
