"""`--format xlsx` for score, diff and rank: workbooks an official can open and play "what if" with.

One sheet per table. Numbers are numbers shown with two decimals; the exact value travels in a
text column beside them. Indices are live formulas over the level and weight cells where that
is simple (contribution = level × weight / total weight, index = ROUND(SUMPRODUCT(levels, weights)
/ group weight, 2)), so changing a level in Excel recomputes the index with the same rounding:
Excel's ROUND takes halves away from zero, which is our half-up for these non-negative values. A
weight that is not a finite decimal (20/6 in 5/2018) is written as the formula =20/6, never as a
float; the total weight is the rubric's (`total_weight`, 100 in every SPBE regulation), written
into each formula the same way.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import IO, Any

from spbe_cli.core.diff import Comparison, Trend
from spbe_cli.core.rank import Ranked, Ranking
from spbe_cli.core.results import ComparisonResult, RankResult, ScoreResult, TrendResult
from spbe_cli.core.scoring import GroupScore, Index, Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.base import Renderer
from spbe_cli.render.palette import PALETTE as BAND_PALETTE
from spbe_cli.render.palette import band_slot

SHOWN = "0.00"
PALETTE = tuple(colour.fill.lstrip("#").upper() for colour in BAND_PALETTE)
"""Fills from the lowest band to the highest: render/palette.py's, as the HTML report's."""


def exact_number(value: Fraction) -> Decimal | str:
    """A finite decimal as a Decimal (written verbatim), otherwise a formula such as =20/6."""
    shown = exact_text(value)
    return f"={value.numerator}/{value.denominator}" if "/" in shown else Decimal(shown)


def divisor(value: Fraction) -> str:
    """An exact number as a formula operand: 100, 62.5, or (200/3) in parentheses."""
    shown = exact_text(value)
    return f"({value.numerator}/{value.denominator})" if "/" in shown else shown


def band_fill(rubric: Rubric, predicate: str) -> Any:
    from openpyxl.styles import PatternFill

    slot = band_slot(rubric.predicate_rank(predicate), len(rubric.bands))  # as HTML and terminal
    colour = PALETTE[slot]
    return PatternFill(start_color=colour, end_color=colour, fill_type="solid")


class Sheet:
    """A worksheet filled row by row, with a frozen bold header and columns sized at the end."""

    def __init__(self, book: Any, title: str, headers: Sequence[str]) -> None:
        from openpyxl.styles import Font

        self.ws = book.create_sheet(title=title[:31])
        self.ws.append(list(headers))
        for cell in self.ws[1]:
            cell.font = Font(bold=True)
        self.ws.freeze_panes = "A2"

    @property
    def next_row(self) -> int:
        return self.ws.max_row + 1

    def add(self, values: Sequence[Any], *, numeric: Sequence[int] = ()) -> int:
        """Append a row; the 1-based columns in `numeric` display two decimals."""
        self.ws.append(list(values))
        row = self.ws.max_row
        for col in numeric:
            self.ws.cell(row=row, column=col).number_format = SHOWN
        return row

    def fill(self, row: int, col: int, rubric: Rubric, predicate: str) -> None:
        self.ws.cell(row=row, column=col).fill = band_fill(rubric, predicate)

    def size(self) -> None:
        from openpyxl.utils import get_column_letter

        for n, column in enumerate(self.ws.iter_cols(), start=1):
            longest = max((len(str(c.value)) for c in column if c.value is not None), default=4)
            width = min(max(longest, 6), 60) + 2
            self.ws.column_dimensions[get_column_letter(n)].width = width


def _book() -> Any:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def _bytes(book: Any, sheets: list[Sheet]) -> bytes:
    for sheet in sheets:
        sheet.size()
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ref(sheet: Sheet, col: str, first: int, last: int) -> str:
    title = sheet.ws.title.replace("'", "''")
    return f"'{title}'!${col}${first}:${col}${last}"


def _index_cell(index: Index, formula: str | None) -> Any:
    """A formula where it is exact to Excel's ROUND; the displayed value otherwise (a draft)."""
    return formula if formula is not None and index.settled else index.value


# ---- spbe score ----------------------------------------------------------------------------

IND_HEADERS = (
    "domain", "aspect", "indicator", "name", "level", "level.name", "weight", "xlsx.exact",
    "contribution", "xlsx.exact",
)  # fmt: skip


def _indicator_sheet(book: Any, title: str, card: Scorecard, lang: Lang) -> tuple[Sheet, dict]:
    """Columns E (level) and G (weight) feed every formula; returns each indicator's row."""
    sheet = Sheet(book, title, [text(h, lang) for h in IND_HEADERS])
    aspects = {a.key: a for a in card.rubric.aspects}
    domains = {d.key: d for d in card.rubric.domains}
    rows: dict[str, int] = {}
    total = divisor(card.rubric.total_weight)
    for s in card.indicators:
        ind = s.indicator
        aspect = aspects[ind.aspect_key]
        domain = domains.get(aspect.domain_key or "")
        row = sheet.next_row
        sheet.add(
            [
                domain.id if domain else None, aspect.id, ind.id, ind.name, s.level, s.level_name,
                exact_number(ind.weight), exact_text(ind.weight),
                f"=E{row}*G{row}/{total}" if s.level is not None else s.contribution,
                exact_text(s.contribution),
            ],
            numeric=(7, 9),
        )  # fmt: skip
        rows[ind.key] = row
    return sheet, rows


def _sumproduct(ind: Sheet, rows: list[int], divisor: str, decimals: int) -> str | None:
    """ROUND(SUMPRODUCT(levels, weights)/divisor) when the rows are one block, else None."""
    if not rows or rows != list(range(rows[0], rows[0] + len(rows))):
        return None
    levels, weights = _ref(ind, "E", rows[0], rows[-1]), _ref(ind, "G", rows[0], rows[-1])
    return f"=ROUND(SUMPRODUCT({levels},{weights})/{divisor},{decimals})"


def _group_sheet(
    book: Any,
    title: str,
    groups: Sequence[GroupScore],
    card: Scorecard,
    ind: Sheet,
    rows: dict,
    lang: Lang,
) -> Sheet:
    rubric = card.rubric
    kind = groups[0].kind if groups else "aspect"
    source = rubric.domains if kind == "domain" else rubric.aspects  # keys repeat across kinds
    members = {g.key: g.indicators for g in source}
    headers = [kind, "name", "weight", "xlsx.exact", "index.short", "xlsx.exact", "predicate"]
    sheet = Sheet(book, title, [text(h, lang) for h in headers])
    for g in groups:
        row = sheet.next_row
        block = [rows[i.key] for i in members[g.key]]
        formula = _sumproduct(ind, block, f"C{row}", rubric.decimals)
        values = [g.id, g.name, exact_number(g.weight), exact_text(g.weight)]
        values += [_index_cell(g.index, formula), exact_text(g.index.exact), g.index.predicate]
        sheet.add(values, numeric=(3, 5))
        sheet.fill(row, 7, rubric, g.index.predicate)
    return sheet


def scores_workbook(cards: Sequence[tuple[str, Scorecard]], lang: Lang) -> bytes:
    """A summary sheet, then per file its indicators, aspects and domains with live formulas."""
    book = _book()
    headers = ["file", "agency", "year", "stage", "rubric", "index", "xlsx.exact", "predicate"]
    summary = Sheet(book, text("xlsx.sheet.summary", lang), [text(h, lang) for h in headers])
    sheets = [summary]
    for n, (path, card) in enumerate(cards, start=1):
        suffix = "" if len(cards) == 1 else f" {n}"
        ind, rows = _indicator_sheet(book, text("xlsx.sheet.indicators", lang) + suffix, card, lang)
        sheets.append(ind)
        for key, groups in (("aspects", card.aspects), ("domains", card.domains)):
            if groups:
                title = text(f"xlsx.sheet.{key}", lang) + suffix
                sheets.append(_group_sheet(book, title, groups, card, ind, rows, lang))
        a = card.assessment
        total = divisor(card.rubric.total_weight)
        formula = _sumproduct(ind, sorted(rows.values()), total, card.rubric.decimals)
        row = summary.next_row
        summary.add(
            [path, a.agency.nama, a.tahun, a.tahap, card.rubric.id,
             _index_cell(card.index, formula), exact_text(card.index.exact), card.index.predicate],
            numeric=(6,),
        )  # fmt: skip
        summary.fill(row, 8, card.rubric, card.index.predicate)
    return _bytes(book, sheets)


# ---- spbe diff -----------------------------------------------------------------------------


def comparison_workbook(cmp: Comparison, lang: Lang) -> bytes:
    """Index, domains and aspects old → new (change = new − old of the shown values), indicators."""
    book = _book()
    headers = [
        "diff.note", "indicator", "name", "diff.old", "diff.new", "diff.delta", "xlsx.exact",
        "predicate", "predicate",
    ]  # fmt: skip
    groups = Sheet(book, text("xlsx.sheet.index", lang), [text(h, lang) for h in headers])
    groups.ws.cell(row=1, column=2).value = "ID"
    groups.ws.cell(row=1, column=8).value = f"{text('predicate', lang)} ({text('diff.old', lang)})"
    groups.ws.cell(row=1, column=9).value = f"{text('predicate', lang)} ({text('diff.new', lang)})"
    rows = [(text("index", lang), "", "", cmp.index)]
    rows += [(text(g.kind, lang), g.id, g.name, g.change) for g in (*cmp.domains, *cmp.aspects)]
    for kind, ident, name, change in rows:
        row = groups.next_row
        groups.add(
            [kind, ident, name, change.old.value, change.new.value, f"=E{row}-D{row}",
             exact_text(change.delta_exact), change.old.predicate, change.new.predicate],
            numeric=(4, 5, 6),
        )  # fmt: skip
        groups.fill(row, 8, cmp.old.rubric, change.old.predicate)
        groups.fill(row, 9, cmp.new.rubric, change.new.predicate)
    sheets = [groups]
    if cmp.comparable_indicators:
        sheets.append(_changes_sheet(book, cmp, lang))
    return _bytes(book, sheets)


def _changes_sheet(book: Any, cmp: Comparison, lang: Lang) -> Sheet:
    headers = ["indicator", "name", "weight", "diff.old", "diff.new", "diff.effect", "xlsx.exact"]
    sheet = Sheet(book, text("xlsx.sheet.indicators", lang), [text(h, lang) for h in headers])
    total = divisor(cmp.new.rubric.total_weight)  # indicators pair only within one rubric
    for c in cmp.indicators:
        row = sheet.next_row
        both = c.old_level is not None and c.new_level is not None
        effect = f"=(E{row}-D{row})*C{row}/{total}" if both else c.effect
        sheet.add(
            [c.indicator.id, c.indicator.name, exact_number(c.indicator.weight), c.old_level,
             c.new_level, effect, exact_text(c.effect)],
            numeric=(3, 6),
        )  # fmt: skip
    return sheet


def trend_workbook(tr: Trend, paths: Sequence[str], lang: Lang) -> bytes:
    """One row per series (index, shared domains), one column per file in trend order."""
    book = _book()
    labels = [f"{c.assessment.tahun} {c.assessment.tahap}" for c in tr.cards]
    exact_cols = [f"{label} ({text('xlsx.exact', lang)})" for label in labels]
    sheet = Sheet(book, text("xlsx.sheet.trend", lang), ["", *labels, *exact_cols])
    count = len(labels)
    numeric = tuple(range(2, 2 + count))
    series = [(text("index", lang), tr.index.points)]
    series += [(f"{text('domain', lang)} {s.id} {s.name}", s.points) for s in tr.domains]
    for name, points in series:
        sheet.add([name, *(p.value for p in points), *(exact_text(p.exact) for p in points)],
                  numeric=numeric)  # fmt: skip
    row = sheet.add([text("predicate", lang), *(p.predicate for p in tr.index.points)])
    for n, (card, point) in enumerate(zip(tr.cards, tr.index.points, strict=True), start=2):
        sheet.fill(row, n, card.rubric, point.predicate)
    files = [paths[i] for i in tr.order]
    sheet.add([text("file", lang), *files])
    return _bytes(book, [sheet])


# ---- spbe rank -----------------------------------------------------------------------------


def ranking_workbook(ranking: Ranking, shown: Sequence[Ranked], lang: Lang) -> bytes:
    """The ranking (national rank, exact index, predicate fill, domains) and the summary."""
    book = _book()
    domains = ranking.rubric.domains if ranking.rubric else ()
    headers = [text(h, lang) for h in ("rank", "xlsx.tied", "agency", "kind", "province", "file")]
    headers += [text("index", lang), text("xlsx.exact", lang), text("predicate", lang)]
    headers += [f"{text('domain', lang)} {d.id}" for d in domains]
    table = Sheet(book, text("xlsx.sheet.ranking", lang), headers)
    for item in shown:
        r = item.row
        decimals = r.rubric.decimals
        values = [item.rank, item.tied, r.nama, r.jenis, r.provinsi, r.file]
        values += [round_half_up(r.index, decimals), exact_text(r.index), r.predicate]
        values += [round_half_up(v, decimals) for _, v in r.domains] if domains else []
        row = table.add(values, numeric=(7, *range(10, 10 + len(domains))))
        table.fill(row, 9, r.rubric, r.predicate)
    return _bytes(book, [table, _summary_sheet(book, ranking, lang)])


def _summary_sheet(book: Any, ranking: Ranking, lang: Lang) -> Sheet:
    summary = ranking.summary
    headers = ["measure", "count", "mean", "xlsx.exact", "max", "min"]
    sheet = Sheet(book, text("xlsx.sheet.summary", lang), [text(h, lang) for h in headers])
    for name, count in summary.predicates:
        row = sheet.add([name, count])
        if ranking.rubric is not None:
            sheet.fill(row, 1, ranking.rubric, name)
    stats = [(text("index", lang), summary.index)] if summary.index else []
    names = {d.key: d for d in ranking.rubric.domains} if ranking.rubric else {}
    stats += [(f"{text('domain', lang)} {names[k].id}", s) for k, s in summary.domains]
    for label, stat in stats:
        assert stat is not None
        sheet.add(
            [label, summary.count, round_half_up(stat.mean), exact_text(stat.mean),
             round_half_up(stat.maximum), round_half_up(stat.minimum)],
            numeric=(3, 5, 6),
        )  # fmt: skip
    for share in summary.shares:
        label = f"{text('share', lang)} ≥ {summary.good_from}: {share.jenis or text('all', lang)}"
        percent = share.share * 100
        sheet.add([label, share.count, round_half_up(percent), exact_text(percent)], numeric=(3,))
    return sheet


# ---- the workbook renderers of the registry ---------------------------------------------------


class ScoresWorkbook(Renderer[ScoreResult]):
    binary = True

    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        stream.write(scores_workbook(result.cards, self.lang))


class DiffWorkbook(Renderer[ComparisonResult | TrendResult]):
    binary = True

    def write(self, result: ComparisonResult | TrendResult, stream: IO[Any]) -> None:
        if isinstance(result, ComparisonResult):
            stream.write(comparison_workbook(result.comparison, self.lang))
        else:
            stream.write(trend_workbook(result.trend, result.paths, self.lang))


class RankWorkbook(Renderer[RankResult]):
    binary = True

    def write(self, result: RankResult, stream: IO[Any]) -> None:
        stream.write(ranking_workbook(result.ranking, result.shown, self.lang))
