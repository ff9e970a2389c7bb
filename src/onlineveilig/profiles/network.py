"""Asking the sites: one async client, a global limit, one request at a time per host.

Each finished check is handed to `on_result` at once (the command shows it, and in phase 2
stores it), so a run that stops early keeps what it already had. Only the first `cap` bytes of an
answer are read: a 20 MB page costs no more memory than a small one. Redirects are not followed
(the client never does): the first answer's status is what the site's rule is about.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from onlineveilig import httpclient
from onlineveilig.errors import SearchKind

from . import address
from .model import Site
from .verdict import Outcome, Reason, unknown, verdict

CONCURRENCY = 16  # requests under way at once, over all hosts
TIMEOUT = 10.0  # seconds for one request, start to last byte read
DEADLINE = 180.0  # seconds for the whole run; what is left then is "not checked"
MAX_BYTES = 512 * 1024  # what is read of an answer; the rule's text is looked for in that

_REASONS = {
    SearchKind.DNS: Reason.DNS,
    SearchKind.REFUSED: Reason.REFUSED,
    SearchKind.TIMEOUT: Reason.TIMEOUT,
    SearchKind.TLS: Reason.TLS,
    SearchKind.BROKEN: Reason.BROKEN,
}


@dataclass(frozen=True)
class Check:
    site: Site
    username: str


@dataclass(frozen=True)
class Result:
    site: Site
    username: str
    outcome: Outcome
    address: str | None  # the profile's address (shown for found, opened for unknown)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: httpx.Headers
    body: bytes
    truncated: bool


async def read(client: httpx.AsyncClient, out: address.Outgoing, cap: int = MAX_BYTES) -> Answer:
    """The first answer, with at most `cap` bytes of its body (the rest is never read)."""
    async with client.stream(out.method, out.url, content=out.body, headers=out.headers) as reply:
        chunks: list[bytes] = []
        size = 0
        truncated = False
        async for chunk in reply.aiter_bytes():
            if size + len(chunk) > cap:
                chunks.append(chunk[: cap - size])
                truncated = True
                break
            chunks.append(chunk)
            size += len(chunk)
        return Answer(reply.status_code, reply.headers, b"".join(chunks), truncated)


# What building a request raises when the address cannot be sent (httpx.InvalidURL is no
# httpx.HTTPError; UnicodeError is a ValueError, named for who reads this).
_BAD_ADDRESS = (httpx.InvalidURL, ValueError, UnicodeError)


def _result(check: Check, outcome: Outcome) -> Result:
    return Result(check.site, check.username, outcome, address.profile(check.site, check.username))


async def _one(
    client: httpx.AsyncClient,
    check: Check,
    slots: asyncio.Semaphore,
    hosts: dict[str, asyncio.Lock],
    timeout: float,
    cap: int,
) -> Result:
    try:
        out = address.request(check.site, check.username)
    except _BAD_ADDRESS:
        return _result(check, unknown(Reason.BAD_ADDRESS))
    if out is None:
        return _result(check, unknown(Reason.NOT_POSSIBLE))
    # The host's turn first, then a slot: waiting for a busy host never holds a slot.
    async with hosts.setdefault(out.host, asyncio.Lock()), slots:
        try:
            async with asyncio.timeout(timeout):
                answer = await read(client, out, cap)
        except _BAD_ADDRESS:
            # The address cannot be sent (an unclosed [, a port like :abc, a name that cannot
            # be encoded): this site is unknown, the others are still asked.
            return _result(check, unknown(Reason.BAD_ADDRESS))
        except TimeoutError:
            return _result(check, unknown(Reason.TIMEOUT))
        except httpx.DecodingError:
            return _result(check, unknown(Reason.UNEXPECTED))
        except httpx.HTTPError as error:
            return _result(
                check, unknown(_REASONS.get(httpclient.error_kind(error), Reason.NO_NETWORK))
            )
    outcome = verdict(
        check.site, answer.status, answer.headers, answer.body, truncated=answer.truncated
    )
    return _result(check, outcome)


async def check_all(
    checks: Sequence[Check],
    on_result: Callable[[Result], None],
    *,
    concurrency: int = CONCURRENCY,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    cap: int = MAX_BYTES,
    client: httpx.AsyncClient | None = None,
) -> list[Result]:
    """Every check, each result handed on as it comes; at the deadline the rest is 'not checked'."""
    slots = asyncio.Semaphore(max(1, concurrency))
    hosts: dict[str, asyncio.Lock] = {}
    http = client or httpclient.client(timeout, connections=max(1, concurrency))
    results: list[Result] = []

    def hand_on(result: Result) -> None:
        results.append(result)
        on_result(result)

    end = asyncio.get_running_loop().time() + deadline
    try:
        # Each check tells the queue when it is done: one wake-up per result. (asyncio.wait over
        # all pending checks costs time in proportion to the whole list at every result.)
        finished: asyncio.Queue[asyncio.Task[Result]] = asyncio.Queue()
        tasks: dict[asyncio.Task[Result], tuple[int, Check]] = {}
        for n, c in enumerate(checks):
            task = asyncio.create_task(_one(http, c, slots, hosts, timeout, cap))
            task.add_done_callback(finished.put_nowait)
            tasks[task] = (n, c)
        pending = set(tasks)
        while pending:
            try:
                async with asyncio.timeout_at(end):
                    done = [await finished.get()]
            except TimeoutError:
                break
            while not finished.empty():
                done.append(finished.get_nowait())
            for task in sorted(done, key=lambda t: tasks[t][0]):
                pending.discard(task)
                hand_on(task.result())
        if pending:
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            for task in sorted(pending, key=lambda t: tasks[t][0]):
                # One that finished just as the time was up keeps its answer.
                late = task.cancelled() or task.exception() is not None
                hand_on(
                    _result(tasks[task][1], unknown(Reason.NOT_CHECKED)) if late else task.result()
                )
    finally:
        if client is None:
            await http.aclose()
    return results


def run(
    checks: Sequence[Check],
    on_result: Callable[[Result], None],
    *,
    concurrency: int = CONCURRENCY,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    cap: int = MAX_BYTES,
) -> list[Result]:
    """check_all from ordinary code. Ctrl-C leaves it with KeyboardInterrupt (what was handed
    on stays with the caller)."""
    return asyncio.run(
        check_all(
            list(checks),
            on_result,
            concurrency=concurrency,
            timeout=timeout,
            deadline=deadline,
            cap=cap,
        )
    )
