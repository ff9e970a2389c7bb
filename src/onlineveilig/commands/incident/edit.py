"""`onlineveilig incident edit N [FIELD]`: change one field; the earlier value stays in the history."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from onlineveilig import clock
from onlineveilig.commands.common import fail, fail_with, open_store
from onlineveilig.commands.incident.fields import field_names, field_of
from onlineveilig.commands.incident.questions import ASK, Context, Value
from onlineveilig.commands.incident.shared import context, saved, shown
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.incidents import types
from onlineveilig.incidents.model import FIELDS, Incident
from onlineveilig.ui import console, prompts


def run_edit(n: int, name: str | None, rules_path: Path | None) -> None:
    out = console.out()
    field = None
    if name is not None:
        field = field_of(name)
        if field is None:
            fail(
                _("There is no field '%(name)s'.") % {"name": name},
                _("The fields: %(names)s.") % {"names": ", ".join(field_names())},
            )
    with open_store() as store:
        repo = store.incidents
        try:
            incident = saved(repo, n)
            ctx = context(out, store, rules_path)
            if field is None:
                field = prompts.choose(
                    out,
                    _("Which part of incident %(n)d would you like to change?") % {"n": n},
                    [
                        (f, f"{types.field_label(f)}: {shown(f, incident, ctx) or '-'}")
                        for f in FIELDS
                    ],
                    default=None,
                )
            value = ask_in_order(ctx, incident, field)
            changed = repo.set(n, field, value, clock.now())
        except prompts.Paused:
            out.print()
            out.print(_("Nothing was changed."))
            raise typer.Exit(int(ExitCode.CANCELLED)) from None
        except OnlineveiligError as error:
            fail_with(error)
    if changed:
        out.print(
            Text(_("Changed. The earlier value is kept in the incident's history."), style="green")
        )
    else:
        out.print(_("Nothing changed."))


def ask_in_order(ctx: Context, incident: Incident, field: str) -> Value:
    """Ask a field again until the incident's dates still follow each other (as `add` checks)."""
    from onlineveilig.incidents.answers import date_order_problem

    said = {
        "ended": _("Then the last time would be before it started. Type another date."),
        "reported": _("Then it would be reported before it happened. Type another date."),
        "followed-up": _("Then it would be followed up before it was reported. Type another date."),
    }
    while True:
        value = ASK[field](ctx, incident, True)
        if field not in types.DATE_FIELDS or not isinstance(value, str):
            return value
        dates = {f: getattr(incident, f) for f in types.DATE_FIELDS} | {field: value}
        problem = date_order_problem(dates)
        if not problem:
            return value
        ctx.out.print(Text(said[problem], style="yellow"))
