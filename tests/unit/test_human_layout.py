"""The pieces of every human output: escaping per format, the band palette, how figures are
written for people, and the layout that fits a table to a width without breaking a word.

The whole commands on a real pseudo-terminal are in tests/acceptance/test_terminal_width.py; the
hostile corpus and the property test over every format in test_render_hostile.py.
"""

from __future__ import annotations

import sys
import unicodedata
from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.messages import number, text
from spbe_cli.render import figures
from spbe_cli.render.escape import (
    UNSAFE,
    csv_cell,
    csv_uncell,
    guard_line,
    guard_lines,
    inert,
    markdown_inline,
)
from spbe_cli.render.palette import PALETTE, TEXT_ON_FILL, band_slot
from spbe_cli.render.tables import Report, Table
from spbe_cli.render.text_layout import cell_width, fit, layout, wrap

# ---- escape.py ---------------------------------------------------------------------------------


def test_every_acting_character_is_caught() -> None:
    """Every control, format, surrogate and separator character of the running Python's Unicode
    data; beyond them only unassigned code points (a newer Unicode's format characters)."""
    acting = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category in acting:
            assert UNSAFE.match(char), f"U+{code:04X} {category}"
        elif UNSAFE.match(char):
            assert category == "Cn", f"U+{code:04X} {category}"


def test_inert_shows_what_would_act() -> None:
    assert inert("Kota\n::error::x") == "Kota\\x0a::error::x"
    assert inert("\x1b[2J\r\u202e\U000e0041") == "\\x1b[2J\\x0d\\u202e\\U000e0041"
    assert (
        inert("a ##vso[task.complete]b ##[error]c") == "a #\\x23vso[task.complete]b #\\x23[error]c"
    )
    assert inert("Kota Contoh · 2022") == "Kota Contoh · 2022"  # most text: unchanged


def test_no_line_begins_with_a_command_sigil() -> None:
    assert guard_line("::error::x") == "\\x3a:error::x"
    assert guard_line("  \u00a0##[group]x") == "  \u00a0\\x23#[group]x"
    assert guard_line("Rubrik: ::x") == "Rubrik: ::x"  # inside a line nothing acts
    assert guard_lines("a\n::b\nc\n") == "a\n\\x3a:b\nc\n"


@pytest.mark.parametrize(
    "value", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "''", "'a", "a", "", "1.5"]
)
def test_csv_cells_are_neutralised_reversibly(value: str) -> None:
    cell = csv_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert csv_uncell(cell) == value


def test_markdown_inline_stays_one_line_of_text() -> None:
    assert (
        markdown_inline("a|b\n- c <!-- *d* [e](f)") == "a\\|b\\\\x0a- c \\<\\!-- \\*d\\* \\[e\\](f)"
    )
    assert markdown_inline("Pusat/Pemerintah (JDIH) 2.5") == "Pusat/Pemerintah (JDIH) 2.5"


# ---- palette.py --------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("background", ["#ffffff", "#000000", "#1e1e1e", "#fdf6e3"])
def test_band_inks_read_on_light_and_dark_themes(background: str) -> None:
    """WCAG's 3:1 for the bold text the terminal uses, on white, black and common themes."""
    assert all(_contrast(band.ink, background) >= 3 for band in PALETTE)


def test_band_fills_carry_dark_text() -> None:
    assert all(_contrast(band.fill, TEXT_ON_FILL) >= 10 for band in PALETTE)


def test_bands_spread_over_the_palette() -> None:
    assert [band_slot(r, 5) for r in range(5)] == [0, 1, 2, 3, 4]
    assert [band_slot(r, 3) for r in range(3)] == [0, 2, 4]  # lowest red, highest blue
    assert [band_slot(r, 6) for r in range(6)] == [0, 1, 2, 2, 3, 4]
    assert band_slot(0, 1) == 2
    assert len({band.ink for band in PALETTE}) == len(PALETTE)


# ---- figures.py and messages.number -------------------------------------------------------------


def test_indonesian_writes_a_decimal_comma() -> None:
    assert number(Decimal("2.79"), "id") == "2,79" and number(Decimal("2.79"), "en") == "2.79"
    assert figures.signed(Decimal("1.10"), "id") == "+1,10"
    assert figures.signed(Decimal("-0.33"), "id") == "-0,33"
    assert figures.percent(Fraction(1, 3), "id") == "33,33 %"


def test_exact_values_are_decimals_for_people() -> None:
    assert number(Fraction("2.5975"), "id") == "2,5975"  # ends: shown in full
    assert number(Fraction("1.234567"), "en") == "1.234567"  # six places: still in full
    assert number(Fraction(593, 300), "en") == "1.9766…"  # cut, never 593/300
    assert number(Fraction(-1723, 6000), "en") == "-0.2871…"
    # cut, not rounded: just under a threshold never looks equal to it
    assert number(Fraction(26, 10) - Fraction(1, 3 * 10**7), "en") == "2.5999…"
    assert number(Fraction(3), "id") == "3"


@pytest.mark.parametrize(
    "value", ["2.5975", "593/300", "-1723/6000", "19/11", "3", "0", "1/3", "123456.0000015"]
)
def test_messages_and_renderers_write_exact_values_alike(value: str) -> None:
    """The catalogue's rule (which cannot import the renderers) is the HTML report's: held here,
    so an exact value reads the same in the terminal, a message and the report."""
    from spbe_cli.render.report_figures import Figures

    exact = Fraction(value)
    for lang in ("id", "en"):
        assert number(exact, lang) == Figures(lang).exact(exact) == figures.exact(exact, lang)


def test_messages_write_numbers_for_the_reader() -> None:
    params = {"shown": Decimal("2.60"), "exact": Fraction("2.5975"), "threshold": Fraction("2.6")}
    said = text("SPBE361", "id", **params)
    assert said == "indeks 2,60 (nilai pasti 2,5975) di bawah batas --fail-under 2,6"
    assert "2.60 (exact value 2.5975)" in text("SPBE361", "en", **params)


def test_one_precision_per_kind_of_figure() -> None:
    assert figures.shown(Fraction("2.792"), 2, "id") == "2,79"  # an index: the rubric's decimals
    assert figures.share(Fraction("0.039"), 2, "id") == "0,04"  # a share of the index: the same
    assert figures.signed_share(Fraction("-0.015"), 2, "en") == "-0.02"
    assert figures.exact(Fraction("1.3"), "id") == "1,3"  # a weight: exact
    assert figures.exact(Fraction(20, 6), "en") == "3.3333…"


def test_the_report_writes_shares_as_the_terminal_does() -> None:
    from spbe_cli.render.report_figures import Figures

    for value in (Fraction("0.039"), Fraction("0.0275"), Fraction("-0.015")):
        assert Figures("id").share(value, 2) == figures.share(value, 2, "id")


# ---- text_layout.py ----------------------------------------------------------------------------

NAMES = [
    "Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah",
    "Tingkat Kematangan Layanan Publik Sektor 3",
]


def _table() -> Table:
    table = Table(
        "Indikator",
        ["Indikator", "Nama", "Tingkat", "Nama tingkat", "Kontribusi"],
        ["right", "left", "right", "left", "right"],
        stack=(1,),
    )
    table.rows = [
        ["1", NAMES[0], "3", "Terpadu dan Terukur", "0,04"],
        ["47", NAMES[1], "5", "Optimum", "0,15"],
    ]
    table.tones = [None, None]
    return table


def _words(out: str) -> set[str]:
    return {w for w in out.split() if set(w) - set("-━")}


def test_wide_enough_the_table_is_as_it_is() -> None:
    out = layout(Report(["Judul"], [], [_table()]), 200)
    assert any(NAMES[0] in line and "Terpadu dan Terukur" in line for line in out.splitlines())


@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_narrow_the_names_stack_and_no_word_breaks(width: int) -> None:
    out = layout(Report(["Judul"], [], [_table()]), width)
    assert max(cell_width(line) for line in out.splitlines()) <= width
    assert _words(out) <= _words(layout(Report(["Judul"], [], [_table()]), None))
    assert "Terpadu" in out and "47" in out


def test_stacked_names_go_under_the_figures() -> None:
    lines = layout(Report(["Judul"], [], [_table()]), 60).splitlines()
    row = next(n for n, line in enumerate(lines) if line.strip().startswith("47 "))
    assert lines[row + 1].strip() == NAMES[1]


def test_a_figure_is_never_wrapped() -> None:
    table = Table("", ["Rubrik", "Regulasi"], ["left", "left"], kinds=["figure", "text"])
    table.rows = [["permenpanrb-59-2020", "Peraturan Menteri PANRB Nomor 59 Tahun 2020"]]
    chosen = fit(table, 40)
    assert chosen.widths[0] == len("permenpanrb-59-2020")
    out = layout(Report(["x"], [], [table]), 40)
    assert "permenpanrb-59-2020" in out


def test_unbounded_keeps_each_row_on_one_line_with_its_spacing() -> None:
    table = Table("", ["Nama"], ["left"], [["a  b"]], [None])
    assert layout(Report(["x"], [], [table]), None).splitlines()[-1] == "a  b"


def test_the_narrow_form_wins_when_it_needs_fewer_lines() -> None:
    wide = Table("", ["", *(f"{2000 + n} mandiri" for n in range(12))], ["left", *["right"] * 12])
    wide.rows = [["Indeks", *["2,79"] * 12]]
    narrow = Table("", ["Tahun", "Indeks"], ["left", "right"])
    narrow.rows = [[f"{2000 + n} mandiri", "2,79"] for n in range(12)]
    wide.narrow = narrow
    assert fit(wide, 80).table is narrow
    assert fit(wide, 200).table is wide


def test_text_one_command_away_is_cut_with_an_ellipsis_only_when_fitted() -> None:
    criterion = " ".join(["Tingkat 4 terpenuhi serta hasil reviu dan evaluasi"] * 6)
    table = Table("", ["Indikator", "Kriteria"], ["right", "left"], [["9", criterion]], [None])
    table.clip = {1: 2}
    narrow = layout(Report(["x"], [], [table]), 60).splitlines()
    assert len(narrow) == 6 and narrow[-1].endswith(" …")  # x, blank, header, rule, two lines
    assert criterion in layout(Report(["x"], [], [table]), None)  # a pipe gets it all


def test_wrap_keeps_words_whole() -> None:
    assert wrap("Kebijakan Internal SPBE", 10) == ["Kebijakan", "Internal", "SPBE"]
    assert wrap("Kematangan", 4) == ["Kematangan"]  # longer than the width: left whole
    assert cell_width("東京") == 4 and cell_width("é") == 1
