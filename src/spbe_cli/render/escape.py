"""One escaping function per output format: text from a file can show there, never act.

Every file spbe reads is untrusted (issue 13): spbe runs in CI on files submitted in pull
requests, its CSV files are opened in spreadsheets on officials' computers, its Markdown is pasted
into reports. Each human or spreadsheet format therefore has exactly one function here that every
string from a file passes through at the renderer boundary:

- `inert` for a terminal, a pipe and stderr: control, format (bidi, zero-width) and separator
  characters are shown as visible escapes (`\\x1b`, `\\u202e`), so a name cannot repaint the
  screen, disguise itself or start a line of its own; Azure's `##vso[` is broken anywhere.
  `guard_line` is the second half: a line of terminal or plain output never begins with `:` or
  `#`, which is how GitHub Actions (`::error`), its legacy syntax and Azure (`##[`) and TeamCity
  (`##teamcity[`) recognise a command. spbe's own words never begin a line with either, so
  escaping that character changes only hostile text.
- `csv_cell` for CSV text cells: OWASP's "CSV injection" rule (a leading `= + - @`, tab or CR is
  neutralised with a `'`), reversibly (`csv_uncell`).
- `markdown_inline` for Markdown: a name stays inline text on one line; every character that could
  start emphasis, a link, HTML, a table cell or a heading is backslash-escaped.

JSON, YAML, TOML, JUnit XML and GitHub annotations escape with their own writers (json, PyYAML,
tomli-w, ElementTree, validate_out's property escaping); the HTML report with Jinja2's autoescape.
"""

from __future__ import annotations

import re

# Characters that act instead of showing: C0 and C1 controls, DEL, Unicode format characters (Cf:
# bidi embeddings and overrides, isolates, zero-width characters, the BOM, soft hyphen, tag
# characters), lone surrogates (Cs: a JSON "\ud800" cannot even be encoded as UTF-8) and the
# line and paragraph separators (Zl, Zp). tests/unit/test_escape_formats.py checks this class
# against unicodedata for every code point.
_CF = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_CF}\ud800-\udfff\u2028\u2029]")
_AZURE = re.compile(r"##(?=vso\[|\[|teamcity\[)", re.IGNORECASE)
_SIGILS = (":", "#")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def inert(value: object) -> str:
    """`value` as plain text on one line, every acting character shown as an escape.

    For a terminal, a pipe, a log and stderr. Text without such characters (nearly all) comes
    back unchanged after one regex scan.
    """
    text = str(value)
    if UNSAFE.search(text) is not None:
        text = UNSAFE.sub(_visible, text)
    if "##" in text:
        text = _AZURE.sub("#\\\\x23", text)
    return text


def guard_line(line: str) -> str:
    """`line` with a leading `:` or `#` (after any white space) shown as an escape.

    Applied to every finished line of terminal and plain output: GitHub's runner trims leading
    white space before it looks for `::`, so indentation alone protects nothing.
    """
    stripped = line.lstrip()
    if not stripped.startswith(_SIGILS):
        return line
    start = len(line) - len(stripped)
    return f"{line[:start]}\\x{ord(stripped[0]):02x}{stripped[1:]}"


def guard_lines(text: str) -> str:
    """`guard_line` for each line of `text` (lines end with `\\n`)."""
    if ":" not in text and "#" not in text:
        return text
    return "".join(guard_line(line) for line in text.splitlines(keepends=True))


# ---- CSV ---------------------------------------------------------------------------------------

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A text cell a spreadsheet shows as text, never runs (OWASP "CSV injection").

    A cell that begins with `= + - @`, a tab or a carriage return gets a leading `'`; so does one
    that already begins with `'`, which makes the rule reversible (`csv_uncell`). Numbers are
    never passed here: a negative change stays the number -0.33.
    """
    if value.startswith(_FORMULA) or value.startswith("'"):
        return "'" + value
    return value


def csv_uncell(value: str) -> str:
    """The text `csv_cell` was given: for scripts that read spbe's CSV back."""
    if value.startswith("'") and value[1:].startswith((*_FORMULA, "'")):
        return value[1:]
    return value


# ---- Markdown ----------------------------------------------------------------------------------

# Inline Markdown (CommonMark and GitHub's extensions): emphasis * _ ~, code `, links and images
# [ ] !, autolinks and HTML < >, entities &, table cells |, headings' closing #, GitHub's math $,
# and the backslash itself. Characters that act only at the start of a line (- + = . >) need
# nothing: every Markdown line spbe writes starts with its own syntax and words.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#!|~&$])")


def markdown_inline(value: object) -> str:
    """`value` as inline Markdown text on one line: it shows, it never formats or structures.

    Control and separator characters are shown as escapes first (so a newline cannot end a table
    row or start a forged list item), then Markdown's own characters are backslash-escaped.
    """
    return _MARKDOWN.sub(r"\\\1", inert(value))
