"""`onlineveilig hulp`: the organisation first, then what to do now, then checked help lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onlineveilig.content.help import Audience, Country, load_help

from .conftest import run
from .rules_samples import FULL, MINIMAL, hostile_rules, write_rules

HELP = load_help()


def flat(output: str) -> str:
    return " ".join(output.split())


def test_without_a_rules_file_it_says_how_to_add_contacts_and_shows_both_countries() -> None:
    result = run(["--lang", "en", "hulp"])
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "does not know your organisation's contacts yet" in out
    assert "onlineveilig afspraken init" in out
    assert "Help lines: Belgium" in out and "Help lines: the Netherlands" in out
    assert "1712" in out and "0900-8844" in out and "116 000" in out
    assert out.index("Your organisation") < out.index("What to do right away")
    assert out.index("What to do right away") < out.index("Help lines: Belgium")


def test_the_first_steps_are_concrete() -> None:
    out = flat(run(["--lang", "en", "hulp"]).output)
    assert "Keep evidence" in out
    assert "screenshots that show the date, the time and the sender" in out
    assert "Don't react in anger" in out
    assert "Tell your manager" in out and "Have the incident registered" in out
    assert "Find support" in out


def test_dutch_by_default() -> None:
    out = flat(run(["hulp"]).output)
    assert "Wat je meteen doet" in out and "Hulplijnen: België" in out
    assert "Bewaar bewijs" in out
    assert "schermafbeeldingen waarop de datum, het tijdstip en de afzender" in out
    assert "Vlaams Meldpunt Grensoverschrijdend Gedrag" in out


def test_with_a_rules_file_the_organisation_comes_first(tmp_path: Path) -> None:
    path = write_rules(tmp_path, FULL)
    assert run(["config", "set", "rules", str(path)]).exit_code == 0
    result = run(["--lang", "en", "hulp"])
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "Contacts of Jeugdhulp Het Anker vzw" in out
    assert "Lotte Maes — Team leader" in out and "+32 9 000 00 41" in out
    assert "Pieter Claes" in out
    assert out.index("Lotte Maes") < out.index("What to do right away")
    # The file says Belgium: Belgian lines only, and how to see all of them.
    assert "Help lines: Belgium" in out and "Help lines: the Netherlands" not in out
    assert "0900-8844" not in out
    assert "onlineveilig hulp --land all" in out


def test_land_chooses_the_country(tmp_path: Path) -> None:
    path = write_rules(tmp_path, FULL)
    nl = flat(run(["--lang", "en", "hulp", "--land", "nl", "--rules", str(path)]).output)
    assert "Help lines: the Netherlands" in nl and "Help lines: Belgium" not in nl
    assert "0900-0101" in nl and "1712" not in nl
    both = flat(run(["--lang", "en", "hulp", "--land", "all", "--rules", str(path)]).output)
    assert "Help lines: Belgium" in both and "Help lines: the Netherlands" in both
    assert "StopNCII.org" in nl and "StopNCII.org" in both  # useful from both countries


def test_an_unknown_country_is_refused() -> None:
    result = run(["--lang", "en", "hulp", "--land", "fr"])
    assert result.exit_code == 2
    assert "Unknown country: fr." in result.output


def test_a_file_without_contacts_says_so(tmp_path: Path) -> None:
    path = write_rules(tmp_path, MINIMAL)
    out = flat(run(["--lang", "en", "hulp", "--rules", str(path)]).output)
    assert "Kleine Dienst: the rules file names no help contacts" in out


def test_a_broken_rules_file_does_not_hide_the_help(tmp_path: Path) -> None:
    path = write_rules(tmp_path, "[organisation\n")
    result = run(["--lang", "en", "hulp", "--rules", str(path)])
    assert result.exit_code == 0
    out = flat(result.output)
    assert "cannot be used" in out and "The rest of the help follows below." in out
    assert "Keep evidence" in out and "Help lines: Belgium" in out


def test_json(tmp_path: Path) -> None:
    path = write_rules(tmp_path, FULL)
    data = json.loads(run(["--lang", "en", "hulp", "--json", "--rules", str(path)]).stdout)
    assert data["organisation"]["name"] == "Jeugdhulp Het Anker vzw"
    assert data["organisation"]["contacts"][0]["phone"] == "+32 9 000 00 41"
    assert data["countries"] == ["be"]
    assert {line["country"] for line in data["lines"]} == {"be", "any"}
    assert data["steps"][2]["title"] == "Keep evidence"
    none = json.loads(run(["hulp", "--json", "--land", "all"]).stdout)
    assert none["organisation"] is None and none["countries"] == ["be", "nl"]


def test_hostile_contacts_are_shown_literally(tmp_path: Path) -> None:
    path = write_rules(tmp_path, hostile_rules())
    result = run(["hulp", "--rules", str(path)])
    assert result.exit_code == 0, result.output
    assert "[bold red]markup[/]" in result.output
    assert "<script>alert(1)</script>" in result.output
    assert "\x1b" not in result.output


# -- The data ------------------------------------------------------------------------------------


def test_every_line_can_be_reached_and_says_what_it_is_for_in_both_languages() -> None:
    assert {line.country for line in HELP.lines} == set(Country)
    for line in HELP.lines:
        assert line.phone or line.web or line.email, line.id
        assert line.name.en and line.what.en, line.id
        assert line.what.nl != line.what.en, line.id
        if line.note:
            assert line.note.en, line.id
        assert line.sources, line.id
    for step in HELP.steps:
        assert step.title.en and step.text.en


@pytest.mark.parametrize("country", ["be", "nl"])
def test_each_country_has_an_emergency_number_and_help_for_the_worker(country: str) -> None:
    lines = [line for line in HELP.lines if line.country == country]
    assert any(line.audience == Audience.EMERGENCY and line.phone == "112" for line in lines)
    assert any(line.audience == Audience.YOU for line in lines)


def test_lines_meant_for_clients_are_not_offered_as_help_for_the_worker() -> None:
    # Child Focus, Veilig Thuis and the like are for referring a (young) client.
    by_id = {line.id: line for line in HELP.lines}
    for line_id in ("be-child-focus", "nl-veilig-thuis"):
        assert by_id[line_id].audience == Audience.CLIENT
    assert by_id["be-1712"].note is not None and "noodnummer" in by_id["be-1712"].note.nl


@pytest.mark.parametrize("columns", ["80", "50"])
def test_web_addresses_are_never_broken(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    output = run(["hulp", "--land", "all"]).output
    lines = output.splitlines()
    webs = [line.web for line in HELP.lines if line.web]
    assert any(len(web) > 80 for web in webs)  # there is one that does not fit
    for web in webs:
        assert any(line.strip() == web for line in lines), web  # whole, on a line of its own


def test_each_language_gets_safeonwebs_own_address_and_the_specific_pages() -> None:
    dutch = flat(run(["hulp", "--land", "be"]).output)
    assert "verdacht@safeonweb.be" in dutch and "suspicious@" not in dutch
    assert "www.stopchildporno.be" in dutch  # Child Focus's reporting point for abuse images
    assert "igvm-iefh.belgium.be/nl/activiteiten/geweld/wraakporno" in dutch
    english = json.loads(run(["--lang", "en", "hulp", "--json", "--land", "be"]).stdout)
    by_id = {line["id"]: line for line in english["lines"]}
    assert by_id["be-safeonweb"]["email"] == "suspicious@safeonweb.be"
    assert "stopchildporno.be" in by_id["be-child-focus"]["note"]
