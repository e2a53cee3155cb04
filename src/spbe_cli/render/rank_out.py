"""`spbe rank` output: the ranking and its summary as tables, Markdown, JSON or CSV, from a Ranking.

A shared rank is shown as equal ("2=") in the human formats and as `tied: true` in JSON; means are
exact and rounded half up only here, when shown. Ranks come from exact values, so rows whose shown
index is the same can still rank apart (59/2020 shows both an exact 2.6 and 2.5975 as 2.60, one
band apart): the human formats then show those rows' exact values in a column of their own and
say why.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import IO, Any, TextIO

from spbe_cli.core.rank import Ranked, Ranking, Stat, Summary
from spbe_cli.core.results import RankResult
from spbe_cli.messages import Lang, text
from spbe_cli.model.exact import exact_text, round_half_up
from spbe_cli.model.rubric import Rubric
from spbe_cli.render import figures
from spbe_cli.render.base import HumanRenderer, Renderer
from spbe_cli.render.csv_out import csv_writer
from spbe_cli.render.escape import csv_cell
from spbe_cli.render.names import index_name
from spbe_cli.render.records import Raw, encode_at, value_record
from spbe_cli.render.rows import PackedRows
from spbe_cli.render.tables import FIGURE, RIGHT, Align, Kind, Report, Table


def _decimals(ranking: Ranking) -> int:
    return ranking.rubric.decimals if ranking.rubric else 2


def _shown(value: Fraction, decimals: int = 2) -> Decimal:
    return round_half_up(value, decimals)


def _rank_cell(rank: int | None, tied: bool) -> str:
    if rank is None:
        return "–"
    return f"{rank}=" if tied else str(rank)


def _domain_names(rubric: Rubric | None) -> dict[str, Any]:
    return {d.key: d for d in rubric.domains} if rubric else {}


def row_record(
    item: Ranked, ranking: Ranking, encoded: dict[object, Raw] | None = None
) -> dict[str, Any]:
    """One row of the ranking. With `encoded` (a cache kept by the caller across rows), the index
    and domain records come as JSON text already encoded at their depth in the document: a
    ranking's values repeat (a few hundred distinct domain values over ten thousand files), and
    rounding, exact text and predicate of each were most of the cost of writing a row."""
    row = item.row
    rubric = row.rubric
    return {
        "file": row.file,
        "instansi": {"nama": row.nama, "jenis": row.jenis, "provinsi": row.provinsi},
        "tahun": row.tahun,
        "rubric": rubric.id,
        "index": _index_part(rubric, row.index, encoded),
        "domains": [_domain_part(rubric, key, v, encoded) for key, v in row.domains],
        "rank": item.rank,
        "tied": item.tied,
        "group": item.group,
        "group_rank": item.group_rank,
        "group_tied": item.group_tied,
    }


def _index_part(rubric: Rubric, value: Fraction, encoded: dict[object, Raw] | None) -> Any:
    def make() -> dict[str, Any]:
        return value_record(_shown(value, rubric.decimals), value, rubric.predicate_for(value))

    return make() if encoded is None else _cached(encoded, (id(rubric), value), make, 3)


def _domain_part(
    rubric: Rubric, key: str, value: Fraction, encoded: dict[object, Raw] | None
) -> Any:
    def make() -> dict[str, Any]:
        domain = next(d for d in rubric.domains if d.key == key)
        index = value_record(_shown(value, rubric.decimals), value, rubric.predicate_for(value))
        return {"id": domain.id, "name": domain.name, "index": index}

    return make() if encoded is None else _cached(encoded, (id(rubric), key, value), make, 4)


def _cached(encoded: dict[object, Raw], key: object, make: Callable[[], Any], depth: int) -> Raw:
    text = encoded.get(key)
    if text is None:
        text = Raw(encode_at(make(), depth))
        if len(encoded) < 100_000:  # the rubrics outlive the writer, so their ids stay theirs
            encoded[key] = text
    return text


def _stat_record(stat: Stat, decimals: int) -> dict[str, Any]:
    return {
        name: value_record(_shown(value, decimals), value)
        for name, value in (("mean", stat.mean), ("max", stat.maximum), ("min", stat.minimum))
    }


def summary_record(summary: Summary, ranking: Ranking) -> dict[str, Any]:
    decimals = _decimals(ranking)
    names = _domain_names(ranking.rubric)
    return {
        "count": summary.count,
        "predicates": [{"name": name, "count": count} for name, count in summary.predicates],
        "index": _stat_record(summary.index, decimals) if summary.index else None,
        "domains": [
            {"id": names[key].id, "name": names[key].name, **_stat_record(stat, decimals)}
            for key, stat in summary.domains
        ],
        "good_from": summary.good_from,
        "shares": [
            {
                "jenis": s.jenis,
                "count": s.count,
                "good": s.good,
                "share": exact_text(s.share),
                "percent": _shown(s.share * 100),
            }
            for s in summary.shares
        ],
    }


def ranking_record(ranking: Ranking, shown: list[Ranked]) -> dict[str, Any]:
    return {
        "by": ranking.by,
        "rows": [row_record(r, ranking) for r in shown],
        "summary": summary_record(ranking.summary, ranking),
    }


def ranking_report(ranking: Ranking, shown: list[Ranked], lang: Lang) -> Report:
    rows = ranking.rows
    years = sorted({r.row.tahun for r in rows})
    heading = [text("rank.title", lang, count=len(rows), year=", ".join(map(str, years)))]
    notices = [text("rank.tie", lang)] if any(r.tied or r.group_tied for r in shown) else []
    apart = display_ties(shown)
    if apart:
        notices.append(text("rank.exact_note", lang))
    if ranking.rubric is None and rows:
        notices.append(text("rank.mixed_note", lang))
    if ranking.rubric is not None and ranking.rubric.domains:
        notices.append(" · ".join(f"D{d.id} = {d.name}" for d in ranking.rubric.domains))
    tables = [_ranking_table(ranking, shown, apart, lang), *_summary_tables(ranking, lang)]
    return Report(heading, notices, tables)


def display_ties(shown: list[Ranked]) -> set[int]:
    """Positions in `shown` of rows whose shown index another row shares with a different exact
    value: the reader sees equal numbers and unequal ranks, so these rows need their exact values.
    """
    exact_by_shown: dict[Decimal, set[Fraction]] = {}
    for item in shown:
        row = item.row
        exact_by_shown.setdefault(_shown(row.index, row.rubric.decimals), set()).add(row.index)
    return {
        n
        for n, item in enumerate(shown)
        if len(exact_by_shown[_shown(item.row.index, item.row.rubric.decimals)]) > 1
    }


def _ranking_table(ranking: Ranking, shown: list[Ranked], apart: set[int], lang: Lang) -> Table:
    domains = ranking.rubric.domains if ranking.rubric else ()
    with_year = len({r.row.tahun for r in shown}) > 1  # --allow-mixed: rows of one agency
    with_rubric = len({r.row.rubric.id for r in shown}) > 1
    headers = [text("rank", lang)]
    align: list[Align] = ["right"]
    if ranking.by:
        headers.append(text(f"rank.by.{ranking.by}", lang))
        align.append("right")
    first = len(headers)  # the agency's name: under the figures on a narrow screen
    headers += [text(k, lang) for k in ("agency", "kind", "province")]
    align += ["left", "left", "left"]
    kinds: list[Kind] = [FIGURE] * first + ["text", "text", "text"]
    if with_year:
        headers.append(text("year", lang))
        align.append("right")
        kinds.append("figure")
    if with_rubric:
        headers.append(text("rubric", lang))
        align.append("left")
        kinds.append("figure")  # an id: never split
    headers.append(text("index.short", lang))
    align.append("right")
    kinds.append("figure")
    if apart:
        headers.append(text("rank.exact", lang))
        align.append("right")
        kinds.append("figure")
    headers.append(text("predicate", lang))
    align.append("left")
    kinds.append("text")
    headers += [f"D{d.id}" for d in domains]
    align += [RIGHT] * len(domains)
    kinds += [FIGURE] * len(domains)
    table = Table(
        text("rank", lang),
        headers,
        align,
        tone_column=headers.index(text("predicate", lang)),
        kinds=kinds,
        stack=(first,),
    )
    table.rows = PackedRows()  # a row per agency of an archive: kept packed until laid out
    for n, item in enumerate(shown):
        row = item.row
        decimals = row.rubric.decimals
        cells = [_rank_cell(item.rank, item.tied)]
        if ranking.by:
            cells.append(_rank_cell(item.group_rank, item.group_tied))
        cells += [row.nama, row.jenis or "–", row.provinsi or "–"]
        cells += [str(row.tahun)] if with_year else []
        cells += [row.rubric.id] if with_rubric else []
        cells.append(figures.shown(row.index, decimals, lang))
        if apart:
            cells.append(figures.exact(row.index, lang) if n in apart else "")
        cells.append(row.predicate)
        cells += [figures.shown(v, decimals, lang) for _, v in row.domains] if domains else []
        table.rows.append(cells)
        table.tones.append(row.rubric.predicate_rank(row.predicate))
    return table


def _summary_tables(ranking: Ranking, lang: Lang) -> list[Table]:
    summary = ranking.summary
    decimals = _decimals(ranking)
    counts = Table(
        text("summary.predicates", lang),
        [text("predicate", lang), text("count", lang)],
        ["left", "right"],
        tone_column=0,
    )
    for name, count in summary.predicates:
        counts.rows.append([name, str(count)])
        counts.tones.append(ranking.rubric.predicate_rank(name) if ranking.rubric else None)
    keys = ("measure", "mean", "max", "min")
    stats = Table(
        text("summary.stats", lang),
        [text(k, lang) for k in keys],
        ["left", "right", "right", "right"],
    )
    names = _domain_names(ranking.rubric)
    measures = [(index_name(ranking.rubric, lang), summary.index)] if summary.index else []
    measures += [(f"D{names[key].id} {names[key].name}", stat) for key, stat in summary.domains]
    for label, stat in measures:
        values = (stat.mean, stat.maximum, stat.minimum)
        stats.rows.append([label, *(figures.shown(v, decimals, lang) for v in values)])
        stats.tones.append(None)
    share_headers = [
        text("kind", lang),
        text("count", lang),
        text("good", lang, band=summary.good_from),
        text("share", lang),
    ]
    shares = Table(
        text("summary.shares", lang, band=summary.good_from),
        share_headers,
        ["left", "right", "right", "right"],
    )
    for s in summary.shares:
        shares.rows.append(
            [
                s.jenis or text("unknown", lang),
                str(s.count),
                str(s.good),
                figures.percent(s.share, lang),
            ]
        )
        shares.tones.append(None)
    return [counts, stats, shares]


def ranking_csv(ranking: Ranking, shown: list[Ranked]) -> str:
    """One row per agency; text from the files is neutralised for spreadsheets (`csv_cell`)."""
    domains = ranking.rubric.domains if ranking.rubric else ()
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    header = ["rank", "tied", "group", "group_rank", "file", "nama", "jenis", "provinsi", "tahun"]
    header.append("rubric")  # one per row: --allow-mixed joins rubrics
    header += ["index", "exact", "predicate", *(f"D{d.id}" for d in domains)]
    writer.writerow(header)
    for item in shown:
        row = item.row
        cells: list[Any] = [
            item.rank,
            "yes" if item.tied else "",
            csv_cell(item.group or ""),
            item.group_rank or "",
        ]
        texts = (row.file, row.nama, row.jenis or "", row.provinsi or "")
        cells += [*map(csv_cell, texts), row.tahun, csv_cell(row.rubric.id)]
        cells += [_shown(row.index, row.rubric.decimals), exact_text(row.index)]
        cells.append(csv_cell(row.predicate))
        cells += [_shown(v, row.rubric.decimals) for _, v in row.domains] if domains else []
        writer.writerow(cells)
    return buffer.getvalue()


class RankTable(HumanRenderer[RankResult]):
    def report(self, result: RankResult, stream: IO[Any]) -> Report:
        return ranking_report(result.ranking, result.shown, self.lang)

    def bands(self, result: RankResult) -> int:
        return len(result.ranking.rubric.bands) if result.ranking.rubric else 5


class RankMarkdown(RankTable):
    markdown = True


class RankCsv(Renderer[RankResult]):
    def write(self, result: RankResult, stream: IO[Any]) -> None:
        stream.write(ranking_csv(result.ranking, result.shown))


class RankJson(Renderer[RankResult]):
    def write(self, result: RankResult, stream: IO[Any]) -> None:
        write_ranking_json(result.ranking, result.shown, stream)


def write_ranking_json(ranking: Ranking, shown: list[Ranked], stream: TextIO) -> None:
    """`to_json(ranking_record(...))`, byte for byte, written one row at a time.

    Ten thousand rows as one record tree and then one string would cost far more memory than the
    rows themselves (issue 7), so only one row's record exists at a time.
    """
    stream.write("{\n" + f'  "by": {encode_at(ranking.by, 1)},\n  "rows": ')
    if not shown:
        stream.write("[]")
    else:
        stream.write("[\n")
        encoded: dict[object, Raw] = {}
        for n, item in enumerate(shown):
            record = encode_at(row_record(item, ranking, encoded), 2)
            stream.write(("    " if not n else ",\n    ") + record)
        stream.write("\n  ]")
    summary = encode_at(summary_record(ranking.summary, ranking), 1)
    stream.write(f',\n  "summary": {summary}\n}}\n')
