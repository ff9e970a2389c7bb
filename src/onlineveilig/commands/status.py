"""`onlineveilig status`: is the audit due, what is open, how the score went."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from onlineveilig import clock
from onlineveilig.audit import logic, session
from onlineveilig.audit.model import Status
from onlineveilig.commands import help_for
from onlineveilig.commands.common import checklist_option, open_store, platforms_of, print_json
from onlineveilig.commands.common import content as load
from onlineveilig.errors import ExitCode
from onlineveilig.i18n import _, language
from onlineveilig.ui.clicktext import Command


def register(app: typer.Typer) -> None:
    @app.command(
        cls=Command,
        help=help_for("status"),
    )
    def status(
        as_json: Annotated[
            bool, typer.Option("--json", help=_("Print the status as JSON."))
        ] = False,
        check: Annotated[
            bool,
            typer.Option(
                "--check",
                help=_("Print nothing and exit 1 when the audit is due (for cron or a calendar)."),
            ),
        ] = False,
        checklist: Annotated[
            Path | None,
            checklist_option(),
        ] = None,
    ) -> None:
        run(as_json, check, checklist)


def gather(checklist: Path | None) -> dict[str, Any]:
    data = load(checklist)
    today = clock.today()
    with open_store() as store:
        audits, history = store.audits_and_history()  # the answers are read once
        platforms = platforms_of(store.profile())
    only = {item.id for item in logic.applicable(data, platforms)}
    due = logic.due(audits, today)
    unfinished = next((a for a in audits if a.status == Status.OPEN), None)
    actions = logic.ordered_actions(data, history, only)
    done = [a for a in audits if logic.counts_as_full(a)]
    returning = (
        []
        if due.next_due is None
        else logic.coming_back(data, platforms, history, max(due.next_due, today))
    )
    lang = language()

    def question(item_id: str) -> str:
        found = data.item(item_id)
        return found[1].question.get(lang) if found else item_id

    return {
        "today": today.isoformat(),
        "last_audit": None
        if due.last_done is None
        else {
            "number": due.last_done.id,
            "finished": due.last_done.finished_at.isoformat()
            if due.last_done.finished_at
            else None,
            "score": due.last_done.score,
        },
        "next_due": due.next_due.isoformat() if due.next_due else None,
        "days_left": due.days_left,
        "due": due.is_due,
        "overdue": due.overdue,
        "unfinished": None
        if unfinished is None
        else {
            "number": unfinished.id,
            "started": unfinished.started_at.isoformat(),
            "answered": unfinished.answered,
            "total": len(unfinished.plan),
        },
        "score_trend": [
            {
                "number": a.id,
                "date": a.finished_at.date().isoformat() if a.finished_at else None,
                "score": a.score,
            }
            for a in done
        ],
        "open_actions": [
            {
                "item": a.item_id,
                "question": question(a.item_id),
                "since": a.since.isoformat(),
                "days": a.age_days(today),
                "note": a.note,
            }
            for a in actions
        ],
        "open_actions_include_unfinished": session.unfinished_counts(history, unfinished, only),
        "coming_back": [
            {
                "item": r.item.id,
                "question": question(r.item.id),
                "frequency": r.item.frequency.value,
                "last_checked": r.settled.isoformat(),
                "returns": r.returns.isoformat(),
            }
            for r in returning
        ],
        "_actions": actions,
        "_returning": returning,
        "_due": due,
        "_content": data,
    }


def run(as_json: bool, check: bool, checklist: Path | None) -> None:
    if check:  # only whether the audit is due: fast, for cron and login
        load(checklist)  # a broken checklist file is still reported, as by every command
        with open_store() as store:
            due = logic.due(store.audits(), clock.today())
        raise typer.Exit(int(ExitCode.DUE) if due.is_due else 0)
    info = gather(checklist)
    due = info["_due"]
    if as_json:
        print_json({k: v for k, v in info.items() if not k.startswith("_")})
        return
    # Plain output without rich: status runs at every login and should start fast.
    from onlineveilig.text import day, relative
    from onlineveilig.ui import actions as action_table
    from onlineveilig.ui.format import sparkline
    from onlineveilig.ui.light import Writer

    out = Writer()
    today = clock.today()
    if due.last_done is None and info["unfinished"]:
        out.line((_("You have not finished a full audit yet."), "bold"))
    elif due.last_done is None:
        out.line((_("You have not finished an audit yet. Start with: onlineveilig audit"), "bold"))
    else:
        last = due.last_done
        assert (
            last.finished_at is not None and due.next_due is not None and due.days_left is not None
        )
        line = _("Last audit: %(date)s") % {"date": day(last.finished_at.date())}
        if last.score is not None:
            line += " — " + _("score %(score)d/100") % {"score": last.score}
        out.line(line)
        style = "bold red" if due.overdue else ("bold yellow" if due.is_due else "green")
        out.line(
            (
                _("Next audit: %(date)s (%(when)s)")
                % {"date": day(due.next_due), "when": relative(due.days_left)},
                style,
            )
        )
    if info["_returning"]:
        out.line((coming_back_line(info["_returning"]), "dim"))
    unfinished = info["unfinished"]
    if unfinished:
        out.line(
            (
                _(
                    "An unfinished audit is waiting: %(done)d of %(total)d answered. 'onlineveilig audit' carries on."
                )
                % {"done": unfinished["answered"], "total": unfinished["total"]},
                "yellow",
            )
        )
    scores = [t["score"] for t in info["score_trend"]]
    if len([s for s in scores if s is not None]) >= 2:
        out.line(
            _("Score over time: "),
            (sparkline(scores[-24:]), "cyan"),
            f"  {' → '.join(str(s) for s in scores[-6:] if s is not None)}",
        )
    actions = info["_actions"]
    if actions:
        out.table(
            action_table.title(),
            action_table.columns(),
            action_table.rows(info["_content"], actions, today),
        )
        if info["open_actions_include_unfinished"]:
            out.line((_("Including your answers from the unfinished audit."), "dim"))
    elif due.last_done is not None:
        out.line((_("No open action points."), "green"))


def coming_back_line(returning: list[logic.Returning]) -> str:
    """One line on the points that were in order and come back in the next audit."""
    from onlineveilig.content.data import Frequency
    from onlineveilig.i18n import ngettext

    quarterly = sum(1 for r in returning if r.item.frequency == Frequency.QUARTERLY)
    yearly = sum(1 for r in returning if r.item.frequency == Frequency.YEARLY)
    parts = []
    if quarterly:
        parts.append(
            ngettext(
                "%(n)d point you check every three months",
                "%(n)d points you check every three months",
                quarterly,
            )
            % {"n": quarterly}
        )
    if yearly:
        parts.append(
            ngettext(
                "%(n)d point you check once a year",
                "%(n)d points you check once a year",
                yearly,
            )
            % {"n": yearly}
        )
    if len(parts) == 2:
        return _("Coming back in the next audit: %(quarterly)s and %(yearly)s.") % {
            "quarterly": parts[0],
            "yearly": parts[1],
        }
    return _("Coming back in the next audit: %(points)s.") % {"points": parts[0]}
