"""Options shared by several commands, and each command's `--format` choices from the registry.

One definition per option, so `--rubric`, `--fail-under` or `--lang` read the same in every
command's `--help`: the same metavar (NUMBER, not Typer's `<str>`), the same words. Choices are
case-insensitive (`SPBE_LANG=EN`, `--format JSON`): a user's shell spelling is not a usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from spbe_cli.messages import Lang
from spbe_cli.render.registry import formats

LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang",
        envvar="SPBE_LANG",
        case_sensitive=False,
        help="id (Bahasa Indonesia) or en; headings and messages.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (needed for xlsx)."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]

RubricOpt = Annotated[
    str | None,
    typer.Option(
        "--rubric",
        metavar="RUBRIC",
        help="Use this rubric instead of the file's `rubrik`: a bundled id "
        '(permenpanrb-59-2020), its regulation\'s name ("PermenPANRB 59/2020") or a rubric file.',
    ),
]
FailUnderOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-under",
        metavar="NUMBER",
        help="Fail when a file's exact index is below NUMBER (2.6 or 2,6).",
    ),
]
MinPredicateOpt = Annotated[
    str | None,
    typer.Option(
        "--min-predicate",
        metavar="PREDICATE",
        help='Fail when a file\'s predicate is below PREDICATE (e.g. baik, "sangat baik").',
    ),
]


def paths_argument(help_text: str) -> Any:
    """PATH...: files or folders (folders are walked for .yaml, .yml, .toml, .json)."""
    return Annotated[list[Path], typer.Argument(help=help_text, metavar="PATH...")]


AllowOutsideOpt = Annotated[
    bool,
    typer.Option(
        "--allow-rubric-outside",
        help="Let `rubrik:` paths in the files lead outside this folder and their repository.",
    ),
]
"""Off by default: a `rubrik:` path is written by whoever wrote the assessment (issue 13)."""


def format_option(command: str, help: str = "Output format.") -> Any:
    """`--format` with the choices of `command`'s renderer registry (the first is the default)."""
    choices = Literal[tuple(formats(command))]  # type: ignore[valid-type]
    return Annotated[choices, typer.Option("--format", "-f", case_sensitive=False, help=help)]
