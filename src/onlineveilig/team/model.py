"""The team report as the renderers see it. A figure that rests on fewer than k workers is not
in it: its numbers are None ("too few to show"), so no renderer can show them."""

from __future__ import annotations

from dataclasses import dataclass


def percent(part: int, whole: int) -> int:
    """part of whole in percent, rounded half up (12.5 -> 13)."""
    return (200 * part + whole) // (2 * whole)


@dataclass(frozen=True)
class Row:
    """How often an item (or a section) was not in order: `action` of `answered` answers."""

    label: str
    action: int | None
    answered: int | None

    @property
    def percent(self) -> int | None:
        if self.action is None or not self.answered:
            return None
        return percent(self.action, self.answered)


@dataclass(frozen=True)
class Count:
    label: str
    n: int | None  # None: too few to show


@dataclass(frozen=True)
class Block:
    """A section's (or a month's) items, most often not in order first."""

    title: str
    rows: list[Row]
    hidden: int  # items left out: too few workers answered them
    too_few: bool = False  # the whole block rests on too few workers


@dataclass(frozen=True)
class Point:
    label: str
    in_order: int | None  # percent of answers in order
    score: int | None  # average score


@dataclass(frozen=True)
class Grid:
    """Per section and month: the percent of answers not in order (None: too few to show)."""

    months: list[str]
    rows: list[tuple[str, list[int | None]]]


@dataclass(frozen=True)
class Incidents:
    total: int | None
    reported: int | None
    followed_up: int | None
    by_type: list[Count]
    by_month: list[Count]


@dataclass(frozen=True)
class SkippedFile:
    name: str
    reason: str


@dataclass(frozen=True)
class TeamReport:
    lang: str
    k: int
    files: int
    workers: int
    first_month: str | None
    last_month: str | None
    duplicates: int
    skipped: list[SkippedFile]
    sections: list[Block]
    organisation: Block | None
    months: list[Block]
    grid: Grid
    trend: list[Point]
    incidents: Incidents
    hidden_any: bool
