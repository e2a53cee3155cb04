"""`spbe diff -f xlsx`: two assessments side by side, or a trend of several, with live changes.

The index, domain and aspect rows show old and new as displayed and the change as `=new-old` of
those; the indicator rows compute each change's effect on the index as
`=(new level - old level) × weight / total weight`, so editing a level shows its effect at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from spbe_cli.core.diff import Comparison, Trend
from spbe_cli.messages import AGENCIES_SHOWN, Lang, text
from spbe_cli.model.exact import exact_text
from spbe_cli.render.choices import WIDE_TREND_FILES
from spbe_cli.render.names import shared_index_name
from spbe_cli.render.workbook.cells import Formula, operand
from spbe_cli.render.workbook.stream import StreamBook
from spbe_cli.render.workbook.tables import TableSheet, book, finish_book


def _agencies(names: Sequence[str]) -> str:
    """The page header's agencies (a header holds 200 characters: the first few are enough)."""
    unique = list(dict.fromkeys(names))
    return " / ".join(unique[:AGENCIES_SHOWN])


def comparison_workbook(cmp: Comparison, lang: Lang, out: IO[bytes]) -> None:
    """Index, domains and aspects old → new (change = new − old of the shown values), indicators."""
    made = book()
    old_pred = f"{text('predicate', lang)} ({text('diff.old', lang)})"
    new_pred = f"{text('predicate', lang)} ({text('diff.new', lang)})"
    headings = [
        text("diff.note", lang), "ID", text("name", lang), text("diff.old", lang),
        text("diff.new", lang), text("diff.delta", lang), text("xlsx.exact", lang), old_pred,
        new_pred,
    ]  # fmt: skip
    groups = TableSheet(made, text("xlsx.sheet.index", lang), headings)
    rows = [(shared_index_name((cmp.old.rubric, cmp.new.rubric), lang), None, None, cmp.index)]
    rows += [(text(g.kind, lang), g.id, g.name, g.change) for g in (*cmp.domains, *cmp.aspects)]
    for kind, ident, name, change in rows:
        r = groups.rows + 1
        delta = change.new.value - change.old.value
        groups.add(
            [kind, ident, name, change.old.value, change.new.value, Formula(f"E{r}-D{r}"),
             exact_text(change.delta_exact), change.old.predicate, change.new.predicate],
            numeric=(4, 5, 6),
            shown={6: str(delta)},
        )  # fmt: skip
        groups.fill(r, 8, cmp.old.rubric, change.old.predicate)
        groups.fill(r, 9, cmp.new.rubric, change.new.predicate)
    names = [cmp.old.assessment.agency.nama, cmp.new.assessment.agency.nama]
    header = f"{_agencies(names)} · {cmp.old.assessment.tahun} → {cmp.new.assessment.tahun}"
    groups.finish(lang, header)
    if cmp.comparable_indicators:
        _changes_sheet(made, cmp, lang, header)
    finish_book(made, "diff", lang, header, out)


def _changes_sheet(made: StreamBook, cmp: Comparison, lang: Lang, header: str) -> None:
    headings = [
        "ID", text("name", lang), text("weight", lang), text("diff.old", lang),
        text("diff.new", lang), text("diff.effect", lang), text("xlsx.exact", lang),
    ]  # fmt: skip
    sheet = TableSheet(made, text("xlsx.sheet.indicators", lang), headings)
    total = operand(cmp.new.rubric.total_weight)  # indicators pair only within one rubric
    for c in cmp.indicators:
        r = sheet.rows + 1
        both = c.old_level is not None and c.new_level is not None
        effect = Formula(f"(E{r}-D{r})*C{r}/{total}") if both else c.effect
        sheet.add(
            [c.indicator.id, c.indicator.name, c.indicator.weight, c.old_level, c.new_level,
             effect, exact_text(c.effect)],
            numeric=(3, 6),
            shown={6: exact_text(c.effect)},
        )  # fmt: skip
    sheet.finish(lang, header)


def trend_workbook(tr: Trend, paths: Sequence[str], lang: Lang, out: IO[bytes]) -> None:
    """One column per file in trend order, or for a long trend one row per file."""
    made = book()
    header = _agencies(tr.agencies)
    lay_out = _trend_by_file if len(tr.files) > WIDE_TREND_FILES else _trend_wide
    lay_out(made, tr, paths, lang).finish(lang, header)
    finish_book(made, "trend", lang, header, out)


def _trend_wide(made: StreamBook, tr: Trend, paths: Sequence[str], lang: Lang) -> TableSheet:
    """One row per series (index, shared domains), one column per file."""
    labels = [f"{p.tahun} {p.tahap}" for p in tr.files]
    exact_cols = [f"{label} ({text('xlsx.exact', lang)})" for label in labels]
    sheet = TableSheet(made, text("xlsx.sheet.trend", lang), ["", *labels, *exact_cols])
    numeric = tuple(range(2, 2 + len(labels)))
    series = [(shared_index_name((p.rubric for p in tr.files), lang), tr.index.points)]
    series += [(f"{text('domain', lang)} {s.id} {s.name}", s.points) for s in tr.domains]
    for name, points in series:
        values = [name, *(p.value for p in points), *(exact_text(p.exact) for p in points)]
        sheet.add(values, numeric=numeric)
    row = sheet.add([text("predicate", lang), *(p.predicate for p in tr.index.points)])
    for n, (point, index) in enumerate(zip(tr.files, tr.index.points, strict=True), start=2):
        sheet.fill(row, n, point.rubric, index.predicate)
    sheet.add([text("file", lang), *(paths[i] for i in tr.order)])
    return sheet


def _trend_by_file(made: StreamBook, tr: Trend, paths: Sequence[str], lang: Lang) -> TableSheet:
    """One row per file: year, stage, file, agency, the index and each domain as shown, the
    predicate, then the exact values (text beside text, so no number touches a value)."""
    exact = text("xlsx.exact", lang)
    index = shared_index_name((p.rubric for p in tr.files), lang)
    headings = [text("year", lang), text("stage", lang), text("file", lang), text("agency", lang)]
    headings += [index, *(f"D{s.id} {s.name}" for s in tr.domains), text("predicate", lang)]
    headings += [f"{index} ({exact})", *(f"D{s.id} ({exact})" for s in tr.domains)]
    sheet = TableSheet(made, text("xlsx.sheet.trend", lang), headings)
    predicate = 6 + len(tr.domains)
    numeric = tuple(range(5, predicate))
    for n, point in enumerate(tr.files):
        values = [tr.index.points[n], *(s.points[n] for s in tr.domains)]
        row = [point.tahun, point.tahap, paths[tr.order[n]], point.agency.nama]
        row += [*(v.value for v in values), values[0].predicate]
        row += [exact_text(v.exact) for v in values]
        r = sheet.add(row, numeric=numeric)
        sheet.fill(r, predicate, point.rubric, values[0].predicate)
    return sheet
