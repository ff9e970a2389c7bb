"""What a report says of `onlineveilig profiles`: the last check, in counts and site names, and
the found profiles marked for action by their site (never a username or an address)."""

from __future__ import annotations

from collections.abc import Mapping

from onlineveilig.search import urls
from onlineveilig.search.model import Mark, Run, Verdict

from .model import ProfileAction, ProfilesSummary, Sharing


def profiles_summary(latest: Run, marks: Mapping[str, Mark]) -> ProfilesSummary:
    from onlineveilig.ui.findings import action_label

    found_sites = sorted({c.name or c.site for c in latest.checks if c.state == "found"})
    unchecked = {c.site for c in latest.checks if c.unchecked}
    site_of = {
        urls.key(c.address): c.name or c.site
        for c in latest.checks
        if c.state == "found" and c.address
    }
    actions = [
        ProfileAction(
            site=site_of.get(f.key, f.title.partition(":")[0]),
            action=action_label(mark.action, profile=True) if mark.action else None,
            status="done" if mark.done_at else "open",
            note=mark.note or None,
        )
        for f in latest.findings
        if (mark := marks.get(f.key)) is not None and mark.verdict == Verdict.ACTION
    ]
    actions.sort(key=lambda a: a.status == "done")
    return ProfilesSummary(
        checked_on=latest.started_at.date(),
        complete=latest.status.value == "complete",
        usernames=len(latest.queries),
        found=len(latest.findings),
        sites=found_sites,
        not_checked=len(unchecked),
        open_actions=sum(1 for a in actions if a.status == "open"),
        actions=actions,
    )


def shared_profiles(profiles: ProfilesSummary | None, sharing: Sharing) -> ProfilesSummary | None:
    """The notes on profile actions stay out unless the user shares their notes."""
    if profiles is None or sharing.notes:
        return profiles
    return profiles.model_copy(
        update={"actions": [a.model_copy(update={"note": None}) for a in profiles.actions]}
    )
