"""`status` runs at login and from cron: it starts without the search part of the store."""

from __future__ import annotations

from pathlib import Path

from .conftest import Clock, run
from .test_startup import _imported


def test_status_imports_nothing_of_search_me(tmp_path: Path, frozen: Clock) -> None:
    for args in (["status"], ["status", "--check"], ["status", "--json"]):
        imported = _imported(args, tmp_path)
        assert " onlineveilig.store.repo" in imported  # it did read the store
        assert " onlineveilig.store.search" not in imported
        assert " onlineveilig.search.model" not in imported


def test_search_results_are_still_read_from_the_same_file(frozen: Clock) -> None:
    from onlineveilig import paths
    from onlineveilig.store.repo import Store

    assert run(["status"]).exit_code == 0
    with Store(paths.database_path()) as store:
        assert store.search.runs() == []  # the search part opens when asked for
