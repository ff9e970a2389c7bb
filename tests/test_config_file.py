"""A hand-edited config.toml is checked like every other file; `config show` keeps paths whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onlineveilig import cli, paths, settings
from onlineveilig.errors import ConfigError, ConfigKind

from .conftest import Clock, run

BROKEN = 'lang = 5\ncountry = "fr"\nrules = ["x"]\nfoo = "bar"\n'


def config_file(body: str | bytes) -> Path:
    path = paths.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return path


def flat(output: str) -> str:
    return " ".join(output.split())


def test_wrong_values_are_named_with_file_key_and_problem(frozen: Clock) -> None:
    path = config_file(BROKEN)
    result = run(["status"])
    assert result.exit_code == 3
    out = result.output
    assert f"Het instellingenbestand {path} kan niet gebruikt worden." in out
    assert "lang = 5: moet nl of en zijn" in out
    assert 'rules = ["x"]: moet het pad naar één bestand zijn, tussen aanhalingstekens' in out
    assert 'foo = "bar": onlineveilig kent deze instelling niet (een tikfout?)' in out
    assert "Verbeter lang met: onlineveilig config set lang nl" in out
    assert "onlineveilig config set foo ''" in out
    assert "Traceback" not in out
    shown = run(["config", "show"]).output  # also what only search-me uses
    assert 'country = "fr": moet be (België) of nl (Nederland) zijn' in shown


def test_every_command_that_needs_the_settings_refuses_a_broken_file(frozen: Clock) -> None:
    config_file("checklist = 5\n")
    for command in (["audit"], ["status", "--check"], ["report", "-o", "-"]):
        result = run(command, input="")
        assert result.exit_code == 3, (command, result.output)
        assert "checklist = 5: moet het pad naar één bestand zijn" in result.output


def test_a_wrong_search_setting_stops_search_me_not_the_audit(frozen: Clock) -> None:
    config_file('country = "fr"\nsearxng-url = "geen adres"\n')
    assert run(["status"]).exit_code == 0
    result = run(["search-me", "--dry-run"], input="")
    assert result.exit_code == 3
    assert 'country = "fr": moet be (België) of nl (Nederland) zijn' in result.output
    assert 'searxng-url = "geen adres": moet een webadres zijn' in result.output
    assert run(["config", "show"]).exit_code == 3


def test_not_toml_says_where_the_mistake_is(frozen: Clock) -> None:
    path = config_file('lang = "nl"\nrules = "/a/b.toml\n')
    result = run(["audit"], input="")
    assert result.exit_code == 3
    out = flat(result.output)
    assert f"Het instellingenbestand {path} kan niet gebruikt worden." in out
    assert "De tekst van het bestand klopt niet op regel 2" in out
    assert "verwijder het om opnieuw te beginnen met de gewone instellingen" in out


def test_not_utf8_is_said(frozen: Clock) -> None:
    config_file(b'lang = "\xff"\n')
    result = run(["status"])
    assert result.exit_code == 3
    assert "UTF-8" in result.output and "Traceback" not in result.output


def test_the_language_at_start_up_never_fails_on_a_broken_file(frozen: Clock) -> None:
    for body in (BROKEN, "lang = [", b"\xff\xfe", 'lang = "klingon"\n'):
        config_file(body)
        assert cli.choose_language([]) == "nl"
    config_file('lang = "en"\nfoo = 1\n')
    assert cli.choose_language([]) == "en"
    result = run(["status"])  # the message about the rest in the language that was chosen
    assert result.exit_code == 3
    assert "foo = 1: onlineveilig does not know this setting (a typo?)" in result.output


def test_config_show_says_per_key_what_is_wrong(frozen: Clock) -> None:
    config_file(BROKEN)
    result = run(["config", "show"])
    assert result.exit_code == 3
    out = result.output
    lang_row = next(line for line in out.splitlines() if line.startswith("│ lang "))
    assert "(onbruikbaar, zie onder)" in lang_row
    assert "lang = 5: moet nl of en zijn" in out
    assert 'foo = "bar": onlineveilig kent deze instelling niet' in out
    assert "Verbeter lang met: onlineveilig config set lang nl" in out
    as_json = run(["config", "show", "--json"])
    assert json.loads(as_json.stdout)["lang"] is None  # still JSON for a script


def test_config_set_puts_a_broken_file_right(frozen: Clock) -> None:
    path = config_file('lang = 5\nfoo = "bar"\n')
    result = run(["config", "set", "lang", "nl"])
    assert result.exit_code == 0
    out = flat(result.output)
    assert "Bewaard: lang = nl" in out
    assert (
        'Weggelaten uit het instellingenbestand, omdat onlineveilig het niet kan gebruiken: foo = "bar"'
        in out
    )
    assert settings.read() == {"lang": "nl"}
    assert "foo" not in path.read_text(encoding="utf-8")
    assert run(["status"]).exit_code == 0


def test_an_unknown_line_is_removed_as_the_message_says(frozen: Clock) -> None:
    config_file('country = "nl"\nfoo = "bar"\n')
    result = run(["config", "set", "foo", ""])
    assert result.exit_code == 0 and "Verwijderd: foo" in result.output
    assert settings.read() == {"country": "nl"}
    refused = run(["config", "set", "foo", "x"])  # removing is all that may be done with it
    assert refused.exit_code == 2 and "Er is geen instelling foo." in refused.output


def test_a_good_file_still_reads_as_before(frozen: Clock) -> None:
    config_file(
        'lang = "en"\ncountry = "be"\nsearch-provider = "duckduckgo"\n'
        'searxng-url = "https://zoek.example"\nchecklist = ""\n'
    )
    assert settings.read() == {
        "lang": "en",
        "country": "be",
        "search-provider": "duckduckgo",
        "searxng-url": "https://zoek.example",
    }


def test_a_broken_file_is_one_typed_error() -> None:
    config_file(BROKEN)
    with pytest.raises(ConfigError) as caught:
        settings.read()
    assert caught.value.kind == ConfigKind.BAD_FILE_VALUE and caught.value.key == "lang"
    assert [p.key for p in caught.value.problems] == ["lang", "country", "rules", "foo"]


def test_config_show_keeps_long_paths_whole_at_80_columns(
    tmp_path: Path, frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / ("een-heel-lange-mapnaam-voor-de-gegevens-van-onlineveilig-" * 2) / "thuis"
    monkeypatch.setenv("ONLINEVEILIG_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "80")
    checklist = home / "organisatie" / "onze-eigen-checklist-van-de-organisatie.toml"
    checklist.parent.mkdir(parents=True)
    checklist.write_text("", encoding="utf-8")
    config_file(f"checklist = {json.dumps(str(checklist))}\n")
    result = run(["config", "show"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"  {paths.database_path()}" in lines
    assert f"  {paths.config_path()}" in lines
    assert f"  {checklist}" in lines
    assert "Je instellingen staan in:" in lines


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nl", "Er zijn nog geen instellingen bewaard; zodra je er een wijzigt, komt die in:"),
        ("en", "No settings are saved yet; once you change one, it is kept in:"),
    ],
)
def test_config_show_says_nothing_is_saved_yet(frozen: Clock, lang: str, said: str) -> None:
    # The language from the environment: an explicit --lang would be kept, i.e. saved.
    result = run(["config", "show"], env={"ONLINEVEILIG_LANG": lang})
    assert result.exit_code == 0
    assert said in result.output
    assert f"  {paths.config_path()}" in result.output.splitlines()
    assert not paths.config_path().exists()


def test_a_missing_checklist_hint_has_no_placeholder(tmp_path: Path, frozen: Clock) -> None:
    config_file(f"checklist = {json.dumps(str(tmp_path / 'weg.toml'))}\n")
    result = run(["status"])
    assert result.exit_code == 3
    out = flat(result.output)
    assert "onlineveilig config set checklist <pad naar het bestand>" in out
    assert "BESTAND" not in out and "FILE" not in out


def test_a_profile_key_in_the_file_is_never_fixed_by_erasing_the_profile(frozen: Clock) -> None:
    """`platforms` belongs to the profile: the hint may not tell the user to erase it."""
    assert run(["config", "set", "platforms", "facebook,instagram"]).exit_code == 0
    config_file('platforms = ["myspace"]\n')
    result = run(["status"])
    out = flat(result.output)
    assert result.exit_code == 3
    assert "config set platforms ''" not in out
    assert "Verwijder de regel die begint met platforms uit het instellingenbestand" in out
    assert run(["config", "set", "lang", "nl"]).exit_code == 0  # rewrites the file without it
    shown = flat(run(["config", "show"]).output)
    assert "facebook" in shown.lower() and "instagram" in shown.lower()


def test_status_refusing_the_file_names_every_problem_as_config_show_does(frozen: Clock) -> None:
    config_file(
        'lang = "fr"\ncountry = 5\nsearch-provider = "google"\nsearxng-url = "ftp://x"\n'
        'platforms = ["myspace"]\nunknown = 1\n'
    )
    status = flat(run(["status"]).output)
    shown = flat(run(["config", "show"]).output)
    for entry in (
        'lang = "fr"',
        "country = 5",
        'search-provider = "google"',
        'searxng-url = "ftp://x"',
        'platforms = ["myspace"]',
        "unknown = 1",
    ):
        assert f"{entry}:" in status, entry
        assert entry in shown, entry


def test_a_wrong_search_setting_alone_does_not_stop_status(frozen: Clock) -> None:
    config_file('search-provider = "google"\n')
    assert run(["status"]).exit_code == 0


def test_usernames_are_separated_by_commas_and_checked_when_set(frozen: Clock) -> None:
    """'sanne de vries' is one wrong entry, not three usernames to ask 61 sites about."""
    refused = run(["config", "set", "usernames", "sanne de vries"])
    assert refused.exit_code == 2
    assert "sanne de vries kan geen gebruikersnaam zijn" in flat(refused.output)
    assert "Scheid meerdere gebruikersnamen met komma's." in flat(refused.output)
    assert run(["config", "set", "usernames", "a/b"]).exit_code == 2
    saved = run(["config", "set", "usernames", "sannep, @sanne.p, SANNEP"])
    assert saved.exit_code == 0 and "usernames = sannep,sanne.p" in saved.output


def test_a_settings_file_saved_by_notepad_with_a_bom_is_fine(frozen: Clock, tmp_path: Path) -> None:
    config_file(b'\xef\xbb\xbflang = "nl"\r\ncountry = "be"\r\n')
    assert run(["status"]).exit_code == 0
    assert settings.read()["country"] == "be"
    rules = tmp_path / "afspraken.toml"
    example = Path(__file__).parent.parent / "examples" / "organisatie-afspraken.toml"
    rules.write_bytes(b"\xef\xbb\xbf" + example.read_bytes())
    assert run(["afspraken", "show", "--rules", str(rules)]).exit_code == 0
