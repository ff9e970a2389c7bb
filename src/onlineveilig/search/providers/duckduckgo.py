"""DuckDuckGo's HTML page (html.duckduckgo.com/html/): there is no API for web results.

It answers scripts it takes for bots with HTTP 202 and a challenge page. That is "blocked",
never "no results": the run stops with what it already has.
"""

from __future__ import annotations

from collections.abc import Mapping

from onlineveilig.errors import SearchKind
from onlineveilig.search.model import Hit
from onlineveilig.search.providers import Outgoing, Provider


class DuckDuckGo(Provider):
    id = "duckduckgo"
    # One at a time, at least a second apart: it is a page for people, not an API.
    concurrency = 1
    interval = 1.0

    def build(self, query: str) -> Outgoing:
        return Outgoing(
            "POST",
            self.endpoint,
            data={"q": query, "kl": f"{self.country}-nl", "b": ""},
            headers={"Accept": "text/html", "Referer": "https://html.duckduckgo.com/"},
        )

    def sent_fields(self) -> list[str]:
        return [f"kl={self.country}-nl"]

    def read(self, status: int, headers: Mapping[str, str], body: bytes) -> list[Hit]:
        if status in (202, 403, 429):
            raise self.error(SearchKind.BLOCKED, status=status)
        if status != 200:
            raise self.error(SearchKind.HTTP, status=status)
        from onlineveilig.search.providers.pages import read_duckduckgo

        page = read_duckduckgo(body)
        if page.challenge:
            raise self.error(SearchKind.BLOCKED, status=status)
        if not page.hits and not page.no_results:
            # Neither results nor DuckDuckGo's "no results": not a page we know how to read.
            raise self.error(SearchKind.MALFORMED, status=status)
        return page.hits
