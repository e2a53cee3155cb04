"""`spbe score` output in every text format, from a ScoreResult (xlsx is in xlsx_out).

A batch (several files or a folder) is written as it is scored (issue 17): each renderer's
`piece(file, scorecard)` is its share of the output for one file, made where the file was scored
(a worker process in a large batch); `write` joins the pieces in file order. The bytes are those
of the whole document rendered at once (tests/acceptance/test_score_stream.py holds them to it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from spbe_cli.core.score_result import ScoreResult
from spbe_cli.core.scoring import Scorecard
from spbe_cli.render.base import HumanRenderer, JsonRenderer, Renderer, write_joined
from spbe_cli.render.records import encode_at, plain, scorecard_record

if TYPE_CHECKING:  # the table layout loads only for the human formats: JSON and CSV never need it
    from spbe_cli.render.tables import Report, SummaryRow


def _payload(result: ScoreResult) -> Any:
    records = [scorecard_record(card, path) for path, card in result.cards]
    return records[0] if result.single else records


class ScoreTable(HumanRenderer[ScoreResult]):
    """The detailed view of one file, or one numbered summary row per file of a batch."""

    def report(self, result: ScoreResult, stream: IO[Any]) -> Report:
        from spbe_cli.render.tables import scorecard_report, summary_from_rows

        if result.single:
            return scorecard_report(result.cards[0][1], self.lang, self.options.detail)
        if result.batch is None:
            rows: Iterable[SummaryRow] = [self.piece(path, card) for path, card in result.cards]
        else:
            rows = result.batch.pieces(self.piece)
        self._bands = 5
        return summary_from_rows(self._first_bands(rows), self.lang)

    def _first_bands(self, rows: Iterable[SummaryRow]) -> Iterator[SummaryRow]:
        """The rows, noting the first file's bands: they colour the summary."""
        for n, row in enumerate(rows):
            if not n:
                self._bands = row.bands
            yield row

    def piece(self, path: str, card: Scorecard) -> SummaryRow:
        from spbe_cli.render.tables import summary_row

        return summary_row(path, card, self.lang)

    def bands(self, result: ScoreResult) -> int:
        if result.single:
            return len(result.cards[0][1].rubric.bands)
        return getattr(self, "_bands", 5)


class ScoreMarkdown(ScoreTable):
    markdown = True


class ScoreJson(JsonRenderer[ScoreResult]):
    def record(self, result: ScoreResult) -> Any:
        return _payload(result)

    def piece(self, path: str, card: Scorecard) -> str:
        """One element of the array, indented as to_json indents it."""
        return "  " + encode_at(scorecard_record(card, path), 1)

    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        if result.batch is None:
            super().write(result, stream)
        else:
            write_joined(result.batch.pieces(self.piece), stream, "[\n", ",\n", "\n]\n")


class ScoreCsv(Renderer[ScoreResult]):
    def piece(self, path: str, card: Scorecard) -> str:
        """The file's rows without the header (the CSV of one file, minus its first line)."""
        from spbe_cli.render.csv_out import scorecards_csv

        return scorecards_csv([(path, card)]).split("\n", 1)[1]

    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        from spbe_cli.render.csv_out import scorecards_csv

        if result.batch is None:
            stream.write(scorecards_csv(list(result.cards)))
        else:
            write_joined(result.batch.pieces(self.piece), stream, scorecards_csv([]), "", "")


class ScoreYaml(Renderer[ScoreResult]):
    def piece(self, path: str, card: Scorecard) -> str:
        """One item of the YAML list: PyYAML writes a list item by item, so the items of
        one-element lists add up to the whole list."""
        return to_yaml(plain([scorecard_record(card, path)]))

    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        if result.batch is not None:
            write_joined(result.batch.pieces(self.piece), stream, "", "", "")
            return
        stream.write(to_yaml(plain(_payload(result))))


def to_yaml(data: Any) -> str:
    """YAML that gives back every string as it was: PyYAML writes a NEL, a line or paragraph
    separator or a control character raw in a plain or single-quoted scalar, where a reader folds
    it into a space; such a string is double-quoted, where they are escaped (\\N, \\L, \\x1b)."""
    import yaml

    return yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False)


@functools.cache
def _dumper() -> type:
    """The dumper, made once: libyaml's emitter where PyYAML has it (a folder of 10,000 files
    as YAML took 19 ms a file through the pure-Python emitter, 5 through libyaml's; the same
    text, tested), with our representer of strings."""
    import yaml

    from spbe_cli.render.escape import UNSAFE

    base = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper

    class Dumper(base):  # type: ignore[misc,valid-type]
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = '"' if UNSAFE.search(value) or value != value.strip() else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper


class ScoreToml(Renderer[ScoreResult]):
    def piece(self, path: str, card: Scorecard) -> str:
        """One `[[results]]` table: tomli-w separates the tables of an array by a blank line."""
        import tomli_w

        return tomli_w.dumps(plain({"results": [scorecard_record(card, path)]}))

    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        import tomli_w

        if result.batch is not None:
            write_joined(result.batch.pieces(self.piece), stream, "", "\n", "")
            return
        payload = _payload(result)
        stream.write(tomli_w.dumps(plain(payload if result.single else {"results": payload})))
