"""`spbe init`: a ready-to-fill self-assessment for a rubric, as YAML or TOML text.

Pure: a Rubric and options in, text out; the CLI reads files and writes the result. Every
indicator of the rubric is present with its level left empty (null in YAML, no `level` key in
TOML, since TOML has no null), so validation reports exactly what is still missing (SPBE104) and
`spbe score --partial` scores the draft. Comments above each indicator carry its name, question
and level criteria, so the official filling it in needs nothing else open.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from spbe_cli.messages import Lang, text
from spbe_cli.model.assessment import Agency, Assessment
from spbe_cli.model.rubric import Aspect, Indicator, Rubric, era_years
from spbe_cli.render.figures import exact as human_exact

TemplateFormat = Literal["yaml", "toml"]
WIDTH = 96


@dataclass(frozen=True)
class Carried:
    """Last year's entry for one indicator; `dropped` is a level outside this rubric's range."""

    level: int | None
    penjelasan: str
    bukti_dukung: tuple[str, ...]
    dropped: int | None = None


@dataclass(frozen=True)
class Previous:
    """Where pre-filled content came from, for the header comment."""

    file: str
    year: int
    rubric: str
    same_rubric: bool
    entries: dict[str, Carried]


@dataclass(frozen=True)
class InitOptions:
    rubric_ref: str
    """What `rubrik:` says: a bundled id, or a path relative to the new file's folder."""
    agency: Agency
    year: int
    bundled: bool
    previous: Previous | None = None
    lang: Lang = "id"
    schema: str | None = None
    """The editor schema line's target, relative to the new file (`../schemas/<id>.schema.json`),
    when such a file exists; None gives a comment on how to write one (`spbe schema -o`), never a
    guessed address."""


def rubric_for_year(rubrics: Iterable[Rubric], year: int) -> Rubric | None:
    """The bundled rubric whose era ("2021-2025", "2026-") covers `year`, read from the data."""
    for rubric in rubrics:
        years = era_years(rubric.era)
        if years and years[0] <= year and (years[1] is None or year <= years[1]):
            return rubric
    return None


def carry_over(rubric: Rubric, last: Assessment, file: str, *, same_rubric: bool) -> Previous:
    """Last year's levels, explanations and evidence for the ids this rubric has."""
    entries: dict[str, Carried] = {}
    for ind in rubric.indicators:
        entry = last.entry(ind.key)
        if entry is None:
            continue
        level, dropped = entry.level, None
        if level is not None and not rubric.level_min <= level <= rubric.level_max:
            level, dropped = None, level
        bukti = tuple(entry.bukti_dukung or ())
        entries[ind.key] = Carried(level, entry.penjelasan or "", bukti, dropped)
    return Previous(file, last.tahun, last.rubrik, same_rubric, entries)


def render(rubric: Rubric, options: InitOptions, fmt: TemplateFormat) -> str:
    return render_toml(rubric, options) if fmt == "toml" else render_yaml(rubric, options)


# --- comments shared by both formats -------------------------------------------------------


def _comment(line: str, indent: str = "", hang: str = "") -> list[str]:
    """One comment paragraph wrapped to WIDTH; comments never hold a line break of the data."""
    lead = line[: len(line) - len(line.lstrip())]
    flat = " ".join(line.split())
    if not flat:
        return [f"{indent}#"]
    width = max(WIDTH - len(indent) - 2, 40)
    lines = textwrap.wrap(
        flat, width, initial_indent=lead, subsequent_indent=hang, break_on_hyphens=False
    )
    return [f"{indent}# {part}" for part in lines]


def _header(rubric: Rubric, options: InitOptions) -> list[str]:
    lang = options.lang
    title = text("init.title", lang, title=rubric.title, regulation=rubric.regulation, id=rubric.id)
    out = _comment(title)
    out += _comment(text("init.fill", lang, min=rubric.level_min, max=rubric.level_max))
    if rubric.provisional:  # the rubric's source is English: quoted in English templates only
        out += _comment(text("init.provisional", lang, rubric=rubric.id))
        if lang == "en":
            out += _comment(rubric.source)
    if options.schema is None:
        shown = options.rubric_ref if not options.bundled else rubric.id
        out += _comment(text("init.schema_howto", lang, rubric=shown, id=rubric.id))
    prev = options.previous
    if prev is not None:
        out += _comment(text("init.from", lang, file=prev.file, year=prev.year))
        if not prev.same_rubric:
            out += _comment(text("init.from_other", lang, file=prev.file, rubric=prev.rubric))
    return out


def _group_comments(rubric: Rubric, aspect: Aspect, lang: Lang, indent: str) -> list[str]:
    out: list[str] = []
    weight = text("weight", lang).lower()
    if aspect.domain_key is not None and _first_of_domain(rubric, aspect):
        domain = next(d for d in rubric.domains if d.key == aspect.domain_key)
        label = f"{text('domain', lang)} {domain.id} · {domain.name}"
        label += f" ({weight} {human_exact(domain.weight, lang)})"
        out += ["", f"{indent}# {'=' * 8} {label} {'=' * 8}"]
    shown = human_exact(aspect.weight, lang)
    label = f"{text('aspect', lang)} {aspect.id} · {aspect.name} ({weight} {shown})"
    out += ["", f"{indent}# {'-' * 4} {label} {'-' * 4}"]
    return out


def _first_of_domain(rubric: Rubric, aspect: Aspect) -> bool:
    same = [a for a in rubric.aspects if a.domain_key == aspect.domain_key]
    return same[0] is aspect


def _indicator_comments(
    rubric: Rubric, ind: Indicator, options: InitOptions, indent: str
) -> list[str]:
    lang = options.lang
    weight = text("weight", lang).lower()
    out = [""]
    out += _comment(
        f"{text('indicator', lang)} {ind.id} · {ind.name} "
        f"({weight} {human_exact(ind.weight, lang)})",
        indent,
    )
    if ind.question:
        out += _comment(f"{text('question', lang)}: {ind.question}", indent, "  ")
    levels = range(rubric.level_min, rubric.level_max + 1)
    if ind.criteria:
        for level in levels:
            criterion = ind.criteria.get(level, "")
            out += _comment(
                f"  {level} {ind.level_name(level)}: {criterion}".rstrip(": "), indent, "      "
            )
    else:
        names = " · ".join(f"{level} {ind.level_name(level)}" for level in levels)
        out += _comment(f"{text('level', lang)}: {names}", indent, "  ")
    carried = options.previous.entries.get(ind.key) if options.previous else None
    if carried is not None and carried.dropped is not None:
        note = text(
            "init.dropped", lang, level=carried.dropped, min=rubric.level_min, max=rubric.level_max
        )
        out += _comment(note, indent)
    return out


def _sections(
    rubric: Rubric, options: InitOptions, indent: str
) -> Iterator[tuple[list[str], Indicator]]:
    """Each indicator with the comment lines that go above it (group headings included)."""
    for aspect in rubric.aspects:
        heading = _group_comments(rubric, aspect, options.lang, indent)
        for n, ind in enumerate(aspect.indicators):
            lines = heading if n == 0 else []
            yield lines + _indicator_comments(rubric, ind, options, indent), ind


def _choices(names: tuple[str, ...], lang: Lang) -> str:
    """The rubric's list for a comment, or a word that any name will do when it has none."""
    return ", ".join(names) if names else text("init.any_name", lang)


def _entry(options: InitOptions, key: str) -> Carried:
    carried = options.previous.entries.get(key) if options.previous else None
    return carried or Carried(None, "", ())


# --- YAML ----------------------------------------------------------------------------------


def _y(value: Any) -> str:
    """A YAML scalar or flow list: JSON's quoting is valid YAML and keeps every character.

    Except the characters YAML 1.1 may not hold raw (C1 controls, DEL, a lone surrogate) or
    reads as line breaks inside a quoted scalar and folds (NEL, U+2028, U+2029): those are
    written as `\\uXXXX` escapes, which both JSON and YAML read back as the same character.
    """
    if isinstance(value, str | list | tuple):
        dumped = json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
        return _YAML_RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
    return str(value)


_YAML_RAW_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


_YAML11_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])
"""Plain words YAML 1.1 reads as booleans or null: a stage called `no` must be quoted."""


def _y_name(value: str) -> str:
    """A name as a plain YAML word when it reads back as the same text, quoted otherwise."""
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", value) and value.lower() not in _YAML11_WORDS
    return value if plain else _y(value)


def _yaml_key(ind: Indicator) -> str:
    return str(ind.id) if isinstance(ind.id, int) else json.dumps(ind.id, ensure_ascii=False)


def render_yaml(rubric: Rubric, options: InitOptions) -> str:
    lang = options.lang
    lines: list[str] = []
    if options.schema is not None:
        lines += [f"# yaml-language-server: $schema={options.schema}", "#"]
    lines += _header(rubric, options)
    ref = options.rubric_ref
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*|\.{0,2}/[A-Za-z0-9_./-]+", ref)
    lines += [f"rubrik: {ref if plain else _y(ref)}", "instansi:"]
    lines += _yaml_agency(rubric, options.agency, lang)
    stages = f"{text('init.stages', lang)}: {_choices(rubric.stages, lang)}"
    lines += [f"tahun: {options.year}", f"tahap: {_y_name(rubric.default_stage)}  # {stages}"]
    lines.append("indikator:")
    hint = text("init.level_hint", lang, min=rubric.level_min, max=rubric.level_max)
    for comments, ind in _sections(rubric, options, "  "):
        entry = _entry(options, ind.key)
        lines += comments
        lines.append(f"  {_yaml_key(ind)}:")
        level = f" {entry.level}" if entry.level is not None else f"  # {hint}"
        lines.append(f"    level:{level}")
        lines.append(f"    penjelasan: {_y(entry.penjelasan)}")
        lines.append(f"    bukti_dukung: {_y(entry.bukti_dukung)}")
    return "\n".join(lines) + "\n"


def _yaml_agency(rubric: Rubric, agency: Agency, lang: Lang) -> list[str]:
    optional = text("init.optional", lang)
    kinds = rubric.agency_kinds
    nama = f"  nama: {_y(agency.nama)}"
    lines = [nama if agency.nama else f"{nama}  # {text('init.agency', lang)}"]
    if agency.jenis:
        lines.append(f"  jenis: {agency.jenis}")
    else:
        example = _y_name(kinds[-1]) if kinds else ""
        lines.append(f"  # jenis: {example}  # {optional}: {_choices(kinds, lang)}")
    if agency.provinsi:
        lines.append(f"  provinsi: {_y(agency.provinsi)}")
    else:
        lines.append(f"  # provinsi:  # {optional}")
    return lines


# --- TOML ----------------------------------------------------------------------------------


def render_toml(rubric: Rubric, options: InitOptions) -> str:
    """TOML through tomli_w, fragment by fragment, so comments can sit between the tables."""
    import tomli_w

    lang = options.lang
    lines: list[str] = []
    if options.schema is not None:
        lines += [f"#:schema {options.schema}", "#"]
    lines += _header(rubric, options)
    top = {"rubrik": options.rubric_ref, "tahun": options.year, "tahap": rubric.default_stage}
    lines += tomli_w.dumps(top).splitlines()
    lines.append(f"# {text('init.stages', lang)}: {_choices(rubric.stages, lang)}")
    lines.append("")
    lines += tomli_w.dumps({"instansi": _toml_agency(options.agency)}).splitlines()
    if not options.agency.jenis:
        kinds = rubric.agency_kinds
        example = tomli_w.dumps({"jenis": kinds[-1] if kinds else ""}).strip()
        optional = text("init.optional", lang)
        lines.append(f"# {example}  # {optional}: {_choices(kinds, lang)}")
    if not options.agency.provinsi:
        lines.append(f'# provinsi = ""  # {text("init.optional", lang)}')
    hint = text("init.level_hint", lang, min=rubric.level_min, max=rubric.level_max)
    for comments, ind in _sections(rubric, options, ""):
        entry = _entry(options, ind.key)
        table: dict[str, Any] = {}
        if entry.level is not None:
            table["level"] = entry.level
        table["penjelasan"] = entry.penjelasan
        table["bukti_dukung"] = list(entry.bukti_dukung)
        fragment = tomli_w.dumps({"indikator": {ind.key: table}}).splitlines()
        lines += comments
        lines.append(fragment[0])
        if entry.level is None:
            lines.append(f"# level =   # {hint}")
        lines += fragment[1:]
    return "\n".join(lines) + "\n"


def _toml_agency(agency: Agency) -> dict[str, str]:
    out = {"nama": agency.nama}
    if agency.jenis:
        out["jenis"] = agency.jenis
    if agency.provinsi:
        out["provinsi"] = agency.provinsi
    return out
