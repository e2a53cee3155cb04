"""Problems as compiler-style lines: `path:line:col: error[SPBE103]: message`."""

from __future__ import annotations

from spbe_cli.messages import Lang, text
from spbe_cli.model.problems import Located


def problem_line(item: Located, lang: Lang) -> str:
    problem = item.problem  # read once: this runs for every problem of every file of a batch
    message = text(problem.code, lang, **problem.params)
    return f"{item.file}:{item.line}:{item.column}: {problem.severity}[{problem.code}]: {message}"


def problem_lines(items: list[Located], lang: Lang) -> str:
    return "".join(problem_line(i, lang) + "\n" for i in items)
