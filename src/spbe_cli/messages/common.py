"""Words shared by several reports: table headings and labels (Indeks, Predikat, Bobot, ...).

Kept in one place so a heading reads the same in `score`, `diff`, `plan`, `rank`, `rubric`
and the HTML report; a word used by one command only lives in that command's module.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "index": ("Indeks SPBE", "SPBE index"),
    "index.short": ("Indeks", "Index"),
    "predicate": ("Predikat", "Predicate"),
    "domain": ("Domain", "Domain"),
    "aspect": ("Aspek", "Aspect"),
    "indicator": ("Indikator", "Indicator"),
    "weight": ("Bobot", "Weight"),
    "level": ("Tingkat", "Level"),
    "level.name": ("Nama tingkat", "Level name"),
    "contribution": ("Kontribusi", "Contribution"),
    "potential": ("Potensi", "Headroom"),
    "file": ("Berkas", "File"),
    "agency": ("Instansi", "Agency"),
    "agencies.more": ("{names} dan {count} instansi lainnya", "{names} and {count} more agencies"),
    "year": ("Tahun", "Year"),
    "stage": ("Tahap", "Stage"),
    "rubric": ("Rubrik", "Rubric"),
    "name": ("Nama", "Name"),
    "question": ("Pertanyaan", "Question"),
    "criteria": ("Kriteria", "Criteria"),
    "status": ("Status", "Status"),
    "era": ("Periode", "Era"),
    "regulation": ("Regulasi", "Regulation"),
    "indicators.count": ("Indikator", "Indicators"),
    # ---- human outputs (terminal, plain text, Markdown) -----------------------------------
    "number": ("No.", "No."),
}
