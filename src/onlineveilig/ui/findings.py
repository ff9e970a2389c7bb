"""How search findings, their review cards and the run history look in the terminal.

Every title, snippet and address comes from a stranger's web page: it is shown through
onlineveilig.ui.safe.text (no rich markup, no control or bidi characters), never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from onlineveilig.content.models import SiteCategory, SiteList
from onlineveilig.i18n import _, language, ngettext
from onlineveilig.search.model import ActionKind, Category, Diff, Finding, Flag, Mark, Run, Verdict
from onlineveilig.ui import format as fmt
from onlineveilig.ui.safe import text


def flag_label(flag: Flag) -> str:
    return {
        Flag.PHONE: _("phone number"),
        Flag.EMAIL: _("e-mail address"),
        Flag.ADDRESS: _("street address"),
        Flag.BIRTHDATE: _("date of birth"),
    }[flag]


def action_label(action: ActionKind, *, profile: bool = False) -> str:
    """What the user means to do; for a found profile (an account) in an account's words."""
    if profile and action in (ActionKind.REMOVE, ActionKind.PRIVACY, ActionKind.ASK_SITE):
        return {
            ActionKind.REMOVE: _("delete the old account"),
            ActionKind.PRIVACY: _("make the account private"),
            ActionKind.ASK_SITE: _("ask the site to remove the account"),
        }[action]
    return {
        ActionKind.REMOVE: _("remove it yourself"),
        ActionKind.PRIVACY: _("change the privacy settings"),
        ActionKind.ASK_SITE: _("ask the website to take it down"),
        ActionKind.ASK_COLLEAGUE: _("look at it with a colleague"),
    }[action]


def mark_label(mark: Mark | None, *, profile: bool = False) -> Text:
    if mark is None:
        return Text(_("not reviewed"), style="dim")
    if mark.verdict == Verdict.OK:
        return Text(_("ok"), style="green")
    if mark.verdict == Verdict.NOT_ME:
        return Text(_("not me"), style="dim")
    label = _("action")
    if mark.action is not None:
        label += ": " + action_label(mark.action, profile=profile)
    if mark.done_at is not None:
        return Text(label + " — " + _("done"), style="green")
    return Text(label, style="red")


def provider_label(provider: str) -> str:
    from onlineveilig.search.providers import LABELS

    if provider == "manual":
        return _("by hand")
    if provider == "file":
        return _("saved page")
    return LABELS.get(provider, provider)


def category_of(sites: SiteList, category: Category) -> SiteCategory | None:
    return next((c for c in sites.categories if c.id == category), None)


def category_title(sites: SiteList, category: Category) -> str:
    found = category_of(sites, category)
    return found.title.get(language()) if found else category.value


def chart(sites: SiteList, counts: Mapping[str, int]) -> Table:
    """A bar per category: where the results are."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    most = max(counts.values(), default=0)
    for category in sorted(sites.categories, key=lambda c: c.order):
        n = counts.get(category.id.value, 0)
        if not n:
            continue
        width = max(1, round(24 * n / most)) if most else 0
        table.add_row(category.title.get(language()), str(n), Text("█" * width, style="cyan"))
    return table


def summary_line(run: Run, diff: Diff | None) -> Text:
    line = Text(
        ngettext("%(n)d result", "%(n)d results", len(run.findings)) % {"n": len(run.findings)},
        style="bold",
    )
    if diff is not None and diff.previous is not None:
        line.append(
            " — "
            + _("since %(date)s: %(new)d new, %(gone)d gone")
            % {
                "date": fmt.day(diff.previous.started_at.date()),
                "new": len(diff.new),
                "gone": len(diff.gone),
            }
        )
    return line


def _result_cell(finding: Finding, *, snippet: bool) -> Text:
    cell = text(finding.title, "bold")
    cell.append("\n")
    cell.append_text(text(finding.url, "blue"))
    if snippet and finding.snippet:
        cell.append("\n")
        cell.append_text(text(finding.shown_snippet(language()), "dim"))
    return cell


def findings_tables(
    sites: SiteList,
    findings: Sequence[Finding],
    marks: Mapping[str, Mark],
    new: set[str],
    *,
    snippets: bool = True,
) -> list[RenderableType]:
    """One table per category, most exposing category first."""
    parts: list[RenderableType] = []
    by_category: dict[Category, list[Finding]] = {}
    for finding in findings:
        by_category.setdefault(finding.category, []).append(finding)
    for category in sorted(sites.categories, key=lambda c: c.order):
        rows = by_category.get(category.id)
        if not rows:
            continue
        head = Text(f"{category.title.get(language())} ({len(rows)})", style="bold cyan")
        head.append("\n" + category.exposes.get(language()), style="dim")
        table = Table(show_header=True, expand=True, pad_edge=False, show_lines=True)
        table.add_column("", width=6, no_wrap=True)
        # The result (with its address) gets most of the width: an address should stay whole.
        table.add_column(_("Result"), ratio=7, overflow="fold")
        table.add_column(_("Shows"), ratio=2, overflow="fold", min_width=8)
        table.add_column(_("Your verdict"), ratio=2, overflow="fold", min_width=10)
        for finding in rows:
            table.add_row(
                Text(_("NEW"), style="bold yellow") if finding.key in new else Text(""),
                _result_cell(finding, snippet=snippets),
                Text(", ".join(flag_label(f) for f in finding.flags), style="red")
                if finding.flags
                else Text("—", style="dim"),
                mark_label(marks.get(finding.key)),
            )
        parts += [Text(""), head, table]
    return parts


def gone_table(findings: Sequence[Finding], marks: Mapping[str, Mark]) -> Table:
    table = Table(
        title=_("No longer found (since the previous search)"),
        title_justify="left",
        expand=True,
    )
    table.add_column(_("Result"), ratio=7, overflow="fold")
    table.add_column(_("Your verdict"), ratio=2, overflow="fold", min_width=10)
    for finding in findings:
        table.add_row(_result_cell(finding, snippet=False), mark_label(marks.get(finding.key)))
    return table


def review_card(
    sites: SiteList,
    finding: Finding,
    position: int,
    total: int,
    *,
    new: bool,
    first_seen: datetime | None,
) -> RenderableType:
    lang = language()
    head = Text()
    head.append(f"{position}/{total} ", style="bold")
    head.append(fmt.bar(position - 1, total, 12) + "  ", style="cyan")
    head.append(category_title(sites, finding.category), style="magenta")
    if new:
        head.append("  " + _("NEW"), style="bold yellow")
    parts: list[RenderableType] = [head]
    if not new and first_seen is not None:
        # On its own line: beside the category it does not fit 80 columns.
        seen = _("First found on %(date)s") % {"date": fmt.day(first_seen.date())}
        parts.append(Text(seen, style="dim"))
    parts += [text(finding.title, "bold"), text(finding.url, "blue")]
    if finding.snippet:
        parts.append(text(finding.shown_snippet(lang), "italic"))
    if finding.flags:
        parts.append(
            Text.assemble(
                (_("Shows: "), "bold red"), ", ".join(flag_label(f) for f in finding.flags)
            )
        )
    found_with = _("Username: ") if finding.category == Category.PROFILE else _("Found with: ")
    parts.append(Text.assemble((found_with, "dim"), text("; ".join(finding.queries), "dim")))
    category = category_of(sites, finding.category)
    if category is not None:
        parts.append(Text.assemble((_("Tip: "), "italic"), category.advice.get(lang)))
    return Group(*parts)


def history_table(runs: Sequence[Run], diffs: Mapping[int, Diff]) -> Table:
    # The name is a column only when more than one name was searched.
    names = len({r.subject.lower() for r in runs}) > 1
    table = Table(title=_("Your searches"), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("Date"), no_wrap=True)
    # At 80 columns every column must stay readable in Dutch too ("bewaarde pagina" may wrap).
    table.add_column(_("Via"), overflow="fold", min_width=8)
    if names:
        table.add_column(_("Name"), overflow="fold", min_width=10)
    table.add_column(_("Queries"), justify="right", no_wrap=True)
    table.add_column(_("Results"), justify="right", no_wrap=True)
    table.add_column(_("New"), justify="right", no_wrap=True)
    table.add_column(_("Gone"), justify="right", no_wrap=True)
    table.add_column(_("Status"), overflow="fold", min_width=8)
    for run in runs:
        diff = diffs.get(run.id)
        compared = diff is not None and diff.previous is not None
        table.add_row(
            str(run.id),
            run.started_at.date().isoformat(),
            provider_label(run.provider),
            *([text(run.subject)] if names else []),
            f"{len(run.done)}/{len(run.queries)}",
            str(len(run.findings)),
            str(len(diff.new)) if diff and compared else "—",
            str(len(diff.gone)) if diff and compared else "—",
            status_label(run),
        )
    return table


def check_counts(run: Run) -> dict[str, int]:
    """A profiles run's checks: found, not found, unknown."""
    states = [c.state for c in run.checks]
    return {
        "found": states.count("found"),
        "not_found": states.count("not-found"),
        "unknown": states.count("unknown"),
    }


def profiles_history_table(runs: Sequence[Run], diffs: Mapping[int, Diff]) -> Table:
    """The username checks (onlineveilig profiles): how many usernames, and what came back."""
    table = Table(title=_("Your username checks"), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_("Date"), no_wrap=True)
    table.add_column(_("Usernames"), justify="right")
    table.add_column(_("Result"), overflow="fold", min_width=12)
    table.add_column(_("New"), justify="right", no_wrap=True)
    table.add_column(_("Gone"), justify="right", no_wrap=True)
    table.add_column(_("Status"), overflow="fold", min_width=10)
    for run in runs:
        diff = diffs.get(run.id)
        compared = diff is not None and diff.previous is not None
        n = check_counts(run)
        table.add_row(
            str(run.id),
            run.started_at.date().isoformat(),
            str(len(run.queries)),
            _("%(found)d found, %(not_found)d not found, %(unknown)d unknown") % n,
            str(len(diff.new)) if diff and compared else "—",
            str(len(diff.gone)) if diff and compared else "—",
            status_label(run),
        )
    return table


def status_label(run: Run) -> Text:
    from onlineveilig.search.model import RunKind, RunStatus

    if run.status == RunStatus.COMPLETE:
        if run.kind == RunKind.PROFILES:  # every site was asked; some may not have answered
            return Text(_("finished"), style="green")
        return Text(_("complete"), style="green")
    reasons = {
        "stopped": _("stopped by you"),
        "interrupted": _("broken off"),
        "blocked": _("blocked by the provider"),
        "rate-limited": _("limit reached"),
        "deadline": _("the time was up"),
    }
    reason = reasons.get(run.reason, _("stopped early by an error"))
    if run.status.value == "running":
        reason = _("not finished (broken off, or still running)")
    return Text(reason, style="yellow")
