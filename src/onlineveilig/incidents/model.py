"""What an incident record is made of: the facts, the evidence and the record's own history.

Plain frozen dataclasses, built by the store (onlineveilig.store.incidents) from rows it wrote
itself; every text is kept exactly as the user typed it and escaped only where it is shown.
Pure: no I/O, no terminal. The commands (onlineveilig incident ...), the exports and the
anonymous summary (onlineveilig signalen) all read these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"  # `incident add` is still asking (or was stopped): offered to resume
    SAVED = "saved"  # every question was answered or skipped


class EvidenceKind(StrEnum):
    FILE = "file"  # a copy of the user's file in the data folder, never altered
    URL = "url"  # an address with the moment it was seen (nothing is fetched)


# The fields a user can give and change (`incident edit N FIELD`); the order is the order of the
# questions in `incident add`.
FIELDS: tuple[str, ...] = (
    "started",
    "ended",
    "channel",
    "types",
    "description",
    "who",
    "actions",
    "reported_to",
    "reported_at",
    "followed_up_at",
    "support",
)


@dataclass(frozen=True)
class Evidence:
    id: int
    kind: EvidenceKind
    added_at: datetime
    note: str = ""
    # kind FILE: the name the file had, where the copy lives (relative to the incident's
    # evidence folder), its size in bytes and SHA-256 (hex) when it was added.
    original_name: str = ""
    stored_name: str = ""
    size: int = 0
    sha256: str = ""
    # kind URL: the address and when the user saw it there.
    url: str = ""
    seen_at: datetime | None = None


@dataclass(frozen=True)
class Change:
    """One earlier value of a field, kept when `incident edit` changed it."""

    field: str
    old: str
    new: str
    changed_at: datetime


@dataclass(frozen=True)
class Incident:
    id: int
    created_at: datetime
    status: Status
    # When: one moment, or the start and end of a series (ISO date or date-time, as typed).
    started: str = ""
    ended: str = ""
    channel: str = ""  # a platform id (platforms.toml) or the user's own words
    types: tuple[str, ...] = ()  # type ids: the rules file's, else incidents.types.BUILT_IN
    description: str = ""  # what happened
    who: str = ""  # a role or a pseudonym, never needed as a full name
    actions: str = ""  # what the worker did
    reported_to: str = ""  # to whom it was reported (a role: "my team leader")
    reported_at: str = ""  # ISO date, "" when not reported yet
    followed_up_at: str = ""  # ISO date the organisation followed it up, "" when not yet
    support: str = ""  # support received
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    history: tuple[Change, ...] = field(default_factory=tuple)
    # The fields `incident add` already asked (answered or skipped): where a draft resumes.
    asked: tuple[str, ...] = ()

    @property
    def reported(self) -> bool:
        return bool(self.reported_at or self.reported_to)

    @property
    def followed_up(self) -> bool:
        return bool(self.followed_up_at)

    @property
    def open(self) -> bool:
        """Needs attention: not reported yet, or reported and not followed up."""
        return self.status == Status.SAVED and not (self.reported and self.followed_up)
