"""Every word a user reads, in the regulation's Indonesian and in English: the one lookup, `text`.

Official terms from a rubric (predicates, level names, indicator names) are data and are never
translated; the catalogue holds only the tool's own words, each as (Indonesian, English), in one
module per area of this package. Where a message lives, so it is found without searching:

- a problem code SPBEnxx by its hundreds: 0xx files.py, 1xx assessment.py, 2xx rubric.py,
  3xx validate.py, 6xx plan.py (the codes themselves are `spbe_cli.model.codes.Code`);
- a key `area.something` in the module named `area` (diff.py holds every `diff.*` key);
- a word several reports share (a table heading) in common.py.

The lookup is here, in the package itself, and the areas are imported and merged on the first
`text` call, not with the package: every command imports it, and a run that prints nothing from
the catalogue (a valid `spbe score --format json`) then pays for one small module, a run that
does pays once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

Lang = Literal["id", "en"]
Message = tuple[str, str]  # (Indonesian, English)

# The area modules of this package, each holding one MESSAGES dict. A new area is listed here; a
# test checks that every module of the package is.
AREAS = (
    "common",  # table headings and labels shared by several reports
    "files",  # SPBE0xx: a file as a whole; the files spbe writes
    "assessment",  # SPBE1xx: an assessment's content; type names
    "rubric",  # SPBE2xx, `spbe rubric check`, provisional rubrics
    "score",  # `spbe score`: titles, the draft's range, thresholds
    "validate",  # SPBE35x warnings, SPBE36x thresholds, `spbe validate`, `spbe schema`
    "plan",  # SPBE6xx (costs file), `spbe plan`
    "rank",  # `spbe rank` and its summary
    "diff",  # `spbe diff`, the trend
    "report",  # `spbe report` (HTML) and `--format xlsx`
    "init",  # `spbe init`
    "usage",  # usage errors (exit 2), the internal-error line (exit 3)
    "workbook",  # workbooks: sheet names, headings, input messages (SPBE03x are in files)
    "convert",  # `spbe convert`
)

# Messages shown exactly as written, never formatted: their braces are the user's syntax, not
# placeholders (SPBE601 quotes a YAML mapping). `text` formats only when given parameters, so
# these must never be given any; the tests check both that and that no other message has braces
# that are not plain placeholders.
VERBATIM = frozenset({"SPBE601"})

_catalogue: dict[str, Message] | None = None


def merge(areas: Mapping[str, Mapping[str, Message]]) -> dict[str, Message]:
    """Every area's messages in one dict, refusing a key two areas define.

    A plain update would let the later area silently win, so a message could change its words
    because of an edit in an unrelated module.
    """
    merged: dict[str, Message] = {}
    for messages in areas.values():
        merged.update(messages)
    if len(merged) != sum(len(messages) for messages in areas.values()):
        homes: dict[str, list[str]] = {}
        for area, messages in areas.items():
            for key in messages:
                homes.setdefault(key, []).append(area)
        twice = {key: where for key, where in homes.items() if len(where) > 1}
        raise ValueError(f"message keys defined in more than one area: {twice}")
    return merged


def catalogue() -> dict[str, Message]:
    """Every message by key: the area modules, imported and merged once, on first use."""
    global _catalogue
    if _catalogue is None:
        from importlib import import_module

        modules = {area: import_module(f"spbe_cli.messages.{area}") for area in AREAS}
        _catalogue = merge({area: module.MESSAGES for area, module in modules.items()})
    return _catalogue


def text(message_id: str, lang: Lang = "id", /, **params: object) -> str:
    """The message `message_id` (a key or a `Code`) in `lang`, with its parameters filled in.

    Without parameters the words are returned as written, unformatted: that is the cheap path of
    most headings, and what lets a VERBATIM message show its braces. A number parameter is
    written as people read it in `lang` (`number`): 2,79 in Indonesian, a Fraction as a decimal.
    """
    indonesian, english = (_catalogue or catalogue())[message_id]
    template = english if lang == "en" else indonesian
    if not params:
        return template
    resolved = {name: _param(value, lang) for name, value in params.items()}
    return template.format(**resolved)


def _param(value: object, lang: Lang) -> object:
    kind = type(value)
    if kind is str or kind is int:  # the common parameters first
        return value
    if isinstance(value, dict) and "catalogue" in value:
        return _nested(value, lang)
    if isinstance(value, Decimal | Fraction):
        return number(value, lang)
    return value


def _nested(value: dict[str, object], lang: Lang) -> str:
    """A parameter that is itself a catalogue message, with its own parameters (rubric checks)."""
    inner = {k: v for k, v in value.items() if k != "catalogue"}
    return text(str(value["catalogue"]), lang, **inner)


AGENCIES_SHOWN = 5
"""Agencies a line names: a folder of a national round would otherwise list 600 of them."""


def agencies(names: Sequence[str]) -> str | dict[str, object]:
    """A message parameter naming agencies: all of up to five, else five and how many more (a
    nested message, so it is worded in the language the whole message is written in)."""
    shown = ", ".join(names[:AGENCIES_SHOWN])
    rest = len(names) - AGENCIES_SHOWN
    return shown if rest <= 0 else {"catalogue": "agencies.more", "names": shown, "count": rest}


# ---- Numbers as people read them ---------------------------------------------------------------

EXACT_PLACES = 6
"""An exact value that ends within this many decimals is shown in full (2.5975); a longer one is
cut, never rounded, to CUT_PLACES and marked with "…" (593/300 is 1.9766…), so a value just under
a threshold never looks equal to it. The renderers (render/figures.py, the HTML report's
render/report_figures.py) write exact values through `number` too."""
CUT_PLACES = 4


def number(value: Decimal | Fraction | int, lang: Lang) -> str:
    """A number for people: a decimal comma in Indonesian (2,79), as the ministry's reports write
    it, and a point in English. Machine formats (JSON, CSV, YAML, TOML) never come here."""
    shown = _fraction_text(value) if isinstance(value, Fraction) else str(value)
    return shown.replace(".", ",") if lang == "id" else shown


def _fraction_text(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    for places in range(1, EXACT_PLACES + 1):
        scaled = value * 10**places
        if scaled.denominator == 1:
            return str(Decimal(scaled.numerator).scaleb(-places))
    scaled = abs(value) * 10**CUT_PLACES
    digits = Decimal(scaled.numerator // scaled.denominator).scaleb(-CUT_PLACES)
    return f"{'-' if value < 0 else ''}{digits}…"
