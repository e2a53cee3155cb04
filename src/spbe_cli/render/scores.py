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
        stream.write(to_yaml(plain(_payload(result))))


def to_yaml(data: Any) -> str:
    """YAML that gives back every string as it was: PyYAML writes a NEL, a line or paragraph
    separator or a control character raw in a plain or single-quoted scalar, where a reader folds
    it into a space; such a string is double-quoted, where they are escaped (\\N, \\L, \\x1b)."""
    import yaml

    from spbe_cli.render.escape import UNSAFE

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = '"' if UNSAFE.search(value) or value != value.strip() else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False)


class ScoreToml(Renderer[ScoreResult]):
    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        import tomli_w

        payload = _payload(result)
        stream.write(tomli_w.dumps(plain(payload if result.single else {"results": payload})))
