"""`spbe plan FILE --target T`: the fewest (or cheapest) level steps that reach a target."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spbe_cli.cli.options import LangOpt, format_option
from spbe_cli.exits import ExitCode, command

PlanFormat = format_option("plan")


@command
def plan(
    file: Annotated[Path, typer.Argument(help="An assessment file (complete).")],
    target: Annotated[str, typer.Option(help="A target index (3.5) or a predicate of the rubric.")],
    fmt: PlanFormat = "table",
    lang: LangOpt = "id",
    max_per_indicator: Annotated[
        int | None, typer.Option(min=0, help="At most N levels up per indicator.")
    ] = None,
    exclude: Annotated[str | None, typer.Option(help="Do not raise these, e.g. 45,46.")] = None,
    only_domain: Annotated[str | None, typer.Option(help="Raise only this domain's.")] = None,
    costs: Annotated[Path | None, typer.Option(help="Costs file: least total cost.")] = None,
    domain_min: Annotated[
        list[str] | None,
        typer.Option(
            "--domain-min",
            help="Every domain at least a predicate or 2.6, or one domain (3:2.6); repeatable.",
            metavar="[DOMAIN:]MIN",
        ),
    ] = None,
    rubric: Annotated[Path | None, typer.Option(help="Use this rubric file instead.")] = None,
) -> ExitCode:
    """Rencana menuju target / the fewest (or cheapest) level steps that reach a target index."""
    from spbe_cli.app.plan import PlanRequest, plan_file
    from spbe_cli.cli.output import deliver
    from spbe_cli.render.base import Options

    minimums = tuple(domain_min or ())
    request = PlanRequest(
        file, target, max_per_indicator, exclude, only_domain, costs, rubric, minimums
    )
    result = plan_file(request)
    deliver("plan", fmt, result, Options(lang), None, False)
    return ExitCode.OK if result.plan.reachable else ExitCode.FAILED
