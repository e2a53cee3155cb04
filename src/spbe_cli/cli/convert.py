"""`spbe convert FILE -o OUT`: an assessment from YAML, TOML, JSON or xlsx to any of them."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from spbe_cli.cli.options import AllowOutsideOpt, ForceOpt, LangOpt, OutputOpt
from spbe_cli.exits import command, usage_error

ConvertFormat = Annotated[
    Literal["yaml", "toml", "json", "xlsx"] | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="yaml, toml, json or xlsx (default: from -o's suffix).",
    ),
]


@command
def convert(
    file: Annotated[
        Path, typer.Argument(help="The assessment (.yaml, .toml, .json, .xlsx).", metavar="FILE")
    ],
    output: OutputOpt = None,
    fmt: ConvertFormat = None,
    force: ForceOpt = False,
    lang: LangOpt = "id",
    allow_rubric_outside: AllowOutsideOpt = False,
) -> None:
    """Ubah format lembar penilaian / convert an assessment's format.

    Between YAML, TOML, JSON and the workbook (xlsx), lossless for the header, levels and texts;
    what the new format cannot hold exactly is refused at its place in the file (SPBE140).
    """
    from spbe_cli.app.convert import SUFFIXES, convert
    from spbe_cli.cli.output import write_output
    from spbe_cli.messages import text

    chosen = _format(fmt, output, SUFFIXES)
    same = output is not None and os.path.realpath(output) == os.path.realpath(file)
    if same:  # realpath, not Path.resolve(): that raises on a symlink loop (issue 13)
        raise usage_error("convert.same_file", file=output)
    done = convert(file, output, chosen, allow_outside=allow_rubric_outside)
    card = done.card
    content: str | bytes
    if chosen == "xlsx":
        from spbe_cli.render.workbook.assessment import assessment_workbook

        content = assessment_workbook(card, lang)
    else:
        from spbe_cli.render import assessment_out

        if chosen == "yaml":
            content = assessment_out.to_yaml(card.rubric, card.assessment, schema=done.schema)
        elif chosen == "toml":
            content = assessment_out.to_toml(card.rubric, card.assessment)
        else:
            content = assessment_out.to_json(card.rubric, card.assessment)
    if output is None:
        assert isinstance(content, str)
        sys.stdout.write(content)
        return
    write_output(output, content, force=force)
    count = len(card.rubric.indicators)
    sys.stderr.write(text("convert.written", lang, file=output, fmt=chosen, count=count) + "\n")


def _format(
    fmt: str | None, output: Path | None, suffixes: dict[str, str]
) -> Literal["yaml", "toml", "json", "xlsx"]:
    """The format asked for, checked against -o's suffix: every reader picks a file by suffix."""
    by_suffix = suffixes.get(output.suffix.lower()) if output is not None else None
    if output is not None and by_suffix is None:
        raise usage_error("convert.unknown_suffix", file=output)
    chosen = fmt or by_suffix
    if chosen is None:
        raise usage_error("convert.needs_format")
    if by_suffix is not None and by_suffix != chosen:
        raise usage_error("convert.format_mismatch", fmt=chosen, file=output)
    if chosen == "xlsx" and output is None:
        raise usage_error("xlsx.needs_output")
    return chosen  # type: ignore[return-value]
