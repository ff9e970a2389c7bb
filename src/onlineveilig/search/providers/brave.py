"""The Brave Search API: GET with the key in the X-Subscription-Token header."""

from __future__ import annotations

import json
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, ValidationError

from onlineveilig.errors import RateLimited, SearchKind
from onlineveilig.search.model import Hit
from onlineveilig.search.providers import Outgoing, Provider, plain


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Result(_Loose):
    title: str = ""
    url: str
    description: str = ""


class _Web(_Loose):
    results: list[_Result] = []


class _Answer(_Loose):
    web: _Web | None = None


class _Problem(_Loose):
    code: str = ""
    detail: str = ""


class _ErrorAnswer(_Loose):
    error: _Problem | None = None


def reset_seconds(headers: Mapping[str, str]) -> int | None:
    """X-RateLimit-Reset lists seconds per window ('1, 1419704'); the window that ran out counts."""
    try:
        resets = [int(v) for v in headers.get("x-ratelimit-reset", "").split(",") if v.strip()]
    except ValueError:
        return None
    if not resets:
        return None
    try:
        left = [int(v) for v in headers.get("x-ratelimit-remaining", "").split(",") if v.strip()]
    except ValueError:
        left = []
    spent = [reset for reset, remaining in zip(resets, left, strict=False) if remaining <= 0]
    return max(spent) if spent else max(resets)


class Brave(Provider):
    id = "brave"
    # The free plan allows one request a second.
    concurrency = 2
    interval = 1.0

    def __init__(self, endpoint: str, country: str, key: str):
        super().__init__(endpoint, country)
        self.key = key

    def build(self, query: str) -> Outgoing:
        return Outgoing(
            "GET",
            self.endpoint,
            params={
                "q": query,
                "country": self.country.upper(),
                "search_lang": "nl",
                "count": "20",
            },
            headers={"X-Subscription-Token": self.key, "Accept": "application/json"},
        )

    def sent_fields(self) -> list[str]:
        return [f"country={self.country.upper()}", "search_lang=nl", "count=20"]

    def read(self, status: int, headers: Mapping[str, str], body: bytes) -> list[Hit]:
        if status == 429:
            raise RateLimited(self.id, self.host, reset_seconds(headers))
        if status in (401, 403):
            raise self.error(SearchKind.BAD_KEY, status=status)
        if status == 422:
            code = _error_code(body)
            if not code or "TOKEN" in code or "SUBSCRIPTION" in code:
                raise self.error(SearchKind.BAD_KEY, status=status)
            raise self.error(SearchKind.HTTP, status=status, detail=code)
        if status != 200:
            raise self.error(SearchKind.HTTP, status=status, detail=_error_code(body))
        try:
            answer = _Answer.model_validate(json.loads(body))
        except (ValueError, RecursionError, ValidationError):
            raise self.error(SearchKind.MALFORMED, status=status) from None
        if answer.web is None:
            return []
        return [Hit(r.url, plain(r.title), plain(r.description)) for r in answer.web.results]


def _error_code(body: bytes) -> str:
    try:
        problem = _ErrorAnswer.model_validate(json.loads(body)).error
    except (ValueError, RecursionError, ValidationError):
        return ""
    return problem.code if problem else ""
