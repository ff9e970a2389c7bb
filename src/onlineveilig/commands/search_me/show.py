"""Printing a run: the chart, the tables (new and gone), JSON for other tools, the history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.text import Text

from onlineveilig.commands.common import print_json
from onlineveilig.content.models import SiteList
from onlineveilig.i18n import _, language, ngettext
from onlineveilig.search import findings as fnd
from onlineveilig.search.model import Diff, Finding, Mark, Run, RunKind
from onlineveilig.text import clean
from onlineveilig.ui import findings as ui
from onlineveilig.ui import format as fmt


def diffs(runs: Sequence[Run]) -> dict[int, Diff]:
    return {run.id: fnd.diff(fnd.previous_of(runs, run), run) for run in runs}


def order(sites: SiteList) -> dict[Any, int]:
    return {c.id: c.order for c in sites.categories}


def results(
    out: Console,
    sites: SiteList,
    run: Run,
    diff: Diff,
    marks: Mapping[str, Mark],
    *,
    show_all: bool,
) -> None:
    out.print()
    out.print(ui.summary_line(run, diff))
    if not run.findings:
        out.print(
            Text(
                _(
                    "Nothing came back for these searches. That is good news — check again "
                    "next month."
                ),
                style="green",
            )
        )
        return
    out.print(ui.chart(sites, fnd.counts(run.findings)))
    if diff.previous is not None and not diff.new and not diff.gone:
        out.print(Text(_("Nothing new and nothing gone since the previous search."), style="green"))
    new = {f.key for f in diff.new}
    everything = show_all or diff.previous is None
    shown = fnd.ordered(run.findings if everything else diff.new, order(sites))
    for part in ui.findings_tables(sites, shown, marks, new):
        out.print(part)
    hidden = len(run.findings) - len(shown)
    if hidden:
        out.print(
            Text(
                ngettext(
                    "%(n)d result is the same as last time and is not shown "
                    "(--all shows everything).",
                    "%(n)d results are the same as last time and are not shown "
                    "(--all shows everything).",
                    hidden,
                )
                % {"n": hidden},
                style="dim",
            )
        )
    if diff.gone:
        out.print()
        out.print(ui.gone_table(fnd.ordered(diff.gone, order(sites)), marks))


def _finding_json(
    f: Finding, marks: Mapping[str, Mark], first_seen: Mapping[str, datetime], new: set[str]
) -> dict[str, Any]:
    mark = marks.get(f.key)
    seen = first_seen.get(f.key)
    return {
        "url": clean(f.url),
        "title": clean(f.title),
        "snippet": clean(f.shown_snippet(language())),
        "category": f.category.value,
        "personal_data": [flag.value for flag in f.flags],
        "queries": [clean(q) for q in f.queries],
        "rank": f.rank,
        "new": f.key in new,
        "first_seen": seen.date().isoformat() if seen else None,
        "verdict": mark.verdict.value if mark else None,
        "action": mark.action.value if mark and mark.action else None,
        "action_done": bool(mark and mark.done_at),
        "note": clean(mark.note) if mark else "",
    }


def run_json(
    run: Run,
    diff: Diff,
    marks: Mapping[str, Mark],
    first_seen: Mapping[str, datetime],
    sites: SiteList,
    host: str = "",
) -> dict[str, Any]:
    new = {f.key for f in diff.new}
    return {
        "run": run.id,
        "provider": run.provider,
        "host": host or None,
        "name": clean(run.subject),
        "started": run.started_at.isoformat(timespec="seconds"),
        "finished": run.finished_at.isoformat(timespec="seconds") if run.finished_at else None,
        "status": run.status.value,
        "stopped_because": run.reason or None,
        "queries": [clean(q) for q in run.queries],
        "answered": [clean(q) for q in run.done],
        "compared_with": diff.previous.id if diff.previous else None,
        "findings": [
            _finding_json(f, marks, first_seen, new)
            for f in fnd.ordered(run.findings, order(sites))
        ],
        "gone": [_finding_json(f, marks, first_seen, set()) for f in diff.gone],
    }


def print_run_json(*args: Any, **kwargs: Any) -> None:
    print_json(run_json(*args, **kwargs))


def _history_entry(r: Run, diff: Diff) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "run": r.id,
        "kind": r.kind.value,
        "provider": r.provider,
        "started": r.started_at.isoformat(timespec="seconds"),
        "status": r.status.value,
        "stopped_because": r.reason or None,
    }
    if r.kind == RunKind.PROFILES:
        # Usernames are personal: counted, not listed (the run itself lists them).
        entry |= {"usernames": len(r.queries)} | ui.check_counts(r)
    else:
        entry |= {
            "name": clean(r.subject),
            "queries": len(r.queries),
            "answered": len(r.done),
        }
    entry |= {
        "results": len(r.findings),
        "new": len(diff.new) if diff.previous else None,
        "gone": len(diff.gone) if diff.previous else None,
    }
    return entry


def history(out: Console, runs: Sequence[Run], as_json: bool) -> None:
    """Every search, then every username check (onlineveilig profiles), each with its own
    new and gone (a kind is only ever compared with itself)."""
    all_diffs = diffs(runs)
    if as_json:
        print_json([_history_entry(r, all_diffs[r.id]) for r in runs])
        return
    if not runs:
        out.print(_("You have not searched yet. Start with: onlineveilig search-me"))
        return
    searches = [r for r in runs if r.kind == RunKind.SEARCH]
    checks = [r for r in runs if r.kind == RunKind.PROFILES]
    if searches:
        out.print(ui.history_table(searches, all_diffs))
        counts = [len(r.findings) for r in searches]
        most = max(counts) or 1
        out.print(
            Text.assemble(
                (_("Results per search: "), "dim"),
                (fmt.sparkline([round(100 * c / most) for c in counts]), "cyan"),
                (f"  ({counts[0]} → {counts[-1]})", "dim"),
            )
        )
    if checks:
        out.print(ui.profiles_history_table(checks, all_diffs))
