"""Polite and bounded: never more than the limit at once, one question at a time per site,
and a run that ends at its deadline with the sites not asked in time marked "not checked"."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from onlineveilig.profiles import network
from onlineveilig.profiles.model import Rule, Site
from onlineveilig.profiles.network import Check, Result
from onlineveilig.profiles.verdict import Reason, State


class Busy:
    """How many requests the servers are answering at once: overall and per server."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: dict[int, int] = {}
        self.most = 0
        self.most_per_server = 0

    def answer(self, port: int, pause: float) -> Response:
        with self.lock:
            self.now[port] = self.now.get(port, 0) + 1
            self.most = max(self.most, sum(self.now.values()))
            self.most_per_server = max(self.most_per_server, self.now[port])
        time.sleep(pause)
        with self.lock:
            self.now[port] -= 1
        return Response("Profile of someone")


@pytest.fixture
def servers() -> Iterator[list[HTTPServer]]:
    started = [HTTPServer(threaded=True) for _ in range(4)]
    for server in started:
        server.start()
    yield started
    for server in started:
        server.clear()
        server.stop()


def site(server: HTTPServer, n: int) -> Site:
    return Site(
        id=f"site-{n}",
        name=f"Site {n}",
        category="other",
        check=server.url_for("/u/{username}"),
        hit=Rule(status=200, text="Profile of"),
        miss=Rule(status=404),
        known=["sanne"],
        absent="nobody",
    )


def test_never_more_than_the_limit_and_one_at_a_time_per_site(
    servers: list[HTTPServer],
) -> None:
    busy = Busy()
    for server in servers:
        port = server.port
        server.expect_request("/u/sanne").respond_with_handler(
            lambda _r, port=port: busy.answer(port, 0.15)
        )
        for name in ("sanne2", "sanne3"):
            server.expect_request(f"/u/{name}").respond_with_handler(
                lambda _r, port=port: busy.answer(port, 0.15)
            )
    sites = [site(server, n) for n, server in enumerate(servers)]
    got: list[Result] = []
    checks = [Check(s, name) for name in ("sanne", "sanne2", "sanne3") for s in sites]
    network.run(checks, got.append, concurrency=2)
    assert [r.outcome.state for r in got] == [State.FOUND] * 12
    assert busy.most == 2  # the limit was used, and never passed
    assert busy.most_per_server == 1  # a site is never asked two things at once


def test_the_run_ends_at_its_deadline(servers: list[HTTPServer]) -> None:
    def hang(_request: Request) -> Response:
        time.sleep(1.5)
        return Response("Profile of someone")

    fast, slow = servers[0], servers[1]
    fast.expect_request("/u/sanne").respond_with_data("Profile of someone")
    slow.expect_request("/u/sanne").respond_with_handler(hang)
    seen: list[tuple[str, float]] = []
    start = time.monotonic()

    def note(result: Result) -> None:
        seen.append((result.site.id, time.monotonic() - start))

    got = network.run(
        [Check(site(slow, 1), "sanne"), Check(site(fast, 0), "sanne")],
        note,
        timeout=5.0,
        deadline=0.5,
    )
    took = time.monotonic() - start
    states = {r.site.id: (r.outcome.state, r.outcome.reason) for r in got}
    assert states["site-0"] == (State.FOUND, None)
    assert states["site-1"] == (State.UNKNOWN, Reason.NOT_CHECKED)
    assert 0.5 <= took < 1.4  # not waiting for the slow site's 1.5 s
    assert seen[0][0] == "site-0" and seen[0][1] < 0.45  # handed on as soon as it was in
