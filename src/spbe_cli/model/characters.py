"""Characters no text field of an assessment or rubric may hold, found where a file comes in.

Every renderer makes such characters inert on the way out (render/escape.py and each format's
own escaping). Validation refuses them too, so the defence has two layers and `validate` tells
the author at the line, instead of a report quietly showing `\\x1b` where a name should be.

Refused: C0 and C1 control characters and DEL (ESC starts terminal sequences, CR rewrites a
line, NUL and the rest crash workbook writers), the bidirectional embeddings, overrides and
isolates that make text read differently from how it is stored ("Trojan Source"), and the
Unicode line and paragraph separators (and the halves of surrogate pairs, which are no
characters at all: JSON escapes and undecodable command-line bytes make them). A multi-line
field (an explanation) may hold tab, line feed and carriage return; a one-line field (a name,
an id, a file name) none of them.
"""

from __future__ import annotations

import re
from functools import cache

_ALWAYS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ALWAYS += "\ud800-\udfff"  # half characters: a file cannot hold one, a command line can


@cache
def _pattern(multiline: bool) -> re.Pattern[str]:
    """Compiled on first use: every command imports this module, few need it."""
    return re.compile(f"[{_ALWAYS}]" if multiline else f"[{_ALWAYS}\t\n\r\u2028\u2029]")


def unsafe_char(text: str, *, multiline: bool = False) -> str | None:
    """The first refused character of `text` as `U+001B`, or None when there is none."""
    found = _pattern(multiline).search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
