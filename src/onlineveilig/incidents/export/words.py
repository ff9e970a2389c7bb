"""Incidents in words: moments, sizes and channels, shared by the export and signalen."""

from __future__ import annotations

from datetime import date, datetime

from onlineveilig.i18n import _, language, ngettext
from onlineveilig.text import day


def moment(value: str) -> str:
    """'12 November 2026' or '12 November 2026, 21:30' for an ISO date (time); else as typed."""
    value = value.strip()
    if not value:
        return ""
    try:
        if len(value) <= 10:
            return day(date.fromisoformat(value))
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{day(when.date())}, {when:%H:%M}"


def stamp(value: datetime) -> str:
    """A moment the program recorded: '12 November 2026, 21:30'."""
    return f"{day(value.date())}, {value:%H:%M}"


def when(started: str, ended: str) -> str:
    """One moment, or a series from start to end."""
    if ended and ended != started:
        return _("from %(start)s to %(end)s") % {"start": moment(started), "end": moment(ended)}
    return moment(started)


def size(n: int) -> str:
    """'830 bytes', '12.4 KB', '3.1 MB' (decimal units, as file managers show them)."""
    if n < 1000:
        return ngettext("%(n)d byte", "%(n)d bytes", n) % {"n": n}
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1000
        if value < 1000 or unit == "GB":
            break
    shown = f"{value:.1f}"
    return f"{shown.replace('.', ',') if language() == 'nl' else shown} {unit}"


def month_key(value: str) -> str | None:
    """'2026-11' for an ISO date or date-time; None when it is not one."""
    try:
        moment_ = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return f"{moment_.year:04d}-{moment_.month:02d}"


def field_label(name: str) -> str:
    """A field of the record (incidents.model.FIELDS) in words."""
    return {
        "started": _("When it started"),
        "ended": _("When it ended"),
        "channel": _("Channel or platform"),
        "types": _("What happened"),
        "description": _("Description"),
        "who": _("Who (role or pseudonym)"),
        "actions": _("What I did afterwards"),
        "reported_to": _("Reported to"),
        "reported_at": _("Reported on"),
        "followed_up_at": _("Followed up on"),
        "support": _("Support received"),
    }.get(name, name)
