"""The profiles flow: which list, which usernames, the question, the checks, the answer."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from onlineveilig.commands.common import fail, fail_with, open_store
from onlineveilig.commands.profiles import data, show
from onlineveilig.errors import ContentError, ExitCode, OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.profiles import address
from onlineveilig.profiles.loader import Catalogue, load
from onlineveilig.profiles.network import Check, Result
from onlineveilig.profiles.verdict import State
from onlineveilig.search.model import Diff
from onlineveilig.search.queries import split_list
from onlineveilig.store.repo import Store
from onlineveilig.ui import console, prompts

MAX_OPEN = 20  # pages offered to open in the browser at once


@dataclass(frozen=True)
class Options:
    names: tuple[str, ...] = ()
    sites: Path | None = None
    yes: bool = False
    dry_run: bool = False
    self_check: bool = False
    as_json: bool = False
    timeout: float = 10.0


def catalogue(path: Path | None) -> Catalogue:
    try:
        found = load(path)
    except OnlineveiligError as error:
        if isinstance(error, ContentError) and path is not None:
            error.given = "--sites"  # typed on the command line, not taken from the settings
        fail_with(error)
    if not found.sites:
        fail(
            _("No site in %(path)s can be checked.") % {"path": found.path},
            show.skipped_text(found.skipped),
            ExitCode.CONTENT,
        )
    return found


def usernames(options: Options) -> tuple[str, ...]:
    """The usernames to check: the ones given, else the profile's (config set usernames)."""
    if options.names:
        names = split_list(" ".join(options.names))
        where = ""
    else:
        with open_store() as store:
            names = split_list(store.profile().get("usernames", ""))
        where = _('Change them with: onlineveilig config set usernames "name1, name2"')
    if not names:
        fail(
            _("There is no username to check."),
            _('Add yours with: onlineveilig config set usernames "name1, name2"'),
        )
    for name in names:
        if address.problem(name) is not None:
            fail(
                _(
                    "%(name)s cannot be a username: a username has no spaces and none of "
                    "/ \\ ? # %% or two dots in a row."
                )
                % {"name": name},
                where,
            )
    return names


def run(options: Options) -> None:
    out = console.out()
    err = console.err()  # the plan, the question and the progress: stderr (--json stays clean)
    found = catalogue(options.sites)
    if options.self_check:
        from onlineveilig.profiles import selfcheck

        checks = selfcheck.checks(found.sites)
        names: tuple[str, ...] = ()
    else:
        names = usernames(options)
        checks = [Check(site, name) for name in names for site in found.sites]
    err.print(show.plan(found, names, len(checks), options.sites is not None))
    if options.dry_run:
        err.print(show.site_names(found))
        err.print(Text(_("Dry run: nothing was sent."), style="bold"))
        return
    if not options.yes:
        try:
            go = prompts.yes_no(err, prompts.yes_no_prompt(_("Go ahead?"), True), True)
        except prompts.Paused:
            err.print()
            go = False
        if not go:
            err.print(_("Nothing was sent."))
            raise typer.Exit(int(ExitCode.CANCELLED))
    if options.self_check:
        results, stopped = _check(checks, options.timeout, err)
        _after_self_check(out, found, results, stopped, options.as_json)
        return
    from onlineveilig.commands.profiles.record import Recorder

    with open_store() as store:
        recorder = Recorder(store, found, names)
        # A StoreError here leaves the run 'running': the next run marks it interrupted.
        results, stopped = _check(checks, options.timeout, err, recorder)
        run_id = recorder.close(stopped)
        changes, todo = _changes(store, run_id)
    _after(out, err, found, names, results, stopped, options.as_json, changes, todo)


def _changes(store: Store, run_id: int | None) -> tuple[Diff | None, int]:
    """What changed since the previous profiles run (None when nothing was kept), and how many
    of its found profiles are not judged yet."""
    from onlineveilig.search import findings as fnd

    current = store.search.run(run_id) if run_id is not None else None
    if current is None:
        return None, 0
    todo = len(fnd.unreviewed(current.findings, store.search.marks()))
    return fnd.diff(store.search.previous(current), current), todo


def _check(
    checks: list[Check],
    timeout: float,
    err: Console,
    keep: Callable[[Result], None] | None = None,
) -> tuple[list[Result], bool]:
    from onlineveilig.profiles import network

    results: list[Result] = []
    counts = {State.FOUND: 0, State.UNKNOWN: 0}
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )

    def tally() -> str:
        return _("found: %(found)d, unknown: %(unknown)d") % {
            "found": counts[State.FOUND],
            "unknown": counts[State.UNKNOWN],
        }

    with progress:
        task = progress.add_task(_("Checking sites"), total=len(checks), counts=tally())

        def on_result(result: Result) -> None:
            if keep is not None:
                keep(result)  # stored first: a kill a moment later keeps it
            results.append(result)
            if result.outcome.state in counts:
                counts[result.outcome.state] += 1
            progress.update(task, advance=1, counts=tally())

        try:
            network.run(checks, on_result, timeout=timeout, deadline=network.DEADLINE)
        except KeyboardInterrupt:
            return results, True
    return results, False


def _after(
    out: Console,
    err: Console,
    found: Catalogue,
    names: tuple[str, ...],
    results: list[Result],
    stopped: bool,
    as_json: bool,
    changes: Diff | None = None,
    todo: int = 0,
) -> None:
    if stopped:
        err.print(
            Text(
                _("Stopped: %(done)d of the %(total)d checks were done.")
                % {"done": len(results), "total": len(names) * len(found.sites)},
                style="bold yellow",
            )
        )
        if results:
            err.print(_("They are kept; the next check asks every site again."))
    new = {f.key for f in changes.new} if changes and changes.previous else set()
    if as_json:
        data.results_json(found, names, results, complete=not stopped, changes=changes)
    else:
        for name in names:
            mine = [r for r in results if r.username == name]
            if mine or not stopped:
                out.print(show.table(found, name, mine, new, out.width))
        answered = any(not r.outcome.unchecked for r in results)
        if changes is not None and changes.previous is not None and answered:
            out.print(show.changes(changes))  # with no answer at all there is nothing to compare
        out.print(show.summary(names, results))
        if todo:
            out.print(show.to_review(todo))
        unchecked = [r for r in results if r.outcome.unchecked and r.address]
        if unchecked:
            out.print(show.by_hand(unchecked))
            if not stopped:
                _offer_to_open(out, [r.address for r in unchecked if r.address])
    if stopped:
        raise typer.Exit(int(ExitCode.CANCELLED))
    if any(r.outcome.unchecked for r in results):
        raise typer.Exit(int(ExitCode.SEARCH))


def _after_self_check(
    out: Console, found: Catalogue, results: list[Result], stopped: bool, as_json: bool
) -> None:
    from onlineveilig.profiles import selfcheck

    failures = selfcheck.failures(results)
    broken = selfcheck.broken_sites(failures)
    if as_json:
        data.self_check_json(found, results, failures, complete=not stopped)
    else:
        out.print(show.self_check(found, results, failures, broken))
    if stopped:
        raise typer.Exit(int(ExitCode.CANCELLED))
    if broken:
        raise typer.Exit(int(ExitCode.CONTENT))
    if failures:
        raise typer.Exit(int(ExitCode.SEARCH))


def _offer_to_open(out: Console, addresses: list[str]) -> None:
    """In a terminal, the pages that could not be checked can be opened in the browser."""
    if not sys.stdin.isatty() or not sys.stdout.isatty() or len(addresses) > MAX_OPEN:
        return
    from onlineveilig.commands.search_me.manual import open_all

    try:
        wanted = prompts.yes_no(
            out,
            prompts.yes_no_prompt(
                _("Open these %(n)d pages in your browser now?") % {"n": len(addresses)}, False
            ),
            False,
        )
    except prompts.Paused:
        wanted = False
    if wanted and not open_all(addresses):
        out.print(Text(_("No browser could be opened; open the pages yourself."), style="yellow"))
