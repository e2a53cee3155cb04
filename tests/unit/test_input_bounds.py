"""The model's bounds on untrusted data: numbers, level ranges, ids, counts, years, characters.

Every check here runs before anything is built from the value it checks (a Fraction from an
exponent, a set from a level range, one problem per entry of a huge mapping), so these tests
would hang or run out of memory, not merely fail, if a bound went missing.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from fractions import Fraction

import pytest
import yaml
from conftest import FIXTURES, bundled

from spbe_cli.model.assessment import MAX_ENTRIES, Assessment, validate_assessment
from spbe_cli.model.characters import unsafe_char
from spbe_cli.model.codes import Code
from spbe_cli.model.costs import read_costs
from spbe_cli.model.exact import MAX_DIGITS, NumberFormatError, parse_number
from spbe_cli.model.rubric import Rubric
from spbe_cli.model.rubric_file import MAX_LEVELS, build_rubric

TINY = yaml.safe_load((FIXTURES / "rubrics" / "tiny.yaml").read_text(encoding="utf-8"))


def codes(problems: object) -> list[Code]:
    assert isinstance(problems, list), problems
    return [p.code for p in problems]


# --- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.3", Fraction(13, 10)),
        ("20/6", Fraction(10, 3)),
        (" 2 ", Fraction(2)),
        ("-.5", Fraction(-1, 2)),
        (Decimal("1.30"), Fraction(13, 10)),
        (10**29, Fraction(10**29)),
        ("1" * MAX_DIGITS, Fraction(int("1" * MAX_DIGITS))),
    ],
)
def test_exact_numbers_within_the_bounds(value: object, expected: Fraction) -> None:
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "1e10000000",  # Fraction() would expand the exponent: minutes and gigabytes
        "9e999999999",
        "1E3",
        "1" * (MAX_DIGITS + 1),
        "0." + "1" * (MAX_DIGITS + 1),
        "1/" + "3" * (MAX_DIGITS + 1),
        "²",
        "١٢",
        "1_000",
        "inf",
        "nan",
        "1/0",
        10**MAX_DIGITS,
        Decimal("1E+1000"),
        Decimal("1E-1000"),
        Decimal("0." + "1" * (MAX_DIGITS + 1)),
        Decimal("NaN"),
        True,
        1.5,
    ],
)
def test_numbers_past_the_bounds_are_refused_before_a_fraction_is_built(value: object) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(value)


# --- rubrics -----------------------------------------------------------------------------------


def _rubric(**changes: object) -> dict:
    data = copy.deepcopy(TINY)
    data.update(changes)
    return data


def test_the_tiny_rubric_builds() -> None:
    assert isinstance(build_rubric(_rubric()), Rubric)


@pytest.mark.parametrize(
    "levels",
    [{"min": 0, "max": 10**30}, {"min": -(10**30), "max": 4}, {"min": 0, "max": MAX_LEVELS}],
)
def test_a_level_range_too_wide_is_one_problem_and_builds_nothing(levels: dict) -> None:
    assert codes(build_rubric(_rubric(levels=levels))) == [Code.SPBE221]


def test_the_widest_level_range_allowed_is_checked_as_usual() -> None:
    found = build_rubric(_rubric(levels={"min": 0, "max": MAX_LEVELS - 1}))
    assert Code.SPBE221 not in codes(found)  # the scales and bands then do not fit: SPBE205/204
    assert Code.SPBE205 in codes(found)


def test_a_weight_with_an_exponent_is_not_an_exact_number() -> None:
    data = _rubric()
    data["aspects"][0]["weight"] = "1e10000000"
    (problem,) = build_rubric(data)  # type: ignore[misc]
    assert problem.code == Code.SPBE207 and problem.path == ("aspects", "0", "weight")


@pytest.mark.parametrize("ident", ["²", "١٢", "１２", "1-²"])
def test_ids_in_digits_other_than_ascii_are_refused(ident: str) -> None:
    data = _rubric()
    data["aspects"][1]["indicators"][0]["id"] = ident
    (problem,) = build_rubric(data)  # type: ignore[misc]
    assert problem.code == Code.SPBE222
    assert problem.path == ("aspects", "1", "indicators", "0", "id")


@pytest.mark.parametrize(
    ("where", "text"),
    [
        (("title",), "Rubrik\x1b[2J"),
        (("aspects", 0, "name"), "Aspek\nA"),  # a name is one line
        (("aspects", 0, "indicators", 0, "name"), "Satu \u202eatas"),
        (("scales", "s", "levels", 0), "Nol\x85"),
        (("aspects", 0, "indicators", 0, "criteria", 0), "Tidak\x00ada"),
    ],
)
def test_control_and_bidi_characters_in_rubric_text(where: tuple, text: str) -> None:
    data = _rubric()
    target = data
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = text
    found = build_rubric(data)
    assert codes(found) == [Code.SPBE223], found
    assert found[0].path == tuple(map(str, where))  # type: ignore[index]


def test_line_breaks_are_fine_in_long_rubric_text() -> None:
    data = _rubric(source="Line one.\nLine two.\r\n\tIndented.")
    data["aspects"][0]["indicators"][0]["criteria"][4] = "Lengkap;\ndan diperbarui."
    assert isinstance(build_rubric(data), Rubric)


def test_a_key_that_is_not_text_is_named_as_written() -> None:
    found = build_rubric({**_rubric(), Decimal("3.5"): "x"})
    (problem,) = found  # type: ignore[misc]
    assert problem.code == Code.SPBE105 and problem.params["key"] == "3.5"
    assert problem.path == ("3.5",)


# --- assessments -------------------------------------------------------------------------------

RUBRIC = bundled("permenpanrb-59-2020")


def _assessment(**changes: object) -> dict:
    data: dict = {
        "rubrik": RUBRIC.id,
        "instansi": {"nama": "Kota Contoh", "jenis": "kota", "provinsi": "Jambi"},
        "tahun": 2024,
        "indikator": {n: 3 for n in range(1, 48)},
    }
    data.update(changes)
    return data


def test_a_valid_assessment() -> None:
    assert isinstance(validate_assessment(_assessment(), RUBRIC), Assessment)


def test_too_many_indicator_entries_are_one_problem() -> None:
    ids = {f"x{n}": 1 for n in range(190_000)}
    found = validate_assessment(_assessment(indikator=ids), RUBRIC)
    assert codes(found) == [Code.SPBE114]
    assert found[0].params == {"field": "indikator", "count": 190_000, "limit": MAX_ENTRIES}  # type: ignore[index]


def test_an_evidence_list_over_the_limit() -> None:
    indicators: dict = {n: 3 for n in range(1, 48)}
    indicators[5] = {"level": 3, "bukti_dukung": ["a.pdf"] * (MAX_ENTRIES + 1)}
    found = validate_assessment(_assessment(indikator=indicators), RUBRIC)
    assert codes(found) == [Code.SPBE114]
    assert found[0].path == ("indikator", "5", "bukti_dukung")  # type: ignore[index]


@pytest.mark.parametrize("year", [-5, 0, 1899, 10_000, 9**1000])
def test_years_that_are_no_year(year: int) -> None:
    found = validate_assessment(_assessment(tahun=year), RUBRIC)
    assert codes(found) == [Code.SPBE115]
    assert len(str(found[0].params["got"])) <= 61  # type: ignore[index]


@pytest.mark.parametrize("year", [1900, 2018, 2031, 9999])
def test_years_that_are_years(year: int) -> None:
    assert isinstance(validate_assessment(_assessment(tahun=year), RUBRIC), Assessment)


def test_an_id_written_twice_once_stripped_is_a_duplicate() -> None:
    indicators: dict = {str(n): 3 for n in range(1, 48)}
    indicators[" 1"] = 1  # what JSON and TOML hand over; the readers report it first
    (problem,) = validate_assessment(_assessment(indikator=indicators), RUBRIC)  # type: ignore[misc]
    assert problem.code == Code.SPBE006
    assert problem.path == ("indikator", " 1") and problem.params["first"] == "1"


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"rubrik": "permenpanrb-59-2020\x1b[2J"}, ("rubrik",)),
        ({"instansi": "Kota\r::error::x"}, ("instansi",)),
        ({"instansi": {"nama": "Kota\nContoh"}}, ("instansi", "nama")),
        ({"instansi": {"nama": "K", "provinsi": "Jambi\u202e"}}, ("instansi", "provinsi")),
        ({"tahap": "mandiri\x85"}, ("tahap",)),
    ],
)
def test_control_characters_in_one_line_fields(changes: dict, path: tuple) -> None:
    found = validate_assessment(_assessment(**changes), RUBRIC)
    assert Code.SPBE112 in codes(found)
    assert [p.path for p in found if p.code == Code.SPBE112] == [path]  # type: ignore[union-attr]


def test_control_characters_in_entries_name_the_field_not_the_text() -> None:
    indicators: dict = {str(n): 3 for n in range(1, 48)}
    indicators["2"] = {"level": 3, "penjelasan": "Baris satu.\nBaris dua.\tTab."}
    indicators["3"] = {"level": 3, "penjelasan": "\x1b]8;;http://x\x07link"}
    indicators["4"] = {"level": 3, "bukti_dukung": ["ok.pdf", "bad\u2028.pdf"]}
    indicators["\x1b[31m"] = 3
    found = validate_assessment(_assessment(indikator=indicators), RUBRIC)
    shown = sorted((p.params["field"], p.params["char"]) for p in found if p.code == Code.SPBE112)  # type: ignore[union-attr]
    assert shown == [
        ("indikator", "U+001B"),
        ("indikator.3.penjelasan", "U+001B"),
        ("indikator.4.bukti_dukung.1", "U+2028"),
    ]


@pytest.mark.parametrize(
    ("text", "multiline", "expected"),
    [
        ("Kota Contoh", False, None),
        ("Kota\tContoh", False, "U+0009"),
        ("Baris\nbaris\r\n\tlagi", True, None),
        ("Baris\u2028baris", True, None),
        ("Kota\u2028", False, "U+2028"),
        ("Kota\x7f", True, "U+007F"),
        ("Kota\u200f", True, "U+200F"),
        ("Kota \ud800", True, "U+D800"),
        ("Kota Ærø İstanbul 東京 😀", False, None),
    ],
)
def test_which_characters_are_refused(text: str, multiline: bool, expected: str | None) -> None:
    assert unsafe_char(text, multiline=multiline) == expected


# --- costs files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"default": "1e10000000"},
        {"indikator": {1: "9e999999999"}},
        {"indikator": {2: ["1", "2", "3", "1" * 40]}},
        {"default": Decimal("1E+900")},
    ],
)
def test_costs_past_the_number_bounds(data: dict) -> None:
    found = read_costs(data, RUBRIC)
    assert codes(found) == [Code.SPBE602]
    assert len(str(found[0].params["got"])) <= 61  # type: ignore[index]


def test_costs_within_the_bounds() -> None:
    table = read_costs({"default": "1500000000", "indikator": {12: "2.5"}}, RUBRIC)
    assert isinstance(table, dict) and table["12"] == [Fraction(5, 2)] * 4
