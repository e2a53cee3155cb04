"""Where a command's result goes: a renderer from the registry, to stdout or to an -o file.

Every -o/--output goes through safe_write (atomic, never over a file without --force); a binary
format (xlsx) goes only to a file, never to a terminal or a pipe.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import Any, BinaryIO

from spbe_cli.exits import usage_error
from spbe_cli.messages import text
from spbe_cli.render.base import Options, Renderer


def chosen_renderer(command: str, fmt: str, options: Options) -> Renderer[Any]:
    """The renderer, or a usage error when its optional library (the `report` extra) is missing:
    called before any file is read, so a missing extra costs the user nothing."""
    from spbe_cli.render.registry import MissingExtra, renderer

    try:
        return renderer(command, fmt, options)
    except MissingExtra as exc:
        raise usage_error("report.missing_extra", module=exc.module) from None


def deliver(
    command: str, fmt: str, result: Any, options: Options, output: Path | None, force: bool
) -> None:
    """Render `result` in `fmt` to stdout or to `output`, then print the notes it cannot carry."""
    chosen = chosen_renderer(command, fmt, options)
    if chosen.binary and output is None:
        raise usage_error("xlsx.needs_output")
    if output is None:
        chosen.write(result, sys.stdout)
    else:
        with output_file(output, force=force) as handle:  # written as it is made (issue 17)
            if chosen.binary:
                chosen.write(result, handle)
            else:
                stream = io.TextIOWrapper(handle, encoding="utf-8", newline="")
                chosen.write(result, stream)
                stream.flush()
                stream.detach()
        announce = chosen.announce or ("xlsx.written" if chosen.binary else None)
        if announce is not None:
            sys.stderr.write(text(announce, options.lang, path=output) + "\n")
    sys.stdout.flush()
    notes = chosen.notes(result)
    if notes:  # the escaping loads only when there is a note to write
        from spbe_cli.render.escape import inert

        for note in notes:
            sys.stderr.write(inert(note) + "\n")


def write_output(target: Path, data: str | bytes, *, force: bool) -> None:
    with output_file(target, force=force) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextmanager
def output_file(target: Path, *, force: bool) -> Iterator[BinaryIO]:
    """An -o file written atomically as the output is made; its failures are usage errors."""
    from spbe_cli.files.safe_write import RefusedOverwrite, open_atomic

    try:
        with open_atomic(target, force=force) as handle:
            yield handle
    except RefusedOverwrite:
        raise usage_error("output.exists", path=target) from None
    except OSError as exc:
        raise usage_error("output.failed", path=target, reason=exc.strerror or exc) from None


def needs_output(output: Path | None) -> Path:
    if output is None:
        raise usage_error("xlsx.needs_output")
    return output


def fraction_option(raw: str | None, name: str) -> Fraction | None:
    """A threshold read exactly; Indonesian writes decimals with a comma, so 2,6 is 2.6 too."""
    if raw is None:
        return None
    try:
        return Fraction(raw.replace(",", "."))
    except (ValueError, ZeroDivisionError):
        raise usage_error("usage.number", option=name, value=raw) from None
