"""The runner and the providers against a real HTTP server on loopback: pacing, retries,
timeouts, and every way a service can say no. (Parsing real pages: test_search_pages.py.)"""

from __future__ import annotations

import socket
import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from onlineveilig import __version__
from onlineveilig.errors import RateLimited, SearchError
from onlineveilig.search.model import Hit, Query
from onlineveilig.search.providers import make, runner

from .search_helpers import HTML, JSON, page

QUERIES = [Query('"Sanne Peeters"', "name"), Query('"Sanne Peeters" Gent', "name-city")]


def collect(
    provider_name: str, url: str, queries: list[Query] = QUERIES, **kw: float
) -> tuple[dict[str, list[Hit]], runner.Outcome]:
    got: dict[str, list[Hit]] = {}
    provider = make(provider_name, url, "be", key="test-key")
    outcome = runner.run(
        provider, queries, lambda q, hits: got.__setitem__(q.text, hits), backoff=0.01, **kw
    )
    return got, outcome


def test_brave_sends_the_key_in_a_header_and_the_country(httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        "/res/v1/web/search",
        headers={"X-Subscription-Token": "test-key"},
        query_string={"q": '"Sanne Peeters"', "country": "BE", "search_lang": "nl", "count": "20"},
    ).respond_with_data(page("brave_results.json"), content_type=JSON)
    got, outcome = collect("brave", httpserver.url_for("/res/v1/web/search"), QUERIES[:1])
    assert outcome.error is None
    hits = got['"Sanne Peeters"']
    assert hits and all(h.url.startswith("http") for h in hits)
    assert not any("<strong>" in h.snippet for h in hits)  # the API's highlighting is dropped
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith(f"onlineveilig/{__version__}")


@pytest.mark.parametrize("status", [401, 422])
def test_brave_bad_key(httpserver: HTTPServer, status: int) -> None:
    name = "brave_401.json" if status == 401 else "brave_422.json"
    httpserver.expect_request("/s").respond_with_data(page(name), status=status, content_type=JSON)
    got, outcome = collect("brave", httpserver.url_for("/s"), QUERIES[:1])
    assert isinstance(outcome.error, SearchError) and outcome.error.kind == "bad-key"
    assert got == {}


def test_brave_limit_reached_says_when_it_resets(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/s").respond_with_data(
        page("brave_429.json"),
        status=429,
        content_type=JSON,
        headers={
            "X-RateLimit-Limit": "1, 2000",
            "X-RateLimit-Remaining": "1, 0",
            "X-RateLimit-Reset": "1, 1419704",
        },
    )
    _got, outcome = collect("brave", httpserver.url_for("/s"), QUERIES[:1])
    assert isinstance(outcome.error, RateLimited)
    assert outcome.error.reset == 1419704  # the monthly window ran out, not the per-second one


def test_searxng_403_means_json_is_switched_off(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search").respond_with_data("Forbidden", status=403)
    _got, outcome = collect("searxng", httpserver.url_for("/"), QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "json-disabled"


def test_searxng_behind_a_bot_check_is_blocked_not_a_json_setting(httpserver: HTTPServer) -> None:
    """Cloudflare's 'Just a moment' page in front of SearXNG is a bot check, said as such."""
    httpserver.expect_request("/search").respond_with_data(
        "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
        "<body><div id='cf-chl-widget'></div></body></html>",
        status=403,
        content_type=HTML,
        headers={"Server": "cloudflare", "cf-mitigated": "challenge"},
    )
    _got, outcome = collect("searxng", httpserver.url_for("/"), QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "blocked"


@pytest.mark.parametrize("status", [202, 403, 429])
def test_duckduckgo_refusals_are_blocked_never_empty(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/html/", method="POST").respond_with_data(
        page("ddg_challenge.html"), status=status, content_type=HTML
    )
    got, outcome = collect("duckduckgo", httpserver.url_for("/html/"), QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "blocked"
    assert got == {}


def test_server_errors_are_retried_then_reported(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search").respond_with_data("oops", status=500)
    _got, outcome = collect("searxng", httpserver.url_for("/search"), QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "server"
    assert len(httpserver.log) == 1 + runner.RETRIES


def test_a_server_error_that_passes_is_only_a_delay(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/search").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/search").respond_with_data(
        page("searxng_results.json"), content_type=JSON
    )
    got, outcome = collect("searxng", httpserver.url_for("/search"), QUERIES[:1])
    assert outcome.error is None and got['"Sanne Peeters"']


def test_a_slow_server_times_out(httpserver: HTTPServer) -> None:
    released = threading.Event()

    def slow(_request: Request) -> Response:
        released.wait(5)
        return Response(page("searxng_results.json"), content_type=JSON)

    httpserver.expect_request("/search").respond_with_handler(slow)
    start = time.monotonic()
    _got, outcome = collect("searxng", httpserver.url_for("/search"), QUERIES[:1], timeout=0.3)
    took = time.monotonic() - start
    released.set()  # let the server finish before the next test uses it
    assert outcome.error is not None and outcome.error.kind == "timeout"
    assert took < 2


def test_a_closed_port_is_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _got, outcome = collect("searxng", f"http://127.0.0.1:{port}/search", QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "refused"


def test_an_unknown_host_is_a_name_problem() -> None:
    _got, outcome = collect("searxng", "http://does-not-exist.invalid/search", QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind in ("dns", "no-network")


def test_a_redirect_is_not_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/search").respond_with_data(
        "", status=302, headers={"Location": "https://evil.example/"}
    )
    _got, outcome = collect("searxng", httpserver.url_for("/search"), QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "redirect"
    assert len(httpserver.log) == 1


def test_an_endless_answer_is_cut_off(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "MAX_BYTES", 10_000)
    httpserver.expect_request("/search").respond_with_data(b"{" * 50_000, content_type=JSON)
    _got, outcome = collect("searxng", httpserver.url_for("/search"), QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "too-large"


@pytest.mark.parametrize("body", [b"not json", b'{"results": "many"}', b"[" * 100_000])
def test_malformed_json(httpserver: HTTPServer, body: bytes) -> None:
    httpserver.expect_request("/search").respond_with_data(body, content_type=JSON)
    _got, outcome = collect("searxng", httpserver.url_for("/search"), QUERIES[:1])
    assert outcome.error is not None and outcome.error.kind == "malformed"


def test_a_block_halfway_keeps_what_came_before(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/html/", method="POST").respond_with_data(
        page("ddg_results.html"), content_type=HTML
    )
    httpserver.expect_ordered_request("/html/", method="POST").respond_with_data(
        page("ddg_challenge.html"), status=202, content_type=HTML
    )
    got, outcome = collect("duckduckgo", httpserver.url_for("/html/"))
    assert outcome.error is not None and outcome.error.kind == "blocked"
    assert list(got) == ['"Sanne Peeters"'] and got['"Sanne Peeters"']
    assert [q.text for q in outcome.answered] == ['"Sanne Peeters"']


def test_duckduckgo_is_asked_a_second_apart(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/html/", method="POST").respond_with_data(
        page("ddg_results.html"), content_type=HTML
    )
    start = time.monotonic()
    _got, outcome = collect("duckduckgo", httpserver.url_for("/html/"))
    assert outcome.error is None
    assert time.monotonic() - start >= 1.0
    assert [r.form["kl"] for r, _resp in httpserver.log] == ["be-nl", "be-nl"]


def test_lower_bound_of_paced_and_concurrent_providers() -> None:
    assert runner.lower_bound(8, 0.3, 4, 0.0) == pytest.approx(0.6)
    assert runner.lower_bound(8, 0.3, 1, 1.0) == pytest.approx(7.3)
    assert runner.lower_bound(3, 2.0, 1, 1.0) == pytest.approx(6.0)
