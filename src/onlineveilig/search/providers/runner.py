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


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    node: BaseException | None = error
    while node is not None and node not in seen and len(seen) < 10:
        seen.append(node)
        node = node.__cause__ or node.__context__
    return seen


def _kind(error: httpx.HTTPError) -> SearchKind:
    import errno
    import socket

    chain = _chain(error)
    text = " ".join(f"{e} {e!r}" for e in chain).lower()
    for cause in chain:
        if isinstance(cause, socket.gaierror):
            return SearchKind.DNS
        if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == (
            errno.ECONNREFUSED
        ):
            return SearchKind.REFUSED
    if "connect call failed" in text and "111" in text:
        return SearchKind.REFUSED
    if isinstance(error, httpx.TimeoutException):
        return SearchKind.TIMEOUT
    if isinstance(error, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return SearchKind.BAD_ENDPOINT
    if isinstance(error, httpx.ConnectError):
        if "certificate" in text or "ssl" in text or "tls" in text:
            return SearchKind.TLS
        if any(
            marker in text
            for marker in (
                "name or service not known",
                "nodename nor servname",
                "getaddrinfo",
                "name resolution",
                "no address associated",
                "name does not resolve",
            )
        ):
            return SearchKind.DNS
        if "refused" in text:
            return SearchKind.REFUSED
        return SearchKind.NO_NETWORK
    if isinstance(error, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return SearchKind.BROKEN
    return SearchKind.NO_NETWORK


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
                kind = _kind(error)
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
