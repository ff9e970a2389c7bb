"""Asking sites over a real loopback server: each way of telling a hit from a miss, redirects,
429, a challenge page, a hanging site, a huge body, a refused port, WhatsMyName's format."""

from __future__ import annotations

import socket
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from onlineveilig import __version__
from onlineveilig.profiles import network, selfcheck
from onlineveilig.profiles.loader import load
from onlineveilig.profiles.network import Check, Result
from onlineveilig.profiles.verdict import Reason, State

from .profiles_helpers import sites_file


def check_all(path: Path, names: list[str], **kw: float) -> dict[tuple[str, str], Result]:
    sites = load(path).sites
    got: list[Result] = []
    network.run([Check(s, n) for n in names for s in sites], got.append, **kw)  # type: ignore[arg-type]
    return {(r.site.id, r.username): r for r in got}


def serve_rules(server: HTTPServer) -> None:
    server.expect_request("/status/sanne").respond_with_data("hi", status=200)
    server.expect_request("/status/nobody").respond_with_data("", status=404)
    server.expect_request("/text/sanne").respond_with_data("<h1>Profile of sanne</h1>")
    server.expect_request("/text/nobody").respond_with_data("No such user", status=404)
    server.expect_request("/same", query_string="user=sanne").respond_with_data("Member since")
    server.expect_request("/same", query_string="user=nobody").respond_with_data("User not found")
    server.expect_request("/redirect/sanne").respond_with_data("profile")
    server.expect_request("/redirect/nobody").respond_with_data(
        "", status=302, headers={"Location": "/"}
    )


def test_each_rule_both_ways(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_rules(httpserver)
    got = check_all(sites_file(tmp_path, httpserver.url_for("/")), ["sanne", "nobody"])
    for site in ("status-only", "with-text", "same-status", "redirect"):
        assert got[(site, "sanne")].outcome.state == State.FOUND, site
        assert got[(site, "nobody")].outcome.state == State.NOT_FOUND, site
    assert got[("with-text", "sanne")].address == httpserver.url_for("/profile/sanne")
    agent = httpserver.log[0][0].headers["User-Agent"]
    assert agent.startswith(f"onlineveilig/{__version__}")


def test_the_ways_a_site_can_say_nothing_useful(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/status/sanne").respond_with_data("slow down", status=429)
    httpserver.expect_request("/text/sanne").respond_with_data(
        "<html><title>Just a moment...</title></html>", status=403
    )
    httpserver.expect_request("/same").respond_with_data(
        "", status=302, headers={"Location": "/login"}
    )
    httpserver.expect_request("/redirect/sanne").respond_with_data(b"\x00\xff" * 100, status=500)
    got = check_all(sites_file(tmp_path, httpserver.url_for("/")), ["sanne"])
    reasons = {site: r.outcome.reason for (site, _n), r in got.items()}
    assert all(r.outcome.state == State.UNKNOWN for r in got.values())
    assert reasons == {
        "status-only": Reason.RATE_LIMITED,
        "with-text": Reason.BLOCKED,
        "same-status": Reason.UNEXPECTED,
        "redirect": Reason.UNEXPECTED,
    }
    assert got[("same-status", "sanne")].outcome.status == 302


def test_a_hanging_site_times_out_and_the_rest_is_answered(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    def hang(_request: Request) -> Response:
        time.sleep(1.5)
        return Response("late")

    serve_rules(httpserver)
    httpserver.expect_request("/status/slow").respond_with_handler(hang)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    site = load(path).sites[0]
    got: list[Result] = []
    start = time.monotonic()
    network.run([Check(site, "slow")], got.append, timeout=0.3)
    assert time.monotonic() - start < 1.4
    assert got[0].outcome.reason == Reason.TIMEOUT


def test_a_huge_body_is_read_only_up_to_the_cap(httpserver: HTTPServer, tmp_path: Path) -> None:
    sent = {"bytes": 0}

    def huge(_request: Request) -> Response:
        def chunks():  # type: ignore[no-untyped-def]
            for _ in range(20 * 16):  # 20 MB in 64 KB pieces
                sent["bytes"] += 65536
                yield b"x" * 65536

        return Response(chunks(), status=200)

    httpserver.expect_request("/text/sanne").respond_with_handler(huge)
    site = load(sites_file(tmp_path, httpserver.url_for("/"))).sites[1]
    got: list[Result] = []
    network.run([Check(site, "sanne")], got.append, cap=128 * 1024)
    assert got[0].outcome.reason == Reason.TOO_LARGE
    assert sent["bytes"] < 20 * 1024 * 1024  # the server was never read to the end


def test_a_refused_port(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    site = load(sites_file(tmp_path, f"http://127.0.0.1:{port}")).sites[0]
    got: list[Result] = []
    network.run([Check(site, "sanne")], got.append)
    assert got[0].outcome.reason == Reason.REFUSED


def test_a_whatsmyname_file_runs(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/wmn1/sanne").respond_with_data('{"login": "sanne"}')
    httpserver.expect_request(
        "/graphql", method="POST", data=b'{"user":"sanne"}'
    ).respond_with_data('{"id": 1}')
    httpserver.expect_request("/dots/sanne").respond_with_data("ok")  # s.anne: dots stripped
    path = sites_file(tmp_path, httpserver.url_for("/"), "wmn-sample.json")
    got = check_all(path, ["sanne"])
    assert {k: r.outcome.state for k, r in got.items()} == {
        ("wmn-one", "sanne"): State.FOUND,
        ("wmn-post", "sanne"): State.FOUND,
        ("wmn-dots", "sanne"): State.FOUND,
    }
    assert got[("wmn-post", "sanne")].address == httpserver.url_for("/p/sanne")
    assert "disguise" not in httpserver.log[0][0].headers["User-Agent"]


def test_the_self_check_catches_a_rule_that_no_longer_holds(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    serve_rules(httpserver)
    httpserver.expect_request("/status/nobody-here").respond_with_data("", status=404)
    httpserver.expect_request("/text/nobody-here").respond_with_data("No such user", status=404)
    # The site changed: a missing user now gets a 200 page that says "Member since".
    httpserver.expect_request("/same", query_string="user=nobody-here").respond_with_data(
        "Member since"
    )
    httpserver.expect_request("/redirect/nobody-here").respond_with_data("", status=302)
    sites = load(sites_file(tmp_path, httpserver.url_for("/"))).sites
    got: list[Result] = []
    network.run(selfcheck.checks(sites), got.append)
    failures = selfcheck.failures(got)
    assert [s.id for s in selfcheck.broken_sites(failures)] == ["same-status"]
