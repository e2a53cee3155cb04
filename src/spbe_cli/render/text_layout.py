"""Plain text for pipes, files and NO_COLOR: aligned columns, no escape codes, no box characters."""

from __future__ import annotations

from spbe_cli.render.tables import Report, Table


def layout_table(table: Table) -> str:
    cells = [table.headers, *table.rows]
    widths = [max(len(row[c]) for row in cells) for c in range(len(table.headers))]

    def line(row: list[str]) -> str:
        parts = [
            cell.rjust(w) if table.align[c] == "right" else cell.ljust(w)
            for c, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    title = [table.title] if table.title else []
    return "\n".join([*title, line(table.headers), rule, *(line(r) for r in table.rows)])


def layout(report: Report) -> str:
    blocks = ["\n".join(report.heading + report.notices)]
    blocks += [layout_table(t) for t in report.tables]
    return "\n\n".join(blocks) + "\n"
