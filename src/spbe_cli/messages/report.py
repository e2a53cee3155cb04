"""`spbe report` (the HTML report) and `--format xlsx` (the workbook) of every command."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report.title": ("Laporan Evaluasi SPBE", "SPBE Evaluation Report"),
    "report.now": ("Saat ini", "Current"),
    "report.after_plan": ("Setelah rencana", "After the plan"),
    "report.exact": ("nilai pasti {exact}", "exact value {exact}"),
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
    "report.plan": ("Rencana menuju indeks {target}", "Plan to reach {target}"),
    "report.indicators": ("Tingkat kematangan per indikator", "Maturity level by indicator"),
    "report.footer": (
        "Dihitung dengan spbe-cli dari tingkat (bilangan bulat) dengan aritmetika pasti; indeks "
        "dibulatkan hanya untuk tampilan (setengah dibulatkan ke atas), dan predikat ditentukan "
        "dari nilai pastinya.",
        "Computed by spbe-cli from the integer levels with exact arithmetic; indices are rounded "
        "for display only (halves up), and each predicate is taken from the exact value.",
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
    # ---- `spbe report`: honest across rubrics, one language (issue 14) ----------------------
    "report.months": (
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
        "January February March April May June July August September October November December",
    ),
    "report.generated": ("Dibuat {date}", "Generated {date}"),
    "report.provisional": (
        "Catatan: rubrik {rubric} ({regulation}) berstatus sementara: belum seluruhnya diperiksa "
        "terhadap teks peraturannya, sehingga angka-angkanya masih dapat berubah. Rincian apa yang "
        "sudah dan belum diperiksa: spbe rubric list.",
        "Notice: rubric {rubric} ({regulation}) is provisional: not fully checked against the "
        "regulation's text, so its figures may still change. What was and was not checked: "
        "spbe rubric list.",
    ),
    "report.provisional.source": (
        "Catatan: rubrik {rubric} ({regulation}) berstatus sementara. {source}",
        "Notice: rubric {rubric} ({regulation}) is provisional. {source}",
    ),
    "report.bad_date": (
        "--date: tulis tanggal sebagai TTTT-BB-HH (2026-06-30), bukan {value}",
        "--date: write the date as YYYY-MM-DD (2026-06-30), not {value}",
    ),
    "report.bad_epoch": (
        "SOURCE_DATE_EPOCH harus berupa detik sejak 1970 (UTC), bukan {value}",
        "SOURCE_DATE_EPOCH must be seconds since 1970 (UTC), not {value}",
    ),
    "report.bands": ("Predikat dan rentang nilainya", "Predicates and their ranges"),
    "report.chart.radar": ("Diagram radar indeks per aspek", "Radar chart of the index by aspect"),
    "report.chart.trend": (
        "Grafik garis indeks per berkas; garis terputus di setiap pergantian rubrik",
        "Line chart of the index file by file; the line breaks at every change of rubric",
    ),
    "report.extremes": ("Indikator terkuat dan terlemah", "Strongest and weakest indicators"),
    "report.uniform": (
        "Semua indikator berada pada tingkat {level}: tidak ada yang lebih kuat atau lebih lemah "
        "daripada yang lain.",
        "Every indicator is at level {level}: none is stronger or weaker than the others.",
    ),
    "report.no_levels": (
        "Belum ada indikator yang diberi tingkat.",
        "No indicator has a level yet.",
    ),
    "report.potential_note": (
        "Potensi: tambahan indeks bila indikator dinaikkan ke tingkat tertinggi.",
        "Headroom: what raising the indicator to the top level would add to the index.",
    ),
    "report.trend.files": (
        "{count} berkas, diurutkan menurut tahun, lalu tahap.",
        "{count} files, ordered by year, then stage.",
    ),
    "report.trend.breaks": (
        "Rubrik berganti {count} kali. Indeks dari rubrik yang berbeda tidak diukur dengan cara "
        "yang sama, sehingga garis diputus di setiap pergantian rubrik dan perubahan tidak "
        "dihitung melintasinya.",
        "The rubric changes {count} time(s). Indices of different rubrics are not measured the "
        "same way, so the line breaks at every change of rubric and no change is computed "
        "across one.",
    ),
    "report.trend.bands": (
        "Warna latar: rentang predikat menurut rubrik masing-masing berkas.",
        "Background colours: the predicate bands of each file's own rubric.",
    ),
    "report.trend.unshared": (
        "Domain yang tidak ada pada semua berkas (tidak ditampilkan dalam tren): {names}",
        "Domains not found in every file (not shown in the trend): {names}",
    ),
    "report.trend.when": ("Tahun dan tahap", "Year and stage"),
    "report.trend.segment": (
        "Rubrik {rubric} ({regulation}) · {name} · {count} berkas",
        "Rubric {rubric} ({regulation}) · {name} · {count} files",
    ),
    "report.change.index": (
        "{name}: {old} → {new} ({delta}) · Predikat: {predicate}",
        "{name}: {old} → {new} ({delta}) · Predicate: {predicate}",
    ),
    "report.change.rubrics": (
        "{old_name} {old} ({old_pred}) → {new_name} {new} ({new_pred}). Kedua indeks dihitung "
        "dengan rubrik berbeda: selisih angkanya tidak dapat dibaca langsung sebagai perubahan "
        "kinerja.",
        "{old_name} {old} ({old_pred}) → {new_name} {new} ({new_pred}). The two indices come "
        "from different rubrics: the difference of the figures cannot be read directly as a "
        "change of performance.",
    ),
    "report.plan.unreachable": (
        "Target {target} tidak dapat dicapai; indeks tertinggi yang dapat dicapai: {best} "
        "({predicate}).",
        "Target {target} cannot be reached; the best reachable index: {best} ({predicate}).",
    ),
    "report.plan.reached": (
        "Setelah rencana: {value} ({predicate}); {steps} kenaikan tingkat.",
        "After the plan: {value} ({predicate}); {steps} level steps.",
    ),
    # --format xlsx
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
}
