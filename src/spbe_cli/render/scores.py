"""`spbe score` output in every text format, from a ScoreResult (xlsx is in xlsx_out)."""

from __future__ import annotations

from typing import IO, Any

from spbe_cli.core.results import ScoreResult
from spbe_cli.render.base import HumanRenderer, JsonRenderer, Renderer
from spbe_cli.render.records import plain, scorecard_record
from spbe_cli.render.tables import Report, scorecard_report, summary_report


def _payload(result: ScoreResult) -> Any:
    records = [scorecard_record(card, path) for path, card in result.cards]
    return records[0] if result.single else records


class ScoreTable(HumanRenderer[ScoreResult]):
    def report(self, result: ScoreResult, stream: IO[Any]) -> Report:
        if result.single:
            return scorecard_report(result.cards[0][1], self.lang, self.options.detail)
        return summary_report(result.cards, self.lang)

    def bands(self, result: ScoreResult) -> int:
        return len(result.cards[0][1].rubric.bands) if result.cards else 5


class ScoreMarkdown(ScoreTable):
    markdown = True


class ScoreJson(JsonRenderer[ScoreResult]):
    def record(self, result: ScoreResult) -> Any:
        return _payload(result)


class ScoreCsv(Renderer[ScoreResult]):
    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        from spbe_cli.render.csv_out import scorecards_csv

        stream.write(scorecards_csv(result.cards))


class ScoreYaml(Renderer[ScoreResult]):
    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        import yaml

        data = plain(_payload(result))
        stream.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


class ScoreToml(Renderer[ScoreResult]):
    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        import tomli_w

        payload = _payload(result)
        stream.write(tomli_w.dumps(plain(payload if result.single else {"results": payload})))
