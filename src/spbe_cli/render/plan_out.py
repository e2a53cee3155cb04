"""`spbe plan` output: the roadmap as a table, Markdown, JSON or CSV, from a Plan (no computing).

People read decimals, never fractions: a gain is a share of the index, shown with one precision
down its column and in every output (render/figures.py: the rubric's decimals, as the report and
the workbook show contributions), an exact value as its decimal, both with a comma in Indonesian.
The JSON and CSV keep the exact values as text that Fraction parses back.
"""

from __future__ import annotations

import io
from fractions import Fraction
from typing import IO, Any

from spbe_cli.core.plan import DomainGoal, Plan, Step
from spbe_cli.core.results import PlanResult
from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.rubric import Rubric
from spbe_cli.render import figures
from spbe_cli.render.base import HumanRenderer, JsonRenderer, Renderer
from spbe_cli.render.csv_out import csv_writer
from spbe_cli.render.escape import csv_cell
from spbe_cli.render.records import agency_record, value_record
from spbe_cli.render.tables import Align, Report, Table


def _index(rubric: Rubric, value: Fraction) -> dict[str, Any]:
    return value_record(round_half_up(value, rubric.decimals), value, rubric.predicate_for(value))


def _level(step: Step, level: int) -> str:
    return f"{level} {step.indicator.level_name(level)}".strip()


def _running(plan: Plan) -> list[Fraction]:
    """The exact index after each step, in the plan's order."""
    out, running = [], plan.start
    for step in plan.steps:
        running += step.gain
        out.append(running)
    return out


def plan_record(plan: Plan, card: Scorecard, file: str) -> dict[str, Any]:
    rubric = card.rubric
    record: dict[str, Any] = {
        "file": file,
        "rubric": rubric.id,
        "instansi": agency_record(card.assessment.agency),
        "tahun": card.assessment.tahun,
        "start": _index(rubric, plan.start),
        "target": _index(rubric, plan.target),
        "steps": [
            _step_record(s, _index(rubric, running))
            for s, running in zip(plan.steps, _running(plan), strict=True)
        ],
        "step_count": plan.step_count,
        "reached": _index(rubric, plan.reached),
        "reachable": plan.reachable,
        "domains": [_domain_record(goal, rubric) for goal in plan.domains],
    }
    if plan.cost is not None:
        record["cost"] = exact_text(plan.cost)
    return record


def _step_record(step: Step, running: dict[str, Any]) -> dict[str, Any]:
    ind = step.indicator
    record: dict[str, Any] = {
        "id": ind.id,
        "name": ind.name,
        "from": step.from_level,
        "to": step.to_level,
        "gain": exact_text(step.gain),
        "running": running,
        "from_name": ind.level_name(step.from_level) or None,
        "to_name": ind.level_name(step.to_level) or None,
        "criterion": ind.criteria.get(step.to_level),
        "levels": [
            {"level": n, "name": ind.level_name(n) or None, "criterion": ind.criteria.get(n)}
            for n in range(step.from_level + 1, step.to_level + 1)
        ],
    }
    if step.cost is not None:
        record["cost"] = exact_text(step.cost)
    return record


def _domain_record(goal: DomainGoal, rubric: Rubric) -> dict[str, Any]:
    minimum = None if goal.minimum is None else _index(rubric, goal.minimum)
    return {
        "id": goal.domain.id,
        "name": goal.domain.name,
        "start": _index(rubric, goal.start),
        "reached": _index(rubric, goal.reached),
        "minimum": minimum,
        "met": goal.met,
    }


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
    tables = [_steps_table(plan, rubric, lang)] if plan.steps else []
    if any(s.indicator.criteria for s in plan.steps):  # 5/2018 and Pemdi carry no criteria
        tables.append(_criteria_table(plan, lang))
    if plan.domains:
        tables.append(_domains_table(plan, rubric, lang))
    return Report(heading, notices, tables)


def _notices(plan: Plan, rubric: Rubric, lang: Lang) -> list[str]:
    reached = plan.reached
    if not plan.steps and plan.reachable:
        return [text("plan.met", lang)]
    out = unmet_messages(plan, rubric, lang)
    out.append(
        text(
            "plan.reached",
            lang,
            value=round_half_up(reached, rubric.decimals),
            predicate=rubric.predicate_for(reached),
            exact=reached,
            steps=plan.step_count,
            count=len(plan.steps),
        )
    )
    if plan.cost is not None:
        out.append(text("plan.cost", lang, cost=plan.cost))
    return out


def unmet_messages(plan: Plan, rubric: Rubric, lang: Lang) -> list[str]:
    """What the plan cannot reach: the overall target, and each domain left below its minimum."""
    out = []
    if plan.reached < plan.target:
        out.append(unreachable_message(plan, rubric, lang))
    for goal in plan.domains:
        if not goal.met and goal.minimum is not None:
            out.append(
                text(
                    "plan.domain_short",
                    lang,
                    id=goal.domain.id,
                    name=goal.domain.name,
                    minimum=round_half_up(goal.minimum, rubric.decimals),
                    best=round_half_up(goal.reached, rubric.decimals),
                    predicate=rubric.predicate_for(goal.reached),
                    exact=goal.reached,
                )
            )
    return out


def unreachable_message(plan: Plan, rubric: Rubric, lang: Lang) -> str:
    reached = plan.reached
    return text(
        "plan.unreachable",
        lang,
        target=round_half_up(plan.target, rubric.decimals),
        best=round_half_up(reached, rubric.decimals),
        predicate=rubric.predicate_for(reached),
        exact=reached,
    )


def _steps_table(plan: Plan, rubric: Rubric, lang: Lang) -> Table:
    with_cost = plan.cost is not None
    keys = ["indicator", "name", "plan.from", "plan.to", "plan.gain", "plan.running"]
    headers = [text(k, lang) for k in keys]
    align: list[Align] = ["right", "left", "left", "left", "right", "right"]
    if with_cost:
        headers.append(text("plan.cost.col", lang))
        align.append("right")
    table = Table(text("plan.steps", lang), headers, align, tone_column=5, stack=(1,))
    for step, running in zip(plan.steps, _running(plan), strict=True):
        ind = step.indicator
        row = [
            str(ind.id),
            ind.name,
            _level(step, step.from_level),
            _level(step, step.to_level),
            figures.share(step.gain, rubric.decimals, lang),
            figures.shown(running, rubric.decimals, lang),
        ]
        if with_cost:
            row.append("–" if step.cost is None else figures.exact(step.cost, lang))
        table.rows.append(row)
        table.tones.append(rubric.predicate_rank(rubric.predicate_for(running)))
    return table


def _criteria_table(plan: Plan, lang: Lang) -> Table:
    """The criterion of every level a step passes through (3 → 5 shows 4 and 5): long text, so
    beside the roadmap, not inside it."""
    headers = [text("indicator", lang), text("level", lang), text("criteria", lang)]
    title = text("plan.criteria", lang)  # a narrow terminal cuts a criterion: the title says where
    table = Table(title, headers, ["right", "left", "left"], stack=(2,), clip={2: 2})
    for step in plan.steps:
        for level in range(step.from_level + 1, step.to_level + 1):
            criterion = step.indicator.criteria.get(level, "–")
            table.rows.append([str(step.indicator.id), _level(step, level), criterion])
            table.tones.append(None)
    return table


def _domains_table(plan: Plan, rubric: Rubric, lang: Lang) -> Table:
    """Each domain now and after the plan, beside the minimum asked of it: what a consultant
    shows when the overall target alone would leave the weakest domain where it is."""
    keys = ["domain", "name", "plan.now", "plan.after", "plan.minimum", "predicate"]
    align: list[Align] = ["right", "left", "right", "right", "right", "left"]
    table = Table(text("plan.domains", lang), [text(k, lang) for k in keys], align, tone_column=5)
    for goal in plan.domains:
        decimals = rubric.decimals
        minimum = "–" if goal.minimum is None else figures.shown(goal.minimum, decimals, lang)
        if not goal.met:
            minimum += " ✗"
        predicate = rubric.predicate_for(goal.reached)
        table.rows.append(
            [
                str(goal.domain.id),
                goal.domain.name,
                figures.shown(goal.start, decimals, lang),
                figures.shown(goal.reached, decimals, lang),
                minimum,
                predicate,
            ]
        )
        table.tones.append(rubric.predicate_rank(predicate))
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
    """One row per step; text from the rubric is neutralised for spreadsheets (`csv_cell`)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(CSV_HEADER)
    for step, running in zip(plan.steps, _running(plan), strict=True):
        ind = step.indicator
        writer.writerow(
            [ind.id if isinstance(ind.id, int) else csv_cell(ind.id), csv_cell(ind.name),
             step.from_level, csv_cell(ind.level_name(step.from_level)), step.to_level,
             csv_cell(ind.level_name(step.to_level)), exact_text(step.gain),
             round_half_up(running, rubric.decimals), exact_text(running),
             "" if step.cost is None else exact_text(step.cost),
             csv_cell(ind.criteria.get(step.to_level, ""))]
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
    """Machine formats carry no notices, so stderr hears of what the plan cannot reach."""

    def notes(self, result: PlanResult) -> list[str]:
        if result.plan.reachable:
            return []
        return unmet_messages(result.plan, result.card.rubric, self.lang)


class PlanJson(_Unannotated, JsonRenderer[PlanResult]):
    def record(self, result: PlanResult) -> Any:
        return plan_record(result.plan, result.card, result.file)


class PlanCsv(_Unannotated):
    def write(self, result: PlanResult, stream: IO[Any]) -> None:
        stream.write(plan_csv(result.plan, result.card.rubric))
