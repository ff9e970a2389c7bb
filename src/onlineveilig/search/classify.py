"""Which kind of site a result is on (from checklists/sites.toml), and which personal data its
title or snippet shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from onlineveilig.search.model import Category, Flag


@dataclass(frozen=True)
class SiteRule:
    domain: str
    path: str  # "" or a path prefix such as "/maps"
    category: Category


class Classifier:
    """Domain rules, most specific first: a path rule beats its domain, a subdomain its parent."""

    def __init__(self, rules: list[SiteRule]):
        self.rules = sorted(rules, key=lambda r: (-len(r.path), -r.domain.count("."), r.domain))

    @classmethod
    def from_entries(cls, entries: dict[Category, list[str]]) -> Classifier:
        rules = []
        for category, domains in entries.items():
            for entry in domains:
                domain, slash, path = entry.strip().lower().partition("/")
                rules.append(SiteRule(domain, slash + path if slash else "", category))
        return cls(rules)

    def category(self, url: str) -> Category:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        path = parts.path.lower() or "/"
        for rule in self.rules:
            if host == rule.domain or host.endswith("." + rule.domain):
                if (
                    not rule.path
                    or path == rule.path
                    or path.startswith(rule.path.rstrip("/") + "/")
                ):
                    return rule.category
        return Category.OTHER


# Belgian and Dutch phone numbers as people write them: +32 9 123 45 67, 0471 23 45 67,
# 06-12345678, (010) 123 4567, 0032 ...
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)3[12][\s.\-/]?(?:\(0\))?[\s.\-/]?\d|0\d)(?:[\s.\-/]?\(?\d\)?){7,9}(?!\d)"
)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}", re.IGNORECASE)
_STREET_WORDS = (
    "straat|laan|weg|plein|dreef|steenweg|lei|kaai|kade|gracht|singel|dijk|baan|pad|hof|"
    "markt|veld|park|wal|berg|dam|plantsoen|ring|boulevard|avenue|rue|street|road"
)
# "Kerkstraat 12", "Oude Vest 4b", "Markt 1", or a postcode: 9000 Gent (BE), 1012 AB (NL).
_STREET = re.compile(
    rf"\b[A-ZÀ-Ý][\w'’\-]*(?:{_STREET_WORDS})\s+\d{{1,4}}(?:\s?[a-zA-Z]\b|\s?bus\s?\d+)?",
)
_POSTCODE_NL = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b")
# A Belgian postcode alone looks like a year ("in 2023 Gent"): only after a house number.
_POSTCODE_BE = re.compile(r"\b\d{1,4}[a-zA-Z]?,\s*[1-9]\d{3}\s+[A-Z][a-zà-ÿ\-]{2,}")
_BIRTH = re.compile(
    r"\b(?:geboren|geb\.|geboortedatum|born|date of birth|birthday|verjaardag|°)\s*"
    r"(?:op|on|:)?\s*(?:\d{1,2}[\s./\-]+(?:\d{1,2}|[a-z]{3,9})[\s./\-]+\d{2,4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)


def personal_data(value: str) -> tuple[Flag, ...]:
    """The kinds of personal data in a title or snippet, in a fixed order."""
    found = []
    if _PHONE.search(value):
        found.append(Flag.PHONE)
    if _EMAIL.search(value):
        found.append(Flag.EMAIL)
    if _STREET.search(value) or _POSTCODE_NL.search(value) or _POSTCODE_BE.search(value):
        found.append(Flag.ADDRESS)
    if _BIRTH.search(value):
        found.append(Flag.BIRTHDATE)
    return tuple(found)
