"""A file as a whole (SPBE0xx) and the files spbe writes (`-o`, `--force`).

SPBE0xx problems are found before an assessment's content is looked at (unreadable, too
large, not UTF-8, bad syntax), so they apply to every file spbe reads: assessments, rubrics
and costs files alike.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    # Files spbe writes
    "output.exists": (
        "{path} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya, atau pilih nama lain",
        "{path} already exists and was not overwritten; use --force to replace it, or another name",
    ),
    "output.failed": ("tidak dapat menulis {path}: {reason}", "cannot write {path}: {reason}"),
}
