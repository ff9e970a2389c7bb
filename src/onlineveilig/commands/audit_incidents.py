"""The audit knows the incidents: at its start it names the open ones (not reported yet, or
reported and not followed up) and asks about each, in a line or two. An answer is saved at once
through the incident store (its history keeps the earlier value); "later" changes nothing."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from onlineveilig import clock
from onlineveilig.i18n import _, ngettext
from onlineveilig.incidents.answers import moment_text as moment
from onlineveilig.incidents.model import Incident
from onlineveilig.store.repo import Store
from onlineveilig.ui import prompts
from onlineveilig.ui.safe import clean

if TYPE_CHECKING:
    from onlineveilig.commands.incident.questions import Context

ASKED = 3  # at most this many at the start of an audit; the rest are counted


def _when(incident: Incident) -> str:
    """When it happened, made inert: a moment that could not be read is shown as typed."""
    return clean(moment(incident.started) or moment(incident.created_at.date().isoformat()))


def ask(out: Console, store: Store) -> None:
    """Ask about the open incidents; Ctrl-C or stop raise prompts.Paused as every question does."""
    repo = store.incidents
    waiting = [i for i in repo.all() if i.open]
    if not waiting:
        return
    from onlineveilig.commands.incident.shared import context

    ctx = context(out, store, None)
    out.print()
    for incident in waiting[:ASKED]:
        _ask_one(out, store, incident, _about(incident, ctx))
    rest = len(waiting) - ASKED
    if rest > 0:
        out.print(
            Text(
                ngettext(
                    "%(n)d more incident is still open: see onlineveilig incident list.",
                    "%(n)d more incidents are still open: see onlineveilig incident list.",
                    rest,
                )
                % {"n": rest},
                style="yellow",
            )
        )


def remind(out: Console, store: Store) -> None:
    """At the end of the audit: incidents still open (not reported, or not followed up)."""
    waiting = sum(1 for i in store.incidents.all() if i.open)
    if waiting:
        out.print(
            Text(
                ngettext(
                    "%(n)d incident is still open (not reported or not followed up yet): see "
                    "onlineveilig incident list.",
                    "%(n)d incidents are still open (not reported or not followed up yet): see "
                    "onlineveilig incident list.",
                    waiting,
                )
                % {"n": waiting},
                style="yellow",
            )
        )


def _about(incident: Incident, ctx: Context) -> str:
    """'WhatsApp; Threats': enough to tell one incident from another, made inert."""
    from onlineveilig.commands.incident.shared import shown

    parts = [shown("channel", incident, ctx), shown("types", incident, ctx)]
    return clean("; ".join(p for p in parts if p))


def _ask_one(out: Console, store: Store, incident: Incident, about: str = "") -> None:
    now = clock.now()
    today = now.date().isoformat()
    when = _when(incident) + (f" ({about})" if about else "")
    facts = {"n": incident.id, "when": when}
    if not incident.reported:
        question = _("Incident %(n)d of %(when)s is not reported yet.") % facts
        choice = prompts.choose(
            out,
            question,
            [
                ("now", _("I have reported it (today)")),
                ("later", _("Later: ask me again next time")),
                ("not-needed", _("No report is needed")),
            ],
            default=1,
        )
        if choice == "now":
            who = prompts.line(out, _("To whom? (for example: my team leader; Enter: skip) "))
            _save(store, incident, "reported_at", today, now)
            if who:
                _save(store, incident, "reported_to", who, now)
            out.print(Text(_("Saved: reported on %(date)s.") % {"date": moment(today)}))
        elif choice == "not-needed":
            _save(store, incident, "reported_to", _("no report needed"), now)
            _save(store, incident, "followed_up_at", today, now)
            out.print(Text(_("Saved: no report needed. It no longer counts as open.")))
        return
    question = _("Incident %(n)d of %(when)s is reported, but not followed up yet.") % facts
    choice = prompts.choose(
        out,
        question,
        [
            ("done", _("It has been followed up (today)")),
            ("later", _("Not yet: ask me again next time")),
            ("not-needed", _("No follow-up is needed")),
        ],
        default=1,
    )
    if choice in ("done", "not-needed"):
        _save(store, incident, "followed_up_at", today, now)
        out.print(Text(_("Saved: followed up on %(date)s.") % {"date": moment(today)}))


def _save(store: Store, incident: Incident, field: str, value: str, now: datetime) -> None:
    store.incidents.set(incident.id, field, value, now)
