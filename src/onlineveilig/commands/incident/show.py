"""`onlineveilig incident list` and `incident show N`. Everything the user typed is shown inert."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text

from onlineveilig.commands.common import fail_with, open_store, print_json
from onlineveilig.commands.incident.questions import Context
from onlineveilig.commands.incident.shared import context, saved, shown
from onlineveilig.errors import OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.incidents import types
from onlineveilig.incidents.answers import moment_text, size_text
from onlineveilig.incidents.model import FIELDS, EvidenceKind, Incident
from onlineveilig.ui import console
from onlineveilig.ui.safe import text


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _files(incident: Incident) -> int:
    return len(incident.evidence)


def run_list(as_json: bool, rules_path: Path | None) -> None:
    out = console.out()
    with open_store() as store:
        try:
            incidents = store.incidents.all()
            draft = store.incidents.draft()
        except OnlineveiligError as error:
            fail_with(error)
        ctx = context(out, store, rules_path)
    if as_json:
        print_json(
            [
                {
                    "number": i.id,
                    "started": i.started,
                    "ended": i.ended,
                    "channel": i.channel,
                    "types": list(i.types),
                    "reported": i.reported,
                    "followed_up": i.followed_up,
                    "evidence": _files(i),
                }
                for i in incidents
            ]
        )
        return
    if draft is not None and draft.asked:
        out.print(
            Text(
                _("One incident is not finished yet: 'onlineveilig incident add' goes on with it."),
                style="yellow",
            )
        )
    if not incidents:
        out.print(_("No incidents written down yet. 'onlineveilig incident add' starts one."))
        return
    table = Table(show_lines=False)
    for header in (
        _("No."),
        _("Date"),
        _("Channel"),
        _("What happened"),
        _("Reported"),
        _("Followed up"),
        _("Evidence"),
    ):
        table.add_column(header)
    for i in incidents:
        table.add_row(
            str(i.id),
            text(shown("started", i, ctx)),
            text(shown("channel", i, ctx)),
            text(shown("types", i, ctx)),
            _yes(i.reported),
            _yes(i.followed_up),
            str(_files(i)),
        )
    out.print(table)
    out.print(_("Everything about one incident: onlineveilig incident show <number>"), style="dim")


def _evidence_lines(ctx: Context, incident: Incident) -> None:
    out = ctx.out
    out.print()
    out.print(Text(_("Evidence"), style="bold"))
    if not incident.evidence:
        out.print(
            _("None yet: onlineveilig incident evidence %(n)d <path to the file>")
            % {"n": incident.id}
        )
    for ev in incident.evidence:
        added = moment_text(ev.added_at.isoformat(timespec="minutes"))
        if ev.kind == EvidenceKind.FILE:
            out.print(text(f"  • {ev.original_name}"))
            out.print(
                text(
                    "    "
                    + _("%(size)s, added %(when)s") % {"size": size_text(ev.size), "when": added}
                )
            )
            out.print(text(f"    SHA-256 {ev.sha256}"))
        else:
            seen = ""
            if ev.seen_at is not None:  # a day without a time was typed as that day's start
                whole_day = ev.seen_at.time() == ev.seen_at.time().min
                seen = moment_text(
                    ev.seen_at.date().isoformat()
                    if whole_day
                    else ev.seen_at.isoformat(timespec="minutes")
                )
            out.print(text(f"  • {ev.url}"))
            out.print(text("    " + _("seen %(when)s (not fetched)") % {"when": seen}))
        if ev.note:
            out.print(text("    " + _("Note: %(note)s") % {"note": ev.note}))


def _history_lines(ctx: Context, incident: Incident) -> None:
    if not incident.history:
        return
    ctx.out.print()
    ctx.out.print(Text(_("Changes"), style="bold"))
    for change in incident.history:
        when = moment_text(change.changed_at.isoformat(timespec="minutes"))
        label = types.field_label(change.field) if change.field in FIELDS else change.field
        old = types.change_value(change.field, change.old, ctx.rules)
        ctx.out.print(
            text(
                f"  {when}  {label}: " + _("was '%(old)s'") % {"old": old or "-"},
                keep_newlines=False,
            )
        )


def run_show(n: int, rules_path: Path | None) -> None:
    out = console.out()
    with open_store() as store:
        try:
            incident = saved(store.incidents, n)
        except OnlineveiligError as error:
            fail_with(error)
        ctx = context(out, store, rules_path)
    out.print(Text(_("Incident %(n)d") % {"n": n}, style="bold"))
    for field in FIELDS:
        value = shown(field, incident, ctx)
        if field == "reported_to" and not value:
            value = _("not yet")
        if value:
            out.print(Text(f"{types.field_label(field)}: ", style="bold"), end="")
            out.print(text(value, keep_newlines=True))
    _evidence_lines(ctx, incident)
    _history_lines(ctx, incident)
