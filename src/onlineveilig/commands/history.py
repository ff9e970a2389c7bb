"""`onlineveilig history`: every audit, and one audit in full."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from onlineveilig.audit.model import Audit, Status
from onlineveilig.commands import help_for
from onlineveilig.commands.common import content as load
from onlineveilig.commands.common import fail, json_option, open_store, print_json
from onlineveilig.i18n import _, language
from onlineveilig.ui import cards, console
from onlineveilig.ui import format as fmt
from onlineveilig.ui.clicktext import Command, Group
from onlineveilig.ui.safe import text


def status_label(status: Status) -> str:
    return {Status.DONE: _("done"), Status.OPEN: _("unfinished"), Status.ABANDONED: _("stopped")}[
        status
    ]


def audit_json(audit: Audit, with_answers: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": audit.id,
        "started": audit.started_at.isoformat(),
        "finished": audit.finished_at.isoformat() if audit.finished_at else None,
        "status": audit.status.value,
        "scope": audit.scope,
        "asked": len(audit.plan),
        "answered": audit.answered,
        "score": audit.score,
        "in_order": audit.in_order,
        "counted": audit.counted,
        "open": sum(1 for a in audit.answers.values() if a.answer == "nee"),
    }
    if with_answers:
        data["answers"] = [
            {
                "item": r.item_id,
                "question": r.question,
                "answer": r.answer.value,
                "note": r.note,
                "answered": r.answered_at.isoformat(),
            }
            for r in audit.answers.values()
        ]
    return data


def register(app: typer.Typer) -> None:
    history_app = typer.Typer(
        cls=Group,
        help=help_for("history"),
        invoke_without_command=True,
        no_args_is_help=False,
        rich_markup_mode=None,
    )

    @history_app.callback()
    def history(
        ctx: typer.Context,
        as_json: Annotated[bool, json_option(_("Print the history as JSON."))] = False,
    ) -> None:
        if ctx.invoked_subcommand is None:
            show_list(as_json)

    @history_app.command(
        "show", cls=Command, help=_("Show one audit in full: every answer and note.")
    )
    def show(
        number: Annotated[
            int,
            typer.Argument(
                metavar=_("NUMBER"), help=_("The audit's number (see onlineveilig history).")
            ),
        ],
        as_json: Annotated[bool, json_option(_("Print the audit as JSON."))] = False,
    ) -> None:
        show_one(number, as_json)

    app.add_typer(history_app, name="history")


def show_list(as_json: bool) -> None:
    with open_store() as store:
        audits = store.audits()
    if as_json:
        print_json({"audits": [audit_json(a, False) for a in audits]})
        return
    out = console.out()
    if not audits:
        out.print(_("No audits yet. Start with: onlineveilig audit"))
        return
    table = Table(title=_("Your audits"), title_justify="left")
    for column, justify in (
        (_("No."), "right"),
        (_("Date"), "left"),
        (_("Status"), "left"),
        (_("Answered"), "right"),
        (_("Score"), "right"),
        (_("Open"), "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for a in audits:
        when = a.finished_at or a.started_at
        table.add_row(
            str(a.id),
            fmt.day(when.date()),
            status_label(a.status),
            f"{a.answered}/{len(a.plan)}",
            "" if a.score is None else str(a.score),
            str(sum(1 for r in a.answers.values() if r.answer == "nee")),
        )
    out.print(table)
    out.print(_("Details of one audit: onlineveilig history show NUMBER"), style="dim")


def show_one(number: int, as_json: bool) -> None:
    with open_store() as store:
        audit = store.audit(number)
    if audit is None:
        fail(
            _("There is no audit number %(n)d.") % {"n": number},
            _("See the numbers with: onlineveilig history"),
        )
    if as_json:
        print_json(audit_json(audit, True))
        return
    data = load(None)
    lang = language()
    out = console.out()
    when = audit.finished_at or audit.started_at
    title = _("Audit %(n)d — %(date)s — %(status)s") % {
        "n": audit.id,
        "date": fmt.day(when.date()),
        "status": status_label(audit.status),
    }
    if audit.score is not None:
        title += " — " + _("score %(score)d/100") % {"score": audit.score}
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column(_("Item"), ratio=3, overflow="fold")
    table.add_column(_("Answer"), no_wrap=True)
    table.add_column(_("Note"), ratio=2, overflow="fold")
    order = {item.id: n for n, (_s, item) in enumerate(data.items())}
    shown_section = None
    for item_id in sorted(audit.plan, key=lambda i: order.get(i, len(order))):
        record = audit.answers.get(item_id)
        found = data.item(item_id)
        section = found[0] if found else None
        if section is not None and section.id != shown_section:
            table.add_row(cards.section_title(section), "", "")
            shown_section = section.id
        question = (
            found[1].question.get(lang) if found else (record.question if record else item_id)
        )
        answer = (
            Text(cards.answer_label(record.answer), style=cards.ANSWER_STYLE[record.answer])
            if record
            else Text("—", style="dim")
        )
        table.add_row(text(question), answer, text(record.note if record else ""))
    out.print(table)
