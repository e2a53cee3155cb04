"""The command line's own errors: usage errors (exit 2) and the internal-error line (exit 3).

A usage error is about how spbe was called (an option, a missing file), not about a file's
content; `usage.prefix` starts its line.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The word before every usage error: "Kesalahan: --target memerlukan angka ..."
    "usage.prefix": ("Kesalahan", "Error"),
    "usage.diff_files": (
        "spbe diff memerlukan sedikitnya dua berkas (LAMA BARU); diberikan {count}",
        "spbe diff needs at least two files (OLD NEW); {count} given",
    ),
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
    # ---- spbe plan --domain-min (consultants) ----------------------------------------------
    "usage.domain_min.no_domains": (
        "rubrik {rubric} tidak memiliki domain; --domain-min tidak berlaku",
        "rubric {rubric} has no domains; --domain-min does not apply",
    ),
    "usage.domain_min.bad": (
        "--domain-min memerlukan nama predikat ({allowed}) atau angka seperti 2.6, untuk semua "
        "domain atau satu domain seperti 3:2.6; bukan '{value}'",
        "--domain-min expects a predicate name ({allowed}) or a number such as 2.6, for every "
        "domain or for one as 3:2.6; not '{value}'",
    ),
    "usage.domain_min.range": (
        "--domain-min '{value}' di luar rentang level rubrik ({low} sampai {high})",
        "--domain-min '{value}' is outside the rubric's level range ({low} to {high})",
    ),
    # ---- end of spbe plan --domain-min ----------------------------------------------------
    # ---- spbe schema --of (consultants) ------------------------------------------------
    "usage.schema.output": (
        "--of menyebut perintah yang keluaran JSON-nya dijelaskan ({allowed}), bukan '{value}'",
        "--of names the command whose JSON output is described ({allowed}), not '{value}'",
    ),
    "usage.schema.both": (
        "berikan rubrik ({rubric}) untuk skema berkas penilaian atau --of {output} untuk "
        "skema keluaran, tidak keduanya",
        "give a rubric ({rubric}) for the assessment file's schema or --of {output} for an "
        "output's schema, not both",
    ),
    # ---- end of spbe schema --of ------------------------------------------------------
    # --- issue 15 (CI and officials): options checked before any file is read -------------
    "usage.target_above_max": (
        "--target {value} di atas level tertinggi rubrik {rubric} ({max}); "
        "tidak ada rencana yang dapat mencapainya",
        "--target {value} is above the top level of rubric {rubric} ({max}); no plan can reach it",
    ),
    "usage.rubric_unknown": (
        "--rubric '{rubric}' tidak dikenal; tulis id rubrik bawaan ({known}), nama regulasinya "
        '(misalnya "PermenPANRB 59/2020") atau path ke berkas rubrik (.yaml, .yml, .toml, .json)',
        "--rubric '{rubric}' is unknown; give a bundled rubric's id ({known}), its regulation's "
        'name (e.g. "PermenPANRB 59/2020") or a rubric file (.yaml, .yml, .toml, .json)',
    ),
    "usage.rubric_invalid": (
        "--rubric {rubric} tidak dapat dipakai: {count} masalah di atas; "
        "periksa dengan `spbe rubric check {path}`",
        "--rubric {rubric} cannot be used: the {count} problems above; "
        "check it with `spbe rubric check {path}`",
    ),
    "usage.rubric_invalid_one": (
        "--rubric {rubric} tidak dapat dipakai: 1 masalah di atas; "
        "periksa dengan `spbe rubric check {path}`",
        "--rubric {rubric} cannot be used: the problem above; "
        "check it with `spbe rubric check {path}`",
    ),
    "usage.unknown_predicate_bundled": (
        "predikat '{value}' tidak dikenal; pilih salah satu: {allowed} "
        "(predikat rubrik sendiri: berikan rubriknya dengan --rubric)",
        "unknown predicate '{value}'; choose one of: {allowed} "
        "(a custom rubric's predicate: give that rubric with --rubric)",
    ),
    # The last guard (exit 3): an exception no command turned into a message
    "internal.error": (
        "spbe: kesalahan internal saat memproses {file} ({kind}: {detail}). Ini bug di spbe-cli; "
        "mohon laporkan beserta perintah dan berkasnya.",
        "spbe: internal error while processing {file} ({kind}: {detail}). This is a bug in "
        "spbe-cli; please report it with the command and file.",
    ),
}
