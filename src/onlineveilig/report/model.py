"""What a report contains: pydantic models, also the documented JSON shape (docs/report.schema.json).

The models hold data, not wording: labels and dates are put into words by the renderers, in the
report's language. Question texts are already in that language. Change the shape only together
with REPORT_SCHEMA_VERSION, docs/report-json.md and the exported schema.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

REPORT_SCHEMA_VERSION = 1
SCHEMA_ID = "https://onlineveilig.invalid/schemas/report-v1.json"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ItemStatus(StrEnum):
    IN_ORDER = "in_order"  # last answer: yes
    OPEN = "open"  # an open action point: answered no, not yes or n/a since
    NOT_APPLICABLE = "not_applicable"  # last answer: n/a
    POSTPONED = "postponed"  # last answer: later
    NOT_ASKED = "not_asked"  # applies, but has no answer yet


class Priority(StrEnum):
    ESSENTIAL = "essential"
    RECOMMENDED = "recommended"
    EXTRA = "extra"


class AuditInfo(Strict):
    number: int = Field(description="The audit's number, as in `onlineveilig history`.")
    started: datetime
    finished: datetime
    scope: str = Field(description='"due", "all" or "section:<id>".')
    asked: int = Field(description="Items asked in this audit.")
    answered: int


class PreviousAudit(Strict):
    number: int
    finished: datetime
    score: int | None


class Score(Strict):
    """Share of the applicable essential and recommended items that are in order."""

    percent: int | None = Field(description="0–100; null when no scored item applies.")
    in_order: int
    counted: int = Field(description="Essential and recommended items that count.")
    not_applicable: int = Field(description="Scored items answered n/a; they do not count.")
    previous: int | None = Field(description="The score of the previous finished audit.")


class ScorePoint(Strict):
    number: int
    date: date
    score: int | None


class ReportItem(Strict):
    id: str
    question: str = Field(description="In the report's language.")
    priority: Priority
    status: ItemStatus
    answered_on: date | None = Field(description="Date of the last answer, if any.")
    open_since: date | None = Field(description="Only for open items.")
    open_days: int | None = Field(description="Days open on the audit's date; only for open items.")
    new: bool = Field(description="Open now, not open after the previous audit.")
    resolved: bool = Field(description="Open after the previous audit, in order now.")
    note: str | None = Field(
        description="The user's own note; null when there is none or notes were left out."
    )


class ReportSection(Strict):
    id: str
    title: str
    items: list[ReportItem] = Field(description="The items that apply to the user, in order.")


class AttentionKind(StrEnum):
    SCORE_DOWN = "score_down"
    LONG_OPEN = "long_open"
    NEW_OPEN = "new_open"
    AGREEMENT_OPEN = "agreement_open"
    SEARCH_ACTION = "search_action"


class Attention(Strict):
    """One thing a colleague is asked to look at."""

    kind: AttentionKind = Field(
        description="score_down: the score fell (before, after). agreement_open, long_open, "
        "new_open: an open item (item_id, question, days open). search_action: search results "
        "that still need action (after: how many)."
    )
    item_id: str | None = None
    question: str | None = None
    days: int | None = Field(default=None, description="Days the item has been open.")
    before: int | None = Field(default=None, description="score_down: the previous score.")
    after: int | None = Field(
        default=None, description="score_down: the score now; search_action: how many results."
    )


class Finding(Strict):
    """A search result the user marked "action"."""

    title: str
    category: str = Field(description="The kind of site, in the report's language.")
    status: Literal["open", "done"] = Field(
        description="open: the action is still to do; done: the user marked it done."
    )
    action: str | None = Field(
        default=None, description="What the user means to do, in the report's language."
    )
    first_seen: date
    url: str | None = Field(
        default=None, description="Only when findings were included (--with-findings)."
    )
    snippet: str | None = Field(
        default=None, description="Only when findings were included (--with-findings)."
    )


class SearchSummary(Strict):
    """What `onlineveilig search-me` found; present once search-me has run."""

    searched_on: date
    counts: dict[str, int] = Field(
        description="Number of results per category (in the report's language), most exposing first."
    )
    new_since_previous: int
    actions: list[Finding] = Field(description='Findings marked "action", with their status.')


class ProfilesSummary(Strict):
    """What `onlineveilig profiles` found at its last check: counts and site names only (the
    usernames and the profiles' addresses are personal and stay out of the report)."""

    checked_on: date
    complete: bool = Field(description="False when the check was stopped or broken off.")
    usernames: int = Field(description="How many usernames were checked.")
    found: int = Field(description="Profiles found (one per address).")
    sites: list[str] = Field(description="The names of the sites where a profile was found.")
    not_checked: int = Field(description="Sites that could not be checked (no answer, blocked).")
    open_actions: int = Field(description='Found profiles marked "action" and not done yet.')


class IncidentFacts(Strict):
    """One incident's facts, only when the user asked for it (--with-incident N); never its
    evidence files."""

    number: int
    started: str = Field(description="ISO date or date-time, as given.")
    ended: str = Field(description='ISO date or date-time; "" for one moment.')
    channel: str = Field(description="The platform's name or the user's own words.")
    types: list[str] = Field(description="What happened, in the report's language.")
    description: str
    who: str = Field(description="A role or a pseudonym.")
    actions: str = Field(description="What the worker did afterwards.")
    reported_to: str
    reported_at: str = Field(description='ISO date; "" when not reported yet.')
    followed_up_at: str = Field(description='ISO date; "" when not followed up yet.')
    support: str
    evidence_files: int = Field(description="How many files were kept (not the files).")
    evidence_urls: int = Field(description="How many web addresses were noted.")


class IncidentsSummary(Strict):
    """The incidents written down with `onlineveilig incident`: counts only, never contents."""

    total: int
    open: int = Field(description="Not reported yet, or reported and not followed up yet.")
    not_reported: int
    reported: int
    followed_up: int
    shared: IncidentFacts | None = Field(
        default=None, description="Only with --with-incident N: that incident's facts."
    )


class Sharing(Strict):
    """What the user chose to put in this report."""

    for_colleague: bool
    name: bool
    notes: bool
    findings: bool = Field(
        description="Addresses and text of search results are in the report; false when it "
        "has no search results."
    )


class Report(Strict):
    """A report of one finished audit, with the history up to it."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="onlineveilig report",
        json_schema_extra={
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_ID,
        },
    )

    schema_version: Literal[1] = Field(description="The version of this shape; see docs.")
    generator: str = Field(description='"onlineveilig <version>".')
    language: Literal["nl", "en"]
    created: datetime
    name: str | None = Field(description="The user's name, only when they chose to include it.")
    sharing: Sharing
    audit: AuditInfo
    previous_audit: PreviousAudit | None
    score: Score
    history: list[ScorePoint] = Field(description="Every finished audit up to this one.")
    sections: list[ReportSection]
    agreements: ReportSection | None = Field(
        description="The items about agreements with clients (section `afspraken`)."
    )
    attention: list[Attention] = Field(description="What a colleague is asked to look at.")
    search: SearchSummary | None = Field(description="Present once search-me has run.")
    profiles: ProfilesSummary | None = Field(
        default=None, description="Present once onlineveilig profiles has checked usernames."
    )
    open_actions: list[str] = Field(
        description="The ids of the open items in the order every list of open action points "
        "uses: priority (essential first), then their place in the checklist.",
    )

    def open_items(self) -> list[ReportItem]:
        """The open items (sections and agreements) in the order of `open_actions`."""
        every = [*self.sections, *([self.agreements] if self.agreements else [])]
        by_id = {i.id: i for s in every for i in s.items if i.status == ItemStatus.OPEN}
        return [by_id[i] for i in self.open_actions if i in by_id]

    incidents: IncidentsSummary | None = Field(
        default=None, description="Present once an incident was written down: counts only."
    )


def json_schema() -> dict[str, Any]:
    return Report.model_json_schema(mode="serialization")


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
