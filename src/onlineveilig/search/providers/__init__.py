"""Search providers behind one small interface.

A provider says what one request for a query looks like (`build`) and reads the answer
(`parse`); the runner (onlineveilig.search.providers.runner) does the sending, pacing and
retries for all of them. Nothing here opens a socket.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from onlineveilig.errors import SearchError, SearchKind
from onlineveilig.search.model import Hit

# Automatic providers first; manual needs no network.
NAMES = ("brave", "searxng", "duckduckgo", "manual")
LABELS = {
    "brave": "Brave Search",
    "searxng": "SearXNG",
    "duckduckgo": "DuckDuckGo",
    "manual": "manual",
    "file": "file",
}
DEFAULT_ENDPOINTS = {
    "brave": "https://api.search.brave.com/res/v1/web/search",
    "duckduckgo": "https://html.duckduckgo.com/html/",
}
COUNTRIES = ("be", "nl")


@dataclass(frozen=True)
class Outgoing:
    """One request, as the user is told about it and as it is sent."""

    method: str
    url: str
    params: dict[str, str] = field(default_factory=dict)
    data: dict[str, str] | None = None
    headers: dict[str, str] = field(default_factory=dict)


class Provider:
    id = ""
    # At most this many requests at once, and at least `interval` seconds between two starts.
    concurrency = 1
    interval = 0.0

    def __init__(self, endpoint: str, country: str = "be"):
        self.endpoint = endpoint
        self.country = country if country in COUNTRIES else "be"

    @property
    def label(self) -> str:
        return LABELS[self.id]

    @property
    def host(self) -> str:
        parts = urlsplit(self.endpoint)
        # Shown to the user and in messages: a user:password@ in the address is never printed.
        return parts.netloc.rpartition("@")[2] or self.endpoint

    def build(self, query: str) -> Outgoing:
        raise NotImplementedError

    def sent_fields(self) -> list[str]:
        """Besides the query: what else goes with each request (for the user to read)."""
        return []

    def parse(self, status: int, headers: Mapping[str, str], body: bytes) -> list[Hit]:
        """The hits of one answer, or a SearchError saying why there are none to be had."""
        if 300 <= status < 400:
            raise self.error(SearchKind.REDIRECT, status=status, detail=headers.get("location", ""))
        if status >= 500:
            raise self.error(SearchKind.SERVER, status=status)
        return self.read(status, headers, body)

    def read(self, status: int, headers: Mapping[str, str], body: bytes) -> list[Hit]:
        raise NotImplementedError

    def error(
        self, kind: SearchKind, *, status: int | None = None, detail: str = ""
    ) -> SearchError:
        return SearchError(kind, self.id, self.host, detail=detail, status=status)


_TAG = re.compile(r"<[^>]*>")


def plain(fragment: str) -> str:
    """Text of a small HTML fragment (<strong>, &amp;): tags dropped, entities decoded."""
    return " ".join(html.unescape(_TAG.sub("", fragment or "")).split())


def make(name: str, endpoint: str | None, country: str, key: str | None = None) -> Provider:
    """The provider called `name`; `endpoint` overrides where its requests go."""
    if name == "brave":
        from onlineveilig.search.providers.brave import Brave

        return Brave(endpoint or DEFAULT_ENDPOINTS["brave"], country, key or "")
    if name == "searxng":
        from onlineveilig.search.providers.searxng import SearXNG

        if not endpoint:
            raise SearchError(SearchKind.NO_ENDPOINT, "searxng")
        return SearXNG(endpoint, country)
    if name == "duckduckgo":
        from onlineveilig.search.providers.duckduckgo import DuckDuckGo

        return DuckDuckGo(endpoint or DEFAULT_ENDPOINTS["duckduckgo"], country)
    raise ValueError(name)
