"""What an audit is made of: answers, audits, action points. Plain data, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


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


@dataclass(frozen=True)
class AnswerRecord:
    audit_id: int
    item_id: str
    answer: Answer
    note: str
    answered_at: datetime
    question: str = ""


@dataclass(frozen=True)
class Audit:
    id: int
    started_at: datetime
    finished_at: datetime | None
    status: Status
    scope: str  # "due", "all" or "section:<id>"
    plan: list[str]
    versions: dict[str, int]
    score: int | None = None
    in_order: int | None = None
    counted: int | None = None
    answers: dict[str, AnswerRecord] = field(default_factory=dict)

    @property
    def answered(self) -> int:
        return sum(1 for item in self.plan if item in self.answers)

    def remaining(self) -> list[str]:
        return [item for item in self.plan if item not in self.answers]


@dataclass(frozen=True)
class Action:
    """An item answered 'nee' that has not been answered 'ja' (or 'nvt') since."""

    item_id: str
    since: date
    note: str

    def age_days(self, today: date) -> int:
        return max(0, (today - self.since).days)
