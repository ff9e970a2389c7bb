"""`search-me --review`: the findings not yet judged, one at a time, then the open actions.

Every mark is stored the moment it is given: Ctrl-C or 'stop' (prompts.Paused) loses nothing.
Found profiles (onlineveilig profiles) are asked about like any other result, with the actions
that fit an account.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from rich.console import Console
from rich.text import Text

from onlineveilig import clock
from onlineveilig.content.models import SiteList
from onlineveilig.i18n import _, ngettext
from onlineveilig.search.model import ActionKind, Category, Finding, Mark, Verdict
from onlineveilig.store.repo import Store
from onlineveilig.text import clean
from onlineveilig.ui import findings as ui
from onlineveilig.ui import prompts

VERDICTS = {
    "ok": Verdict.OK,
    "o": Verdict.OK,
    "1": Verdict.OK,
    "goed": Verdict.OK,
    "actie": Verdict.ACTION,
    "action": Verdict.ACTION,
    "a": Verdict.ACTION,
    "2": Verdict.ACTION,
    "niet-ik": Verdict.NOT_ME,
    "niet ik": Verdict.NOT_ME,
    "nietik": Verdict.NOT_ME,
    "ni": Verdict.NOT_ME,
    "not-me": Verdict.NOT_ME,
    "not me": Verdict.NOT_ME,
    "notme": Verdict.NOT_ME,
    "3": Verdict.NOT_ME,
}
LATER = {"", "later", "l", "overslaan", "skip", "s", "4"}
ACTIONS = (ActionKind.REMOVE, ActionKind.PRIVACY, ActionKind.ASK_SITE, ActionKind.ASK_COLLEAGUE)
# An old account: delete it, make it private, or ask the site to remove it.
PROFILE_ACTIONS = (ActionKind.REMOVE, ActionKind.PRIVACY, ActionKind.ASK_SITE)


def parse_verdict(raw: str) -> tuple[Verdict | None, str] | None:
    """'actie, vraag de club' -> (ACTION, 'vraag de club'); later/Enter -> (None, ''); typo -> None."""
    word, _comma, note = raw.partition(",")
    word = word.strip().lower().rstrip(".!")
    if prompts.is_stop(word):
        raise prompts.Paused
    if word in LATER:
        return None, ""
    if word in VERDICTS:
        return VERDICTS[word], clean(note.strip())
    return None


def _ask_action(out: Console, finding: Finding) -> ActionKind:
    profile = finding.category == Category.PROFILE
    choices = PROFILE_ACTIONS if profile else ACTIONS
    for n, kind in enumerate(choices, 1):
        out.print(f"  {n}. {ui.action_label(kind, profile=profile)}")
    last = len(choices)
    while True:
        raw = prompts.line(out, _("Which action? (1-%(n)d): ") % {"n": last}).lower()
        if raw.isdigit() and 1 <= int(raw) <= last:
            return choices[int(raw) - 1]
        out.print(Text(_("Please type a number from 1 to %(n)d.") % {"n": last}, style="yellow"))


def review(
    out: Console,
    store: Store,
    sites: SiteList,
    todo: Sequence[Finding],
    open_actions: Sequence[Finding],
    marks: Mapping[str, Mark],
    new: set[str],
    first_seen: Mapping[str, datetime],
) -> None:
    judged = 0
    try:
        if todo:
            out.print(
                Text(
                    _(
                        "For each result: ok (fine as it is), action (something to do about "
                        "it), not me (someone else), or Enter to decide later. A note may follow "
                        "after a comma (action, ask the club to remove the photo). Type stop to "
                        "pause: what you marked is saved."
                    )
                )
            )
        for position, finding in enumerate(todo, 1):
            out.print()
            out.print(
                ui.review_card(
                    sites,
                    finding,
                    position,
                    len(todo),
                    new=finding.key in new,
                    first_seen=first_seen.get(finding.key),
                )
            )
            while True:
                parsed = parse_verdict(
                    prompts.raw(out, _("Your verdict (ok/action/not me/Enter = later, stop): "))
                )
                if parsed is not None:
                    break
                out.print(Text(_("Please answer ok, action, not me or later."), style="yellow"))
            verdict, note = parsed
            if verdict is None:
                continue
            # Saved at once; the kind of action and a note are added when they are given.
            store.search.mark(finding.key, verdict, None, note, clock.now())
            judged += 1
            if verdict == Verdict.ACTION:
                action = _ask_action(out, finding)
                if not note:
                    note = clean(prompts.raw(out, _("Note (optional, Enter to skip): ")).strip())
                store.search.mark(finding.key, verdict, action, note, clock.now())
        for finding in open_actions:
            mark = marks[finding.key]
            out.print()
            out.print(
                ui.review_card(
                    sites, finding, 1, 1, new=False, first_seen=first_seen.get(finding.key)
                )
            )
            profile = finding.category == Category.PROFILE
            out.print(
                Text.assemble(
                    (_("Your action: "), "bold"),
                    # The kind of action (not "action: ..." again), or just "action".
                    (ui.action_label(mark.action, profile=profile), "red")
                    if mark.action is not None
                    else ui.mark_label(mark, profile=profile),
                )
            )
            if mark.note:
                out.print(Text.assemble((_("Note: "), "dim"), (clean(mark.note), "dim")))
            if prompts.yes_no(out, _("Is it done? [yes/no] "), False):
                store.search.done(finding.key, clock.now())
                judged += 1
    except prompts.Paused:
        out.print()
        out.print(
            Text(
                _(
                    "Paused. What you marked is saved; carry on with: onlineveilig search-me --review"
                ),
                style="bold",
            )
        )
        return
    out.print()
    out.print(
        Text(
            ngettext("%(n)d result marked.", "%(n)d results marked.", judged) % {"n": judged},
            style="green",
        )
    )
