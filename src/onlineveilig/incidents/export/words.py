"""Incidents in words for the export, the report and signalen (the record's own words —
moments, sizes, field and type labels — are in incidents.answers and incidents.types)."""

from __future__ import annotations

from datetime import date, datetime

from onlineveilig.i18n import _
from onlineveilig.incidents.answers import moment_text as moment
from onlineveilig.text import day


def stamp(value: datetime) -> str:
    """A moment the program recorded: '12 November 2026 21:30'."""
    return f"{day(value.date())} {value:%H:%M}"


def when(started: str, ended: str) -> str:
    """One moment, or a series from start to end."""
    if ended and ended != started:
        return _("from %(start)s to %(end)s") % {"start": moment(started), "end": moment(ended)}
    return moment(started)


def month_key(value: str) -> str | None:
    """'2026-11' for an ISO date or date-time; None when it is not one."""
    try:
        moment_ = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return f"{moment_.year:04d}-{moment_.month:02d}"
