"""What the incident sub-commands share: the question context, showing a field, finding a record."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from rich.console import Console

from onlineveilig import clock
from onlineveilig.commands.common import content, fail, fail_with, organisation_rules, platforms_of
from onlineveilig.commands.incident.questions import Context
from onlineveilig.errors import OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.incidents import types
from onlineveilig.incidents.answers import moment_text
from onlineveilig.incidents.model import Incident
from onlineveilig.store.incidents import IncidentRepo
from onlineveilig.store.repo import Store


def context(out: Console, store: Store, rules_path: Path | None) -> Context:
    try:
        found = organisation_rules(rules_path)
    except OnlineveiligError as error:
        fail_with(error)
    mine = platforms_of(store.profile()) or set()
    known = content().platforms
    ordered = sorted(known, key=lambda p: p.id not in mine)  # stable: the user's own first
    return Context(
        out=out,
        today=clock.today(),
        rules=found[1] if found else None,
        platforms=types.channels((p.id, p.name) for p in ordered),
    )


def shown(field: str, incident: Incident, ctx: Context) -> str:
    """A field's value as the user reads it."""
    if field == "types":
        return ", ".join(types.label(t, ctx.rules) for t in incident.types)
    value = getattr(incident, field)
    if field in types.DATE_FIELDS:
        return moment_text(value) if value else ""
    if field == "channel":
        return types.channel_label(value, ctx.platform_names)
    return str(value)


def no_such(n: int) -> NoReturn:
    fail(
        _("There is no incident %(n)d.") % {"n": n},
        _("'onlineveilig incident list' shows the numbers of your incidents."),
    )


def saved(repo: IncidentRepo, n: int) -> Incident:
    incident = repo.get(n)
    if incident is None:
        no_such(n)
    return incident
