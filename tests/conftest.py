"""Shared fixtures for every kind of test: the repository's paths and the bundled rubrics.

The tests are laid out by kind, not by package, because the kind decides what a failure means
and how long a test may take:

- tests/unit/ calls functions directly, in-process: the model (rubrics, assessments, exact
  numbers), the core (scoring, diff, plan, rank, checks), the renderers, and the few app/files
  helpers that are worth testing on their own (safe writing, the ordered process pool). No test
  here goes through the `spbe` entry point.
- tests/acceptance/ goes through the real entry point, as a user does: Typer's CliRunner on
  spbe_cli.cli.main.app, or `python -m spbe_cli` in a subprocess. These pin the visible
  contract: output formats, exit codes, messages, files written.
- tests/project/ checks the repository rather than behaviour: ruff, the import-layer contracts
  (import-linter and an AST check of the core), the wheel's contents and the pre-commit hook.

A file that clearly tested both functions and the command was split, one half per folder
(unit/test_diff.py and acceptance/test_diff_cli.py; likewise plan, rank, rubrics, report and
batch). A file that is about a command and checks one helper on the side stays whole in
acceptance/ (test_xlsx.py's formula evaluator, test_schema.py's schema builder). Basenames are
unique across the folders, which have no __init__.py (pytest's default "prepend" import mode needs
that). Shared data lives in tests/fixtures/; the helpers below are imported as
`from conftest import ...` (pytest puts this folder on sys.path), so no other folder may have a
conftest.py of its own.

Slow tests carry @pytest.mark.slow: every hypothesis test (the fuzzing and the property runs),
the process-pool tests, the browser, the wheel build, and anything else over about a second.
`pytest -m "not slow"` is the quick loop (under 20 s on two cores); plain `pytest`, the README's
command that .ci/run uses, runs everything.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from spbe_cli.app.assess import RubricStore, bundled_dir
from spbe_cli.model.rubric import Rubric

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_STORE = RubricStore()


def bundled(rubric_id: str) -> Rubric:
    loaded = _STORE.load(bundled_dir() / f"{rubric_id}.yaml")
    assert isinstance(loaded, Rubric), loaded
    return loaded


@pytest.fixture(scope="session")
def rubric59() -> Rubric:
    return bundled("permenpanrb-59-2020")


# ---- a large batch of generated assessments (the process-pool tests) ------------------------


def batch_assessment(n: int, rng: random.Random, name: str, top: int = 5) -> str:
    lines = [
        "rubrik: permenpanrb-59-2020",
        "instansi:",
        f"  nama: {name}",
        f"  jenis: {rng.choice(['kota', 'kabupaten', 'provinsi'])}",
        f"  provinsi: {rng.choice(['Aceh', 'Bali', 'Riau'])}",
        "tahun: 2024",
        "tahap: mandiri",
        "indikator:",
    ]
    for ind in range(1, 48):
        level = rng.randint(1, top)
        if ind % 4:
            lines.append(f"  {ind}: {level}")
        else:
            lines += [
                f"  {ind}:",
                f"    level: {level}",
                f"    penjelasan: Dokumen indikator {ind}.",
                f"    bukti_dukung: [bukti-{n}-{ind}.pdf]",
            ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~250 files in three folders: mostly valid, some broken, some agencies misnamed.

    The large batch of tests/acceptance/test_batch.py and tests/unit/test_batch_internals.py;
    made once per session and only read.
    """
    root = tmp_path_factory.mktemp("archive")
    rng = random.Random(7)
    for n in range(250):
        folder = root / ("", "a", "b")[n % 3]
        folder.mkdir(exist_ok=True)
        odd = n % 37 == 0  # misnamed, and otherwise clean: level 1 everywhere needs no evidence
        name = f"Kota Lain {n}" if odd else f"Kota Contoh {n % 3}"
        text = batch_assessment(n, rng, name, 1 if odd else 5)
        (folder / f"f{n:03d}.yaml").write_text(text, encoding="utf-8")
    good = (root / "f000.yaml").read_text(encoding="utf-8")
    broken = {
        "a/x-syntax.yaml": good.replace("tahun: 2024", "tahun: [2024"),
        "a/x-duplicate.yaml": good + "tahun: 2023\n",
        "b/x-level.yaml": good.replace("  1: ", "  1: 9 #"),
        "b/x-missing.yaml": "\n".join(
            line for line in good.splitlines() if not line.startswith("  2:")
        ),
        "x-rubric.yaml": good.replace("permenpanrb-59-2020", "tidak-ada"),
        "x-empty.yaml": "",
    }
    for name, text in broken.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def terminal_environment() -> dict[str, str]:
    """The environment of a user at a colour terminal: no inherited width, colour or language."""
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "NO_COLOR"}}
    return {**env, "TERM": "xterm-256color", "SPBE_LANG": "id"}


def on_a_terminal(args: list[object], columns: int) -> tuple[int, str]:
    """Run `spbe ARGS` on a real pseudo-terminal `columns` wide: its exit code and all it showed
    (escape codes and carriage returns as the terminal received them)."""
    import fcntl
    import pty
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: the window's size first, then spbe
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
        argv = [sys.executable, "-m", "spbe_cli", *map(str, args)]
        os.execve(sys.executable, argv, terminal_environment())
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8")
