"""`spbe score --format csv`: a draft's range and completeness, and each indicator's headroom.

The JSON has had `high`, `complete` and `headroom` from the start; the CSV now says the same, so
a spreadsheet of drafts does not mistake a lowest bound for a result.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from pathlib import Path

import yaml
from conftest import EXAMPLES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()


def _csv(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["score", *args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_a_draft_shows_low_high_and_incomplete(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "kota-contoh-2022.yaml").read_text(encoding="utf-8"))
    del data["indikator"][47], data["indikator"][12]
    draft = tmp_path / "draft.yaml"
    draft.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rows = _csv("--partial", str(draft))
    index = rows[0]
    assert index["kind"] == "index" and index["complete"] == "no"
    # Two indicators missing: 12 (weight 2.5) and 47 (weight 3) count 1 at the lowest, 5 at the
    # highest, so the range is 5.5 × 4 / 100 = 0.22 wide.
    low, high = Fraction(index["exact"]), Fraction(index["high_exact"])
    assert high - low == Fraction("0.22")
    assert (index["predicate"], index["high_predicate"]) == ("Baik", "Baik")
    domain4 = next(r for r in rows if r["kind"] == "domain" and r["id"] == "4")
    assert Fraction(domain4["high_exact"]) > Fraction(domain4["exact"])
    missing = next(r for r in rows if r["kind"] == "indicator" and r["id"] == "47")
    assert missing["level"] == "" and Fraction(missing["headroom"]) == Fraction("0.12")


def test_a_complete_file_has_equal_bounds_and_headroom_adds_up() -> None:
    rows = _csv(str(EXAMPLES / "kota-contoh-2022.yaml"))
    index = rows[0]
    assert index["complete"] == "yes"
    assert (index["exact"], index["high_exact"]) == ("2.792", "2.792")
    headroom = sum(Fraction(r["headroom"]) for r in rows if r["kind"] == "indicator")
    assert headroom == 5 - Fraction(index["exact"])
