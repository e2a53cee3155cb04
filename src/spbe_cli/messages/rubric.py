"""A rubric's problems (SPBE2xx), `spbe rubric check`, and the notice of a provisional rubric.

SPBE201 and SPBE204 quote a `detail` that is itself a message (`{"catalogue": key, ...}`):
the `rubric.*` keys below, so a rubric check reads in both languages.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
        "'{field}' harus bilangan pasti (misalnya 1.3 atau \"20/6\", tanpa eksponen, paling "
        "banyak 30 digit per bagian), bukan {got}",
        "'{field}' must be an exact number (e.g. 1.3 or \"20/6\", no exponent, at most 30 "
        "digits a part), not {got}",
    ),
    "SPBE208": (
        "levels.min ({min}) harus lebih kecil dari levels.max ({max})",
        "levels.min ({min}) must be below levels.max ({max})",
    ),
    "SPBE209": (
        "tulis `domains` atau `aspects` di tingkat teratas, tepat salah satunya",
        "give either `domains` or `aspects` at the top level, exactly one of them",
    ),
    "SPBE210": (
        "rounding.decimals harus bilangan bulat 0 sampai 10, bukan {got}",
        "rounding.decimals must be a whole number from 0 to 10, not {got}",
    ),
    "SPBE211": (
        "bobot indikator {id} harus lebih besar dari 0, bukan {got}",
        "the weight of indicator {id} must be above 0, not {got}",
    ),
    "SPBE212": (
        "indikator {id} memberi kriteria untuk level {levels} di luar rentang {min} sampai {max}",
        "indicator {id} gives criteria for levels {levels}, outside the range {min} to {max}",
    ),
    "SPBE213": (
        "id {kind} '{id}' kosong atau diawali/diakhiri spasi; tulis id tanpa spasi di tepinya",
        "{kind} id '{id}' is empty or has spaces around it; write the id without them",
    ),
    "SPBE214": (
        "skala '{scale}': nama level {level} kosong",
        "scale '{scale}': level {level} has no name",
    ),
    "SPBE215": (
        "berkas rubrik harus berupa pemetaan (id, title, levels, predicates, scales, ...)",
        "a rubric file must hold a mapping (id, title, levels, predicates, scales, ...)",
    ),
    "SPBE216": (
        "good_from '{name}' bukan predikat rubrik ini; pilih salah satu: {allowed}",
        "good_from '{name}' is not a predicate of this rubric; choose one of: {allowed}",
    ),
    "SPBE217": (
        "evidence_from_level {got} di luar rentang level {min} sampai {max}",
        "evidence_from_level {got} is outside the levels {min} to {max}",
    ),
    "SPBE218": (
        "{key} kosong; tulis sedikitnya satu nama, atau hapus kuncinya agar nama apa pun diterima",
        "{key} is empty; list at least one name, or leave the key out to accept any name",
    ),
    "SPBE219": (
        "{key}: nama '{name}' kosong atau diawali/diakhiri spasi; tulis tanpa spasi di tepinya",
        "{key}: name '{name}' is empty or has spaces around it; write it without them",
    ),
    "SPBE220": (
        "{key}: '{name}' tertulis dua kali; hapus salah satunya",
        "{key}: '{name}' is listed twice; remove one of them",
    ),
    # --- Untrusted input (issue 13) ----------------------------------------------------
    "SPBE221": (
        "levels {min} sampai {max} terlalu banyak; rubrik paling banyak memiliki {limit} level",
        "levels {min} to {max} are too many; a rubric has at most {limit} levels",
    ),
    "SPBE222": (
        "id {kind} '{id}' memakai angka selain 0-9; tulis id dengan angka 0-9",
        "{kind} id '{id}' uses digits other than 0-9; write the id with the digits 0-9",
    ),
    "SPBE223": (
        "'{field}' memuat karakter {char}, karakter kendali atau pengubah arah teks yang dapat "
        "menyamarkan keluaran; hapus karakter itu",
        "'{field}' holds the character {char}, a control or text-direction character that can "
        "disguise output; remove it",
    ),
    # Details of SPBE201 and SPBE204 (nested messages)
    "rubric.sum.aspect": ("indikator aspek {id}", "the indicators of aspect {id}"),
    "rubric.sum.domain": ("aspek domain {id}", "the aspects of domain {id}"),
    "rubric.sum.total": ("seluruh bobot di tingkat teratas", "the top-level weights"),
    "rubric.band.none": ("tidak ada satu pun rentang predikat", "there are no predicate bands"),
    "rubric.band.first": (
        "rentang pertama '{name}' mulai di {start}, seharusnya di levels.min {min}",
        "the first band '{name}' starts at {start}, not at levels.min {min}",
    ),
    "rubric.band.gap": (
        "celah: '{name}' mulai di {start}, padahal rentang sebelumnya berakhir di {end}",
        "gap: '{name}' starts at {start} but the band before it ends at {end}",
    ),
    "rubric.band.overlap": (
        "tumpang tindih: '{name}' mulai di {start}, padahal rentang sebelumnya berakhir di {end}",
        "overlap: '{name}' starts at {start} but the band before it ends at {end}",
    ),
    "rubric.band.empty": (
        "rentang '{name}' kosong: max {end} tidak lebih besar dari min {start}",
        "band '{name}' is empty: its max {end} is not above its min {start}",
    ),
    "rubric.band.top": (
        "rentang teratas '{name}' berakhir di {end}, seharusnya di levels.max {max}",
        "the top band '{name}' ends at {end}, not at levels.max {max}",
    ),
    "rubric.band.duplicate": (
        "predikat '{name}' muncul dua kali",
        "predicate '{name}' appears twice",
    ),
    # --- issue 15: SPBE205's detail in words, and fields named by ids, not list positions --
    "rubric.scale.missing": ("level {levels} belum bernama", "no name for level {levels}"),
    "rubric.scale.extra": (
        "level {levels} di luar rentang itu",
        "level {levels} is outside that range",
    ),
    "rubric.scale.both": ("{missing}; {extra}", "{missing}; {extra}"),
    "rubric.field": ("{key} {kind} {id}", "{key} of {kind} {id}"),
    "rubric.entity": ("{kind} {id}", "{kind} {id}"),
    "rubric.nth": ("ke-{n}{within}", "#{n}{within}"),
    "rubric.within": (" dari {kind} {id}", " of {kind} {id}"),
    "rubric.kind.domain": ("domain", "domain"),
    "rubric.kind.aspect": ("aspek", "aspect"),
    "rubric.kind.indicator": ("indikator", "indicator"),
    "rubric.kind.predicate": ("predikat", "predicate"),
    # `spbe rubric check`
    "rubric.ok": (
        "OK: {file}: rubrik {id} ({status}), {domains} domain, {aspects} aspek, {indicators} "
        "indikator, level {min} sampai {max}, {bands} predikat",
        "OK: {file}: rubric {id} ({status}), {domains} domains, {aspects} aspects, {indicators} "
        "indicators, levels {min} to {max}, {bands} predicates",
    ),
    "rubric.invalid": ("{count} masalah dalam rubrik {file}", "{count} problems in rubric {file}"),
    # --- issue 15: `spbe rubric check` in the singular, and a rubric without domains --------
    "rubric.invalid.one": ("1 masalah dalam rubrik {file}", "1 problem in rubric {file}"),
    "rubric.ok.flat": (
        "OK: {file}: rubrik {id} ({status}), tanpa domain, {aspects} aspek, {indicators} "
        "indikator, level {min} sampai {max}, {bands} predikat",
        "OK: {file}: rubric {id} ({status}), no domains, {aspects} aspects, {indicators} "
        "indicators, levels {min} to {max}, {bands} predicates",
    ),
    # A provisional rubric, noted under any result of it. The rubric's `source` (what was and
    # was not checked) is English text in the rubric file: only English output quotes it.
    "provisional": (
        "Catatan: rubrik {rubric} bersifat sementara; angka-angkanya belum seluruhnya dicocokkan "
        "dengan naskah peraturannya.",
        "Notice: rubric {rubric} is provisional; not all of its figures have been checked "
        "against the regulation's text.",
    ),
    "provisional.source": (
        "Rincian sumber dan hal yang belum diperiksa (dalam bahasa Inggris): "
        "spbe rubric show --rubric {rubric} --lang en",
        "Where its figures come from and what was not checked: "
        "spbe rubric show --rubric {rubric} --lang en",
    ),
    "provisional.short": (
        "Catatan: rubrik {rubric} bersifat sementara; lihat spbe rubric list",
        "Notice: rubric {rubric} is provisional; see spbe rubric list",
    ),
    # ---- human outputs: a rubric's status and the list's title ----------------------------
    "rubric.status.verified": ("terverifikasi", "verified"),
    "rubric.status.provisional": ("sementara", "provisional"),
    "rubric.list.title": ("Rubrik bawaan", "Bundled rubrics"),
}
