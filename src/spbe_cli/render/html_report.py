"""`spbe report` as one self-contained HTML file: a Jinja2 template with pygal's SVG charts inline.

Everything the page needs is inside it (styles, charts; no scripts from the network), because it
is opened on officials' laptops, mailed, and printed. Charts get values already rounded half up
for display; the exact figures are in the tables. Every word comes from the message catalogue.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from spbe_cli.core.report_model import ReportModel
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text
from spbe_cli.render.records import shown
from spbe_cli.render.tables import index_text, notices

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)


def _plot(value: Decimal) -> float:
    """pygal draws floats; it only ever gets values already rounded for display."""
    return float(value)


def _inline(svg: str) -> str:
    """pygal's SVG without comments (links to pygal.org), namespace URLs and its tooltip config
    script (its JS is disabled with js=[]): inline in HTML the chart needs none of them."""
    return _XMLNS.sub("", _SCRIPT.sub("", _COMMENT.sub("", svg)))


def _style() -> Any:
    from pygal.style import Style

    return Style(
        background="white",
        plot_background="white",
        font_family="sans-serif",
        colors=("#1f5f99", "#d9822b", "#3a9a5b", "#a33b3b", "#6b4fa0"),
    )


def _config(**extra: Any) -> dict[str, Any]:
    return {
        "js": [],  # no script from the network; the chart is static SVG
        "style": _style(),
        "disable_xml_declaration": True,
        "width": 640,
        "height": 420,
        "value_formatter": lambda v: f"{v:.2f}",
        **extra,
    }


def radar_svg(model: ReportModel, lang: Lang) -> str:
    import pygal

    rubric = model.card.rubric
    chart = pygal.Radar(
        **_config(range=(rubric.level_min - 1, rubric.level_max), fill=False, show_legend=True)
    )
    chart.x_labels = [f"{text('aspect', lang)} {p.group.id}" for p in model.aspects]
    chart.add(text("report.now", lang), [_plot(p.group.index.value) for p in model.aspects])
    if model.plan is not None:
        targets = [_plot(p.target.value) for p in model.aspects if p.target is not None]
        chart.add(text("report.after_plan", lang), targets)
    return _inline(chart.render(disable_xml_declaration=True))


def bars_svg(model: ReportModel, lang: Lang) -> str:
    import pygal

    rubric = model.card.rubric
    chart = pygal.HorizontalBar(**_config(range=(0, rubric.level_max), show_legend=False))
    chart.x_labels = [f"{text(model.bars_kind, lang)} {g.id}" for g in model.bars]
    chart.add(text("index.short", lang), [_plot(g.index.value) for g in model.bars])
    return _inline(chart.render(disable_xml_declaration=True))


def trend_svg(model: ReportModel, lang: Lang) -> str:
    import pygal

    assert model.trend is not None
    chart = pygal.Line(**_config(range=(0, model.card.rubric.level_max), dots_size=4))
    chart.x_labels = [_when(c) for c in model.trend.cards]
    chart.add(text("index", lang), [_plot(p.value) for p in model.trend.index.points])
    for series in model.trend.domains:
        chart.add(f"{text('domain', lang)} {series.id}", [_plot(p.value) for p in series.points])
    return _inline(chart.render(disable_xml_declaration=True))


def _when(card: Any) -> str:
    return f"{card.assessment.tahun} {card.assessment.tahap}"


def render_html(model: ReportModel, lang: Lang) -> str:
    """The whole page as one string, ready for safe_write."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("spbe_cli.render", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["exact"] = exact_text
    env.filters["shown"] = shown
    template = env.get_template("report.html.j2")
    charts = {"radar": radar_svg(model, lang), "bars": bars_svg(model, lang)}
    if model.trend is not None:
        charts["trend"] = trend_svg(model, lang)
    return template.render(
        m=model,
        card=model.card,
        rubric=model.card.rubric,
        charts=charts,
        lang=lang,
        t=lambda key, **params: text(key, lang, **params),
        shown=index_text,
        notices=notices(model.card, lang),
        when=_when,
    )
