"""The message catalogue: every word a user reads, in the regulation's Indonesian and in English.

Official terms from a rubric (predicates, level names, indicator names) are data and are never
translated; this catalogue holds only the tool's own words.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["id", "en"]

CATALOGUE: dict[str, tuple[str, str]] = {
    # Problems with a file as a whole (SPBE0xx)
    "SPBE001": ("berkas tidak dapat dibaca: {reason}", "the file cannot be read: {reason}"),
    "SPBE002": (
        "ini sebuah folder, bukan berkas; berikan berkas .yaml, .toml atau .json",
        "this is a folder, not a file; give a .yaml, .toml or .json file",
    ),
    "SPBE003": (
        "berkas terlalu besar ({size} byte, batas {limit}); lembar penilaian biasanya di bawah 100 KB",
        "the file is too large ({size} bytes, limit {limit}); an assessment is usually under 100 KB",
    ),
    "SPBE004": (
        "berkas bukan teks UTF-8 yang sah (byte {offset}); simpan ulang sebagai UTF-8",
        "the file is not valid UTF-8 text (byte {offset}); save it again as UTF-8",
    ),
    "SPBE005": ("sintaks {kind} tidak sah: {detail}", "invalid {kind} syntax: {detail}"),
    "SPBE006": (
        "kunci '{key}' muncul dua kali; hapus salah satunya (yang pertama di baris {first_line})",
        "key '{key}' appears twice; remove one of them (the first is on line {first_line})",
    ),
    "SPBE007": (
        "tag YAML '{tag}' tidak diizinkan; tulis nilai biasa tanpa tag",
        "YAML tag '{tag}' is not allowed; write a plain value without a tag",
    ),
    "SPBE008": (
        "berkas kosong; isi dengan lembar penilaian (lihat `spbe init` atau README)",
        "the file is empty; fill in an assessment (see `spbe init` or the README)",
    ),
    "SPBE009": (
        "struktur terlalu dalam atau terlalu besar ({detail}); lembar penilaian tidak sebesar ini",
        "structure too deep or too large ({detail}); an assessment is never this big",
    ),
    "SPBE010": (
        "jenis berkas '{suffix}' tidak dikenal; gunakan .yaml, .yml, .toml atau .json",
        "unknown file type '{suffix}'; use .yaml, .yml, .toml or .json",
    ),
    "SPBE011": (
        "tab dipakai untuk indentasi; YAML hanya menerima spasi: ganti tab dengan spasi",
        "a tab is used for indentation; YAML accepts only spaces: replace the tab with spaces",
    ),
    # Problems with an assessment's content (SPBE1xx)
    "SPBE100": (
        "isi berkas harus berupa pemetaan dengan kunci rubrik, instansi, tahun, indikator",
        "the file must hold a mapping with the keys rubrik, instansi, tahun, indikator",
    ),
    "SPBE101": (
        "indikator '{id}' tidak ada dalam rubrik {rubric} (indikator yang ada: {known})",
        "indicator '{id}' is not in rubric {rubric} (known indicators: {known})",
    ),
    "SPBE102": (
        "level {level} indikator {id} di luar rentang rubrik; tulis bilangan bulat {min} sampai {max}",
        "level {level} of indicator {id} is outside the rubric's range; write a whole number {min} to {max}",
    ),
    "SPBE103": (
        "level indikator {id} harus bilangan bulat, bukan {got}; tulis misalnya: {example}",
        "the level of indicator {id} must be a whole number, not {got}; write for example: {example}",
    ),
    "SPBE104": (
        "indikator belum diisi: {ids}; isi levelnya, atau gunakan --partial untuk menilai draf",
        "indicators not filled in: {ids}; give their levels, or use --partial to score a draft",
    ),
    "SPBE105": (
        "kunci '{key}' tidak dikenal di sini; kunci yang boleh: {allowed}",
        "unknown key '{key}' here; the keys allowed here: {allowed}",
    ),
    "SPBE106": (
        "'{field}' harus berupa {expected}, bukan {got}",
        "'{field}' must be {expected}, not {got}",
    ),
    "SPBE107": ("'{field}' wajib diisi", "'{field}' is required"),
    "SPBE108": (
        "rubrik '{rubric}' tidak dikenal; rubrik bawaan: {known}, atau path ke berkas rubrik",
        "unknown rubric '{rubric}'; bundled rubrics: {known}, or a path to a rubric file",
    ),
    "SPBE109": (
        "'{field}' bernilai '{got}'; pilih salah satu: {allowed}",
        "'{field}' is '{got}'; choose one of: {allowed}",
    ),
    "SPBE110": (
        "id indikator '{id}' tidak sah; tulis id seperti dalam rubrik, misalnya {example}",
        "indicator id '{id}' is not valid; write the id as in the rubric, for example {example}",
    ),
    "SPBE111": (
        "rubrik '{rubric}' tidak dapat dipakai: {detail}",
        "rubric '{rubric}' cannot be used: {detail}",
    ),
    # Problems with a rubric (SPBE2xx)
    "SPBE201": (
        "bobot tidak cocok: {what} berjumlah {total}, seharusnya {expected}",
        "weights do not add up: {what} sum to {total}, expected {expected}",
    ),
    "SPBE202": ("id {kind} '{id}' dipakai dua kali", "{kind} id '{id}' is used twice"),
    "SPBE203": ("{kind} '{id}' tidak berisi indikator", "{kind} '{id}' has no indicators"),
    "SPBE204": ("rentang predikat tidak sah: {detail}", "invalid predicate bands: {detail}"),
    "SPBE205": (
        "skala '{scale}' harus menamai setiap level {min} sampai {max}: {detail}",
        "scale '{scale}' must name every level {min} to {max}: {detail}",
    ),
    "SPBE206": (
        "indikator {id} memakai skala '{scale}' yang tidak ada",
        "indicator {id} uses scale '{scale}', which does not exist",
    ),
    "SPBE207": (
        "'{field}' harus bilangan pasti (misalnya 1.3 atau \"20/6\"), bukan {got}",
        "'{field}' must be an exact number (e.g. 1.3 or \"20/6\"), not {got}",
    ),
    "SPBE208": ("{detail}", "{detail}"),
    # Type names used in SPBE106
    "type.int": ("bilangan bulat", "a whole number"),
    "type.str": ("teks", "text"),
    "type.mapping": ("pemetaan (kunci: nilai)", "a mapping (key: value)"),
    "type.list": ("daftar", "a list"),
    "type.number": ("bilangan", "a number"),
    "type.value": ("nilai yang sah", "a valid value"),
    # Words of the reports
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
    "partial.range": (
        "Draf: {missing} indikator belum diisi; indeks masih dapat berada antara {low} ({low_pred}) dan {high} ({high_pred})",
        "Draft: {missing} indicators not filled in; the index can still land between {low} ({low_pred}) and {high} ({high_pred})",
    ),
    "provisional": (
        "Catatan: rubrik {rubric} berstatus sementara ({status}). {source}",
        "Notice: rubric {rubric} is {status}. {source}",
    ),
    "provisional.short": (
        "Catatan: rubrik {rubric} berstatus sementara; lihat `spbe rubric list`",
        "Notice: rubric {rubric} is provisional; see `spbe rubric list`",
    ),
    "summary.title": ("Ringkasan {count} berkas", "Summary of {count} files"),
    "score.title": ("{agency} · {year} · tahap {stage}", "{agency} · {year} · stage {stage}"),
    "threshold.fail_under": (
        "Indeks {shown} (nilai pasti {exact}) di bawah batas --fail-under {threshold}: {file}",
        "Index {shown} (exact value {exact}) is below --fail-under {threshold}: {file}",
    ),
    "threshold.min_predicate": (
        "Predikat {predicate} di bawah --min-predicate {minimum}: {file}",
        "Predicate {predicate} is below --min-predicate {minimum}: {file}",
    ),
    "error.count": ("{count} masalah ditemukan; tidak ada yang dinilai.", "{count} problems found; nothing was scored."),
    "usage.no_files": ("tidak ada berkas penilaian di {path}", "no assessment files in {path}"),
    "usage.unknown_predicate": (
        "predikat '{value}' tidak dikenal; pilih salah satu: {allowed}",
        "unknown predicate '{value}'; choose one of: {allowed}",
    ),
    "usage.unknown_indicator": (
        "indikator '{id}' tidak ada dalam rubrik {rubric}",
        "indicator '{id}' is not in rubric {rubric}",
    ),
}


def text(message_id: str, lang: Lang = "id", /, **params: object) -> str:
    """The message `message_id` in `lang`, with its parameters filled in."""
    indonesian, english = CATALOGUE[message_id]
    template = english if lang == "en" else indonesian
    if not params:
        return template
    resolved = {
        name: text(value["catalogue"], lang) if isinstance(value, dict) else value
        for name, value in params.items()
    }
    return template.format(**resolved)
