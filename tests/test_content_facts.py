"""What the checklist tells a worker to type or to call must be true: every `onlineveilig …` it
names is a real command (in the name of the text's language), and every help number agrees
with the help screen (`onlineveilig hulp`) for the country the text is shown in."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import click
import pytest
import typer.main

from onlineveilig import names
from onlineveilig.cli import make_app
from onlineveilig.content.data import Item, Steps, Text
from onlineveilig.content.help import Audience, Country, load_help
from onlineveilig.content.loader import load_content

COMMAND = re.compile(r"onlineveilig((?: (?:--)?[a-z][a-z0-9-]*)+)")
# Help numbers as they are written: short numbers (101, 112, 1712, 116 000) and 0800/0900 ones.
NUMBER = re.compile(r"(?<![\d-])(1\d{2}(?: ?\d{3})?|1\d{3}|0[89]00[- ]?\d{4})(?![\d-])")
BOTH = frozenset({"be", "nl"})


def _texts(text: Text | None) -> Iterator[tuple[str, str]]:
    if text is not None:
        yield "nl", text.nl
        if text.en:
            yield "en", text.en


def _steps(steps: Steps | None) -> Iterator[tuple[str, str]]:
    if steps is not None:
        yield from (("nl", step) for step in steps.nl)
        yield from (("en", step) for step in steps.en or ())


def _wordings(item: Item) -> Iterator[tuple[str, frozenset[str], list[tuple[str, str]]]]:
    """Each wording of an item: (name, the countries it is shown in, its texts by language)."""
    general = [*_texts(item.question), *_texts(item.why), *_steps(item.steps)]
    general += [t for link in item.links for t in _texts(link.label)]
    yield item.id, BOTH, general
    for n, variant in enumerate(item.variants, 1):
        country = variant.when.get("country")
        texts = [*_texts(variant.question), *_texts(variant.why), *_steps(variant.steps)]
        # What a variant leaves out comes from the general text.
        texts += [] if variant.why else [*_texts(item.why)]
        texts += [] if variant.steps else [*_steps(item.steps)]
        yield f"{item.id} variant {n}", frozenset({country}) if country else BOTH, texts


def _all_texts() -> Iterator[tuple[str, str, str]]:
    """(where, language, text) for every checklist and help text a worker can read."""
    content = load_content()
    for section in content.sections:
        for lang, value in [*_texts(section.title), *_texts(section.intro)]:
            yield section.id, lang, value
        for item in section.items:
            for where, _countries, texts in _wordings(item):
                for lang, value in texts:
                    yield where, lang, value
    help_list = load_help()
    for n, step in enumerate(help_list.steps, 1):
        for lang, value in [*_texts(step.title), *_texts(step.text)]:
            yield f"hulp step {n}", lang, value
    for line in help_list.lines:
        for lang, value in [*_texts(line.what), *_texts(line.note)]:
            yield line.id, lang, value


def _resolve(words: list[str]) -> str | None:
    """Why `onlineveilig <words>` is not a command a user can type, or None when it is."""
    command: click.Command = typer.main.get_command(make_app())
    ctx = click.Context(command)
    for word in words:
        if word.startswith("--"):
            options = {opt for param in command.params for opt in param.opts}
            if word not in options and names.declared(word) not in options:
                return f"{command.name} has no option {word}"
            continue
        if not isinstance(command, click.Group):
            break  # an argument (a platform's name, a number, a file): not a command
        found = command.get_command(ctx, word)
        if found is None:
            return f"{command.name} has no command {word}"
        command, ctx = found, click.Context(found, parent=ctx)
    return None


def test_every_command_a_text_names_exists_in_the_language_of_the_text() -> None:
    problems, seen = [], 0
    for where, lang, value in _all_texts():
        for match in COMMAND.finditer(value):
            words = match.group(1).split()
            seen += 1
            problem = _resolve(words)
            if problem:
                problems.append(f"{where} ({lang}): 'onlineveilig {' '.join(words)}': {problem}")
            # Help and completion show the names of the user's language: so do the texts.
            other = names.ENGLISH if lang == "en" else names.DUTCH
            wrong = [w for w in words if w in other]
            if wrong and problem is None:
                problems.append(f"{where} ({lang}): write {other[wrong[0]]}, not {wrong[0]}")
    assert seen >= 10  # the checklist does point to the tool
    assert problems == []


def test_a_misspelt_command_in_a_text_would_be_caught() -> None:
    assert _resolve(["incident", "add"]) is None
    assert _resolve(["afspraken", "blad", "--jongeren"]) is None
    assert _resolve(["rules", "sheet", "--young"]) is None
    assert _resolve(["platforms", "tiktok"]) is None  # an argument, not a command
    assert _resolve(["incident", "toevoegen"]) is not None
    assert _resolve(["hulpp"]) is not None
    assert _resolve(["afspraken", "blad", "--kinderen"]) is not None


@functools.cache
def _help_numbers() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """From the help screen: per number the countries that list it, and per country the number
    to call for urgent police help (the emergency line that names the police)."""
    countries: dict[str, set[str]] = {}
    police: dict[str, set[str]] = {"be": set(), "nl": set()}
    for line in load_help().lines:
        if not line.phone:
            continue
        number = re.sub(r"\D", "", line.phone)
        where = set(BOTH) if line.country == Country.ANY else {line.country.value}
        countries.setdefault(number, set()).update(where)
        if line.audience == Audience.EMERGENCY and "police" in (line.name.en or "").lower():
            for country in where:
                police[country].add(number)
    return countries, police


def test_the_help_screen_knows_the_urgent_police_number_of_each_country() -> None:
    _countries, police = _help_numbers()
    assert police == {"be": {"101"}, "nl": {"112"}}


def _number_problems(found: set[str], shown_in: frozenset[str]) -> list[str]:
    """What is wrong with the help numbers of one text shown in these countries."""
    countries, police = _help_numbers()
    problems = []
    for number in sorted(found):
        if number not in countries:
            problems.append(f"{number} is not on the help screen")
        elif not countries[number] & shown_in:
            problems.append(f"{number} is not a number of {sorted(shown_in)}")
    if found & ({n for numbers in police.values() for n in numbers} | {"112"}):
        # Whoever is told to call for help in danger gets the police number of every country
        # the text is shown in (in Belgium 112 is not the police).
        for country in sorted(shown_in):
            if not police[country] & found:
                problems.append(f"shown in {country} without its police number")
    return problems


def _numbers(value: str) -> set[str]:
    return {re.sub(r"\D", "", m) for m in NUMBER.findall(value)}


def test_every_number_in_the_checklist_agrees_with_the_help_screen_per_country() -> None:
    problems, seen = [], 0
    for section in load_content().sections:
        for item in section.items:
            for where, shown_in, texts in _wordings(item):
                for lang in ("nl", "en"):
                    found = set().union(*(_numbers(v) for k, v in texts if k == lang))
                    seen += len(found)
                    problems += [
                        f"{where} ({lang}): {p}" for p in _number_problems(found, shown_in)
                    ]
    assert seen >= 1
    assert problems == []


@pytest.mark.parametrize(
    ("text", "shown_in", "wrong"),
    [
        ("Bij direct gevaar bel je 112.", BOTH, True),  # Belgium's police is 101
        ("In België bel je 101, in Nederland 112.", BOTH, False),
        ("Bel 0900-8844.", frozenset({"be"}), True),  # a Dutch number in a Belgian text
        ("Bel 101 of 112.", frozenset({"be"}), False),
        ("Bel 101.", frozenset({"nl"}), True),
    ],
)
def test_the_number_rule_catches_a_wrong_text(
    text: str, shown_in: frozenset[str], wrong: bool
) -> None:
    assert bool(_number_problems(_numbers(text), shown_in)) is wrong


def test_the_organisations_country_chooses_the_numbers_a_worker_is_given() -> None:
    [(_section, item)] = [
        (s, i) for s, i in load_content().items() if i.id == "org-versterking-bij-escalatie"
    ]

    def shown(facts: dict[str, str] | None) -> str:
        asked = item.for_rules(facts)
        return " ".join([asked.question.nl, asked.why.nl, *asked.steps.nl])

    belgium, netherlands, unknown = shown({"country": "be"}), shown({"country": "nl"}), shown(None)
    assert "101" in belgium and "0900-8844" not in belgium
    assert "101" not in netherlands and "112" in netherlands
    assert "101" in unknown and "112" in unknown  # no country known: both are named
