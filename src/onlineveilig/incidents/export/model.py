"""What an incident export says, before it is rendered: every text in the user's language.

The user's own texts (description, who, notes, original file names, addresses) are in it as
written; the renderers make them plain and escape them, never trusting them. `data` is the
record itself, for the JSON file (facts as typed, ISO times, hashes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fact:
    label: str
    paragraphs: list[str]  # the value, one paragraph per line the user typed


@dataclass(frozen=True)
class FileEntry:
    name: str  # the file's original name
    size: str  # in words: "12,4 KB"
    sha256: str
    added: str  # when it was added, in words
    note: str = ""
    bundled_as: str = ""  # its name inside the bundle (evidence/...), when bundled


@dataclass(frozen=True)
class UrlEntry:
    url: str
    seen: str  # when the user saw it there, in words
    added: str
    note: str = ""


@dataclass(frozen=True)
class ChangeEntry:
    field: str  # the field's label
    old: str
    new: str
    changed: str


@dataclass(frozen=True)
class Section:
    heading: str
    lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Export:
    lang: str
    title: str
    subtitle: str  # "Incident 3, written down on 12 November 2026"
    organisation: str  # "" without a rules file
    facts: list[Fact]
    files: list[FileEntry]
    urls: list[UrlEntry]
    changes: list[ChangeEntry]
    organisation_steps: Section  # who to report to, within what time, the contacts
    advice: Section  # what the guidance advises next
    labels: dict[str, str]  # headings and column names
    footer: str
    data: dict[str, Any] = field(default_factory=dict)  # for the JSON file
