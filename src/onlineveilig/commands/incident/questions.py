"""The questions of `incident add` and `incident edit`: one per field, in FIELDS order.

Each asker returns the field's new value. While adding, Enter skips a question (or takes the
default it names); while editing, Enter keeps the value shown. Kind words only: the questions ask
what happened and what the worker did afterwards, never what they did to cause it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from onlineveilig import clock
from onlineveilig.i18n import _, language
from onlineveilig.incidents import types
from onlineveilig.incidents.answers import (
    BadMoment,
    date_order_problem,
    looks_like_full_name,
    not_yet,
    parse_moment,
)
from onlineveilig.incidents.model import Incident
from onlineveilig.ui import prompts
from onlineveilig.ui.cards import hanging
from onlineveilig.ui.safe import text

if TYPE_CHECKING:
    from onlineveilig.content.rules import Rules

Value = str | tuple[str, ...]


@dataclass(frozen=True)
class Context:
    out: Console
    today: date
    rules: Rules | None
    platforms: tuple[tuple[str, str], ...]  # (id, name): the user's own platforms first

    @property
    def platform_names(self) -> dict[str, str]:
        return dict(self.platforms)


def _title(ctx: Context, question: str, hint: str = "") -> None:
    ctx.out.print()
    ctx.out.print(Text(question, style="bold"))
    if hint:
        ctx.out.print(Text(hint, style="dim"))


def _now_is(ctx: Context, shown: str) -> None:
    ctx.out.print(text(_("Now: %(value)s") % {"value": shown or _("(empty)")}))


def _warn(ctx: Context, message: str) -> None:
    ctx.out.print(Text(message, style="yellow"))


def _free(ctx: Context, current: str, editing: bool, skip: str = "") -> str:
    if editing:
        _now_is(ctx, current)
        reply = prompts.line(ctx.out, _("Your answer (Enter: keep it): "))
        return reply or current
    return prompts.line(ctx.out, skip or _("Your answer (Enter: skip): "))


def _moment(
    ctx: Context, prompt: str, current: str, editing: bool, *, enter_today: bool, none_ok: bool
) -> str:
    """A date (time optional). Enter: keep (editing), today or nothing; 'nee'/'-': nothing."""
    from onlineveilig.incidents.answers import moment_text

    if editing:
        _now_is(ctx, moment_text(current))
    while True:
        reply = prompts.line(ctx.out, prompt)
        if not reply:
            if editing:
                return current
            return ctx.today.isoformat() if enter_today else ""
        if none_ok and not_yet(reply):
            return ""
        try:
            return parse_moment(reply, ctx.today, clock.now())
        except BadMoment as bad:
            if bad.future:
                _warn(ctx, _("That date is still to come. Type the day it happened."))
            elif bad.impossible:
                _warn(ctx, _("That day does not exist. Check the day and the month."))
            else:
                _warn(
                    ctx,
                    _("That date could not be read. Type for example 28-02-2026 or 'yesterday'."),
                )


def ask_started(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(
        ctx,
        _("When did it happen? If it happened several times: when did it start?"),
        _("For example: today, yesterday 22:15, 28-02-2026 (a time is optional)."),
    )
    prompt = _("Date (Enter: keep it): ") if editing else _("Date (Enter: today): ")
    return _moment(ctx, prompt, incident.started, editing, enter_today=True, none_ok=False)


def ask_ended(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(ctx, _("Did it happen more than once, over a period of time?"))
    series = prompts.yes_no(
        ctx.out,
        prompts.yes_no_prompt(_("More than once"), bool(incident.ended)),
        bool(incident.ended),
    )
    if not series:
        return ""
    keep = editing and bool(incident.ended)
    if keep:
        prompt = _("When was the last time? (Enter: keep it): ")
    else:
        prompt = _("When was the last time? (Enter: today): ")
    while True:
        ended = _moment(ctx, prompt, incident.ended, keep, enter_today=True, none_ok=False)
        if date_order_problem({"started": incident.started, "ended": ended}) != "ended":
            return ended
        _warn(ctx, _("That is before it started. Type the day of the last time."))


def ask_channel(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(ctx, _("Where did it happen: which channel or platform?"))
    for n, (_id, name) in enumerate(ctx.platforms, 1):
        ctx.out.print(hanging(f"{n}.", [text(name)]))
    if editing:
        _now_is(ctx, types.channel_label(incident.channel, ctx.platform_names))
        prompt = _("A number, or in your own words (Enter: keep it): ")
    else:
        prompt = _("A number, or in your own words, e.g. phone, text message (Enter: skip): ")
    reply = prompts.line(ctx.out, prompt)
    if not reply:
        return incident.channel if editing else ""
    if reply.isdigit() and 1 <= int(reply) <= len(ctx.platforms):
        return ctx.platforms[int(reply) - 1][0]
    for platform_id, name in ctx.platforms:
        if reply.lower() in {platform_id, name.lower()}:
            return platform_id
    return types.channel_of(reply) or reply


def ask_types(ctx: Context, incident: Incident, editing: bool) -> Value:
    options = types.choices(ctx.rules)
    _title(ctx, _("What happened? Choose everything that fits."))
    for n, (_id, label) in enumerate(options, 1):
        ctx.out.print(hanging(f"{n}.", [text(label)]))
    if editing:
        _now_is(ctx, ", ".join(types.label(t, ctx.rules) for t in incident.types))
        prompt = _("The numbers, e.g. 1, 4 (Enter: keep it): ")
    else:
        prompt = _("The numbers, e.g. 1, 4 (Enter: skip): ")
    while True:
        reply = prompts.line(ctx.out, prompt)
        if not reply:
            return incident.types if editing else ()  # Enter skips, as the start promised
        picked = [p for p in re.split(r"[,;\s]+|\s(?:en|and|&)\s", reply) if p]
        picked = [p for p in picked if p.lower() not in {"en", "and", "&"}]
        if picked and all(p.isdigit() and 1 <= int(p) <= len(options) for p in picked):
            chosen = dict.fromkeys(options[int(p) - 1][0] for p in picked)
            return tuple(chosen)
        _warn(
            ctx,
            _("Type one or more numbers from 1 to %(n)d; the last one is for anything else.")
            % {"n": len(options)},
        )


def ask_description(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(
        ctx,
        _("What happened? Describe it in your own words."),
        _("What was said or done, and how. Writing it down now helps you later."),
    )
    return _free(ctx, incident.description, editing)


def ask_who(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(
        ctx,
        _("Who was it?"),
        _(
            "A role or a pseudonym is enough, for example 'mother of client A' or 'unknown account'."
        ),
    )
    while True:
        who = _free(ctx, incident.who, editing)
        if not who or who == incident.who or not looks_like_full_name(who):
            return who
        _warn(
            ctx,
            _(
                "That looks like someone's full name. To protect everyone involved, a role or a "
                "pseudonym is enough here."
            ),
        )
        if not prompts.yes_no(ctx.out, prompts.yes_no_prompt(_("Change it?"), True), True):
            return who
        # Ask again. Editing, Enter still keeps what was there before the name was typed.


def ask_actions(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(
        ctx,
        _("What did you do afterwards?"),
        _("For example: blocked the account, saved the messages, told a colleague."),
    )
    return _free(ctx, incident.actions, editing)


def _report_hint(ctx: Context) -> str:
    rules = ctx.rules.incidents if ctx.rules is not None else None
    if rules is None or rules.report_to is None:
        return ""
    said = _("Your organisation asks you to report it to: %(who)s.") % {
        "who": rules.report_to.get(language())
    }
    if rules.report_within_days is not None:
        said += " " + _("Within %(n)d days.") % {"n": rules.report_within_days}
    return said


def ask_reported_to(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(ctx, _("Have you reported it? To whom?"), _report_hint(ctx))
    ctx.out.print(Text(_("A role is enough, for example 'my team leader'."), style="dim"))
    if editing:
        _now_is(ctx, incident.reported_to or _("not yet"))
        reply = prompts.line(ctx.out, _("To whom ('not yet' if not; Enter: keep it): "))
        if not reply:
            return incident.reported_to
    else:
        reply = prompts.line(ctx.out, _("To whom (Enter: not yet): "))
    return "" if not_yet(reply) else reply


def ask_reported_at(ctx: Context, incident: Incident, editing: bool) -> Value:
    if not editing and not incident.reported_to:
        return ""
    _title(ctx, _("When did you report it?"))
    prompt = _("Date (Enter: keep it): ") if editing else _("Date (Enter: today): ")
    while True:
        day = _moment(ctx, prompt, incident.reported_at, editing, enter_today=True, none_ok=True)
        if date_order_problem({"started": incident.started, "reported_at": day}) != "reported":
            return day
        _warn(ctx, _("That is before it happened. Type the day you reported it."))


def ask_followed_up_at(ctx: Context, incident: Incident, editing: bool) -> Value:
    if not editing and not incident.reported:
        return ""
    _title(
        ctx,
        _("Has your organisation followed it up (a talk, feedback, a decision)? When?"),
    )
    prompt = _("Date (Enter: keep it): ") if editing else _("Date (Enter: not yet): ")
    return _moment(ctx, prompt, incident.followed_up_at, editing, enter_today=False, none_ok=True)


def ask_support(ctx: Context, incident: Incident, editing: bool) -> Value:
    _title(
        ctx,
        _("Did you get support? From whom, and what kind?"),
        _("For example a talk with a colleague, your team leader or a confidential adviser."),
    )
    return _free(ctx, incident.support, editing)


ASK: dict[str, Callable[[Context, Incident, bool], Value]] = {
    "started": ask_started,
    "ended": ask_ended,
    "channel": ask_channel,
    "types": ask_types,
    "description": ask_description,
    "who": ask_who,
    "actions": ask_actions,
    "reported_to": ask_reported_to,
    "reported_at": ask_reported_at,
    "followed_up_at": ask_followed_up_at,
    "support": ask_support,
}
