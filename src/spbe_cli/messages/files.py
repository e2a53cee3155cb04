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
        "berkas terlalu besar (sedikitnya {size} byte, batas {limit}); "
        "lembar penilaian biasanya di bawah 100 KB",
        "the file is too large (at least {size} bytes, limit {limit}); "
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
    # --- issue 15: what SPBE005 says of YAML, in the catalogue's words (not PyYAML's) -----
    "yaml.colon": (
        "tanda ':' tidak boleh di sini; beri tanda kutip pada nilai yang berisi ': ', "
        "atau periksa indentasi",
        "a ':' is not allowed here; quote a value that contains ': ', or check the indentation",
    ),
    "yaml.no_colon": (
        "kunci tanpa ':' sesudahnya; tulis kunci: nilai",
        "a key without ':' after it; write key: value",
    ),
    "yaml.indent": (
        "indentasi tidak cocok dengan baris di atasnya; sejajarkan kunci dengan spasi",
        "the indentation does not match the lines above; align the keys with spaces",
    ),
    "yaml.dash": (
        "butir daftar ('- ') dan kunci bercampur pada indentasi yang sama",
        "list items ('- ') and keys are mixed at the same indentation",
    ),
    "yaml.bracket": (
        "daftar yang dibuka dengan '[' tidak ditutup dengan ']'",
        "a list opened with '[' is not closed with ']'",
    ),
    "yaml.brace": (
        "pemetaan dalam kurung kurawal tidak ditutup",
        "a mapping in curly brackets is not closed",
    ),
    "yaml.quote": (
        "tanda kutip tidak ditutup sebelum akhir berkas",
        "a quotation mark is not closed before the end of the file",
    ),
    "yaml.escape": (
        "urutan '\\' tidak dikenal dalam teks bertanda kutip ganda; pakai tanda kutip tunggal",
        "an unknown '\\' sequence in double-quoted text; use single quotes",
    ),
    "yaml.alias": (
        "alias (*nama) tanpa anchor (&nama) sebelumnya",
        "an alias (*name) without an anchor (&name) before it",
    ),
    "yaml.documents": (
        "berkas berisi lebih dari satu dokumen (---); satu lembar penilaian per berkas",
        "the file holds more than one document (---); one assessment per file",
    ),
    "yaml.reserved": (
        "karakter {char} tidak boleh mengawali nilai; beri tanda kutip pada nilainya",
        "the character {char} cannot start a value; put the value in quotes",
    ),
    "yaml.control": (
        "berkas berisi karakter kontrol {char} (data biner?); simpan sebagai teks biasa",
        "the file holds the control character {char} (binary data?); save it as plain text",
    ),
    "yaml.other": (
        "struktur tidak sah di sini; periksa indentasi, tanda kutip dan kurung",
        "the structure is not valid here; check the indentation, quotes and brackets",
    ),
    # SPBE03x: workbooks (.xlsx), read by files/workbook.py (README "Workbooks")
    "SPBE030": (
        "buku kerja tidak dapat dibaca ({detail}); simpan ulang sebagai Buku Kerja Excel (.xlsx) "
        "tanpa kata sandi",
        "the workbook cannot be read ({detail}); save it again as an Excel Workbook (.xlsx) "
        "without a password",
    ),
    "SPBE031": (
        "buku kerja mengembang terlalu besar saat dibuka ({size}, batas {limit}); lembar penilaian "
        "spbe jauh lebih kecil, jadi berkas ini ditolak",
        "the workbook unpacks to too much ({size}, limit {limit}); an spbe assessment is far "
        "smaller, so this file is refused",
    ),
    "SPBE032": (
        "ini bukan buku kerja penilaian spbe (lembar tersembunyi 'spbe' tidak ada atau rusak); "
        "buat dengan `spbe init --format xlsx` atau `spbe convert BERKAS -o BERKAS.xlsx`",
        "this is not an spbe assessment workbook (the hidden sheet 'spbe' is missing or "
        "damaged); make one with `spbe init --format xlsx` or `spbe convert FILE -o FILE.xlsx`",
    ),
    "SPBE033": (
        "buku kerja ini adalah keluaran spbe jenis '{kind}', bukan lembar penilaian; spbe membaca "
        "buku kerja dari `spbe init --format xlsx`, `spbe convert` atau `spbe score` satu berkas",
        "this workbook is an spbe output of kind '{kind}', not an assessment; spbe reads the "
        "workbooks of `spbe init --format xlsx`, `spbe convert` and `spbe score` of one file",
    ),
    "SPBE034": (
        "buku kerja ini berformat versi {version}, lebih baru dari spbe ini; perbarui spbe-cli",
        "this workbook has format version {version}, newer than this spbe; upgrade spbe-cli",
    ),
    "SPBE035": (
        "sel ini berisi rumus ({formula}); spbe tidak menjalankan rumus: ketik nilainya langsung",
        "this cell holds a formula ({formula}); spbe never evaluates formulas: type the value "
        "itself",
    ),
    "SPBE036": (
        "sel ini berisi nilai galat {value}; ketik nilainya langsung",
        "this cell holds the error value {value}; type the value itself",
    ),
    "SPBE037": (
        "buku kerja bermakro (.xlsm) tidak dibaca; simpan sebagai Buku Kerja Excel (.xlsx)",
        "a macro-enabled workbook (.xlsm) is not read; save it as an Excel Workbook (.xlsx)",
    ),
    "SPBE038": (
        "lembar '{sheet}' yang disebut penanda buku kerja tidak ada; kembalikan namanya, atau "
        "tulis ulang buku kerja dengan `spbe convert`",
        "the sheet '{sheet}' named by the workbook's marker is missing; restore its name, or "
        "write the workbook again with `spbe convert`",
    ),
    "SPBE039": (
        "baris {row} berisi isian tetapi tanpa id indikator di kolom A; kembalikan id-nya",
        "row {row} has entries but no indicator id in column A; put the id back",
    ),
    # --- Untrusted input (issue 13): characters, kinds of file, structure limits ---------
    "SPBE012": (
        "{char} di sini adalah separuh pasangan surrogate, bukan karakter, dan tidak dapat ditulis "
        "keluaran mana pun; tulis karakternya utuh (pasangan \\ud83d\\ude00) atau hapus",
        "{char} here is half of a surrogate pair, no character at all, and no output can write "
        "it; write the whole character (a pair such as \\ud83d\\ude00) or remove it",
    ),
    "SPBE013": (
        "ini bukan berkas biasa melainkan {kind}, dan tidak dibuka; "
        "berikan berkas .yaml, .toml atau .json biasa",
        "this is not a regular file but {kind}, and was not opened; "
        "give a regular .yaml, .toml or .json file",
    ),
    "files.kind.fifo": ("sebuah FIFO (pipa bernama)", "a FIFO (named pipe)"),
    "files.kind.device": ("sebuah perangkat", "a device"),
    "files.kind.socket": ("sebuah soket", "a socket"),
    "files.limit.values": (
        "lebih dari {limit} nilai dalam satu berkas",
        "more than {limit} values in one file",
    ),
    "files.limit.depth": ("lebih dari {limit} tingkat bersarang", "more than {limit} levels deep"),
    "files.limit.key_parts": (
        "kunci bertitik dengan lebih dari {limit} bagian",
        "a dotted key with more than {limit} parts",
    ),
    "files.limit.tokens": (
        "lebih dari {limit} baris, teks dan tanda baca",
        "more than {limit} lines, strings and punctuation marks",
    ),
    # Files spbe writes
    "output.exists": (
        "{path} sudah ada; tidak ditimpa. Pakai --force untuk menimpanya, atau pilih nama lain",
        "{path} already exists and was not overwritten; use --force to replace it, or another name",
    ),
    "output.failed": ("tidak dapat menulis {path}: {reason}", "cannot write {path}: {reason}"),
}
