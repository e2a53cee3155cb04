"""The Typer application: one module per command, registered here; no command logic lives here."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer

from spbe_cli import __version__
from spbe_cli.cli import (
    convert,
    diff,
    init,
    plan,
    rank,
    report,
    rubric,
    schema,
    score,
    validate,
)
from spbe_cli.exits import ExitCode, Stop, conclude

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
app = typer.Typer(**_APP_SETTINGS)
rubric_app = typer.Typer(
    help="Rubrik bawaan dan berkas rubrik / bundled and custom rubrics.\n\n"
    "list and show read the bundled rubrics (show --rubric also a file); check validates a "
    "custom rubric file (or a bundled id); schema prints the rubric format's JSON Schema.",
    no_args_is_help=True,
    context_settings=HELP_OPTIONS,
)
app.add_typer(rubric_app, name="rubric")


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


@app.callback()
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


for _command in (
    score.score, diff.diff, validate.validate, schema.schema, plan.plan, rank.rank,
    init.init, report.report, convert.convert,
):  # fmt: skip
    app.command(help=flowed(_command.__doc__))(_command)
for _name, _sub in (
    ("list", rubric.rubric_list), ("show", rubric.rubric_show),
    ("check", rubric.rubric_check), ("schema", rubric.rubric_schema),
):  # fmt: skip
    rubric_app.command(_name, help=flowed(_sub.__doc__))(_sub)


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run, so Typer builds one command instead of all.

    Typer inspects the signature of every registered command at each start (about 25 ms for
    ours); no command, `--help` or an unknown command still get the whole app.
    """
    wanted = next((a for a in args if not a.startswith("-")), None)
    commands = [c for c in app.registered_commands if _command_name(c) == wanted]
    groups = [g for g in app.registered_groups if g.name == wanted]
    if not (commands or groups):
        return app
    lean = typer.Typer(**_APP_SETTINGS)
    lean.registered_callback = app.registered_callback
    lean.registered_commands = commands
    lean.registered_groups = groups
    return lean


def _command_name(info: typer.models.CommandInfo) -> str:
    return info.name or info.callback.__name__.replace("_", "-")
