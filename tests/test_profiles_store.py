"""`onlineveilig profiles` keeps what it checked: each answer the moment it comes, the run
marked unfinished when stopped or killed, and what is new or gone since the last check.
Loopback servers and a real SQLite file in tmp_path."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from onlineveilig import paths

from .conftest import Clock, run
from .profiles_helpers import sites_file
from .search_helpers import rows
from .test_profiles_network import serve_rules


def check(path: Path, *extra: str) -> dict[str, object]:
    result = run(["--lang", "en", "profiles", "sanne", "--sites", str(path), "--yes", "--json"])
    assert result.exit_code in (0, 5), result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_each_site_checked_is_kept_and_the_run_is_complete(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    result = run(["--lang", "en", "profiles", "sanne", "--sites", str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert rows("SELECT kind, provider, subject, status FROM search_runs") == [
        ("profiles", "profiles", "sanne", "complete")
    ]
    assert rows("SELECT site, state FROM profile_checks ORDER BY site") == [
        ("redirect", "found"),
        ("same-status", "found"),
        ("status-only", "found"),
        ("with-text", "found"),
    ]
    titles = {r[0] for r in rows("SELECT title FROM search_findings")}
    assert titles == {
        "Status Only: sanne",
        "With Text: sanne",
        "Same Status: sanne",
        "Redirect: sanne",
    }
    assert rows("SELECT DISTINCT category FROM search_findings") == [("profile",)]
    said = " ".join(result.stdout.split())
    assert "4 profiles found are not judged yet" in said and "search-me --review" in said


def test_a_file_of_the_previous_version_gets_the_new_tables(tmp_path: Path) -> None:
    """A database written before profiles existed: its searches stay searches."""
    from onlineveilig.search.model import RunKind
    from onlineveilig.store import db
    from onlineveilig.store.repo import Store

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    for number in (0, 1):
        con.executescript(db.MIGRATIONS[number])
    con.execute("PRAGMA user_version = 2")
    con.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
    con.execute(
        "INSERT INTO search_runs (started_at, provider, subject, queries, done, status) "
        "VALUES ('2026-01-05T10:00:00+00:00', 'searxng', 'Sanne', '[\"Sanne\"]', "
        "'[\"Sanne\"]', 'complete')"
    )
    con.commit()
    con.close()
    with Store(path) as store:
        latest = store.search.latest()
        assert latest is not None and latest.kind == RunKind.SEARCH
        assert store.search.latest(RunKind.PROFILES) is None
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION


def test_dry_run_and_no_keep_nothing(httpserver: HTTPServer, tmp_path: Path) -> None:
    path = sites_file(tmp_path, httpserver.url_for("/"))
    assert run(["profiles", "sanne", "--sites", str(path), "--dry-run"]).exit_code == 0
    assert run(["profiles", "sanne", "--sites", str(path)], input="nee\n").exit_code == 130
    assert not paths.database_path().exists() or rows("SELECT * FROM search_runs") == []


def test_new_and_gone_since_the_last_check(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    path = sites_file(tmp_path, httpserver.url_for("/"))
    serve_rules(httpserver)
    httpserver.clear()
    httpserver.expect_request("/status/sanne").respond_with_data("hi", status=200)
    httpserver.expect_request("/text/sanne").respond_with_data("<h1>Profile of sanne</h1>")
    httpserver.expect_request("/same").respond_with_data("User not found")
    httpserver.expect_request("/redirect/sanne").respond_with_data("profile")
    first = check(path)
    assert first["compared_with"] is None and first["gone"] == []

    frozen.advance(days=30)
    httpserver.clear()
    httpserver.expect_request("/status/sanne").respond_with_data("", status=404)  # deleted
    httpserver.expect_request("/text/sanne").respond_with_data("wait", status=429)  # unknown
    httpserver.expect_request("/same").respond_with_data("Member since")  # a new account
    httpserver.expect_request("/redirect/sanne").respond_with_data("profile")  # still there
    second = check(path)
    assert second["compared_with"] is not None
    new = {r["site"]: r["new"] for r in second["results"]}  # type: ignore[attr-defined]
    assert new == {"status-only": False, "with-text": False, "same-status": True, "redirect": False}
    assert second["new"] == 1
    # Only the real 'not found' makes a profile gone; the rate-limited one is not gone.
    assert [g["title"] for g in second["gone"]] == ["Status Only: sanne"]  # type: ignore[attr-defined]

    httpserver.clear()
    httpserver.expect_request("/status/sanne").respond_with_data("", status=404)
    httpserver.expect_request("/text/sanne").respond_with_data("<h1>Profile of sanne</h1>")
    httpserver.expect_request("/same").respond_with_data("Member since")
    httpserver.expect_request("/redirect/sanne").respond_with_data("profile")
    result = run(["--lang", "nl", "profiles", "sanne", "--sites", str(path), "--yes"])
    said = " ".join(result.stdout.split())
    # With Text was unknown last time: found again now is not 'new'.
    assert "0 nieuwe profielen, 0 verdwenen" in said, said


def test_ctrl_c_keeps_what_was_checked_as_unfinished(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onlineveilig.profiles import network

    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    real = network.run

    def two_then_ctrl_c(checks, on_result, **kwargs):  # type: ignore[no-untyped-def]
        real(checks[:2], on_result, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(network, "run", two_then_ctrl_c)
    result = run(["profiles", "sanne", "--sites", str(path), "--yes"])
    assert result.exit_code == 130
    assert "Ze zijn bewaard" in result.stderr
    assert "Gestopt: 2 van de 4 controles zijn gedaan." in " ".join(result.stderr.split())
    assert rows("SELECT status, reason FROM search_runs") == [("partial", "stopped")]
    assert rows("SELECT count(*) FROM profile_checks") == [(2,)]


def test_a_stopped_run_with_nothing_checked_is_not_kept(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onlineveilig.profiles import network

    path = sites_file(tmp_path, httpserver.url_for("/"))

    def ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(network, "run", ctrl_c)
    assert run(["profiles", "sanne", "--sites", str(path), "--yes"]).exit_code == 130
    assert rows("SELECT * FROM search_runs") == []


def test_a_killed_process_keeps_the_sites_already_checked(
    httpserver: HTTPServer, tmp_path: Path, isolated: Path
) -> None:
    """A real process, killed with SIGKILL while a later site hangs."""
    release = threading.Event()

    def hang(request: Request) -> Response:
        release.wait(30)
        return Response("late", status=200)

    httpserver.expect_request("/status/sanne").respond_with_data("hi", status=200)
    httpserver.expect_request("/text/sanne").respond_with_data("No such user", status=404)
    httpserver.expect_request("/same").respond_with_handler(hang)
    httpserver.expect_request("/redirect/sanne").respond_with_handler(hang)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    env = dict(os.environ, ONLINEVEILIG_HOME=str(isolated), NO_COLOR="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "onlineveilig", "profiles", "sanne", "--sites", str(path), "--yes"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if rows("SELECT count(*) FROM profile_checks") == [(2,)]:
                    break
            except sqlite3.OperationalError:  # the file exists, its tables not yet
                pass
            time.sleep(0.1)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        release.set()
    assert rows("SELECT site, state FROM profile_checks ORDER BY site") == [
        ("status-only", "found"),
        ("with-text", "not-found"),
    ]
    assert rows("SELECT status FROM search_runs") == [("running",)]
    history = run(["search-me", "--history"], env={"COLUMNS": "200"})
    said = " ".join(history.stdout.split())
    assert "1 gevonden" in said and "1 niet gevonden" in said, said
    assert "niet afgemaakt" in said, said
