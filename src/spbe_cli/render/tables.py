"""What a human reads, as neutral tables: the text, Markdown and Rich renderers only lay them out.

Building the rows once keeps the three human formats saying exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spbe_cli.core.scoring import GroupScore, Index, Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.choices import Detail

Align = Literal["left", "right"]


@dataclass
class Table:
    title: str
    headers: list[str]
    align: list[Align]
    rows: list[list[str]] = field(default_factory=list)
    tones: list[int | None] = field(default_factory=list)
    """Per row, the predicate band rank (0 = lowest) for colouring; None for other rows."""
    tone_column: int | None = None
    """The column that holds the predicate, which a terminal colours by its band."""


@dataclass
class Report:
    heading: list[str]
    notices: list[str]
    tables: list[Table]


def index_text(index: Index) -> str:
    if index.settled:
        return str(index.value)
    return f"{index.value} … {index.high_value}"


def predicate_text(index: Index) -> str:
    if index.settled or index.predicate == index.high_predicate:
        return index.predicate
    return f"{index.predicate} … {index.high_predicate}"


def scorecard_report(card: Scorecard, lang: Lang, detail: Detail) -> Report:
    a = card.assessment
    rubric = card.rubric
    agency = a.agency
    heading = [
        text("score.title", lang, agency=agency.nama, year=a.tahun, stage=a.tahap),
        f"{text('rubric', lang)}: {rubric.id} ({rubric.regulation})",
        f"{text('index', lang)}: {index_text(card.index)} · "
        f"{text('predicate', lang)}: {predicate_text(card.index)}",
    ]
    tables = []
    if card.domains:
        tables.append(_groups_table(card, card.domains, "domain", lang))
    if detail in ("aspects", "indicators") or not card.domains:  # aspects are the top groups
        tables.append(_groups_table(card, card.aspects, "aspect", lang))
    if detail == "indicators":
        tables.append(_indicator_table(card, lang))
    return Report(heading, notices(card, lang), tables)


def provisional_notice(rubric: Rubric, lang: Lang) -> str:
    """What a provisional rubric's every use says: its status and what was and was not checked."""
    return text("provisional", lang, rubric=rubric.id, status=rubric.status, source=rubric.source)


def notices(card: Scorecard, lang: Lang) -> list[str]:
    out = []
    if card.rubric.provisional:
        out.append(provisional_notice(card.rubric, lang))
    if card.missing:
        i = card.index
        out.append(
            text(
                "partial.range",
                lang,
                missing=len(card.missing),
                low=i.value,
                low_pred=i.predicate,
                high=i.high_value,
                high_pred=i.high_predicate,
            )
        )
    return out


def _tone(card: Scorecard, index: Index) -> int:
    return card.rubric.predicate_rank(index.predicate)


def _groups_table(card: Scorecard, groups: tuple[GroupScore, ...], kind: str, lang: Lang) -> Table:
    with_domain = kind == "aspect" and bool(card.domains)
    headers = [text(kind, lang), text("name", lang)]
    align: list[Align] = ["right", "left"]
    if with_domain:
        headers.append(text("domain", lang))
        align.append("right")
    headers += [text("weight", lang), text("index.short", lang), text("predicate", lang)]
    align += ["right", "right", "left"]
    table = Table(f"{text(kind, lang)}", headers, align, tone_column=len(headers) - 1)
    for g in groups:
        row = [str(g.id), g.name]
        if with_domain:
            row.append(g.domain_key or "")
        row += [exact_text(g.weight), index_text(g.index), predicate_text(g.index)]
        table.rows.append(row)
        table.tones.append(_tone(card, g.index))
    return table


def _indicator_table(card: Scorecard, lang: Lang) -> Table:
    headers = [
        text("indicator", lang),
        text("name", lang),
        text("aspect", lang),
        text("weight", lang),
        text("level", lang),
        text("level.name", lang),
        text("contribution", lang),
        text("potential", lang),
    ]
    align: list[Align] = ["right", "left", "right", "right", "right", "left", "right", "right"]
    table = Table(text("indicator", lang), headers, align)
    for s in card.indicators:
        ind = s.indicator
        table.rows.append(
            [
                str(ind.id),
                ind.name,
                ind.aspect_key,
                exact_text(ind.weight),
                "–" if s.level is None else str(s.level),
                s.level_name,
                str(round_half_up(s.contribution, 4)),
                str(round_half_up(s.headroom, 4)),
            ]
        )
        table.tones.append(None)
    return table


def summary_report(cards: list[tuple[str, Scorecard]], lang: Lang) -> Report:
    same_rubric = len({c.rubric.id for _, c in cards}) == 1
    domains = cards[0][1].domains if cards and same_rubric else ()
    headers = [
        text(k, lang) for k in ("file", "agency", "year", "stage", "index.short", "predicate")
    ]
    headers += [f"D{d.id}" for d in domains]
    align: list[Align] = ["left", "left", "right", "left", "right", "left"] + ["right"] * len(
        domains
    )
    table = Table(text("summary.title", lang, count=len(cards)), headers, align, tone_column=5)
    for path, card in cards:
        row = [path, card.assessment.agency.nama, str(card.assessment.tahun), card.assessment.tahap]
        row += [index_text(card.index), predicate_text(card.index)]
        row += [index_text(d.index) for d in card.domains] if domains else []
        table.rows.append(row)
        table.tones.append(_tone(card, card.index))
    legend = [f"D{d.id} = {d.name}" for d in domains]
    provisional = sorted({c.rubric.id for _, c in cards if c.rubric.provisional})
    notes = [text("provisional.short", lang, rubric=r) for r in provisional]
    table.title = ""
    heading = [text("summary.title", lang, count=len(cards))]
    return Report(heading, notes + ([" · ".join(legend)] if legend else []), [table])
