"""Getting the hits of a run: from a provider over the network, from a saved page, or pasted by
the user. Each answer is merged and stored at once, so a run that stops keeps what it had."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from onlineveilig import clock
from onlineveilig.commands.common import fail
from onlineveilig.errors import ExitCode, SearchError
from onlineveilig.i18n import _
from onlineveilig.search import findings, urls
from onlineveilig.search.classify import Classifier
from onlineveilig.search.model import Hit, Query, RunStatus
from onlineveilig.search.providers import LABELS, Provider
from onlineveilig.store.repo import Store
from onlineveilig.ui import prompts
from onlineveilig.ui.safe import text

MAX_PAGE_BYTES = 20 * 1024 * 1024


class Recorder:
    """Merges each answer into the run's findings and stores them in one transaction."""

    def __init__(self, store: Store, classifier: Classifier, run_id: int):
        self.store = store
        self.classifier = classifier
        self.run_id = run_id
        self.answers: dict[str, list[Hit]] = {}

    def __call__(self, query: Query, hits: list[Hit]) -> None:
        self.answers[query.text] = hits
        merged = findings.merge(self.answers, self.classifier)
        self.store.search.save(self.run_id, merged, list(self.answers))


def network(
    store: Store,
    provider: Provider,
    subject: str,
    queries: Sequence[Query],
    classifier: Classifier,
    timeout: float,
    err: Console,
) -> tuple[int, SearchError | None, bool]:
    """Send the queries. Returns (run id, the error that stopped it, whether the user stopped)."""
    from onlineveilig.search.providers import runner

    run_id = store.search.start(provider.id, subject, [q.text for q in queries], clock.now())
    record = Recorder(store, classifier, run_id)
    error: SearchError | None = None
    stopped = False
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    with progress:
        task = progress.add_task(
            _("Searching via %(provider)s") % {"provider": LABELS[provider.id]}, total=len(queries)
        )

        def on_answer(query: Query, hits: list[Hit]) -> None:
            record(query, hits)
            progress.advance(task)

        try:
            outcome = runner.run(provider, queries, on_answer, timeout=timeout)
            error = outcome.error
        except KeyboardInterrupt:
            stopped = True
    _close(store, run_id, record, error, stopped)
    return run_id, error, stopped


def _close(
    store: Store, run_id: int, record: Recorder, error: SearchError | None, stopped: bool
) -> None:
    if not record.answers:
        store.search.discard(run_id)  # nothing came back: nothing to compare with next time
        return
    if error is None and not stopped:
        store.search.finish(run_id, RunStatus.COMPLETE, "", clock.now())
    else:
        reason = "stopped" if stopped else error.kind if error else ""
        store.search.finish(run_id, RunStatus.PARTIAL, reason, clock.now())


def saved_page(store: Store, path: Path, subject: str, classifier: Classifier) -> int:
    """Read a results page the user saved; the run's one 'query' is the file's name."""
    from onlineveilig.search.providers.pages import read_saved_page

    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            fail(_("%(path)s is too big to be a saved results page.") % {"path": path})
        body = path.read_bytes()
    except FileNotFoundError:
        fail(_("The file %(path)s does not exist.") % {"path": path})
    except IsADirectoryError:
        fail(_("%(path)s is a folder, not a file.") % {"path": path})
    except OSError as err:
        from onlineveilig.ui.oserrors import os_reason

        fail(
            _("The file %(path)s cannot be read: %(reason)s")
            % {"path": path, "reason": os_reason(err)}
        )
    from onlineveilig.search.providers.pages import read_duckduckgo

    if read_duckduckgo(body).challenge:
        fail(
            _("%(path)s is DuckDuckGo's check page for robots, not a page of results.")
            % {"path": path},
            _("Search again in your browser, then save the page with the results."),
            ExitCode.SEARCH,
        )
    hits = read_saved_page(body)
    if not hits:
        fail(
            _("No search results were found in %(path)s.") % {"path": path},
            _(
                "Save the page of results itself (in your browser: Ctrl+S, 'Webpage, HTML only' "
                "or 'complete'), then try again."
            ),
            ExitCode.SEARCH,
        )
    label = path.name
    run_id = store.search.start("file", subject, [label], clock.now())
    Recorder(store, classifier, run_id)(Query(label, "file"), hits)
    store.search.finish(run_id, RunStatus.COMPLETE, "", clock.now())
    return run_id


def pasted(
    store: Store, subject: str, queries: Sequence[Query], classifier: Classifier, out: Console
) -> int | None:
    """The manual mode's end: the user pastes the addresses they found, one per line."""
    out.print()
    out.print(
        Text(
            _(
                "Found something about you? Paste its address here, one per line. "
                "Press Enter on an empty line when you are done."
            ),
            style="bold",
        )
    )
    hits: list[Hit] = []
    seen: set[str] = set()
    while True:
        try:
            line = prompts.raw(out, _("Address: ")).strip()
        except prompts.Paused:
            out.print()
            break
        if not line:
            break
        for word in line.split():
            address = urls.web_address(word if "://" in word else "https://" + word)
            if address is None or "." not in (urls.host(address) or ""):
                out.print(
                    Text.assemble(
                        (_("That is not a web address: "), "yellow"), text(word, "yellow")
                    )
                )
                continue
            key = urls.key(address)
            if key in seen:
                out.print(Text(_("(already in the list)"), style="dim"))
                continue
            seen.add(key)
            hits.append(Hit(address, urls.host(address)))
            out.print(Text.assemble(("✓ ", "green"), text(address)))
    if not hits:
        return None
    label = _("by hand")
    run_id = store.search.start("manual", subject, [q.text for q in queries], clock.now())
    record = Recorder(store, classifier, run_id)
    record(Query(label, "manual"), hits)
    store.search.finish(run_id, RunStatus.COMPLETE, "", clock.now())
    return run_id
