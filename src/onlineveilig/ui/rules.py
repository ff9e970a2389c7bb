"""How the organisation's rules look in the terminal (afspraken show, afspraken init, hulp).

Everything that comes from the rules file is untrusted and goes through ui.safe.text().
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from onlineveilig.content import rules as org
from onlineveilig.content.models import Text as Texts
from onlineveilig.i18n import _, language
from onlineveilig.sheet import detail_label
from onlineveilig.ui import format as fmt
from onlineveilig.ui.cards import hanging
from onlineveilig.ui.safe import text


def phone_label(rule: org.PhoneRule) -> str:
    return {
        org.PhoneRule.WORK_PHONE: _("only on the work phone"),
        org.PhoneRule.NOT_ALLOWED: _("not allowed"),
    }[rule]


def whatsapp_label(rule: org.WhatsAppRule) -> str:
    return {
        org.WhatsAppRule.WORK_PHONE: _("only on the work phone"),
        org.WhatsAppRule.NOT_ALLOWED: _("not allowed"),
        org.WhatsAppRule.ALLOWED: _("allowed, also on a private phone"),
    }[rule]


def email_label(rule: org.EmailRule) -> str:
    return {
        org.EmailRule.WORK_ADDRESS: _("only from the work address"),
        org.EmailRule.NOT_ALLOWED: _("not allowed"),
    }[rule]


def outside_label(rule: org.OutsideHours) -> str:
    return {
        org.OutsideHours.NOT_REACHABLE: _("not reachable"),
        org.OutsideHours.ON_CALL: _("an on-call service takes emergencies"),
    }[rule]


def recording_label(rule: org.RecordingRule) -> str:
    return {
        org.RecordingRule.NOT_ALLOWED: _("not allowed"),
        org.RecordingRule.WITH_CONSENT: _("only if everyone agrees beforehand"),
        org.RecordingRule.ALLOWED: _("allowed"),
    }[rule]


def requests_label(rule: org.RequestRule) -> str:
    return {
        org.RequestRule.NEVER: _("never accept or send them, not even after the care has ended"),
        org.RequestRule.NOT_DURING_CARE: _("not while the care lasts"),
        org.RequestRule.ASK_FIRST: _("only after talking it over with your manager"),
    }[rule]


def share_label(rule: org.Share) -> str:
    return {
        org.Share.SHARE: _("may be shared"),
        org.Share.NEVER: _("never share"),
        org.Share.ASK_FIRST: _("only after checking with the team"),
    }[rule]


_LABELS: dict[type[StrEnum], Callable[[Any], str]] = {
    org.PhoneRule: phone_label,
    org.WhatsAppRule: whatsapp_label,
    org.EmailRule: email_label,
    org.OutsideHours: outside_label,
    org.RecordingRule: recording_label,
    org.RequestRule: requests_label,
    org.Share: share_label,
}


def choices(rule: type[StrEnum]) -> list[tuple[str, str]]:
    """(value, label) for every value of a rule, in the file's order: the options of a question."""
    label = _LABELS[rule]
    return [(member.value, label(member)) for member in rule]


SHARE_STYLE = {org.Share.SHARE: "green", org.Share.NEVER: "red", org.Share.ASK_FIRST: "yellow"}


def _table(title: str) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, expand=False)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(overflow="fold")
    return table


def _with_note(value: str, note: Text | None) -> Text:
    line = Text(value)
    if note is not None:
        line.append("\n")
        line.append_text(note)
    return line


def rules_view(rules: org.Rules) -> list[RenderableType]:
    """The whole file as tables, in the order a worker goes through it with a client."""
    lang = language()
    org = rules.organisation
    parts: list[RenderableType] = []
    head = Text.assemble((_("Rules of "), "bold"), text(org.name, "bold cyan"))
    parts.append(head)
    about: list[str] = []
    if org.country:
        about.append(_("Belgium") if org.country == "be" else _("the Netherlands"))
    if org.updated:
        about.append(_("updated %(date)s") % {"date": fmt.day(org.updated)})
    line = Text(" · ".join(about), style="dim")
    if org.website:
        line.append(" · " if about else "", style="dim")
        line.append_text(text(org.website, "dim underline"))
    if line.plain:
        parts.append(line)
    if org.intro:
        parts.append(text(org.intro.get(lang), "italic"))

    def note(value: Texts | None) -> Text | None:
        return text(value.get(lang), "dim") if value is not None else None

    if rules.channels:
        ch = rules.channels
        table = _table(_("Contact with clients and their network"))
        if ch.phone:
            table.add_row(_("Calls and text messages"), phone_label(ch.phone))
        if ch.whatsapp:
            table.add_row("WhatsApp", whatsapp_label(ch.whatsapp))
        if ch.email:
            table.add_row(_("E-mail"), email_label(ch.email))
        if ch.portal:
            portal = text(ch.portal.name)
            if ch.portal.url:
                portal.append(" ")
                portal.append_text(text(ch.portal.url, "underline"))
            table.add_row(_("Client portal"), portal)
        if ch.note:
            table.add_row(_("Note"), text(ch.note.get(lang)))
        parts.append(table)
    if rules.hours:
        hours = rules.hours
        table = _table(_("Hours"))
        if hours.reachable:
            table.add_row(_("Reachable"), text(hours.reachable.get(lang)))
        if hours.reply_within:
            table.add_row(_("Answer"), text(hours.reply_within.get(lang)))
        if hours.outside_hours:
            table.add_row(_("Outside those hours"), outside_label(hours.outside_hours))
        if hours.emergency:
            table.add_row(_("Emergency"), text(hours.emergency.get(lang)))
        if hours.note:
            table.add_row(_("Note"), text(hours.note.get(lang)))
        parts.append(table)
    if rules.recording or rules.friend_requests:
        table = _table(_("Recording and social media"))
        if rules.recording:
            table.add_row(
                _("Recording conversations"),
                _with_note(recording_label(rules.recording.rule), note(rules.recording.note)),
            )
        if rules.friend_requests:
            table.add_row(
                _("Friend and follow requests"),
                _with_note(
                    requests_label(rules.friend_requests.rule), note(rules.friend_requests.note)
                ),
            )
        parts.append(table)
    if rules.contact_details:
        table = _table(_("Work and private contact details"))
        for name, rule in rules.contact_details.rules().items():
            table.add_row(detail_label(name), Text(share_label(rule), style=SHARE_STYLE[rule]))
        if rules.contact_details.note:
            table.add_row(_("Note"), text(rules.contact_details.note.get(lang)))
        parts.append(table)
    if rules.when_crossed:
        parts.append(_crossed(rules.when_crossed, lang))
    if rules.contacts:
        parts.append(contacts_view(rules.contacts))
    missing = [
        label
        for value, label in (
            (rules.channels, _("channels")),
            (rules.hours, _("hours")),
            (rules.recording, _("recording")),
            (rules.friend_requests, _("friend requests")),
            (rules.contact_details, _("contact details")),
            (rules.when_crossed, _("steps when a boundary is crossed")),
            (rules.contacts or None, _("help contacts")),
        )
        if value is None
    ]
    if missing:
        parts.append(
            Text(
                _("Not in this file: %(parts)s. The audit asks about these in general terms.")
                % {"parts": ", ".join(missing)},
                style="dim",
            )
        )
    return parts


def _crossed(crossed: org.WhenCrossed, lang: str) -> RenderableType:
    """The steps, numbered; a step that wraps stays under its own text (also at 80 columns)."""
    parts: list[RenderableType] = [Text(_("When someone crosses a boundary"), style="bold")]
    for n, step in enumerate(crossed.steps.get(lang), 1):
        parts.append(hanging(f"{n}.", [text(step)]))
    if crossed.contact:
        contact = Text(_("Contact person: "))
        contact.append_text(text(crossed.contact.get(lang)))
        parts.append(Padding(contact, (0, 0, 0, 2), expand=False))
    return Group(*parts)


def contacts_view(contacts: list[org.Contact], title: str | None = None) -> RenderableType:
    """The contacts as short blocks (they stay readable in a narrow terminal)."""
    lang = language()
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", width=4, no_wrap=True)
    grid.add_column()
    for contact in contacts:
        parts: list[RenderableType] = [
            Text.assemble(text(contact.name, "bold"), " — ", text(contact.role.get(lang)))
        ]
        reach = [x for x in (contact.phone, contact.email) if x]
        if reach:
            shown = text("  ·  ".join(reach), "bold green")
            shown.overflow = "fold"  # an address is never cut off
            parts.append(shown)
        if contact.when:
            parts.append(text(contact.when.get(lang), "dim"))
        grid.add_row(Text("•", style="bold"), Group(*parts))
    heading = Text(title or _("Your organisation's help contacts"), style="bold")
    return Group(heading, grid)
