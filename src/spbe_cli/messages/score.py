"""What `spbe score` prints around its tables, and its threshold failures (exit 1).

The thresholds' per-file problems of `spbe validate` are SPBE361/SPBE362 in validate.py.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "partial.range": (
        "Draf: {missing} indikator belum diisi; indeks masih dapat berada antara "
        "{low} ({low_pred}) dan {high} ({high_pred})",
        "Draft: {missing} indicators not filled in; the index can still land between "
        "{low} ({low_pred}) and {high} ({high_pred})",
    ),
    "summary.title": ("Ringkasan {count} berkas", "Summary of {count} files"),
    # The first line of a result: every line of human output starts with spbe's own words, never
    # with text from a file (issue 13), so the agency's name comes after a label.
    "score.title": ("Hasil penilaian: {subject}", "Assessment: {subject}"),
    "score.stage": ("tahap {stage}", "stage {stage}"),
    # Thresholds (--fail-under, --min-predicate): exit 1
    "threshold.fail_under": (
        "Indeks {shown} (nilai pasti {exact}) di bawah batas --fail-under {threshold}: {file}",
        "Index {shown} (exact value {exact}) is below --fail-under {threshold}: {file}",
    ),
    "threshold.min_predicate": (
        "Predikat {predicate} di bawah --min-predicate {minimum}: {file}",
        "Predicate {predicate} is below --min-predicate {minimum}: {file}",
    ),
    # --- Untrusted input (issue 13): a batch always ends with its summary -----------------
    "score.summary": (
        "{files} berkas, {scored} dinilai, {failed} dengan kesalahan",
        "{files} files, {scored} scored, {failed} with errors",
    ),
    "error.count": (
        "{count} masalah ditemukan; tidak ada yang dinilai.",
        "{count} problems found; nothing was scored.",
    ),
    # --- issue 15: only `spbe score` has --partial, so only it suggests the option -----------
    "score.partial_hint": (
        "Draf yang belum lengkap dapat dinilai dengan --partial: spbe score --partial BERKAS",
        "A draft that is not complete yet can be scored with --partial: spbe score --partial FILE",
    ),
}
