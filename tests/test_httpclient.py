"""The shared HTTP client stays fast over many requests (a profiles run asks hundreds of sites)."""

from __future__ import annotations

import asyncio
import importlib.abc
import sys
from collections.abc import Sequence
from types import ModuleType

from pytest_httpserver import HTTPServer

from onlineveilig import httpclient


class _Watch(importlib.abc.MetaPathFinder):
    """Notes every module that is looked for (a cached import never gets here)."""

    def __init__(self) -> None:
        self.looked_for: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> None:
        self.looked_for.append(fullname)


def test_requests_after_the_first_search_the_disk_for_nothing(httpserver: HTTPServer) -> None:
    # A missing optional module that httpcore imports per request (sniffio) is searched for on
    # disk each time; over a run of hundreds of sites that is a noticeable delay.
    httpserver.expect_request("/u/sanne").respond_with_data("Profile of sanne")
    watch = _Watch()

    async def ask() -> list[int]:
        async with httpclient.client(5.0, connections=4) as client:
            first = await client.get(httpserver.url_for("/u/sanne"))
            sys.meta_path.insert(0, watch)
            try:
                rest = await asyncio.gather(
                    *(client.get(httpserver.url_for("/u/sanne")) for _ in range(8))
                )
            finally:
                sys.meta_path.remove(watch)
        return [first.status_code, *(r.status_code for r in rest)]

    assert asyncio.run(ask()) == [200] * 9
    assert watch.looked_for == []
