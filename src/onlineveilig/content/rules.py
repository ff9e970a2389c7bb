"""The organisation's rules for online contact with clients: one TOML file (onlineveilig afspraken).

An organisation (or a worker, with `onlineveilig afspraken init`) writes down what it allows; the
audit asks about those rules, `afspraken blad` turns them into a sheet for the first contact with
a client, and `hulp` shows the organisation's own help contacts. An annotated example is in
examples/organisatie-afspraken.toml. Every table but [organisation] is optional: what the file
leaves out, the audit asks about in general terms. Texts are written by the organisation: Dutch
(`.nl`) is required, English (`.en`) optional.

Facts (Rules.facts()) are what checklist items can refine their wording on, with
`[[items.variants]] when = { fact = "value", ... }`. A fact is absent when the file does not say.

    rules            "yes"                                   a rules file is in use
    phone            "work-phone" | "not-allowed"            calls and text messages with clients
    whatsapp         "work-phone" | "not-allowed" | "allowed"  ("allowed": also on a private phone)
    email            "work-address" | "not-allowed"
    portal           "yes"                                   the organisation has a client portal
    outside-hours    "not-reachable" | "on-call"
    recording        "not-allowed" | "with-consent" | "allowed"
    friend-requests  "never" | "not-during-care" | "ask-first"
    first-name, surname, work-phone, work-email, work-address, photo,
    private-number, private-email, home-address, private-accounts
                     "share" | "never" | "ask-first"          which contact details may be shared
    crossing-steps   "yes"                                   the file lists steps for a crossed boundary
    contacts         "yes"                                   the file lists the organisation's help contacts
"""

from __future__ import annotations

import json
import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

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


DETAILS = (
    "first-name",
    "surname",
    "work-phone",
    "work-email",
    "work-address",
    "photo",
    "private-number",
    "private-email",
    "home-address",
    "private-accounts",
)


class ContactDetails(Rule):
    first_name: Share | None = None
    surname: Share | None = None
    work_phone: Share | None = None
    work_email: Share | None = None
    work_address: Share | None = None
    photo: Share | None = None
    private_number: Share | None = None
    private_email: Share | None = None
    home_address: Share | None = None
    private_accounts: Share | None = None
    note: Text | None = None

    def rules(self) -> dict[str, Share]:
        """Detail name (as in DETAILS) → rule, for the details the file mentions."""
        values = {name: getattr(self, name.replace("-", "_")) for name in DETAILS}
        return {name: value for name, value in values.items() if value is not None}


class WhenCrossed(Rule):
    steps: Steps
    contact: Text | None = None


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
    contacts: list[Contact] = Field(default_factory=list)

    def facts(self) -> dict[str, str]:
        """The simple facts checklist variants match on (see the module docstring)."""
        facts = {"rules": "yes"}
        if self.channels:
            for name in ("phone", "whatsapp", "email"):
                value = getattr(self.channels, name)
                if value is not None:
                    facts[name] = value.value
            if self.channels.portal:
                facts["portal"] = "yes"
        if self.hours and self.hours.outside_hours:
            facts["outside-hours"] = self.hours.outside_hours.value
        if self.recording:
            facts["recording"] = self.recording.rule.value
        if self.friend_requests:
            facts["friend-requests"] = self.friend_requests.rule.value
        if self.contact_details:
            facts |= {name: rule.value for name, rule in self.contact_details.rules().items()}
        if self.when_crossed:
            facts["crossing-steps"] = "yes"
        if self.contacts:
            facts["contacts"] = "yes"
        return facts


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

COMMENTS = {
    "channels": (
        "# phone: work-phone | not-allowed   whatsapp: work-phone | not-allowed | allowed\n"
        "# email: work-address | not-allowed   [channels.portal]: name and url of a client portal"
    ),
    "hours": "# outside-hours: not-reachable | on-call",
    "recording": "# rule: not-allowed | with-consent | allowed",
    "friend-requests": "# rule: never | not-during-care | ask-first",
    "contact-details": (
        "# each detail: share | never | ask-first\n# details: " + ", ".join(DETAILS)
    ),
    "when-crossed": "# steps: what happens, in order, when someone crosses a boundary",
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
    for key, value in data.items():
        if _is_text(value):
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


# -- What `afspraken init` proposes when the user presses Enter -----------------------------------

DEFAULT_REACHABLE = Text(
    nl="maandag tot vrijdag, van 9 tot 17 uur", en="Monday to Friday, 9 am to 5 pm"
)
DEFAULT_REPLY_WITHIN = Text(nl="binnen twee werkdagen", en="within two working days")
DEFAULT_CROSSED_CONTACT = Text(
    nl="de teamverantwoordelijke van je begeleider", en="your counsellor's team leader"
)
DEFAULT_STEPS = Steps(
    nl=[
        "Je begeleider bespreekt met jou wat er gebeurde en herhaalt de afspraak.",
        "Gebeurt het opnieuw, dan volgt een duidelijke waarschuwing.",
        "Daarna bespreekt de teamverantwoordelijke met jou hoe het contact verder verloopt.",
        "Bij bedreiging of intimidatie kan de politie verwittigd worden.",
    ],
    en=[
        "Your counsellor talks with you about what happened and repeats the agreement.",
        "If it happens again, a clear warning follows.",
        "After that, the team leader talks with you about how contact will go on.",
        "In case of threats or intimidation, the police may be informed.",
    ],
)
# The same proposals in the words of the Netherlands (for an organisation with country = "nl").
DEFAULT_CROSSED_CONTACT_NL = Text(
    nl="de teamleider van je begeleider", en=DEFAULT_CROSSED_CONTACT.en
)
DEFAULT_STEPS_NL = Steps(
    nl=[
        *DEFAULT_STEPS.nl[:2],
        "Daarna bespreekt de teamleider met jou hoe het contact verder verloopt.",
        "Bij bedreiging of intimidatie kan de politie worden ingelicht.",
    ],
    en=DEFAULT_STEPS.en,
)
DEFAULT_DETAILS: dict[str, Share] = {
    "first-name": Share.SHARE,
    "surname": Share.ASK_FIRST,
    "work-phone": Share.SHARE,
    "work-email": Share.SHARE,
    "work-address": Share.SHARE,
    "photo": Share.NEVER,
    "private-number": Share.NEVER,
    "private-email": Share.NEVER,
    "home-address": Share.NEVER,
    "private-accounts": Share.NEVER,
}


def possible_facts() -> dict[str, set[str]]:
    """Every fact name with the values Rules.facts() can give it (for checking checklist variants)."""
    facts: dict[str, set[str]] = {
        "rules": {"yes"},
        "phone": {r.value for r in PhoneRule},
        "whatsapp": {r.value for r in WhatsAppRule},
        "email": {r.value for r in EmailRule},
        "portal": {"yes"},
        "outside-hours": {r.value for r in OutsideHours},
        "recording": {r.value for r in RecordingRule},
        "friend-requests": {r.value for r in RequestRule},
        "crossing-steps": {"yes"},
        "contacts": {"yes"},
    }
    facts |= {name: {s.value for s in Share} for name in DETAILS}
    return facts
