"""Markdown for reports and issue comments: the same tables as the terminal, in pipe syntax.

Every string goes through `escape.markdown_inline`, so a name stays inline text on one line: it
cannot end a table row, start a list item or a heading, open an HTML comment that hides what
follows, or become a link (issue 13). Each line starts with spbe's own syntax (`##`, `-`, `>`,
`|`), never with text from a file.
"""

from __future__ import annotations

from collections.abc import Iterator

from spbe_cli.render.escape import markdown_inline
from spbe_cli.render.tables import Report, Table


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(markdown_inline(c) for c in cells) + " |"


def layout_table(table: Table) -> str:
    return "".join(_table_parts(table))


def _table_parts(table: Table) -> Iterator[str]:
    """The table's text in pieces, a row at a time (a long summary is never one string)."""
    rule = "|" + "|".join("---:" if a == "right" else "---" for a in table.align) + "|"
    if table.title:
        yield f"### {markdown_inline(table.title)}\n\n"
    yield _row(table.headers) + "\n" + rule
    for row in table.rows:
        yield "\n" + _row(row)


def layout(report: Report) -> str:
    return "".join(parts(report))


def parts(report: Report) -> Iterator[str]:
    """`layout(report)` in pieces, to be written as they are made."""
    title, *rest = report.heading
    blocks = [f"## {markdown_inline(title)}"]
    if rest:
        blocks.append("\n".join(f"- {markdown_inline(line)}" for line in rest))
    if report.notices:  # one quoted paragraph per notice
        blocks.append("\n>\n".join(f"> {markdown_inline(n)}" for n in report.notices))
    yield "\n\n".join(blocks)
    for table in report.tables:
        yield "\n\n"
        yield from _table_parts(table)
    yield "\n"
