"""What to ask, what is open, the score and what changed: pure functions over the history."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import NamedTuple

from onlineveilig.content.data import Frequency, Item, Priority
from onlineveilig.content.loader import Content

from .model import Action, Answer, AnswerRecord, Audit, Status

SCORED = (Priority.ESSENTIAL, Priority.RECOMMENDED)
# After how many months an item answered in order is asked again (monthly ones: every audit;
# once: never, unless it was not in order).
COMES_BACK = {Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}

# The small results below are NamedTuples, not dataclasses: they are built at import, and
# `status` (run at login) should start fast (see bench/startup.py).


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the last day of that month (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def applicable(content: Content, platforms: set[str] | None) -> list[Item]:
    return [item for section, item in content.items() if section.applies(item, platforms)]


def latest(history: Iterable[AnswerRecord]) -> dict[str, AnswerRecord]:
    """The most recent answer per item."""
    result: dict[str, AnswerRecord] = {}
    for record in sorted(history, key=lambda r: r.answered_at):
        result[record.item_id] = record
    return result


def _last_settled(history: list[AnswerRecord]) -> dict[str, AnswerRecord]:
    """Per item the most recent answer that was not 'later'."""
    return latest(r for r in history if r.answer != Answer.LATER)


def open_actions(history: Iterable[AnswerRecord], only: set[str] | None = None) -> list[Action]:
    """Items answered 'nee' and not answered 'ja' or 'nvt' since, oldest first."""
    opened: dict[str, Action] = {}
    for record in sorted(history, key=lambda r: r.answered_at):
        if record.answer == Answer.NEE:
            earlier = opened.get(record.item_id)
            opened[record.item_id] = Action(
                record.item_id,
                earlier.since if earlier else record.answered_at.date(),
                record.note or (earlier.note if earlier else ""),
            )
        elif record.answer in (Answer.JA, Answer.NVT):
            opened.pop(record.item_id, None)
        elif record.item_id in opened and record.note:
            action = opened[record.item_id]
            opened[record.item_id] = Action(action.item_id, action.since, record.note)
    actions = [a for a in opened.values() if only is None or a.item_id in only]
    return sorted(actions, key=lambda a: (a.since, a.item_id))


def ordered_actions(
    content: Content, history: Iterable[AnswerRecord], only: set[str] | None = None
) -> list[Action]:
    """The open action points in the one order every list of them shows: priority (essential
    first, as Priority lists them), then the item's place in the checklist. Items the checklist
    no longer has come last, oldest first."""
    key = _action_order(content)
    return sorted(open_actions(history, only), key=lambda a: key(a.item_id))


def _action_order(content: Content) -> Callable[[str], tuple[int, int]]:
    """Sort key of an item id: its priority's rank, then its place in the checklist."""
    rank = {priority: n for n, priority in enumerate(Priority)}
    place = {
        item.id: (rank[item.priority], position)
        for position, (_section, item) in enumerate(content.items())
    }
    last = (len(rank), len(place))
    return lambda item_id: place.get(item_id, last)


def plan(
    content: Content,
    platforms: set[str] | None,
    history: list[AnswerRecord],
    today: date,
    *,
    everything: bool = False,
    section: str | None = None,
) -> list[str]:
    """The item ids this audit asks, in checklist order."""
    settled = _last_settled(history)
    last = latest(history)
    open_ids = {a.item_id for a in open_actions(history)}
    chosen = []
    for sec, item in content.items():
        if not sec.applies(item, platforms):
            continue
        if section is not None:
            if sec is content.section(section):  # its id or its English id
                chosen.append(item.id)
            continue
        if everything or _due(item, settled.get(item.id), last.get(item.id), open_ids, today):
            chosen.append(item.id)
    return chosen


def _due(
    item: Item,
    settled: AnswerRecord | None,
    last: AnswerRecord | None,
    open_ids: set[str],
    today: date,
) -> bool:
    if settled is None or item.id in open_ids or (last and last.answer == Answer.LATER):
        return True
    if item.frequency == Frequency.MONTHLY:
        return True
    returns = returns_on(item, settled)
    if returns is not None:
        return returns <= today
    return settled.answer not in (Answer.JA, Answer.NVT)


def returns_on(item: Item, settled: AnswerRecord) -> date | None:
    """The day an item asked every three months or once a year is asked again after this answer
    (None for the others: monthly ones are asked every audit, once ones not again)."""
    months = COMES_BACK.get(item.frequency)
    return None if months is None else add_months(settled.answered_at.date(), months)


class Returning(NamedTuple):
    """An item that was in order and comes back in an audit: when it was settled, when it returns."""

    item: Item
    settled: date
    returns: date


def coming_back(
    content: Content,
    platforms: set[str] | None,
    history: list[AnswerRecord],
    until: date,
) -> list[Returning]:
    """The items asked every three months or once a year that come back by `until` (the day of
    the next audit), soonest first: they were answered in order, so no action point shows them."""
    settled = _last_settled(history)
    last = latest(history)
    found = []
    for item in applicable(content, platforms):
        record = settled.get(item.id)
        if record is None or record.answer not in (Answer.JA, Answer.NVT):
            continue
        if last[item.id].answer == Answer.LATER:
            continue  # asked again anyway, as a point put off
        returns = returns_on(item, record)
        if returns is not None and returns <= until:
            found.append(Returning(item, record.answered_at.date(), returns))
    return sorted(found, key=lambda r: r.returns)


class Score(NamedTuple):
    """Share of the applicable essential and recommended items that are in order."""

    percent: int | None
    in_order: int
    counted: int
    not_applicable: int


def score(content: Content, platforms: set[str] | None, history: Iterable[AnswerRecord]) -> Score:
    last = latest(history)
    in_order = counted = skipped = 0
    for item in applicable(content, platforms):
        if item.priority not in SCORED:
            continue
        answer = last[item.id].answer if item.id in last else None
        if answer == Answer.NVT:
            skipped += 1
            continue
        counted += 1
        if answer == Answer.JA:
            in_order += 1
    percent = round(100 * in_order / counted) if counted else None
    return Score(percent, in_order, counted, skipped)


def before(history: Iterable[AnswerRecord], moment: datetime) -> list[AnswerRecord]:
    return [r for r in history if r.answered_at <= moment]


class Changes(NamedTuple):
    """What changed between the state after the previous audit and now."""

    resolved: list[str]  # were open action points, now in order
    new_actions: list[str]  # open action points that were not open before
    previous_score: int | None


def changes(
    history: list[AnswerRecord],
    previous: Audit | None,
    only: set[str] | None = None,
    *,
    content: Content | None = None,
) -> Changes:
    """With `content`, both lists come in the order of ordered_actions; else by id."""
    if previous is None or previous.finished_at is None:
        return Changes([], [], None)  # a first audit: everything open is shown as open
    earlier = {a.item_id for a in open_actions(before(history, previous.finished_at), only)}
    now = {a.item_id for a in open_actions(history, only)}
    order = _action_order(content) if content is not None else lambda _id: (0, 0)
    return Changes(
        sorted(earlier - now, key=lambda i: (order(i), i)),
        sorted(now - earlier, key=lambda i: (order(i), i)),
        previous.score,
    )


class Due(NamedTuple):
    last_done: Audit | None
    next_due: date | None  # None: never audited, due now
    days_left: int | None

    @property
    def is_due(self) -> bool:
        return self.days_left is None or self.days_left <= 0

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


def counts_as_full(audit: Audit) -> bool:
    """A finished audit of everything that was due (or of everything): not one section alone."""
    return audit.status == Status.DONE and audit.scope in ("due", "all")


def due(audits: list[Audit], today: date) -> Due:
    """When the next monthly audit is due: a month after the last full one (a section does not count)."""
    done = [a for a in audits if counts_as_full(a) and a.finished_at is not None]
    if not done:
        return Due(None, None, None)
    last = max(done, key=lambda a: a.finished_at or a.started_at)
    assert last.finished_at is not None
    next_due = add_months(last.finished_at.date(), 1)
    return Due(last, next_due, (next_due - today).days)
