"""`onlineveilig audit`: the guided monthly self-check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from onlineveilig import clock
from onlineveilig.audit import logic, session
from onlineveilig.audit.model import Answer, Audit, is_answer_word, parse_answer
from onlineveilig.commands import audit_incidents, help_for
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
    # The checklist and the rules file are read before anything is asked: a file that broke
    # since it was set is reported at once, not after the onboarding questions.
    data = load(checklist)
    facts = rules_facts()
    if section is not None and data.section(section) is None:
        ids = ", ".join(s.id for s in data.sections)
        fail(
            _("There is no section %(id)s.") % {"id": section},
            _("Sections: %(ids)s") % {"ids": ids},
        )
    with open_store() as store:
        try:
            _run(out, store, data, facts, everything, section)
        except prompts.Paused:
            current = store.open_audit()
            count = current.answered if current else 0
            out.print()
            if count:
                said = ngettext(
                    "Paused. Your %(n)d answer is saved.",
                    "Paused. Your %(n)d answers are saved.",
                    count,
                ) % {"n": count}
            else:
                said = _("Paused. Nothing was answered yet, so nothing is lost.")
            out.print(Text(said, style="bold"))
            out.print(
                _("Start the audit again (onlineveilig audit) to carry on where you stopped.")
            )
            raise typer.Exit(int(ExitCode.CANCELLED)) from None


def _run(
    out: Console,
    store: Store,
    data: Content,
    facts: dict[str, str] | None,
    everything: bool,
    section: str | None,
) -> None:
    if platforms_of(store.profile()) is None:
        try:
            onboard(out, store, data)
        except prompts.Paused:
            out.print()
            out.print(Text(_("Stopped. Nothing was saved yet."), style="bold"))
            raise typer.Exit(int(ExitCode.CANCELLED)) from None
    platforms = platforms_of(store.profile())
    current = _resume_or_start(out, store, data, platforms, everything, section)
    if current is None:
        return
    today = clock.today()
    history = store.history()
    asked = session.questions(data, history, current, facts)
    _intro(out, asked, sum(1 for i in current.plan if data.item(i) is not None))
    audit_incidents.ask(out, store)  # the open incidents first: reported yet? followed up?
    to_ask = {q.action.item_id for q in asked if q.action is not None}
    # The one order of action points (priority, then checklist), as status and the report show.
    earlier = [a for a in logic.ordered_actions(data, history) if a.item_id in to_ask]
    if earlier:
        out.print(cards.actions_table(data, earlier, today))

    shown_section = None
    for question in asked:
        if question.section.id != shown_section:
            out.print()
            out.rule(cards.section_title(question.section))
            shown_section = question.section.id
        hint = {"search-me": _tool_hint, "profiles": _profiles_hint}.get(question.item.tool or "")
        tool = hint(store) if hint else None
        out.print()
        out.print(
            cards.item_card(
                question.section,
                question.item,
                question.position,
                question.total,
                question.previous,
                question.action,
                today,
                tool,
                brief=question.in_order,
            )
        )
        answer, note = _ask_answer(out, question, tool)
        session.answer(store, current, question, answer, note, clock.now(), language())
        if answer == Answer.NEE and not note:
            note = _ask_note(out, answer)
            if note:
                session.add_note(store, current, question, note)
    result = session.finish(store, data, platforms, current, clock.now())
    out.print()
    cards.print_summary(
        out,
        data,
        result.score,
        result.changes,
        result.actions,
        result.trend,
        result.next_due,
        result.today,
        partial=result.partial,
    )
    audit_incidents.remind(out, store)  # "no open action points" is not the whole story


def _intro(out: Console, asked: list[session.Question], total: int) -> None:
    """How many questions, about how long, and how to answer."""
    minutes = session.minutes(asked)
    in_order = sum(1 for q in asked if q.in_order)
    words = ngettext("%(n)d question.", "%(n)d questions.", total) % {"n": total}
    if in_order:
        words += " " + ngettext(
            "%(n)d was in order last time: it is shown in short.",
            "%(n)d were in order last time: they are shown in short.",
            in_order,
        ) % {"n": in_order}
    words += " " + ngettext("About %(n)d minute.", "About %(n)d minutes.", minutes) % {"n": minutes}
    words += " " + _(
        "Answer yes, no, n/a or later — a note may follow after a comma "
        "(no, ask IT on Monday). Every answer is saved at once: type stop or press "
        "Ctrl-C to pause, and carry on later."
    )
    out.print(Panel(Text(words), title=_("Monthly self-check"), title_align="left"))


def _beside_icon(line: Text) -> RenderableType:
    """'  ⌕ ' and the hint beside it: a wrapped line starts under the hint, not at column 0."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text("  ⌕", style="cyan"), line)
    return grid


def _tool_hint(store: Store) -> RenderableType:
    """Under 'search yourself': search-me does it, and what its last run found."""
    from onlineveilig.search import findings as fnd

    line = Text(_("onlineveilig search-me does this search for you"), style="cyan")
    latest = store.search.latest()
    if latest is None:
        line.append(" " + _("(you have not used it yet)."), style="dim")
        return _beside_icon(line)
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
    return _beside_icon(line)


def _profiles_hint(store: Store) -> RenderableType:
    """Under 'old accounts': onlineveilig profiles does it, and what its last check found."""
    from onlineveilig.search.model import RunKind

    line = Text(_("onlineveilig profiles checks this for you"), style="cyan")
    latest = store.search.latest(RunKind.PROFILES)
    if latest is None:
        line.append(" " + _("(you have not used it yet)."), style="dim")
        return _beside_icon(line)
    unchecked = {c.site for c in latest.checks if c.unchecked}
    words = ngettext("%(n)d profile found", "%(n)d profiles found", len(latest.findings)) % {
        "n": len(latest.findings)
    }
    if unchecked:
        words += ", " + ngettext(
            "%(n)d site could not be checked", "%(n)d sites could not be checked", len(unchecked)
        ) % {"n": len(unchecked)}
    line.append(". ")
    line.append(
        _("Last check: %(date)s — %(outcome)s.")
        % {"date": fmt.day(latest.started_at.date()), "outcome": words},
        style="dim",
    )
    return _beside_icon(line)


def _ask_answer(
    out: Console, question: session.Question, tool: RenderableType | None
) -> tuple[Answer, str]:
    while True:
        raw = prompts.raw(out, _("Answer (yes/no/n/a/later, ? for help, stop to pause): "))
        if raw.strip().lower() in ("stop", "pauze", "pause", "q", "quit"):
            raise prompts.Paused
        if raw.strip() == "?" and question.in_order:
            out.print(Group(*cards.how(question.item, tool)))  # the steps the brief card left out
            continue
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


def _ask_note(out: Console, answer: Answer) -> str:
    """The optional note after a bare 'no'. An answer word typed here is not taken as a note."""
    label = cards.answer_label(answer)
    while True:
        note = prompts.line(
            out,
            _("Saved as '%(answer)s' (an action point). A note for it? (optional, Enter to skip): ")
            % {"answer": label},
        )
        if not is_answer_word(note):
            return note
        out.print(
            Text(
                _(
                    "That is an answer, not a note: the answer stays '%(answer)s'. "
                    "Type a note or press Enter."
                )
                % {"answer": label},
                style="yellow",
            )
        )


def _resume_or_start(
    out: Console,
    store: Store,
    data: Content,
    platforms: set[str] | None,
    everything: bool,
    section: str | None,
) -> Audit | None:
    """The unfinished audit to carry on with, a new one, or None when there is nothing to ask."""
    paused = session.unfinished(store, data)
    if paused is not None:
        out.print(
            Text(
                _("You have an unfinished audit from %(date)s: %(done)d of %(total)d answered.")
                % {
                    "date": fmt.day(paused.audit.started_at.date()),
                    "done": paused.audit.answered,
                    "total": len(paused.audit.plan),
                },
                style="bold",
            )
        )
        if paused.missing:
            out.print(
                Text(
                    ngettext(
                        "%(n)d of its questions comes from a checklist that is not loaded now; "
                        "start the audit with your organisation's checklist (onlineveilig audit "
                        "--checklist followed by the file) to ask it too.",
                        "%(n)d of its questions come from a checklist that is not loaded now; "
                        "start the audit with your organisation's checklist (onlineveilig audit "
                        "--checklist followed by the file) to ask them too.",
                        paused.missing,
                    )
                    % {"n": paused.missing},
                    style="yellow",
                )
            )
        if prompts.yes_no(out, _("Carry on with it? [yes/no] (yes): "), True):
            return paused.audit
        session.abandon(store, paused.audit)
        out.print(_("It stays in your history as stopped; a new audit starts."))
    new = session.new_audit(
        store, data, platforms, clock.today(), everything=everything, section=section
    )
    if new.early_until is not None:
        out.print(
            Text(
                _(
                    "Your next audit is only due on %(date)s. This one asks what comes back every "
                    "month and what is still open."
                )
                % {"date": fmt.day(new.early_until)},
                style="dim",
            )
        )
    if not new.plan:
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
    return session.start(store, data, new, clock.now())
