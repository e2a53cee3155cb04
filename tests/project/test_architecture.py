"""The layers of src/spbe_cli hold: import-linter's contracts (pyproject.toml) and a pure core.

The contracts are described in README.md ("How the code is laid out"); `lint-imports` in the
repository root checks them by hand. A failure prints import-linter's report, which names each
offending import with its line.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import pytest
from conftest import ROOT

SRC = ROOT / "src"
CORE = SRC / "spbe_cli" / "core"

# The words: the core computes; it neither talks to a terminal nor touches files,
# the environment or a file format.
NOT_IN_CORE = {"typer", "click", "rich", "os", "sys", "pathlib", "yaml", "json", "tomllib"}


def test_import_linter_contracts_are_kept() -> None:
    # The graph is built from this checkout's src/, whatever else is installed; no cache is left.
    path = os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path}
    command = [
        sys.executable,
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())",
        "--no-cache",
        str(ROOT / "pyproject.toml"),
    ]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(result.stdout + result.stderr, pytrace=False)


def imported_modules(source: str, module: str) -> set[str]:
    """Every module an import statement in `source` names, at any depth, with its parents
    (`a.b.c` gives a, a.b, a.b.c); relative imports are resolved against `module`, the file's
    dotted name."""
    package = module.rsplit(".", 1)[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found = [base]
        else:
            continue
        for name in found:
            parts = name.split(".")
            names.update(".".join(parts[: n + 1]) for n in range(len(parts)))
    return names


def test_the_checker_sees_every_kind_of_import() -> None:
    source = (
        "import os.path\nfrom sys import argv\n"
        "def f():\n    import yaml\n"
        "if True:\n    from . import scoring\n    from ..model import rubric\n"
    )
    found = imported_modules(source, "spbe_cli.core.plan")
    assert {"os", "os.path", "sys", "yaml", "spbe_cli.core", "spbe_cli.model"} <= found


def test_core_imports_no_terminal_file_or_environment_module() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert CORE / "scoring.py" in modules
    offences = []
    for path in modules:
        dotted = ".".join(path.relative_to(SRC).with_suffix("").parts)
        bad = imported_modules(path.read_text(encoding="utf-8"), dotted) & NOT_IN_CORE
        offences += [f"{path.relative_to(ROOT)} imports {name}" for name in sorted(bad)]
    assert offences == [], "\n".join(offences)
