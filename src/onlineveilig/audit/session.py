"""One audit from start to result: resume or start, what each question shows, the end result.

No terminal here: commands/audit.py asks and prints, this module decides and saves. Every answer
is saved through the store the moment it is given, so a pause never loses anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from onlineveilig.content.data import Checklist, Item
from onlineveilig.content.loader import Content
from onlineveilig.store.repo import Store

from . import logic
from .model import Action, Answer, AnswerRecord, Audit

# About how long one question takes (see the notes of issue 9): a new question or one that was
# not in order shows its steps, and the user opens the app to check; one that was in order last
# time is shown in one line and mostly confirmed from memory.
SECONDS_NEW = 60
SECONDS_IN_ORDER = 15


@dataclass(frozen=True)
class Unfinished:
    """An audit that was paused and can be carried on with."""

    audit: Audit
    missing: int  # its questions that come from a checklist that is not loaded now


def unfinished(store: Store, content: Content) -> Unfinished | None:
    """The paused audit to offer; one that was left without any answer is dropped at once."""
    open_one = store.open_audit()
    if open_one is None:
        return None
    if not open_one.answers:
        store.discard_empty(open_one.id)  # started and left at once: nothing worth resuming
        return None
    missing = sum(1 for item_id in open_one.remaining() if content.item(item_id) is None)
    return Unfinished(open_one, missing)


def abandon(store: Store, audit: Audit) -> None:
    """The user starts afresh: the paused audit stays in the history as stopped."""
    store.abandon(audit.id)


@dataclass(frozen=True)
class NewAudit:
    plan: list[str]
    scope: str  # "due", "all" or "section:<id>"
    early_until: date | None  # the monthly audit is only due on this day (None: it is due)


def new_audit(
    store: Store,
    content: Content,
    platforms: set[str] | None,
    today: date,
    *,
    everything: bool = False,
    section: str | None = None,
) -> NewAudit:
    """What a new audit would ask (an empty plan: nothing to ask)."""
    scope = "all" if everything else (f"section:{section}" if section else "due")
    audits, history = store.audits_and_history()
    due = logic.due(audits, today)
    early = due.next_due if scope == "due" and due.next_due and not due.is_due else None
    plan = logic.plan(content, platforms, history, today, everything=everything, section=section)
    return NewAudit(plan, scope, early)


def start(store: Store, content: Content, new: NewAudit, now: datetime) -> Audit:
    return store.start_audit(new.plan, new.scope, content.versions(), now)


@dataclass(frozen=True)
class Question:
    """One item still to ask, with what the card shows about it."""

    section: Checklist
    item: Item  # the variant that fits the organisation's rules
    position: int
    total: int
    previous: AnswerRecord | None  # the last answer in an earlier audit
    action: Action | None  # the open action point, if it is one

    @property
    def in_order(self) -> bool:
        """Answered 'yes' last time and not an open action point: the card can be short."""
        return (
            self.action is None and self.previous is not None and self.previous.answer == Answer.JA
        )


def questions(
    content: Content,
    history: Sequence[AnswerRecord],
    current: Audit,
    facts: dict[str, str] | None,
) -> list[Question]:
    """The questions of `current` that are not answered yet, in order (skipping unloaded items)."""
    plan = [i for i in current.plan if content.item(i) is not None]
    actions = {a.item_id: a for a in logic.open_actions(history)}
    last = logic.latest(r for r in history if r.audit_id != current.id)
    result = []
    for position, item_id in enumerate(plan, 1):
        if item_id in current.answers:
            continue
        found = content.item(item_id)
        assert found is not None
        sec, general = found
        result.append(
            Question(
                sec,
                general.for_rules(facts),
                position,
                len(plan),
                last.get(item_id),
                actions.get(item_id),
            )
        )
    return result


def minutes(asked: Sequence[Question]) -> int:
    """About how many minutes these questions take: whole minutes, and fives above ten."""
    seconds = sum(SECONDS_IN_ORDER if q.in_order else SECONDS_NEW for q in asked)
    result = max(1, math.ceil(seconds / 60))
    return result if result <= 10 else 5 * round(result / 5)


def answer(
    store: Store,
    current: Audit,
    question: Question,
    given: Answer,
    note: str,
    now: datetime,
    lang: str,
) -> None:
    """Save one answer at once, with the question as it was asked."""
    store.save_answer(
        current.id, question.item.id, given, note, question.item.question.get(lang), now
    )


def add_note(store: Store, current: Audit, question: Question, note: str) -> None:
    store.set_note(current.id, question.item.id, note)


@dataclass(frozen=True)
class Result:
    """What the end of an audit shows."""

    score: logic.Score
    changes: logic.Changes
    actions: list[Action]
    trend: list[int | None]  # the score of every full audit, oldest first
    next_due: date | None
    today: date
    partial: bool  # one section only: it does not count as the monthly audit


def finish(
    store: Store,
    content: Content,
    platforms: set[str] | None,
    current: Audit,
    now: datetime,
) -> Result:
    """Close the audit with its score and say what changed since the previous one."""
    today = now.date()
    audits, history = store.audits_and_history()
    only = {item.id for item in logic.applicable(content, platforms)}
    score = logic.score(content, platforms, history)
    previous = logic.due([a for a in audits if a.id != current.id], today).last_done
    changes = logic.changes(history, previous, only, content=content)
    store.finish(current.id, now, score.percent, score.in_order, score.counted)
    audits = store.audits()
    return Result(
        score,
        changes,
        logic.ordered_actions(content, history, only),
        [a.score for a in audits if logic.counts_as_full(a)],
        logic.due(audits, today).next_due,
        today,
        partial=current.scope not in ("due", "all"),
    )


def unfinished_counts(
    history: Sequence[AnswerRecord], unfinished: Audit | None, only: set[str] | None = None
) -> bool:
    """Whether the answers of the unfinished audit change the list of open action points
    (a new 'no', or a 'yes' that closed one): then a list of them says it includes those."""
    if unfinished is None:
        return False
    now = {a.item_id for a in logic.open_actions(history, only)}
    finished = [r for r in history if r.audit_id != unfinished.id]
    return now != {a.item_id for a in logic.open_actions(finished, only)}
