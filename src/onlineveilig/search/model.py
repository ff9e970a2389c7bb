"""What a search run is made of: queries, hits from a provider, findings, marks and runs.

Plain frozen dataclasses: they are built from data we already validated (provider responses are
validated where they arrive, in onlineveilig.search.providers), and they are cheap to make by the
hundred.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Category(StrEnum):
    PEOPLE = "people"
    SOCIAL = "social"
    PHOTOS = "photos"
    REVIEWS = "reviews"
    RECORDS = "records"
    NEWS = "news"
    PROFESSIONAL = "professional"
    PROFILE = "profile"  # an account found by `onlineveilig profiles` under a username
    OTHER = "other"


class Flag(StrEnum):
    """Personal data that a result's title or snippet shows."""

    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    BIRTHDATE = "birthdate"


class Verdict(StrEnum):
    OK = "ok"
    ACTION = "action"
    NOT_ME = "not-me"


class ActionKind(StrEnum):
    REMOVE = "remove"
    PRIVACY = "privacy"
    ASK_SITE = "ask-site"
    ASK_COLLEAGUE = "ask-colleague"


class RunKind(StrEnum):
    SEARCH = "search"  # search-me: a search engine, a saved page or pasted addresses
    PROFILES = "profiles"  # onlineveilig profiles: usernames asked of a list of sites


class RunStatus(StrEnum):
    RUNNING = "running"  # still going, or the process was killed
    COMPLETE = "complete"
    PARTIAL = "partial"  # stopped early: blocked, an error, or the user stopped it


@dataclass(frozen=True)
class Query:
    text: str
    kind: str  # name, name-city, name-employer, name-job, username, email, manual


@dataclass(frozen=True)
class Hit:
    """One result as a provider gave it, already plain text (no HTML) and with a usable URL."""

    url: str
    title: str
    snippet: str = ""


@dataclass(frozen=True)
class Finding:
    """A result after merging: one per normalised address."""

    key: str
    url: str
    title: str
    snippet: str
    category: Category
    flags: tuple[Flag, ...]
    queries: tuple[str, ...]
    rank: int  # best position in any query's results (1 = first)

    def shown_snippet(self, lang: str) -> str:
        """The snippet in the user's language: a found profile keeps its site's category in
        every language (profile_snippet); older ones and search results hold plain text."""
        if self.category == Category.PROFILE and self.snippet.startswith("{"):
            try:
                labels = json.loads(self.snippet)
            except ValueError:
                return self.snippet
            if isinstance(labels, dict):
                shown = labels.get(lang) or labels.get("nl")
                if isinstance(shown, str):
                    return shown
        return self.snippet


def profile_snippet(labels: dict[str, str]) -> str:
    """A found profile's snippet: its site's category in each language ({"nl": .., "en": ..}),
    so that it is shown in the language the user reads now, not the one of the check."""
    return json.dumps(labels, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Mark:
    key: str
    verdict: Verdict
    action: ActionKind | None
    note: str
    marked_at: datetime
    done_at: datetime | None = None

    @property
    def open_action(self) -> bool:
        return self.verdict == Verdict.ACTION and self.done_at is None


@dataclass(frozen=True)
class ProfileCheck:
    """One site asked about one username in a profiles run: found, not-found or unknown."""

    site: str  # the site's id in the list
    username: str
    state: str  # "found", "not-found" or "unknown" (profiles.verdict.State)
    reason: str = ""  # why it is unknown
    address: str = ""  # the profile's address
    name: str = ""  # the site's name as the list gives it ("GitHub")

    @property
    def answered(self) -> bool:
        """A real answer: found or not found (an unknown says nothing either way)."""
        return self.state in ("found", "not-found")

    @property
    def unchecked(self) -> bool:
        """Unknown for a reason worth trying again (not: the name cannot exist on that site)."""
        from onlineveilig.profiles.verdict import SETTLED

        return self.state == "unknown" and self.reason not in SETTLED


@dataclass(frozen=True)
class Run:
    """One search: a snapshot of what came back."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    provider: str
    subject: str
    queries: tuple[str, ...]
    done: tuple[str, ...]  # the queries that were answered
    status: RunStatus
    reason: str = ""  # why it stopped early (an error kind, or "stopped")
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    kind: RunKind = RunKind.SEARCH
    checks: tuple[ProfileCheck, ...] = field(default_factory=tuple)  # profiles runs only

    @property
    def compares_gone(self) -> bool:
        """Manual and saved-page runs hold what the user chose: nothing 'disappears' from them."""
        return self.provider not in ("manual", "file")

    @property
    def usernames(self) -> tuple[str, ...]:
        """A profiles run's usernames (its queries)."""
        return self.queries if self.kind == RunKind.PROFILES else ()


@dataclass(frozen=True)
class Diff:
    new: tuple[Finding, ...]
    gone: tuple[Finding, ...]
    previous: Run | None
