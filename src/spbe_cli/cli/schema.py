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

from spbe_cli.cli.options import LangOpt
from spbe_cli.exits import command

DEFAULT_RUBRIC = "permenpanrb-59-2020"


@command
def schema(
    rubric: Annotated[
        str | None, typer.Argument(help="A bundled rubric id or file (default: 59/2020).")
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
        Path | None, typer.Option("--output", "-o", help="Write here.", metavar="FILE")
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace an existing -o file.")] = False,
    lang: LangOpt = "id",
) -> None:
    """Skema JSON untuk editor / a JSON Schema of the self-assessment file or of an output."""
    from spbe_cli.cli.output import write_output
    from spbe_cli.messages import text

    content = _content(rubric, output)
    if write is None:
        sys.stdout.write(content)
        return
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
