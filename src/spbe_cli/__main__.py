"""Console entry point: `spbe` and `python -m spbe_cli`."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"spbe-cli {__version__}")
        return
    if not (sys.stdout.isatty() and sys.stderr.isatty()):
        os.environ.setdefault("TYPER_USE_RICH", "0")
    from .cli import app

    try:
        app()
    except Exception as exc:  # the last guard: a bug must not greet a user with a traceback
        sys.stderr.write(
            f"spbe: internal error ({type(exc).__name__}: {exc}). This is a bug in spbe-cli; "
            "please report it with the command and file that caused it.\n"
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
