"""`--format xlsx` of score, diff and rank: the registry's workbook renderers.

The workbooks themselves are built in render/workbook/, one module per kind: one assessment
(live, read back exactly by every command), a batch of assessments (streamed), a comparison or
trend, a ranking. openpyxl is imported only for the one-assessment workbook; the others are
streamed into the -o file by render/workbook/stream.py.
"""

from __future__ import annotations

from itertools import chain, islice
from typing import IO, Any

from spbe_cli.core.results import ComparisonResult, RankResult, ScoreResult, TrendResult
from spbe_cli.render.base import Renderer


class ScoresWorkbook(Renderer[ScoreResult]):
    """One file: the live assessment workbook (it reads back); several: the batch workbook."""

    binary = True

    def write(self, result: ScoreResult, stream: IO[Any]) -> None:
        cards = iter(result.all_cards())  # a batch's scorecards are made as they are read
        first = list(islice(cards, 2))
        if len(first) == 1:
            from spbe_cli.render.workbook.assessment import assessment_workbook

            stream.write(assessment_workbook(first[0][1], self.lang))
            return
        from spbe_cli.render.workbook.batch import batch_workbook

        batch_workbook(chain(first, cards), self.lang, stream)


class DiffWorkbook(Renderer[ComparisonResult | TrendResult]):
    binary = True

    def write(self, result: ComparisonResult | TrendResult, stream: IO[Any]) -> None:
        from spbe_cli.render.workbook.compare import comparison_workbook, trend_workbook

        if isinstance(result, ComparisonResult):
            comparison_workbook(result.comparison, self.lang, stream)
        else:
            trend_workbook(result.trend, result.paths, self.lang, stream)


class RankWorkbook(Renderer[RankResult]):
    binary = True

    def write(self, result: RankResult, stream: IO[Any]) -> None:
        from spbe_cli.render.workbook.ranking import ranking_workbook

        ranking_workbook(result.ranking, result.shown, self.lang, stream)
