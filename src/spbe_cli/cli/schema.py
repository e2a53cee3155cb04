"""`spbe schema [RUBRIC]`: a JSON Schema of the self-assessment file, for editors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from spbe_cli.cli.options import ForceOpt, LangOpt
from spbe_cli.exits import command

DEFAULT_RUBRIC = "permenpanrb-59-2020"


@command
def schema(
    rubric: Annotated[str, typer.Argument(help="A bundled rubric id or file.")] = DEFAULT_RUBRIC,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    force: ForceOpt = False,
    lang: LangOpt = "id",
) -> None:
    """Skema JSON untuk editor / a JSON Schema of the self-assessment file for a rubric."""
    from spbe_cli.app.rubrics import rubric_named
    from spbe_cli.cli.output import write_output
    from spbe_cli.messages import text
    from spbe_cli.render.assessment_schema import schema_text

    content = schema_text(rubric_named(rubric))
    if output is None:
        sys.stdout.write(content)
        return
    write_output(output, content, force=force)
    sys.stderr.write(text("schema.written", lang, path=output) + "\n")
