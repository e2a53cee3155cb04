"""`spbe diff`: the comparison core (exact effects, pairing, kinds) and the command, all formats."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from decimal import Decimal
from fractions import Fraction

import pytest
from conftest import EXAMPLES, FIXTURES, bundled
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spbe_cli.cli.app import app
from spbe_cli.core.diff import compare, same_structure, trend
from spbe_cli.core.scoring import Scorecard, score
from spbe_cli.model.assessment import validate_assessment
from spbe_cli.model.rubric import Rubric
from spbe_cli.render.diff_out import SPARK_ASCII, SPARK_RICH, comparison_record, write_trend
from spbe_cli.render.records import to_json

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


def card(
    rubric: Rubric, levels: dict[str, int], *, year: int = 2023, stage: str = "mandiri"
) -> Scorecard:
    data = {
        "rubrik": rubric.id,
        "instansi": "Kota Uji",
        "tahun": year,
        "tahap": stage,
        "indikator": levels,
    }
    assessment = validate_assessment(data, rubric)
    assert not isinstance(assessment, list), assessment
    return score(rubric, assessment)


def uniform(rubric: Rubric, level: int, **changes: int) -> dict[str, int]:
    levels = {i.key: level for i in rubric.indicators}
    levels.update({k.lstrip("i"): v for k, v in changes.items()})
    return levels


# ---- the core ----------------------------------------------------------------------------------


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
    assert "Indeks SPBE: 1.69 → 2.79 (+1.10) · Predikat: Kurang → Baik (naik)" in table


def test_indicators_sorted_gains_first_then_losses_each_largest_first(rubric59: Rubric) -> None:
    old = card(rubric59, uniform(rubric59, 3))
    new = card(rubric59, uniform(rubric59, 3, i1=4, i42=5, i21=1, i11=2, i30=2))
    listed = [(c.indicator.key, c.effect) for c in compare(old, new).changed]
    assert listed == [
        ("42", Fraction("0.06")),
        ("1", Fraction("0.013")),
        ("21", Fraction("-0.03")),
        ("11", Fraction("-0.025")),
        ("30", Fraction("-0.015")),
    ]


def test_change_in_both_directions(rubric59: Rubric) -> None:
    low, high = (
        card(rubric59, uniform(rubric59, 2)),
        card(rubric59, uniform(rubric59, 3), year=2024),
    )
    up, down = compare(low, high), compare(high, low)
    assert (up.index.delta, up.index.direction) == (Decimal("1.00"), "up")
    assert (down.index.delta, down.index.direction) == (Decimal("-1.00"), "down")
    assert up.count("up") == down.count("down") == 47
    assert all(c.direction == "down" for c in down.changed)


@pytest.mark.parametrize(
    ("old_level", "new_level", "old_pred", "new_pred"),
    [
        (1, 2, "Kurang", "Cukup"),
        (2, 3, "Cukup", "Baik"),
        (3, 4, "Baik", "Sangat Baik"),
        (4, 5, "Sangat Baik", "Memuaskan"),
    ],
)
def test_predicate_change_across_each_boundary(
    rubric59: Rubric, old_level: int, new_level: int, old_pred: str, new_pred: str
) -> None:
    old = card(rubric59, uniform(rubric59, old_level))
    new = card(rubric59, uniform(rubric59, new_level), year=2024)
    up, down = compare(old, new).index, compare(new, old).index
    assert (up.old.predicate, up.new.predicate, up.predicate_change) == (old_pred, new_pred, "up")
    assert (down.old.predicate, down.new.predicate, down.predicate_change) == (
        new_pred,
        old_pred,
        "down",
    )


def test_predicate_from_exact_values_at_a_boundary(rubric59: Rubric) -> None:
    # levels 2 with the eight 2.5-weight indicators 11-18 at 1: exactly 1.80, Cukup;
    # indicator 1 one lower: 1.787, shown 1.79, still Kurang.
    at_bound = uniform(rubric59, 2, **{f"i{k}": 1 for k in range(11, 19)})
    below = {**at_bound, "1": 1}
    cmp = compare(card(rubric59, below), card(rubric59, at_bound, year=2024))
    assert (cmp.index.old.value, cmp.index.new.value, cmp.index.delta) == (
        Decimal("1.79"),
        Decimal("1.80"),
        Decimal("0.01"),
    )
    assert (cmp.index.old.predicate, cmp.index.new.predicate) == ("Kurang", "Cukup")
    assert cmp.index.delta_exact == Fraction("0.013")


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
    assert (
        "3 indikator yang berubah menjelaskan tepat 0 dari perubahan indeks 0 (seluruhnya)" in text
    )
    assert "Predikat: Baik (tetap)" in text


def test_explained_line_adds_up_exactly_for_the_examples() -> None:
    data = json.loads(diff(Y2021, Y2022, "-f", "json").stdout)
    effects = [Fraction(i["effect"]) for i in data["indicators"]]
    assert sum(effects) == Fraction(data["index"]["delta_exact"]) == Fraction(data["explained"])
    assert len(effects) == 40 and all(e != 0 for e in effects)
    out = diff(Y2021, Y2022).stdout
    assert (
        "40 indikator yang berubah menjelaskan tepat +1.1025 dari perubahan indeks +1.1025" in out
    )
    first = out.split("Indikator yang berubah\n")[1].splitlines()[2]
    assert first.split()[0] in {"42", "47"} and "+0.0600" in first


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_effects_add_up_to_the_exact_change_for_random_levels(data: st.DataObject) -> None:
    rubric = bundled(data.draw(st.sampled_from(["permenpanrb-59-2020", "permenpanrb-5-2018"])))
    level = st.integers(rubric.level_min, rubric.level_max)
    old = {i.key: data.draw(level) for i in rubric.indicators}
    new = {i.key: data.draw(level) for i in rubric.indicators}
    cmp = compare(card(rubric, old), card(rubric, new, year=2024))
    assert cmp.explained == cmp.index.delta_exact == cmp.new.index.exact - cmp.old.index.exact
    assert cmp.index.delta == cmp.new.index.value - cmp.old.index.value
    assert {c.indicator.key for c in cmp.changed} == {k for k in old if old[k] != new[k]}
    for c in cmp.changed:
        assert (
            c.effect
            == Fraction(new[c.indicator.key] - old[c.indicator.key]) * c.indicator.weight / 100
        )
    gains = [c.effect for c in cmp.changed if c.effect > 0]
    losses = [c.effect for c in cmp.changed if c.effect < 0]
    assert [c.effect for c in cmp.changed] == gains + losses
    assert gains == sorted(gains, reverse=True) and losses == sorted(losses)


def test_json_effects_add_up_to_delta_exact_with_non_terminating_weights() -> None:
    # 5/2018 weighs indicators 35-1..35-3 at 20/6: effects are thirds, written as fractions.
    rubric = bundled("permenpanrb-5-2018")
    old = card(rubric, uniform(rubric, 2))
    new = card(rubric, {**uniform(rubric, 2), "35-2": 4, "1": 1}, stage="akhir")
    data = json.loads(to_json(comparison_record(compare(old, new), ("a.yaml", "b.yaml"))))
    assert [(i["id"], i["effect"]) for i in data["indicators"]] == [
        ("35-2", "1/15"),
        (1, "-0.01"),
    ]
    assert data["index"]["delta_exact"] == data["explained"] == "17/300"
    assert sum(Fraction(i["effect"]) for i in data["indicators"]) == Fraction("17/300")


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


def test_same_rubric_id_with_other_content_is_not_paired(rubric59: Rubric) -> None:
    fewer = dataclasses.replace(rubric59, indicators=rubric59.indicators[:-1])
    assert same_structure(rubric59, rubric59)
    assert not same_structure(rubric59, fewer)


# ---- formats, exits, invalid input ------------------------------------------------------------


def test_every_format() -> None:
    markdown = diff(Y2021, Y2022, "-f", "markdown").stdout
    assert markdown.startswith("## Perbandingan: Pemerintah Kota Contoh · 2021")
    assert "| | Indeks SPBE | 1.69 | 2.79 | +1.10 | Kurang → Baik (naik) |" in markdown.replace(
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
    assert dropped.exit_code == 1 and "2.792 → 2.6865" in dropped.stderr
    # 3 → 2.998: both shown as 3.00, yet the exact index fell.
    slip = diff(BASE, SLIP, "--fail-on-drop")
    assert slip.exit_code == 1
    assert "(0.00)" in slip.stdout
    assert "nilai pasti 3 → 2.998" in slip.stderr
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
    assert row.split()[-2:] == ["+1.00", ":=="]  # ASCII sparkline on the 1-5 scale
    rows = list(csv.DictReader(io.StringIO(diff(Y2021, Y2022, Y2022_DOK, "-f", "csv").stdout)))
    assert len(rows) == 3 * 5 and rows[0]["value"] == "1.69"
    assert (
        "| Indeks SPBE | 1.69 | 2.79 | 2.69 | +1.00 |"
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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_trend_sparkline_uses_blocks_only_in_the_rich_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    rubric = bundled("permenpanrb-59-2020")
    cards = [card(rubric, uniform(rubric, lv), year=2020 + lv) for lv in (1, 3, 5)]
    series = trend(cards)
    terminal, pipe = _Terminal(), io.StringIO()
    write_trend(series, ["a", "b", "c"], "table", terminal, lang="id")
    write_trend(series, ["a", "b", "c"], "table", pipe, lang="id")
    assert f"{SPARK_RICH[0]}{SPARK_RICH[4]}{SPARK_RICH[7]}" in terminal.getvalue()
    assert f"{SPARK_ASCII[0]}{SPARK_ASCII[4]}{SPARK_ASCII[7]}" in pipe.getvalue()
    assert not set(SPARK_RICH) & set(pipe.getvalue())
