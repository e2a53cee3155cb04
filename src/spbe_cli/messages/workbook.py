"""Workbooks (`--format xlsx`, `spbe init --format xlsx`): sheet names, headings, input messages.

The problems of reading a workbook are SPBE03x codes and live in files.py with the other
problems of a file as a whole; the words of `spbe convert` are in convert.py.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "workbook.sheet.scales": ("Skala", "Scales"),
    "workbook.band_from": ("Dari (≥)", "From (≥)"),
    "workbook.band_to": ("Sampai (<)", "Up to (<)"),
    "workbook.stages": ("Tahap penilaian", "Assessment stages"),
    "workbook.kinds": ("Jenis instansi", "Agency kinds"),
    "workbook.kind": ("Jenis instansi", "Agency kind"),
    "workbook.province": ("Provinsi", "Province"),
    "workbook.filled": ("Indikator terisi", "Indicators filled in"),
    "workbook.low": ("Terendah (draf)", "Lowest (draft)"),
    "workbook.high": ("Tertinggi (draf)", "Highest (draft)"),
    "workbook.explanation": ("Penjelasan", "Explanation"),
    "workbook.evidence": ("Bukti dukung", "Evidence"),
    "workbook.level_prompt": ("Tingkat {min} sampai {max}", "Level {min} to {max}"),
    "workbook.level_error_title": ("Tingkat tidak sah", "Not a level"),
    "workbook.level_error": (
        "Pilih tingkat bilangan bulat {min} sampai {max} dari daftar.",
        "Choose a whole-number level {min} to {max} from the list.",
    ),
    "workbook.explanation_prompt": (
        "Jelaskan mengapa tingkat ini terpenuhi: dokumen, tanggal, unit pelaksana.",
        "Say why this level is met: documents, dates, the unit responsible.",
    ),
    "workbook.evidence_prompt": (
        "Satu dokumen bukti per baris (baris baru: Alt+Enter di Excel, Ctrl+Enter di "
        "LibreOffice). Baris kosong diabaikan.",
        "One evidence document per line (new line: Alt+Enter in Excel, Ctrl+Enter in "
        "LibreOffice). Empty lines are ignored.",
    ),
    "workbook.list_error": ("Pilih salah satu nilai dari daftar.", "Choose a value from the list."),
    "workbook.year_error": (
        "Tulis tahun sebagai bilangan bulat.",
        "Write the year as a whole number.",
    ),
    "workbook.provisional": ("rubrik sementara ({status})", "provisional rubric ({status})"),
    "workbook.page": ("Halaman &P dari &N", "Page &P of &N"),
    "workbook.marker_note": (
        "Lembar ini membuat spbe dapat membaca buku kerja ini kembali (format terdokumentasi di "
        "README spbe-cli, bagian Buku kerja). Jangan diubah.",
        "This sheet lets spbe read this workbook back (the format is documented in spbe-cli's "
        "README, section Workbooks). Do not edit it.",
    ),
    "workbook.yes": ("ya", "yes"),
}
