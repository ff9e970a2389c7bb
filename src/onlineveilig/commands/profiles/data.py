"""profiles --json: the results (with what is new and gone since the last check) and the
self-check, for other tools. Plain data: escaping is the reader's job."""

from __future__ import annotations

from collections.abc import Sequence, Set
from typing import Any

from onlineveilig.commands.common import print_json
from onlineveilig.i18n import language
from onlineveilig.profiles.loader import Catalogue
from onlineveilig.profiles.network import Result
from onlineveilig.profiles.selfcheck import Failure
from onlineveilig.profiles.verdict import State
from onlineveilig.search import urls
from onlineveilig.search.model import Diff


def _key(result: Result) -> str:
    return urls.key(result.address) if result.address else ""


def _result_json(found: Catalogue, result: Result, new: Set[str] = frozenset()) -> dict[str, Any]:
    return {
        "username": result.username,
        "site": result.site.id,
        "name": result.site.name,
        "category": result.site.category,
        "category_label": found.category(result.site, language()),
        "state": str(result.outcome.state),
        "reason": str(result.outcome.reason) if result.outcome.reason else None,
        "status": result.outcome.status,
        "address": result.address if result.outcome.state == State.FOUND else None,
        "check_by_hand": result.address if result.outcome.unchecked else None,
        "new": result.outcome.state == State.FOUND and _key(result) in new,
    }


def _counts(results: Sequence[Result]) -> dict[str, int]:
    return {
        "found": sum(r.outcome.state == State.FOUND for r in results),
        "not_found": sum(r.outcome.state == State.NOT_FOUND for r in results),
        "unknown": sum(r.outcome.state == State.UNKNOWN for r in results),
        "could_not_be_checked": sum(r.outcome.unchecked for r in results),
    }


def results_json(
    found: Catalogue,
    names: Sequence[str],
    results: Sequence[Result],
    *,
    complete: bool,
    changes: Diff | None = None,
) -> None:
    """The results; with `changes`, which profiles are new and which are gone since the last
    check ("compared_with" is null when there was none: then nothing is new or gone)."""
    compared = changes is not None and changes.previous is not None
    new = {f.key for f in changes.new} if changes is not None and compared else set()
    gone = changes.gone if changes is not None and compared else ()
    previous = changes.previous if changes is not None else None
    print_json(
        {
            "usernames": list(names),
            "sites": len(found.sites),
            "list": {"path": str(found.path), "format": found.kind, "skipped": found.skipped},
            "complete": complete,
            "counts": _counts(results),
            "results": [_result_json(found, r, new) for r in results],
            "compared_with": previous.started_at.isoformat(timespec="seconds")
            if previous
            else None,
            "new": len(new),
            "gone": [
                {"title": f.title, "address": f.url, "usernames": list(f.queries)} for f in gone
            ],
        }
    )


def self_check_json(
    found: Catalogue, results: Sequence[Result], failures: Sequence[Failure], *, complete: bool
) -> None:
    print_json(
        {
            "self_check": True,
            "sites": len(found.sites),
            "list": {"path": str(found.path), "format": found.kind, "skipped": found.skipped},
            "complete": complete,
            "failures": [
                {**_result_json(found, f.result), "expected": str(f.expected)} for f in failures
            ],
        }
    )
