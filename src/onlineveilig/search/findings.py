"""From hits to findings: merged across queries, one per page, classified, ordered by what they
expose; and what changed between two runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from onlineveilig.search import urls
from onlineveilig.search.classify import Classifier, personal_data
from onlineveilig.search.model import (
    Category,
    Diff,
    Finding,
    Hit,
    Mark,
    Run,
    RunKind,
    RunStatus,
    Verdict,
)

# What a category exposes, most first (the data file's order overrides this default).
DEFAULT_ORDER = {c: n for n, c in enumerate(Category)}
MAX_TITLE = 300
MAX_SNIPPET = 1000


def _short(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def merge(answers: Mapping[str, Sequence[Hit]], classifier: Classifier) -> list[Finding]:
    """One finding per normalised address, with every query that found it and its best rank.

    `answers` maps each answered query to its hits in the provider's order.
    """
    merged: dict[str, Finding] = {}
    for query, hits in answers.items():
        for rank, hit in enumerate(hits, 1):
            address = urls.web_address(hit.url)
            if address is None:
                continue
            address = urls.tidy(address)
            key = urls.key(address)
            title = _short(hit.title, MAX_TITLE) or urls.host(address)
            snippet = _short(hit.snippet, MAX_SNIPPET)
            old = merged.get(key)
            if old is None:
                merged[key] = Finding(
                    key=key,
                    url=address,
                    title=title,
                    snippet=snippet,
                    category=classifier.category(address),
                    flags=personal_data(f"{title}\n{snippet}"),
                    queries=(query,),
                    rank=rank,
                )
                continue
            # The longer snippet tells more; the flags are those of everything seen.
            flags = personal_data(f"{old.title}\n{old.snippet}\n{title}\n{snippet}")
            merged[key] = Finding(
                key=key,
                url=old.url,
                title=old.title,
                snippet=snippet if len(snippet) > len(old.snippet) else old.snippet,
                category=old.category,
                flags=flags,
                queries=old.queries if query in old.queries else (*old.queries, query),
                rank=min(old.rank, rank),
            )
    return list(merged.values())


def ordered(
    findings: Iterable[Finding], order: Mapping[Category, int] | None = None
) -> list[Finding]:
    """Most exposing first: by category, then those showing personal data, then by rank."""
    weights = order or DEFAULT_ORDER
    return sorted(
        findings,
        key=lambda f: (weights.get(f.category, 99), -len(f.flags), f.rank, f.key),
    )


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    result: dict[str, int] = {}
    for finding in findings:
        result[finding.category.value] = result.get(finding.category.value, 0) + 1
    return result


def previous_of(runs: Sequence[Run], current: Run) -> Run | None:
    """The run to compare with: the latest earlier one for the same name, with the same provider
    (another provider finds other pages, which would all look new or gone). A profiles run is
    compared with everything the earlier profiles runs checked, whatever their usernames (see
    combined): its checks tell which site and username both sides asked about."""
    if current.kind == RunKind.PROFILES:
        return combined([r for r in runs if r.id < current.id and r.kind == current.kind])
    earlier = [
        r
        for r in runs
        if r.id < current.id
        and r.kind == current.kind
        and r.provider == current.provider
        and r.subject.lower() == current.subject.lower()
        and r.done
    ]
    return earlier[-1] if earlier else None


def combined(runs: Sequence[Run]) -> Run | None:
    """What the profiles runs (oldest first, with findings) say together: the last complete run,
    with what later stopped runs did check laid over it. A stopped run only adds: an answer
    (found, not found) replaces the earlier one for that site and username, an unknown only
    fills a gap. None when no run got an answer."""
    answered = [r for r in runs if r.kind == RunKind.PROFILES and r.done]
    if not answered:
        return None
    start = max((n for n, r in enumerate(answered) if r.status == RunStatus.COMPLETE), default=0)
    base, later = answered[start], answered[start + 1 :]
    if not later:
        return base
    checks = {(c.site, c.username): c for c in base.checks}
    found: dict[str, Finding] = {f.key: f for f in base.findings}
    usernames = list(base.queries)
    for run in later:
        for check in run.checks:
            pair = (check.site, check.username)
            if check.answered or pair not in checks:
                checks[pair] = check
        found.update({f.key: f for f in run.findings})
        usernames += [u for u in run.queries if u not in usernames]
    keys = {urls.key(c.address) for c in checks.values() if c.state == "found" and c.address}
    last = later[-1]
    # Complete when the complete check covered every username the later runs asked about.
    whole = base.status == RunStatus.COMPLETE and len(usernames) == len(base.queries)
    return replace(
        last,
        queries=tuple(usernames),
        done=tuple(sorted({u for r in (base, *later) for u in r.done})),
        status=RunStatus.COMPLETE if whole else last.status,
        reason="" if whole else last.reason,
        findings=tuple(sorted((f for k, f in found.items() if k in keys), key=_by_site)),
        checks=tuple(checks.values()),
    )


def _by_site(finding: Finding) -> tuple[int, str]:
    return finding.rank, finding.url


def diff(previous: Run | None, current: Run) -> Diff:
    """New: not in the previous run. Gone: in the previous run, found there by a query that this
    run answered too, and not found now (a query that did not run cannot lose anything)."""
    if previous is None:
        return Diff(new=current.findings, gone=(), previous=None)
    if current.kind == RunKind.PROFILES:
        return _profiles_diff(previous, current)
    before = {f.key for f in previous.findings}
    now = {f.key for f in current.findings}
    new = tuple(f for f in current.findings if f.key not in before)
    answered = set(current.done)
    gone: tuple[Finding, ...] = ()
    if current.compares_gone:
        gone = tuple(
            f
            for f in previous.findings
            if f.key not in now and any(q in answered for q in f.queries)
        )
    return Diff(new=new, gone=gone, previous=previous)


def _profiles_diff(previous: Run, current: Run) -> Diff:
    """New: found now, and the previous run said not found there (or did not ask that site
    about that username). Gone: found before, and now a real 'not found' on the same site for
    the same username. An unknown, on either side, is neither new nor gone."""
    before = {(c.site, c.username): c for c in previous.checks}
    now = {(c.site, c.username): c for c in current.checks}

    def pairs(run: Run) -> dict[str, set[tuple[str, str]]]:
        result: dict[str, set[tuple[str, str]]] = {}
        for check in run.checks:
            if check.state == "found" and check.address:
                result.setdefault(urls.key(check.address), set()).add((check.site, check.username))
        return result

    found_before, found_now = pairs(previous), pairs(current)
    new = tuple(
        f
        for f in current.findings
        if f.key not in found_before
        and any(
            pair not in before or before[pair].state == "not-found"
            for pair in found_now.get(f.key, set())
        )
    )
    gone = tuple(
        f
        for f in previous.findings
        if f.key not in found_now
        and any(
            pair in now and now[pair].state == "not-found"
            for pair in found_before.get(f.key, set())
        )
    )
    return Diff(new=new, gone=gone, previous=previous)


def unreviewed(findings: Iterable[Finding], marks: Mapping[str, Mark]) -> list[Finding]:
    return [f for f in findings if f.key not in marks]


def open_actions(findings: Iterable[Finding], marks: Mapping[str, Mark]) -> list[Finding]:
    return [f for f in findings if f.key in marks and marks[f.key].open_action]


def marked(marks: Mapping[str, Mark], verdict: Verdict) -> int:
    return sum(1 for m in marks.values() if m.verdict == verdict)
