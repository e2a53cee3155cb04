"""Markdown for reports and issue comments: the same tables as the terminal, in pipe syntax.

Every string goes through `escape.markdown_inline`, so a name stays inline text on one line: it
cannot end a table row, start a list item or a heading, open an HTML comment that hides what
follows, or become a link (issue 13). Each line starts with spbe's own syntax (`##`, `-`, `>`,
`|`), never with text from a file.
"""

from __future__ import annotations

from spbe_cli.render.escape import markdown_inline
from spbe_cli.render.tables import Report, Table


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(markdown_inline(c) for c in cells) + " |"


def layout_table(table: Table) -> str:
    rule = "|" + "|".join("---:" if a == "right" else "---" for a in table.align) + "|"
    rows = [_row(row) for row in table.rows]
    title = [f"### {markdown_inline(table.title)}", ""] if table.title else []
    return "\n".join([*title, _row(table.headers), rule, *rows])


def layout(report: Report) -> str:
    title, *rest = report.heading
    blocks = [f"## {markdown_inline(title)}"]
    if rest:
        blocks.append("\n".join(f"- {markdown_inline(line)}" for line in rest))
    if report.notices:  # one quoted paragraph per notice
        blocks.append("\n>\n".join(f"> {markdown_inline(n)}" for n in report.notices))
    blocks += [layout_table(t) for t in report.tables]
    return "\n\n".join(blocks) + "\n"
