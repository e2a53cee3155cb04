"""Problems as compiler-style lines: `path:line:col: error[SPBE103]: message`.

A problem in a workbook names its cell instead: `kota-2024.xlsx:Indikator!E9: error[SPBE103]: …`.
"""

from __future__ import annotations

from collections.abc import Mapping

from spbe_cli.messages import Lang, text
from spbe_cli.model.problems import Located


def problem_line(item: Located, lang: Lang) -> str:
    problem = item.problem  # read once: this runs for every problem of every file of a batch
    message = text(problem.code, lang, **problem.params)
    where = item.place if item.place is not None else f"{item.line}:{item.column}"
    return f"{item.file}:{where}: {problem.severity}[{problem.code}]: {message}"


def problem_lines(
    items: list[Located], lang: Lang, sources: Mapping[str, Mapping[int, str]] | None = None
) -> str:
    """The lines, each followed by its source line and a caret when `sources` (the text of some
    lines by file and 1-based number, read by the caller on a terminal) has it: as `validate`
    shows them, so every command points at the place the same way."""
    if not sources:
        return "".join(problem_line(i, lang) + "\n" for i in items)
    from spbe_cli.render.validate_out import _excerpt

    out = []
    for item in items:
        out.append(problem_line(item, lang) + "\n")
        line = sources.get(item.file, {}).get(item.line)
        if line is not None and item.place is None:  # a workbook's cell has no text line
            out.append(_excerpt(line, item.column))
    return "".join(out)
