"""`onlineveilig incident add`: write down what happened, one question at a time.

Every answer is saved the moment it is given, so Ctrl-C, 'stop' or a closed window loses nothing;
the next `incident add` offers to go on with the draft.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from onlineveilig import clock
from onlineveilig.commands.common import fail_with, open_store
from onlineveilig.commands.incident.questions import ASK, Context
from onlineveilig.commands.incident.shared import context, shown
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.incidents import types
from onlineveilig.incidents.model import FIELDS, Incident
from onlineveilig.store.incidents import IncidentRepo
from onlineveilig.ui import console, prompts
from onlineveilig.ui.safe import text


def run_add(rules_path: Path | None) -> None:
    out = console.out()
    with open_store() as store:
        ctx = context(out, store, rules_path)
        try:
            _add(ctx, store.incidents)
        except OnlineveiligError as error:
            fail_with(error)


def _summary(ctx: Context, draft: Incident) -> None:
    for field in FIELDS:
        if field in draft.asked:
            value = shown(field, draft, ctx) or "-"
            ctx.out.print(text(f"  {types.field_label(field)}: {value}"))


def _resume_or_new(ctx: Context, repo: IncidentRepo) -> None:
    """With a draft waiting: go on with it, or keep it as it is, or delete it, and start anew."""
    draft = repo.draft()
    if draft is None or not draft.asked:
        return
    ctx.out.print(Text(_("You started writing down an incident earlier:"), style="bold"))
    _summary(ctx, draft)
    choice = prompts.choose(
        ctx.out,
        _("What would you like to do?"),
        [
            ("resume", _("Go on where you stopped")),
            ("keep", _("Keep it as it is, and write down a new incident")),
            ("discard", _("Delete it, and start again")),
        ],
    )
    if choice == "keep":
        repo.finish(draft.id)
        ctx.out.print(
            _("Incident %(n)d is kept; 'onlineveilig incident edit %(n)d' adds what is missing.")
            % {"n": draft.id}
        )
    elif choice == "discard":
        repo.discard_draft()
        ctx.out.print(_("The earlier answers are deleted."))


def _add(ctx: Context, repo: IncidentRepo) -> None:
    out = ctx.out
    try:
        _resume_or_new(ctx, repo)
        resumed = repo.draft() is not None
        n = repo.start(clock.now())
        if not resumed:
            out.print(Text(_("Writing down what happened"), style="bold"))
            out.print(
                _(
                    "It is good that you write this down: it helps you and your organisation. "
                    "Answer what you can; Enter skips a question. Each answer is saved at once, "
                    "and 'stop' pauses: you can go on later."
                )
            )
        while True:
            draft = repo.draft()
            if draft is None:  # finished or deleted in another window
                break
            field = next((f for f in FIELDS if f not in draft.asked), None)
            if field is None:
                break
            repo.set(n, field, ASK[field](ctx, draft, False), clock.now())
    except prompts.Paused:
        out.print()
        out.print(Text(_("Paused. Your answers so far are saved."), style="bold"))
        out.print(_("Run 'onlineveilig incident add' again to go on where you stopped."))
        raise typer.Exit(int(ExitCode.CANCELLED)) from None
    repo.finish(n)
    out.print()
    out.print(Text(_("Incident %(n)d is saved.") % {"n": n}, style="bold green"))
    out.print(
        _(
            "To keep a screenshot or an exported chat with it: onlineveilig incident evidence %(n)d "
            "<path to the file>"
        )
        % {"n": n}
    )
    out.print(_("Take care of yourself too: 'onlineveilig hulp' shows where you can turn."))
