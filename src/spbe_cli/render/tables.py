"""What a human reads, as neutral tables: the text, Markdown and Rich renderers only lay them out.

Building the rows once keeps the three human formats saying exactly the same thing. A table says
what each column is, so a layout can fit it to any width without shredding it (issue 14):

- a *figure* column (ids, numbers, ranks) is never wrapped;
- a *text* column wraps only between words;
- a *stacked* column (a long name) may leave the row and go on a line of its own under the
  figures when the table does not fit the width;
- a *droppable* column may be left out when nothing else fits;
- a *narrow* table is the same facts laid out for a narrow screen (the trend: one row per file).

Every cell is plain text as it came from the file: each layout escapes it for its own format
(`render/escape.py`), so no builder here has to remember to. Every heading and notice line starts
with spbe's own words, so no line of output begins with text from a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from spbe_cli.core.scoring import GroupScore, Index, Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.assessment import Assessment
from spbe_cli.model.rubric import Rubric
from spbe_cli.render import figures
from spbe_cli.render.choices import Detail
from spbe_cli.render.names import index_name
from spbe_cli.render.rows import PackedRows

Align = Literal["left", "right"]
Kind = Literal["figure", "text"]
RIGHT: Align = "right"
FIGURE: Kind = "figure"
TEXT: Kind = "text"


@dataclass
class Table:
    title: str
    headers: list[str]
    align: list[Align]
    rows: list[list[str]] | PackedRows = field(default_factory=list)
    """Lists of cells; a long table's as PackedRows (render/rows.py), read back the same way."""
    tones: list[int | None] = field(default_factory=list)
    """Per row, the predicate band rank (0 = lowest) for colouring; None for other rows."""
    tone_column: int | None = None
    """The column that holds the predicate, which a terminal colours by its band."""
    kinds: list[Kind] | None = None
    """Per column; by default right-aligned columns are figures and left-aligned ones text."""
    stack: tuple[int, ...] = ()
    """Long text columns that may go under the figures, on a line of their own, when too wide."""
    drop: tuple[int, ...] = ()
    """Columns that may be left out, first ones first, when nothing else fits the width."""
    narrow: Table | None = None
    """The same facts for a narrow screen, used when it needs fewer lines than this table."""
    clip: dict[int, int] = field(default_factory=dict)
    """Columns cut to this many lines, ending in "…", when the table is fitted to a width: only
    text whose whole is one command away (a criterion: `spbe rubric show ID`)."""

    def kind(self, column: int) -> Kind:
        if self.kinds is not None:
            return self.kinds[column]
        return "figure" if self.align[column] == "right" else "text"


@dataclass
class Report:
    heading: list[str]
    notices: list[str]
    tables: list[Table]


def index_text(index: Index, lang: Lang = "en") -> str:
    """An index as shown (a draft's as its range); without `lang`, with a decimal point."""
    if index.settled:
        return figures.decimal(index.value, lang)
    return f"{figures.decimal(index.value, lang)} … {figures.decimal(index.high_value, lang)}"


def predicate_text(index: Index) -> str:
    if index.settled or index.predicate == index.high_predicate:
        return index.predicate
    return f"{index.predicate} … {index.high_predicate}"


def subject(assessment: Assessment, lang: Lang) -> str:
    """Whose result, which year, which stage: `Pemerintah Kota Contoh · 2022 · tahap mandiri`."""
    parts = [assessment.agency.nama, str(assessment.tahun)]
    if assessment.tahap:
        parts.append(text("score.stage", lang, stage=assessment.tahap))
    return " · ".join(parts)


def status_text(rubric: Rubric, lang: Lang) -> str:
    """A rubric's status in the reader's language (the file says `verified` or `provisional`)."""
    key = "rubric.status.provisional" if rubric.provisional else "rubric.status.verified"
    return text(key, lang)


def scorecard_report(card: Scorecard, lang: Lang, detail: Detail) -> Report:
    rubric = card.rubric
    heading = [
        text("score.title", lang, subject=subject(card.assessment, lang)),
        f"{text('rubric', lang)}: {rubric.id} ({rubric.regulation})",
        f"{index_name(rubric, lang)}: {index_text(card.index, lang)} · "
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


def provisional_notice(rubric: Rubric, lang: Lang) -> list[str]:
    """What a provisional rubric's listing says: its status, and what was and was not checked.

    The rubric's `source` is written in English, so it is shown to English readers only; an
    Indonesian reader is told where to read it instead of meeting an English paragraph.
    """
    notice = text("provisional", lang, rubric=rubric.id)
    if lang == "en":
        return [f"{notice} {rubric.source}"]
    return [notice, text("provisional.source", lang, rubric=rubric.id)]


def provisional_short(rubric_id: str, lang: Lang) -> str:
    """The one line under any result of a provisional rubric."""
    return text("provisional.short", lang, rubric=rubric_id)


def notices(card: Scorecard, lang: Lang) -> list[str]:
    out = []
    if card.rubric.provisional:
        out.append(provisional_short(card.rubric.id, lang))
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
    table = Table(text(kind, lang), headers, align, tone_column=len(headers) - 1)
    table.drop = (2,) if with_domain else ()  # the aspects come in their domains' order anyway
    for g in groups:
        row = [str(g.id), g.name]
        if with_domain:
            row.append(g.domain_key or "")
        row += [figures.exact(g.weight, lang), index_text(g.index, lang), predicate_text(g.index)]
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
    table = Table(text("indicator", lang), headers, align, stack=(1,))
    decimals = card.rubric.decimals
    for s in card.indicators:
        ind = s.indicator
        table.rows.append(
            [
                str(ind.id),
                ind.name,
                ind.aspect_key,
                figures.exact(ind.weight, lang),
                "–" if s.level is None else str(s.level),
                s.level_name,
                figures.share(s.contribution, decimals, lang),
                figures.share(s.headroom, decimals, lang),
            ]
        )
        table.tones.append(None)
    return table


class SummaryRow(NamedTuple):
    """One file's line of the batch summary, made where the file was scored and all the summary
    keeps of it (issue 17): a folder of ten thousand files holds these, never scorecards."""

    cells: list[str]
    """File, agency, year, stage, index and predicate, then each domain's index (the row's
    number is its place, added when the rows are laid out)."""
    tone: int
    rubric: str
    provisional: bool
    domains: tuple[tuple[int | str, str], ...]
    """(id, name) of the rubric's domains, for the headers and legend."""
    bands: int
    """How many predicate bands the rubric has (the colours spread over the first file's)."""


def summary_row(path: str, card: Scorecard, lang: Lang) -> SummaryRow:
    a = card.assessment
    cells = [path, a.agency.nama, str(a.tahun), a.tahap or "–"]
    cells += [index_text(card.index, lang), predicate_text(card.index)]
    cells += [index_text(d.index, lang) for d in card.domains]
    heads = tuple((d.id, d.name) for d in card.domains)
    rubric = card.rubric
    return SummaryRow(
        cells, _tone(card, card.index), rubric.id, rubric.provisional, heads, len(rubric.bands)
    )


def summary_report(cards: Iterable[tuple[str, Scorecard]], lang: Lang) -> Report:
    """One row per file, numbered: the number, not the file's path, starts each row."""
    return summary_from_rows((summary_row(path, card, lang) for path, card in cards), lang)


def summary_from_rows(rows: Iterable[SummaryRow], lang: Lang) -> Report:
    """The summary of rows made by summary_row, taken one at a time as they arrive: each is kept
    as one packed row (render/rows.py) and a tone, never as the SummaryRow itself."""
    table_rows = PackedRows()
    tones: list[int | None] = []
    rubrics: set[str] = set()
    provisional: set[str] = set()
    first: SummaryRow | None = None
    for n, row in enumerate(rows, start=1):
        first = first or row
        table_rows.append([str(n), *row.cells])
        tones.append(row.tone)
        rubrics.add(row.rubric)
        if row.provisional:
            provisional.add(row.rubric)
    domains = first.domains if first is not None and len(rubrics) == 1 else ()
    keys = ("number", "file", "agency", "year", "stage", "index.short", "predicate")
    headers = [text(k, lang) for k in keys] + [f"D{ident}" for ident, _ in domains]
    align: list[Align] = ["right", "left", "left", "right", "left", "right", "left"]
    align += [RIGHT] * len(domains)
    kinds: list[Kind] = ["figure", "text", "text", "figure", "text", "figure", "text"]
    kinds += [FIGURE] * len(domains)
    table_rows.columns = None if domains else 7
    table = Table("", headers, align, table_rows, tones, tone_column=6, kinds=kinds, stack=(1, 2))
    legend = [f"D{ident} = {name}" for ident, name in domains]
    notes = [provisional_short(r, lang) for r in sorted(provisional)]
    if legend:
        notes.append(f"{text('domain', lang)}: {' · '.join(legend)}")
    heading = [text("summary.title", lang, count=len(table_rows))]
    return Report(heading, notes, [table])
