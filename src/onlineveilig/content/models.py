"""The shape of the checklist data (checklists/*.toml): pydantic models that refuse unknown keys.

This is the schema every file is checked against; the commands use the light objects of data.py,
built from data that passed it (see loader.py). Import it only where a file must be validated.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from onlineveilig.search.model import Category

# The enums are shared with the light objects (and re-exported for older imports).
from .data import Frequency as Frequency
from .data import Priority as Priority
from .data import Topic as Topic

LANGUAGES = ("nl", "en")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One text in Dutch and English. Organisation files may give Dutch only."""

    nl: str = Field(min_length=1)
    en: str | None = Field(default=None, min_length=1)

    def get(self, lang: str) -> str:
        if lang == "en" and self.en:
            return self.en
        return self.nl


class Steps(Strict):
    nl: list[str] = Field(min_length=1)
    en: list[str] | None = Field(default=None, min_length=1)

    def get(self, lang: str) -> list[str]:
        if lang == "en" and self.en:
            return self.en
        return self.nl


class Link(Strict):
    label: Text
    url: str

    @field_validator("url")
    @classmethod
    def _https(cls, value: str) -> str:
        if not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", value):
            raise ValueError("must be a full https:// address")
        return value


class Variant(Strict):
    """Another wording of an item, used when the organisation's rules file says something specific.

    `when` maps fact names (see onlineveilig.content.rules: Rules.facts()) to the value they must have;
    the first variant whose facts all match is asked instead of the general question.
    """

    when: dict[str, str] = Field(min_length=1)
    question: Text
    why: Text | None = None
    steps: Steps | None = None


class Item(Strict):
    id: str = Field(pattern=ID_PATTERN)
    seed: list[str] = Field(default_factory=list)
    priority: Priority
    frequency: Frequency
    # Only asked of users who have one of these platforms (ids from platforms.toml).
    platforms: list[str] = Field(default_factory=list)
    # Rules-file conditions (see onlineveilig afspraken) may refine the question later.
    question: Text
    why: Text
    steps: Steps
    links: list[Link] = Field(default_factory=list)
    variants: list[Variant] = Field(default_factory=list)
    # A command of onlineveilig that does this check for the user; the audit points to it.
    tool: Literal["search-me", "profiles"] | None = None


class Checklist(Strict):
    """One section of the audit: one file (data.Checklist is what the commands use)."""

    id: str = Field(pattern=ID_PATTERN)
    # The section's id in English mode; `id` stays the one stored with the answers.
    id_en: str | None = Field(default=None, pattern=ID_PATTERN)
    version: int = Field(ge=1)
    order: int = 100
    title: Text
    intro: Text | None = None
    # Section-wide platform condition: every item applies only to users of this platform.
    platform: str | None = None
    # Organisation files only: built-in items to switch off.
    disable: list[str] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Checklist:
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"item id {item.id!r} appears twice")
            seen.add(item.id)
        return self


class Exposure(Strict):
    topic: Topic
    text: Text


class Platform(Strict):
    """A platform the user may have; its guide text is shared by the audit and `platforms`."""

    id: str = Field(pattern=ID_PATTERN)
    name: str
    summary: Text
    exposure: list[Exposure] = Field(default_factory=list)
    settings: list[Link] = Field(default_factory=list)


class PlatformList(Strict):
    platforms: list[Platform] = Field(min_length=1)


class SiteCategory(Strict):
    """One kind of site in checklists/sites.toml: what it shows about a person, and the domains."""

    id: Category
    order: int
    title: Text
    exposes: Text
    advice: Text
    domains: list[str] = Field(default_factory=list)

    @field_validator("domains")
    @classmethod
    def _domains(cls, values: list[str]) -> list[str]:
        for value in values:
            if not re.match(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9-]+)+(/[^\s]*)?$", value):
                raise ValueError(f"{value!r} is not a domain such as example.org")
        return values


class SiteList(Strict):
    categories: list[SiteCategory] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> SiteList:
        ids = [str(c.id) for c in self.categories]
        for twice in sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"item id {twice!r} appears twice")
        domains: dict[str, str] = {}
        for category in self.categories:
            for domain in category.domains:
                if domain in domains:
                    raise ValueError(
                        f"domain {domain!r} is in both {domains[domain]} and {category.id}"
                    )
                domains[domain] = category.id
        return self
