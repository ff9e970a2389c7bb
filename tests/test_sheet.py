"""The agreement sheet in the Dutch of the organisation's country."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from onlineveilig import i18n, sheet
from onlineveilig.commands.afspraken import proposals
from onlineveilig.content.rules import (
    Country,
    Rules,
)

from .rules_samples import FULL

BELGIAN = ("verwittig", "teamverantwoordelijke", "misloop")


def rules_for(country: str) -> Rules:
    """The sample rules with what `afspraken init` proposes for that country."""
    data: dict[str, Any] = tomllib.loads(FULL)
    data["organisation"]["country"] = country
    steps = proposals.steps(Country(country))
    contact = proposals.crossed_contact(Country(country))
    data["when-crossed"] = {
        "steps": steps.model_dump(exclude_none=True),
        "contact": contact.model_dump(exclude_none=True),
    }
    data["contacts"][0]["role"] = {
        "nl": "Teamleider" if country == "nl" else "Teamverantwoordelijke"
    }
    return Rules.model_validate(data)


def every_form(rules: Rules) -> str:
    made = [sheet.build(rules, "nl", young) for young in (False, True)]
    return "\n".join(sheet.to_html(m) + sheet.to_markdown(m) for m in made).lower()


def test_a_sheet_for_the_netherlands_has_no_belgian_words() -> None:
    i18n.set_language("nl")
    text = every_form(rules_for("nl"))
    assert not [word for word in BELGIAN if word in text]
    assert "als er iets misgaat" in text  # the young people's heading, in the Netherlands' words
    assert "teamleider" in text and "ingelicht" in text
    assert "bel 112" in text and "101" not in text


def test_a_sheet_for_belgium_keeps_the_flemish_words() -> None:
    i18n.set_language("nl")
    text = every_form(rules_for("be"))
    assert [word for word in BELGIAN if word in text] == list(BELGIAN)
    assert "als er iets misloopt" in text
    assert "101 (politie)" in text


@pytest.mark.parametrize("country", ["nl", "be"])
def test_the_english_sheet_is_the_same_for_both_countries(country: str) -> None:
    i18n.set_language("en")
    young = sheet.build(rules_for(country), "en", True)
    assert [b.heading for b in young.blocks if b.lead] == ["If something goes wrong"]


def test_a_long_text_or_address_on_the_sheet_wraps() -> None:
    from .test_report import css_rules

    rules = rules_for("be")
    long_url = "https://portaal.example/" + "a" * 300
    portal = rules.channels.portal if rules.channels else None
    assert portal is not None
    channels = rules.channels.model_copy(  # type: ignore[union-attr]
        update={"portal": portal.model_copy(update={"url": long_url})}
    )
    html = sheet.to_html(sheet.build(rules.model_copy(update={"channels": channels}), "nl", False))
    assert long_url in html
    css = css_rules(html)
    assert "overflow-wrap: anywhere" in css["body"]
    assert "nowrap" not in css[".url"] and "overflow-wrap: anywhere" in css[".url"]
