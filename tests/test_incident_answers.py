"""Reading what a worker types for an incident: dates, addresses, names; the rules file's part."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from onlineveilig.content.rules import load_rules, parse_rules, to_toml
from onlineveilig.errors import ContentError
from onlineveilig.i18n import set_language
from onlineveilig.incidents import types
from onlineveilig.incidents.answers import (
    BadMoment,
    looks_like_full_name,
    looks_like_url,
    parse_moment,
    size_text,
)

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("vandaag", "2026-03-02"),
        ("Today", "2026-03-02"),
        ("gisteren 23:10", "2026-03-01T23:10"),
        ("yesterday at 8.05", "2026-03-01T08:05"),
        ("1-3-2026", "2026-03-01"),
        ("01/03/2026 om 14u30", "2026-03-01T14:30"),
        ("2026-02-28", "2026-02-28"),
        ("2026-02-28 7", "2026-02-28T07:00"),
        ("2026-02-28T21:45", "2026-02-28T21:45"),
    ],
)
def test_moments_people_type(typed: str, iso: str) -> None:
    assert parse_moment(typed, TODAY) == iso


@pytest.mark.parametrize("typed", ["", "morgen ooit", "31-02-2026", "2026-03-01 25:00", "maandag"])
def test_moments_that_cannot_be_read(typed: str) -> None:
    with pytest.raises(BadMoment) as caught:
        parse_moment(typed, TODAY)
    assert not caught.value.future


def test_an_impossible_day_and_eergisteren() -> None:
    with pytest.raises(BadMoment) as caught:
        parse_moment("31-02-2026", TODAY)
    assert caught.value.impossible and not caught.value.future
    assert parse_moment("eergisteren", TODAY) == (TODAY - timedelta(days=2)).isoformat()


def test_a_moment_still_to_come_is_refused() -> None:
    with pytest.raises(BadMoment) as caught:
        parse_moment("03-03-2026", TODAY)
    assert caught.value.future


@pytest.mark.parametrize(
    ("typed", "warn"),
    [
        ("Jan Peeters", True),
        ("Jan van Dijk", True),
        ("Fatima El Amrani", True),
        ("moeder van cliënt A", False),
        ("Vader Van Cliënt B", False),
        ("Onbekend Account", False),
        ("Sam", False),
        ("de jongere uit groep 3", False),
        ("DJ XL", False),
        ("jan janssens", True),
        ("marieke van der berg", True),
        ("een boze man", False),
        ("moeder van client a", False),
        ("unknown account", False),
    ],
)
def test_what_looks_like_a_full_name(typed: str, warn: bool) -> None:
    assert looks_like_full_name(typed) is warn


@pytest.mark.parametrize(
    ("typed", "ok"),
    [
        ("https://www.instagram.com/nep.profiel/", True),
        ("http://example.org/a?b=c", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("www.example.org", False),
        ("https://", False),
        ("https://exa mple.org", False),
    ],
)
def test_what_looks_like_a_web_address(typed: str, ok: bool) -> None:
    assert looks_like_url(typed) is ok


def test_sizes_read_well_in_both_languages() -> None:
    assert size_text(1) == "1 byte"
    assert size_text(102_400) == "102,4 kB"
    set_language("en")
    assert size_text(52_428_800) == "52.4 MB"


RULES = """
[organisation]
name = "De Kade"
country = "nl"

[incidents]
report-to.nl = "je teamleider"
report-to.en = "your team leader"
report-within-days = 3

[[incidents.types]]
id = "bedreiging"
label.nl = "Bedreiging"
label.en = "Threat"
"""


def test_the_rules_file_can_name_incident_types_and_where_to_report(tmp_path: Path) -> None:
    path = tmp_path / "afspraken.toml"
    path.write_text(RULES, encoding="utf-8")
    rules = load_rules(path)
    assert types.choices(rules) == [("bedreiging", "Bedreiging")]
    assert types.label("threats", rules) == "Bedreigingen"  # an older record's built-in type
    written = to_toml(rules)
    assert "[[incidents.types]]" in written and "report-within-days" in written
    assert parse_rules(path, written) == rules  # what `afspraken init` writes reads back the same
    set_language("en")
    assert types.choices(rules) == [("bedreiging", "Threat")]
    assert types.choices(None)[0] == ("unwanted-contact", "Unwanted contact")


def test_a_wrong_incidents_table_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "afspraken.toml"
    path.write_text(RULES.replace("report-within-days = 3", "report-within-days = -1"))
    with pytest.raises(ContentError):
        load_rules(path)
