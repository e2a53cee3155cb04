"""`spbe score FOLDER -f xlsx`: one sheet per kind of row, every file's rows in it, streamed.

A national round is 600 files: a sheet per file (1,800 sheets) is a workbook nobody can open, so
the rows of every file go into one summary, one domain, one aspect and one indicator sheet, each
with the file and agency columns to filter on, plus the bands-and-levels sheet and the marker.
stream.py writes each sheet's rows to disk as they come, so memory stays flat whatever the
number of files (benchmarks/results.md has the figures). The formulas are as
live as in the one-file workbook: each index row sums its own file's block of indicator rows, and
predicates and level names look up that file's rubric's block on the bands-and-levels sheet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any, NamedTuple

from spbe_cli.core.scoring import GroupScore, Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Aspect, Domain, Rubric
from spbe_cli.model.workbook_format import column_letter
from spbe_cli.render.workbook.cells import (
    HEADING_FILL,
    Formula,
    exact_format,
    grain,
    number_format,
    operand,
    rank_fill,
)
from spbe_cli.render.workbook.formulas import Columns, group_formulas, ranges
from spbe_cli.render.workbook.scales import ScaleBlock, scale_rows
from spbe_cli.render.workbook.stream import StreamBook, StreamSheet, Style
from spbe_cli.render.workbook.tables import finish_book

INDEX_COLUMNS = ("index", "predicate", "exact", "low", "high")
IND = (
    "file", "agency", "id", "domain", "aspect", "name", "level", "level_name", "weight",
    "contribution",
)  # fmt: skip
ASPECT = ("file", "agency", "id", "domain", "name", "weight", *INDEX_COLUMNS, "band")
DOMAIN = ("file", "agency", "id", "name", "weight", *INDEX_COLUMNS, "band")
SUMMARY = (
    "file", "agency", "kind", "province", "year", "stage", "rubric", "weight", *INDEX_COLUMNS,
    "filled", "band",
)  # fmt: skip
WIDTHS = {
    "file": 28, "agency": 28, "kind": 12, "province": 14, "year": 7, "stage": 10, "rubric": 20,
    "id": 6, "domain": 8, "aspect": 7, "name": 48, "level": 8, "level_name": 18, "weight": 8,
    "contribution": 12, "index": 8, "predicate": 12, "exact": 12, "low": 14, "high": 14,
    "filled": 10, "band": 4,
}  # fmt: skip


def _headings(keys: Iterable[str], lang: Lang) -> dict[str, str]:
    words = {
        "file": text("file", lang),
        "agency": text("agency", lang),
        "kind": text("workbook.kind", lang),
        "province": text("workbook.province", lang),
        "year": text("year", lang),
        "stage": text("stage", lang),
        "rubric": text("rubric", lang),
        "id": "ID",
        "domain": text("domain", lang),
        "aspect": text("aspect", lang),
        "name": text("name", lang),
        "level": text("level", lang),
        "level_name": text("level.name", lang),
        "weight": text("weight", lang),
        "contribution": text("contribution", lang),
        "index": text("index.short", lang),
        "predicate": text("predicate", lang),
        "exact": text("xlsx.exact", lang),
        "low": text("workbook.low", lang),
        "high": text("workbook.high", lang),
        "filled": text("workbook.filled", lang),
        "band": "",
    }
    return {key: words[key] for key in keys}


class Sheet:
    """A streamed sheet with a styled heading row, filled by key."""

    def __init__(self, book: StreamBook, title: str, keys: tuple[str, ...], lang: Lang) -> None:
        self.keys = keys
        self.col = {key: n for n, key in enumerate(keys, start=1)}
        widths = [WIDTHS[key] for key in keys]
        hidden = frozenset(n for key, n in self.col.items() if key == "band")
        self.sheet = book.sheet(
            title,
            widths=widths,
            hidden_columns=hidden,
            freeze="C2",
            title_rows="$1:$1",
            footer=text("workbook.page", lang),
        )
        self.styles = book.styles
        heading = self.styles.of(Style(bold=True, fill=HEADING_FILL, wrap=True))
        words = list(_headings(keys, lang).values())
        self.sheet.append(words, [heading] * len(words), height=30)
        self.formats: dict[str, int] = {}
        self._styled: dict[tuple[tuple[str, str], ...], list[int]] = {}
        """Style ids by number formats: each of a rubric's few kinds of row, worked out once."""

    @property
    def rows(self) -> int:
        return self.sheet.rows

    @property
    def title(self) -> str:
        return self.sheet.title

    def letter(self, key: str) -> str:
        return column_letter(self.col[key])

    def add(self, values: dict[str, Any], formats: dict[str, str] | None = None) -> int:
        """Append a row of `values` by key; `formats` gives number formats by key."""
        key = tuple((formats or {}).items())
        styles = self._styled.get(key)
        if styles is None:
            styles = self._styled[key] = self._styles_for(formats or {})
        return self.sheet.append([values.get(key) for key in self.keys], styles)

    def _styles_for(self, formats: dict[str, str]) -> list[int]:
        styles = [0] * len(self.keys)
        for key, number in formats.items():
            style = self.formats.get(number)
            if style is None:
                style = self.formats[number] = self.styles.of(Style(number_format=number))
            styles[self.col[key] - 1] = style
        return styles

    def finish(self, bands: int) -> None:
        """Predicate colours and the filter, once every row is known."""
        last = max(self.rows, 2)
        if "predicate" in self.col:
            target = f"{self.letter('predicate')}2:{self.letter('predicate')}{last}"
            for rank in range(1, bands + 1):
                dxf = self.styles.conditional_fill(rank_fill(rank, bands))
                self.sheet.conditional(target, f"${self.letter('band')}2={rank}", dxf, rank)
        self.sheet.autofilter = f"A1:{column_letter(len(self.keys))}{last}"


@dataclass
class Rubrics:
    """Each rubric's block on the bands-and-levels sheet, written when the rubric is first met."""

    sheet: StreamSheet
    lang: Lang
    bands: int = 0

    def __post_init__(self) -> None:
        self.blocks: dict[int, ScaleBlock] = {}
        self.layouts: dict[int, Layout] = {}

    def layout(self, rubric: Rubric) -> Layout:
        """What every file of `rubric` shares, worked out once (600 files of one rubric: the
        steps and number formats were 40 % of the workbook's time when made per file)."""
        found = self.layouts.get(id(rubric))
        if found is None:
            found = self.layouts[id(rubric)] = Layout.of(rubric, self.block(rubric))
        return found

    def block(self, rubric: Rubric) -> ScaleBlock:
        found = self.blocks.get(id(rubric))
        if found is not None:
            return found
        if self.sheet.rows:
            self.sheet.append([])
        rows, block = scale_rows(rubric, self.sheet.title, self.sheet.rows + 1, self.lang)
        styles = self.sheet.styles
        heading = styles.of(Style(bold=True, fill=HEADING_FILL))
        title = styles.of(Style(bold=True))
        for values in rows:
            row = self.sheet.rows + 1
            style = heading if row in block.heading_rows else title if row == block.title_row else 0
            self.sheet.append(values, [style] * len(values))
        self.bands = max(self.bands, len(rubric.bands))
        self.blocks[id(rubric)] = block
        return block


@dataclass(frozen=True)
class Layout:
    """One rubric's constants in the batch workbook: its bands-and-levels block, the lookups
    from keys to groups and the number formats of each kind of row."""

    rubric: Rubric
    block: ScaleBlock
    aspects: dict[str, Aspect]
    domains: dict[str, Domain]
    domain_ids: dict[str, str]
    total: str
    indicator_formats: dict[str, str]
    domain_formats: dict[str, dict[str, str]]
    aspect_formats: dict[str, dict[str, str]]
    summary_formats: dict[str, str]

    @classmethod
    def of(cls, rubric: Rubric, block: ScaleBlock) -> Layout:
        shown = number_format(rubric.decimals)

        def index_formats(step: Any, weight: Any) -> dict[str, str]:
            exact = exact_format(rubric, step)
            return {"index": shown, "low": shown, "high": shown, "exact": exact,
                    "weight": exact_format(rubric, weight)}  # fmt: skip

        def group_formats(group: Domain | Aspect) -> dict[str, str]:
            return index_formats(
                grain(i.weight for i in group.indicators) / group.weight, group.weight
            )

        overall = grain(i.weight for i in rubric.indicators)
        return cls(
            rubric=rubric,
            block=block,
            aspects={a.key: a for a in rubric.aspects},
            domains={d.key: d for d in rubric.domains},
            domain_ids={d.key: d.id for d in rubric.domains},
            total=operand(rubric.total_weight),
            indicator_formats={
                "weight": exact_format(rubric, overall),
                "contribution": exact_format(rubric, grain(i.step for i in rubric.indicators)),
            },
            domain_formats={d.key: group_formats(d) for d in rubric.domains},
            aspect_formats={a.key: group_formats(a) for a in rubric.aspects},
            summary_formats=index_formats(overall / rubric.total_weight, rubric.total_weight),
        )


def batch_workbook(cards: Iterable[tuple[str, Scorecard]], lang: Lang, out: IO[bytes]) -> None:
    """Every file's rows in four sheets, streamed; bands and levels per rubric; the marker.

    The package goes straight into `out` (the -o file being written): 10,000 files make a
    workbook of about 50 MB, which a bytes value would hold in memory twice."""
    book = StreamBook()
    summary = Sheet(book, text("xlsx.sheet.summary", lang), SUMMARY, lang)
    domains = Sheet(book, text("xlsx.sheet.domains", lang), DOMAIN, lang)
    aspects = Sheet(book, text("xlsx.sheet.aspects", lang), ASPECT, lang)
    indicators = Sheet(book, text("xlsx.sheet.indicators", lang), IND, lang)
    scales = book.sheet(text("workbook.sheet.scales", lang), widths=(30, 18, 18, 18, 18, 18, 18))
    rubrics = Rubrics(scales, lang)
    where = Columns(indicators.title, indicators.col["level"], indicators.col["weight"])
    count = 0
    for path, card in cards:
        count += 1
        layout = rubrics.layout(card.rubric)
        rows = _indicators(indicators, path, card, layout)
        _summary_row(summary, path, card, layout, where, rows)
        for sheet, groups, source, formats in (
            (domains, card.domains, card.rubric.domains, layout.domain_formats),
            (aspects, card.aspects, card.rubric.aspects, layout.aspect_formats),
        ):
            for scored, group in zip(groups, source, strict=True):
                members = [rows[i.key] for i in group.indicators]
                row = _GroupRow(scored, group, formats[group.key], members)
                _group_row(sheet, path, card, layout, where, row)
    for sheet in (summary, domains, aspects, indicators):
        sheet.finish(rubrics.bands)
    finish_book(book, "scores", lang, f"{text('index', lang)} · {count}", out)


def _indicators(sheet: Sheet, path: str, card: Scorecard, layout: Layout) -> dict[str, int]:
    level, weight = sheet.letter("level"), sheet.letter("weight")
    name = card.assessment.agency.nama
    rows: dict[str, int] = {}
    for s in card.indicators:
        ind = s.indicator
        aspect = layout.aspects[ind.aspect_key]
        domain = layout.domains.get(aspect.domain_key or "")
        r = sheet.rows + 1
        here = f"{level}{r}"
        values = {
            "file": path,
            "agency": name,
            "id": ind.id,
            "domain": domain.id if domain else None,
            "aspect": aspect.id,
            "name": ind.name,
            "level": s.level,
            "level_name": layout.block.level_name(ind.scale.id, here),
            "weight": ind.weight,
            "contribution": Formula(f'IF(ISNUMBER({here}),{here}*{weight}{r}/{layout.total},"")'),
        }
        rows[ind.key] = sheet.add(values, layout.indicator_formats)
    return rows


def _index_cells(
    sheet: Sheet, layout: Layout, where: Columns, members: list[int]
) -> dict[str, Any]:
    r = sheet.rows + 1
    exact, weight = f"{sheet.letter('exact')}{r}", f"{sheet.letter('weight')}{r}"
    formulas = group_formulas(where, members, weight, exact, layout.rubric)
    return {
        "index": formulas["index"],
        "predicate": layout.block.predicate(exact),
        "exact": formulas["exact"],
        "low": formulas["low"],
        "high": formulas["high"],
        "band": layout.block.band(exact),
    }


class _GroupRow(NamedTuple):
    scored: GroupScore
    group: Domain | Aspect
    formats: dict[str, str]
    members: list[int]


def _group_row(
    sheet: Sheet, path: str, card: Scorecard, layout: Layout, where: Columns, row: _GroupRow
) -> None:
    values = _index_cells(sheet, layout, where, row.members)
    values.update(
        {
            "file": path,
            "agency": card.assessment.agency.nama,
            "id": row.group.id,
            "domain": layout.domain_ids.get(row.scored.domain_key or ""),
            "name": row.group.name,
            "weight": row.group.weight,
        }
    )
    sheet.add(values, row.formats)


def _summary_row(
    sheet: Sheet, path: str, card: Scorecard, layout: Layout, where: Columns, rows: dict[str, int]
) -> None:
    rubric, a = card.rubric, card.assessment
    members = sorted(rows.values())
    values = _index_cells(sheet, layout, where, members)
    levels = ",".join(ranges(where.sheet, where.level, members))
    filled = f'COUNT({levels})&" / {len(members)}"'
    values.update(
        {
            "file": path,
            "agency": a.agency.nama,
            "kind": a.agency.jenis,
            "province": a.agency.provinsi,
            "year": a.tahun,
            "stage": a.tahap,
            "rubric": rubric.id,
            "weight": rubric.total_weight,
            "filled": Formula(filled),
        }
    )
    sheet.add(values, layout.summary_formats)
