"""The shape of a username-check site list (checklists/profiles.toml), checked on load.

A site says where to ask (`check`, with {username} as the only placeholder), what to show
(`show`), and how a hit is told from a miss: `hit` and `miss` are a status code plus, optionally,
a text that must occur in the answer (WhatsMyName's e_code/e_string and m_code/m_string).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from onlineveilig.content.models import ID_PATTERN, Strict, Text
from onlineveilig.i18n import _
from onlineveilig.search import urls

PLACEHOLDER = "{username}"
_TOKEN = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
_ADDRESS = re.compile(r"^https?://[^\s/?#]+(/\S*)?$")


def _check_address(value: str) -> str:
    if not _ADDRESS.match(value):
        raise ValueError(_("must be a full web address that starts with https:// or http://"))
    for placeholder in re.findall(r"\{[^}]*\}", value):
        if placeholder != PLACEHOLDER:
            raise ValueError(
                _("%(placeholder)s is not known here: the only placeholder is {username}")
                % {"placeholder": placeholder}
            )
    if urls.checked(value.replace(PLACEHOLDER, "a")) is None:
        # An unclosed [ or a port like :abc: caught here, not when the sites are asked.
        raise ValueError(
            _("is not an address that can be used: look at the brackets [ ] and the port number")
        )
    return value


class Rule(Strict):
    """One way the site answers: this status code and (if given) this text in the answer."""

    status: int = Field(ge=100, le=599)
    text: str = ""

    def holds(self, status: int, body: str) -> bool:
        return status == self.status and (not self.text or self.text in body)


class Site(Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=80)
    name: str = Field(min_length=1, max_length=120)
    category: str = Field(pattern=ID_PATTERN)
    check: str
    show: str | None = None
    method: Literal["GET", "POST"] = "GET"
    body: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    username: str | None = None
    hit: Rule
    miss: Rule
    known: list[str] = Field(min_length=1)
    absent: str = Field(min_length=1)
    protection: list[str] = Field(default_factory=list)
    source: Literal["whatsmyname", "own"] = "own"
    countries: list[Literal["be", "nl"]] = Field(default_factory=list)
    # WhatsMyName's strip_bad_char: characters the site drops from a username.
    strip: str = ""

    @field_validator("check", "show")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        return None if value is None else _check_address(value)

    @field_validator("username")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error:
                raise ValueError(_("is not a valid regular expression")) from None
        return value

    @field_validator("headers")
    @classmethod
    def _headers(cls, value: dict[str, str]) -> dict[str, str]:
        for name, content in value.items():
            if not _TOKEN.match(name) or any(ord(c) < 32 or ord(c) == 127 for c in content):
                raise ValueError(
                    _("%(name)s is not a header that can be sent") % {"name": name[:40]}
                )
        return value

    @model_validator(mode="after")
    def _usable(self) -> Site:
        if PLACEHOLDER not in self.check and PLACEHOLDER not in (self.body or ""):
            raise ValueError(_("check (or body) must contain {username}"))
        if self.body is not None and self.method != "POST":
            raise ValueError(_('a body is only sent with method = "POST"'))
        if self.hit.status == self.miss.status and self.hit.text == self.miss.text:
            raise ValueError(_("hit and miss are the same: found cannot be told from not found"))
        return self

    @property
    def profile_address(self) -> str:
        return self.show or self.check


class SiteFile(Strict):
    """checklists/profiles.toml (or an organisation's file in the same schema)."""

    version: Literal[1] = 1
    categories: dict[str, Text] = Field(min_length=1)
    site: list[Site] = Field(min_length=1)
