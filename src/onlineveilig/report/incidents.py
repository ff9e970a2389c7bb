"""What a report says of the incidents (onlineveilig incident): counts only; the facts of one
incident only when the user asks for it with --with-incident N, and never its evidence files."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from onlineveilig.incidents.model import EvidenceKind, Incident, Status

from .model import IncidentFacts, IncidentsSummary


def incidents_summary(
    incidents: Sequence[Incident], shared: IncidentFacts | None = None
) -> IncidentsSummary | None:
    saved = [i for i in incidents if i.status == Status.SAVED]
    if not saved:
        return None
    return IncidentsSummary(
        total=len(saved),
        open=sum(1 for i in saved if i.open),
        not_reported=sum(1 for i in saved if not i.reported),
        reported=sum(1 for i in saved if i.reported),
        followed_up=sum(1 for i in saved if i.followed_up),
        shared=shared,
    )


def incident_facts(
    incident: Incident, type_label: Callable[[str], str], channel_label: Callable[[str], str]
) -> IncidentFacts:
    return IncidentFacts(
        number=incident.id,
        started=incident.started,
        ended=incident.ended,
        channel=channel_label(incident.channel),
        types=[type_label(t) for t in incident.types],
        description=incident.description,
        who=incident.who,
        actions=incident.actions,
        reported_to=incident.reported_to,
        reported_at=incident.reported_at,
        followed_up_at=incident.followed_up_at,
        support=incident.support,
        evidence_files=sum(1 for e in incident.evidence if e.kind == EvidenceKind.FILE),
        evidence_urls=sum(1 for e in incident.evidence if e.kind == EvidenceKind.URL),
    )
