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
}
