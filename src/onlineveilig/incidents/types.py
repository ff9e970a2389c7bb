"""What can happen: the organisation's incident types (rules file, [incidents]) or the built-in list.

Records keep type ids; labels are looked up here, in the user's language, when they are shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from onlineveilig.i18n import N_, _, language
from onlineveilig.incidents.answers import DATE_ORDER

if TYPE_CHECKING:
    from onlineveilig.content.rules import Rules

BUILT_IN: tuple[tuple[str, str], ...] = (
    ("unwanted-contact", N_("Unwanted contact")),
    ("outside-hours", N_("Contact at night or outside working hours")),
    ("insults", N_("Insults")),
    ("threats", N_("Threats")),
    ("intimidation", N_("Intimidation")),
    ("sharing", N_("Sharing of photos or personal details")),
    ("doxing", N_("Doxing (your private details made public)")),
    ("recording", N_("Recording without consent")),
    ("fake-profile", N_("A fake profile")),
    ("stalking", N_("Stalking")),
    ("sexual", N_("Sexual remarks")),
    ("other", N_("Other")),
)


def choices(rules: Rules | None) -> list[tuple[str, str]]:
    """(id, label) of every type the user can choose, in the user's language."""
    if rules is not None and rules.incidents is not None and rules.incidents.types:
        return [(t.id, t.label.get(language())) for t in rules.incidents.types]
    return [(type_id, _(label)) for type_id, label in BUILT_IN]


def label(type_id: str, rules: Rules | None = None) -> str:
    """The label of a type id; an id nobody knows (a rules file changed since) is shown as it is."""
    for known, text in choices(rules):
        if known == type_id:
            return text
    for known, text in BUILT_IN:
        if known == type_id:
            return _(text)
    return type_id


# What each field is called where a record is shown (incident show, edit, exports).
FIELD_LABELS: dict[str, str] = {
    "started": N_("When"),
    "ended": N_("Until"),
    "channel": N_("Channel or platform"),
    "types": N_("What happened"),
    "description": N_("Description"),
    "who": N_("Who"),
    "actions": N_("What you did afterwards"),
    "reported_to": N_("Reported to"),
    "reported_at": N_("Reported on"),
    "followed_up_at": N_("Followed up on"),
    "support": N_("Support"),
}


def field_label(field: str) -> str:
    return _(FIELD_LABELS[field])


def channel_label(channel: str, platform_names: dict[str, str]) -> str:
    """A platform id as its name; the user's own words as they are."""
    return platform_names.get(channel, channel)


DATE_FIELDS = frozenset(DATE_ORDER)  # the fields that hold a date (or a moment)


def change_value(field: str, value: str, rules: Rules | None = None) -> str:
    """An earlier or new value of a field as a reader understands it: dates in words, type ids
    as their names (one home for `incident show` and the exports)."""
    if field == "types":
        import json

        try:
            ids = json.loads(value or "[]")
        except ValueError:
            return value
        return ", ".join(label(t, rules) for t in ids)
    if field in DATE_FIELDS:
        from onlineveilig.incidents.answers import moment_text

        return moment_text(value)
    return value


# Channels that are not platforms but come up most in care work: counted by id (not as "other")
# in signalen and the share file. The words a user may type for each are the synonyms.
OTHER_CHANNELS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("phone", N_("Phone call"), frozenset({"telefoon", "gsm", "bellen", "phone", "call"})),
    ("sms", N_("Text message (SMS)"), frozenset({"sms", "tekstbericht", "sms'je", "text"})),
    ("email", N_("E-mail"), frozenset({"e-mail", "email", "mail"})),
    ("in-person", N_("In person"), frozenset({"persoonlijk", "face to face", "in person"})),
)


def channels(platforms: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(id, name) of every channel to choose from: the platforms, then phone, SMS, e-mail, in
    person (in the user's language)."""
    return (*platforms, *((cid, _(name)) for cid, name, _words in OTHER_CHANNELS))


def channel_of(words: str) -> str | None:
    """The channel id for what a user typed in own words ("sms", "telefoon"), or None."""
    typed = words.strip().lower()
    for cid, _name, synonyms in OTHER_CHANNELS:
        if typed in synonyms:
            return cid
    return None
