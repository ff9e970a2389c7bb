"""From the history, the checklist and the user's choices to a Report. Pure: no I/O, no printing.

The audit logic (score, open action points, changes, latest answers, what applies) comes from
onlineveilig.audit.logic; this module only arranges its results as of the chosen audit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from onlineveilig.audit import logic
from onlineveilig.audit.model import Action, Answer, AnswerRecord, Audit, Status
from onlineveilig.content.loader import Content
from onlineveilig.content.models import Priority as ContentPriority
from onlineveilig.errors import OnlineveiligError
from onlineveilig.search.model import Diff as SearchDiff
from onlineveilig.search.model import Mark, Verdict
from onlineveilig.search.model import Run as SearchRun

from .model import (
    REPORT_SCHEMA_VERSION,
    Attention,
    AttentionKind,
    AuditInfo,
    Finding,
    ItemStatus,
    PreviousAudit,
    Priority,
    ProfilesSummary,
    Report,
    ReportItem,
    ReportSection,
    Score,
    ScorePoint,
    SearchSummary,
    Sharing,
)
from .profiles import shared_profiles

AGREEMENTS = "afspraken"  # the checklist section about agreements with clients
LONG_OPEN_DAYS = 60  # an action point open this long is worth a colleague's look


class ReportError(OnlineveiligError):
    """There is no audit to report on."""

    def __init__(self, kind: str, number: int | None = None):
        super().__init__(f"{kind} {number or ''}".strip())
        self.kind = kind  # "no-audit", "unknown-audit", "unfinished-audit", "stopped-audit"
        self.number = number


@dataclass(frozen=True)
class Options:
    """What the user asked for. Notes and findings are in unless the report is for a colleague."""

    audit: int | None = None
    lang: str = "nl"
    for_colleague: bool = False
    with_notes: bool = False
    with_findings: bool = False
    with_name: bool = False

    def sharing(self) -> Sharing:
        return Sharing(
            for_colleague=self.for_colleague,
            name=self.with_name,
            notes=self.with_notes or not self.for_colleague,
            findings=self.with_findings or not self.for_colleague,
        )


def choose(audits: list[Audit], number: int | None) -> Audit:
    """The audit to report on: the given number, else the latest finished one."""
    if number is None:
        done = [a for a in audits if a.status == Status.DONE and a.finished_at is not None]
        if not done:
            raise ReportError("no-audit")
        return max(done, key=lambda a: a.finished_at or a.started_at)
    chosen = next((a for a in audits if a.id == number), None)
    if chosen is None:
        raise ReportError("unknown-audit", number)
    if chosen.status == Status.ABANDONED:
        raise ReportError("stopped-audit", number)
    if chosen.status != Status.DONE or chosen.finished_at is None:
        raise ReportError("unfinished-audit", number)
    return chosen


def build(
    audits: list[Audit],
    history: list[AnswerRecord],
    content: Content,
    *,
    platforms: set[str] | None,
    name: str | None,
    options: Options,
    now: datetime,
    generator: str,
    search: SearchSummary | None = None,
    profiles: ProfilesSummary | None = None,
) -> Report:
    chosen = choose(audits, options.audit)
    finished = chosen.finished_at
    assert finished is not None
    sharing = options.sharing()
    if search is None:
        # Nothing to share: the report says so instead of echoing the option.
        sharing = sharing.model_copy(update={"findings": False})
    day = finished.date()
    # Everything as it stood when the chosen audit was finished.
    known = logic.before(history, finished)
    earlier = [a for a in audits if a.finished_at is not None and a.finished_at < finished]
    previous = logic.due(earlier, day).last_done
    only = {item.id for item in logic.applicable(content, platforms)}
    score = logic.score(content, platforms, known)
    changes = logic.changes(known, previous, only)
    ordered = logic.ordered_actions(content, known, only)
    actions = {a.item_id: a for a in ordered}
    last = logic.latest(known)
    resolved, new = set(changes.resolved), set(changes.new_actions)

    def question(item_id: str) -> str:
        found = content.item(item_id)
        if found is not None:
            return found[1].question.get(options.lang)
        record = last.get(item_id)
        return record.question if record and record.question else item_id

    def report_item(item_id: str, priority: ContentPriority) -> ReportItem:
        record = last.get(item_id)
        action = actions.get(item_id)
        note = action.note if action else (record.note if record else "")
        return ReportItem(
            id=item_id,
            question=question(item_id),
            priority=Priority(priority.value),
            status=_status(record, action),
            answered_on=record.answered_at.date() if record else None,
            open_since=action.since if action else None,
            open_days=action.age_days(day) if action else None,
            new=item_id in new,
            resolved=item_id in resolved,
            note=(note or None) if sharing.notes else None,
        )

    sections: list[ReportSection] = []
    agreements: ReportSection | None = None
    for section in content.sections:
        items = [
            report_item(item.id, item.priority)
            for sec, item in content.items()
            if sec.id == section.id and item.id in only
        ]
        if not items:
            continue
        part = ReportSection(id=section.id, title=section.title.get(options.lang), items=items)
        if section.id == AGREEMENTS:
            agreements = part
        else:
            sections.append(part)

    done = sorted(
        (
            a
            for a in audits
            if a.status == Status.DONE and a.finished_at and a.finished_at <= finished
        ),
        key=lambda a: a.finished_at or a.started_at,
    )
    report_score = Score(
        percent=score.percent,
        in_order=score.in_order,
        counted=score.counted,
        not_applicable=score.not_applicable,
        previous=previous.score if previous else None,
    )
    every = [*sections, *([agreements] if agreements else [])]
    return Report(
        schema_version=REPORT_SCHEMA_VERSION,
        generator=generator,
        language="en" if options.lang == "en" else "nl",
        created=now,
        name=name if sharing.name and name else None,
        sharing=sharing,
        audit=AuditInfo(
            number=chosen.id,
            started=chosen.started_at,
            finished=finished,
            scope=chosen.scope,
            asked=len(chosen.plan),
            answered=chosen.answered,
        ),
        previous_audit=None
        if previous is None or previous.finished_at is None
        else PreviousAudit(number=previous.id, finished=previous.finished_at, score=previous.score),
        score=report_score,
        history=[
            ScorePoint(number=a.id, date=(a.finished_at or a.started_at).date(), score=a.score)
            for a in done
        ],
        sections=sections,
        agreements=agreements,
        attention=_attention(report_score, every, agreements, search),
        search=_shared_search(search, sharing),
        profiles=shared_profiles(profiles, sharing),
        open_actions=[a.item_id for a in ordered],
    )


def _status(record: AnswerRecord | None, action: Action | None) -> ItemStatus:
    if action is not None:
        return ItemStatus.OPEN
    if record is None:
        return ItemStatus.NOT_ASKED
    return {
        Answer.JA: ItemStatus.IN_ORDER,
        Answer.NVT: ItemStatus.NOT_APPLICABLE,
        Answer.LATER: ItemStatus.POSTPONED,
        # 'nee' without an open action point cannot happen; keep it visible if it ever does.
        Answer.NEE: ItemStatus.OPEN,
    }[record.answer]


def _attention(
    score: Score,
    sections: list[ReportSection],
    agreements: ReportSection | None,
    search: SearchSummary | None,
) -> list[Attention]:
    """What to discuss: a lower score, open agreements, long-open and new action points."""
    points: list[Attention] = []
    if score.previous is not None and score.percent is not None and score.percent < score.previous:
        points.append(
            Attention(kind=AttentionKind.SCORE_DOWN, before=score.previous, after=score.percent)
        )
    agreement_ids = {i.id for i in agreements.items} if agreements else set()
    items = [i for s in sections for i in s.items if i.status == ItemStatus.OPEN]
    for kind, chosen in (
        (AttentionKind.AGREEMENT_OPEN, [i for i in items if i.id in agreement_ids]),
        (
            AttentionKind.LONG_OPEN,
            sorted(
                (
                    i
                    for i in items
                    if i.id not in agreement_ids and (i.open_days or 0) >= LONG_OPEN_DAYS
                ),
                key=lambda i: -(i.open_days or 0),
            ),
        ),
        (
            AttentionKind.NEW_OPEN,
            [
                i
                for i in items
                if i.new and i.id not in agreement_ids and (i.open_days or 0) < LONG_OPEN_DAYS
            ],
        ),
    ):
        points += [
            Attention(kind=kind, item_id=i.id, question=i.question, days=i.open_days)
            for i in chosen
        ]
    if search is not None:
        open_findings = [f for f in search.actions if f.status != "done"]
        if open_findings:
            points.append(Attention(kind=AttentionKind.SEARCH_ACTION, after=len(open_findings)))
    return points


def _shared_search(search: SearchSummary | None, sharing: Sharing) -> SearchSummary | None:
    """Findings' addresses and snippets stay out unless the user shares them."""
    if search is None or sharing.findings:
        return search
    return search.model_copy(
        update={
            "actions": [f.model_copy(update={"url": None, "snippet": None}) for f in search.actions]
        }
    )


def search_summary(
    latest: SearchRun,
    diff: SearchDiff,
    marks: Mapping[str, Mark],
    first_seen: Mapping[str, datetime],
    category_titles: Mapping[str, str],
    action_labels: Mapping[str, str],
) -> SearchSummary:
    """What a report says of search-me: the last search, and what the user marked for action."""
    counts: dict[str, int] = {}
    for category_id, title in category_titles.items():
        n = sum(1 for f in latest.findings if f.category.value == category_id)
        if n:
            counts[title] = n
    actions = []
    for finding in latest.findings:
        mark = marks.get(finding.key)
        if mark is None or mark.verdict != Verdict.ACTION:
            continue
        seen = first_seen.get(finding.key, latest.started_at)
        actions.append(
            Finding(
                title=finding.title,
                category=category_titles.get(finding.category.value, finding.category.value),
                status="done" if mark.done_at else "open",
                action=action_labels.get(mark.action.value) if mark.action else None,
                first_seen=seen.date(),
                url=finding.url,
                snippet=finding.snippet or None,
            )
        )
    actions.sort(key=lambda f: (f.status == "done", f.first_seen))
    return SearchSummary(
        searched_on=latest.started_at.date(),
        counts=counts,
        new_since_previous=len(diff.new) if diff.previous else len(latest.findings),
        actions=actions,
    )
