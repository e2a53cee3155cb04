"""`spbe plan FILE --target T`: the fewest (or cheapest) level steps that reach a target."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spbe_cli.cli.options import AllowOutsideOpt, LangOpt, RubricOpt, format_option
from spbe_cli.exits import ExitCode, command

PlanFormat = format_option("plan")


@command
def plan(
    file: Annotated[Path, typer.Argument(help="A complete assessment file.", metavar="FILE")],
    target: Annotated[
        str,
        typer.Option(
            "--target",
            metavar="NUMBER|PREDICATE",
            help="The index to reach: a number (3.5 or 3,5, at most the rubric's top level) or "
            'a predicate of the rubric ("sangat baik").',
        ),
    ],
    fmt: PlanFormat = "table",
    lang: LangOpt = "id",
    max_per_indicator: Annotated[
        int | None,
        typer.Option(
            "--max-per-indicator", min=0, metavar="N", help="Raise no indicator more than N levels."
        ),
    ] = None,
    exclude: Annotated[
        str | None,
        typer.Option("--exclude", metavar="IDS", help="Never raise these indicators, e.g. 45,46."),
    ] = None,
    only_domain: Annotated[
        str | None,
        typer.Option(
            "--only-domain",
            metavar="DOMAIN",
            help="Raise only the indicators of this domain (its id, e.g. 4).",
        ),
    ] = None,
    costs: Annotated[
        Path | None,
        typer.Option(
            "--costs", metavar="FILE", help="A costs file: plan for the least total cost instead."
        ),
    ] = None,
    domain_min: Annotated[
        list[str] | None,
        typer.Option(
            "--domain-min",
            help="Every domain at least a predicate or 2.6, or one domain (3:2.6); repeatable.",
            metavar="[DOMAIN:]MIN",
        ),
    ] = None,
    rubric: RubricOpt = None,
    allow_rubric_outside: AllowOutsideOpt = False,
) -> ExitCode:
    """Rencana menuju target / plan the steps to a target index.

    The fewest one-level steps (or, with --costs, the cheapest) whose exact result reaches the
    target and every --domain-min. Exit 1 when that cannot be reached under the constraints.
    """
    from spbe_cli.app.plan import PlanRequest, plan_file
    from spbe_cli.app.rubrics import rubric_option
    from spbe_cli.cli.output import deliver
    from spbe_cli.render.base import Options

    minimums = tuple(domain_min or ())
    override = rubric_option(rubric)  # before the assessment is read
    chosen = override[0] if override else None
    request = PlanRequest(
        file,
        target,
        max_per_indicator,
        exclude,
        only_domain,
        costs,
        chosen,
        minimums,
        allow_rubric_outside,
    )
    result = plan_file(request)
    deliver("plan", fmt, result, Options(lang), None, False)
    return ExitCode.OK if result.plan.reachable else ExitCode.FAILED
