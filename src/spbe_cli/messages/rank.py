"""`spbe rank`: the ranking's table, its notes, and the summary's statistics."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    # ---- exact values where shown values tie (consultants) ---------------------------------
    "rank.exact": ("Nilai pasti", "Exact value"),
    "rank.exact_note": (
        "Peringkat memakai nilai pasti: baris dengan indeks tampil yang sama tetapi nilai pasti "
        "berbeda menunjukkan nilai pastinya (juga penentu predikat)",
        "Ranks use exact values: rows that show the same index but differ exactly show their "
        "exact values (which also decide the predicate)",
    ),
    # ---- end of exact values ----------------------------------------------------------------
    # The summary under the ranking
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
}
