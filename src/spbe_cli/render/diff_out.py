"""`spbe diff` output: a Comparison or a Trend as tables (text, Rich, Markdown), JSON or CSV.

The human formats are built once as neutral Tables and laid out by the shared layouts, so the
terminal, a pipe and a pasted Markdown report say the same thing. Changes shown are differences of
displayed values (2.79 − 1.69 = +1.10) so a table adds up; exact changes are in JSON and CSV.
"""

from __future__ import annotations

import io
from decimal import Decimal
from fractions import Fraction
from typing import IO, Any

from spbe_cli.core.diff import (
    Change,
    Comparison,
    GroupChange,
    IndicatorChange,
    Series,
    Trend,
    TrendPoint,
)
from spbe_cli.core.results import ComparisonResult, TrendResult
from spbe_cli.core.scoring import Index, Scorecard
from spbe_cli.messages import Lang, agencies, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.render import figures
from spbe_cli.render.base import HumanRenderer, JsonRenderer, Renderer
from spbe_cli.render.choices import WIDE_TREND_FILES
from spbe_cli.render.csv_out import csv_writer
from spbe_cli.render.escape import csv_cell
from spbe_cli.render.human import wants_rich
from spbe_cli.render.names import shared_index_name
from spbe_cli.render.records import Lazy, RubricIds, agency_record, index_record, write_json
from spbe_cli.render.rows import PackedRows
from spbe_cli.render.tables import (
    FIGURE,
    RIGHT,
    TEXT,
    Align,
    Kind,
    Report,
    Table,
    provisional_short,
    subject,
)

SPARK_RICH = "▁▂▃▄▅▆▇█"
SPARK_ASCII = ".:-=+*#%"


def signed(value: Decimal) -> str:
    """A change for a machine format: `+1.10`, `-0.33` (the point, never the comma)."""
    return f"+{value}" if value > 0 else str(value)


def signed_exact(value: Fraction) -> str:
    return f"+{exact_text(value)}" if value > 0 else exact_text(value)


def side_label(card: Scorecard, lang: Lang) -> str:
    return subject(card.assessment, lang)


def _predicate_text(change: Change, lang: Lang) -> str:
    key = f"diff.pred.{change.predicate_change}"
    return text(key, lang, old=change.old.predicate, new=change.new.predicate)


# ---- two files: the human report -------------------------------------------------------------


def _kind_lines(cmp: Comparison, lang: Lang) -> list[str]:
    old, new = cmp.old.assessment, cmp.new.assessment
    lines = []
    if not cmp.same_agency:
        lines.append(text("diff.kind.agencies", lang, old=old.agency.nama, new=new.agency.nama))
        if not cmp.same_year:
            lines.append(text("diff.kind.other_year", lang, old=old.tahun, new=new.tahun))
    if cmp.kind == "rubrics":
        lines.append(text("diff.kind.rubrics", lang, old=cmp.old.rubric.id, new=cmp.new.rubric.id))
    elif cmp.kind == "years":
        lines.append(text("diff.kind.years", lang, old=old.tahun, new=new.tahun))
    elif cmp.kind == "stages":
        key = "diff.kind.stages" if cmp.correction else "diff.kind.stages_back"
        lines.append(text(key, lang, old=old.tahap, new=new.tahap))
    elif cmp.kind == "revisions":
        lines.append(text("diff.kind.revisions", lang))
    return lines


def _summary_lines(cmp: Comparison, lang: Lang) -> list[str]:
    if not cmp.comparable_indicators:
        return []
    counts = {d: cmp.count(d) for d in ("up", "down", "same")}
    if cmp.correction:
        counts_line = text("diff.counts.stage", lang, stage=cmp.old.assessment.tahap, **counts)
    else:
        counts_line = text("diff.counts", lang, total=len(cmp.indicators), **counts)
    if not cmp.changed:
        return [counts_line, text("diff.explained.none", lang)]
    if not cmp.index.delta_exact:
        return [counts_line, text("diff.explained.cancel", lang, count=len(cmp.changed))]
    delta = figures.signed(cmp.index.delta, lang)  # as the index line above shows it
    return [counts_line, text("diff.explained", lang, count=len(cmp.changed), delta=delta)]


def _notices(cmp: Comparison, lang: Lang) -> list[str]:
    out = []
    if cmp.unshared_domains:
        out.append(text("diff.unshared", lang, names=", ".join(cmp.unshared_domains)))
    rubrics = {c.rubric.id: c.rubric for c in (cmp.old, cmp.new)}
    out += [provisional_short(r.id, lang) for r in rubrics.values() if r.provisional]
    return out


def _group_row(ident: str, name: str, change: Change, lang: Lang) -> tuple[list[str], Change]:
    old, new = figures.decimal(change.old.value, lang), figures.decimal(change.new.value, lang)
    delta = figures.signed(change.delta, lang)
    return [ident, name, old, new, delta, _predicate_text(change, lang)], change


def _groups_table(
    title: str, first: str, rows: list[tuple[list[str], Change]], lang: Lang
) -> Table:
    """The predicate cell is coloured on a terminal by the new value's band."""
    headers = [first, text("name", lang), text("diff.old", lang), text("diff.new", lang)]
    headers += [text("diff.delta", lang), text("predicate", lang)]
    align: list[Align] = ["right", "left", "right", "right", "right", "left"]
    tones: list[int | None] = [change.new_rank for _, change in rows]
    return Table(title, headers, align, [row for row, _ in rows], tones, tone_column=5)


def _domain_table(cmp: Comparison, lang: Lang) -> Table:
    rows = [
        _group_row("", shared_index_name((cmp.old.rubric, cmp.new.rubric), lang), cmp.index, lang)
    ]
    rows += [_group_row(str(g.id), g.name, g.change, lang) for g in cmp.domains]
    return _groups_table(text("diff.groups.title", lang), text("domain", lang), rows, lang)


def _aspect_table(cmp: Comparison, lang: Lang) -> Table:
    rows = [_group_row(str(g.id), g.name, g.change, lang) for g in cmp.aspects]
    return _groups_table(text("aspect", lang), text("aspect", lang), rows, lang)


def _level_text(level: int | None, name: str) -> str:
    return "–" if level is None else f"{level} {name}".strip()


def row_note(cmp: Comparison, change: IndicatorChange, lang: Lang) -> str:
    """Plain up/down, or in a stage comparison the assessors' verdict on the claim."""
    if cmp.correction:
        word = {"up": "raised", "down": "lowered", "same": "confirmed"}[change.direction]
        return text(f"diff.row.{word}", lang)
    return text(f"diff.row.{change.direction}", lang)


def _indicator_table(cmp: Comparison, lang: Lang, show_all: bool) -> Table:
    listed = cmp.indicators if show_all else cmp.changed
    headers = [text("indicator", lang), text("name", lang), text("diff.old", lang)]
    headers += [text("diff.new", lang), text("diff.effect", lang), text("diff.note", lang)]
    align: list[Align] = ["right", "left", "left", "left", "right", "left"]
    title = text("diff.indicators.all" if show_all else "diff.indicators.title", lang)
    table = Table(title, headers, align, tone_column=4, stack=(1,))  # effect: green up, red down
    decimals = cmp.new.rubric.decimals
    for c in listed:
        table.rows.append(
            [
                str(c.indicator.id),
                c.indicator.name,
                _level_text(c.old_level, c.old_name),
                _level_text(c.new_level, c.new_name),
                figures.signed_share(c.effect, decimals, lang),
                row_note(cmp, c, lang),
            ]
        )
        table.tones.append({"up": 2, "down": 0, "same": None}[c.direction])
    return table


def comparison_report(cmp: Comparison, lang: Lang, *, show_all: bool = False) -> Report:
    i = cmp.index
    heading = [
        text("diff.title", lang, old=side_label(cmp.old, lang), new=side_label(cmp.new, lang))
    ]
    heading += _kind_lines(cmp, lang)
    heading.append(
        text(
            "diff.index_line",
            lang,
            old=i.old.value,
            new=i.new.value,
            delta=figures.signed(i.delta, lang),
            predicate=_predicate_text(i, lang),
        )
    )
    heading += _summary_lines(cmp, lang)
    tables = [_domain_table(cmp, lang)]
    if cmp.aspects:
        tables.append(_aspect_table(cmp, lang))
    if cmp.comparable_indicators and (cmp.changed or show_all):
        tables.append(_indicator_table(cmp, lang, show_all))
    return Report(heading, _notices(cmp, lang), tables)


# ---- two files: records (JSON) and CSV -------------------------------------------------------


def side_record(point: TrendPoint, path: str) -> dict[str, Any]:
    """A file of a comparison or a trend: which file, rubric, agency, year and stage."""
    return {
        "file": path,
        "rubric": point.rubric.id,
        "instansi": agency_record(point.agency),
        "tahun": point.tahun,
        "tahap": point.tahap,
    }


def change_record(change: Change) -> dict[str, Any]:
    return {
        "old": change.old.value,
        "new": change.new.value,
        "delta": change.delta,
        "delta_exact": exact_text(change.delta_exact),
        "old_exact": exact_text(change.old.exact),
        "new_exact": exact_text(change.new.exact),
        "old_predicate": change.old.predicate,
        "new_predicate": change.new.predicate,
        "predicate_change": change.predicate_change,
    }


def _group_record(g: GroupChange) -> dict[str, Any]:
    return {"id": g.id, "old_id": g.old_id, "name": g.name, **change_record(g.change)}


def _indicator_record(c: IndicatorChange, ids: RubricIds) -> dict[str, Any]:
    return {
        "id": c.indicator.id,
        "name": c.indicator.name,
        "aspect": ids.aspect(c.indicator.aspect_key),
        "weight": exact_text(c.indicator.weight),
        "old": c.old_level,
        "new": c.new_level,
        "old_name": c.old_name or None,
        "new_name": c.new_name or None,
        "change": c.direction,
        "effect": exact_text(c.effect),
    }


def comparison_record(
    cmp: Comparison, paths: tuple[str, str], *, show_all: bool = False
) -> dict[str, Any]:
    listed = cmp.indicators if show_all else cmp.changed
    counts = {d: cmp.count(d) for d in ("up", "down", "same")}
    ids = RubricIds(cmp.new.rubric)  # indicators are listed only when both share the rubric
    return {
        "kind": cmp.kind,
        "comparable_indicators": cmp.comparable_indicators,
        "correction": cmp.correction,
        "old": side_record(TrendPoint.of(cmp.old), paths[0]),
        "new": side_record(TrendPoint.of(cmp.new), paths[1]),
        "index": change_record(cmp.index),
        "domains": [_group_record(g) for g in cmp.domains],
        "aspects": [_group_record(g) for g in cmp.aspects],
        "indicators": [_indicator_record(c, ids) for c in listed],
        "explained": exact_text(cmp.explained) if cmp.comparable_indicators else None,
        "summary": counts if cmp.comparable_indicators else None,
        "unshared_domains": list(cmp.unshared_domains),
    }


CSV_HEADER = [
    "kind", "id", "name", "old", "new", "delta", "delta_exact",
    "old_label", "new_label", "change", "effect",
]  # fmt: skip


def _id_cell(ident: int | str | None) -> int | str:
    """An id as a CSV cell: a number stays a number, text is neutralised like any text."""
    if ident is None:
        return ""
    return ident if isinstance(ident, int) else csv_cell(ident)


def _csv_change(kind: str, ident: int | str, name: str, c: Change) -> list[Any]:
    return [
        kind, _id_cell(ident), csv_cell(name), str(c.old.value), str(c.new.value),
        signed(c.delta), signed_exact(c.delta_exact), csv_cell(c.old.predicate),
        csv_cell(c.new.predicate), c.predicate_change, "",
    ]  # fmt: skip


def comparison_csv(cmp: Comparison, *, show_all: bool = False) -> str:
    """One long table: index, domains, aspects, then indicators (levels, level names, effect).
    Text from the files is neutralised for spreadsheets (`csv_cell`); numbers stay numbers."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_HEADER)
    writer.writerow(_csv_change("index", "", "", cmp.index))
    writer.writerows(_csv_change("domain", g.id, g.name, g.change) for g in cmp.domains)
    writer.writerows(_csv_change("aspect", g.id, g.name, g.change) for g in cmp.aspects)
    for c in cmp.indicators if show_all else cmp.changed:
        step = (c.new_level or 0) - (c.old_level or 0)
        steps = f"{step:+d}" if step else "0"
        old, new = _opt(c.old_level), _opt(c.new_level)
        writer.writerow(
            ["indicator", _id_cell(c.indicator.id), csv_cell(c.indicator.name), old, new, steps,
             steps, csv_cell(c.old_name), csv_cell(c.new_name), c.direction,
             exact_text(c.effect)]
        )  # fmt: skip
    return buffer.getvalue()


def _opt(level: int | None) -> str:
    return "" if level is None else str(level)


# ---- three or more files: the trend ----------------------------------------------------------


def sparkline(points: tuple[Index, ...], low: int, high: int, ramp: str) -> str:
    """One character per point on the rubric's whole range, so rows can be compared by eye."""
    span = Fraction(high - low) or Fraction(1)
    steps = len(ramp) - 1
    chars = []
    for p in points:
        position = min(max((p.exact - low) / span, Fraction(0)), Fraction(1))
        chars.append(ramp[int(round_half_up(position * steps, 0))])
    return "".join(chars)


def _column_header(point: TrendPoint, with_stage: bool) -> str:
    return f"{point.tahun} {point.tahap}" if with_stage and point.tahap else str(point.tahun)


def _with_stage(tr: Trend) -> bool:
    return len({p.tahap for p in tr.files}) > 1


def trend_report(tr: Trend, paths: list[str], lang: Lang, *, ramp: str | None = None) -> Report:
    """A column per file, turned on its side on a narrow screen; a long trend by file only."""
    if len(tr.files) > WIDE_TREND_FILES:
        table = _trend_by_file(tr, lang, paths)
        heading = [text("diff.trend.title", lang, count=len(tr.files))]
        return Report(heading, _trend_notices(tr, lang), [table])
    with_stage = _with_stage(tr)
    columns = [_column_header(p, with_stage) for p in tr.files]
    headers = ["", text("name", lang), *columns, text("diff.delta", lang)]
    align: list[Align] = ["right", "left", *([RIGHT] * len(columns)), "right"]
    kinds: list[Kind] = ["figure", "text", *([TEXT] * len(columns)), "figure"]
    if ramp:
        headers.append(text("diff.trend", lang))
        align.append("left")
        kinds.append("figure")
    low = min(p.rubric.level_min for p in tr.files)
    high = max(p.rubric.level_max for p in tr.files)
    table = Table("", headers, align, kinds=kinds)

    def add(ident: str, name: str, s: Series) -> None:
        row = [ident, name, *(figures.decimal(p.value, lang) for p in s.points)]
        row.append(figures.signed(s.delta, lang))
        table.rows.append(row + ([sparkline(s.points, low, high, ramp)] if ramp else []))
        table.tones.append(None)

    add("", shared_index_name((p.rubric for p in tr.files), lang), tr.index)
    first, last = tr.index.points[0].predicate, tr.index.points[-1].predicate
    predicates = [p.predicate for p in tr.index.points]
    table.rows.append(
        ["", text("predicate", lang), *predicates, f"{first} → {last}"] + ([""] if ramp else [])
    )
    table.tones.append(None)
    for s in tr.domains:
        add(str(s.id), s.name, s)
    table.narrow = _trend_by_file(tr, lang)
    return Report(_trend_heading(tr, paths, columns, lang), _trend_notices(tr, lang), [table])


def _trend_by_file(tr: Trend, lang: Lang, paths: list[str] | None = None) -> Table:
    """The trend turned on its side: one row per file, however many. With `paths` (a long trend,
    whose heading does not list its files) each row also names its file, and its agency when the
    files are of several, under the figures when the width is short."""
    headers = [text("diff.when", lang), text("index.short", lang), text("predicate", lang)]
    headers += [f"D{s.id}" for s in tr.domains]
    align: list[Align] = ["left", "right", "left", *([RIGHT] * len(tr.domains))]
    kinds: list[Kind] = ["text", "figure", "text", *([FIGURE] * len(tr.domains))]
    several = paths is not None and len(tr.agencies) > 1
    if paths is not None:
        headers += [text("file", lang), *([text("agency", lang)] if several else [])]
        align += ["left"] * (2 if several else 1)
        kinds += [TEXT] * (2 if several else 1)
    stack = tuple(range(3 + len(tr.domains), len(headers)))
    table = Table("", headers, align, tone_column=2, kinds=kinds, stack=stack)
    table.rows = PackedRows()  # a row per file of a trend, however long: kept packed
    with_stage = _with_stage(tr)
    for n, point in enumerate(tr.files):
        index = tr.index.points[n]
        row = [_column_header(point, with_stage), figures.decimal(index.value, lang)]
        row.append(index.predicate)
        row += [figures.decimal(s.points[n].value, lang) for s in tr.domains]
        if paths is not None:
            row.append(paths[tr.order[n]])
            if several:
                row.append(point.agency.nama)
        table.rows.append(row)
        table.tones.append(point.rubric.predicate_rank(index.predicate))
    return table


def _trend_heading(tr: Trend, paths: list[str], columns: list[str], lang: Lang) -> list[str]:
    heading = [text("diff.trend.title", lang, count=len(tr.files))]
    for column, position, point in zip(columns, tr.order, tr.files, strict=True):
        heading.append(f"{column}: {paths[position]} ({point.agency.nama})")
    return heading


def _trend_notices(tr: Trend, lang: Lang) -> list[str]:
    out = []
    names = tr.agencies
    if len(names) > 1:
        out.append(text("diff.trend.agencies", lang, names=agencies(names)))
    if not tr.same_rubric:
        rubrics = dict.fromkeys(p.rubric.id for p in tr.files)
        out.append(text("diff.trend.rubrics", lang, rubrics=", ".join(rubrics)))
    if tr.unshared_domains:
        out.append(text("diff.unshared", lang, names=", ".join(tr.unshared_domains)))
    if tr.domains:
        legend = " · ".join(f"D{s.id} = {s.name}" for s in tr.domains)
        out.append(f"{text('domain', lang)}: {legend}")
    provisional = [p.rubric.id for p in tr.files if p.rubric.provisional]
    out += [provisional_short(r, lang) for r in dict.fromkeys(provisional)]
    return out


def _series_record(s: Series) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "points": Lazy(lambda: map(index_record, s.points)),  # one record at a time (issue 17)
        "delta": s.delta,
        "delta_exact": exact_text(s.delta_exact),
    }


def trend_record(tr: Trend, paths: list[str]) -> dict[str, Any]:
    index = _series_record(tr.index)
    del index["id"], index["name"]
    return {
        "kind": "trend",
        "order": ["tahun", "tahap"],
        "comparable_indicators": tr.same_rubric,
        "files": Lazy(
            lambda: (side_record(p, paths[i]) for i, p in zip(tr.order, tr.files, strict=True))
        ),
        "index": index,
        "domains": [_series_record(s) for s in tr.domains],
        "unshared_domains": list(tr.unshared_domains),
    }


def trend_csv(tr: Trend, paths: list[str]) -> str:
    """Long form for spreadsheets: one row per series and file, in the trend's order."""
    buffer = io.StringIO()
    write_trend_csv(tr, paths, buffer)
    return buffer.getvalue()


def write_trend_csv(tr: Trend, paths: list[str], stream: IO[str]) -> None:
    """trend_csv written row by row to `stream` (a long trend holds no CSV text, issue 17)."""
    writer = csv_writer(stream)
    writer.writerow(
        ["series", "id", "name", "file", "tahun", "tahap", "value", "exact", "predicate"]
    )
    series = [("index", None, "", tr.index)] + [("domain", s.id, s.name, s) for s in tr.domains]
    for kind, ident, name, s in series:
        for position, point, p in zip(tr.order, tr.files, s.points, strict=True):
            writer.writerow(
                [
                    kind,
                    _id_cell(ident),
                    csv_cell(name),
                    csv_cell(paths[position]),
                    point.tahun,
                    csv_cell(point.tahap),
                    p.value,
                    exact_text(p.exact),
                    csv_cell(p.predicate),
                ]
            )


class DiffTable(HumanRenderer[ComparisonResult | TrendResult]):
    def report(self, result: ComparisonResult | TrendResult, stream: IO[Any]) -> Report:
        if isinstance(result, ComparisonResult):
            return comparison_report(result.comparison, self.lang, show_all=self.options.show_all)
        ramp = None if self.markdown else SPARK_RICH if wants_rich(stream) else SPARK_ASCII
        return trend_report(result.trend, result.paths, self.lang, ramp=ramp)


class DiffMarkdown(DiffTable):
    markdown = True


class DiffJson(JsonRenderer[ComparisonResult | TrendResult]):
    def record(self, result: ComparisonResult | TrendResult) -> Any:
        if isinstance(result, ComparisonResult):
            return comparison_record(
                result.comparison, result.paths, show_all=self.options.show_all
            )
        return trend_record(result.trend, result.paths)

    def write(self, result: ComparisonResult | TrendResult, stream: IO[Any]) -> None:
        if isinstance(result, ComparisonResult):
            super().write(result, stream)
        else:  # written as its files and points are made (Lazy arrays), same bytes
            write_json(trend_record(result.trend, result.paths), stream)


class DiffCsv(Renderer[ComparisonResult | TrendResult]):
    def write(self, result: ComparisonResult | TrendResult, stream: IO[Any]) -> None:
        if isinstance(result, ComparisonResult):
            stream.write(comparison_csv(result.comparison, show_all=self.options.show_all))
        else:
            write_trend_csv(result.trend, result.paths, stream)
