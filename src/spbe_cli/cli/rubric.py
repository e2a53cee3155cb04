"""`spbe rubric list|show|check|schema`: bundled rubrics, their criteria, custom rubric files."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from spbe_cli.cli.options import LangOpt, format_option
from spbe_cli.exits import ExitCode, Stop, command

ListFormat = format_option("rubric-list")
ShowFormat = format_option("rubric-show")


@command
def rubric_list(fmt: ListFormat = "table", lang: LangOpt = "id") -> None:
    """Rubrik bawaan / the bundled rubrics with their regulation, era and status."""
    from spbe_cli.app.rubrics import bundled_rubrics
    from spbe_cli.cli.output import deliver
    from spbe_cli.render.base import Options

    deliver("rubric-list", fmt, bundled_rubrics(), Options(lang), None, False)


@command
def rubric_show(
    indicator: Annotated[str | None, typer.Argument(help="An indicator id, e.g. 12.")] = None,
    rubric: Annotated[
        str, typer.Option(help="A bundled rubric id or a rubric file.")
    ] = "permenpanrb-59-2020",
    fmt: ShowFormat = "table",
    lang: LangOpt = "id",
) -> None:
    """Pertanyaan dan kriteria / an indicator's question and level criteria, or the whole rubric."""
    from spbe_cli.app.rubrics import rubric_named
    from spbe_cli.cli.output import deliver
    from spbe_cli.core.results import RubricView
    from spbe_cli.exits import usage_error
    from spbe_cli.render.base import Options

    loaded = rubric_named(rubric)
    chosen = None
    if indicator is not None:
        chosen = loaded.by_key.get(indicator.strip())
        if chosen is None:
            raise usage_error("usage.unknown_indicator", id=indicator, rubric=loaded.id)
    deliver("rubric-show", fmt, RubricView(loaded, chosen), Options(lang), None, False)


@command
def rubric_check(
    path: Annotated[str, typer.Argument(help="A rubric file (or a bundled rubric id).")],
    lang: LangOpt = "id",
) -> ExitCode:
    """Periksa berkas rubrik / check a rubric file and explain every problem with its line."""
    from spbe_cli.app.rubrics import check_rubric
    from spbe_cli.messages import text

    loaded = check_rubric(path)
    if isinstance(loaded, list):
        raise Stop(problems=loaded, message="rubric.invalid", count=len(loaded), file=path)
    summary = text(
        "rubric.ok",
        lang,
        file=path,
        id=loaded.id,
        status=loaded.status,
        domains=len(loaded.domains),
        aspects=len(loaded.aspects),
        indicators=len(loaded.indicators),
        min=loaded.level_min,
        max=loaded.level_max,
        bands=len(loaded.bands),
    )
    sys.stdout.write(summary + "\n")
    return ExitCode.OK


@command
def rubric_schema() -> None:
    """Skema JSON format rubrik / the JSON Schema of the rubric file format."""
    import json

    from spbe_cli.model.rubric_file import rubric_json_schema

    sys.stdout.write(json.dumps(rubric_json_schema(), indent=2, ensure_ascii=False) + "\n")
