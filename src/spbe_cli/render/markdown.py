"""Markdown for reports and issue comments: the same tables as the terminal, in pipe syntax."""

from __future__ import annotations

from spbe_cli.render.tables import Report, Table


def _cell(value: str) -> str:
    return value.replace("|", "\\|")


def layout_table(table: Table) -> str:
    head = "| " + " | ".join(_cell(h) for h in table.headers) + " |"
    rule = "|" + "|".join("---:" if a == "right" else "---" for a in table.align) + "|"
    rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    title = [f"### {table.title}", ""] if table.title else []
    return "\n".join([*title, head, rule, *rows])


def layout(report: Report) -> str:
    title, *rest = report.heading
    lines = [f"## {title}", ""]
    lines += [f"- {line}" for line in rest]
    lines += [f"> {n}" for n in report.notices]
    blocks = ["\n".join(lines)] + [layout_table(t) for t in report.tables]
    return "\n\n".join(blocks) + "\n"
