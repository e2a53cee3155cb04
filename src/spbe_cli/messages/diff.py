"""`spbe diff`: what kind of comparison it is, the changes, and the trend of several files."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "diff.title": ("Perbandingan: {old} → {new}", "Comparison: {old} → {new}"),
    # What kind of comparison
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
        "Seluruh perubahan indeks ({delta}) berasal dari {count} indikator yang berubah",
        "The whole change of the index ({delta}) comes from the {count} indicators that changed",
    ),
    "diff.explained.cancel": (
        "Perubahan {count} indikator saling meniadakan; indeks tetap",
        "The changes of the {count} indicators cancel out; the index is unchanged",
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
    # Rows and columns
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
    # Three files or more: the trend
    "diff.trend": ("Tren", "Trend"),
    "diff.when": ("Tahun", "Year"),
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
}
