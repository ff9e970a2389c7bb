"""Keeping a profiles run: started after the user said yes, each answer stored as it comes
(one transaction each), finished complete or partial with its reason.

A killed process leaves the run 'running'; the next run of any kind marks it 'interrupted'
(store.search.SearchRepo.start). A run where nothing got checked is not kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from onlineveilig import clock
from onlineveilig.profiles import records
from onlineveilig.profiles.loader import Catalogue
from onlineveilig.profiles.network import Result
from onlineveilig.profiles.verdict import Reason
from onlineveilig.search.model import RunKind, RunStatus, profile_snippet
from onlineveilig.store.repo import Store

PROVIDER = "profiles"
LANGS = ("nl", "en")


class Recorder:
    def __init__(self, store: Store, found: Catalogue, names: Sequence[str]):
        self.store = store
        # The category in both languages: the review shows it in the language of that moment.
        self.labels = {
            site.category: profile_snippet({lang: found.category(site, lang) for lang in LANGS})
            for site in found.sites
        }
        self.order = {site.id: n for n, site in enumerate(found.sites, 1)}
        self.results: list[Result] = []
        self.run_id = store.search.start(
            PROVIDER, ", ".join(names), list(names), clock.now(), kind=RunKind.PROFILES
        )

    def __call__(self, result: Result) -> None:
        self.results.append(result)
        done = sorted({r.username for r in self.results})
        self.store.search.save_check(
            self.run_id,
            records.check(result),
            records.findings(self.results, self.labels, self.order),
            done,
            clock.now(),
        )

    def close(self, stopped: bool) -> int | None:
        """Finish the run; None when nothing was checked (then nothing is kept)."""
        if not self.results:
            self.store.search.discard(self.run_id)
            return None
        if stopped:
            self.store.search.finish(self.run_id, RunStatus.PARTIAL, "stopped", clock.now())
        elif any(r.outcome.reason == Reason.NOT_CHECKED for r in self.results):
            self.store.search.finish(self.run_id, RunStatus.PARTIAL, "deadline", clock.now())
        else:
            self.store.search.finish(self.run_id, RunStatus.COMPLETE, "", clock.now())
        return self.run_id
