"""`spbe rank -f xlsx`: the ranking (national rank, ties in words, predicate fills) and summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from spbe_cli.core.rank import Ranked, Ranking
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.render.names import index_name
from spbe_cli.render.workbook.stream import StreamBook
from spbe_cli.render.workbook.tables import TableSheet, book, finish_book


def ranking_workbook(ranking: Ranking, shown: Sequence[Ranked], lang: Lang, out: IO[bytes]) -> None:
    made = book()
    domains = ranking.rubric.domains if ranking.rubric else ()
    headings = [text(h, lang) for h in ("rank", "xlsx.tied", "agency", "kind", "province", "file")]
    headings += [index_name(ranking.rubric, lang), text("xlsx.exact", lang)]
    headings += [text("predicate", lang)]
    headings += [f"{text('domain', lang)} {d.id}" for d in domains]
    table = TableSheet(made, text("xlsx.sheet.ranking", lang), headings)
    tied = text("workbook.yes", lang)
    for item in shown:
        r = item.row
        decimals = r.rubric.decimals
        values = [item.rank, tied if item.tied else None, r.nama, r.jenis, r.provinsi, r.file]
        values += [round_half_up(r.index, decimals), exact_text(r.index), r.predicate]
        values += [round_half_up(v, decimals) for _, v in r.domains] if domains else []
        row = table.add(values, numeric=(7, *range(10, 10 + len(domains))))
        table.fill(row, 9, r.rubric, r.predicate)
    table.finish(lang)
    _summary_sheet(made, ranking, lang)
    finish_book(made, "rank", lang, text("xlsx.sheet.ranking", lang), out)


def _summary_sheet(made: StreamBook, ranking: Ranking, lang: Lang) -> None:
    summary = ranking.summary
    headings = [text(h, lang) for h in ("measure", "count", "mean", "xlsx.exact", "max", "min")]
    sheet = TableSheet(made, text("xlsx.sheet.summary", lang), headings)
    for name, count in summary.predicates:
        row = sheet.add([name, count])
        if ranking.rubric is not None:
            sheet.fill(row, 1, ranking.rubric, name)
    stats = [(index_name(ranking.rubric, lang), summary.index)] if summary.index else []
    names = {d.key: d for d in ranking.rubric.domains} if ranking.rubric else {}
    stats += [(f"{text('domain', lang)} {names[k].id}", s) for k, s in summary.domains]
    for label, stat in stats:
        assert stat is not None
        sheet.add(
            [label, summary.count, round_half_up(stat.mean), exact_text(stat.mean),
             round_half_up(stat.maximum), round_half_up(stat.minimum)],
            numeric=(3, 5, 6),
        )  # fmt: skip
    for share in summary.shares:
        label = f"{text('share', lang)} ≥ {summary.good_from}: {share.jenis or text('all', lang)}"
        percent = share.share * 100
        sheet.add([label, share.count, round_half_up(percent), exact_text(percent)], numeric=(3,))
    sheet.finish(lang)
