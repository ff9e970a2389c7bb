"""Counting many shares without keeping them: one pass, small memory.

Every figure remembers the workers it rests on only until there are k of them (Workers): that is
all build.py needs to decide whether the figure may be shown. Answers count per file (a worker's
month); the incident counts of a worker are those of their latest month (a share holds the counts
`signalen` shows: all of that worker's incidents), with each incident month taken from the latest
file that has it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TypeVar

from onlineveilig.share.model import Share

IN_ORDER = "in-order"
ACTION = "action"
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

ItemKey = tuple[str, str]  # (section, item id)
K = TypeVar("K")


class Workers:
    """The distinct workers behind one figure, remembered up to k (then only "enough")."""

    __slots__ = ("_k", "_seen", "enough")

    def __init__(self, k: int) -> None:
        self._k = k
        self._seen: set[str] | None = set()
        self.enough = False

    def add(self, worker: str) -> None:
        if self._seen is None:
            return
        self._seen.add(worker)
        if len(self._seen) >= self._k:
            self._seen = None
            self.enough = True


@dataclass
class Ratio:
    """Answers "action" out of the answers that say in order or not (one figure)."""

    k: int
    action: int = 0
    answered: int = 0
    workers: Workers = field(init=False)

    def __post_init__(self) -> None:
        self.workers = Workers(self.k)

    def add(self, worker: str, answer: str) -> None:
        self.answered += 1
        self.action += answer == ACTION
        self.workers.add(worker)


@dataclass
class _Incidents:
    month: str
    total: int
    reported: int
    followed_up: int
    by_type: dict[str, int]


class Tally:
    """Everything the team report counts, filled one share at a time (add)."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.workers: set[str] = set()
        self.files_per_month: Counter[str] = Counter()
        self.items: dict[ItemKey, Ratio] = {}
        self.item_months: dict[tuple[str, str, str], Ratio] = {}
        self.section_months: dict[tuple[str, str], Ratio] = {}
        self.months: dict[str, Ratio] = {}
        self.month_workers: dict[str, Workers] = {}
        self.scores: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # month -> [sum, n]
        self.score_workers: dict[str, Workers] = {}
        self._incidents: dict[str, _Incidents] = {}
        self._incident_months: dict[tuple[str, str], tuple[str, int]] = {}

    def _ratio(self, table: dict[K, Ratio], key: K) -> Ratio:
        found = table.get(key)
        if found is None:
            found = table[key] = Ratio(self.k)
        return found

    def _group(self, table: dict[str, Workers], key: str) -> Workers:
        found = table.get(key)
        if found is None:
            found = table[key] = Workers(self.k)
        return found

    def add(self, share: Share) -> None:
        worker, month = share.worker, share.month
        self.workers.add(worker)
        self.files_per_month[month] += 1
        self._group(self.month_workers, month).add(worker)
        for answer in share.answers:
            if answer.answer not in (IN_ORDER, ACTION):
                continue
            value = answer.answer
            self._ratio(self.items, (answer.section, answer.id)).add(worker, value)
            self._ratio(self.item_months, (answer.section, answer.id, month)).add(worker, value)
            self._ratio(self.section_months, (answer.section, month)).add(worker, value)
            self._ratio(self.months, month).add(worker, value)
        if share.score is not None:
            total = self.scores[month]
            total[0] += share.score
            total[1] += 1
            self._group(self.score_workers, month).add(worker)
        self._add_incidents(share)

    def _add_incidents(self, share: Share) -> None:
        worker, month, counts = share.worker, share.month, share.incidents
        known = self._incidents.get(worker)
        if known is None or month > known.month:
            self._incidents[worker] = _Incidents(
                month, counts.total, counts.reported, counts.followed_up, dict(counts.by_type)
            )
        for key, n in counts.by_month.items():
            if not _MONTH.match(key) or n <= 0:
                continue
            had = self._incident_months.get((worker, key))
            if had is None or month > had[0]:
                self._incident_months[(worker, key)] = (month, n)

    def incident_totals(self) -> tuple[dict[str, int], Workers]:
        """Total, reported, followed up over all workers, and the workers with an incident."""
        sums = {"total": 0, "reported": 0, "followed_up": 0}
        workers = Workers(self.k)
        for worker, counts in self._incidents.items():
            sums["total"] += counts.total
            sums["reported"] += counts.reported
            sums["followed_up"] += counts.followed_up
            if counts.total > 0:
                workers.add(worker)
        return sums, workers

    def incidents_by_type(self) -> dict[str, tuple[int, set[str]]]:
        """Type id -> (incidents, the workers who had one)."""
        out: dict[str, tuple[int, set[str]]] = {}
        for worker, counts in self._incidents.items():
            for kind, n in counts.by_type.items():
                if n <= 0:
                    continue
                total, workers = out.get(kind, (0, set()))
                workers.add(worker)
                out[kind] = (total + n, workers)
        return out

    def incidents_by_month(self) -> dict[str, tuple[int, Workers]]:
        """Month -> (incidents, the workers who had one then)."""
        out: dict[str, tuple[int, Workers]] = {}
        for (worker, key), (_, n) in self._incident_months.items():
            total, workers = out.get(key) or (0, Workers(self.k))
            workers.add(worker)
            out[key] = (total + n, workers)
        return out
