"""`spbe plan`: the costs file's problems (SPBE6xx) and the words of the plan.

The plan's option errors (--target, --only-domain) are usage errors, in usage.py.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The costs file (--costs)
    "SPBE601": (
        "berkas biaya harus berupa pemetaan, misalnya "
        "{default: 1, indikator: {12: 3, 45: [2, 3, 5, 8]}}",
        "a costs file must be a mapping, e.g. {default: 1, indikator: {12: 3, 45: [2, 3, 5, 8]}}",
    ),
    "SPBE602": (
        "biaya harus bilangan pasti tidak negatif (misalnya 3 atau 2.5, tanpa eksponen, paling "
        "banyak 30 digit per bagian), bukan {got}",
        "a cost must be an exact non-negative number (e.g. 3 or 2.5, no exponent, at most 30 "
        "digits a part), not {got}",
    ),
    "SPBE603": (
        "daftar biaya indikator {id} harus berisi {count} angka (satu per kenaikan level), "
        "bukan {got}",
        "the cost list of indicator {id} must hold {count} numbers (one per level step), not {got}",
    ),
    # Words of the plan
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
    "plan.running": ("Indeks setelah langkah", "Index after step"),
    "plan.cost.col": ("Biaya", "Cost"),
    # ---- domains before and after the plan, --domain-min (consultants) ---------------------
    "plan.domains": ("Domain sebelum dan sesudah rencana", "Domains before and after the plan"),
    "plan.now": ("Sekarang", "Now"),
    "plan.after": ("Setelah rencana", "After the plan"),
    "plan.minimum": ("Minimum", "Minimum"),
    "plan.domain_short": (
        "Domain {id} {name} tidak dapat mencapai minimum {minimum} dengan batasan ini; tertinggi "
        "yang dapat dicapai: {best} ({predicate}; nilai pasti {exact})",
        "Domain {id} {name} cannot reach its minimum {minimum} under these constraints; the best "
        "reachable: {best} ({predicate}; exact value {exact})",
    ),
    # ---- end of domains ---------------------------------------------------------------------
    # ---- human outputs: a long criterion may be cut on a narrow terminal ----------------
    "plan.criteria": (
        "Kriteria (teks lengkap: spbe rubric show ID)",
        "Criteria (in full: spbe rubric show ID)",
    ),
}
