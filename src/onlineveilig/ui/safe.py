"""Showing text that came from somewhere else (notes, files, web pages) without it taking over.

Rich markup is never parsed from such text (it becomes a rich Text object), and control
characters, ANSI escapes and bidirectional overrides are replaced so a line cannot rewrite the
screen or hide what it says.
"""

from __future__ import annotations

import re
import unicodedata

from rich.text import Text

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b.")
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def clean(value: str, *, keep_newlines: bool = False) -> str:
    value = _ANSI.sub("", value)
    out = []
    for ch in value:
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch in ("\n", "\r", "\t"):
            out.append(" ")
        elif ch in _BIDI:
            out.append("\ufffd")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co") or ch in ("\u2028", "\u2029"):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def text(value: str, style: str = "", *, keep_newlines: bool = False) -> Text:
    """A rich Text that shows `value` literally (no markup), cleaned of control characters."""
    return Text(clean(value, keep_newlines=keep_newlines), style=style)
