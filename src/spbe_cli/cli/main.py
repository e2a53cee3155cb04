"""The Typer application: one module per command, registered here; no command logic lives here.

Commands are named in COMMANDS and RUBRIC_COMMANDS and their modules imported only when an app
that holds them is built: `spbe score` loads cli/score.py and none of the other eight (app_for).
`app`, the whole application (help, no command, an unknown one, the tests), is built on first use.
Annotations are evaluated at definition (no `from __future__ import annotations`), as in
cli/score.py: Typer reads the callback's signature at every run.
"""

import importlib
import inspect
from typing import Annotated, Any

import typer

from spbe_cli import __version__
from spbe_cli.exits import ExitCode, Stop, conclude

COMMANDS = ("score", "diff", "validate", "schema", "plan", "rank", "init", "report", "convert")
"""The top-level commands in the order help lists them: each is a function of its own name in
the module spbe_cli.cli.<name>."""
RUBRIC_COMMANDS: dict[str, str] = {
    "list": "rubric_list",
    "show": "rubric_show",
    "check": "rubric_check",
    "schema": "rubric_schema",
}
"""`spbe rubric`'s subcommands and their functions in spbe_cli.cli.rubric."""
RUBRIC_HELP = (
    "Rubrik bawaan dan berkas rubrik / bundled and custom rubrics.\n\n"
    "list and show read the bundled rubrics (show --rubric also a file); check validates a "
    "custom rubric file (or a bundled id); schema prints the rubric format's JSON Schema."
)

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
"""`-h` as well as `--help`, on every command (click passes it from the group to each command)."""

_APP_SETTINGS: dict = {
    "help": "Kalkulator Indeks SPBE yang pasti / the exact SPBE index calculator.\n\n"
    "Mulai dengan / start with: spbe init --instansi NAMA --tahun 2026 -o penilaian.yaml",
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "add_completion": False,
    "context_settings": HELP_OPTIONS,
}


def _plain_argument_metavar(
    self: typer.core.TyperArgument, ctx: Any, *, usage: bool = False
) -> str:
    """`spbe score [OPTIONS] PATH...` rather than Typer's `{PATH...}`: braces read as a choice
    in every other tool's usage line, and our arguments all carry an upper-case metavar."""
    if self.metavar is not None and usage:
        return self.metavar if self.required else f"[{self.metavar}]"
    return _typer_argument_metavar(self, ctx, usage=usage)


_typer_argument_metavar = typer.core.TyperArgument.make_metavar
typer.core.TyperArgument.make_metavar = _plain_argument_metavar  # type: ignore[method-assign]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spbe-cli {__version__}")
        conclude(Stop(ExitCode.OK), "id")


def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """spbe: score, compare and check SPBE self-assessments exactly as the ministry does."""


def flowed(doc: str | None) -> str:
    """A command's docstring as help: the summary line, then each paragraph on one line.

    Typer's Rich help (on a terminal) keeps a docstring's line breaks and wraps again around
    them; plain help re-wraps anyway. Flowing the paragraphs reads well in both.
    """
    paragraphs = inspect.cleandoc(doc or "").split("\n\n")
    return "\n\n".join(" ".join(part.split()) for part in paragraphs)


def _with(names: list[str]) -> typer.Typer:
    """An app with the version callback and the named commands (`rubric` is the group)."""
    built = typer.Typer(**_APP_SETTINGS)
    built.callback()(main)
    for name in names:
        if name == "rubric":
            built.add_typer(_rubric_app(), name="rubric")
        else:
            function = getattr(importlib.import_module(f"spbe_cli.cli.{name}"), name)
            built.command(help=flowed(function.__doc__))(function)
    return built


def _rubric_app() -> typer.Typer:
    from spbe_cli.cli import rubric

    group = typer.Typer(help=RUBRIC_HELP, no_args_is_help=True, context_settings=HELP_OPTIONS)
    for name, attribute in RUBRIC_COMMANDS.items():
        function = getattr(rubric, attribute)
        group.command(name, help=flowed(function.__doc__))(function)
    return group


_whole: typer.Typer | None = None


def whole_app() -> typer.Typer:
    """Every command: what help lists, and what an unknown command is looked up in."""
    global _whole
    if _whole is None:
        _whole = _with([*COMMANDS, "rubric"])
    return _whole


def __getattr__(name: str) -> Any:
    """`from spbe_cli.cli.main import app`: the whole application, built on first use."""
    if name == "app":
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run, so only its module is imported and Typer builds
    one command instead of all (Typer inspects each registered command's signature at every
    start, about 25 ms for ours; importing the other modules cost about 1.5 ms more).

    No command, `--help` or an unknown command get the whole app.
    """
    wanted = next((a for a in args if not a.startswith("-")), None)
    if wanted in COMMANDS or wanted == "rubric":
        return _with([wanted])
    return whole_app()
