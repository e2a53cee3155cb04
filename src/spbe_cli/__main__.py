"""Console entry point: `spbe` and `python -m spbe_cli`."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from spbe_cli import __version__

        print(f"spbe-cli {__version__}")
        return
    if not (sys.stdout.isatty() and sys.stderr.isatty()):
        os.environ.setdefault("TYPER_USE_RICH", "0")
    from spbe_cli.cli.main import app_for

    try:
        app_for(sys.argv[1:])()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except Exception as exc:  # the last guard: a bug must not greet a user with a traceback
        sys.stderr.write(
            f"spbe: internal error ({type(exc).__name__}: {exc}). This is a bug in spbe-cli; "
            "please report it with the command and file that caused it.\n"
        )
        code = 3
    _exit_now(code)


def _exit_now(code: int) -> None:
    """Flush and leave without the interpreter's teardown of Pydantic and Rich (about 25 ms).

    Only here, at the very end of the console entry point: every command has finished its work,
    closed its files and shut its worker pools; tests call the app, never this.
    """
    import contextlib  # here, not above: `spbe --version` never gets this far

    for stream in (sys.stdout, sys.stderr):
        # A reader that went away (`| head`) ends the run quietly with the command's own code,
        # as exits.pipe_closed does inside a command.
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
