"""The one exit path: every command ends here, as a code and, when it failed, what to tell the user.

Use cases and commands never print a failure or choose a process exit themselves: they return an
`ExitCode` or raise `Stop` (problems or a message, and a code). `conclude` turns either into
output on stderr and a `SystemExit`, so the table of exit codes in the README is this file.
An unexpected exception becomes exit 3 with one line naming the file being processed; a
traceback is never what a user sees. A closed pipe (`spbe validate big/ | head -1`) is no failure:
the reader wanted no more, so every command stops there quietly with exit 0 (`pipe_closed`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import IntEnum
from functools import wraps
from typing import Any, NoReturn, TypeVar

from spbe_cli.model.problems import Located


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    """A threshold not met, an invalid file in validate, an unreachable plan, skipped files."""
    INVALID = 2
    """Invalid input (any file) or a usage error."""
    INTERNAL = 3
    """A bug in spbe-cli."""
    INTERRUPTED = 130
    """Ctrl-C, as shells report SIGINT."""


class Stop(Exception):
    """Ends a command early: problems of files and/or one catalogue message, with a code."""

    def __init__(
        self,
        code: ExitCode = ExitCode.INVALID,
        *,
        problems: Iterable[Located] = (),
        message: str | None = None,
        usage: bool = False,
        **params: object,
    ) -> None:
        super().__init__(message or code.name)
        self.code = code
        self.problems = list(problems)
        self.message = message
        self.usage = usage
        self.params = params


def usage_error(message: str, **params: object) -> Stop:
    """A usage error (exit 2): the catalogue message `message`, after the localised prefix."""
    return Stop(ExitCode.INVALID, message=message, usage=True, **params)


class InternalError(Exception):
    """An unexpected exception while processing one file, carried as text (it crosses processes)."""

    def __init__(self, file: str, kind: str, detail: str) -> None:
        super().__init__(file, kind, detail)
        self.file, self.kind, self.detail = file, kind, detail


_current_file: ContextVar[str | None] = ContextVar("spbe_current_file", default=None)


@contextmanager
def processing(file: str) -> Iterator[None]:
    """Name the file being processed, so an internal error can say which file to report."""
    token = _current_file.set(file)
    try:
        yield
    except (Stop, InternalError, KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:
        raise InternalError(file, type(exc).__name__, str(exc)) from exc
    finally:
        _current_file.reset(token)


F = TypeVar("F", bound=Callable[..., Any])


def command(body: F) -> F:
    """Run a command body and leave through `conclude` (`lang` comes from its keyword arguments)."""

    @wraps(body)
    def run(*args: Any, **kwargs: Any) -> NoReturn:
        lang = kwargs.get("lang", "id")
        try:
            result = body(*args, **kwargs)
        except Stop as stop:
            conclude(stop, lang)
        except KeyboardInterrupt:
            conclude(Stop(ExitCode.INTERRUPTED), lang)
        except BrokenPipeError:
            pipe_closed()
        except InternalError as exc:
            _internal(exc.file, exc.kind, exc.detail, lang)
        except Exception as exc:
            file = _current_file.get() or _named_files(kwargs)
            _internal(file, type(exc).__name__, str(exc), lang)
        conclude(Stop(ExitCode(result or ExitCode.OK)), lang)

    return run  # type: ignore[return-value]


def _named_files(kwargs: dict[str, Any]) -> str:
    """The files a command was given, when a bug strikes after they were read (in a renderer)."""
    named: list[object] = []
    for key in ("files", "paths", "file", "path"):
        value = kwargs.get(key)
        named.extend(value if isinstance(value, list) else [] if value is None else [value])
    return ", ".join(map(str, named)) or "-"


def pipe_closed() -> NoReturn:
    """The reader of stdout went away (`| head -1`): stop quietly with exit 0, in every command.

    What was not written had no reader, and a file not yet checked has no verdict to report, so
    this is neither a failure (1) nor a bug (3). Stdout is pointed at the null device so that the
    final flush cannot raise again; stderr stays, but nothing more is said on it.
    """
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # no real descriptor (a test runner's capture): nothing to do
        pass
    raise SystemExit(int(ExitCode.OK))


def conclude(stop: Stop, lang: str) -> NoReturn:
    """Print what the user must know about the failure, then exit with its code.

    The renderers of problems and messages load only when there is something to say: a command
    that succeeded leaves without them (part of `spbe score`'s start-up budget)."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pipe_closed()
    if stop.problems:
        from spbe_cli.render.problems_out import problem_lines

        sources = _sources(stop.problems) if _on_terminal(sys.stderr) else None
        sys.stderr.write(problem_lines(stop.problems, lang, sources))  # type: ignore[arg-type]
    if stop.message is not None:
        from spbe_cli.messages import text
        from spbe_cli.render.escape import inert

        line = text(stop.message, lang, **stop.params)  # type: ignore[arg-type]
        if stop.usage:
            line = f"{text('usage.prefix', lang)}: {line}"  # type: ignore[arg-type]
        sys.stderr.write(inert(line) + "\n")  # it may quote a path or a name from a file
    raise SystemExit(int(stop.code))


def _on_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _sources(problems: list[Located]) -> dict[str, dict[int, str]]:
    """The lines the problems point at, by file, for the excerpt under each on a terminal (as
    `spbe validate` shows them); a file that cannot be read simply gets none."""
    from spbe_cli.files.reader import source_lines

    wanted: dict[str, set[int]] = {}
    for item in problems:
        if item.place is None:  # a workbook (its problems name a cell) is not read as text
            wanted.setdefault(item.file, set()).add(item.line)
    return {file: source_lines(file, lines) for file, lines in wanted.items()}


def _internal(file: str, kind: str, detail: str, lang: str) -> NoReturn:
    from spbe_cli.messages import text
    from spbe_cli.render.escape import inert

    line = text("internal.error", lang, file=inert(file), kind=kind, detail=inert(detail))  # type: ignore[arg-type]
    sys.stdout.flush()
    sys.stderr.write(line + "\n")
    raise SystemExit(int(ExitCode.INTERNAL))
