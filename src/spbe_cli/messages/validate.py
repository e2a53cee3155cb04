"""`spbe validate`: warnings (SPBE35x, errors with --strict), thresholds (SPBE36x), summary.

`spbe schema` is here too: the schema exists so an editor validates as the user types.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Warnings (errors with --strict)
    # {claim} is validate.claim.one or, folded (one line per file and code), validate.claim.many
    "SPBE351": (
        "{claim} tanpa penjelasan; tambahkan `penjelasan`, karena asesor meminta penjelasan "
        "untuk setiap level di atas {min}{more}",
        "{claim} without an explanation; add `penjelasan`: assessors ask for one for any level "
        "above {min}{more}",
    ),
    "SPBE352": (
        "{claim} tanpa bukti dukung; sebaiknya tambahkan `bukti_dukung`, yang lazim diminta "
        "asesor mulai level {from}{more}",
        "{claim} without evidence; consider adding `bukti_dukung`, which assessors usually ask "
        "for from level {from} on{more}",
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
    # Thresholds per file (--fail-under, --min-predicate)
    "SPBE361": (
        "indeks {shown} (nilai pasti {exact}) di bawah batas --fail-under {threshold}",
        "index {shown} (exact value {exact}) is below --fail-under {threshold}",
    ),
    "SPBE362": (
        "predikat {predicate} di bawah --min-predicate {minimum}",
        "predicate {predicate} is below --min-predicate {minimum}",
    ),
    # --- issue 15: the claim of SPBE351/352, one indicator or folded ------------------------
    "validate.claim.one": (
        "indikator {id} diisi level {level}",
        "indicator {id} claims level {level}",
    ),
    "validate.claim.many": (
        "indikator {ids} ({count} indikator) diisi level {levels}",
        "indicators {ids} ({count} indicators) claim level {levels}",
    ),
    "validate.claim.more": (
        "; --all-warnings merinci setiap indikator",
        "; --all-warnings lists each indicator",
    ),
    # Words of `spbe validate` and `spbe schema`
    "validate.summary": (
        "{files} berkas, {valid} sah, {invalid} dengan kesalahan, {warnings} peringatan",
        "{files} files, {valid} valid, {invalid} with errors, {warnings} warnings",
    ),
    "schema.written": ("skema ditulis ke {path}", "schema written to {path}"),
}
