"""`onlineveilig deel`: one small file for the organisation's prevention contact.

It holds ids, answers and counts only (onlineveilig.share). The user sees all of it, in plain
words and word for word, before anything is written; nothing is written without a yes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from onlineveilig.commands import help_for
from onlineveilig.commands.common import (
    content,
    fail,
    fail_with,
    open_store,
    organisation_rules,
    output_option,
    platforms_of,
    write_output,
    yes_option,
)
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _, ngettext
from onlineveilig.ui import console, prompts
from onlineveilig.ui.clicktext import Command

if TYPE_CHECKING:
    from onlineveilig.share.build import ShareBuildError
    from onlineveilig.share.model import Share


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("deel"))
    def deel(
        month: Annotated[
            str | None,
            typer.Option(
                "--maand",
                metavar=_("YYYY-MM"),
                help=_("Share the audit of this month (like 2026-11); default: your latest audit."),
            ),
        ] = None,
        output: Annotated[
            str | None,
            output_option(
                _(
                    "Where to write the file (a file or a folder); - prints it. "
                    "Default: a dated file in Documents/onlineveilig."
                )
            ),
        ] = None,
        yes: Annotated[bool, yes_option(_("Write the file without asking first."))] = False,
    ) -> None:
        run(month, output, yes)


def _month(value: str | None) -> str | None:
    from onlineveilig.share.build import is_month

    if value is None:
        return None
    wanted = value.strip()
    if not is_month(wanted):
        fail(
            _("This is not a month: %(value)s") % {"value": value},
            _("Write the year and the month, like 2026-11."),
        )
    return wanted


def gather(month: str | None) -> tuple[Share, bool]:
    """The share and whether its worker id is new (not kept in the profile yet)."""
    from onlineveilig import __version__
    from onlineveilig.content.loader import builtin_dir
    from onlineveilig.incidents import types
    from onlineveilig.share.build import ShareBuildError, Sources, build, new_worker_id
    from onlineveilig.store.repo import WORKER_KEY

    data = content(None)
    try:
        found = organisation_rules()
    except OnlineveiligError as error:
        fail_with(error)
    rules = found[1] if found else None
    with open_store() as store:
        audits, history = store.audits_and_history()
        profile = store.profile()
        incidents = store.incidents.all()
    home = builtin_dir()
    sources = Sources(
        builtin_sections={s for s, path in data.sources.items() if path.is_relative_to(home)},
        incident_types={type_id for type_id, _label in types.choices(rules)},
        platforms={cid for cid, _name in types.channels((p.id, p.name) for p in data.platforms)},
    )
    worker = profile.get(WORKER_KEY)
    try:
        share = build(
            audits,
            history,
            data,
            incidents,
            platforms=platforms_of(profile),
            sources=sources,
            worker=worker or new_worker_id(),
            made_with=f"onlineveilig {__version__}",
            month=month,
        )
    except ShareBuildError as error:
        _fail_build(error)
    return share, worker is None


def _fail_build(error: ShareBuildError) -> NoReturn:
    if error.kind == "no-audit-in-month" and error.month:
        fail(
            _("There is no finished audit from %(month)s.") % {"month": _month_words(error.month)},
            _("See your audits with: onlineveilig history"),
        )
    fail(
        _("You have not finished an audit yet, so there is nothing to share."),
        _("Start with: onlineveilig audit"),
    )


def _month_words(month: str) -> str:
    from onlineveilig.text import month_name

    return f"{month_name(int(month[5:7]))} {month[:4]}"


def summary(share: Share) -> list[str]:
    """What the file holds, in plain words."""
    from onlineveilig.share.build import tally

    counts = tally(share)
    when = _month_words(share.month)
    lines = [
        _("Your audit of %(month)s, score %(score)d out of 100.")
        % {"month": when, "score": share.score}
        if share.score is not None
        else _("Your audit of %(month)s (it has no score).") % {"month": when},
        ngettext(
            "%(n)d checklist question: %(ok)d in order, %(action)d to work on, "
            "%(na)d not applicable, %(none)d not answered.",
            "%(n)d checklist questions: %(ok)d in order, %(action)d to work on, "
            "%(na)d not applicable, %(none)d not answered.",
            len(share.answers),
        )
        % {
            "n": len(share.answers),
            "ok": counts["in-order"],
            "action": counts["action"],
            "na": counts["not-applicable"],
            "none": counts["not-answered"],
        },
        ngettext(
            "%(n)d incident, %(reported)d reported, %(followed)d followed up: only how many, "
            "by kind, channel and month.",
            "%(n)d incidents, %(reported)d reported, %(followed)d followed up: only how many, "
            "by kind, channel and month.",
            share.incidents.total,
        )
        % {
            "n": share.incidents.total,
            "reported": share.incidents.reported,
            "followed": share.incidents.followed_up,
        },
        _(
            "Instead of your name: a random code, so that your organisation counts each "
            "person once. The code says nothing about who you are."
        ),
        _(
            "Not in it: your name, your notes, search results, web addresses, usernames, "
            "what happened in an incident, the people involved, or file names."
        ),
    ]
    return lines


def show(out: Console, share: Share) -> None:
    from onlineveilig.share.model import to_json
    from onlineveilig.ui.cards import hanging

    out.print(Text(_("The file for your organisation's prevention contact"), style="bold"))
    for line in summary(share):
        out.print(hanging("•", [Text(line)], width=2))
    out.print()
    out.print(Text(_("This is the whole file, exactly as it will be written:"), style="bold"))
    out.print(Text(to_json(share), style="dim"), soft_wrap=True, end="")
    out.print()


def run(month: str | None, output: str | None, yes: bool) -> None:
    from onlineveilig.outfile import is_stdout
    from onlineveilig.share.model import to_json

    share, new_worker = gather(_month(month))
    # With -o - the file itself goes to standard output: everything else to the other stream.
    out = console.err() if is_stdout(output) else console.out()
    show(out, share)
    if not yes:
        question = _("Write this file?")
        try:
            agreed = prompts.yes_no(out, prompts.yes_no_prompt(question, False), False)
        except prompts.Paused:
            out.print()
            fail(_("Stopped: nothing was written."), code=ExitCode.CANCELLED)
        if not agreed:
            out.print(Text(_("Nothing was written.")))
            return
    if new_worker:
        with open_store() as store:
            kept = store.keep_worker_id(share.worker)
        if kept != share.worker:  # another window made one just now: use that one
            share = share.model_copy(update={"worker": kept})
    path = write_output(output, to_json(share), f"onlineveilig-deel-{share.month}.json")
    if path is not None:
        out.print(Text(_("Written: %(path)s") % {"path": path}, style="bold"), soft_wrap=True)
        out.print(
            Text(
                _(
                    "Give this file to your organisation's prevention contact. Nothing is "
                    "sent: it stays on this computer until you pass it on."
                )
            )
        )
