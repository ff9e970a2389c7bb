"""The queries of a run, built only from what the user entered (profile or command line)."""

from __future__ import annotations

from dataclasses import dataclass, field

from onlineveilig.search.model import Query

MAX_USERNAMES = 5


@dataclass(frozen=True)
class Subject:
    """Who is searched for, and the details that narrow the search down."""

    name: str
    city: str = ""
    employer: str = ""
    job_title: str = ""
    usernames: tuple[str, ...] = field(default_factory=tuple)
    email: str = ""


def _quoted(value: str) -> str:
    # A quote inside the value would end the phrase early: drop it.
    return '"' + " ".join(value.replace('"', " ").split()) + '"'


def _plain(value: str) -> str:
    return " ".join(value.replace('"', " ").split())


def split_list(value: str) -> tuple[str, ...]:
    """'sanne_p, @sannep' -> ('sanne_p', 'sannep'): commas or spaces, without a leading @."""
    parts = value.replace(",", " ").split()
    seen: dict[str, None] = {}
    for part in parts:
        part = part.strip().lstrip("@")
        if part and part.lower() not in {p.lower() for p in seen}:
            seen[part] = None
    return tuple(seen)


def build(subject: Subject) -> list[Query]:
    """The name in quotes; with the city, employer or job title; each username; the e-mail."""
    name = _quoted(subject.name)
    queries = [Query(name, "name")]
    for value, kind in (
        (subject.city, "name-city"),
        (subject.employer, "name-employer"),
        (subject.job_title, "name-job"),
    ):
        if _plain(value):
            queries.append(Query(f"{name} {_plain(value)}", kind))
    for username in subject.usernames[:MAX_USERNAMES]:
        if _plain(username):
            queries.append(Query(_quoted(username), "username"))
    if _plain(subject.email):
        queries.append(Query(_quoted(subject.email), "email"))
    unique: dict[str, Query] = {}
    for query in queries:
        unique.setdefault(query.text.lower(), query)
    return list(unique.values())
