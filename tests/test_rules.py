"""The organisation's rules file: what loads, what is refused (naming the field), and its facts."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from onlineveilig.content.loader import load_content
from onlineveilig.content.rules import load_rules, parse_rules, possible_facts, to_toml
from onlineveilig.errors import ContentError

from .conftest import run
from .rules_samples import FULL, MINIMAL, hostile_rules, write_rules

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "organisatie-afspraken.toml"


def test_a_full_file_loads_with_its_facts(tmp_path: Path) -> None:
    rules = load_rules(write_rules(tmp_path, FULL))
    assert rules.organisation.name == "Jeugdhulp Het Anker vzw"
    assert rules.channels is not None and rules.channels.portal is not None
    assert rules.channels.portal.url == "https://mijn.anker.example"
    assert rules.contacts[1].role.get("en") == "Vertrouwenspersoon"  # English falls back to Dutch
    assert rules.facts() == {
        "rules": "yes",
        "country": "be",  # checklist texts can name the right police number
        "phone": "work-phone",
        "whatsapp": "work-phone",
        "email": "work-address",
        "portal": "yes",
        "outside-hours": "not-reachable",
        "recording": "not-allowed",
        "friend-requests": "never",
        "first-name": "share",
        "surname": "ask-first",
        "work-phone": "share",
        "private-number": "never",
        "home-address": "never",
        "crossing-steps": "yes",
        "contacts": "yes",
    }


def test_a_file_with_only_the_organisation_is_enough(tmp_path: Path) -> None:
    rules = load_rules(write_rules(tmp_path, MINIMAL))
    assert rules.facts() == {"rules": "yes"}  # the audit asks the general questions


def test_the_example_in_the_repository_loads() -> None:
    if not EXAMPLE.exists():
        pytest.skip("the examples folder is not part of this copy")
    rules = load_rules(EXAMPLE)
    assert rules.facts()["whatsapp"] == "work-phone"
    assert all("000 00" in (c.phone or "") for c in rules.contacts)  # placeholder numbers only


@pytest.mark.parametrize(
    ("body", "field", "problem"),
    [
        ('[organisation]\ncountry = "be"\n', "organisation.name", "dit veld ontbreekt"),
        ("[channels]\nphone = 'work-phone'\n", "organisation", "dit veld ontbreekt"),
        (
            MINIMAL + '[channels]\nwhatsap = "work-phone"\n',
            "channels.whatsap",
            "onbekend veld (een tikfout?)",
        ),
        (
            MINIMAL + '[channels]\nwhatsapp = "sometimes"\n',
            "channels.whatsapp",
            "moet een van deze zijn: 'work-phone', 'not-allowed' of 'allowed'",
        ),
        (
            MINIMAL + '[channels.portal]\nname = "P"\nurl = "javascript:alert(1)"\n',
            "channels.portal.url",
            "moet een volledig https://-adres zijn",
        ),
        (
            MINIMAL + '[hours]\nreachable.en = "Mondays"\n',
            "hours.reachable.nl",
            "dit veld ontbreekt",
        ),
        (
            MINIMAL + '[[contacts]]\nname = "A"\nrole.nl = "x"\n[[contacts]]\nname = "B"\n'
            'role.nl = "y"\nphone = 1234\n',
            "contacts[2].phone",
            "moet tekst tussen aanhalingstekens zijn",
        ),
        (
            MINIMAL + '[recording]\nnote.nl = "no rule"\n',
            "recording.rule",
            "dit veld ontbreekt",
        ),
        (
            MINIMAL + "[when-crossed]\nsteps.nl = []\n",
            "when-crossed.steps.nl",
            "heeft minstens één waarde nodig",
        ),
    ],
)
def test_a_broken_file_names_the_field(tmp_path: Path, body: str, field: str, problem: str) -> None:
    path = write_rules(tmp_path, body)
    with pytest.raises(ContentError) as caught:
        load_rules(path)
    assert field in {".".join(x for x in (p.item, p.field) if x) for p in caught.value.problems}
    result = run(["afspraken", "show", "--rules", str(path)])
    assert result.exit_code == 3
    assert f"Het bestand {path} is niet bruikbaar." in result.output
    assert f"{field}: " in result.output
    assert problem in result.output
    assert "Traceback" not in result.output


def test_a_file_that_is_not_toml_says_so(tmp_path: Path) -> None:
    path = write_rules(tmp_path, "[organisation\nname = 'x'\n")
    result = run(["afspraken", "show", "--rules", str(path)])
    assert result.exit_code == 3
    assert "De tekst van het bestand klopt niet" in result.output


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "weg.toml"
    result = run(["afspraken", "show", "--rules", str(path)])
    assert result.exit_code == 3
    assert str(path) in result.output


def test_writing_and_reading_back_gives_the_same_rules(tmp_path: Path) -> None:
    for body in (FULL, MINIMAL, hostile_rules()):
        rules = load_rules(write_rules(tmp_path, body))
        text = to_toml(rules)
        tomllib.loads(text)
        assert parse_rules(tmp_path / "x.toml", text) == rules


def test_odd_characters_survive_the_round_trip(tmp_path: Path) -> None:
    rules = load_rules(write_rules(tmp_path, MINIMAL))
    odd = 'a "quote", a \\ backslash, a\nnewline, a tab\t, DEL \x7f and ESC \x1b'
    changed = rules.model_copy(
        update={"organisation": rules.organisation.model_copy(update={"name": odd})}
    )
    assert parse_rules(tmp_path / "x.toml", to_toml(changed)).organisation.name == odd


def test_checklist_variants_only_use_facts_a_rules_file_can_give() -> None:
    known = possible_facts()
    variants = [(item.id, v) for _s, item in load_content().items() for v in item.variants]
    assert variants
    for item_id, variant in variants:
        for fact, value in variant.when.items():
            assert fact in known, (item_id, fact)
            assert value in known[fact], (item_id, fact, value)


def test_every_agreement_item_changes_with_some_rules(tmp_path: Path) -> None:
    content = load_content()
    section = content.section("afspraken")
    assert section is not None
    facts = load_rules(write_rules(tmp_path, FULL)).facts()
    for item in section.items:
        asked = item.for_rules(facts)
        assert asked.question != item.question, item.id
        assert asked.question.en and asked.question.nl.endswith("?"), item.id


def test_every_contact_detail_is_read_written_and_a_fact(tmp_path: Path) -> None:
    from onlineveilig.content.rules import Detail, Share

    body = MINIMAL + "[contact-details]\n" + "".join(f'{d.value} = "ask-first"\n' for d in Detail)
    rules = load_rules(write_rules(tmp_path, body))
    assert rules.contact_details is not None
    assert rules.contact_details.rules() == dict.fromkeys(Detail, Share.ASK_FIRST)
    assert {d.value for d in Detail} <= set(rules.facts())
    assert parse_rules(tmp_path / "x.toml", to_toml(rules)) == rules
    typo = write_rules(tmp_path, MINIMAL + '[contact-details]\nprivate-phone = "never"\n')
    with pytest.raises(ContentError):
        load_rules(typo)  # a name that is not in the list is refused, not ignored


def test_the_written_file_explains_every_possible_value(tmp_path: Path) -> None:
    """The comments in a file made by `afspraken init` name what each rule may say."""
    from onlineveilig.content.rules import Detail

    text = to_toml(load_rules(write_rules(tmp_path, FULL)))
    comments = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for name, values in possible_facts().items():
        if values != {"yes"}:
            for value in values:
                assert value in comments, (name, value)
    assert all(d.value in comments for d in Detail)
