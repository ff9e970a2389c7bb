"""The organisation's rules for online contact with clients: one TOML file (onlineveilig afspraken).

An organisation (or a worker, with `onlineveilig afspraken init`) writes down what it allows; the
audit asks about those rules, `afspraken blad` turns them into a sheet for the first contact with
a client, and `hulp` shows the organisation's own help contacts. An annotated example is in
examples/organisatie-afspraken.toml. Every table but [organisation] is optional: what the file
leaves out, the audit asks about in general terms. Texts are written by the organisation: Dutch
(`.nl`) is required, English (`.en`) optional.

Facts (Rules.facts()) are what checklist items can refine their wording on, with
`[[items.variants]] when = { fact = "value", ... }`. A fact is absent when the file does not say.
FACTS below lists them all, with the values each can have: "yes" for a part the file has (a rules
file at all, a client portal, steps for a crossed boundary, help contacts), else the values of the
rule's enum (PhoneRule, WhatsAppRule, ...), and one fact per contact detail (the names in Detail,
each "share" | "never" | "ask-first").
"""

from __future__ import annotations

import json
import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model

from .loader import read_toml, validate
from .models import Steps, Text


def _dashes(name: str) -> str:
    return name.replace("_", "-")


class Rule(BaseModel):
    """A part of the rules file: unknown keys are an error, keys are written with dashes."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_dashes, populate_by_name=True
    )


def _https(value: str) -> str:
    if not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", value):
        raise ValueError("must be a full https:// address")
    return value


HttpsUrl = Annotated[str, AfterValidator(_https)]


class Country(StrEnum):
    BE = "be"
    NL = "nl"


class Organisation(Rule):
    name: str = Field(min_length=1)
    country: Country | None = None
    website: HttpsUrl | None = None
    updated: date | None = None
    intro: Text | None = None  # a short word from the organisation on the client sheet


class PhoneRule(StrEnum):
    WORK_PHONE = "work-phone"
    NOT_ALLOWED = "not-allowed"


class WhatsAppRule(StrEnum):
    WORK_PHONE = "work-phone"
    NOT_ALLOWED = "not-allowed"
    ALLOWED = "allowed"


class EmailRule(StrEnum):
    WORK_ADDRESS = "work-address"
    NOT_ALLOWED = "not-allowed"


class Portal(Rule):
    name: str = Field(min_length=1)
    url: HttpsUrl | None = None


class Channels(Rule):
    phone: PhoneRule | None = None
    whatsapp: WhatsAppRule | None = None
    email: EmailRule | None = None
    portal: Portal | None = None
    note: Text | None = None


class OutsideHours(StrEnum):
    NOT_REACHABLE = "not-reachable"
    ON_CALL = "on-call"


class Hours(Rule):
    reachable: Text | None = None
    reply_within: Text | None = None
    outside_hours: OutsideHours | None = None
    emergency: Text | None = None
    note: Text | None = None


class RecordingRule(StrEnum):
    NOT_ALLOWED = "not-allowed"
    WITH_CONSENT = "with-consent"
    ALLOWED = "allowed"


class Recording(Rule):
    rule: RecordingRule
    note: Text | None = None


class RequestRule(StrEnum):
    NEVER = "never"
    NOT_DURING_CARE = "not-during-care"
    ASK_FIRST = "ask-first"


class FriendRequests(Rule):
    rule: RequestRule
    note: Text | None = None


class Share(StrEnum):
    SHARE = "share"
    NEVER = "never"
    ASK_FIRST = "ask-first"


class Detail(StrEnum):
    """The contact details a rules file says may be shared or not: the one list of their names."""

    FIRST_NAME = "first-name"
    SURNAME = "surname"
    WORK_PHONE = "work-phone"
    WORK_EMAIL = "work-email"
    WORK_ADDRESS = "work-address"
    PHOTO = "photo"
    PRIVATE_NUMBER = "private-number"
    PRIVATE_EMAIL = "private-email"
    HOME_ADDRESS = "home-address"
    PRIVATE_ACCOUNTS = "private-accounts"


def _field(detail: Detail) -> str:
    return detail.value.replace("-", "_")


class _DetailRules(Rule):
    def share(self, detail: Detail) -> Share | None:
        value: Share | None = getattr(self, _field(detail))
        return value

    def rules(self) -> dict[Detail, Share]:
        """Detail → rule, for the details the file mentions, in the order of Detail."""
        return {d: rule for d in Detail if (rule := self.share(d)) is not None}


if TYPE_CHECKING:

    class ContactDetails(_DetailRules):
        note: Text | None = None

else:
    # [contact-details]: one optional share rule per Detail (made from the enum, so the names are
    # written once), then a note.
    ContactDetails = create_model(
        "ContactDetails",
        __base__=_DetailRules,
        __module__=__name__,
        **{_field(d): (Share | None, None) for d in Detail},
        note=(Text | None, None),
    )


class WhenCrossed(Rule):
    steps: Steps
    contact: Text | None = None


class IncidentType(Rule):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: Text


class Incidents(Rule):
    """[incidents]: how the organisation names incidents and where they are reported."""

    types: list[IncidentType] = Field(default_factory=list)  # replaces the built-in list
    report_to: Text | None = None  # who a worker reports an incident to
    report_within_days: int | None = Field(default=None, ge=0, le=365)


class Contact(Rule):
    name: str = Field(min_length=1)
    role: Text
    phone: str | None = Field(default=None, min_length=1)
    email: str | None = Field(default=None, min_length=1)
    when: Text | None = None
    on_sheet: bool = False  # also print this contact on the client sheet


class Rules(Rule):
    organisation: Organisation
    channels: Channels | None = None
    hours: Hours | None = None
    recording: Recording | None = None
    friend_requests: FriendRequests | None = None
    contact_details: ContactDetails | None = None
    when_crossed: WhenCrossed | None = None
    incidents: Incidents | None = None
    contacts: list[Contact] = Field(default_factory=list)

    def facts(self) -> dict[str, str]:
        """The simple facts checklist variants match on (see FACTS)."""
        data = self.model_dump(by_alias=True, exclude_none=True, mode="json")
        facts: dict[str, str] = {}
        for fact in FACTS:
            value = _at(data, fact.place)
            if value not in (None, [], {}):
                facts[fact.name] = value if fact.values != YES else "yes"
        return facts


YES = ("yes",)


class Fact(NamedTuple):
    name: str
    values: tuple[str, ...]  # what it can be; YES: the part at `place` is in the file
    place: tuple[str, ...]  # where the file says it: table, then key


def _values(rule: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in rule)


FACTS = (
    Fact("rules", YES, ()),
    Fact("country", _values(Country), ("organisation", "country")),
    Fact("phone", _values(PhoneRule), ("channels", "phone")),
    Fact("whatsapp", _values(WhatsAppRule), ("channels", "whatsapp")),
    Fact("email", _values(EmailRule), ("channels", "email")),
    Fact("portal", YES, ("channels", "portal")),
    Fact("outside-hours", _values(OutsideHours), ("hours", "outside-hours")),
    Fact("recording", _values(RecordingRule), ("recording", "rule")),
    Fact("friend-requests", _values(RequestRule), ("friend-requests", "rule")),
    *(Fact(d.value, _values(Share), ("contact-details", d.value)) for d in Detail),
    Fact("crossing-steps", YES, ("when-crossed",)),
    Fact("contacts", YES, ("contacts",)),
)


def _at(data: Any, place: tuple[str, ...]) -> Any:
    for key in place:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def possible_facts() -> dict[str, set[str]]:
    """Every fact name with the values Rules.facts() can give it (for checking checklist variants)."""
    return {fact.name: set(fact.values) for fact in FACTS}


def load_rules(path: Path) -> Rules:
    """Read and check a rules file; problems become one ContentError naming file › field."""
    # No list key: a problem in the third contact is reported as contacts[3].phone.
    return validate(path, Rules, read_toml(path), "")


def parse_rules(path: Path, text: str) -> Rules:
    """Check rules held in memory (what `afspraken init` is about to write) as if read from path."""
    import tomllib

    from onlineveilig.errors import ContentError

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ContentError(path, syntax=str(err)) from None
    return validate(path, Rules, data, "")


# -- Writing a rules file ------------------------------------------------------------------------

HEADER = """\
# The organisation's rules for online contact with clients, read by onlineveilig
# (onlineveilig afspraken show / blad, the audit and onlineveilig hulp).
# Texts: .nl is required, .en optional. Every table except [organisation] may be left out.
"""


def _choices(rule: type[StrEnum]) -> str:
    return " | ".join(_values(rule))


COMMENTS = {
    "channels": (
        f"# phone: {_choices(PhoneRule)}   whatsapp: {_choices(WhatsAppRule)}\n"
        f"# email: {_choices(EmailRule)}   [channels.portal]: name and url of a client portal"
    ),
    "hours": f"# outside-hours: {_choices(OutsideHours)}",
    "recording": f"# rule: {_choices(RecordingRule)}",
    "friend-requests": f"# rule: {_choices(RequestRule)}",
    "contact-details": (
        f"# each detail: {_choices(Share)}\n# details: " + ", ".join(_values(Detail))
    ),
    "when-crossed": "# steps: what happens, in order, when someone crosses a boundary",
    "incidents": (
        "# onlineveilig incident: report-to (who to report an incident to), report-within-days,\n"
        "# and optionally your own [[incidents.types]] (id, label.nl, label.en) instead of the\n"
        "# built-in list of what can happen"
    ),
    "contacts": "# The organisation's own help contacts (shown by onlineveilig hulp).",
}


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"  {_value(v)},\n" for v in value) + "]"
    return _string(value) if isinstance(value, str) else json.dumps(value)


def _string(value: str) -> str:
    # json.dumps gives a valid TOML basic string (quotes, backslashes, control characters escaped);
    # TOML also forbids a raw DEL.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {"nl", "en"}


def _table(name: str, data: dict[str, Any], lines: list[str], *, array: bool = False) -> None:
    lines.append(f"[[{name}]]" if array else f"[{name}]")
    tables: list[tuple[str, dict[str, Any]]] = []
    arrays: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            arrays.append((f"{name}.{key}", value))
        elif _is_text(value):
            lines += [
                f"{key}.{lang} = {_value(value[lang])}" for lang in ("nl", "en") if lang in value
            ]
        elif isinstance(value, dict):
            tables.append((f"{name}.{key}", value))
        elif key == "updated":
            lines.append(f"{key} = {value}")  # a TOML date
        else:
            lines.append(f"{key} = {_value(value)}")
    for sub, values in tables:
        lines.append("")
        _table(sub, values, lines)
    for sub, rows in arrays:
        for row in rows:
            lines.append("")
            _table(sub, row, lines, array=True)


def to_toml(rules: Rules) -> str:
    """The rules as a TOML file that load_rules reads back to the same rules."""
    data = rules.model_dump(by_alias=True, exclude_none=True, mode="json")
    lines = [HEADER]
    for key, value in data.items():
        if key == "contacts":
            if value:
                lines.append(COMMENTS["contacts"])
            for contact in value:
                _table("contacts", contact, lines, array=True)
                lines.append("")
            continue
        if key in COMMENTS:
            lines.append(COMMENTS[key])
        _table(key, value, lines)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
