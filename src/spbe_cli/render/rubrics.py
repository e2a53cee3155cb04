"""`spbe rubric list` and `spbe rubric show`: rubrics and criteria as tables or records."""

from __future__ import annotations

from typing import IO, Any

from spbe_cli.core.results import RubricView
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text
from spbe_cli.model.rubric import Indicator, Rubric
from spbe_cli.render import figures
from spbe_cli.render.base import HumanRenderer, JsonRenderer
from spbe_cli.render.tables import Report, Table, provisional_notice, status_text


def list_report(rubrics: list[Rubric], lang: Lang) -> Report:
    """The bundled rubrics; an id is copied into `rubrik:`, so it is a figure: never split."""
    headers = [text(k, lang) for k in ("rubric", "regulation", "era", "status", "indicators.count")]
    table = Table(
        "",
        headers,
        ["left", "left", "left", "left", "right"],
        kinds=["figure", "text", "figure", "text", "figure"],
    )
    for r in rubrics:
        row = [r.id, r.regulation, r.era, status_text(r, lang), str(len(r.indicators))]
        table.rows.append(row)
        table.tones.append(None)
    notices = [line for r in rubrics if r.provisional for line in provisional_notice(r, lang)]
    return Report([text("rubric.list.title", lang)], notices, [table])


def list_records(rubrics: list[Rubric]) -> list[dict[str, Any]]:
    return [
        {
            "id": r.id,
            "title": r.title,
            "regulation": r.regulation,
            "era": r.era,
            "status": r.status,
            "source": r.source,
            "indicators": len(r.indicators),
            "levels": {"min": r.level_min, "max": r.level_max},
            "predicates": [
                {"name": b.name, "min": exact_text(b.low), "max": exact_text(b.high)}
                for b in r.bands
            ],
        }
        for r in rubrics
    ]


def tree_report(rubric: Rubric, lang: Lang) -> Report:
    headers = [text(k, lang) for k in ("indicator", "name", "aspect", "weight")]
    table = Table(text("indicator", lang), headers, ["right", "left", "right", "right"], stack=(1,))
    for ind in rubric.indicators:
        row = [str(ind.id), ind.name, ind.aspect_key, figures.exact(ind.weight, lang)]
        table.rows.append(row)
        table.tones.append(None)
    bands = " · ".join(f"{b.name} ≥ {figures.exact(b.low, lang)}" for b in rubric.bands)
    heading = [
        f"{text('rubric', lang)} {rubric.id}: {rubric.title}",
        f"{text('regulation', lang)}: {rubric.regulation}",
        f"{text('predicate', lang)}: {bands}",
    ]
    notices = provisional_notice(rubric, lang) if rubric.provisional else []
    return Report(heading, notices, [table])


def indicator_report(rubric: Rubric, ind: Indicator, lang: Lang) -> Report:
    headers = [text("level", lang), text("level.name", lang), text("criteria", lang)]
    table = Table(text("criteria", lang), headers, ["right", "left", "left"], stack=(2,))
    for level in range(rubric.level_min, rubric.level_max + 1):
        table.rows.append([str(level), ind.level_name(level), ind.criteria.get(level, "")])
        table.tones.append(None)
    heading = [
        f"{text('indicator', lang)} {ind.id}: {ind.name}",
        f"{text('rubric', lang)}: {rubric.id} · {text('aspect', lang)} {ind.aspect_key} · "
        f"{text('weight', lang)} {figures.exact(ind.weight, lang)}",
    ]
    if ind.question:
        heading.append(f"{text('question', lang)}: {ind.question}")
    return Report(heading, [], [table])


def indicator_record(rubric: Rubric, ind: Indicator) -> dict[str, Any]:
    return {
        "rubric": rubric.id,
        "id": ind.id,
        "name": ind.name,
        "aspect": next(a.id for a in rubric.aspects if a.key == ind.aspect_key),
        "weight": exact_text(ind.weight),
        "question": ind.question,
        "levels": [
            {"level": lv, "name": ind.level_name(lv), "criterion": ind.criteria.get(lv)}
            for lv in range(rubric.level_min, rubric.level_max + 1)
        ],
    }


class ListTable(HumanRenderer[list[Rubric]]):
    def report(self, result: list[Rubric], stream: IO[Any]) -> Report:
        return list_report(result, self.lang)


class ListMarkdown(ListTable):
    markdown = True


class ListJson(JsonRenderer[list[Rubric]]):
    def record(self, result: list[Rubric]) -> Any:
        return list_records(result)


class ShowTable(HumanRenderer[RubricView]):
    def report(self, result: RubricView, stream: IO[Any]) -> Report:
        if result.indicator is None:
            return tree_report(result.rubric, self.lang)
        return indicator_report(result.rubric, result.indicator, self.lang)


class ShowMarkdown(ShowTable):
    markdown = True


class ShowJson(JsonRenderer[RubricView]):
    def record(self, result: RubricView) -> Any:
        rubric = result.rubric
        if result.indicator is None:
            return [indicator_record(rubric, i) for i in rubric.indicators]
        return indicator_record(rubric, result.indicator)
