"""The sheet in words: labels and wording shared by the sheet and the rules screens."""

from __future__ import annotations

from onlineveilig.content.rules import Country, Rules
from onlineveilig.i18n import _


def detail_label(name: str) -> str:
    return {
        "first-name": _("first name"),
        "surname": _("surname"),
        "work-phone": _("work phone number"),
        "work-email": _("work e-mail address"),
        "work-address": _("office address"),
        "photo": _("photo"),
        "private-number": _("private phone number"),
        "private-email": _("private e-mail address"),
        "home-address": _("home address"),
        "private-accounts": _("private social media accounts"),
    }[name]


def worded(rules: Rules, flemish: str, netherlands: str) -> str:
    """A text in the Dutch of the organisation's country: the Netherlands' words there (its
    translation has the context "Netherlands"), Flemish words in Belgium or when the file has
    no country. A word that serves both needs no second text."""
    return netherlands if rules.organisation.country == Country.NL else flemish


def capital(value: str) -> str:
    return value[:1].upper() + value[1:]
