"""From the audits, the checklists and the incidents to a Share. Pure: no I/O, no printing.

The audit logic (what applies, the latest answers, the open action points) comes from
onlineveilig.audit.logic and the incident counts from onlineveilig.incidents.signals (tally):
this module only picks the audit and puts their results in the file's terms. Nothing anyone
typed gets in: only ids, answers, counts, the month and the random worker id.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from onlineveilig.audit import logic
from onlineveilig.audit.model import Answer, AnswerRecord, Audit
from onlineveilig.content.loader import Content
from onlineveilig.errors import OnlineveiligError
from onlineveilig.incidents import signals
from onlineveilig.incidents.model import Incident

from .model import (
    ID_PATTERN,
    MONTH_PATTERN,
    SHARE_FORMAT,
    SHARE_VERSION,
    AnswerKind,
    Share,
    ShareAnswer,
    ShareIncidents,
)


class ShareBuildError(OnlineveiligError):
    """There is no audit to share. `kind`: "no-audit" or "no-audit-in-month" (then `month`)."""

    def __init__(self, kind: str, month: str | None = None):
        super().__init__(f"{kind} {month or ''}".strip())
        self.kind = kind
        self.month = month


def new_worker_id() -> str:
    """A random id for a worker: 32 hex characters, from nothing personal."""
    return secrets.token_hex(16)


def is_month(value: str) -> bool:
    return re.match(MONTH_PATTERN, value) is not None


def month_of(audit: Audit) -> str:
    moment = audit.finished_at or audit.started_at
    return f"{moment.year:04d}-{moment.month:02d}"


def choose(audits: Iterable[Audit], month: str | None) -> Audit:
    """The latest finished full audit (not one section alone), of `month` when given."""
    done = [a for a in audits if logic.counts_as_full(a) and a.finished_at is not None]
    if month is not None:
        done = [a for a in done if month_of(a) == month]
    if not done:
        raise ShareBuildError("no-audit-in-month" if month else "no-audit", month)
    return max(done, key=lambda a: a.finished_at or a.started_at)


@dataclass(frozen=True)
class Sources:
    """Where the ids come from: the built-in sections, the known incident types and platforms."""

    builtin_sections: Collection[str]
    incident_types: Collection[str]
    platforms: Collection[str]


def _answer(record: AnswerRecord | None, is_open: bool) -> AnswerKind:
    if is_open:
        return "action"
    if record is None:
        return "not-answered"
    if record.answer == Answer.JA:
        return "in-order"
    if record.answer == Answer.NVT:
        return "not-applicable"
    return "not-answered"  # "later" is no answer yet


def _ids(counter: dict[str, int], pattern: str) -> dict[str, int]:
    """Counts whose key is an id (or a month), most first; anything else is left out."""
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return {key: n for key, n in ordered if re.match(pattern, key)}


def incidents(every: Iterable[Incident], sources: Sources) -> ShareIncidents:
    counts = signals.tally(
        every, since=None, types=sources.incident_types, channels=sources.platforms
    )
    return ShareIncidents(
        total=counts.total,
        reported=counts.reported,
        followed_up=counts.followed_up,
        by_type=_ids(dict(counts.by_type), ID_PATTERN),
        by_channel=_ids(dict(counts.by_channel), ID_PATTERN),
        by_month=dict(sorted(_ids(dict(counts.by_month), MONTH_PATTERN).items())),
    )


def build(
    audits: list[Audit],
    history: list[AnswerRecord],
    content: Content,
    every_incident: Iterable[Incident],
    *,
    platforms: set[str] | None,
    sources: Sources,
    worker: str,
    made_with: str,
    month: str | None = None,
) -> Share:
    chosen = choose(audits, month)
    finished = chosen.finished_at
    assert finished is not None
    # Everything as it stood when the chosen audit was finished.
    known = logic.before(history, finished)
    last = logic.latest(known)
    open_ids = {a.item_id for a in logic.open_actions(known)}
    answers = [
        ShareAnswer(
            id=item.id,
            section=section.id,
            source="builtin" if section.id in sources.builtin_sections else "organisation",
            answer=_answer(last.get(item.id), item.id in open_ids),
        )
        for section, item in content.items()
        if section.applies(item, platforms)
    ]
    return Share(
        format=SHARE_FORMAT,
        version=SHARE_VERSION,
        worker=worker,
        month=month_of(chosen),
        made_with=made_with,
        checklists={
            key: str(version)
            for key, version in sorted(chosen.versions.items())
            if re.match(ID_PATTERN, key)
        },
        score=chosen.score,
        answers=answers,
        incidents=incidents(every_incident, sources),
    )


def tally(share: Share) -> dict[AnswerKind, int]:
    """How many items have each answer, for the summary the user sees."""
    counts: dict[AnswerKind, int] = {
        "in-order": 0,
        "action": 0,
        "not-applicable": 0,
        "not-answered": 0,
    }
    for answer in share.answers:
        counts[answer.answer] += 1
    return counts
