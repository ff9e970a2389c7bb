"""An explicit --lang is kept: whoever set up in English is not answered in Dutch next time."""

from __future__ import annotations

import json

import pytest

from onlineveilig import paths

from .conftest import run

KEPT_EN = "From now on onlineveilig speaks English; change it with: onlineveilig config set lang nl"
KEPT_NL = (
    "Vanaf nu spreekt onlineveilig Nederlands; wijzigen kan met: onlineveilig config set lang en"
)
STATUS_EN = "You have not finished an audit yet"
STATUS_NL = "Je hebt nog geen controle afgerond"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_english_chosen_once_is_kept_and_said_once() -> None:
    first = run(["--lang", "en", "status"])
    assert first.exit_code == 0
    assert KEPT_EN in flat(first.stderr)
    assert STATUS_EN in first.stdout and KEPT_EN not in flat(first.stdout)
    later = run(["status"])
    assert STATUS_EN in later.output
    assert "From now on" not in later.output
    again = run(["--lang", "en", "status"])
    assert "From now on" not in again.output  # already kept: nothing to say
    shown = json.loads(run(["config", "show", "--json"]).stdout)
    assert shown["lang"] == "en"  # the same setting as `config set lang en`


def test_dutch_chosen_again_is_kept_in_dutch() -> None:
    run(["--lang", "en", "status"])
    back = run(["--lang", "nl", "status"])
    assert KEPT_NL in flat(back.stderr)
    assert STATUS_NL in run(["status"]).output


def test_a_language_that_is_already_the_one_spoken_is_not_written() -> None:
    result = run(["--lang", "nl", "status"])
    assert "Vanaf nu" not in result.output
    assert not paths.config_path().exists()


def test_the_setting_made_with_config_set_is_what_is_compared() -> None:
    assert run(["config", "set", "lang", "en"]).exit_code == 0
    result = run(["--lang", "en", "status"])
    assert "From now on" not in result.output
    assert STATUS_EN in result.output


def test_the_environment_variable_still_wins_and_nothing_is_promised() -> None:
    result = run(["--lang", "en", "status"], env={"ONLINEVEILIG_LANG": "nl"})
    assert STATUS_EN in result.output  # --lang before ONLINEVEILIG_LANG
    assert "From now on" not in result.output
    assert not paths.config_path().exists()
    assert STATUS_NL in run(["status"], env={"ONLINEVEILIG_LANG": "nl"}).output


def test_json_output_stays_clean() -> None:
    result = run(["--lang", "en", "history", "--json"])
    assert result.exit_code == 0
    json.loads(result.stdout)
    assert KEPT_EN in flat(result.stderr)


def test_help_version_and_usage_errors_keep_nothing() -> None:
    for args in (
        ["--lang", "en", "--help"],
        ["--lang", "en", "--version"],
        ["--lang", "en"],
        ["--lang", "en", "audit", "--help"],
        ["--lang", "en", "audit", "-h"],
        ["--lang", "en", "config"],
        ["--lang", "en", "audti"],
    ):
        result = run(args)
        assert "From now on" not in result.output, args
    assert not paths.config_path().exists()
    assert STATUS_NL in run(["status"]).output


def test_a_report_for_a_colleague_in_english_does_not_switch_the_user() -> None:
    run(["--lang", "en", "report", "--format", "md", "-o", "-"])
    run(["--lang", "en", "afspraken", "blad"])
    assert STATUS_NL in run(["status"]).output


def test_config_set_lang_with_lang_is_not_overruled() -> None:
    result = run(["--lang", "en", "config", "set", "lang", "nl"])
    assert result.exit_code == 0
    assert "From now on" not in result.output
    assert STATUS_NL in run(["status"]).output


def test_lang_alone_shows_the_help_like_no_arguments() -> None:
    bare = run([])
    result = run(["--lang", "en"])
    assert result.exit_code == bare.exit_code
    assert "Usage: onlineveilig [OPTIONS] COMMAND [ARGS]..." in result.output
    assert "Commands:" in result.output and "audit" in result.output
    assert "Missing command" not in result.output
    dutch = run(["--lang", "nl"])
    assert "Gebruik: onlineveilig" in dutch.output and "Commando's:" in dutch.output


def test_every_command_keeps_the_language_config_show_too() -> None:
    shown = run(["--lang", "en", "config", "show"])
    assert shown.exit_code == 0
    assert KEPT_EN in flat(shown.stderr)
    assert STATUS_EN in run(["status"]).output
    assert json.loads(run(["config", "show", "--json"]).stdout)["lang"] == "en"


def test_a_report_in_another_language_says_the_users_own_language_stays() -> None:
    result = run(["--lang", "en", "report", "--format", "md", "-o", "-"])
    said = flat(result.stderr)
    assert (
        "This file is in English; onlineveilig keeps speaking Dutch to you. To switch for good: "
        "onlineveilig config set lang en" in said
    )
    assert "From now on" not in said
    assert STATUS_NL in run(["status"]).output


@pytest.mark.parametrize(
    ("start", "chosen", "said"),
    [("en", "nl", "Bewaard: lang = nl"), ("nl", "en", "Saved: lang = en")],
)
def test_config_set_lang_confirms_in_the_new_language(start: str, chosen: str, said: str) -> None:
    assert run(["config", "set", "lang", start]).exit_code == 0
    result = run(["config", "set", "lang", chosen])
    assert result.exit_code == 0
    assert said in flat(result.output)
