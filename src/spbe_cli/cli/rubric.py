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
    """Daftar rubrik bawaan / list the bundled rubrics.

    Each with its regulation, era, status and what was and was not checked.
    """
    from spbe_cli.app.rubrics import bundled_rubrics
    from spbe_cli.cli.output import deliver
    from spbe_cli.render.base import Options

    deliver("rubric-list", fmt, bundled_rubrics(), Options(lang), None, False)


@command
def rubric_show(
    indicator: Annotated[
        str | None, typer.Argument(help="An indicator id, e.g. 12.", metavar="INDICATOR")
    ] = None,
    rubric: Annotated[
        str,
        typer.Option(
            "--rubric",
            metavar="RUBRIC",
            help="A bundled rubric id, its regulation's name, or a rubric file.",
        ),
    ] = "permenpanrb-59-2020",
    fmt: ShowFormat = "table",
    lang: LangOpt = "id",
) -> None:
    """Pertanyaan dan kriteria / show questions and level criteria.

    One indicator's question and the criterion of each level, or every indicator of the rubric.
    """
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
    path: Annotated[
        str,
        typer.Argument(
            help="A custom rubric file (.yaml, .yml, .toml, .json), or a bundled rubric's id.",
            metavar="RUBRIC",
        ),
    ],
    lang: LangOpt = "id",
) -> ExitCode:
    """Periksa berkas rubrik / check a rubric file.

    Every problem with its line: weights that do not add up exactly, duplicate ids, predicate
    bands with gaps, level names off the range. Exit 0 when valid, 2 otherwise.
    """
    from spbe_cli.app.rubrics import check_rubric
    from spbe_cli.messages import text
    from spbe_cli.render.tables import status_text

    loaded = check_rubric(path)
    if isinstance(loaded, list):
        key = "rubric.invalid.one" if len(loaded) == 1 else "rubric.invalid"
        raise Stop(problems=loaded, message=key, count=len(loaded), file=path)
    summary = text(
        "rubric.ok" if loaded.domains else "rubric.ok.flat",  # no "0 domains"
        lang,
        file=path,
        id=loaded.id,
        status=status_text(loaded, lang),
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
    """Skema JSON format rubrik / the rubric format's JSON Schema.

    For editors writing a custom rubric file; the format is described in rubrics/README.md.
    """
    import json

    from spbe_cli.model.rubric_file import rubric_json_schema

    sys.stdout.write(json.dumps(rubric_json_schema(), indent=2, ensure_ascii=False) + "\n")
