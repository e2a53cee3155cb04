"""`spbe plan` output: the roadmap as a table, Markdown, JSON or CSV, from a Plan (no computing)."""

from __future__ import annotations

import csv
import io
from typing import IO, Any

from spbe_cli.core.plan import Plan, Step
from spbe_cli.core.results import PlanResult
from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.base import HumanRenderer, JsonRenderer, Renderer
from spbe_cli.render.records import value_record
from spbe_cli.render.tables import Align, Report, Table


def _index(rubric: Rubric, value: Any) -> dict[str, Any]:
    return value_record(round_half_up(value, rubric.decimals), value, rubric.predicate_for(value))


def _level(rubric: Rubric, step: Step, level: int) -> str:
    name = step.indicator.level_name(level)
    return f"{level} {name}".strip()


def plan_record(plan: Plan, card: Scorecard, file: str) -> dict[str, Any]:
    rubric = card.rubric
    agency = card.assessment.agency
    record: dict[str, Any] = {
        "file": file,
        "rubric": rubric.id,
        "instansi": {"nama": agency.nama, "jenis": agency.jenis, "provinsi": agency.provinsi},
        "tahun": card.assessment.tahun,
        "start": _index(rubric, plan.start),
        "target": _index(rubric, plan.target),
        "steps": [_step_record(s) for s in plan.steps],
        "step_count": plan.step_count,
        "reached": _index(rubric, plan.reached),
        "reachable": plan.reachable,
    }
    if plan.cost is not None:
        record["cost"] = exact_text(plan.cost)
    return record


def _step_record(step: Step) -> dict[str, Any]:
    ind = step.indicator
    record: dict[str, Any] = {
        "id": ind.id,
        "name": ind.name,
        "from": step.from_level,
        "to": step.to_level,
        "gain": exact_text(step.gain),
        "from_name": ind.level_name(step.from_level) or None,
        "to_name": ind.level_name(step.to_level) or None,
        "criterion": ind.criteria.get(step.to_level),
    }
    if step.cost is not None:
        record["cost"] = exact_text(step.cost)
    return record


def plan_report(plan: Plan, card: Scorecard, lang: Lang) -> Report:
    rubric = card.rubric
    a = card.assessment
    shown = round_half_up(plan.target, rubric.decimals)
    heading = [
        text("plan.title", lang, target=shown, agency=a.agency.nama, year=a.tahun),
        text(
            "plan.start",
            lang,
            value=round_half_up(plan.start, rubric.decimals),
            predicate=rubric.predicate_for(plan.start),
        ),
        text("plan.target", lang, value=shown, predicate=rubric.predicate_for(plan.target)),
    ]
    notices = _notices(plan, rubric, lang)
    tables = [_steps_table(plan, rubric, lang), _criteria_table(plan, lang)] if plan.steps else []
    return Report(heading, notices, tables)


def _notices(plan: Plan, rubric: Rubric, lang: Lang) -> list[str]:
    reached = plan.reached
    if not plan.steps and plan.reachable:
        return [text("plan.met", lang)]
    out = []
    if not plan.reachable:
        out.append(unreachable_message(plan, rubric, lang))
    out.append(
        text(
            "plan.reached",
            lang,
            value=round_half_up(reached, rubric.decimals),
            predicate=rubric.predicate_for(reached),
            exact=exact_text(reached),
            steps=plan.step_count,
            count=len(plan.steps),
        )
    )
    if plan.cost is not None:
        out.append(text("plan.cost", lang, cost=exact_text(plan.cost)))
    return out


def unreachable_message(plan: Plan, rubric: Rubric, lang: Lang) -> str:
    reached = plan.reached
    return text(
        "plan.unreachable",
        lang,
        target=round_half_up(plan.target, rubric.decimals),
        best=round_half_up(reached, rubric.decimals),
        predicate=rubric.predicate_for(reached),
        exact=exact_text(reached),
    )


def _steps_table(plan: Plan, rubric: Rubric, lang: Lang) -> Table:
    with_cost = plan.cost is not None
    keys = ["indicator", "name", "plan.from", "plan.to", "plan.gain", "plan.running"]
    headers = [text(k, lang) for k in keys]
    align: list[Align] = ["right", "left", "left", "left", "right", "right"]
    if with_cost:
        headers.append(text("plan.cost.col", lang))
        align.append("right")
    table = Table(text("plan.steps", lang), headers, align, tone_column=5)
    running = plan.start
    for step in plan.steps:
        running += step.gain
        ind = step.indicator
        row = [
            str(ind.id),
            ind.name,
            _level(rubric, step, step.from_level),
            _level(rubric, step, step.to_level),
            exact_text(step.gain),
            str(round_half_up(running, rubric.decimals)),
        ]
        if with_cost and step.cost is not None:
            row.append(exact_text(step.cost))
        table.rows.append(row)
        table.tones.append(rubric.predicate_rank(rubric.predicate_for(running)))
    return table


def _criteria_table(plan: Plan, lang: Lang) -> Table:
    """The criterion to meet for each new level: long text, so beside the roadmap, not inside it."""
    headers = [text("indicator", lang), text("plan.to", lang), text("criteria", lang)]
    table = Table(text("criteria", lang), headers, ["right", "left", "left"])
    for step in plan.steps:
        ind = step.indicator
        to = f"{step.to_level} {ind.level_name(step.to_level)}".strip()
        table.rows.append([str(ind.id), to, ind.criteria.get(step.to_level, "–")])
        table.tones.append(None)
    return table


CSV_HEADER = [
    "id",
    "name",
    "from",
    "from_name",
    "to",
    "to_name",
    "gain",
    "running",
    "running_exact",
    "cost",
    "criterion",
]


def plan_csv(plan: Plan, rubric: Rubric) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    running = plan.start
    for step in plan.steps:
        running += step.gain
        ind = step.indicator
        writer.writerow(
            [ind.id, ind.name, step.from_level, ind.level_name(step.from_level), step.to_level,
             ind.level_name(step.to_level), exact_text(step.gain),
             round_half_up(running, rubric.decimals), exact_text(running),
             "" if step.cost is None else exact_text(step.cost),
             ind.criteria.get(step.to_level, "")]
        )  # fmt: skip
    return buffer.getvalue()


class PlanTable(HumanRenderer[PlanResult]):
    def report(self, result: PlanResult, stream: IO[Any]) -> Report:
        return plan_report(result.plan, result.card, self.lang)

    def bands(self, result: PlanResult) -> int:
        return len(result.card.rubric.bands)


class PlanMarkdown(PlanTable):
    markdown = True


class _Unannotated(Renderer[PlanResult]):
    """Machine formats carry no notices, so stderr hears of an unreachable target."""

    def notes(self, result: PlanResult) -> list[str]:
        if result.plan.reachable:
            return []
        return [unreachable_message(result.plan, result.card.rubric, self.lang)]


class PlanJson(_Unannotated, JsonRenderer[PlanResult]):
    def record(self, result: PlanResult) -> Any:
        return plan_record(result.plan, result.card, result.file)


class PlanCsv(_Unannotated):
    def write(self, result: PlanResult, stream: IO[Any]) -> None:
        stream.write(plan_csv(result.plan, result.card.rubric))
