"""--self-check: does each site's rule still hold? Its known usernames must be found, its absent
name must not be, and neither may end as unknown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Site
from .network import Check, Result
from .verdict import State


def checks(sites: Sequence[Site]) -> list[Check]:
    out: list[Check] = []
    for site in sites:
        out.extend(Check(site, name) for name in site.known)
        out.append(Check(site, site.absent))
    return out


def expected(site: Site, username: str) -> State:
    return State.NOT_FOUND if username == site.absent else State.FOUND


@dataclass(frozen=True)
class Failure:
    """A site whose rule did not hold for one of its test names."""

    result: Result
    expected: State


def failures(results: Sequence[Result]) -> list[Failure]:
    """Every test name whose outcome is not what its site's list entry promises, in order."""
    return [
        Failure(r, expected(r.site, r.username))
        for r in results
        if r.outcome.state != expected(r.site, r.username)
    ]


def broken_sites(found: Sequence[Failure]) -> list[Site]:
    """The sites with at least one failure: rules that no longer hold (not just unknown)."""
    seen: dict[str, Site] = {}
    for failure in found:
        if failure.result.outcome.state != State.UNKNOWN:
            seen.setdefault(failure.result.site.id, failure.result.site)
    return list(seen.values())
