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
        "berkas terlalu besar ({size} byte, batas {limit}); "
        "lembar penilaian biasanya di bawah 100 KB",
        "the file is too large ({size} bytes, limit {limit}); "
        "an assessment is usually under 100 KB",
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
        "rubrik '{rubric}' tidak dapat dipakai: {count} masalah; "
        "jalankan `spbe rubric check {path}`",
        "rubric '{rubric}' cannot be used: {count} problems; run `spbe rubric check {path}`",
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
    # Rubric checks and `spbe rubric check` / `spbe init` (issue 5)
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
    "rubric.scale.detail": (
        "kurang {missing}, berlebih {extra}",
        "missing {missing}, extra {extra}",
    ),
    "rubric.ok": (
        "OK: {file}: rubrik {id} ({status}), {domains} domain, {aspects} aspek, {indicators} "
        "indikator, level {min} sampai {max}, {bands} predikat",
        "OK: {file}: rubric {id} ({status}), {domains} domains, {aspects} aspects, {indicators} "
        "indicators, levels {min} to {max}, {bands} predicates",
    ),
    "rubric.invalid": ("{count} masalah dalam rubrik {file}", "{count} problems in rubric {file}"),
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
        "Rubrik ini berstatus sementara ({status}): {source}",
        "This rubric is {status}: {source}",
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
    "init.no_schema": (
        "Rubrik ini bukan rubrik bawaan, jadi tidak ada skema JSON terbitan untuknya.",
        "This is not a bundled rubric, so no published JSON Schema exists for it.",
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
    # `spbe diff`: comparing assessments (issue 3)
    "diff.title": ("Perbandingan: {old} → {new}", "Comparison: {old} → {new}"),
    "diff.kind.years": (
        "Tahun berbeda dari instansi yang sama ({old} → {new})",
        "Different years of the same agency ({old} → {new})",
    ),
    "diff.kind.stages": (
        "Tahap berbeda dari penilaian yang sama ({old} → {new}): "
        "perubahan dibaca sebagai koreksi asesor",
        "Different stages of the same assessment ({old} → {new}): "
        "changes read as the assessors' corrections",
    ),
    "diff.kind.stages_back": (
        "Tahap berbeda dari penilaian yang sama ({old} → {new})",
        "Different stages of the same assessment ({old} → {new})",
    ),
    "diff.kind.revisions": (
        "Instansi, tahun dan tahap sama: dua versi dari penilaian yang sama",
        "Same agency, year and stage: two versions of the same assessment",
    ),
    "diff.kind.agencies": (
        "Instansi berbeda: {old} dan {new} (perbandingan antarinstansi)",
        "Different agencies: {old} and {new} (a benchmark between agencies)",
    ),
    "diff.kind.other_year": ("Tahun berbeda: {old} dan {new}", "Different years: {old} and {new}"),
    "diff.kind.rubrics": (
        "Rubrik berbeda: {old} dan {new}. Indikator tidak dapat dibandingkan; "
        "hanya indeks, predikat dan domain yang bernama sama yang dibandingkan",
        "Different rubrics: {old} and {new}. Indicators are not comparable; only the index, the "
        "predicate and the domains with the same name are compared",
    ),
    "diff.unshared": (
        "Domain yang hanya ada pada salah satu rubrik (tidak dibandingkan): {names}",
        "Domains found in only one of the rubrics (not compared): {names}",
    ),
    "diff.index_line": (
        "Indeks SPBE: {old} → {new} ({delta}) · Predikat: {predicate}",
        "SPBE index: {old} → {new} ({delta}) · Predicate: {predicate}",
    ),
    "diff.pred.up": ("{old} → {new} (naik)", "{old} → {new} (up)"),
    "diff.pred.down": ("{old} → {new} (turun)", "{old} → {new} (down)"),
    "diff.pred.same": ("{new} (tetap)", "{new} (unchanged)"),
    "diff.explained": (
        "{count} indikator yang berubah menjelaskan tepat {sum} "
        "dari perubahan indeks {delta} (seluruhnya)",
        "The {count} indicators that changed explain exactly {sum} "
        "of the index change {delta} (all of it)",
    ),
    "diff.explained.none": (
        "Tidak ada indikator yang berubah; indeks tetap",
        "No indicator changed; the index is unchanged",
    ),
    "diff.counts": (
        "{total} indikator: {up} naik, {down} turun, {same} tetap",
        "{total} indicators: {up} up, {down} down, {same} unchanged",
    ),
    "diff.counts.stage": (
        "Klaim tahap {stage}: {same} dikonfirmasi, {down} dinilai lebih rendah oleh asesor, "
        "{up} dinilai lebih tinggi oleh asesor",
        "Claims of stage {stage}: {same} confirmed, {down} rated lower by the assessors, "
        "{up} rated higher by the assessors",
    ),
    "diff.row.up": ("naik", "up"),
    "diff.row.down": ("turun", "down"),
    "diff.row.same": ("tetap", "unchanged"),
    "diff.row.raised": ("dinilai lebih tinggi oleh asesor", "rated higher by the assessors"),
    "diff.row.lowered": ("dinilai lebih rendah oleh asesor", "rated lower by the assessors"),
    "diff.row.confirmed": ("dikonfirmasi", "confirmed"),
    "diff.old": ("Lama", "Old"),
    "diff.new": ("Baru", "New"),
    "diff.delta": ("Perubahan", "Change"),
    "diff.effect": ("Efek", "Effect"),
    "diff.note": ("Keterangan", "Note"),
    "diff.groups.title": ("Indeks dan domain", "Index and domains"),
    "diff.indicators.title": ("Indikator yang berubah", "Indicators that changed"),
    "diff.indicators.all": ("Semua indikator", "All indicators"),
    "diff.trend": ("Tren", "Trend"),
    "diff.trend.title": (
        "Tren {count} berkas (urut tahun, lalu tahap)",
        "Trend of {count} files (by year, then stage)",
    ),
    "diff.trend.rubrics": (
        "Berkas memakai rubrik berbeda ({rubrics}): hanya indeks, predikat dan domain yang bernama "
        "sama di semua rubrik yang ditampilkan",
        "The files use different rubrics ({rubrics}): only the index, the predicate "
        "and the domains with the same name in every rubric are shown",
    ),
    "diff.trend.agencies": ("Instansi berbeda: {names}", "Different agencies: {names}"),
    "diff.drop": (
        "Indeks turun dari {old} ke {new} (nilai pasti {old_exact} → {new_exact}): --fail-on-drop",
        "The index fell from {old} to {new} "
        "(exact values {old_exact} → {new_exact}): --fail-on-drop",
    ),
    "usage.diff_files": (
        "spbe diff memerlukan sedikitnya dua berkas (LAMA BARU); diberikan {count}",
        "spbe diff needs at least two files (OLD NEW); {count} given",
    ),
    # spbe plan and spbe rank (issue 6): the costs file (SPBE6xx) and the words of both reports
    "SPBE601": (
        "berkas biaya harus berupa pemetaan, misalnya "
        "{default: 1, indikator: {12: 3, 45: [2, 3, 5, 8]}}",
        "a costs file must be a mapping, e.g. {default: 1, indikator: {12: 3, 45: [2, 3, 5, 8]}}",
    ),
    "SPBE602": (
        "biaya harus bilangan pasti tidak negatif (misalnya 3 atau 2.5), bukan {got}",
        "a cost must be an exact non-negative number (e.g. 3 or 2.5), not {got}",
    ),
    "SPBE603": (
        "daftar biaya indikator {id} harus berisi {count} angka (satu per kenaikan level), "
        "bukan {got}",
        "the cost list of indicator {id} must hold {count} numbers (one per level step), not {got}",
    ),
    "plan.title": (
        "Rencana menuju indeks {target} · {agency} · {year}",
        "Plan to reach {target} · {agency} · {year}",
    ),
    "plan.start": (
        "Indeks saat ini: {value} ({predicate})",
        "Current index: {value} ({predicate})",
    ),
    "plan.target": ("Target: {value} ({predicate})", "Target: {value} ({predicate})"),
    "plan.reached": (
        "Setelah rencana: {value} ({predicate}), nilai pasti {exact}; {steps} kenaikan level pada "
        "{count} indikator",
        "After the plan: {value} ({predicate}), exact value {exact}; {steps} level steps on "
        "{count} indicators",
    ),
    "plan.cost": ("Total biaya: {cost}", "Total cost: {cost}"),
    "plan.met": (
        "Target sudah tercapai; tidak ada langkah yang diperlukan.",
        "The target is already met; no steps are needed.",
    ),
    "plan.unreachable": (
        "Target {target} tidak dapat dicapai dengan batasan ini; indeks tertinggi yang dapat "
        "dicapai: {best} ({predicate}), nilai pasti {exact}.",
        "Target {target} cannot be reached under these constraints; the best reachable index: "
        "{best} ({predicate}), exact value {exact}.",
    ),
    "plan.steps": ("Langkah", "Steps"),
    "plan.from": ("Dari", "From"),
    "plan.to": ("Menjadi", "To"),
    "plan.gain": ("Tambahan", "Gain"),
    "plan.running": ("Indeks berjalan", "Running index"),
    "plan.cost.col": ("Biaya", "Cost"),
    "usage.bad_target": (
        "--target memerlukan angka seperti 3.5 atau nama predikat ({allowed}), bukan '{value}'",
        "--target expects a number such as 3.5 or a predicate name ({allowed}), not '{value}'",
    ),
    "usage.no_domains": (
        "rubrik {rubric} tidak memiliki domain; --only-domain tidak berlaku",
        "rubric {rubric} has no domains; --only-domain does not apply",
    ),
    "usage.unknown_domain": (
        "domain '{id}' tidak ada dalam rubrik {rubric} (domain yang ada: {known})",
        "domain '{id}' is not in rubric {rubric} (known domains: {known})",
    ),
    "rank.title": ("Peringkat {count} instansi · {year}", "Ranking of {count} agencies · {year}"),
    "rank": ("Peringkat", "Rank"),
    "rank.by.provinsi": ("Peringkat provinsi", "Rank in province"),
    "rank.by.jenis": ("Peringkat jenis", "Rank in type"),
    "kind": ("Jenis", "Type"),
    "province": ("Provinsi", "Province"),
    "rank.tie": (
        "'=' menandai nilai pasti yang sama (peringkat bersama)",
        "'=' marks equal exact values (a shared rank)",
    ),
    "rank.mixed": (
        "{other} ({other_year}, {other_rubric}) tidak sama dengan {first} ({first_year}, "
        "{first_rubric}); "
        "peringkat hanya membandingkan satu tahun dan satu rubrik (gunakan --allow-mixed untuk "
        "tetap menggabungkan)",
        "{other} ({other_year}, {other_rubric}) differs from {first} ({first_year}, "
        "{first_rubric}); "
        "a ranking compares one year and one rubric (use --allow-mixed to join them anyway)",
    ),
    "rank.skipped": (
        "{count} berkas bermasalah dilewati (lihat pesan di atas)",
        "{count} files with problems were skipped (see the messages above)",
    ),
    "rank.empty": ("tidak ada berkas yang dapat diperingkat", "no file could be ranked"),
    "rank.mixed_note": (
        "Gabungan beberapa tahun atau rubrik (--allow-mixed)",
        "Several years or rubrics joined (--allow-mixed)",
    ),
    "rank.progress": ("Menilai berkas", "Scoring files"),
    "summary": ("Ringkasan", "Summary"),
    "summary.predicates": ("Jumlah per predikat", "Count per predicate"),
    "summary.stats": ("Rata-rata, tertinggi dan terendah", "Mean, maximum and minimum"),
    "summary.shares": (
        "Instansi dengan predikat {band} atau lebih baik, per jenis",
        "Agencies at {band} or better, per type",
    ),
    "count": ("Jumlah", "Count"),
    "mean": ("Rata-rata", "Mean"),
    "max": ("Tertinggi", "Max"),
    "min": ("Terendah", "Min"),
    "measure": ("Ukuran", "Measure"),
    "share": ("Persentase", "Share"),
    "good": ("{band} ke atas", "{band} or better"),
    "all": ("Semua", "All"),
    "unknown": ("(tidak diisi)", "(not given)"),
    # spbe validate: warnings (SPBE35x; errors with --strict), thresholds (SPBE36x), words
    "SPBE351": (
        "indikator {id} mengklaim level {level} tanpa penjelasan; tambahkan `penjelasan` "
        "(di atas level {min} penilai memintanya)",
        "indicator {id} claims level {level} without an explanation; add `penjelasan` "
        "(assessors ask for one above level {min})",
    ),
    "SPBE352": (
        "indikator {id} mengklaim level {level} tanpa bukti dukung; tambahkan `bukti_dukung` "
        "(wajib mulai level {from})",
        "indicator {id} claims level {level} without evidence; add `bukti_dukung` "
        "(expected from level {from} on)",
    ),
    "SPBE353": (
        "tahun {year} belum tiba (sekarang {today}); periksa `tahun`",
        "year {year} is in the future (it is {today}); check `tahun`",
    ),
    "SPBE354": (
        "tahun {year} di luar masa berlaku rubrik {rubric} ({era}); periksa `tahun` atau `rubrik`",
        "year {year} is outside the era of rubric {rubric} ({era}); check `tahun` or `rubrik`",
    ),
    "SPBE355": (
        "nama instansi '{name}' berbeda dari berkas lain di folder ini ('{other}', {count} berkas)",
        "agency name '{name}' differs from the other files in this folder "
        "('{other}', {count} files)",
    ),
    "SPBE361": (
        "indeks {shown} (nilai pasti {exact}) di bawah batas --fail-under {threshold}",
        "index {shown} (exact value {exact}) is below --fail-under {threshold}",
    ),
    "SPBE362": (
        "predikat {predicate} di bawah --min-predicate {minimum}",
        "predicate {predicate} is below --min-predicate {minimum}",
    ),
    "validate.summary": (
        "{files} berkas, {valid} sah, {invalid} dengan kesalahan, {warnings} peringatan",
        "{files} files, {valid} valid, {invalid} with errors, {warnings} warnings",
    ),
    "schema.written": ("skema ditulis ke {path}", "schema written to {path}"),
    "output.exists": (
        "{path} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya, atau pilih nama lain",
        "{path} already exists and was not overwritten; use --force to replace it, or another name",
    ),
    "output.failed": ("tidak dapat menulis {path}: {reason}", "cannot write {path}: {reason}"),
    # spbe report and --format xlsx (issue 8)
    "report.title": ("Laporan Evaluasi SPBE", "SPBE Evaluation Report"),
    "report.now": ("Saat ini", "Current"),
    "report.after_plan": ("Setelah rencana", "After the plan"),
    "report.exact": ("nilai pasti {exact}", "exact value {exact}"),
    "report.aspects": ("Indeks per aspek", "Index by aspect"),
    "report.radar_target": (
        "Seri kedua: indeks aspek setelah langkah rencana menuju target {target}",
        "Second series: the aspect indices after the plan's steps towards the target {target}",
    ),
    "report.bars.domain": ("Indeks per domain", "Index by domain"),
    "report.bars.aspect": ("Indeks per aspek", "Index by aspect"),
    "report.strongest": ("Indikator terkuat", "Strongest indicators"),
    "report.weakest": ("Indikator terlemah", "Weakest indicators"),
    "report.trend": ("Tren indeks", "Index trend"),
    "report.diff": ("Perubahan {old} → {new}", "Changes {old} → {new}"),
    "report.diff_line": (
        "Indeks SPBE: {old} → {new} ({delta}; nilai pasti {exact}) · "
        "Predikat: {old_pred} → {new_pred}",
        "SPBE index: {old} → {new} ({delta}; exact {exact}) · Predicate: {old_pred} → {new_pred}",
    ),
    "report.plan": ("Rencana menuju indeks {target}", "Plan to reach {target}"),
    "report.plan_reached": (
        "Setelah rencana: {value} ({predicate}), nilai pasti {exact}; {steps} kenaikan level",
        "After the plan: {value} ({predicate}), exact value {exact}; {steps} level steps",
    ),
    "report.indicators": ("Tingkat kematangan per indikator", "Maturity level by indicator"),
    "report.footer": (
        "Dihitung dengan spbe-cli dari tingkat bilangan bulat dengan aritmetika pasti; indeks "
        "dibulatkan setengah ke atas hanya untuk tampilan.",
        "Computed by spbe-cli from the integer levels with exact arithmetic; indices are rounded "
        "half up for display only.",
    ),
    "report.written": ("laporan ditulis ke {path}", "report written to {path}"),
    "report.several_agencies": (
        "satu laporan memuat satu instansi (beberapa tahun boleh); berkas ini berasal dari: "
        "{names}",
        "a report covers one agency (several years are fine); these files are of: {names}",
    ),
    "report.incomplete": (
        "--target memerlukan penilaian lengkap; {file} belum mengisi semua indikator",
        "--target needs a complete assessment; {file} leaves indicators without a level",
    ),
    "report.missing_extra": (
        "fitur ini memerlukan paket tambahan ({module} tidak terpasang): "
        "pip install 'spbe-cli[report]'",
        "this needs the optional extra ({module} is not installed): pip install 'spbe-cli[report]'",
    ),
    "xlsx.needs_output": (
        "--format xlsx menulis berkas biner: berikan -o BERKAS.xlsx (tidak ke stdout)",
        "--format xlsx writes a binary file: give -o FILE.xlsx (not stdout)",
    ),
    "xlsx.written": ("buku kerja ditulis ke {path}", "workbook written to {path}"),
    "xlsx.exact": ("Nilai pasti", "Exact value"),
    "xlsx.sheet.summary": ("Ringkasan", "Summary"),
    "xlsx.sheet.indicators": ("Indikator", "Indicators"),
    "xlsx.sheet.aspects": ("Aspek", "Aspects"),
    "xlsx.sheet.domains": ("Domain", "Domains"),
    "xlsx.sheet.index": ("Indeks dan domain", "Index and domains"),
    "xlsx.sheet.trend": ("Tren", "Trend"),
    "xlsx.sheet.ranking": ("Peringkat", "Ranking"),
    "xlsx.tied": ("Seri", "Tied"),
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
        "Draf: {missing} indikator belum diisi; indeks masih dapat berada antara "
        "{low} ({low_pred}) dan {high} ({high_pred})",
        "Draft: {missing} indicators not filled in; the index can still land between "
        "{low} ({low_pred}) and {high} ({high_pred})",
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
    "error.count": (
        "{count} masalah ditemukan; tidak ada yang dinilai.",
        "{count} problems found; nothing was scored.",
    ),
    "usage.no_files": ("tidak ada berkas penilaian di {path}", "no assessment files in {path}"),
    "usage.unknown_predicate": (
        "predikat '{value}' tidak dikenal; pilih salah satu: {allowed}",
        "unknown predicate '{value}'; choose one of: {allowed}",
    ),
    "usage.number": (
        "{option} memerlukan angka seperti 2.6 atau 2,6, bukan '{value}'",
        "{option} expects a number such as 2.6, not '{value}'",
    ),
    "usage.unknown_indicator": (
        "indikator '{id}' tidak ada dalam rubrik {rubric}",
        "indicator '{id}' is not in rubric {rubric}",
    ),
    "usage.prefix": ("Kesalahan", "Error"),
    "internal.error": (
        "spbe: kesalahan internal saat memproses {file} ({kind}: {detail}). Ini bug spbe-cli; "
        "laporkan beserta perintah dan berkas yang menyebabkannya.",
        "spbe: internal error while processing {file} ({kind}: {detail}). This is a bug in "
        "spbe-cli; please report it with the command and file that caused it.",
    ),
}


def text(message_id: str, lang: Lang = "id", /, **params: object) -> str:
    """The message `message_id` in `lang`, with its parameters filled in."""
    indonesian, english = CATALOGUE[message_id]
    template = english if lang == "en" else indonesian
    if not params:
        return template
    if not any(isinstance(value, dict) for value in params.values()):
        return template.format(**params)  # no nested message: the common case, kept cheap
    resolved = {
        name: _nested(value, lang) if isinstance(value, dict) and "catalogue" in value else value
        for name, value in params.items()
    }
    return template.format(**resolved)


def _nested(value: dict[str, object], lang: Lang) -> str:
    """A parameter that is itself a catalogue message, with its own parameters (rubric checks)."""
    inner = {k: v for k, v in value.items() if k != "catalogue"}
    return text(str(value["catalogue"]), lang, **inner)
