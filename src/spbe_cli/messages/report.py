"""`spbe report` (the HTML report) and `--format xlsx` (the workbook) of every command."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
