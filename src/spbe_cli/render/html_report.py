"""`spbe report` as one self-contained HTML file: a Jinja2 template and two SVG charts drawn by
render/report_charts.py.

Everything the page needs is inside it (styles, charts; no script, no link, no font from the
network), because it is opened on officials' laptops, mailed, and printed. Every word comes from
the message catalogue or the rubric (the index's own name: "Indeks Pemerintah Digital (Indeks
Pemdi)" for Pemdi 2026); every number is written by report_figures.Figures (decimal comma in
Indonesian, no fractions). Jinja2's autoescape is on: text from a file (an agency's name, a custom
rubric's names) reaches the page only escaped, in the template as in the charts.

The page is a pure function of the model and the language: the generation date is part of the
model, so the same input and date give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from spbe_cli.core.diff import Change
from spbe_cli.core.report_model import ReportModel, Segment
from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.rubric import Rubric
from spbe_cli.render import report_charts as charts
from spbe_cli.render.names import index_name
from spbe_cli.render.palette import PALETTE, band_slot
from spbe_cli.render.report_figures import Figures


def report_title(rubric: Rubric, lang: Lang) -> str:
    return rubric.report_title.get(lang) or text("report.title", lang)


def band_class(rubric: Rubric, predicate: str) -> str:
    return f"band-{band_slot(rubric.predicate_rank(predicate), len(rubric.bands))}"


def when(card: Scorecard) -> str:
    """A file's place in time as people name it: "2022 dokumen"."""
    a = card.assessment
    return f"{a.tahun} {a.tahap}".strip()


@dataclass(frozen=True)
class BandNote:
    css: str
    name: str
    range: str
    current: bool


def bands(rubric: Rubric, current: str, fig: Figures) -> list[BandNote]:
    """The rubric's predicate bands with their ranges (the legend of every colour on the page):
    `low ≤ x < high`, the top band `low ≤ x ≤ high`."""
    out = []
    for n, band in enumerate(rubric.bands):
        low, high = fig.bound(band.low, rubric.decimals), fig.bound(band.high, rubric.decimals)
        top = n == len(rubric.bands) - 1
        shown = f"{low} ≤ x {'≤' if top else '<'} {high}"
        out.append(BandNote(band_class(rubric, band.name), band.name, shown, band.name == current))
    return out


def date_text(model: ReportModel, lang: Lang) -> str:
    months = text("report.months", lang).split()
    day = model.generated
    return text("report.generated", lang, date=f"{day.day} {months[day.month - 1]} {day.year}")


def notices(model: ReportModel, lang: Lang) -> list[str]:
    """Every file's notices, not only the headline's: each provisional rubric once. In Indonesian
    the rubric's `source` (English in the bundled rubrics) is left to `spbe rubric list`, so no
    English paragraph reaches an Indonesian page. (A report scores complete files only: a draft
    stops with SPBE104 before any page is made, so there is no draft notice to show.)"""
    cards = model.cards
    out: list[str] = []
    for card in cards:
        if card.rubric.provisional:
            key = "report.provisional" if lang == "id" else "report.provisional.source"
            rubric = card.rubric
            note = text(
                key, lang, rubric=rubric.id, regulation=rubric.regulation, source=rubric.source
            )
            if note not in out:
                out.append(note)
    return out


def radar_svg(model: ReportModel, lang: Lang, fig: Figures) -> str:
    rubric = model.card.rubric
    spokes = [
        charts.Spoke(
            str(p.group.id),
            p.group.name,
            p.group.index.value,
            fig.decimal(p.group.index.value),
            p.target.value if p.target is not None else None,
            fig.decimal(p.target.value)
            if p.target is not None and p.target.exact != p.group.index.exact
            else "",
        )
        for p in model.aspects
    ]
    low, label = min(rubric.level_min, 0), text("report.chart.radar", lang)
    wide = charts.radar(spokes, low, rubric.level_max, label, charts.WIDE)
    return wide + charts.radar(spokes, low, rubric.level_max, label, charts.COMPACT)


def trend_svg(model: ReportModel, lang: Lang, fig: Figures) -> str:
    assert model.trend is not None
    cards = model.cards
    points = [
        charts.Point(c.assessment.tahun, c.assessment.tahap, c.index.value, fig.index(c.index))
        for c in cards
    ]
    lines = [
        charts.Line(tuple(p.value for p in model.trend.index.points), charts.INDEX_COLOUR, True)
    ]
    for n, series in enumerate(model.trend.domains):
        colour = charts.SERIES_COLOURS[n % len(charts.SERIES_COLOURS)]
        lines.append(charts.Line(tuple(p.value for p in series.points), colour))
    runs = [_run(s) for s in model.segments]
    low = min(0, *(c.rubric.level_min for c in cards))
    high = max(c.rubric.level_max for c in cards)
    return charts.trend(points, lines, runs, low, high, text("report.chart.trend", lang))


def _run(segment: Segment) -> charts.Run:
    rubric = segment.rubric
    count = len(rubric.bands)
    shown = [
        charts.Band(band_slot(n, count), float(b.low), float(b.high))
        for n, b in enumerate(rubric.bands)
    ]
    return charts.Run(segment.start, segment.stop, rubric.id, tuple(shown))


def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("spbe_cli.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(model: ReportModel, lang: Lang) -> str:
    """The whole page as one string, ready for safe_write."""
    fig = Figures(lang)
    card = model.card
    rubric = card.rubric
    template = _environment().get_template("report.html.j2")
    return template.render(
        m=model,
        card=card,
        a=card.assessment,
        rubric=rubric,
        lang=lang,
        f=fig,
        t=lambda key, **params: text(key, lang, **params),
        title=report_title(rubric, lang),
        index_name=lambda r: index_name(r, lang),
        band=band_class,
        when=when,
        legend=bands(rubric, card.index.predicate, fig),
        generated=date_text(model, lang),
        notices=notices(model, lang),
        radar=radar_svg(model, lang, fig),
        trend=trend_svg(model, lang, fig) if model.trend is not None else "",
        colours=charts.SERIES_COLOURS,
        palette=PALETTE,
        index_colour=charts.INDEX_COLOUR,
        exact_differs=card.index.settled and card.index.exact != Fraction(card.index.value),
        bar=lambda index, r: _bar_width(index.value, r),
        changes=change_lines(model, lang, fig) if model.comparison is not None else [],
        trend_rows=trend_rows(model, fig) if model.trend is not None else [],
        moved=lambda change: predicate_move(change, lang),
    )


def predicate_move(change: Change, lang: Lang) -> str:
    """The predicate's move ("old → new (up)", "new (unchanged)"), each side judged by its own
    rubric's bands."""
    key = f"diff.pred.{change.predicate_change}"
    return text(key, lang, old=change.old.predicate, new=change.new.predicate)


def _bar_width(value: Any, rubric: Rubric) -> str:
    """A bar's length in percent of the level range's top (0 at the left, as every bar starts)."""
    share = Fraction(value) / rubric.level_max if rubric.level_max else Fraction(0)
    return f"{float(max(min(share, Fraction(1)), Fraction(0))) * 100:.1f}"


def change_lines(model: ReportModel, lang: Lang, fig: Figures) -> list[str]:
    """What kind of change the last two files are, and their index: a change of rubric is named
    (never "no indicator changed" across rubrics), as `spbe diff` names it."""
    cmp = model.comparison
    assert cmp is not None
    old, new = cmp.old, cmp.new
    change = cmp.index
    lines = []
    if cmp.kind == "rubrics":
        lines.append(text("diff.kind.rubrics", lang, old=old.rubric.id, new=new.rubric.id))
        lines.append(
            text(
                "report.change.rubrics",
                lang,
                old_name=index_name(old.rubric, lang),
                old=fig.index(change.old),
                old_pred=change.old.predicate,
                new_name=index_name(new.rubric, lang),
                new=fig.index(change.new),
                new_pred=change.new.predicate,
            )
        )
        return lines
    if cmp.kind == "years":
        lines.append(
            text("diff.kind.years", lang, old=old.assessment.tahun, new=new.assessment.tahun)
        )
    elif cmp.kind == "stages":
        key = "diff.kind.stages" if cmp.correction else "diff.kind.stages_back"
        lines.append(text(key, lang, old=old.assessment.tahap, new=new.assessment.tahap))
    elif cmp.kind == "revisions":
        lines.append(text("diff.kind.revisions", lang))
    predicate = predicate_move(change, lang)
    lines.append(
        text(
            "report.change.index",
            lang,
            name=index_name(new.rubric, lang),
            old=fig.index(change.old),
            new=fig.index(change.new),
            delta=fig.signed(change.delta),
            predicate=predicate,
        )
    )
    if not cmp.changed:
        lines.append(text("diff.explained.none", lang))
    else:
        up, down, same = cmp.count("up"), cmp.count("down"), cmp.count("same")
        stage = old.assessment.tahap
        lines.append(
            text("diff.counts.stage", lang, stage=stage, up=up, down=down, same=same)
            if cmp.correction
            else text("diff.counts", lang, total=len(cmp.indicators), up=up, down=down, same=same)
        )
    return lines


@dataclass(frozen=True)
class TrendRow:
    """One file of the trend table; `segment` is set on the first file of each rubric run when
    the rubric changes somewhere, so the table names every change where it happens."""

    card: Scorecard
    delta: str
    domains: tuple[str, ...]
    segment: Segment | None


def trend_rows(model: ReportModel, fig: Figures) -> list[TrendRow]:
    """Files in the trend's order; a change is shown only against the file before it in the same
    rubric ("–" across a change of rubric, where the two indices are not on one scale)."""
    assert model.trend is not None
    starts = {s.start: s for s in model.segments} if len(model.segments) > 1 else {}
    first = {s.start for s in model.segments}
    points = model.trend.index.points
    rows = []
    for i, card in enumerate(model.cards):
        delta = "–" if i in first else fig.signed(points[i].value - points[i - 1].value)
        domains = tuple(fig.index(s.points[i]) for s in model.trend.domains)
        rows.append(TrendRow(card, delta, domains, starts.get(i)))
    return rows
