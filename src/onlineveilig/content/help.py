"""Where to get help: what to do right away, and help lines in Belgium and the Netherlands.

The data is in checklists/hulp.toml.

Only lines whose number, address and remit were checked on the organisation's or government's own
site are listed; each entry names that source and the day it was checked, so a maintainer can
check it again.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator

from .loader import builtin_dir, read_toml, validate
from .models import ID_PATTERN, Strict, Text
from .rules import HttpsUrl


class Country(StrEnum):
    BE = "be"
    NL = "nl"
    ANY = "any"  # useful from both countries


class Audience(StrEnum):
    EMERGENCY = "emergency"  # danger right now
    YOU = "you"  # for the worker: support, reporting, removal
    CLIENT = "client"  # to refer a (young) client, not for the worker's own harassment


class HelpLine(Strict):
    id: str = Field(pattern=ID_PATTERN)
    country: Country
    audience: Audience
    name: Text
    what: Text
    phone: str | None = Field(default=None, min_length=1)
    web: HttpsUrl | None = None
    # One address, or one per language (email.nl / email.en) where a service has both.
    email: Text | None = None
    note: Text | None = None
    sources: list[HttpsUrl] = Field(min_length=1)  # where it was checked, for maintainers
    checked: date

    @field_validator("email", mode="before")
    @classmethod
    def _one_address(cls, value: Any) -> Any:
        return {"nl": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _reachable(self) -> HelpLine:
        if not (self.phone or self.web or self.email):
            raise ValueError("give a phone number, a web address or an e-mail address")
        return self


class Step(Strict):
    """One thing to do right away when something went wrong."""

    title: Text
    text: Text


class HelpList(Strict):
    steps: list[Step] = Field(min_length=1)
    lines: list[HelpLine] = Field(min_length=1)

    def for_country(self, country: str | None) -> list[HelpLine]:
        """The lines for one country (with those that serve both), or all when country is None."""
        if country is None:
            return list(self.lines)
        return [line for line in self.lines if line.country in (country, Country.ANY)]


def help_path() -> Path:
    return builtin_dir() / "hulp.toml"


def load_help(path: Path | None = None) -> HelpList:
    path = path or help_path()
    return validate(path, HelpList, read_toml(path), "lines")
