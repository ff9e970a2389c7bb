"""`onlineveilig audit`: the guided monthly self-check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from onlineveilig import clock
from onlineveilig.audit import logic
from onlineveilig.audit.model import Answer, Audit, parse_answer
from onlineveilig.commands import help_for
from onlineveilig.commands.common import (
    checklist_option,
    fail,
    open_store,
    platforms_of,
    rules_facts,
)
from onlineveilig.commands.common import content as load
from onlineveilig.commands.onboarding import onboard
from onlineveilig.content.loader import Content
from onlineveilig.errors import ExitCode
from onlineveilig.i18n import _, language, ngettext
from onlineveilig.store.repo import Store
from onlineveilig.ui import cards, console, prompts
from onlineveilig.ui import format as fmt
from onlineveilig.ui.clicktext import Command
from onlineveilig.ui.safe import clean


class Paused(Exception):
    """The user typed 'stop', pressed Ctrl-C or closed the input: answers are already saved."""


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("audit"))
    def audit(
        everything: Annotated[
            bool, typer.Option("--all", help=_("Ask every item, not only what is due."))
        ] = False,
        section: Annotated[
            str | None,
            typer.Option("--section", metavar="ID", help=_("Ask the items of one section only.")),
        ] = None,
        checklist: Annotated[
            Path | None,
            checklist_option(),
        ] = None,
    ) -> None:
        run(everything, section, checklist)


def run(everything: bool, section: str | None, checklist: Path | None) -> None:
    out = console.out()
    data = load(checklist)
    if section is not None and data.section(section) is None:
        ids = ", ".join(s.id for s in data.sections)
        fail(
            _("There is no section %(id)s.") % {"id": section},
            _("Sections: %(ids)s") % {"ids": ids},
        )
    with open_store() as store:
        try:
            _run(out, store, data, everything, section)
        except Paused:
            current = store.open_audit()
            count = current.answered if current else 0
            out.print()
            if count:
                paused = ngettext(
                    "Paused. Your %(n)d answer is saved.",
                    "Paused. Your %(n)d answers are saved.",
                    count,
                ) % {"n": count}
            else:
                paused = _("Paused. You have not answered anything yet, so nothing is lost.")
            out.print(Text(paused, style="bold"))
            out.print(_("To carry on where you stopped, start the audit again: onlineveilig audit"))
            raise typer.Exit(int(ExitCode.CANCELLED)) from None


def _ask(out: Console, prompt: str) -> str:
    try:
        return prompts.raw(out, prompt)
    except prompts.Paused:
        raise Paused from None


def _run(out: Console, store: Store, data: Content, everything: bool, section: str | None) -> None:
    profile = store.profile()
    if platforms_of(profile) is None:
        try:
            onboard(out, store, data)
        except prompts.Paused:
            out.print()
            out.print(Text(_("Stopped. Nothing was saved yet."), style="bold"))
            raise typer.Exit(int(ExitCode.CANCELLED)) from None
        profile = store.profile()
    platforms = platforms_of(profile)
    facts = rules_facts()
    current = _resume_or_start(out, store, data, platforms, everything, section)
    if current is None:
        return
    history = store.history()
    today = clock.today()
    actions = {a.item_id: a for a in logic.open_actions(history)}
    plan = [i for i in current.plan if data.item(i) is not None]
    remaining = [i for i in plan if i not in current.answers]

    out.print(
        Panel(
            Text(
                ngettext("%(n)d question.", "%(n)d questions.", len(plan)) % {"n": len(plan)}
                + " "
                + _(
                    "Answer yes, no, n/a or later — a note may follow after a comma "
                    "(no, ask IT on Monday). Every answer is saved at once: type stop or press "
                    "Ctrl-C to pause, and carry on later."
                )
            ),
            title=_("Monthly self-check"),
            title_align="left",
        )
    )
    earlier = [a for a in actions.values() if a.item_id in remaining]
    if earlier:
        out.print(cards.actions_table(data, sorted(earlier, key=lambda a: a.since), today))

    last = logic.latest(r for r in history if r.audit_id != current.id)
    shown_section = None
    for item_id in remaining:
        found = data.item(item_id)
        assert found is not None
        sec, general = found
        item = general.for_rules(facts)
        if sec.id != shown_section:
            out.print()
            out.rule(cards.section_title(sec))
            shown_section = sec.id
        out.print()
        out.print(
            cards.item_card(
                sec,
                item,
                plan.index(item_id) + 1,
                len(plan),
                last.get(item_id),
                actions.get(item_id),
                today,
                _tool_hint(store) if item.tool == "search-me" else None,
            )
        )
        answer, note = _ask_answer(out)
        store.save_answer(
            current.id, item_id, answer, note, item.question.get(language()), clock.now()
        )
        if answer == Answer.NEE and not note:
            note = clean(_ask(out, _("Note (optional, Enter to skip): ")).strip())
            if note:
                store.set_note(current.id, item_id, note)
    _finish(out, store, data, platforms, current)


def _tool_hint(store: Store) -> Text:
    """Under 'search yourself': search-me does it, and what its last run found."""
    from onlineveilig.search import findings as fnd

    line = Text("  ⌕ ", style="cyan")
    line.append(_("onlineveilig search-me does this search for you"), style="cyan")
    latest = store.search.latest()
    if latest is None:
        line.append(" " + _("(you have not used it yet)."), style="dim")
        return line
    marks = store.search.marks()
    previous = store.search.previous(latest)
    diff = fnd.diff(previous, latest)
    open_actions = len(fnd.open_actions(latest.findings, marks))
    line.append(". ")
    line.append(
        _("Last search: %(date)s — %(results)s, %(new)d new, %(open)d to act on.")
        % {
            "date": fmt.day(latest.started_at.date()),
            "results": ngettext("%(n)d result", "%(n)d results", len(latest.findings))
            % {"n": len(latest.findings)},
            "new": len(diff.new) if previous else len(latest.findings),
            "open": open_actions,
        },
        style="dim",
    )
    return line


def _ask_answer(out: Console) -> tuple[Answer, str]:
    while True:
        raw = _ask(out, _("Answer (yes/no/n/a/later, ? for help, stop to pause): "))
        if raw.strip().lower() in ("stop", "pauze", "pause", "q", "quit"):
            raise Paused
        if raw.strip() in ("?", "help", "hulp"):
            out.print(
                _(
                    "yes: this is in order.  no: not yet — it becomes an action point.  "
                    "n/a: does not apply to you.  later: ask again next time.  "
                    "Add a note after a comma, e.g.: no, ask my team leader."
                )
            )
            continue
        parsed = parse_answer(raw)
        if parsed is not None:
            return parsed[0], clean(parsed[1])
        out.print(Text(_("Please answer yes, no, n/a or later."), style="yellow"))


def _resume_or_start(
    out: Console,
    store: Store,
    data: Content,
    platforms: set[str] | None,
    everything: bool,
    section: str | None,
) -> Audit | None:
    """The unfinished audit to carry on with, a new one, or None when there is nothing to ask."""
    open_one = store.open_audit()
    if open_one is not None and not open_one.answers:
        store.discard_empty(open_one.id)  # started and left at once: nothing worth resuming
        open_one = None
    if open_one is not None:
        out.print(
            Text(
                _("You have an unfinished audit from %(date)s: %(done)d of %(total)d answered.")
                % {
                    "date": fmt.day(open_one.started_at.date()),
                    "done": open_one.answered,
                    "total": len(open_one.plan),
                },
                style="bold",
            )
        )
        missing = [i for i in open_one.remaining() if data.item(i) is None]
        if missing:
            out.print(
                Text(
                    ngettext(
                        "%(n)d of its questions comes from a checklist that is not loaded now; "
                        "add --checklist FILE to ask it too.",
                        "%(n)d of its questions come from a checklist that is not loaded now; "
                        "add --checklist FILE to ask them too.",
                        len(missing),
                    )
                    % {"n": len(missing)},
                    style="yellow",
                )
            )
        try:
            carry_on = prompts.yes_no(out, _("Carry on with it? [yes/no] (yes): "), True)
        except prompts.Paused:
            raise Paused from None
        if carry_on:
            return open_one
        store.abandon(open_one.id)
        out.print(_("It stays in your history as stopped; a new audit starts."))
    scope = "all" if everything else (f"section:{section}" if section else "due")
    due = logic.due(store.audits(), clock.today())
    if scope == "due" and due.next_due is not None and not due.is_due:
        out.print(
            Text(
                _(
                    "Your next audit is only due on %(date)s. This one asks what comes back every "
                    "month and what is still open."
                )
                % {"date": fmt.day(due.next_due)},
                style="dim",
            )
        )
    plan = logic.plan(
        data, platforms, store.history(), clock.today(), everything=everything, section=section
    )
    if not plan:
        if section is not None:
            out.print(
                _(
                    "Nothing to ask in this section: it is about a platform you do not use. "
                    "Your platforms: onlineveilig config show"
                )
            )
        else:
            out.print(_("Nothing to ask right now."))
        return None
    return store.start_audit(plan, scope, data.versions(), clock.now())


def _finish(
    out: Console, store: Store, data: Content, platforms: set[str] | None, current: Audit
) -> None:
    history = store.history()
    only = {item.id for item in logic.applicable(data, platforms)}
    score = logic.score(data, platforms, history)
    today = clock.today()
    previous = logic.due([a for a in store.audits() if a.id != current.id], today).last_done
    changes = logic.changes(history, previous, only)
    now = clock.now()
    store.finish(current.id, now, score.percent, score.in_order, score.counted)
    audits = store.audits()
    trend = [a.score for a in audits if logic.counts_as_full(a)]
    actions = logic.open_actions(history, only)
    out.print()
    cards.print_summary(
        out,
        data,
        score,
        changes,
        actions,
        trend,
        logic.due(audits, today).next_due,
        now.date(),
        partial=current.scope not in ("due", "all"),
    )
