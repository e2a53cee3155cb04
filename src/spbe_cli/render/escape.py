"""Text from a file made inert for a human output: it can show, never act.

A name in an assessment is untrusted: in a terminal, ESC, OSC 8 links, `\r` and bidi overrides
repaint or disguise the screen, and a newline lets a name start a line of its own (where GitHub
Actions reads `::error` as a command). Every such character is shown as a visible escape instead.
"""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(value: object) -> str:
    """`value` as one line of plain text with every control character shown as an escape."""
    text = str(value)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_visible, text)
