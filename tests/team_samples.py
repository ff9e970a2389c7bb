"""Generated share files for the team report tests and bench/team.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ITEMS = [
    ("aanwezigheid", "zoek-jezelf"),
    ("aanwezigheid", "aan-profielfoto"),
    ("organisatie", "org-beleid"),
    ("organisatie", "org-opleiding"),
]


def worker_id(n: int) -> str:
    return f"{n:032x}"


def share(
    worker: int,
    month: str,
    answers: list[tuple[str, str, str]] | None = None,
    *,
    score: int | None = 80,
    by_type: dict[str, int] | None = None,
    by_month: dict[str, int] | None = None,
    source: str = "builtin",
) -> dict[str, Any]:
    by_type = by_type or {}
    total = sum(by_type.values())
    return {
        "format": "onlineveilig-deel",
        "version": 1,
        "worker": worker_id(worker),
        "month": month,
        "made_with": "onlineveilig 0.9",
        "checklists": {"aanwezigheid": "1", "organisatie": "1"},
        "score": score,
        "answers": [
            {"id": item, "section": section, "source": source, "answer": answer}
            for section, item, answer in (answers or [])
        ],
        "incidents": {
            "total": total,
            "reported": total,
            "followed_up": 0,
            "by_type": by_type,
            "by_channel": {"other": total} if total else {},
            "by_month": by_month or ({month: total} if total else {}),
        },
    }


def write(folder: Path, name: str, data: dict[str, Any] | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def months(n: int, year: int = 2026) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(1, n + 1)]


def team(folder: Path, workers: int = 40, n_months: int = 12) -> None:
    """Worker w answers "action" for zoek-jezelf when w % 4 == 0, for org-opleiding when w % 2 == 0;
    everything else is in order. Every worker has one "threats" incident in March."""
    for w in range(workers):
        for month in months(n_months):
            answers = [
                ("aanwezigheid", "zoek-jezelf", "action" if w % 4 == 0 else "in-order"),
                ("aanwezigheid", "aan-profielfoto", "in-order"),
                ("organisatie", "org-beleid", "not-applicable"),
                ("organisatie", "org-opleiding", "action" if w % 2 == 0 else "in-order"),
            ]
            incidents = {"threats": 1} if month >= "2026-03" else {}
            write(
                folder,
                f"w{w}-{month}.json",
                share(
                    w,
                    month,
                    answers,
                    score=50 + w % 2 * 50,
                    by_type=incidents,
                    by_month={"2026-03": 1} if incidents else {},
                ),
            )
