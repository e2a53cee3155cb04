"""Build a Rubric from a rubric file's data, or say precisely what is wrong with it.

Pydantic checks the shape; the checks here are the ones the formulas depend on. Every problem
carries the path of the offending entry so the loader can point at its line, and every kind of
problem has its own code (SPBE201–220), so a user can look one up and a test can pin one down.

The regulation's facts that are not indicators (the total weight, the band counted as good, the
level from which evidence is expected, the stages and agency kinds) are optional keys: a custom
rubric that omits them gets the defaults below, documented in rubrics/README.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, Literal

from pydantic_core import CoreSchema, PydanticCustomError, ValidationError
from pydantic_core import core_schema as cs

from spbe_cli.model.characters import unsafe_char
from spbe_cli.model.codes import Code
from spbe_cli.model.exact import EXACT_PATTERN, NumberFormatError, exact_text, parse_number
from spbe_cli.model.problems import Problem, path_of
from spbe_cli.model.pydantic_problems import clip, problems_from
from spbe_cli.model.rubric import (
    Aspect,
    Domain,
    Indicator,
    PredicateBand,
    Rubric,
    Scale,
    reference_key,
)
from spbe_cli.model.shapes import STRICT_INT, STRICT_STR, field_names, optional, record, validator


def _exact(value: Any) -> Fraction:
    try:
        return parse_number(value)
    except NumberFormatError:
        raise PydanticCustomError("exact_number", "not an exact number") from None


EXACT = cs.no_info_plain_validator_function(
    _exact,
    json_schema_input_schema=cs.union_schema(
        [cs.float_schema(), cs.str_schema(pattern=EXACT_PATTERN)]
    ),
    metadata={
        "pydantic_js_updates": {
            "description": 'An exact number: 1.3, 5, or a fraction as text such as "20/6".'
        }
    },
)
ID = cs.union_schema([STRICT_INT, STRICT_STR])
"""Strict: YAML's `yes` must not become indicator 1, nor 1.0 become 1."""
TEXT = cs.str_schema()
LEVEL_NAMES = cs.dict_schema(cs.int_schema(), TEXT)

_raw = dataclass(frozen=True, eq=False, repr=False)
"""The file's shape as validated, read once by the checks and _assemble and then dropped: frozen,
but never compared nor printed, so without the generated __eq__, __hash__ and __repr__ (creating
the nine classes then costs about 1.5 ms less of every run's start-up)."""


@_raw
class RawScale:
    name: str
    levels: dict[int, str]


@_raw
class RawIndicator:
    id: int | str
    name: str
    weight: Fraction
    scale: str
    question: str | None = None
    criteria: dict[int, str] = field(default_factory=dict)


@_raw
class RawAspect:
    id: int | str
    name: str
    weight: Fraction
    indicators: list[RawIndicator]


@_raw
class RawDomain:
    id: int | str
    name: str
    weight: Fraction
    aspects: list[RawAspect]


@_raw
class RawBand:
    name: str
    min: Fraction
    max: Fraction


@_raw
class RawLevels:
    min: int
    max: int


@_raw
class RawRounding:
    decimals: int = 2
    mode: str = "half-up"


@_raw
class RawNames:
    """A name in the output languages: Indonesian always, English when it differs."""

    id: str
    en: str | None = None


@_raw
class RawRubric:
    """A rubric file's data in its shape, before the exact checks (build_rubric)."""

    id: str
    title: str
    regulation: str
    era: str
    status: str
    source: str
    levels: RawLevels
    predicates: list[RawBand]
    scales: dict[str, RawScale]
    rounding: RawRounding = RawRounding()
    domains: list[RawDomain] | None = None
    aspects: list[RawAspect] | None = None
    total_weight: Fraction | None = None
    good_from: str | None = None
    evidence_from_level: int | None = None
    stages: list[str] | None = None
    agency_kinds: list[str] | None = None
    index_name: RawNames | None = None
    report_title: RawNames | None = None
    aliases: list[str] | None = None


DEFAULT_TOTAL_WEIGHT = Fraction(100)
"""`total_weight` when a rubric omits it: weights in percent, as every SPBE regulation has them."""
NAME_LISTS = ("stages", "agency_kinds")
"""The optional lists of names an assessment's `tahap` and `instansi.jenis` must come from."""


def default_good_from(bands: list[RawBand]) -> str:
    """The middle band (the upper middle one of an even number): where a result stops being
    below average. For the ministry's five bands that is the third, its own target measure."""
    return bands[len(bands) // 2].name


def default_evidence_from(low: int, high: int) -> int:
    """The middle level, rounded up: 3 on both 1–5 (59/2020) and 0–5 (5/2018), the level from
    which the regulation's criteria describe something that exists and can be shown."""
    return (low + high + 1) // 2


FACT_KEYS: dict[str, str] = {
    "total_weight": "The weight of the whole index; the top-level weights add up to it. "
    "Default 100 (weights in percent).",
    "good_from": "The predicate counted as good in `spbe rank`'s summary. "
    "Default: the middle band (the upper middle one of an even number).",
    "evidence_from_level": "The level from which a claim is expected to carry `bukti_dukung` "
    "(warning SPBE352). Default: the middle level, rounded up.",
    "stages": "The assessment stages an assessment's `tahap` may name, in order; the first is "
    "the default. Default: any stage name, unordered.",
    "agency_kinds": "The kinds an assessment's `instansi.jenis` may name. Default: any kind.",
}
"""The regulation's facts as optional keys, described for editors as rubrics/README.md does."""
ALIASES_DESCRIPTION = (
    'Other names of the rubric, as officials cite its regulation ("PermenPANRB 59/2020"): '
    "an assessment's `rubrik` or `--rubric` may give one instead of a bundled rubric's id. "
    "Compared without case, spaces, dots, hyphens and underscores."
)

NAME_KEYS: dict[str, str] = {
    "index_name": "What the regulation calls its result, as {id: Indonesian, en: English}: "
    "'Indeks Pemerintah Digital (Indeks Pemdi)'. Default: 'Indeks SPBE' ('SPBE index').",
    "report_title": "The title of a report on this result, as {id: Indonesian, en: English}: "
    "'Laporan Evaluasi Pemerintah Digital'. Default: 'Laporan Evaluasi SPBE'.",
}
"""Names that outputs show instead of the SPBE defaults; English falls back to the Indonesian."""


def _rubric_shape() -> CoreSchema:
    indicator = record(
        RawIndicator,
        {
            "id": ID,
            "name": TEXT,
            "weight": EXACT,
            "scale": TEXT,
            "question": optional(TEXT),
            "criteria": LEVEL_NAMES,
        },
    )
    aspect = record(
        RawAspect,
        {"id": ID, "name": TEXT, "weight": EXACT, "indicators": cs.list_schema(indicator)},
    )
    domain = record(
        RawDomain, {"id": ID, "name": TEXT, "weight": EXACT, "aspects": cs.list_schema(aspect)}
    )
    words = cs.str_schema(strict=True, min_length=1, strip_whitespace=True)
    names = record(RawNames, {"id": words, "en": optional(words)})
    return record(
        RawRubric,
        {
            "id": TEXT,
            "title": TEXT,
            "regulation": TEXT,
            "era": TEXT,
            "status": cs.literal_schema(["verified", "provisional"]),
            "source": TEXT,
            "levels": record(RawLevels, {"min": cs.int_schema(), "max": cs.int_schema()}),
            "predicates": cs.list_schema(
                record(RawBand, {"name": TEXT, "min": EXACT, "max": EXACT})
            ),
            "scales": cs.dict_schema(TEXT, record(RawScale, {"name": TEXT, "levels": LEVEL_NAMES})),
            "rounding": record(
                RawRounding,
                {"decimals": cs.int_schema(), "mode": cs.literal_schema(["half-up"])},
            ),
            "domains": optional(cs.list_schema(domain)),
            "aspects": optional(cs.list_schema(aspect)),
            "total_weight": optional(EXACT),
            "good_from": optional(TEXT),
            "evidence_from_level": optional(STRICT_INT),
            "stages": optional(cs.list_schema(TEXT)),
            "agency_kinds": optional(cs.list_schema(TEXT)),
            "index_name": optional(names),
            "report_title": optional(names),
            "aliases": optional(cs.list_schema(TEXT)),
        },
    )


RUBRIC_SHAPE = _rubric_shape()
_RUBRIC = validator(RUBRIC_SHAPE)


def rubric_json_schema() -> dict[str, Any]:
    """The JSON Schema of a rubric file, generated from the shape so the two never disagree.

    It describes the shape only; the exact checks (sums, bands, ids) are `spbe rubric check`'s.
    """
    from pydantic.json_schema import GenerateJsonSchema

    schema = GenerateJsonSchema().generate(RUBRIC_SHAPE)
    for key, description in FACT_KEYS.items():
        schema["properties"][key]["description"] = description
    for key, description in NAME_KEYS.items():
        schema["properties"][key]["description"] = description
    schema["properties"]["aliases"]["description"] = ALIASES_DESCRIPTION
    for key in (*NAME_LISTS, "aliases"):
        listed = schema["properties"][key]["anyOf"][0]
        listed.update(minItems=1, uniqueItems=True)
        listed["items"]["minLength"] = 1
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "spbe-cli rubric",
        "description": "An SPBE rubric file for spbe-cli; see rubrics/README.md.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def build_rubric(data: Any) -> Rubric | list[Problem]:
    """A valid Rubric, or every problem found in the data (never only the first).

    Shape and type errors come first (all of them, from Pydantic); the exact checks below need a
    well-formed tree, so they run once the shape is right, and then all of them run together.
    """
    if not isinstance(data, dict):
        return [Problem(Code.SPBE215, ())]
    text_problems = list(_check_text(data, ()))
    try:
        raw = _RUBRIC.validate_python(data)
    except ValidationError as exc:
        return text_problems + [_named_field(p, data) for p in problems_from(exc, _allowed_keys)]
    problems = text_problems + list(_check(raw))
    if problems:
        return problems
    return _assemble(raw)


# --- Untrusted input (issue 13): level ranges, ids and characters ---------------------------

MAX_LEVELS = 100
"""Levels a rubric may have (levels.max - levels.min + 1): the regulations have five or six.
Checked arithmetically before any range of levels is built: `max: 1e30` once meant a set of
10^30 numbers."""
ONE_LINE_KEYS = frozenset(
    {"id", "name", "scale", "status", "era", "good_from", "mode", "stages", "agency_kinds"}
    | {"levels", "aliases"}  # a scale's level names; the regulation's other names
)
"""Fields that are one line of text (names, ids); the others (source, question, criteria) may
hold line breaks. Either kind refuses control and bidi characters (model/characters.py)."""


def _check_text(data: Any, path: tuple[str, ...]) -> Iterator[Problem]:
    """SPBE223 for each key or text value holding a character no output should carry."""
    stack: list[tuple[tuple[str, ...], Any, bool]] = [(path, data, False)]
    while stack:
        where, item, one_line = stack.pop()
        if isinstance(item, str):
            char = unsafe_char(item, multiline=not one_line)
            if char is not None:
                yield Problem(Code.SPBE223, where, {"field": _field(where), "char": char})
        elif isinstance(item, dict):
            for key, value in item.items():
                inner = (*where, str(key))
                if isinstance(key, str) and unsafe_char(key) is not None:
                    params = {"field": _field(where) or "(root)", "char": unsafe_char(key)}
                    yield Problem(Code.SPBE223, inner, params, at="key")
                    continue
                stack.append((inner, value, one_line or str(key) in ONE_LINE_KEYS))
        elif isinstance(item, list):
            stack.extend(((*where, str(n)), value, one_line) for n, value in enumerate(item))


def _field(where: tuple[str, ...]) -> str:
    return ".".join(part for part in where)[:80]


def _non_ascii_digits(ident: int | str) -> bool:
    """ "²" or "١٢" as an id: `"١٢".isdigit()` is true, so outputs that type numeric ids would
    turn it into 12 (or crash on "²"); ids keep to 0-9 so an id reads back as itself."""
    return isinstance(ident, str) and any(c.isdigit() and not c.isascii() for c in ident)


def _allowed_keys(path: tuple[str, ...]) -> list[str]:
    """The keys a rubric allows in the mapping at `path`, for the unknown-key message."""
    models: dict[str, type] = {
        "levels": RawLevels,
        "rounding": RawRounding,
        "predicates": RawBand,
        "scales": RawScale,
        "domains": RawDomain,
        "aspects": RawAspect,
        "indicators": RawIndicator,
        "index_name": RawNames,
        "report_title": RawNames,
    }
    named = [part for part in path if part in models]
    return field_names(models[named[-1]] if named else RawRubric)


_ENTITIES = {
    "domains": "rubric.kind.domain",
    "aspects": "rubric.kind.aspect",
    "indicators": "rubric.kind.indicator",
    "predicates": "rubric.kind.predicate",
}


def _named_field(problem: Problem, data: Any) -> Problem:
    """A field named by the entry it belongs to, not by list positions counted from 0:
    `aspects.1.indicators.0.weight` reads "weight of indicator 1-1" (the id the file gives, or
    "#2 of aspect B" for an entry without one); the problem still points at the same line."""
    if "field" not in problem.params:
        return problem
    node, rest = data, list(problem.path)
    entity: tuple[dict[str, object], object] | None = None  # (its kind as a message, its id)
    for n, part in enumerate(problem.path):
        parent = problem.path[n - 1] if n else ""
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
            if parent in _ENTITIES:
                kind = {"catalogue": _ENTITIES[parent]}
                entity = (kind, _entry_id(node, parent, int(part), entity))
                rest = list(problem.path[n + 1 :])
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            break
    if entity is None:
        return problem
    kind, shown = entity
    if rest:
        field = {"catalogue": "rubric.field", "key": ".".join(rest), "kind": kind, "id": shown}
    else:
        field = {"catalogue": "rubric.entity", "kind": kind, "id": shown}
    return replace(problem, params={**problem.params, "field": field})


def _entry_id(
    node: Any, parent: str, position: int, outer: tuple[dict[str, object], object] | None
) -> object:
    """An entry's id (a predicate's name), or its place in the entry around it when it has none."""
    own = node.get("name" if parent == "predicates" else "id") if isinstance(node, dict) else None
    if isinstance(own, int | str) and not isinstance(own, bool) and str(own).strip():
        return own
    within: object = ""
    if outer is not None:
        within = {"catalogue": "rubric.within", "kind": outer[0], "id": outer[1]}
    return {"catalogue": "rubric.nth", "n": position + 1, "within": within}


def _detail(key: str, **params: object) -> dict[str, object]:
    """An SPBE204/SPBE201 detail as a catalogue message, so it reads in both languages."""
    return {"catalogue": key, **params}


def _check(raw: RawRubric) -> Iterator[Problem]:
    if raw.domains is not None and raw.aspects is not None:
        yield Problem(Code.SPBE209, ("aspects",), at="key")
    elif raw.domains is None and raw.aspects is None:
        yield Problem(Code.SPBE209, ())
    if not 0 <= raw.rounding.decimals <= 10:
        yield Problem(Code.SPBE210, ("rounding", "decimals"), {"got": raw.rounding.decimals})
    levels_ok = raw.levels.min < raw.levels.max
    span = raw.levels.max - raw.levels.min + 1
    if not levels_ok:
        yield Problem(Code.SPBE208, ("levels",), {"min": raw.levels.min, "max": raw.levels.max})
    elif span > MAX_LEVELS:
        levels_ok = False  # nothing below may build a range of these levels
        shown = {"min": clip(str(raw.levels.min)), "max": clip(str(raw.levels.max))}
        yield Problem(Code.SPBE221, ("levels",), {**shown, "limit": MAX_LEVELS})
    else:
        yield from _check_scales(raw)
        yield from _check_bands(raw)
        yield from _check_evidence(raw)
    yield from _check_good_from(raw)
    for key in NAME_LISTS:
        yield from _check_names(key, getattr(raw, key))
    yield from _check_aliases(raw.aliases)
    yield from _check_tree(raw, levels_ok)


def _check_good_from(raw: RawRubric) -> Iterator[Problem]:
    """The good band is looked up as `spbe rank --good-from` looks it up: case ignored."""
    if raw.good_from is None or not raw.predicates:
        return
    if _band_of(raw, raw.good_from) is None:
        allowed = ", ".join(b.name for b in raw.predicates)
        yield Problem(Code.SPBE216, ("good_from",), {"name": raw.good_from, "allowed": allowed})


def _band_of(raw: RawRubric, name: str) -> RawBand | None:
    wanted = name.strip().casefold()
    return next((b for b in raw.predicates if b.name.casefold() == wanted), None)


def _check_evidence(raw: RawRubric) -> Iterator[Problem]:
    level = raw.evidence_from_level
    if level is not None and not raw.levels.min <= level <= raw.levels.max:
        params: dict[str, object] = {"got": level, "min": raw.levels.min, "max": raw.levels.max}
        yield Problem(Code.SPBE217, ("evidence_from_level",), params)


def _check_names(key: str, names: list[str] | None) -> Iterator[Problem]:
    """A list that restricts what assessments may say: an empty one would refuse every file."""
    if names is None:
        return
    if not names:
        yield Problem(Code.SPBE218, (key,), {"key": key})
    seen: set[str] = set()
    for n, name in enumerate(names):
        if not name.strip() or name != name.strip():
            yield Problem(Code.SPBE219, (key, str(n)), {"key": key, "name": name})
        elif name.casefold() in seen:
            yield Problem(Code.SPBE220, (key, str(n)), {"key": key, "name": name})
        seen.add(name.casefold())


def _check_aliases(aliases: list[str] | None) -> Iterator[Problem]:
    """Aliases are matched as `reference_key` compares them, so two that compare equal are one."""
    seen: set[str] = set()
    for n, name in enumerate(aliases or []):
        key = reference_key(name)
        if not key or name != name.strip():
            yield Problem(Code.SPBE219, ("aliases", str(n)), {"key": "aliases", "name": name})
        elif key in seen:
            yield Problem(Code.SPBE220, ("aliases", str(n)), {"key": "aliases", "name": name})
        seen.add(key)


def _check_scales(raw: RawRubric) -> Iterator[Problem]:
    wanted = set(range(raw.levels.min, raw.levels.max + 1))
    for sid, scale in raw.scales.items():
        have = set(scale.levels)
        if have != wanted:
            missing = ", ".join(map(str, sorted(wanted - have)))
            extra = ", ".join(map(str, sorted(have - wanted)))
            if missing and extra:
                detail = _detail(
                    "rubric.scale.both",
                    missing=_detail("rubric.scale.missing", levels=missing),
                    extra=_detail("rubric.scale.extra", levels=extra),
                )
            elif missing:
                detail = _detail("rubric.scale.missing", levels=missing)
            else:
                detail = _detail("rubric.scale.extra", levels=extra)
            params = {"scale": sid, "min": raw.levels.min, "max": raw.levels.max, "detail": detail}
            yield Problem(Code.SPBE205, ("scales", sid, "levels"), params)
        for level, name in scale.levels.items():
            if not name.strip():
                params = {"scale": sid, "level": level}
                yield Problem(Code.SPBE214, ("scales", sid, "levels", str(level)), params)


def _check_bands(raw: RawRubric) -> Iterator[Problem]:
    """Bands must tile [levels.min, levels.max] in order: each starts where the last one ended."""
    bands = raw.predicates
    if not bands:
        yield Problem(Code.SPBE204, ("predicates",), {"detail": _detail("rubric.band.none")})
        return
    names: set[str] = set()
    for n, band in enumerate(bands):
        where = path_of("predicates", n)
        shown = {"name": band.name, "start": exact_text(band.min), "end": exact_text(band.max)}
        if band.name.casefold() in names:
            yield Problem(
                Code.SPBE204,
                (*where, "name"),
                {"detail": _detail("rubric.band.duplicate", **shown)},
            )
        names.add(band.name.casefold())
        if n == 0 and band.min != raw.levels.min:
            detail = _detail("rubric.band.first", **shown, min=raw.levels.min)
            yield Problem(Code.SPBE204, (*where, "min"), {"detail": detail})
        elif n > 0 and band.min != bands[n - 1].max:
            kind = "rubric.band.gap" if band.min > bands[n - 1].max else "rubric.band.overlap"
            detail = _detail(kind, **{**shown, "end": exact_text(bands[n - 1].max)})
            yield Problem(Code.SPBE204, (*where, "min"), {"detail": detail})
        if band.max <= band.min:
            yield Problem(
                Code.SPBE204, (*where, "max"), {"detail": _detail("rubric.band.empty", **shown)}
            )
    top = bands[-1]
    if top.max != raw.levels.max:
        detail = _detail(
            "rubric.band.top", name=top.name, end=exact_text(top.max), max=raw.levels.max
        )
        yield Problem(
            Code.SPBE204, path_of("predicates", len(bands) - 1, "max"), {"detail": detail}
        )


def _groups(raw: RawRubric) -> list[tuple[tuple[str, ...], RawDomain | None, list[RawAspect]]]:
    if raw.domains is not None:
        return [(path_of("domains", n), d, d.aspects) for n, d in enumerate(raw.domains)]
    return [((), None, raw.aspects or [])]


class _Ids:
    """Ids seen so far per kind: a second use of one is reported at the second one's `id`."""

    def __init__(self) -> None:
        self.seen: dict[str, set[str]] = {"domain": set(), "aspect": set(), "indicator": set()}

    def check(self, kind: str, ident: int | str, where: tuple[str, ...]) -> Iterator[Problem]:
        named = {"catalogue": kind}
        if isinstance(ident, str) and (not ident.strip() or ident != ident.strip()):
            yield Problem(Code.SPBE213, (*where, "id"), {"kind": named, "id": ident})
        if _non_ascii_digits(ident):
            yield Problem(Code.SPBE222, (*where, "id"), {"kind": named, "id": ident})
        if str(ident) in self.seen[kind]:
            yield Problem(Code.SPBE202, (*where, "id"), {"kind": named, "id": ident})
        self.seen[kind].add(str(ident))


def _check_tree(raw: RawRubric, levels_ok: bool) -> Iterator[Problem]:
    ids = _Ids()
    total = Fraction(0)
    for dpath, domain, aspects in _groups(raw):
        if domain is not None:
            yield from ids.check("domain", domain.id, dpath)
            if not aspects:
                params = {"kind": {"catalogue": "domain"}, "id": domain.id}
                yield Problem(Code.SPBE203, (*dpath, "aspects"), params, at="key")
        dsum = Fraction(0)
        for an, aspect in enumerate(aspects):
            apath = (*dpath, "aspects", str(an))
            yield from _check_aspect(raw, aspect, apath, ids, levels_ok)
            dsum += aspect.weight
        if domain is not None:
            what = _detail("rubric.sum.domain", id=domain.id)
            yield from _sum_check(dsum, domain.weight, what, (*dpath, "weight"))
            total += domain.weight
        else:
            total += dsum
    top = "domains" if raw.domains is not None else "aspects"
    expected = DEFAULT_TOTAL_WEIGHT if raw.total_weight is None else raw.total_weight
    yield from _sum_check(total, expected, _detail("rubric.sum.total"), (top,), at="key")


def _check_aspect(
    raw: RawRubric, aspect: RawAspect, apath: tuple[str, ...], ids: _Ids, levels_ok: bool
) -> Iterator[Problem]:
    yield from ids.check("aspect", aspect.id, apath)
    if not aspect.indicators:
        params = {"kind": {"catalogue": "aspect"}, "id": aspect.id}
        yield Problem(Code.SPBE203, (*apath, "indicators"), params, at="key")
        return
    asum = Fraction(0)
    for i_n, ind in enumerate(aspect.indicators):
        ipath = (*apath, "indicators", str(i_n))
        yield from ids.check("indicator", ind.id, ipath)
        yield from _check_indicator(raw, ind, ipath, levels_ok)
        asum += ind.weight
    what = _detail("rubric.sum.aspect", id=aspect.id)
    yield from _sum_check(asum, aspect.weight, what, (*apath, "weight"))


def _check_indicator(
    raw: RawRubric, ind: RawIndicator, where: tuple[str, ...], levels_ok: bool
) -> Iterator[Problem]:
    if ind.weight <= 0:
        params: dict[str, object] = {"id": ind.id, "got": exact_text(ind.weight)}
        yield Problem(Code.SPBE211, (*where, "weight"), params)
    if ind.scale not in raw.scales:
        yield Problem(Code.SPBE206, (*where, "scale"), {"id": ind.id, "scale": ind.scale})
    low, high = raw.levels.min, raw.levels.max
    outside = [lv for lv in ind.criteria if not low <= lv <= high]
    if outside and levels_ok:
        found: dict[str, object] = {"id": ind.id, "levels": outside, "min": low, "max": high}
        yield Problem(Code.SPBE212, (*where, "criteria", str(outside[0])), found)


def _sum_check(
    total: Fraction,
    expected: Fraction,
    what: dict[str, object],
    where: tuple[str, ...],
    at: Literal["key", "value"] = "value",
) -> Iterator[Problem]:
    """Weights must add up exactly: the tolerance is zero, since every weight is an exact number."""
    if total != expected:
        params = {"what": what, "total": exact_text(total), "expected": exact_text(expected)}
        yield Problem(Code.SPBE201, where, params, at=at)


def _assemble(raw: RawRubric) -> Rubric:
    scales = {sid: Scale(sid, s.name, dict(s.levels)) for sid, s in raw.scales.items()}
    groups = _groups(raw)
    unit = weight_unit([ri.weight for _, _, ras in groups for ra in ras for ri in ra.indicators])
    total = DEFAULT_TOTAL_WEIGHT if raw.total_weight is None else raw.total_weight
    domains: list[Domain] = []
    aspects: list[Aspect] = []
    for _, rdomain, raspects in groups:
        dkey = str(rdomain.id) if rdomain else None
        built = [_aspect(ra, dkey, scales, unit, total) for ra in raspects]
        aspects.extend(built)
        if rdomain is not None:
            domains.append(
                Domain(str(rdomain.id), rdomain.id, rdomain.name, rdomain.weight, tuple(built))
            )
    indicators = tuple(i for a in aspects for i in a.indicators)
    good = _band_of(raw, raw.good_from) if raw.good_from is not None else None
    low, high = raw.levels.min, raw.levels.max
    evidence = raw.evidence_from_level
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
        unit=unit,
        total_weight=total,
        good_from=good.name if good is not None else default_good_from(raw.predicates),
        evidence_from_level=default_evidence_from(low, high) if evidence is None else evidence,
        stages=tuple(raw.stages or ()),
        agency_kinds=tuple(raw.agency_kinds or ()),
        index_name=_names(raw.index_name),
        report_title=_names(raw.report_title),
        aliases=tuple(raw.aliases or ()),
    )


def _names(raw: RawNames | None) -> dict[str, str]:
    """By language; English falls back to the Indonesian, as an official name often is one."""
    if raw is None:
        return {}
    return {"id": raw.id, "en": raw.en or raw.id}


def weight_unit(weights: list[Fraction]) -> Fraction:
    """The largest unit dividing every weight: gcd of numerators over lcm of denominators."""
    return Fraction(
        math.gcd(*(w.numerator for w in weights)), math.lcm(*(w.denominator for w in weights))
    )


def _aspect(
    ra: RawAspect, dkey: str | None, scales: dict[str, Scale], unit: Fraction, total: Fraction
) -> Aspect:
    inds = tuple(
        Indicator(
            key=str(ri.id),
            id=ri.id,
            name=ri.name,
            weight=ri.weight,
            units=(ri.weight / unit).numerator,
            aspect_key=str(ra.id),
            scale=scales[ri.scale],
            step=ri.weight / total,
            question=ri.question,
            criteria=dict(ri.criteria),
        )
        for ri in ra.indicators
    )
    return Aspect(str(ra.id), ra.id, ra.name, ra.weight, dkey, inds)
