"""Options shared by several commands, and each command's `--format` choices from the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from spbe_cli.messages import Lang
from spbe_cli.render.registry import formats

LangOpt = Annotated[Lang, typer.Option("--lang", envvar="SPBE_LANG", help="id (Indonesia) or en.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (needed for xlsx).")
]
ForceOpt = Annotated[bool, typer.Option(help="Replace an existing --output file.")]


def format_option(command: str) -> Any:
    """`--format` with the choices of `command`'s renderer registry (the first is the default)."""
    choices = Literal[tuple(formats(command))]  # type: ignore[valid-type]
    return Annotated[choices, typer.Option("--format", "-f", help="Output format.")]
