"""The checklist content as the commands use it: light named tuples, no validation.

models.py holds the schema (pydantic) that every file is checked against; importing pydantic and
building those models costs more than the whole start-up of `onlineveilig status`, so the
commands work with these plain objects instead. They are only ever built from data that passed
that schema: the built-in checklists when the compiled copy is made (loader.compile_builtin),
an organisation's file right after it was validated. Named tuples rather than dataclasses: making
a dataclass costs about a millisecond at import, and these are read-only anyway. No
`from __future__ import annotations` here: typing.NamedTuple compiles every string annotation.
"""

from enum import StrEnum
from typing import Any, NamedTuple


class Priority(StrEnum):
    ESSENTIAL = "essential"
    RECOMMENDED = "recommended"
    EXTRA = "extra"


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    ONCE = "once"


class Topic(StrEnum):
    DEFAULT_PUBLIC = "default-public"
    FIND_BY_CONTACT = "find-by-contact"
    SUGGESTIONS = "suggestions"
    TAGGING = "tagging"
    LOCATION = "location"
    STORIES_LAST_SEEN = "stories-last-seen"
    GROUPS = "groups"
    INDEXING = "indexing"


class Text(NamedTuple):
    """One text in Dutch and English. Organisation files may give Dutch only."""

    nl: str
    en: str | None = None

    def get(self, lang: str) -> str:
        if lang == "en" and self.en:
            return self.en
        return self.nl

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Text":
        return cls(data["nl"], data.get("en"))


class Steps(NamedTuple):
    nl: list[str]
    en: list[str] | None = None

    def get(self, lang: str) -> list[str]:
        if lang == "en" and self.en:
            return self.en
        return self.nl

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Steps":
        return cls(list(data["nl"]), list(data["en"]) if data.get("en") else None)


def _text(data: dict[str, Any] | None) -> Text | None:
    return None if data is None else Text.of(data)


def _steps(data: dict[str, Any] | None) -> Steps | None:
    return None if data is None else Steps.of(data)


class Link(NamedTuple):
    label: Text
    url: str

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Link":
        return cls(Text.of(data["label"]), data["url"])


class Variant(NamedTuple):
    """Another wording of an item, asked when the organisation's rules file says something specific.

    `when` maps fact names (see onlineveilig.content.rules: Rules.facts()) to the value they must
    have; the first variant whose facts all match is asked instead of the general question.
    """

    when: dict[str, str]
    question: Text
    why: Text | None = None
    steps: Steps | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Variant":
        return cls(
            dict(data["when"]),
            Text.of(data["question"]),
            _text(data.get("why")),
            _steps(data.get("steps")),
        )


class Item(NamedTuple):
    id: str
    priority: Priority
    frequency: Frequency
    question: Text
    why: Text
    steps: Steps
    seed: list[str]
    # Only asked of users who have one of these platforms (ids from platforms.toml).
    platforms: list[str]
    links: list[Link]
    variants: list[Variant]
    # A command of onlineveilig that does this check for the user; the audit points to it.
    tool: str | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Item":
        return cls(
            id=data["id"],
            priority=Priority(data["priority"]),
            frequency=Frequency(data["frequency"]),
            question=Text.of(data["question"]),
            why=Text.of(data["why"]),
            steps=Steps.of(data["steps"]),
            seed=list(data.get("seed") or ()),
            platforms=list(data.get("platforms") or ()),
            links=[Link.of(x) for x in data.get("links") or ()],
            variants=[Variant.of(x) for x in data.get("variants") or ()],
            tool=data.get("tool"),
        )

    def for_rules(self, facts: dict[str, str] | None) -> "Item":
        """This item as asked under the organisation's rules (itself when no variant matches)."""
        if not facts:
            return self
        for variant in self.variants:
            if all(facts.get(key) == value for key, value in variant.when.items()):
                return self._replace(
                    question=variant.question,
                    why=variant.why or self.why,
                    steps=variant.steps or self.steps,
                )
        return self


class Checklist(NamedTuple):
    """One section of the audit: one file."""

    id: str
    version: int
    title: Text
    items: list[Item]
    # Organisation files only: built-in items to switch off.
    disable: list[str]
    order: int = 100
    # The section's id in English, for English mode (`id` stays the one stored with answers).
    id_en: str | None = None
    intro: Text | None = None
    # Section-wide platform condition: every item applies only to users of this platform.
    platform: str | None = None

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Checklist":
        return cls(
            id=data["id"],
            version=data["version"],
            title=Text.of(data["title"]),
            items=[Item.of(x) for x in data["items"]],
            disable=list(data.get("disable") or ()),
            order=data.get("order", 100),
            id_en=data.get("id_en"),
            intro=_text(data.get("intro")),
            platform=data.get("platform"),
        )

    def ids(self) -> tuple[str, ...]:
        """Every id the section answers to: its own and its English one."""
        return (self.id, self.id_en) if self.id_en and self.id_en != self.id else (self.id,)

    def shown_id(self, lang: str) -> str:
        """The id to show the user: the English one in English mode, when the section has one."""
        return self.id_en if lang == "en" and self.id_en else self.id

    def applies(self, item: Item, platforms: set[str] | None) -> bool:
        """Whether an item is for a user with these platforms (None: not known yet, ask all)."""
        wanted = set(item.platforms) | ({self.platform} if self.platform else set())
        if not wanted or platforms is None:
            return True
        return bool(wanted & platforms)


class Exposure(NamedTuple):
    topic: Topic
    text: Text

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Exposure":
        return cls(Topic(data["topic"]), Text.of(data["text"]))


class Platform(NamedTuple):
    """A platform the user may have; its guide text is shared by the audit and `platforms`."""

    id: str
    name: str
    summary: Text
    exposure: list[Exposure]
    settings: list[Link]

    @classmethod
    def of(cls, data: dict[str, Any]) -> "Platform":
        return cls(
            id=data["id"],
            name=data["name"],
            summary=Text.of(data["summary"]),
            exposure=[Exposure.of(x) for x in data.get("exposure") or ()],
            settings=[Link.of(x) for x in data.get("settings") or ()],
        )
