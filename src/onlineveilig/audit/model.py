"""What an audit is made of: answers, audits, action points. Plain data, no I/O."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Answer(StrEnum):
    JA = "ja"
    NEE = "nee"
    NVT = "nvt"
    LATER = "later"


# What a person may type, in either language, for each answer.
_ALIASES: dict[str, Answer] = {
    "ja": Answer.JA,
    "j": Answer.JA,
    "yes": Answer.JA,
    "y": Answer.JA,
    "nee": Answer.NEE,
    "n": Answer.NEE,
    "no": Answer.NEE,
    "neen": Answer.NEE,
    "nvt": Answer.NVT,
    "n.v.t.": Answer.NVT,
    "n.v.t": Answer.NVT,
    "na": Answer.NVT,
    "n/a": Answer.NVT,
    "niet van toepassing": Answer.NVT,
    "not applicable": Answer.NVT,
    "later": Answer.LATER,
    "l": Answer.LATER,
    "skip": Answer.LATER,
    "overslaan": Answer.LATER,
}


def parse_answer(text: str) -> tuple[Answer, str] | None:
    """'nee, vraag ik aan IT' -> (NEE, 'vraag ik aan IT'). None when it is not an answer."""
    raw = text.strip()
    low = raw.lower().rstrip(" .!,;:-–")
    if low in _ALIASES:
        return _ALIASES[low], ""
    for phrase in ("niet van toepassing", "not applicable"):
        if low.startswith(phrase):
            return Answer.NVT, raw[len(phrase) :].lstrip(" ,:;-").strip()
    match = re.match(r"([^\s,:;]+)(?:\s*[,:;]\s*|\s+[–-]\s+|\s+)(.+)$", raw, re.S)
    if match and match.group(1).lower().rstrip(".!") in _ALIASES:
        return _ALIASES[match.group(1).lower().rstrip(".!")], match.group(2).strip()
    return None


def is_answer_word(text: str) -> bool:
    """'nvt', 'ja', 'n/a': an answer on its own (typed where a note was asked), not a note."""
    parsed = parse_answer(text)
    return parsed is not None and not parsed[1]


class Status(StrEnum):
    OPEN = "open"
    DONE = "done"
    ABANDONED = "abandoned"


class _Frozen:
    """Read-only plain data compared by value, as a frozen dataclass is. Written out by hand:
    making three dataclasses cost `onlineveilig status` several milliseconds at every start."""

    _fields: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")


class AnswerRecord(_Frozen):
    _fields = ("audit_id", "item_id", "answer", "note", "answered_at", "question")
    audit_id: int
    item_id: str
    answer: Answer
    note: str
    answered_at: datetime
    question: str

    def __init__(
        self,
        audit_id: int,
        item_id: str,
        answer: Answer,
        note: str,
        answered_at: datetime,
        question: str = "",
    ) -> None:
        self.__dict__.update(
            audit_id=audit_id,
            item_id=item_id,
            answer=answer,
            note=note,
            answered_at=answered_at,
            question=question,
        )


class Audit(_Frozen):
    _fields = (
        "id",
        "started_at",
        "finished_at",
        "status",
        "scope",
        "plan",
        "versions",
        "score",
        "in_order",
        "counted",
        "answers",
    )
    id: int
    started_at: datetime
    finished_at: datetime | None
    status: Status
    scope: str  # "due", "all" or "section:<id>"
    plan: list[str]
    versions: dict[str, int]
    score: int | None
    in_order: int | None
    counted: int | None
    answers: dict[str, AnswerRecord]

    def __init__(
        self,
        id: int,
        started_at: datetime,
        finished_at: datetime | None,
        status: Status,
        scope: str,
        plan: list[str],
        versions: dict[str, int],
        score: int | None = None,
        in_order: int | None = None,
        counted: int | None = None,
        answers: dict[str, AnswerRecord] | None = None,
    ) -> None:
        self.__dict__.update(
            id=id,
            started_at=started_at,
            finished_at=finished_at,
            status=status,
            scope=scope,
            plan=plan,
            versions=versions,
            score=score,
            in_order=in_order,
            counted=counted,
            answers={} if answers is None else answers,
        )

    @property
    def answered(self) -> int:
        return sum(1 for item in self.plan if item in self.answers)

    def remaining(self) -> list[str]:
        return [item for item in self.plan if item not in self.answers]


class Action(_Frozen):
    """An item answered 'nee' that has not been answered 'ja' (or 'nvt') since."""

    _fields = ("item_id", "since", "note")
    item_id: str
    since: date
    note: str

    def __init__(self, item_id: str, since: date, note: str) -> None:
        self.__dict__.update(item_id=item_id, since=since, note=note)

    def age_days(self, today: date) -> int:
        return max(0, (today - self.since).days)
