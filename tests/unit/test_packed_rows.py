"""Packed rows (render/rows.py): a long table kept as one string per row must read back, escape
and lay out exactly as the same rows kept as lists, at every width and in Markdown."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from spbe_cli.render import markdown, text_layout
from spbe_cli.render.escape import inert
from spbe_cli.render.rows import SEP, PackedRows, pack
from spbe_cli.render.tables import Report, Table

HOSTILE = [
    ["1", "/data/esc\x1b[31mred.yaml", "Kota ##vso[task]", "2024", "–", "3,01", "Baik"],
    ["2", f"/data/unit{SEP}sep.yaml", "Kota [b]Contoh[/b]", "2024", "mandiri", "2,60", "Cukup"],
    ["3", "::error::x.yaml", "Kabupaten\u202eEvil", "2024", "", "4,20", "Memuaskan"],
    [
        "4",
        "/data/plain.yaml",
        "Pemerintah Provinsi Contoh Yang Sangat Panjang Namanya Sekali",
        "2023",
        "akhir",
        "1,79",
        "Kurang",
    ],
    [
        "5",
        "/data/東京.yaml",
        "Kota Café\u0301 | pipe *star*",
        "2022",
        "mandiri",
        "3,50",
        "Sangat Baik",
    ],
]


def test_a_row_escaping_leaves_alone_is_joined_and_any_other_is_kept_whole() -> None:
    assert pack(HOSTILE[3]) == SEP.join(HOSTILE[3])
    for row in (HOSTILE[0], HOSTILE[1], HOSTILE[2]):  # ESC and ##vso, the separator, U+202E
        assert pack(row) == tuple(row)


def test_rows_read_back_as_appended_and_cut_to_columns() -> None:
    rows = PackedRows()
    for row in HOSTILE:
        rows.append(row)
    assert list(rows) == HOSTILE
    assert [rows[n] for n in range(len(rows))] == HOSTILE
    rows.columns = 3
    assert list(rows) == [row[:3] for row in HOSTILE]
    assert not PackedRows() and len(rows) == len(HOSTILE)


def test_the_inert_view_is_inert_on_every_cell() -> None:
    rows = PackedRows()
    for row in HOSTILE:
        rows.append(row)
    expected = [[inert(cell) for cell in row] for row in HOSTILE]
    assert list(rows.inert_view()) == expected
    assert list(rows) == HOSTILE  # the view copies nothing and changes nothing


def _tables() -> tuple[Table, Table]:
    headers = ["No.", "Berkas", "Instansi", "Tahun", "Tahap", "Indeks", "Predikat"]
    align = ["right", "left", "left", "right", "left", "right", "left"]
    kinds = ["figure", "text", "text", "figure", "text", "figure", "text"]
    listed = Table("", headers, align, [list(r) for r in HOSTILE], [0, 1, 2, 3, 4], 6)  # type: ignore[arg-type]
    listed.kinds, listed.stack = kinds, (1, 2)  # type: ignore[assignment]
    packed = replace(listed, rows=PackedRows())
    for row in HOSTILE:
        packed.rows.append(row)
    return listed, packed


@pytest.mark.parametrize("width", [None, 30, 50, 80, 120, 200])
def test_packed_rows_lay_out_as_lists_do_and_stream_as_they_join(width: int | None) -> None:
    listed, packed = _tables()
    heading = ["Ringkasan 5 berkas"]
    as_lists = text_layout.layout(Report(heading, [], [listed]), width)
    assert text_layout.layout(Report(heading, [], [packed]), width) == as_lists
    stream = io.StringIO()
    text_layout.write(Report(heading, [], [packed]), stream, width)
    assert stream.getvalue() == as_lists


def test_markdown_of_packed_rows_is_that_of_lists_written_in_parts() -> None:
    listed, packed = _tables()
    titled = replace(packed, title="Peringkat")
    as_lists = markdown.layout(Report(["Ringkasan", "rubrik"], ["catatan"], [listed, titled]))
    parts = list(markdown.parts(Report(["Ringkasan", "rubrik"], ["catatan"], [packed, titled])))
    assert "".join(parts) == as_lists
    assert len(parts) > len(HOSTILE)  # a row at a time, not the document at once
