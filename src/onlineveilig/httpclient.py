"""The one place that makes HTTP clients (timeouts, connection limits, an honest User-Agent) and
that tells what kind of failure an httpx error is.

httpx is imported here only when a command needs the network (start-up stays fast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlineveilig import __version__

if TYPE_CHECKING:
    import httpx

    from onlineveilig.errors import SearchKind

DEFAULT_TIMEOUT = 10.0
MAX_CONNECTIONS = 4


def user_agent() -> str:
    return f"onlineveilig/{__version__} (self-check tool for care workers; one person's own name)"


def client(
    timeout: float = DEFAULT_TIMEOUT, connections: int = MAX_CONNECTIONS
) -> httpx.AsyncClient:
    import httpx

    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        headers={"User-Agent": user_agent()},
        # An endpoint that sends us elsewhere is reported, not followed.
        follow_redirects=False,
    )


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    node: BaseException | None = error
    while node is not None and node not in seen and len(seen) < 10:
        seen.append(node)
        node = node.__cause__ or node.__context__
    return seen


def error_kind(error: httpx.HTTPError) -> SearchKind:
    """What went wrong with a request, by the exception httpx raised (its causes included).

    The one place that tells a refused port from a name that does not resolve, a time-out or a
    connection cut off; search-me and profiles both turn this into their own words.
    """
    import errno
    import socket

    import httpx

    from onlineveilig.errors import SearchKind

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
