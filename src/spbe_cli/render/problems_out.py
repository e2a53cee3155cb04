"""Problems as compiler-style lines: `path:line:col: error[SPBE103]: message`.

A problem in a workbook names its cell instead: `kota-2024.xlsx:Indikator!E9: error[SPBE103]: …`.

The path and the message's parameters (a key, a value) come from files: the line is made inert
(`escape.inert`) and guarded (`escape.guard_line`), so an unknown key `\n::error file=x::forged`
or a folder named `::error` cannot put a workflow command into the log of the pre-commit hook or
of CI (issue 13).
"""

from __future__ import annotations

from collections.abc import Mapping

from spbe_cli.messages import Lang, text
from spbe_cli.model.problems import Located
from spbe_cli.render.escape import guard_line, inert


def problem_line(item: Located, lang: Lang) -> str:
    problem = item.problem  # read once: this runs for every problem of every file of a batch
    message = inert(text(problem.code, lang, **problem.params))
    place = inert(item.place) if item.place is not None else f"{item.line}:{item.column}"
    where = f"{inert(item.file)}:{place}"  # a workbook's sheet name is text from the file
    return guard_line(f"{where}: {problem.severity}[{problem.code}]: {message}")


def problem_lines(
    items: list[Located], lang: Lang, sources: Mapping[str, Mapping[int, str]] | None = None
) -> str:
    """The lines, each followed by its source line and a caret when `sources` (the text of some
    lines by file and 1-based number, read by the caller on a terminal) has it: as `validate`
    shows them, so every command points at the place the same way; on that terminal each line
    is wrapped between words to its width, as `validate`'s are."""
    if not sources:
        return "".join(problem_line(i, lang) + "\n" for i in items)
    import shutil

    from spbe_cli.render.text_layout import hanging
    from spbe_cli.render.validate_out import _excerpt

    width = shutil.get_terminal_size().columns
    out = []
    for item in items:
        out.extend(guard_line(part) + "\n" for part in hanging(problem_line(item, lang), width))
        line = sources.get(item.file, {}).get(item.line)
        if line is not None and item.place is None:  # a workbook's cell has no text line
            out.append(_excerpt(line, item.column))
    return "".join(out)
