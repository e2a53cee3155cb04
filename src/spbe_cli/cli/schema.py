"""`spbe schema [RUBRIC]` and `spbe schema --of COMMAND`: JSON Schemas for editors and scripts.

Without `--of` it is the schema of the self-assessment file for a rubric (what an editor
completes and underlines); with `--of score` (diff, plan, rank, validate, rubric-list,
rubric-show) it is the contract of that command's `--format json`. `-o FILE` (`--output`), as in
every command, writes either one to a file instead of standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from spbe_cli.cli.options import ForceOpt, LangOpt
from spbe_cli.exits import command, usage_error

DEFAULT_RUBRIC = "permenpanrb-59-2020"


@command
def schema(
    rubric: Annotated[
        str | None,
        typer.Argument(
            help="A bundled rubric id, its regulation's name, or a rubric file "
            "(default: permenpanrb-59-2020).",
            metavar="RUBRIC",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--of",
            help="The JSON output of this command instead: score, diff, plan, rank, validate, "
            "rubric-list, rubric-show.",
            metavar="COMMAND",
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the schema to FILE."),
    ] = None,
    force: ForceOpt = False,
    lang: LangOpt = "id",
) -> None:
    """Skema JSON untuk editor / a JSON Schema for editors or scripts.

    Of the self-assessment file for a rubric (VS Code's YAML extension completes indicator ids and
    level names, and underlines a level off the range), or with --of of a command's JSON output.
    Write the assessment's next to your files, e.g. `spbe schema -o
    schemas/permenpanrb-59-2020.schema.json`; missing folders are made.
    """
    from spbe_cli.cli.output import write_output
    from spbe_cli.messages import text

    content = _content(rubric, output)
    if write is None:
        sys.stdout.write(content)
        return
    try:  # `spbe schema -o schemas/<id>.schema.json`, the README's recipe, in a fresh repository
        write.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise usage_error("output.failed", path=write, reason=exc.strerror or exc) from None
    write_output(write, content, force=force)
    sys.stderr.write(text("schema.written", lang, path=write) + "\n")


def _content(rubric: str | None, output: str | None) -> str:
    from spbe_cli.exits import usage_error

    if output is None:
        from spbe_cli.app.rubrics import rubric_named
        from spbe_cli.render.assessment_schema import schema_text

        return schema_text(rubric_named(rubric or DEFAULT_RUBRIC))
    from spbe_cli.render.output_schemas import KINDS, output_schema_text

    if rubric is not None:
        raise usage_error("usage.schema.both", rubric=rubric, output=output)
    if output not in KINDS:
        raise usage_error("usage.schema.output", value=output, allowed=", ".join(KINDS))
    return output_schema_text(output)
