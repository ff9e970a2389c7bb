"""Dates, ages and small charts in the user's language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from onlineveilig.i18n import _, ngettext


def month_name(month: int) -> str:
    names = [
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
    ]
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


BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int | None]) -> str:
    """A one-line chart of scores 0–100 (a gap for an audit without a score)."""
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        else:
            out.append(BARS[min(len(BARS) - 1, max(0, value)) * len(BARS) // 101])
    return "".join(out)


def bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else width
    return "━" * filled + "─" * (width - filled)
