"""A finished run as finding-like records of the kind "profile" (for the store, phase 2).

Only found profiles become records: a not found is no finding, and an unknown is never
counted as either. The key is the profile address's key from search.urls, so a profile that a
search engine also returned is one finding, not two.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onlineveilig.search import urls

from .network import Result
from .verdict import State

KIND = "profile"


@dataclass(frozen=True)
class ProfileRecord:
    """Shaped like search.model.Finding (key, url, title, snippet, category, queries, rank)."""

    key: str
    url: str
    title: str  # "GitHub: sannep"
    snippet: str  # the site's category, in the user's language
    category: str  # "profile"
    queries: tuple[str, ...]  # the usernames it was found under
    rank: int  # its place in the site list (1 = first)
    site: str  # the site's id
    kind: str = KIND


def records(results: Sequence[Result], category_label: dict[str, str]) -> list[ProfileRecord]:
    """One record per profile address found, in site order; its usernames merged."""
    order = {r.site.id: n for n, r in enumerate(results, 1)}
    merged: dict[str, ProfileRecord] = {}
    for result in results:
        if result.outcome.state != State.FOUND or result.address is None:
            continue
        key = urls.key(result.address)
        if key in merged:
            old = merged[key]
            if result.username not in old.queries:
                merged[key] = ProfileRecord(
                    old.key,
                    old.url,
                    old.title,
                    old.snippet,
                    old.category,
                    (*old.queries, result.username),
                    old.rank,
                    old.site,
                )
            continue
        merged[key] = ProfileRecord(
            key=key,
            url=result.address,
            title=f"{result.site.name}: {result.username}",
            snippet=category_label.get(result.site.category, result.site.category),
            category=KIND,
            queries=(result.username,),
            rank=order[result.site.id],
            site=result.site.id,
        )
    return sorted(merged.values(), key=lambda r: (r.rank, r.url))
