"""Plain-text helpers shared by the terminal, the reports and the sheets (no rich, no I/O).

`clean` makes untrusted text (notes, files, web pages) inert: ANSI escapes, control characters
and bidirectional overrides cannot rewrite a screen or hide what a line says. Dates and ages are
written in the user's language.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from onlineveilig.i18n import _, ngettext

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b.")
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def clean(value: str, *, keep_newlines: bool = False) -> str:
    out = []
    for ch in _ANSI.sub("", value):
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch in ("\n", "\r", "\t"):
            out.append(" ")
        elif ch in _BIDI or ch in ("\u2028", "\u2029"):
            out.append("\ufffd")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co"):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def month_name(month: int) -> str:
    names = (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )
    return names[month - 1]


def day(value: date) -> str:
    """23 november 2026 / 23 November 2026."""
    return f"{value.day} {month_name(value.month)} {value.year}"


def age(days: int) -> str:
    if days < 1:
        return _("today")
    if days < 14:
        return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
    if days < 61:
        weeks = days // 7
        return ngettext("%(n)d week", "%(n)d weeks", weeks) % {"n": weeks}
    months = days // 30
    return ngettext("%(n)d month", "%(n)d months", months) % {"n": months}


def relative(days_left: int) -> str:
    """'in 5 days', 'today', '3 days late'."""
    if days_left == 0:
        return _("today")
    if days_left > 0:
        return _("in %(age)s") % {"age": age(days_left)}
    return _("%(age)s late") % {"age": age(-days_left)}


def priority_label(priority: str) -> str:
    """essential / recommended / extra (the content's and the report's Priority alike)."""
    return {
        "essential": _("essential"),
        "recommended": _("recommended"),
        "extra": _("extra"),
    }[str(priority)]
