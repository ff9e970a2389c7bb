"""search-me's network run: 8 queries against a loopback server that answers each after 300 ms.

For every provider it prints the wall time against the lower bound that the provider's
concurrency and pacing allow (SearXNG: 4 at once; Brave and DuckDuckGo: one start a second),
with the target of 1.3x; then the time to parse one results page. Not a test: figures to watch.
"""

from __future__ import annotations

import logging
import statistics
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from onlineveilig.search.model import Query
from onlineveilig.search.providers import make, runner
from onlineveilig.search.providers.pages import read_duckduckgo

LATENCY = 0.3
QUERIES = 8
TARGET = 1.3
DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "search"


def _page(name: str) -> bytes:
    return (DATA / name).read_bytes()


def main() -> int:
    bodies = {
        "searxng": (_page("searxng_results.json"), "application/json"),
        "brave": (_page("brave_results.json"), "application/json"),
        "duckduckgo": (_page("ddg_results.html"), "text/html; charset=utf-8"),
    }
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    server = HTTPServer(threaded=True)
    server.start()
    try:
        worst = 0.0
        for name, (body, kind) in bodies.items():

            def answer(request: Request, body: bytes = body, kind: str = kind) -> Response:
                time.sleep(LATENCY)
                return Response(body, content_type=kind)

            server.clear()
            server.expect_request(f"/{name}").respond_with_handler(answer)
            provider = make(name, server.url_for(f"/{name}"), "be", key="bench-key")
            queries = [Query(f'"Sanne Peeters" {n}', "name") for n in range(QUERIES)]
            answered: list[str] = []
            start = time.perf_counter()
            outcome = runner.run(
                provider, queries, lambda q, _h, seen=answered: seen.append(q.text)
            )
            took = time.perf_counter() - start
            assert outcome.error is None and len(answered) == QUERIES, outcome.error
            bound = runner.lower_bound(QUERIES, LATENCY, provider.concurrency, provider.interval)
            ratio = took / bound
            worst = max(worst, ratio)
            print(
                f"{name:<11} {QUERIES} queries, {LATENCY * 1000:.0f} ms each: {took:5.2f} s; "
                f"lower bound {bound:5.2f} s (concurrency {provider.concurrency}, "
                f"{provider.interval:.0f} s between starts): {ratio:.2f}x "
                f"({'within' if ratio <= TARGET else 'OVER'} the {TARGET}x target)"
            )
    finally:
        server.stop()

    page = _page("ddg_results.html")
    times = []
    for _ in range(30):
        start = time.perf_counter()
        read_duckduckgo(page)
        times.append(time.perf_counter() - start)
    print(
        f"parsing one DuckDuckGo results page ({len(page) // 1024} KB): "
        f"{statistics.median(times) * 1000:.1f} ms (median of 30)"
    )
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
