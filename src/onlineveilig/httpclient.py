"""The one place that makes HTTP clients: timeouts, connection limits, an honest User-Agent.

httpx is imported here only when a command needs the network (start-up stays fast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlineveilig import __version__

if TYPE_CHECKING:
    import httpx

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
