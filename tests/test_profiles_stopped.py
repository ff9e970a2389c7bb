"""A stopped `onlineveilig profiles` check only adds what it did check: the review, the report,
the audit and the next check still know what the last complete check found.
Loopback servers and a real SQLite file in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from .conftest import Clock, run
from .profiles_helpers import sites_file
from .search_helpers import profile
from .test_profiles_network import serve_rules
from .test_report import make_history


def _stop_after(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    from onlineveilig.profiles import network

    real = network.run

    def some_then_ctrl_c(checks, on_result, **kwargs):  # type: ignore[no-untyped-def]
        real(checks[:n], on_result, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(network, "run", some_then_ctrl_c)


def _said(args: list[str], input: str | None = None) -> str:
    return " ".join(run(args, input=input).stdout.split())


def test_a_stopped_check_keeps_what_the_complete_check_found(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile(run, name="Sanne Peeters", platforms="facebook")
    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    check = ["profiles", "sanne", "--sites", str(path), "--yes"]
    assert run(check).exit_code == 0  # 4 profiles found

    frozen.advance(days=30)
    with monkeypatch.context() as patch:
        _stop_after(patch, 1)
        stopped = run(check)
    assert stopped.exit_code == 130
    assert "0 nieuwe profielen, 0 verdwenen" in " ".join(stopped.stdout.split())

    # The review still asks about all four (Enter = later), none of them 'new'.
    review = _said(["search-me", "--review"], input="\n" * 4)
    assert "4/4" in review and "NIEUW" not in review, review
    audit = _said(["audit", "--section", "aanwezigheid"], input="ja\n" * 12 + "stop\n")
    assert "Laatste controle: 1 april 2026 — 4 profielen gevonden." in audit, audit

    # The next complete check finds the same four: nothing new.
    frozen.advance(days=30)
    assert "0 nieuwe profielen, 0 verdwenen" in _said(check)


def test_a_stopped_check_adds_what_it_did_check(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_history()  # a finished audit, for the report
    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    check = ["profiles", "sanne", "--sites", str(path), "--yes"]
    assert run(check).exit_code == 0
    # The first site's account was deleted; the check is stopped after that site.
    httpserver.clear()
    httpserver.expect_request("/status/sanne").respond_with_data("", status=404)
    with monkeypatch.context() as patch:
        _stop_after(patch, 1)
        stopped = run(check)
    assert "0 nieuwe profielen, 1 verdwenen" in " ".join(stopped.stdout.split())
    review = _said(["search-me", "--review"], input="\n" * 3)
    assert "3/3" in review and "Status Only" not in review, review
    report = json.loads(run(["report", "--format", "json", "--output", "-"]).stdout)
    assert report["profiles"]["found"] == 3 and report["profiles"]["complete"] is True
    assert report["profiles"]["sites"] == ["Redirect", "Same Status", "With Text"]
