"""`spbe score` output in every format, from scorecards; the CLI only picks the format."""

from __future__ import annotations

from typing import TextIO

from spbe_cli.core.scoring import Scorecard
from spbe_cli.messages import Lang
from spbe_cli.render.choices import Detail, Format
from spbe_cli.render.human import write_report
from spbe_cli.render.records import plain, scorecard_record, to_json
from spbe_cli.render.tables import Report, scorecard_report, summary_report

"""xlsx is written by render/xlsx_out.py to an -o file (binary, never to a stream)."""


def human_report(
    cards: list[tuple[str, Scorecard]], single: bool, lang: Lang, detail: Detail
) -> Report:
    if single:
        return scorecard_report(cards[0][1], lang, detail)
    return summary_report(cards, lang)


def write_scores(
    cards: list[tuple[str, Scorecard]],
    fmt: Format,
    stream: TextIO,
    *,
    single: bool,
    lang: Lang,
    detail: Detail,
) -> None:
    if fmt in ("table", "markdown"):
        report = human_report(cards, single, lang, detail)
        bands = len(cards[0][1].rubric.bands) if cards else 5
        write_report(report, stream, markdown_out=fmt == "markdown", bands=bands)
        return
    if fmt == "csv":
        from spbe_cli.render.csv_out import scorecards_csv

        stream.write(scorecards_csv(cards))
        return
    records = [scorecard_record(card, path) for path, card in cards]
    payload = records[0] if single else records
    if fmt == "json":
        stream.write(to_json(payload))
    elif fmt == "yaml":
        import yaml

        stream.write(yaml.safe_dump(plain(payload), allow_unicode=True, sort_keys=False))
    else:
        import tomli_w

        stream.write(tomli_w.dumps(plain(payload if single else {"results": payload})))
