"""The current time, in one place so tests can move it."""

from __future__ import annotations

from datetime import date, datetime


def now() -> datetime:
    return datetime.now().astimezone()


def today() -> date:
    return now().date()
