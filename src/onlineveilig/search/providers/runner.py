"""Sending a run's queries: concurrent where the provider allows, paced, retried with backoff.

Each answered query is handed to `on_answer` at once (the command stores it), so a run that
stops early — an error, a block, Ctrl-C, a killed process — keeps what it already had.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from onlineveilig import httpclient
from onlineveilig.errors import SearchError, SearchKind
from onlineveilig.search.model import Hit, Query
from onlineveilig.search.providers import Outgoing, Provider

MAX_BYTES = 5 * 1024 * 1024  # a results page is a few hundred KB; more is not an answer
RETRIES = 2
BACKOFF = 0.5  # seconds before the first retry; doubles each time


@dataclass
class Outcome:
    answered: list[Query] = field(default_factory=list)
    error: SearchError | None = None


class Pacer:
    """At least `interval` seconds between the starts of two requests."""

    def __init__(self, interval: float):
        self.interval = interval
        self.next = 0.0
        self.lock = asyncio.Lock()

    async def wait(self) -> None:
        if self.interval <= 0:
            return
        loop = asyncio.get_running_loop()
        async with self.lock:
            delay = self.next - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            self.next = loop.time() + self.interval


def lower_bound(n: int, latency: float, concurrency: int, interval: float) -> float:
    """The shortest possible wall time for n queries that each take `latency` seconds."""
    starts: list[float] = []
    ends: list[float] = []
    for i in range(n):
        start = starts[-1] + interval if starts else 0.0
        if i >= concurrency:
            start = max(start, sorted(ends)[i - concurrency])
        starts.append(start)
        ends.append(start + latency)
    return max(ends) if ends else 0.0


RETRIED = {
    SearchKind.REFUSED,
    SearchKind.BROKEN,
    SearchKind.NO_NETWORK,
}  # connect errors: worth a second try


async def _fetch(
    client: httpx.AsyncClient, out: Outgoing, provider: Provider
) -> tuple[int, httpx.Headers, bytes]:
    async with client.stream(
        out.method, out.url, params=out.params or None, data=out.data, headers=out.headers
    ) as response:
        size = 0
        chunks = []
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_BYTES:
                raise provider.error(SearchKind.TOO_LARGE, status=response.status_code)
            chunks.append(chunk)
        return response.status_code, response.headers, b"".join(chunks)


async def _one(
    provider: Provider,
    client: httpx.AsyncClient,
    query: Query,
    pacer: Pacer,
    slots: asyncio.Semaphore,
    deadline: float,
    backoff: float,
) -> list[Hit]:
    async with slots:
        for attempt in range(RETRIES + 1):
            last = attempt == RETRIES
            await pacer.wait()
            try:
                async with asyncio.timeout(deadline):
                    status, headers, body = await _fetch(
                        client, provider.build(query.text), provider
                    )
            except TimeoutError:
                raise provider.error(SearchKind.TIMEOUT) from None
            except httpx.HTTPError as error:
                kind = httpclient.error_kind(error)
                if kind in RETRIED and not last:
                    await asyncio.sleep(backoff * 2**attempt)
                    continue
                raise provider.error(kind, detail=str(error)) from None
            if status >= 500 and not last:
                await asyncio.sleep(backoff * 2**attempt)
                continue
            return provider.parse(status, headers, body)
    raise provider.error(SearchKind.SERVER)  # pragma: no cover - the loop always returns or raises


async def _all(
    provider: Provider,
    queries: Sequence[Query],
    on_answer: Callable[[Query, list[Hit]], None],
    timeout: float,
    backoff: float,
    client: httpx.AsyncClient | None,
) -> Outcome:
    outcome = Outcome()
    pacer = Pacer(provider.interval)
    slots = asyncio.Semaphore(max(1, provider.concurrency))
    # One request may take a few reads; a server that drips bytes is cut off after this.
    deadline = timeout * 3
    own = client is None
    http = client or httpclient.client(timeout)
    try:
        tasks = {
            asyncio.create_task(_one(provider, http, q, pacer, slots, deadline, backoff)): q
            for q in queries
        }
        pending = set(tasks)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in sorted(done, key=lambda t: queries.index(tasks[t])):
                error = task.exception()
                if error is None:
                    outcome.answered.append(tasks[task])
                    on_answer(tasks[task], task.result())
                elif outcome.error is None:
                    outcome.error = (
                        error
                        if isinstance(error, SearchError)
                        else provider.error(SearchKind.MALFORMED, detail=repr(error))
                    )
            if outcome.error is not None:
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
                break
    finally:
        if own:
            await http.aclose()
    return outcome


def run(
    provider: Provider,
    queries: Sequence[Query],
    on_answer: Callable[[Query, list[Hit]], None],
    *,
    timeout: float = httpclient.DEFAULT_TIMEOUT,
    backoff: float = BACKOFF,
) -> Outcome:
    """Send every query; stop at the first error (it is in the outcome, with what was answered)."""
    return asyncio.run(_all(provider, list(queries), on_answer, timeout, backoff, None))
