"""`spbe rank` through the entry point: ties, group ranks, summary figures on eight agencies.

tests/fixtures/rank/agencies uses a four-indicator rubric (weights 20, 20 | 30, 30), so
index = (20·l1 + 20·l2 + 30·l3 + 30·l4) / 100, D1 = (l1 + l2) / 2, D2 = (l3 + l4) / 2:

  agency             jenis      provinsi  levels    index  D1   D2
  Kota Delta         kota       Riau      5 5 5 5   5.0    5    5
  Kabupaten Beta     kabupaten  Jambi     5 3 4 4   4.0    4    4
  Kota Alpha         kota       Jambi     4 4 4 4   4.0    4    4
  Kota Theta         kota       Aceh      2 4 3 3   3.0    3    3
  Provinsi Gamma     provinsi   Jambi     3 3 3 3   3.0    3    3
  Kabupaten Eta      kabupaten  Aceh      3 2 3 2   2.5    2.5  2.5
  Kabupaten Epsilon  kabupaten  Riau      2 2 2 2   2.0    2    2
  Kota Zeta          kota       Riau      1 1 2 1   1.3    1    1.5

Means: index 24.8 / 8 = 3.1; D1 24.5 / 8 = 3.0625 (3.06); D2 25 / 8 = 3.125 (3.13 half up,
where round-half-even would say 3.12). Baik (≥ 2.6) or better: kabupaten 1 of 3, kota 3 of 4,
provinsi 1 of 1.
"""

from __future__ import annotations

import csv
import io
import json

from conftest import FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
RANK = FIXTURES / "rank"
AGENCIES = RANK / "agencies"


def invoke(*args: str):
    return runner.invoke(app, ["rank", *args])


def ranking_json(*args: str) -> dict:
    result = invoke(str(AGENCIES), "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_national_ranks_and_ties() -> None:
    rows = ranking_json()["rows"]
    got = [(r["rank"], r["tied"], r["instansi"]["nama"], r["index"]["exact"]) for r in rows]
    assert got == [
        (1, False, "Kota Delta", "5"),
        (2, True, "Kabupaten Beta", "4"),
        (2, True, "Kota Alpha", "4"),
        (4, True, "Kota Theta", "3"),
        (4, True, "Provinsi Gamma", "3"),
        (6, False, "Kabupaten Eta", "2.5"),
        (7, False, "Kabupaten Epsilon", "2"),
        (8, False, "Kota Zeta", "1.3"),
    ]


def test_ranks_within_provinces() -> None:
    rows = ranking_json("--by", "provinsi")["rows"]
    got = {r["instansi"]["nama"]: (r["rank"], r["group"], r["group_rank"]) for r in rows}
    assert got == {
        "Kota Delta": (1, "Riau", 1),
        "Kabupaten Beta": (2, "Jambi", 1),
        "Kota Alpha": (2, "Jambi", 1),
        "Kota Theta": (4, "Aceh", 1),
        "Provinsi Gamma": (4, "Jambi", 3),
        "Kabupaten Eta": (6, "Aceh", 2),
        "Kabupaten Epsilon": (7, "Riau", 2),
        "Kota Zeta": (8, "Riau", 3),
    }


def test_ranks_within_types() -> None:
    rows = ranking_json("--by", "jenis")["rows"]
    got = {r["instansi"]["nama"]: r["group_rank"] for r in rows}
    assert got == {
        "Kota Delta": 1, "Kota Alpha": 2, "Kota Theta": 3, "Kota Zeta": 4,
        "Kabupaten Beta": 1, "Kabupaten Eta": 2, "Kabupaten Epsilon": 3, "Provinsi Gamma": 1,
    }  # fmt: skip


def test_summary_figures() -> None:
    summary = ranking_json()["summary"]
    assert summary["count"] == 8
    assert summary["predicates"] == [
        {"name": "Kurang", "count": 1},
        {"name": "Cukup", "count": 2},
        {"name": "Baik", "count": 2},
        {"name": "Sangat Baik", "count": 2},
        {"name": "Memuaskan", "count": 1},
    ]
    assert summary["index"] == {
        "mean": {"value": 3.1, "exact": "3.1"},
        "max": {"value": 5, "exact": "5"},
        "min": {"value": 1.3, "exact": "1.3"},
    }
    d1, d2 = summary["domains"]
    assert (d1["mean"], d1["max"]["exact"], d1["min"]["exact"]) == (
        {"value": 3.06, "exact": "3.0625"},
        "5",
        "1",
    )
    assert (d2["mean"], d2["max"]["exact"], d2["min"]["exact"]) == (
        {"value": 3.13, "exact": "3.125"},
        "5",
        "1.5",
    )
    assert summary["good_from"] == "Baik"
    assert [(s["jenis"], s["count"], s["good"], s["share"]) for s in summary["shares"]] == [
        ("kabupaten", 3, 1, "1/3"),
        ("kota", 4, 3, "0.75"),
        ("provinsi", 1, 1, "1"),
    ]


def test_summary_text_shows_means_half_up() -> None:
    result = invoke(str(AGENCIES), "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.split() == ["D2", "Layanan", "3.13", "5.00", "1.50"] for line in lines)
    assert any(line.split() == ["kabupaten", "3", "1", "33.33", "%"] for line in lines)
    assert any(line.split()[:3] == ["2=", "Kabupaten", "Beta"] for line in lines)


def test_good_from_option() -> None:
    shares = ranking_json("--good-from", "sangat baik")["summary"]["shares"]
    assert [(s["jenis"], s["good"]) for s in shares] == [
        ("kabupaten", 1),
        ("kota", 2),
        ("provinsi", 0),
    ]
    assert invoke(str(AGENCIES), "--good-from", "Luar Biasa").exit_code == 2


def test_top_keeps_ties_at_the_boundary() -> None:
    rows = ranking_json("--top", "4")["rows"]
    assert [r["rank"] for r in rows] == [1, 2, 2, 4, 4]
    assert ranking_json("--top", "4")["summary"]["count"] == 8


def test_broken_file_is_reported_and_skipped() -> None:
    broken = RANK / "extra" / "broken.yaml"
    result = invoke(str(AGENCIES), str(broken), "-f", "json")
    assert result.exit_code == 1
    assert f"{broken}:6:6: error[SPBE102]" in result.stderr
    assert len(json.loads(result.stdout)["rows"]) == 8


def test_mixed_years_are_refused_unless_allowed() -> None:
    other = RANK / "extra" / "kota-iota-2023.yaml"
    result = invoke(str(AGENCIES), str(other))
    assert result.exit_code == 2
    assert "2023" in result.output and "--allow-mixed" in result.output
    allowed = invoke(str(AGENCIES), str(other), "--allow-mixed", "-f", "json")
    assert allowed.exit_code == 0
    assert len(json.loads(allowed.stdout)["rows"]) == 9


def test_csv_and_markdown() -> None:
    result = invoke(str(AGENCIES), "-f", "csv", "--by", "provinsi")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["rank"], r["group_rank"], r["nama"]) for r in rows[:3]] == [
        ("1", "1", "Kota Delta"),
        ("2", "1", "Kabupaten Beta"),
        ("2", "1", "Kota Alpha"),
    ]
    markdown = invoke(str(AGENCIES), "-f", "markdown").stdout
    assert "| 2= | Kabupaten Beta |" in markdown
