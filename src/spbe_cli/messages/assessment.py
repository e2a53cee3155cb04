"""An assessment's content (SPBE1xx) and the type names that SPBE106 quotes.

These are the problems a user fixes most often, so each says what to write instead.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "SPBE100": (
        "isi berkas harus berupa pemetaan dengan kunci rubrik, instansi, tahun, indikator",
        "the file must hold a mapping with the keys rubrik, instansi, tahun, indikator",
    ),
    "SPBE101": (
        "indikator '{id}' tidak ada dalam rubrik {rubric} (indikator yang ada: {known})",
        "indicator '{id}' is not in rubric {rubric} (known indicators: {known})",
    ),
    "SPBE102": (
        "level {level} indikator {id} di luar rentang rubrik; "
        "tulis bilangan bulat {min} sampai {max}",
        "level {level} of indicator {id} is outside the rubric's range; "
        "write a whole number {min} to {max}",
    ),
    "SPBE103": (
        "level indikator {id} harus bilangan bulat, bukan {got}; tulis misalnya: {example}",
        "the level of indicator {id} must be a whole number, not {got}; "
        "write for example: {example}",
    ),
    "SPBE104": (
        "indikator belum diisi: {ids}; isi level setiap indikator",
        "indicators not filled in: {ids}; give each of them a level",
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
        "rubrik '{rubric}' tidak dikenal; tulis id rubrik bawaan ({known}), nama regulasinya "
        '(misalnya "PermenPANRB 59/2020") atau path ke berkas rubrik (.yaml, .yml, .toml, .json)',
        "unknown rubric '{rubric}'; give a bundled rubric's id ({known}), its regulation's name "
        '(e.g. "PermenPANRB 59/2020") or a rubric file (.yaml, .yml, .toml, .json)',
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
        "rubrik '{rubric}' tidak dapat dipakai: {count} masalah; "
        "jalankan `spbe rubric check {path}`",
        "rubric '{rubric}' cannot be used: {count} problems; run `spbe rubric check {path}`",
    ),
    # SPBE14x: what `spbe convert` cannot carry into the format asked for (app/convert.py)
    "SPBE140": (
        "teks ini tidak dapat disimpan utuh dalam {fmt}: {reason}; ubah teksnya atau pilih format "
        "lain",
        "this text cannot be kept exactly in {fmt}: {reason}; change the text or choose another "
        "format",
    ),
    # --- Untrusted input (issue 13) ----------------------------------------------------
    "SPBE112": (
        "'{field}' memuat karakter {char}, karakter kendali atau pengubah arah teks yang dapat "
        "menyamarkan keluaran; hapus karakter itu",
        "'{field}' holds the character {char}, a control or text-direction character that can "
        "disguise output; remove it",
    ),
    "SPBE113": (
        "path rubrik '{rubric}' mengarah ke luar folder tempat spbe boleh membaca rubrik "
        "(folder kerja saat ini dan repositori lembar penilaian); letakkan rubrik di dalamnya, "
        "atau pakai --allow-rubric-outside bila Anda memercayai berkas itu",
        "rubric path '{rubric}' leads outside the folders spbe reads rubrics from (the current "
        "folder and the assessment's repository); put the rubric inside them, or pass "
        "--allow-rubric-outside if you trust that file",
    ),
    "SPBE114": (
        "'{field}' berisi {count} entri; paling banyak {limit}",
        "'{field}' has {count} entries; at most {limit} are allowed",
    ),
    "SPBE115": (
        "'tahun' bernilai {got}, bukan tahun penilaian; tulis tahun dari {min} sampai {max}",
        "'tahun' is {got}, not a year of an assessment; write a year from {min} to {max}",
    ),
    "SPBE116": (
        "berkas rubrik yang disebut lembar penilaian bermasalah di sini ({code}); rinciannya "
        "hanya ditampilkan oleh `spbe rubric check {path}`",
        "the rubric file this assessment names has a problem here ({code}); its details are "
        "shown only by `spbe rubric check {path}`",
    ),
    # Type names, quoted by SPBE106
    "type.int": ("bilangan bulat", "a whole number"),
    "type.str": ("teks", "text"),
    "type.mapping": ("pemetaan (kunci: nilai)", "a mapping (key: value)"),
    "type.list": ("daftar", "a list"),
    "type.number": ("bilangan", "a number"),
    "type.value": ("nilai yang sah", "a valid value"),
    # --- issue 15: what SPBE106 quotes for a number written in quotes ('2024') -------------
    "type.quoted_number": (
        "{got}; hapus tanda kutipnya: {number}",
        "{got}; remove the quotes: {number}",
    ),
}
