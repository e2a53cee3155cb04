"""`spbe convert`: an assessment from one format to another, and why a conversion was refused."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "convert.written": (
        "{file} ditulis ({fmt}, {count} indikator)",
        "{file} written ({fmt}, {count} indicators)",
    ),
    "convert.format_mismatch": (
        "--format {fmt} tidak cocok dengan nama berkas {file}; pakai akhiran .{fmt}",
        "--format {fmt} does not match the file name {file}; use the suffix .{fmt}",
    ),
    "convert.unknown_suffix": (
        "akhiran {file} tidak dikenal; pakai .yaml, .toml, .json atau .xlsx, atau berikan --format",
        "cannot tell the format of {file}; use .yaml, .toml, .json or .xlsx, or give --format",
    ),
    "convert.needs_format": (
        "tanpa -o, sebutkan formatnya dengan --format yaml, toml atau json",
        "without -o, name the format with --format yaml, toml or json",
    ),
    "convert.same_file": (
        "{file} adalah berkas masukan; tulis ke berkas lain",
        "{file} is the input file; write to another file",
    ),
    # Reasons quoted by SPBE140
    "convert.reason.control": (
        "berisi karakter kendali yang tidak dapat ditampung sel buku kerja",
        "it holds a control character that a workbook cell cannot hold",
    ),
    "convert.reason.return": (
        "berisi carriage return (\\r), yang menjadi baris baru di buku kerja",
        "it holds a carriage return (\\r), which a workbook turns into a line break",
    ),
    "convert.reason.long": (
        "lebih dari {limit} karakter, batas satu sel Excel",
        "it is longer than {limit} characters, the most an Excel cell holds",
    ),
    "convert.reason.evidence_line": (
        "satu bukti dukung yang memuat baris baru atau kosong; di buku kerja setiap baris sel "
        "adalah satu bukti",
        "an evidence item that holds a line break or is blank; in a workbook each line of the "
        "cell is one item",
    ),
    "convert.reason.surrogate": (
        "berisi surrogate Unicode tanpa pasangan, yang tidak dapat ditulis sebagai UTF-8",
        "it holds an unpaired Unicode surrogate, which cannot be written as UTF-8",
    ),
}
