"""What a report says of `onlineveilig profiles`: the last check, in counts and site names."""

from __future__ import annotations

from collections.abc import Mapping

from onlineveilig.search.model import Mark, Run

from .model import ProfilesSummary

SETTLED = ("not-possible",)  # an unknown that is an answer: the name cannot exist there


def profiles_summary(latest: Run, marks: Mapping[str, Mark]) -> ProfilesSummary:
    found_sites = sorted({c.name or c.site for c in latest.checks if c.state == "found"})
    unchecked = {c.site for c in latest.checks if c.state == "unknown" and c.reason not in SETTLED}
    return ProfilesSummary(
        checked_on=latest.started_at.date(),
        complete=latest.status.value == "complete",
        usernames=len(latest.queries),
        found=len(latest.findings),
        sites=found_sites,
        not_checked=len(unchecked),
        open_actions=sum(1 for f in latest.findings if f.key in marks and marks[f.key].open_action),
    )
