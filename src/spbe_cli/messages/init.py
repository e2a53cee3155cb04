"""`spbe init`: the template's comments, carrying last year's answers over, its failures."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "init.written": ("{file} ditulis ({count} indikator)", "{file} written ({count} indicators)"),
    "init.no_rubric_for_year": (
        "tidak ada rubrik bawaan untuk tahun {year}; pilih dengan --rubric ({known})",
        "no bundled rubric covers the year {year}; choose one with --rubric ({known})",
    ),
    "init.format_mismatch": (
        "--format {fmt} tidak cocok dengan nama berkas {file}; pakai akhiran .{fmt}",
        "--format {fmt} does not match the file name {file}; use the suffix .{fmt}",
    ),
    "init.from_invalid": (
        "berkas tahun lalu {file} tidak sah; perbaiki dulu masalah di atas",
        "last year's file {file} is not valid; fix the problems above first",
    ),
    "init.title": (
        "Penilaian mandiri SPBE · {title} · {regulation} · rubrik {id}",
        "SPBE self-assessment · {title} · {regulation} · rubric {id}",
    ),
    "init.fill": (
        "Isi `level` setiap indikator dengan bilangan bulat {min} sampai {max}, lalu `penjelasan` "
        "dan `bukti_dukung`. Indikator tanpa level dilaporkan belum diisi (SPBE104): "
        "`spbe score --partial BERKAS` menilai draf, `spbe score BERKAS` setelah semuanya terisi.",
        "Give each indicator's `level` as a whole number {min} to {max}, then `penjelasan` "
        "(explanation) and `bukti_dukung` (evidence). Indicators without a level are reported as "
        "not filled in (SPBE104): `spbe score --partial FILE` scores the draft, `spbe score FILE` "
        "once all are filled.",
    ),
    "init.provisional": (
        "Rubrik ini bersifat sementara: angka-angkanya belum seluruhnya dicocokkan dengan naskah "
        "peraturannya. Rinciannya (dalam bahasa Inggris): spbe rubric show --rubric {rubric} "
        "--lang en",
        "Rubric {rubric} is provisional: not all of its figures have been checked against the "
        "regulation's text.",
    ),
    "init.from": (
        "Level, penjelasan dan bukti dukung dibawa dari {file} ({year}); periksa dan perbarui.",
        "Levels, explanations and evidence carried over from {file} ({year}); check and update "
        "them.",
    ),
    "init.from_other": (
        "PERHATIAN: {file} memakai rubrik lain ({rubric}); hanya isian dengan id indikator yang "
        "sama yang dibawa, dan indikator ber-id sama belum tentu bermakna sama. Periksa setiap "
        "isian.",
        "WARNING: {file} uses another rubric ({rubric}); only entries whose indicator id exists "
        "here were carried, and the same id need not mean the same indicator. Check every entry.",
    ),
    # --- issue 15: the editor schema line only for a schema file that exists -------------
    "init.schema_howto": (
        "Pelengkapan otomatis di editor (VS Code, ekstensi YAML): tulis skemanya dengan "
        "`spbe schema {rubric} -o schemas/{id}.schema.json` di folder ini atau di atasnya, lalu "
        "jalankan `spbe init` lagi (atau tulis di baris pertama "
        "`# yaml-language-server: $schema=schemas/{id}.schema.json`).",
        "For completion in an editor (VS Code's YAML extension): write the schema with "
        "`spbe schema {rubric} -o schemas/{id}.schema.json` in this folder or one above, then "
        "run `spbe init` again (or put `# yaml-language-server: $schema=schemas/{id}.schema.json` "
        "on the first line).",
    ),
    "init.agency": ("isi nama instansi", "the agency's name"),
    "init.optional": ("opsional", "optional"),
    "init.stages": ("tahap", "stage"),
    "init.any_name": (
        "nama apa pun (rubrik ini tidak menetapkan daftarnya)",
        "any name (this rubric lists none)",
    ),
    "init.level_hint": ("pilih {min} sampai {max}", "choose {min} to {max}"),
    "init.dropped": (
        "level tahun lalu {level} di luar rentang {min} sampai {max}; tidak dibawa",
        "last year's level {level} is outside {min} to {max}; not carried over",
    ),
    # --- Untrusted input (issue 13) ----------------------------------------------------
    "init.control_character": (
        "--instansi memuat karakter {char}, karakter kendali atau pengubah arah teks; spbe akan "
        "menolak berkas itu (SPBE112): tulis nama tanpa karakter itu",
        "--instansi holds the character {char}, a control or text-direction character; spbe "
        "would refuse the file (SPBE112): write the name without it",
    ),
}
