"""`spbe diff A B C...` keeps only what the trend shows of each file (issue 17), same output.

The trend is built from trend points (who, when, which rubric, the index and the domains, with
equal values shared between files) rather than whole scorecards, and its JSON and CSV are written
as they are made; every format must print exactly what the trend of the whole scorecards prints
(the JSON as one record encoded at once).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.app.assess import RubricStore, assess
from spbe_cli.app.score import trend_point
from spbe_cli.cli.main import app
from spbe_cli.core.diff import TrendPoint, trend
from spbe_cli.core.results import TrendResult
from spbe_cli.render.base import Options
from spbe_cli.render.records import to_json
from spbe_cli.render.registry import renderer

runner = CliRunner()


def out(result: Any) -> str:
    """The bytes written, decoded (Click's `stdout` turns CSV's CRLF into LF)."""
    return result.stdout_bytes.decode("utf-8")


DIFF = FIXTURES / "diff"
TRENDS = [
    [DIFF / "base-2023.yaml", DIFF / "dokumen-2023.yaml", DIFF / "slip-2024.yaml"],
    [
        EXAMPLES / "kota-contoh-2022.yaml",
        EXAMPLES / "kota-contoh-2019.yaml",
        DIFF / "peer-2023.yaml",
    ],
    [*sorted(EXAMPLES.glob("*.yaml")), DIFF / "cancel-2024.yaml"],
]


def whole(files: list[Path], fmt: str) -> str:
    """The trend of whole scorecards, the JSON as one record encoded at once (to_json)."""
    store = RubricStore()
    points = [TrendPoint.of(assess(f, store).scorecard) for f in files]  # type: ignore[arg-type]
    out = io.StringIO()
    result = TrendResult(trend(points), [str(f) for f in files])
    chosen = renderer("diff", fmt, Options("en"))
    if fmt == "json":
        return to_json(chosen.record(result))  # type: ignore[attr-defined]
    chosen.write(result, out)
    return out.getvalue()


@pytest.mark.parametrize("files", TRENDS, ids=["stages", "rubrics", "examples"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_trend_of_points_prints_the_trend_of_scorecards(files: list[Path], fmt: str) -> None:
    result = runner.invoke(app, ["diff", "-f", fmt, "--lang", "en", *map(str, files)])
    assert result.exit_code == 0, result.stderr
    assert out(result) == whole(files, fmt)


def test_a_point_shares_equal_values() -> None:
    """One agency's name, its stage, and equal indices are kept once over a long trend."""
    store = RubricStore()
    card = assess(EXAMPLES / "kota-contoh-2022.yaml", store).scorecard
    again = assess(EXAMPLES / "kota-contoh-2022.yaml", store).scorecard
    assert card is not None and again is not None and card.index is not again.index
    shared: dict[object, object] = {}
    first, second = trend_point(card, shared), trend_point(again, shared)
    assert first.agency is second.agency and first.tahap is second.tahap
    assert first.index is second.index and first.domains[0] is second.domains[0]
    assert first == TrendPoint.of(card)


def test_an_invalid_file_still_stops_the_trend_with_every_problem() -> None:
    files = [DIFF / "base-2023.yaml", DIFF / "bad-level.yaml", DIFF / "slip-2024.yaml"]
    result = runner.invoke(app, ["diff", "--lang", "en", *map(str, files)])
    assert result.exit_code == 2 and result.stdout == ""
    assert "bad-level.yaml" in result.stderr
