"""A SearXNG instance's JSON API (/search?format=json); the instance must allow that format."""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, ValidationError

from onlineveilig.errors import RateLimited, SearchKind
from onlineveilig.search.model import Hit
from onlineveilig.search.providers import Outgoing, Provider, plain


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Result(_Loose):
    url: str
    title: str = ""
    content: str | None = ""


class _Answer(_Loose):
    results: list[_Result]
    unresponsive_engines: list[list[str]] = []


def search_url(address: str) -> str:
    """The instance's address as the user knows it (https://searx.example) -> its /search URL."""
    parts = urlsplit(address.strip())
    path = parts.path if parts.path not in ("", "/") else "/search"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def _retry_after(headers: Mapping[str, str]) -> int | None:
    value = headers.get("retry-after", "")
    return int(value) if value.isdigit() else None


class SearXNG(Provider):
    id = "searxng"
    # A small instance (and its limiter) copes with a few requests at once.
    concurrency = 4
    interval = 0.0

    def __init__(self, endpoint: str, country: str):
        super().__init__(search_url(endpoint), country)

    def build(self, query: str) -> Outgoing:
        return Outgoing(
            "GET",
            self.endpoint,
            params={
                "q": query,
                "format": "json",
                "language": f"nl-{self.country.upper()}",
                "safesearch": "0",
            },
            headers={"Accept": "application/json"},
        )

    def sent_fields(self) -> list[str]:
        return ["format=json", f"language=nl-{self.country.upper()}"]

    def read(self, status: int, headers: Mapping[str, str], body: bytes) -> list[Hit]:
        from onlineveilig.profiles.verdict import challenged, decode

        if status in (403, 503) and challenged(
            status, headers, decode(body[:65536], headers), specific=False
        ):
            # A bot check (Cloudflare's "Just a moment" page) in front of the server: blocked,
            # not the JSON setting.
            raise self.error(SearchKind.BLOCKED, status=status)
        if status == 403:
            raise self.error(SearchKind.JSON_DISABLED, status=status)
        if status == 429:
            raise RateLimited(self.id, self.host, _retry_after(headers))
        if status != 200:
            raise self.error(SearchKind.HTTP, status=status)
        try:
            answer = _Answer.model_validate(json.loads(body))
        except (ValueError, RecursionError, ValidationError):
            raise self.error(SearchKind.MALFORMED, status=status) from None
        if not answer.results and answer.unresponsive_engines:
            # No results because the instance's engines failed (blocked, CAPTCHA, timeout): that
            # is not "nothing found".
            engines = ", ".join(plain(" ".join(e[:2])) for e in answer.unresponsive_engines[:5])
            raise self.error(SearchKind.ENGINES_DOWN, status=status, detail=engines)
        return [Hit(r.url, plain(r.title), plain(r.content or "")) for r in answer.results]
