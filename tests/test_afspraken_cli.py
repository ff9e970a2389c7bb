"""`onlineveilig afspraken`: making the rules file by answering, showing it, and the client sheet."""

from __future__ import annotations

import json
import os
import stat
import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from onlineveilig import paths, settings
from onlineveilig.content.rules import load_rules

from .conftest import Clock, run
from .rules_samples import FULL, HOSTILE, MINIMAL, hostile_rules, write_rules

# Organisation, country, phone, WhatsApp (2: not allowed), e-mail, portal (none), hours (keep),
# reply (keep), outside hours (keep), recording (1: not allowed), requests (2: not during care),
# details (keep), steps (keep), contact (keep), one help contact, then done.
TYPED = [
    "De Brug vzw",
    "",
    "",
    "2",
    "",
    "",
    "",
    "",
    "",
    "1",
    "2",
    "",
    "",
    "",
    "Sofie Claes",
    "teamverantwoordelijke",
    "+32 9 000 00 30",
    "sofie@brug.example",
    "",
]


def typed(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def default_rules_path() -> Path:
    return paths.config_dir() / "afspraken.toml"


def test_init_with_typed_answers_writes_a_file_that_loads(frozen: Clock) -> None:
    result = run(["afspraken", "init"], input=typed(*TYPED))
    assert result.exit_code == 0, result.output
    path = default_rules_path()
    assert str(path) in result.output
    rules = load_rules(path)
    assert rules.organisation.name == "De Brug vzw"
    assert rules.organisation.country == "be"
    assert str(rules.organisation.updated) == "2026-03-02"
    facts = rules.facts()
    assert facts["whatsapp"] == "not-allowed"
    assert facts["recording"] == "not-allowed"
    assert facts["friend-requests"] == "not-during-care"
    assert facts["private-number"] == "never"
    assert rules.hours is not None and rules.hours.reachable is not None
    assert rules.hours.reachable.nl == "maandag tot vrijdag, van 9 tot 17 uur"
    assert rules.hours.reachable.en == "Monday to Friday, 9 am to 5 pm"
    assert [c.name for c in rules.contacts] == ["Sofie Claes"]
    assert rules.contacts[0].role.nl == "teamverantwoordelijke"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    # It is now the rules file in the settings, and the other commands use it.
    assert settings.read()["rules"] == str(path)
    shown = run(["afspraken", "show"])
    assert shown.exit_code == 0
    assert "De Brug vzw" in shown.output and "Sofie Claes" in shown.output


def test_init_in_english_keeps_the_words_in_both_fields(frozen: Clock, tmp_path: Path) -> None:
    out = tmp_path / "rules.toml"
    answers = list(TYPED)
    answers[6] = "weekdays 8 to 4"  # reachable
    result = run(["--lang", "en", "afspraken", "init", "-o", str(out)], input=typed(*answers))
    assert result.exit_code == 0, result.output
    assert "When can clients reach you?" in result.output
    assert "Your choice (Enter: 1):" in result.output
    rules = load_rules(out)
    assert rules.hours is not None and rules.hours.reachable is not None
    assert rules.hours.reachable.nl == rules.hours.reachable.en == "weekdays 8 to 4"


def test_init_asks_again_after_an_unclear_choice(frozen: Clock, tmp_path: Path) -> None:
    out = tmp_path / "rules.toml"
    answers = list(TYPED)
    answers[3:4] = ["7", "misschien", "3"]  # WhatsApp: two bad answers, then 'allowed'
    result = run(["--lang", "en", "afspraken", "init", "-o", str(out)], input=typed(*answers))
    assert result.exit_code == 0, result.output
    assert result.output.count("Type a number from 1 to 3.") == 2
    assert load_rules(out).facts()["whatsapp"] == "allowed"


def test_init_with_own_steps_and_portal(frozen: Clock, tmp_path: Path) -> None:
    out = tmp_path / "rules.toml"
    answers = list(TYPED)
    answers[5:6] = ["Mijn Brug", "mijn.brug.example", "https://mijn.brug.example"]
    # details (keep), steps: no, two own steps, empty line ends
    at = answers.index("", 12)
    answers[at + 1 : at + 2] = ["nee", "Eerst praten.", "Dan de leiding.", ""]
    result = run(["afspraken", "init", "-o", str(out)], input=typed(*answers))
    assert result.exit_code == 0, result.output
    rules = load_rules(out)
    assert rules.channels is not None and rules.channels.portal is not None
    assert rules.channels.portal.url == "https://mijn.brug.example"
    assert rules.when_crossed is not None
    assert rules.when_crossed.steps.nl == ["Eerst praten.", "Dan de leiding."]


def test_init_stopped_halfway_writes_nothing(frozen: Clock) -> None:
    result = run(["afspraken", "init"], input=typed(*TYPED[:6]))  # then the input ends
    assert result.exit_code == 130
    assert not default_rules_path().exists()
    assert "rules" not in settings.read()
    assert not paths.config_dir().exists() or not list(paths.config_dir().glob(".*.tmp"))


def test_init_does_not_overwrite_without_yes(frozen: Clock, tmp_path: Path) -> None:
    out = write_rules(tmp_path, MINIMAL)
    refused = run(["--lang", "en", "afspraken", "init", "-o", str(out)], input=typed("no"))
    assert refused.exit_code == 2
    assert "already exists" in refused.output and "Nothing was written." in refused.output
    assert out.read_text(encoding="utf-8") == MINIMAL
    replaced = run(["afspraken", "init", "-o", str(out)], input=typed("ja", *TYPED))
    assert replaced.exit_code == 0, replaced.output
    assert load_rules(out).organisation.name == "De Brug vzw"


def test_show_without_a_rules_file_says_how_to_make_one() -> None:
    result = run(["--lang", "en", "afspraken", "show"])
    assert result.exit_code == 2
    assert "There is no rules file yet." in result.output
    assert "onlineveilig afspraken init" in result.output


def test_show_in_english_uses_the_english_texts(tmp_path: Path) -> None:
    path = write_rules(tmp_path, FULL)
    result = run(["--lang", "en", "afspraken", "show", "--rules", str(path)])
    assert result.exit_code == 0
    out = result.output
    assert "only on the work phone" in out
    assert "Monday to Friday, 9 am to 5 pm" in out
    assert "never accept or send them" in out
    assert "Lotte Maes" in out and "Team leader" in out
    assert "First a conversation." in out


def test_show_json_gives_the_rules_and_the_facts(tmp_path: Path) -> None:
    path = write_rules(tmp_path, FULL)
    result = run(["afspraken", "show", "--rules", str(path), "--json"])
    data = json.loads(result.stdout)
    assert data["facts"]["recording"] == "not-allowed"
    assert data["rules"]["organisation"]["name"] == "Jeugdhulp Het Anker vzw"
    assert data["rules"]["friend-requests"] == {"rule": "never"}


@pytest.mark.parametrize("young", [False, True])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sheet_as_html_is_one_printable_file(
    tmp_path: Path, frozen: Clock, lang: str, young: bool
) -> None:
    path = write_rules(tmp_path, FULL)
    args = ["--lang", lang, "afspraken", "blad", "--rules", str(path), "-o", "-"]
    result = run(args + (["--jongeren"] if young else []))
    assert result.exit_code == 0, result.output
    html = result.stdout
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html is not None and soup.html["lang"] == lang
    style = soup.find("style")
    assert style is not None and "@page { size: A4; margin: 15mm }" in style.text
    assert "break-inside: avoid" in style.text
    assert soup.find("meta", attrs={"name": "viewport"}) is not None
    assert not soup.find_all(["script", "link", "img", "iframe"])
    assert [a["href"] for a in soup.find_all("a")] == ["https://mijn.anker.example"]
    assert "Jeugdhulp Het Anker vzw" in soup.get_text()
    text = " ".join(soup.get_text().split())
    if lang == "en":
        assert ("Welcome to Het Anker." in text) and ("First a conversation." in text)
        if young:
            assert "Our rules for keeping in touch" in text
            assert "WhatsApp? Only to my work phone." in text
            assert "We don't record our talks." in text
        else:
            assert "Agreements about contact" in text
            assert "WhatsApp: only with your counsellor's work phone." in text
            assert "Conversations are not recorded" in text
        assert "Call 101 (police)" in text  # the organisation works in Belgium
    else:
        assert "Welkom bij Het Anker." in text and "Eerst een gesprek." in text
        assert "maandag tot vrijdag, van 9 tot 17 uur" in text
        if young:
            assert "Onze regels voor contact" in text
            assert "WhatsApp? Alleen naar mijn werktelefoon." in text
        else:
            assert "Afspraken over contact" in text
            assert "Gesprekken worden niet opgenomen" in text


@pytest.mark.parametrize("young", [False, True])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_sheet_as_markdown(tmp_path: Path, frozen: Clock, lang: str, young: bool) -> None:
    path = write_rules(tmp_path, FULL)
    args = ["--lang", lang, "afspraken", "blad", "--format", "md", "--rules", str(path), "-o", "-"]
    result = run(args + (["--jongeren"] if young else []))
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# ")
    assert "**Jeugdhulp Het Anker vzw**" in md
    assert "<https://mijn.anker.example>" in md
    assert "1. " in md and "## " in md
    if lang == "en":
        assert ("## How can you reach me?" if young else "## How we keep in touch") in md
        assert "3. In case of threats: the police." in md
    else:
        assert "3. Bij bedreiging: de politie." in md


def test_sheet_is_written_to_the_documents_folder_with_a_dated_name(
    tmp_path: Path, frozen: Clock
) -> None:
    path = write_rules(tmp_path, FULL)
    result = run(["--lang", "en", "afspraken", "blad", "--rules", str(path), "--jongeren"])
    assert result.exit_code == 0, result.output
    target = paths.export_dir() / "afspraken-blad-jongeren-2026-03-02.html"
    assert target.exists()
    assert f"Sheet written: {target}" in " ".join(result.output.split())
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    md = run(["afspraken", "blad", "--rules", str(path), "--format", "md", "-o", str(tmp_path)])
    assert md.exit_code == 0
    assert (tmp_path / "afspraken-blad-2026-03-02.md").exists()


def test_sheet_from_a_minimal_file_still_works(tmp_path: Path, frozen: Clock) -> None:
    path = write_rules(tmp_path, MINIMAL)
    result = run(["--lang", "en", "afspraken", "blad", "--rules", str(path), "-o", "-"])
    assert result.exit_code == 0
    assert "Kleine Dienst" in result.stdout


def test_sheet_without_rules_says_how_to_make_them(tmp_path: Path) -> None:
    result = run(["afspraken", "blad"])
    assert result.exit_code == 2
    assert "afspraken init" in result.output
    assert not paths.export_dir().exists()


# -- Hostile text in the organisation's file stays text --------------------------------------------


@pytest.mark.parametrize("young", [False, True])
def test_hostile_text_is_inert_in_html(tmp_path: Path, frozen: Clock, young: bool) -> None:
    path = write_rules(tmp_path, hostile_rules())
    args = ["afspraken", "blad", "--rules", str(path), "-o", "-"] + (
        ["--jongeren"] if young else []
    )
    result = run(args)
    assert result.exit_code == 0, result.output
    html = result.stdout
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
        href = tag.get("href")
        if href is not None:
            assert str(href).startswith("https://"), href
    assert not [a for a in soup.find_all("a") if "javascript" in str(a.get("href", ""))]
    text = soup.get_text()
    assert "<script>alert(1)</script>" in text  # shown as text, for the reader to see
    assert "[bold red]markup[/]" in text
    assert "\x1b" not in html


def test_hostile_text_is_inert_in_markdown(tmp_path: Path, frozen: Clock) -> None:
    path = write_rules(tmp_path, hostile_rules())
    result = run(["afspraken", "blad", "--rules", str(path), "--format", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\[bold red\\]markup\\[/\\]" in md
    assert "[klik](javascript" not in md and "\\[klik\\](javascript" in md
    assert "\x1b" not in md
    # The only link is the organisation's https portal, its quotes percent-encoded.
    assert "<https://portaal.example/%22onmouseover=%22alert%283%29>" in md


def test_hostile_text_is_shown_literally_in_the_terminal(tmp_path: Path) -> None:
    path = write_rules(tmp_path, hostile_rules())
    result = run(["afspraken", "show", "--rules", str(path)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "[bold red]markup[/]" in out
    assert "<script>alert(1)</script>" in out
    assert "\x1b" not in out
    assert "[klik](javascript:alert(2))" in " ".join(out.split())


def test_hostile_text_survives_init(frozen: Clock, tmp_path: Path) -> None:
    out = tmp_path / "rules.toml"
    answers = list(TYPED)
    answers[0] = HOSTILE
    result = run(["afspraken", "init", "-o", str(out)], input=typed(*answers))
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    name = data["organisation"]["name"]
    assert "<script>alert(1)</script>" in name and "\x1b" not in name


# -- The audit asks about the actual rules ------------------------------------------------------


def audit_agreements(lang: str = "nl") -> str:
    """The agreement questions of a first audit (platforms set, so no onboarding)."""
    assert run(["config", "set", "platforms", "whatsapp"]).exit_code == 0
    result = run(["--lang", lang, "audit", "--section", "afspraken"], input=typed(*["ja"] * 20))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_audit_asks_general_questions_without_a_rules_file(frozen: Clock) -> None:
    out = audit_agreements()
    assert "Ken je de afspraken van je organisatie over online contact met cliënten?" in out
    assert "en nooit je privénummer?" in out
    assert "Je organisatie laat" not in out and "De regel van je organisatie" not in out


def test_audit_asks_about_the_rules_in_the_file(frozen: Clock, tmp_path: Path) -> None:
    path = write_rules(tmp_path, FULL)
    assert run(["config", "set", "rules", str(path)]).exit_code == 0
    out = audit_agreements()
    assert (
        "Je organisatie laat WhatsApp alleen toe op de werktelefoon en je privénummer deel je nooit."
        in out
    )
    assert "nooit vriendschaps- of volgverzoeken van cliënten en ouders accepteren" in out
    assert "Je organisatie laat niet toe dat gesprekken worden opgenomen." in out
    assert "dat je buiten je uren niet bereikbaar bent" in out
    assert "onlineveilig afspraken show" in out
    assert "Ken je de afspraken van je organisatie over online contact met cliënten?" not in out


def test_audit_questions_follow_other_rules(frozen: Clock, tmp_path: Path) -> None:
    body = FULL.replace('whatsapp = "work-phone"', 'whatsapp = "not-allowed"')
    body = body.replace('rule = "not-allowed"', 'rule = "with-consent"')
    body = body.replace('rule = "never"', 'rule = "ask-first"')
    path = write_rules(tmp_path, body)
    assert run(["config", "set", "rules", str(path)]).exit_code == 0
    out = audit_agreements("en")
    assert "Your organisation does not allow WhatsApp with clients." in out
    assert "Your organisation allows a recording only if everyone agrees beforehand." in out
    assert "only after talking it over with your manager" in out
    assert "WhatsApp only on the work phone" not in out


def test_audit_with_a_broken_rules_file_names_it(frozen: Clock, tmp_path: Path) -> None:
    path = write_rules(tmp_path, MINIMAL)
    assert run(["config", "set", "rules", str(path)]).exit_code == 0
    # The file breaks after it was set (config set refuses a broken one).
    write_rules(tmp_path, MINIMAL + '[recording]\nrule = "soms"\n')
    assert run(["config", "set", "platforms", "whatsapp"]).exit_code == 0
    result = run(["audit", "--section", "afspraken"], input=typed("ja"))
    assert result.exit_code == 3
    assert "recording.rule" in result.output


# -- Forgiving init: unclear answers, the rules setting, what is saved, a failed write ------------

DETAILS_AT = 11  # the answer to "Keep these?" after the contact details
LAST = len(TYPED) - 1  # the empty line that ends the help contacts


def test_init_asks_again_after_an_unclear_yes_or_no(frozen: Clock, tmp_path: Path) -> None:
    out = tmp_path / "rules.toml"
    answers = list(TYPED)
    answers[DETAILS_AT : DETAILS_AT + 1] = ["misschien", "jaa", "ja"]
    result = run(["afspraken", "init", "-o", str(out)], input=typed(*answers))
    assert result.exit_code == 0, result.output
    assert result.output.count("Antwoord met ja of nee.") == 2
    # Not taken as 'no': the proposed details are kept, nothing was asked one by one.
    assert "[1 mag gedeeld worden" not in result.output
    assert load_rules(out).facts()["private-number"] == "never"
    # The question whether to replace a file asks again too; 'neen' is a clear no.
    again = run(["afspraken", "init", "-o", str(out)], input=typed("misschien", "neen"))
    assert again.exit_code == 2
    assert "Antwoord met ja of nee." in again.output and "Er is niets bewaard." in again.output


def test_init_summary_shows_every_detail_that_is_saved(frozen: Clock, tmp_path: Path) -> None:
    from onlineveilig.sheet import detail_label
    from onlineveilig.ui.rules import share_label

    out = tmp_path / "rules.toml"
    result = run(["afspraken", "init", "-o", str(out)], input=typed(*TYPED))
    assert result.exit_code == 0, result.output
    summary = result.output.split("Welke contactgegevens")[1].split("Zo houden?")[0]
    details = load_rules(out).contact_details
    assert details is not None
    saved = details.rules()
    assert saved["photo"].value == "never"
    for name, rule in saved.items():
        assert f"{share_label(rule)}: {detail_label(name)}" in summary
    assert summary.count(":") == len(saved)  # nothing shown that is not saved
    shown = run(["afspraken", "show", "--rules", str(out)])
    assert "foto" in shown.output


def test_init_asks_before_replacing_the_rules_setting(frozen: Clock, tmp_path: Path) -> None:
    organisation = write_rules(tmp_path, MINIMAL, "organisatie.toml")
    assert run(["config", "set", "rules", str(organisation)]).exit_code == 0
    mine = tmp_path / "mijn.toml"
    kept = run(["--lang", "en", "afspraken", "init", "-o", str(mine)], input=typed(*TYPED, "no"))
    assert kept.exit_code == 0, kept.output
    out = " ".join(kept.output.split())
    assert f"Your settings now use {organisation}. Use this new file from now on?" in out
    assert f"Your settings still use {organisation}" in out
    assert f"onlineveilig config set rules {mine}" in out
    assert settings.read()["rules"] == str(organisation)
    assert load_rules(mine).organisation.name == "De Brug vzw"  # written all the same

    switched = run(
        ["--lang", "en", "afspraken", "init", "-o", str(mine)], input=typed("yes", *TYPED, "")
    )
    assert switched.exit_code == 0, switched.output
    assert f"Your settings no longer use {organisation}" in " ".join(switched.output.split())
    assert settings.read()["rules"] == str(mine)
    # Now the setting is this file: making it again asks nothing about the setting.
    again = run(["--lang", "en", "afspraken", "init", "-o", str(mine)], input=typed("y", *TYPED))
    assert again.exit_code == 0, again.output
    assert "Use this new file from now on?" not in again.output


def test_init_that_cannot_write_offers_another_place(frozen: Clock, tmp_path: Path) -> None:
    blocked = tmp_path / "een-bestand"
    blocked.write_text("", encoding="utf-8")  # a file where a folder should be
    elsewhere = tmp_path / "elders.toml"
    result = run(
        ["afspraken", "init", "-o", str(blocked / "afspraken.toml")],
        input=typed(*TYPED, str(elsewhere)),
    )
    assert result.exit_code == 0, result.output
    assert f"Kon {blocked / 'afspraken.toml'} niet schrijven" in result.output
    assert load_rules(elsewhere).contacts[0].name == "Sofie Claes"
    assert settings.read()["rules"] == str(elsewhere)


@pytest.mark.parametrize("reply", ["", None])  # Enter, or the input ends
def test_init_that_cannot_write_anywhere_shows_the_rules(
    frozen: Clock, tmp_path: Path, reply: str | None
) -> None:
    blocked = tmp_path / "een-bestand"
    blocked.write_text("", encoding="utf-8")
    answers = [*TYPED, reply] if reply is not None else TYPED
    result = run(["afspraken", "init", "-o", str(blocked / "x.toml")], input=typed(*answers))
    assert result.exit_code == 2
    # Every answer is still there, as the file's text, ready to copy.
    shown = result.stdout[result.stdout.index("# The organisation's rules") :]
    data = tomllib.loads(shown)
    assert data["organisation"]["name"] == "De Brug vzw"
    assert data["contacts"][0]["email"] == "sofie@brug.example"
    assert "config set rules" in result.stderr
    assert "rules" not in settings.read()


def test_sheet_without_a_date_in_the_file_names_no_version(tmp_path: Path, frozen: Clock) -> None:
    undated = write_rules(tmp_path, MINIMAL)
    result = run(["--lang", "en", "afspraken", "blad", "--rules", str(undated), "-o", "-"])
    footer = BeautifulSoup(result.stdout, "html.parser").find("footer")
    assert footer is not None and footer.get_text(strip=True) == "Agreements of Kleine Dienst."
    md = run(["afspraken", "blad", "--format", "md", "--rules", str(undated), "-o", "-"]).stdout
    assert "versie" not in md and "2026" not in md
    dated = write_rules(tmp_path, FULL, "dated.toml")
    result = run(["--lang", "en", "afspraken", "blad", "--rules", str(dated), "-o", "-"])
    assert "version of 1 February 2026" in result.stdout


# -- The words of the organisation's country; the layout at 80 columns; where init writes ---------

# Flemish words a Dutch reader stumbles over; the Netherlands gets its own words for them.
BELGIAN = ("verwittig", "teamverantwoordelijke", "misloop", "preventieadviseur", "gsm")


def test_init_for_the_netherlands_uses_dutch_words_of_the_netherlands(
    frozen: Clock, tmp_path: Path
) -> None:
    out = tmp_path / "rules.toml"
    answers = list(TYPED)
    answers[1] = "2"  # the Netherlands
    answers[answers.index("teamverantwoordelijke")] = "teamleider"  # the user's own word
    made = run(["afspraken", "init", "-o", str(out)], input=typed(*answers))
    assert made.exit_code == 0, made.output
    assert load_rules(out).organisation.country == "nl"
    shown = run(["afspraken", "show", "--rules", str(out)])
    assert shown.exit_code == 0, shown.output
    for said in (made.output, shown.output, out.read_text(encoding="utf-8")):
        lowered = said.lower()
        assert not [word for word in BELGIAN if word in lowered]
    text = " ".join(shown.output.split())
    assert "Daarna bespreekt de teamleider met jou hoe het contact verder gaat." in text
    assert "kan de politie worden ingelicht." in text
    assert "Contactpersoon: de teamleider van je begeleider" in text


def test_init_for_belgium_keeps_the_flemish_words(frozen: Clock) -> None:
    made = run(["afspraken", "init"], input=typed(*TYPED))
    assert made.exit_code == 0, made.output
    assert "preventieadviseur" in made.output
    text = " ".join(run(["afspraken", "show"]).output.split())
    assert "de teamverantwoordelijke met jou hoe het contact verder verloopt." in text
    assert "kan de politie verwittigd worden." in text


def test_wrapped_steps_keep_their_indent_at_80_columns(tmp_path: Path) -> None:
    long_steps = FULL.replace(
        '"Dan een waarschuwing."',
        '"Dan volgt een duidelijke waarschuwing, en daarna bespreekt de teamverantwoordelijke '
        'met jou hoe het contact verder verloopt, ook met je ouders of je voogd erbij."',
    )
    path = write_rules(tmp_path, long_steps)
    result = run(["afspraken", "show", "--rules", str(path)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("Als iemand over de schreef gaat") + 1
    steps = lines[start : start + next(n for n, x in enumerate(lines[start:]) if not x.strip())]
    assert len(steps) > 4  # three steps, one of them wrapped over several lines, the contact
    assert all(len(line) <= 80 for line in steps)
    numbered = [line for line in steps if line[:4].strip().rstrip(".").isdigit()]
    assert [line[:4] for line in numbered] == ["  1.", "  2.", "  3."]
    for line in steps:
        if line in numbered or line.startswith("  Contactpersoon: "):
            continue
        assert line.startswith(" " * 5) and line[5] != " ", line  # under the step's text


def test_init_into_a_new_folder_named_with_a_slash(frozen: Clock, tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    result = run(["afspraken", "init", "-o", f"{folder}/"], input=typed(*TYPED))
    assert result.exit_code == 0, result.output
    assert load_rules(folder / "afspraken.toml").organisation.name == "De Brug vzw"
    assert settings.read()["rules"] == str(folder / "afspraken.toml")
    assert stat.S_IMODE(os.stat(folder / "afspraken.toml").st_mode) == 0o600


def test_init_does_not_take_a_dash_for_a_file(frozen: Clock, tmp_path: Path) -> None:
    result = run(["afspraken", "init", "-o", "-"], input=typed(*TYPED))
    assert result.exit_code == 2
    assert "geef na -o een bestand of een map" in result.output
    assert not Path("-").exists() and "rules" not in settings.read()


def test_hints_about_the_rules_file_say_what_to_type() -> None:
    shown = run(["afspraken", "show"])
    hulp = run(["hulp"])
    for said in (shown.output, hulp.output):
        text = " ".join(said.split())
        assert "onlineveilig config set rules <pad naar het bestand>" in text
        assert "BESTAND" not in text and "FILE" not in text
