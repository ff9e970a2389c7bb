"""What an incident export says: `build()` puts one incident into words for the supervisor, the
organisation's registration or the police, in the user's language and, where the advice differs
between Belgium and the Netherlands, by the organisation's country (both when it has none)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from onlineveilig.i18n import _
from onlineveilig.incidents.answers import moment_text as moment
from onlineveilig.incidents.answers import size_text as size
from onlineveilig.incidents.model import EvidenceKind, Incident
from onlineveilig.incidents.types import field_label
from onlineveilig.text import day

from .model import ChangeEntry, Export, Fact, FileEntry, Section, UrlEntry
from .words import stamp, when

if TYPE_CHECKING:
    from onlineveilig.content.rules import Rules

EXPORT_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Context:
    """What the export needs besides the incident; the command gathers it."""

    lang: str
    now: datetime
    generator: str
    type_label: Callable[[str], str] = str
    channel_label: Callable[[str], str] = str
    rules: Rules | None = None
    report_to: str = ""  # the rules file's [incidents] report_to, in the user's language
    report_within_days: int | None = None
    bundled: Mapping[int, str] = field(default_factory=dict)  # evidence id -> name in the bundle


def _lines(value: str) -> list[str]:
    return [line for line in (x.strip() for x in value.splitlines()) if line]


def _facts(incident: Incident, ctx: Context) -> list[Fact]:
    not_yet = _("not yet")
    facts = [
        Fact(_("When"), [when(incident.started, incident.ended) or _("not given")]),
        Fact(field_label("channel"), [ctx.channel_label(incident.channel) or _("not given")]),
        Fact(
            field_label("types"),
            [", ".join(ctx.type_label(t) for t in incident.types) or _("not given")],
        ),
        Fact(field_label("description"), _lines(incident.description) or [_("not given")]),
        Fact(field_label("who"), _lines(incident.who) or [_("not given")]),
        Fact(field_label("actions"), _lines(incident.actions) or [_("not given")]),
        Fact(field_label("reported_to"), _lines(incident.reported_to) or [not_yet]),
        Fact(field_label("reported_at"), [moment(incident.reported_at) or not_yet]),
        Fact(field_label("followed_up_at"), [moment(incident.followed_up_at) or not_yet]),
        Fact(field_label("support"), _lines(incident.support) or [_("not given")]),
    ]
    return facts


def _evidence(incident: Incident, ctx: Context) -> tuple[list[FileEntry], list[UrlEntry]]:
    files: list[FileEntry] = []
    urls: list[UrlEntry] = []
    for ev in incident.evidence:
        if ev.kind == EvidenceKind.FILE:
            files.append(
                FileEntry(
                    ev.original_name,
                    size(ev.size),
                    ev.sha256,
                    stamp(ev.added_at),
                    ev.note,
                    ctx.bundled.get(ev.id, ""),
                )
            )
        else:
            seen = stamp(ev.seen_at) if ev.seen_at else _("not given")
            urls.append(UrlEntry(ev.url, seen, stamp(ev.added_at), ev.note))
    return files, urls


def _start(incident: Incident) -> date | None:
    try:
        return date.fromisoformat(incident.started.strip()[:10])
    except ValueError:
        return None


def _organisation(incident: Incident, ctx: Context) -> Section:
    lines: list[str] = []
    if incident.reported:
        who, on = incident.reported_to.strip(), moment(incident.reported_at)
        if who and on:
            lines.append(_("Reported to %(who)s on %(date)s.") % {"who": who, "date": on})
        elif who:
            lines.append(_("Reported to %(who)s.") % {"who": who})
        else:
            lines.append(_("Reported on %(date)s.") % {"date": on})
    if ctx.report_to and not incident.reported:
        lines.append(_("Report an incident to: %(who)s.") % {"who": ctx.report_to.rstrip(".")})
    elif not incident.reported and (ctx.rules is None or not ctx.rules.contacts):
        lines.append(
            _(
                "Your organisation's rules do not say to whom you report an incident: "
                "ask your supervisor or team leader."
            )
        )
    if ctx.report_within_days and not incident.reported:  # a deadline only while it is due
        line = _("Report it within %(n)d days.") % {"n": ctx.report_within_days}
        start = _start(incident)
        if start is not None:
            line = _("Report it within %(n)d days, that is by %(date)s.") % {
                "n": ctx.report_within_days,
                "date": day(start + timedelta(days=ctx.report_within_days)),
            }
        lines.append(line)
    rules = ctx.rules
    if rules is not None:
        if rules.when_crossed and rules.when_crossed.contact:
            contact = rules.when_crossed.contact.get(ctx.lang).rstrip(".")
            lines.append(_("Questions about a crossed boundary: %(who)s.") % {"who": contact})
        for person in rules.contacts:
            parts = [f"{person.name} ({person.role.get(ctx.lang)})"]
            parts += [p for p in (person.phone, person.email) if p]
            text = " — ".join(parts)
            if person.when:
                text += ". " + person.when.get(ctx.lang)
            lines.append(text)
    return Section(_("What your organisation asks"), lines)


def _advice(ctx: Context) -> Section:
    country = ctx.rules.organisation.country if ctx.rules is not None else None
    lines = [
        _(
            "What happened is not your fault. Talk about it with your supervisor or team "
            "leader, as soon as you can; you do not have to carry this alone."
        ),
        _(
            "Get support: from a colleague, a confidential adviser or victim support. "
            "'onlineveilig hulp' shows where you can go."
        ),
        _(
            "Keep the evidence as it is: do not delete the messages or the profile. This file "
            "lists what you kept and its fingerprints (SHA-256), so anyone can check that "
            "nothing was changed."
        ),
    ]
    if country in (None, "be"):
        lines.append(
            _(
                "In Belgium: consider making a complaint at your local police. Police on Web is "
                "only for small offences, not for threats or harassment. Bring this file and the "
                "evidence. Victim support at the CAW helps you, also without a complaint."
            )
        )
    if country in (None, "nl"):
        lines.append(
            _(
                "In the Netherlands: consider reporting it to the police (aangifte): call "
                "0900-8844 to report it by phone or to make an appointment. Reporting online is "
                "only for theft, vandalism and internet fraud. Slachtofferhulp Nederland "
                "(0900-0101) helps you, also without a report."
            )
        )
    if country == "be":
        lines.append(_("In danger right now? Call 101 (police) or 112 (ambulance, fire brigade)."))
    elif country == "nl":
        lines.append(_("In danger right now? Call 112."))
    else:
        lines.append(_("In danger right now? Call 112 (in Belgium also 101 for the police)."))
    return Section(_("What you can do next"), lines)


def _withheld(field: str, old: str) -> bool:
    """An earlier 'who' that looks like someone's full name: the user was asked to replace it."""
    from onlineveilig.incidents.answers import looks_like_full_name

    return field == "who" and looks_like_full_name(old)


def _changes(incident: Incident, ctx: Context) -> list[ChangeEntry]:
    """The record's history in words. An earlier 'who' that looks like a full name is never
    passed on: the tool asked the user to replace it by a role or pseudonym."""
    from onlineveilig.incidents.types import change_value

    entries = []
    for c in incident.history:
        old = change_value(c.field, c.old, ctx.rules)
        new = change_value(c.field, c.new, ctx.rules)
        hidden = _("(not shown: an earlier name is not passed on)")
        if _withheld(c.field, c.old):
            old = hidden
        if _withheld(c.field, c.new) and c.new != incident.who:
            new = hidden
        entries.append(ChangeEntry(field_label(c.field), old, new, stamp(c.changed_at)))
    return entries


def _data(incident: Incident, ctx: Context, export: Export) -> dict[str, Any]:
    """The record as the JSON file holds it: the facts as typed, ISO times, hashes."""
    record = asdict(incident)
    record["status"] = str(incident.status)
    record["created_at"] = incident.created_at.isoformat()
    record["types"] = list(incident.types)
    record["type_labels"] = [ctx.type_label(t) for t in incident.types]
    evidence = []
    for ev in incident.evidence:
        item: dict[str, Any] = {"kind": str(ev.kind), "added_at": ev.added_at.isoformat()}
        if ev.kind == EvidenceKind.FILE:
            item |= {"name": ev.original_name, "size": ev.size, "sha256": ev.sha256}
            if ev.id in ctx.bundled:
                item["in_bundle"] = ctx.bundled[ev.id]
        else:
            item |= {"url": ev.url, "seen_at": ev.seen_at.isoformat() if ev.seen_at else None}
        item["note"] = ev.note
        evidence.append(item)
    record["evidence"] = evidence
    record["history"] = [
        {
            "field": c.field,
            # An earlier 'who' that looks like a full name is never passed on (see _changes).
            "old": None if _withheld(c.field, c.old) else c.old,
            "new": None if _withheld(c.field, c.new) and c.new != incident.who else c.new,
            "changed_at": c.changed_at.isoformat(),
        }
        for c in incident.history
    ]
    record.pop("asked", None)  # where `incident add` resumes: not part of the facts
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generator": ctx.generator,
        "language": ctx.lang,
        "created": ctx.now.isoformat(),
        "incident": record,
        "organisation": {
            "name": export.organisation or None,
            "report_to": ctx.report_to or None,
            "report_within_days": ctx.report_within_days,
            "steps": export.organisation_steps.lines,
        },
        "advice": export.advice.lines,
    }


def build(incident: Incident, ctx: Context) -> Export:
    files, urls = _evidence(incident, ctx)
    organisation = ctx.rules.organisation.name if ctx.rules is not None else ""
    labels = {
        "facts": _("The facts"),
        "evidence": _("Evidence"),
        "files": _("Files"),
        "urls": _("Web addresses"),
        "no_evidence": _("No evidence was added."),
        "name": _("Name"),
        "size": _("Size"),
        "sha256": _("SHA-256"),
        "added": _("Added"),
        "seen": _("Seen"),
        "note": _("Note"),
        "bundled": _("In the bundle as"),
        "url": _("Address"),
        "changes": _("Changes to this record"),
        "no_changes": _("Nothing was changed after it was saved."),
        "field": _("Field"),
        "old": _("Earlier"),
        "new": _("Now"),
        "changed": _("Changed"),
    }
    export = Export(
        lang=ctx.lang,
        title=_("Incident report"),
        subtitle=_("Incident %(n)d, written down on %(date)s")
        % {"n": incident.id, "date": stamp(incident.created_at)},
        organisation=organisation,
        facts=_facts(incident, ctx),
        files=files,
        urls=urls,
        changes=_changes(incident, ctx),
        organisation_steps=_organisation(incident, ctx),
        advice=_advice(ctx),
        labels=labels,
        footer=_("Made on %(date)s with %(generator)s.")
        % {"date": stamp(ctx.now), "generator": ctx.generator},
    )
    return replace(export, data=_data(incident, ctx, export))
