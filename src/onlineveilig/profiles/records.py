"""A run's results as the store keeps them: a check per site and username, and the found
profiles as findings of the category "profile".

Only found profiles become findings: a not found is no finding, and an unknown is never
counted as either. The key is the profile address's key from search.urls, so a profile that a
search engine also returned is one finding (one mark), not two.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from onlineveilig.search import urls
from onlineveilig.search.model import Category, Finding, ProfileCheck

from .network import Result
from .verdict import State


def check(result: Result) -> ProfileCheck:
    return ProfileCheck(
        site=result.site.id,
        username=result.username,
        state=str(result.outcome.state),
        reason=str(result.outcome.reason) if result.outcome.reason else "",
        address=result.address or "",
        name=result.site.name,
    )


def findings(
    results: Sequence[Result],
    category_label: Mapping[str, str],
    site_order: Mapping[str, int] | None = None,
) -> list[Finding]:
    """One finding per profile address found, in site order; its usernames merged.

    Title "GitHub: sannep", snippet the site's category in the user's language, queries the
    usernames it was found under, rank the site's place in the list (1 = first).
    """
    order: dict[str, int] = dict(site_order or {})
    for result in results:
        order.setdefault(result.site.id, len(order) + 1)
    merged: dict[str, Finding] = {}
    for result in results:
        if result.outcome.state != State.FOUND or result.address is None:
            continue
        key = urls.key(result.address)
        old = merged.get(key)
        if old is not None:
            if result.username not in old.queries:
                merged[key] = Finding(
                    key=old.key,
                    url=old.url,
                    title=old.title,
                    snippet=old.snippet,
                    category=old.category,
                    flags=(),
                    queries=(*old.queries, result.username),
                    rank=old.rank,
                )
            continue
        merged[key] = Finding(
            key=key,
            url=result.address,
            title=f"{result.site.name}: {result.username}",
            snippet=category_label.get(result.site.category, result.site.category),
            category=Category.PROFILE,
            flags=(),
            queries=(result.username,),
            rank=order[result.site.id],
        )
    return sorted(merged.values(), key=lambda f: (f.rank, f.url))
