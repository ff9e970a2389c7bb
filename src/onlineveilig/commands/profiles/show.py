"""Printing profiles: the plan before sending, a table per username, the summary, JSON.

Everything that came from a site list or a site (names, addresses) is untrusted and goes
through ui.safe.text, never through rich markup.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from onlineveilig.i18n import _, language, ngettext
from onlineveilig.profiles.loader import Catalogue
from onlineveilig.profiles.model import Site
from onlineveilig.profiles.network import Result
from onlineveilig.profiles.selfcheck import Failure
from onlineveilig.profiles.verdict import Outcome, Reason, State
from onlineveilig.search import urls
from onlineveilig.search.model import Diff
from onlineveilig.ui import format as fmt
from onlineveilig.ui.safe import text

_ORDER = {State.FOUND: 0, State.UNKNOWN: 1, State.NOT_FOUND: 2}


def skipped_text(skipped: dict[str, int]) -> str:
    lines = []
    for reason, n in skipped.items():
        if reason == "not-valid":
            lines.append(
                ngettext(
                    "%(n)d site skipped: marked not valid in the list.",
                    "%(n)d sites skipped: marked not valid in the list.",
                    n,
                )
                % {"n": n}
            )
        else:
            lines.append(
                ngettext(
                    "%(n)d site skipped: its entry cannot be used (found cannot be told from not found, or its address is incomplete).",
                    "%(n)d sites skipped: their entries cannot be used (found cannot be told from not found, or the address is incomplete).",
                    n,
                )
                % {"n": n}
            )
    return "\n".join(lines)


def plan(found: Catalogue, names: Sequence[str], checks: int, own_file: bool) -> Panel:
    lines = Text()
    sites = len(found.sites)
    if names:
        lines.append(
            ngettext(
                "onlineveilig will ask %(n)d site whether it has an account with this name:",
                "onlineveilig will ask %(n)d sites whether they have an account with these names:",
                sites,
            )
            % {"n": sites}
        )
        for name in names:
            lines.append("\n  • ")
            lines.append_text(text(name, "bold"))
        lines.append("\n")
        lines.append(
            _(
                "Each site sees this computer's internet address and the username it is asked "
                "about. Nothing else: not your name, not your profile, not your audit."
            )
        )
    else:
        lines.append(
            ngettext(
                "onlineveilig will check whether the rules of %(n)d site still hold: it asks "
                "about usernames known to exist there and one that does not (%(checks)d "
                "requests).",
                "onlineveilig will check whether the rules of %(n)d sites still hold: it asks "
                "about usernames known to exist there and one that does not (%(checks)d "
                "requests).",
                sites,
            )
            % {"n": sites, "checks": checks}
        )
        lines.append("\n")
        lines.append(
            _(
                "None of your own usernames is sent. Each site sees this computer's internet "
                "address."
            )
        )
    if own_file:
        lines.append("\n")
        lines.append(Text(_("The sites come from: "), style="dim"))
        lines.append_text(text(str(found.path), "dim"))
    if found.skipped:
        lines.append("\n")
        lines.append(Text(skipped_text(found.skipped), style="dim"))
    return Panel(lines, title=_("Checking usernames"), title_align="left")


def site_names(found: Catalogue) -> Text:
    """For --dry-run: which sites would be asked, by name."""
    line = Text(_("The sites that would be asked: "))
    for n, site in enumerate(found.sites):
        if n:
            line.append(", ")
        line.append_text(text(site.name))
    line.append(".")
    return line


def reason(outcome: Outcome) -> str:
    status = {"status": outcome.status}
    labels = {
        Reason.RATE_LIMITED: _("the site asks to wait: too many requests"),
        Reason.BLOCKED: _("blocked by a bot check"),
        Reason.AMBIGUOUS: _("the answer fits both found and not found"),
        Reason.TOO_LARGE: _("the page is too big to read"),
        Reason.TIMEOUT: _("no answer in time"),
        Reason.REFUSED: _("the site refused the connection"),
        Reason.DNS: _("the site's name was not found"),
        Reason.TLS: _("no secure connection possible"),
        Reason.BROKEN: _("the connection broke off"),
        Reason.NO_NETWORK: _("no connection"),
        Reason.NOT_POSSIBLE: _("this username is not possible on this site"),
        Reason.NOT_CHECKED: _("not checked: the time was up"),
        Reason.BAD_ADDRESS: _("the address in the site list is not right"),
    }
    if outcome.reason == Reason.UNEXPECTED:
        if outcome.status is None:
            return _("unexpected answer")
        return _("unexpected answer: status %(status)d") % status
    assert outcome.reason is not None
    return labels[outcome.reason]


def state(outcome: Outcome) -> Text:
    if outcome.state == State.FOUND:
        return Text(_("found"), style="bold green")
    if outcome.state == State.NOT_FOUND:
        return Text(_("not found"), style="dim")
    style = "dim" if not outcome.unchecked else "yellow"
    return Text(_("unknown: %(why)s") % {"why": reason(outcome)}, style=style)


def _key(result: Result) -> str:
    return urls.key(result.address) if result.address else ""


def table(
    found: Catalogue,
    name: str,
    results: Sequence[Result],
    new: Set[str] = frozenset(),
    width: int = 120,
) -> Table:
    """One username's results; a profile found since the last check is marked NEW.

    Narrower than 100 columns the category is left out, so an address fits on one line and can
    be copied."""
    lang = language()
    with_category = width >= 100
    title = Text(_("Username "))
    title.append_text(text(name, "bold"))
    grid = Table(title=title, title_justify="left", expand=False)
    grid.add_column(_("Site"), overflow="fold", max_width=18)
    if with_category:
        grid.add_column(_("Category"), overflow="fold")
    grid.add_column(_("Result"), overflow="fold", max_width=20)
    longest = max(
        (len(r.address or "") for r in results if r.outcome.state == State.FOUND), default=0
    )
    grid.add_column(_("Address"), overflow="fold", min_width=max(7, min(longest, width - 48)))
    order = {site.id: n for n, site in enumerate(found.sites)}
    rows = sorted(
        results,
        key=lambda r: (_ORDER[r.outcome.state], not r.outcome.unchecked, order[r.site.id]),
    )
    for result in rows:
        outcome = state(result.outcome)
        if result.outcome.state == State.FOUND and _key(result) in new:
            outcome.append("  " + _("NEW"), style="bold yellow")
        cells = [text(result.site.name), outcome]
        if with_category:
            cells.insert(1, text(found.category(result.site, lang)))
        found_it = result.outcome.state == State.FOUND
        cells.append(text(result.address or "", "blue") if found_it else Text(""))
        grid.add_row(*cells)
    return grid


def changes(diff: Diff) -> Group:
    """Since the last check: how many profiles are new, and the ones no longer found."""
    assert diff.previous is not None
    parts: list[RenderableType] = [
        Text(
            _("Since the last check (%(date)s): %(new)s, %(gone)s.")
            % {
                "date": fmt.day(diff.previous.started_at.date()),
                "new": ngettext("%(n)d new profile", "%(n)d new profiles", len(diff.new))
                % {"n": len(diff.new)},
                "gone": ngettext("%(n)d gone", "%(n)d gone", len(diff.gone))
                % {"n": len(diff.gone)},
            },
            style="bold",
        )
    ]
    if diff.gone:
        parts.append(Text(_("No longer found (the site now says there is no such account):")))
        for finding in diff.gone:
            line = Text("  • ")
            line.append_text(text(finding.title, "bold"))
            line.append(" ")
            line.append_text(text(finding.url, "blue"))
            parts.append(line)
    return Group(*parts)


def summary(names: Sequence[str], results: Sequence[Result]) -> Group:
    parts: list[RenderableType] = [Text()]
    for name in names:
        mine = [r for r in results if r.username == name]
        hits = sum(r.outcome.state == State.FOUND for r in mine)
        misses = sum(r.outcome.state == State.NOT_FOUND for r in mine)
        line = text(name, "bold")
        line.append(": ")
        line.append(
            ngettext("found on %(n)d site", "found on %(n)d sites", hits) % {"n": hits},
            style="green" if hits else "",
        )
        line.append(", ")
        line.append(ngettext("not found on %(n)d", "not found on %(n)d", misses) % {"n": misses})
        unchecked = sum(r.outcome.unchecked for r in mine)
        if unchecked:
            line.append(", ")
            line.append(
                ngettext("%(n)d could not be checked", "%(n)d could not be checked", unchecked)
                % {"n": unchecked},
                style="yellow",
            )
        impossible = sum(r.outcome.state == State.UNKNOWN and not r.outcome.unchecked for r in mine)
        if impossible:
            line.append(", ")
            line.append(
                ngettext(
                    "%(n)d where this name is not possible",
                    "%(n)d where this name is not possible",
                    impossible,
                )
                % {"n": impossible},
                style="dim",
            )
        line.append(".")
        parts.append(line)
    unchecked_sites = {r.site.id for r in results if r.outcome.unchecked}
    if unchecked_sites:
        parts.append(
            Text(
                ngettext(
                    "%(n)d site could not be checked: that is not the same as 'not found'.",
                    "%(n)d sites could not be checked: that is not the same as 'not found'.",
                    len(unchecked_sites),
                )
                % {"n": len(unchecked_sites)},
                style="bold yellow",
            )
        )
    if results and all(r.outcome.unchecked for r in results):
        parts.append(
            Text(
                _("Not one site answered: is this computer connected to the internet?"),
                style="bold yellow",
            )
        )
    return Group(*parts)


def to_review(n: int) -> Text:
    """Found profiles not judged yet: where to judge them (ok, action, not me)."""
    return Text(
        ngettext(
            "%(n)d profile found is not judged yet. Go through it with: onlineveilig search-me "
            "--review",
            "%(n)d profiles found are not judged yet. Go through them with: onlineveilig "
            "search-me --review",
            n,
        )
        % {"n": n},
        style="bold",
    )


def by_hand(results: Sequence[Result]) -> Group:
    """The pages that could not be checked, one per line (an address stays whole, to click)."""
    parts: list[RenderableType] = [
        Text(
            _("Look there yourself, in your browser (a private window shows what a stranger sees):")
        )
    ]
    for result in results:
        line = Text("  • ")
        line.append_text(text(result.site.name, "bold"))
        line.append(": ")
        line.append_text(text(result.address or "", "blue"))
        parts.append(line)
    return Group(*parts)


def self_check(
    found: Catalogue, results: Sequence[Result], failures: Sequence[Failure], broken: list[Site]
) -> Group:
    parts: list[RenderableType] = []
    sites = len({r.site.id for r in results})
    if not failures:
        parts.append(
            Text(
                ngettext(
                    "The rule of the %(n)d site checked still holds.",
                    "The rules of all %(n)d sites checked still hold.",
                    sites,
                )
                % {"n": sites},
                style="green",
            )
        )
        return Group(*parts)
    grid = Table(expand=False)
    grid.add_column(_("Site"), overflow="fold")
    grid.add_column(_("Username"), overflow="fold")
    grid.add_column(_("Expected"))
    grid.add_column(_("Result"), overflow="fold")
    for failure in failures:
        expected = _("found") if failure.expected == State.FOUND else _("not found")
        grid.add_row(
            text(failure.result.site.name),
            text(failure.result.username),
            expected,
            state(failure.result.outcome),
        )
    parts.append(grid)
    if broken:
        parts.append(
            Text(
                ngettext(
                    "The rule of %(n)d site no longer holds: its entry in the list needs fixing.",
                    "The rules of %(n)d sites no longer hold: their entries in the list need "
                    "fixing.",
                    len(broken),
                )
                % {"n": len(broken)},
                style="bold red",
            )
        )
        parts.append(text(", ".join(site.name for site in broken)))
    rest = len({f.result.site.id for f in failures} - {s.id for s in broken})
    if rest:
        parts.append(
            Text(
                ngettext(
                    "%(n)d site could not be checked; try again later.",
                    "%(n)d sites could not be checked; try again later.",
                    rest,
                )
                % {"n": rest},
                style="yellow",
            )
        )
    return Group(*parts)
