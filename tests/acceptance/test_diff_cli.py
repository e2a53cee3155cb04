"""`spbe diff` through the entry point: the heading of each kind, every format, exits, trends.

The comparison core itself (exact effects, ordering, pairing) is tested in tests/unit/test_diff.py.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest
from conftest import EXAMPLES, FIXTURES
from typer.testing import CliRunner

from spbe_cli.cli.main import app

runner = CliRunner()
DIFF = FIXTURES / "diff"
Y2019 = str(EXAMPLES / "kota-contoh-2019.yaml")
Y2021 = str(EXAMPLES / "kota-contoh-2021.yaml")
Y2022 = str(EXAMPLES / "kota-contoh-2022.yaml")
Y2022_DOK = str(EXAMPLES / "kota-contoh-2022-dokumen.yaml")
Y2026 = str(EXAMPLES / "kota-contoh-2026.yaml")
BASE = str(DIFF / "base-2023.yaml")
CANCEL = str(DIFF / "cancel-2024.yaml")
DOKUMEN = str(DIFF / "dokumen-2023.yaml")
SLIP = str(DIFF / "slip-2024.yaml")
PEER = str(DIFF / "peer-2023.yaml")
BAD = str(DIFF / "bad-level.yaml")


def diff(*args: str):
    return runner.invoke(app, ["diff", *args])


# ---- the index line and the explained change ---------------------------------------------------


def test_example_pair_rises_by_one_ten_from_kurang_to_baik() -> None:
    result = diff(Y2021, Y2022, "--format", "json")
    assert result.exit_code == 0, result.output
    index = json.loads(result.stdout)["index"]
    assert (index["old"], index["new"], index["delta"]) == (1.69, 2.79, 1.10)
    assert '"delta": 1.10,' in result.stdout  # two decimals, as displayed
    assert index["delta_exact"] == "1.1025"
    assert (index["old_predicate"], index["new_predicate"], index["predicate_change"]) == (
        "Kurang",
        "Baik",
        "up",
    )
    table = diff(Y2021, Y2022).stdout
    assert "Indeks SPBE: 1,69 → 2,79 (+1,10) · Predikat: Kurang → Baik (naik)" in table


def test_zero_change_with_gains_and_losses_cancelling() -> None:
    result = diff(BASE, CANCEL, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["index"]["delta"] == 0 and data["index"]["delta_exact"] == "0"
    assert data["index"]["predicate_change"] == "same"
    assert [(i["id"], i["effect"]) for i in data["indicators"]] == [
        (42, "0.03"),
        (21, "-0.015"),
        (22, "-0.015"),
    ]
    assert sum(Fraction(i["effect"]) for i in data["indicators"]) == 0
    text = diff(BASE, CANCEL).stdout
    assert "Perubahan 3 indikator saling meniadakan; indeks tetap" in text
    assert "Predikat: Baik (tetap)" in text


def test_explained_line_adds_up_exactly_for_the_examples() -> None:
    data = json.loads(diff(Y2021, Y2022, "-f", "json").stdout)
    effects = [Fraction(i["effect"]) for i in data["indicators"]]
    assert sum(effects) == Fraction(data["index"]["delta_exact"]) == Fraction(data["explained"])
    assert len(effects) == 40 and all(e != 0 for e in effects)
    out = diff(Y2021, Y2022).stdout
    assert "Seluruh perubahan indeks (+1,10) berasal dari 40 indikator yang berubah" in out
    first = out.split("Indikator yang berubah\n")[1].splitlines()[2]
    assert first.split()[0] in {"42", "47"} and "+0,06" in first  # a share: the rubric's decimals


# ---- kinds: stages, agencies, rubrics ---------------------------------------------------------


def test_stage_comparison_reads_as_the_assessors_correction() -> None:
    result = diff(BASE, DOKUMEN)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Tahap berbeda dari penilaian yang sama (mandiri → dokumen)" in out
    assert (
        "Klaim tahap mandiri: 43 dikonfirmasi, 3 dinilai lebih rendah oleh asesor, "
        "1 dinilai lebih tinggi oleh asesor"
    ) in out
    rows = out.split("Indikator yang berubah\n")[1].splitlines()[2:]
    assert rows[0].split()[0] == "32" and rows[0].endswith("dinilai lebih tinggi oleh asesor")
    assert [r.split()[0] for r in rows[1:]] == ["42", "11", "1"]
    assert all(r.endswith("dinilai lebih rendah oleh asesor") for r in rows[1:])
    assert "3 Terdefinisi" in rows[3] and "2 Terkelola" in rows[3]
    english = diff(BASE, DOKUMEN, "--lang", "en").stdout
    assert "Claims of stage mandiri: 43 confirmed, 3 rated lower by the assessors" in english
    data = json.loads(diff(BASE, DOKUMEN, "-f", "json").stdout)
    assert (data["kind"], data["correction"]) == ("stages", True)
    assert data["summary"] == {"up": 1, "down": 3, "same": 43}


def test_stages_given_backwards_are_not_called_a_correction() -> None:
    out = diff(DOKUMEN, BASE).stdout
    assert "(dokumen → mandiri)" in out and "asesor" not in out


def test_different_agencies_are_said_in_the_heading() -> None:
    result = diff(BASE, PEER)
    assert result.exit_code == 0
    assert (
        "Instansi berbeda: Kota Uji dan Kota Tetangga (perbandingan antarinstansi)" in result.stdout
    )
    assert json.loads(diff(BASE, PEER, "-f", "json").stdout)["kind"] == "agencies"
    assert "Different agencies" in diff(BASE, PEER, "--lang", "en").stdout


def test_years_are_said_in_the_heading() -> None:
    out = diff(BASE, CANCEL).stdout
    assert "Tahun berbeda dari instansi yang sama (2023 → 2024)" in out


def test_mismatched_rubrics_compare_shared_domains_by_name_only() -> None:
    result = diff(Y2019, Y2022, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["kind"], data["comparable_indicators"]) == ("rubrics", False)
    assert data["indicators"] == [] and data["aspects"] == [] and data["summary"] is None
    pairs = {(d["name"], d["old_id"], d["id"]) for d in data["domains"]}
    assert pairs == {
        ("Kebijakan Internal SPBE", 1, 1),
        ("Tata Kelola SPBE", 2, 2),
        ("Layanan SPBE", 3, 4),
    }
    assert data["unshared_domains"] == ["Manajemen SPBE"]
    assert (data["index"]["old"], data["index"]["new"]) == (1.98, 2.79)
    out = diff(Y2019, Y2022, "--lang", "en").stdout
    assert "Indicators are not comparable" in out
    assert "Manajemen SPBE" not in out.split("Index and domains")[1]


def test_a_rubric_without_domains_compares_the_index_only() -> None:
    result = diff(Y2022, Y2026, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["domains"] == [] and data["comparable_indicators"] is False
    assert data["index"]["new_predicate"] == "Baik"


# ---- formats, exits, invalid input ------------------------------------------------------------


def test_every_format() -> None:
    markdown = diff(Y2021, Y2022, "-f", "markdown").stdout
    assert markdown.startswith("## Perbandingan: Pemerintah Kota Contoh · 2021")
    assert "| | Indeks SPBE | 1,69 | 2,79 | +1,10 | Kurang → Baik (naik) |" in markdown.replace(
        "|  |", "| |"
    )
    rows = list(csv.DictReader(io.StringIO(diff(Y2021, Y2022, "-f", "csv").stdout)))
    assert rows[0]["kind"] == "index" and rows[0]["delta"] == "+1.10"
    assert rows[0]["delta_exact"] == "+1.1025" and rows[0]["change"] == "up"
    indicators = [r for r in rows if r["kind"] == "indicator"]
    assert sum(Fraction(r["effect"]) for r in indicators) == Fraction("1.1025")
    assert {r["kind"] for r in rows} == {"index", "domain", "aspect", "indicator"}
    plain = diff(Y2021, Y2022).stdout
    assert "\x1b[" not in plain and "┃" not in plain and "━" not in plain
    assert "Comparison:" in diff(Y2021, Y2022, "--lang", "en").stdout


def test_all_lists_unchanged_indicators_too() -> None:
    data = json.loads(diff(Y2021, Y2022, "-f", "json", "--all").stdout)
    assert len(data["indicators"]) == 47
    assert sum(Fraction(i["effect"]) for i in data["indicators"]) == Fraction(
        data["index"]["delta_exact"]
    )
    assert "Semua indikator" in diff(Y2021, Y2022, "--all").stdout
    assert "tetap" in diff(Y2021, Y2022, "--all").stdout.split("Semua indikator")[1]


def test_no_change_says_so() -> None:
    out = diff(BASE, BASE).stdout
    assert "Tidak ada indikator yang berubah; indeks tetap" in out
    assert "Indikator yang berubah" not in out


@pytest.mark.parametrize("order", [(BAD, BASE), (BASE, BAD)])
def test_invalid_input_on_either_side_exits_2_with_the_score_message(
    order: tuple[str, str],
) -> None:
    result = diff(*order)
    assert result.exit_code == 2
    assert result.stdout == ""
    expected = runner.invoke(app, ["score", BAD]).stderr
    assert result.stderr == expected
    assert f"{BAD}:6:18: error[SPBE103]" in result.stderr


def test_missing_file_and_one_file_are_refused() -> None:
    missing = diff(BASE, str(DIFF / "nowhere.yaml"))
    assert missing.exit_code == 2 and "error[SPBE001]" in missing.stderr
    one = diff(BASE)
    assert one.exit_code == 2 and "sedikitnya dua berkas" in one.stderr


def test_fail_on_drop_compares_exact_values() -> None:
    assert diff(Y2021, Y2022, "--fail-on-drop").exit_code == 0
    assert diff(BASE, CANCEL, "--fail-on-drop").exit_code == 0
    dropped = diff(Y2022, Y2022_DOK, "--fail-on-drop")
    assert dropped.exit_code == 1 and "2,792 → 2,6865" in dropped.stderr
    # 3 → 2.998: both shown as 3.00, yet the exact index fell.
    slip = diff(BASE, SLIP, "--fail-on-drop")
    assert slip.exit_code == 1
    assert "(0,00)" in slip.stdout
    assert "nilai pasti 3 → 2,998" in slip.stderr
    assert diff(BASE, SLIP).exit_code == 0


# ---- three or more files: the trend -----------------------------------------------------------


def test_trend_over_three_files_sorted_by_year_then_stage() -> None:
    result = diff(Y2022_DOK, Y2021, Y2022, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [f["file"] for f in data["files"]] == [Y2021, Y2022, Y2022_DOK]
    assert [p["value"] for p in data["index"]["points"]] == [1.69, 2.79, 2.69]
    assert data["index"]["delta"] == 1.00 and data["index"]["delta_exact"] == "0.997"
    assert [d["name"] for d in data["domains"]] == [
        "Kebijakan Internal SPBE",
        "Tata Kelola SPBE",
        "Manajemen SPBE",
        "Layanan SPBE",
    ]
    out = diff(Y2022_DOK, Y2021, Y2022).stdout
    assert "2021 mandiri  2022 mandiri  2022 dokumen" in out
    row = next(line for line in out.splitlines() if "Indeks SPBE" in line)
    assert row.split()[-2:] == ["+1,00", ":=="]  # ASCII sparkline on the 1-5 scale
    rows = list(csv.DictReader(io.StringIO(diff(Y2021, Y2022, Y2022_DOK, "-f", "csv").stdout)))
    assert len(rows) == 3 * 5 and rows[0]["value"] == "1.69"
    assert (
        "| Indeks SPBE | 1,69 | 2,79 | 2,69 | +1,00 |"
        in diff(Y2021, Y2022, Y2022_DOK, "-f", "markdown").stdout
    )


def test_trend_fail_on_drop_looks_at_the_last_step() -> None:
    assert diff(Y2021, Y2022, Y2022_DOK, "--fail-on-drop").exit_code == 1
    assert diff(Y2022_DOK, Y2021, Y2022, "--fail-on-drop").exit_code == 1  # sorted first
    assert diff(BASE, SLIP, CANCEL, "--fail-on-drop").exit_code == 0  # 3 → 2.998 → 3


def test_trend_across_rubrics_keeps_only_shared_domains() -> None:
    data = json.loads(diff(Y2019, Y2021, Y2022, "-f", "json").stdout)
    assert data["comparable_indicators"] is False
    assert [d["name"] for d in data["domains"]] == [
        "Kebijakan Internal SPBE",
        "Tata Kelola SPBE",
        "Layanan SPBE",
    ]
    assert data["unshared_domains"] == ["Manajemen SPBE"]
    assert diff(Y2019, Y2022, Y2026).exit_code == 0
