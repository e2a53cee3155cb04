"""A self-assessment file as validated data: who, which year and stage, and a level per indicator.

Levels are validated strictly: YAML 1.1 turns `yes` into True and lax validation would then score
it as level 1, a wrong official figure without a word. Indicator keys are normalised on purpose
instead (1 and "1" are the same id), and every problem of a file is reported at once.

The stages (`tahap`) and agency kinds (`instansi.jenis`) a file may name are the rubric's, like
its levels: each regulation lists its own, so they are checked against the rubric, never a list
written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal

from pydantic_core import ValidationError
from pydantic_core import core_schema as cs

from spbe_cli.model.characters import unsafe_char
from spbe_cli.model.codes import Code
from spbe_cli.model.problems import Problem, path_of
from spbe_cli.model.pydantic_problems import clip, describe_input, problems_from
from spbe_cli.model.rubric import Indicator, Rubric, name_key
from spbe_cli.model.shapes import (
    STRICT_INT,
    STRICT_STR,
    choice,
    field_names,
    optional,
    record,
    validator,
)


@dataclass(frozen=True, slots=True)
class Agency:
    """The agency an assessment is about (`instansi`: its name, kind and province).

    Slotted: a trend or a ranking keeps one per file (a third of the memory of a dict's)."""

    nama: str
    jenis: str | None = None
    provinsi: str | None = None

    @property
    def key(self) -> str:
        """The agency as files are matched across years and folders: case and spacing ignored."""
        return name_key(self.nama)


@dataclass(frozen=True)
class Entry:
    """The long form of one indicator: a level (None while still a draft) and its evidence."""

    level: int | None = None
    penjelasan: str | None = None
    bukti_dukung: list[str] | None = None


@dataclass(frozen=True)
class Assessment:
    """An assessment file's data once validated against its rubric."""

    rubrik: str
    instansi: Agency | str
    tahun: int
    indikator: dict[str, int | Entry | None]
    tahap: str = ""
    """The stage; a file that names none gets its rubric's first stage ("" if it lists none)."""

    @property
    def agency(self) -> Agency:
        return self.instansi if isinstance(self.instansi, Agency) else Agency(nama=self.instansi)

    def level_of(self, key: str) -> int | None:
        claim = self.indikator.get(key)
        return claim.level if isinstance(claim, Entry) else claim

    def entry(self, key: str) -> Entry | None:
        claim = self.indikator.get(key)
        if claim is None:
            return None
        return claim if isinstance(claim, Entry) else Entry(level=claim)


_LONG = (dict, Entry)


def _entry_form(value: Any) -> str:
    """Pydantic calls this for every indicator of every file: a tuple is the quickest check."""
    return "long" if isinstance(value, _LONG) else "short"


def _agency_form(value: Any) -> str:
    return "agency" if isinstance(value, dict | Agency) else "str"


_AGENCY = record(
    Agency,
    {
        "nama": STRICT_STR,
        "jenis": optional(cs.any_schema()),  # a name of the rubric's: _check_names
        "provinsi": optional(STRICT_STR),
    },
)
_ENTRY = record(
    Entry,
    {
        "level": optional(STRICT_INT),
        "penjelasan": optional(STRICT_STR),
        "bukti_dukung": optional(cs.list_schema(STRICT_STR)),
    },
)
_ASSESSMENT = validator(
    record(
        Assessment,
        {
            "rubrik": STRICT_STR,
            "instansi": choice(_agency_form, str=STRICT_STR, agency=_AGENCY),
            "tahun": STRICT_INT,
            "tahap": cs.any_schema(),  # a name of the rubric's: _check_names
            "indikator": cs.dict_schema(
                STRICT_STR, choice(_entry_form, short=optional(STRICT_INT), long=_ENTRY)
            ),
        },
    )
)


def rubric_reference(data: Any) -> str | None:
    """The `rubrik` named by a file, read before validation so the rubric can check the levels."""
    if isinstance(data, dict) and isinstance(data.get("rubrik"), str):
        return data["rubrik"].strip()
    return None


def validate_assessment(
    data: Any, rubric: Rubric | None, *, partial: bool = False
) -> Assessment | list[Problem]:
    """The validated assessment, or every problem in it; a known rubric also checks levels."""
    if not isinstance(data, dict):
        return [Problem(Code.SPBE100, ())]
    too_many = _check_counts(data, rubric)
    if too_many:
        return too_many  # checked before anything is built or reported per entry
    data, problems = _normalise_keys(data)
    try:
        assessment = _ASSESSMENT.validate_python(data)
    except ValidationError as exc:
        assessment = None
        found = problems_from(exc, _allowed_keys)
        problems += [_unquote_hint(_as_level_problem(p, rubric)) for p in found]
    if rubric is not None and isinstance(data.get("indikator"), dict):
        problems += _check_levels(data["indikator"], rubric, partial=partial)
    problems += _check_names(data, rubric)
    problems += _check_year(data.get("tahun"))
    problems += _check_text(data)
    if problems or assessment is None:
        return problems
    if "tahap" not in data and rubric is not None:
        return replace(assessment, tahap=rubric.default_stage)
    return assessment


def _check_names(data: dict[Any, Any], rubric: Rubric | None) -> list[Problem]:
    """`tahap` and `instansi.jenis` against the rubric's lists; text of any kind when it has none.

    A value off the list is SPBE109 naming the choices, exactly as a fixed list of choices reads.
    """
    places: list[tuple[tuple[str, ...], Any, tuple[str, ...]]] = []
    if "tahap" in data:
        places.append((("tahap",), data["tahap"], rubric.stages if rubric else ()))
    agency = data.get("instansi")
    if isinstance(agency, dict) and agency.get("jenis") is not None:
        places.append(
            (("instansi", "jenis"), agency["jenis"], rubric.agency_kinds if rubric else ())
        )
    problems: list[Problem] = []
    for path, value, allowed in places:
        field = ".".join(path)
        if allowed and not (isinstance(value, str) and value in allowed):
            got = describe_input(value).strip("'")
            choices = ", ".join(f"'{name}'" for name in allowed)
            problems.append(
                Problem(Code.SPBE109, path, {"field": field, "got": got, "allowed": choices})
            )
        elif not allowed and not isinstance(value, str):
            expected = {"catalogue": "type.str"}
            params: dict[str, object] = {"field": field, "expected": expected}
            params["got"] = describe_input(value)
            problems.append(Problem(Code.SPBE106, path, params))
    return problems


# --- Untrusted input (issue 13): counts, years and characters -------------------------------

MAX_ENTRIES = 1_000
"""Entries of `indikator` (or the rubric's indicator count, if larger) and items of one
`bukti_dukung` list: a 59/2020 file has 47 and a few. Checked before any entry is validated or
reported, so 190,000 unknown ids are one problem, not 190,000."""
YEARS = (1900, 9999)
"""`tahun` bounds: a year of four digits. SPBE353 and SPBE354 warn about years in the future
or off the rubric's era; these bounds refuse what is no year at all (-5, 1,000 digits)."""


def _check_counts(data: dict[Any, Any], rubric: Rubric | None) -> list[Problem]:
    indicators = data.get("indikator")
    if not isinstance(indicators, dict):
        return []
    limit = max(MAX_ENTRIES, len(rubric.indicators) if rubric is not None else 0)
    if len(indicators) > limit:
        params = {"field": "indikator", "count": len(indicators), "limit": limit}
        return [Problem(Code.SPBE114, ("indikator",), params, at="key")]
    problems = []
    for key, claim in indicators.items():
        evidence = claim.get("bukti_dukung") if isinstance(claim, dict) else None
        if isinstance(evidence, list) and len(evidence) > MAX_ENTRIES:
            where = path_of("indikator", key, "bukti_dukung")
            field = ".".join(where)
            params = {"field": field, "count": len(evidence), "limit": MAX_ENTRIES}
            problems.append(Problem(Code.SPBE114, where, params))
    return problems


def _check_year(year: Any) -> list[Problem]:
    """A year of 1,000 digits or -5 is no year; bool and other types are SPBE106's."""
    if not isinstance(year, int) or isinstance(year, bool) or YEARS[0] <= year <= YEARS[1]:
        return []
    shown = clip(str(year))
    return [Problem(Code.SPBE115, ("tahun",), {"got": shown, "min": YEARS[0], "max": YEARS[1]})]


_ONE_LINE_FIELDS = (("rubrik",), ("instansi",), ("instansi", "nama"), ("instansi", "jenis"))
_ONE_LINE_FIELDS += (("instansi", "provinsi"), ("tahap",))


def _check_text(data: dict[Any, Any]) -> list[Problem]:
    """SPBE112 for each text field holding a control or bidi character (model/characters.py).

    Runs on every file of a batch, so all text is gathered and searched twice (one-line and
    multi-line fields) first; only a file with a refused character is walked field by field.
    """
    one_line: list[str] = []
    multi_line: list[str] = []
    for path in _ONE_LINE_FIELDS:
        value = _at(data, path)
        if value.__class__ is str:
            one_line.append(value)
    indicators = data.get("indikator")
    for key, claim in indicators.items() if isinstance(indicators, dict) else ():
        if key.__class__ is str:
            one_line.append(key)
        if claim.__class__ is dict:
            text = claim.get("penjelasan")
            if text.__class__ is str:
                multi_line.append(text)
            evidence = claim.get("bukti_dukung")
            if evidence.__class__ is list:
                one_line += [item for item in evidence if item.__class__ is str]
    joined = " ".join(one_line)
    if unsafe_char(joined) is None and unsafe_char(" ".join(multi_line), multiline=True) is None:
        return []
    return list(_text_problems(data))


def _text_problems(data: dict[Any, Any]) -> Iterator[Problem]:
    for path in _ONE_LINE_FIELDS:
        value = _at(data, path)
        if isinstance(value, str):
            yield from _text_problem(path, value, ".".join(path))
    indicators = data.get("indikator")
    if not isinstance(indicators, dict):
        return
    for key, claim in indicators.items():
        shown = str(key)
        if isinstance(key, str) and unsafe_char(key) is not None:
            yield from _text_problem(("indikator", key), key, field="indikator", at="key")
            shown = "?"  # the message names the field, never the text it refuses
        if not isinstance(claim, dict):
            continue
        text = claim.get("penjelasan")
        field = f"indikator.{shown}.penjelasan"
        if isinstance(text, str):
            yield from _text_problem(("indikator", key, "penjelasan"), text, field, multiline=True)
        evidence = claim.get("bukti_dukung")
        for n, item in enumerate(evidence if isinstance(evidence, list) else []):
            if isinstance(item, str):
                where = path_of("indikator", key, "bukti_dukung", n)
                yield from _text_problem(where, item, f"indikator.{shown}.bukti_dukung.{n}")


def _at(data: dict[Any, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _text_problem(
    path: tuple[str, ...],
    value: str,
    field: str,
    *,
    multiline: bool = False,
    at: Literal["key", "value"] = "value",
) -> Iterator[Problem]:
    char = unsafe_char(value, multiline=multiline)
    if char is not None:
        yield Problem(Code.SPBE112, path, {"field": clip(field), "char": char}, at=at)


def _allowed_keys(path: tuple[str, ...]) -> list[str]:
    if path[:1] == ("instansi",):
        return field_names(Agency)
    if path[:1] == ("indikator",):
        return field_names(Entry)
    return ["rubrik", "instansi", "tahun", "tahap", "indikator"]


def _normalise_keys(data: dict[Any, Any]) -> tuple[dict[Any, Any], list[Problem]]:
    indicators = data.get("indikator")
    if not isinstance(indicators, dict):
        return data, []
    problems: list[Problem] = []
    normal: dict[str, Any] = {}
    written: dict[str, str] = {}
    for key, value in indicators.items():
        kind = key.__class__
        if kind is int:  # the usual id, written as a number: its text has no spaces to strip
            skey = str(key)
        elif (isinstance(key, int) and kind is not bool) or isinstance(key, str):
            skey = str(key).strip()
        else:
            skey = ""
        if skey in normal:
            # `"1"` beside `" 1"`: one id twice. The readers report it first (SPBE006 with both
            # places); this is the model's own guard, `first` for the caller to locate.
            params = {"key": skey, "first_line": "?", "first": written[skey]}
            problems.append(Problem(Code.SPBE006, path_of("indikator", key), params, at="key"))
        elif skey:
            normal[skey] = value
            written[skey] = str(key)
        else:
            shown = describe_input(key)
            example = int(key) if isinstance(key, Decimal) and key == int(key) else 1
            problems.append(
                Problem(
                    Code.SPBE110,
                    path_of("indikator", key),
                    {"id": shown, "example": example},
                    at="key",
                )
            )
    return {**data, "indikator": normal}, problems


def _as_level_problem(problem: Problem, rubric: Rubric | None) -> Problem:
    """A wrong type where a level belongs is a level problem, with the fix spelled out."""
    path = problem.path
    is_level = (
        len(path) >= 2 and path[0] == "indikator" and (len(path) == 2 or path[2:] == ("level",))
    )
    if problem.code != Code.SPBE106 or not is_level:
        return problem
    got = problem.params["got"]
    example = _example_level(got, rubric.by_key.get(path[1]) if rubric else None, rubric)
    return Problem(Code.SPBE103, path, {"id": path[1], "got": got, "example": example})


def _example_level(got: object, indicator: Indicator | None, rubric: Rubric | None) -> str:
    """The level the user most likely meant: the number written ("3", 3.0), the level a name
    stands for on this indicator's scale ("Optimum" is 5, "Kolaborasi" 4), a number inside the
    text ("level 3"); else the middle of the rubric's range."""
    text = str(got).strip("'")
    try:
        number = Decimal(text)
        # A bounded exponent first: int() of "1e999999999" would build a billion digits.
        small = number.is_finite() and abs(number.adjusted()) < 20
        if small and number == number.to_integral_value():
            return str(int(number))
    except ArithmeticError:
        pass
    if indicator is not None:
        for level, name in indicator.scale.levels.items():
            if name_key(name) == name_key(text):
                return str(level)
    low, high = (rubric.level_min, rubric.level_max) if rubric else (1, 5)
    for word in re.findall(r"\d+", text)[:3]:
        if len(word) < 4 and low <= int(word) <= high:
            return word
    return str((low + high + 1) // 2)


_QUOTED_NUMBER = re.compile(r"^'[+-]?\d{1,18}'$")


def _unquote_hint(problem: Problem) -> Problem:
    """`tahun: '2024'` is text in YAML: say to drop the quotes rather than only "not '2024'"."""
    got = problem.params.get("got")
    expected = problem.params.get("expected")
    wants_int = isinstance(expected, dict) and expected.get("catalogue") == "type.int"
    if problem.code != Code.SPBE106 or not wants_int or not isinstance(got, str):
        return problem
    if not _QUOTED_NUMBER.match(got):
        return problem
    hint = {"catalogue": "type.quoted_number", "got": got, "number": got.strip("'")}
    return replace(problem, params={**problem.params, "got": hint})


def _check_levels(indicators: dict[str, Any], rubric: Rubric, *, partial: bool) -> list[Problem]:
    """SPBE101 (unknown id), SPBE102 (level out of range), SPBE104 (missing levels)."""
    problems: list[Problem] = []
    by_key, low, high = rubric.by_key, rubric.level_min, rubric.level_max
    for key, claim in indicators.items():
        if key not in by_key:
            known = rubric.id_span
            params = {"id": key, "rubric": rubric.id, "known": known}
            problems.append(Problem(Code.SPBE101, path_of("indikator", key), params, at="key"))
            continue
        level = _raw_level(claim)
        is_level = isinstance(level, int) and not isinstance(level, bool)
        if is_level and not low <= level <= high:
            where = ("indikator", key, "level") if isinstance(claim, dict) else ("indikator", key)
            params = {"id": key, "level": level, "min": low, "max": high}
            problems.append(Problem(Code.SPBE102, where, params))
    missing = [i.key for i in rubric.indicators if _raw_level(indicators.get(i.key)) is None]
    if missing and not partial:
        problems.append(
            Problem(Code.SPBE104, ("indikator",), {"ids": ", ".join(missing)}, at="key")
        )
    return problems


def _raw_level(claim: Any) -> Any:
    """A claim's level before validation: the short form's value, or the long form's `level`."""
    return claim.get("level") if isinstance(claim, dict) else claim
