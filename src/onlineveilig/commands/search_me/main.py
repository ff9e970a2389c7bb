"""The search-me flow: history, review, or a new run (network, saved page or manual)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.text import Text

from onlineveilig.commands.common import fail, fail_with, open_store, platforms_of
from onlineveilig.commands.search_me import fetch, manual, plan, review, show
from onlineveilig.content.loader import load_sites
from onlineveilig.content.models import SiteList
from onlineveilig.errors import ExitCode, OnlineveiligError, SearchError
from onlineveilig.i18n import _, ngettext
from onlineveilig.search import findings as fnd
from onlineveilig.search.classify import Classifier
from onlineveilig.search.model import Finding, Run, RunKind
from onlineveilig.search.queries import build
from onlineveilig.store.repo import Store
from onlineveilig.ui import console, prompts
from onlineveilig.ui.errors import explain
from onlineveilig.ui.safe import text


def sites() -> SiteList:
    try:
        return load_sites()
    except OnlineveiligError as error:
        fail_with(error)


def classifier(data: SiteList) -> Classifier:
    return Classifier.from_entries({c.id: c.domains for c in data.categories})


def run(options: plan.Options) -> None:
    out = console.out()
    # Results go to stdout; questions, progress and messages to stderr (so --json stays clean).
    err = console.err()
    if options.providers:
        out.print(plan.overview(plan.config()))
        return
    with open_store() as store:
        data = sites()
        if options.history:
            show.history(out, store.search.runs(), options.as_json)
            return
        if options.review:
            # The last search and the last username check (onlineveilig profiles).
            latest = [
                run
                for run in (store.search.latest(), store.search.latest(RunKind.PROFILES))
                if run is not None
            ]
            if not latest:
                # Nothing to judge is not an error: say so and end normally.
                out.print(_("There is nothing to review yet. Start with: onlineveilig search-me"))
                return
            _review(out if not options.as_json else err, store, data, *latest)
            return
        values = plan.config()
        if options.from_file is not None:
            who = options.name or store.profile().get("name", "") or options.from_file.name
            run_id = fetch.saved_page(store, options.from_file, who, classifier(data))
            _after(out, err, store, data, run_id, options, error=None, stopped=False)
            return
        subject = plan.subject(options, store, err)
        queries = build(subject)
        name = plan.choose_name(options, values)
        code = plan.country(options, values)
        if name == "manual":
            if options.as_json:
                fail(_("--json does not go with the manual mode."))
            addresses = manual.show(out, queries, subject.name, platforms_of(store.profile()), code)
            if options.dry_run:
                return
            _offer_to_open(out, addresses)
            pasted = fetch.pasted(store, subject.name, queries, classifier(data), out)
            if pasted is None:
                out.print(_("Nothing was pasted, so nothing was saved."))
                return
            _after(out, err, store, data, pasted, options, error=None, stopped=False)
            return
        choice = plan.provider(name, options, values, code)
        chosen = choice.provider
        err.print(plan.plan_panel(chosen, queries, choice.key_source))
        if options.dry_run:
            err.print(Text(_("Dry run: nothing was sent."), style="bold"))
            return
        if not plan.go_ahead(options, err):
            err.print(_("Nothing was sent."))
            raise typer.Exit(int(ExitCode.CANCELLED))
        run_id, error, stopped = fetch.network(
            store, chosen, subject.name, queries, classifier(data), options.timeout, err
        )
        if store.search.run(run_id) is None:
            # Not one answer: say why, keep nothing.
            if stopped:
                err.print(Text(_("Stopped. Nothing had come back yet, so nothing was saved.")))
                raise typer.Exit(int(ExitCode.CANCELLED))
            assert error is not None
            fail_with(error)
        _after(
            out, err, store, data, run_id, options, error=error, stopped=stopped, host=chosen.host
        )


def _offer_to_open(out: Console, addresses: list[str]) -> None:
    """In a terminal, the pages can be opened in the user's browser (never without asking)."""
    import sys

    if not sys.stdin.isatty():
        return
    try:
        wanted = prompts.yes_no(
            out,
            _("Open these %(n)d pages in your browser now? [yes/no] ") % {"n": len(addresses)},
            False,
        )
    except prompts.Paused:
        wanted = None
    if wanted and not manual.open_all(addresses):
        out.print(Text(_("No browser could be opened; open the pages yourself."), style="yellow"))


def _after(
    out: Console,
    err: Console,
    store: Store,
    data: SiteList,
    run_id: int,
    options: plan.Options,
    *,
    error: SearchError | None,
    stopped: bool,
    host: str = "",
) -> None:
    current = store.search.run(run_id)
    assert current is not None  # the caller checked that it was kept
    diff = fnd.diff(store.search.previous(current), current)
    marks = store.search.marks()
    if error is not None or stopped:
        _stopped_early(err, current, error, stopped)
    if options.as_json:
        show.print_run_json(current, diff, marks, store.search.first_seen(), data, host)
    else:
        show.results(out, data, current, diff, marks, show_all=options.show_all)
        todo = fnd.unreviewed(current.findings, marks)
        if todo:
            out.print()
            out.print(
                Text(
                    ngettext(
                        "%(n)d result is not judged yet.",
                        "%(n)d results are not judged yet.",
                        len(todo),
                    )
                    % {"n": len(todo)},
                    style="bold",
                )
            )
            if options.yes or stopped:  # after Ctrl-C: no more questions
                out.print(_("Go through them with: onlineveilig search-me --review"))
            else:
                try:
                    now = prompts.yes_no(out, _("Go through them now? [yes/no] "), True)
                except prompts.Paused:
                    now = None
                if now:
                    _review(out, store, data, current)
                else:
                    out.print(_("Later, with: onlineveilig search-me --review"))
    if error is not None or stopped:
        raise typer.Exit(int(ExitCode.SEARCH if error else ExitCode.CANCELLED))


def _stopped_early(err: Console, run: Run, error: SearchError | None, stopped: bool) -> None:
    if error is not None:
        message, hint, _code = explain(error)
        err.print(Text(message, style="bold red"))
        if hint:
            err.print(text(hint))
    elif stopped:
        err.print(Text(_("Stopped."), style="bold"))
    err.print(
        Text(
            _(
                "Kept what had come back: %(done)d of %(total)d searches, %(results)s. "
                "The next search does them all again."
            )
            % {
                "done": len(run.done),
                "total": len(run.queries),
                "results": ngettext("%(n)d result", "%(n)d results", len(run.findings))
                % {"n": len(run.findings)},
            },
            style="yellow",
        )
    )


def _review(out: Console, store: Store, data: SiteList, *runs: Run) -> None:
    """The findings of these runs not judged yet, then their open actions (an address found by
    both search-me and profiles is one finding: asked about once)."""
    marks = store.search.marks()
    findings: dict[str, Finding] = {}
    new: set[str] = set()
    for current in runs:
        diff = fnd.diff(store.search.previous(current), current)
        new |= {f.key for f in diff.new}
        for finding in current.findings:
            findings.setdefault(finding.key, finding)
    order = show.order(data)
    todo = fnd.ordered(fnd.unreviewed(findings.values(), marks), order)
    actions = fnd.ordered(fnd.open_actions(findings.values(), marks), order)
    if not todo and not actions:
        out.print(_("Every result of your last search has been judged. Nothing to do."))
        return
    review.review(
        out,
        store,
        data,
        todo,
        actions,
        marks,
        new,
        store.search.first_seen(),
    )
