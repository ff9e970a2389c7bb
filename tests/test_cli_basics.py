"""Help, errors and the first screens: in one language, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import Clock, run


def test_help_is_dutch_by_default() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    out = result.output
    assert "Gebruik: onlineveilig" in out
    assert "Opties:" in out and "Commando's:" in out
    assert "Deze hulp tonen en stoppen." in out
    for english in ("Usage:", "Options:", "Show this message"):
        assert english not in out


def test_help_in_english() -> None:
    out = run(["--lang", "en", "audit", "--help"]).output
    assert "Usage: onlineveilig audit" in out
    assert "Ask every item, not only what is due." in out
    assert "Opties" not in out and "Gebruik" not in out


def test_unknown_option_is_explained_in_dutch() -> None:
    result = run(["audit", "--alles"])
    assert result.exit_code == 2
    assert "Onbekende optie: --alles" in result.output
    assert "onlineveilig audit --help" in result.output
    assert "Error" not in result.output


def test_unknown_command() -> None:
    result = run(["--lang", "en", "audti"])
    assert result.exit_code == 2
    assert "Unknown command: audti" in result.output


def test_bad_language_value() -> None:
    result = run(["--lang", "fr", "status"])
    assert result.exit_code == 2
    assert "--lang" in result.output and "gebruik nl of en" in result.output


def test_version() -> None:
    assert run(["--version"]).output.startswith("onlineveilig ")


def test_python_dash_m_works(frozen: Clock) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "onlineveilig", "--lang", "en", "status"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "You have not finished an audit yet" in result.stdout


def test_a_number_out_of_range_says_which_numbers_may_be_used(frozen: Clock) -> None:
    for command in ("profiles", "search-me"):
        result = run([command, "--timeout", "0", "sanne"])
        assert result.exit_code == 2
        out = " ".join(result.output.split())
        assert "kies een getal van 0,1 tot 300" in out
        assert "<=" not in out and "bereik" not in out
    english = " ".join(run(["--lang", "en", "profiles", "--timeout", "0", "x"]).output.split())
    assert "choose a number from 0.1 to 300" in english


def test_help_names_the_range_of_a_number_in_words() -> None:
    for command in ("profiles", "search-me"):
        out = " ".join(run([command, "--help"]).output.split())
        assert "een getal van 0,1 tot 300" in out
        assert "<=x<=" not in out


@pytest.mark.parametrize("group", ["incident", "key", "config", "afspraken"])
def test_sub_command_help_is_never_cut_off(group: str) -> None:
    """A care worker reads the whole description of each sub-command, in both languages."""
    for lang in ("nl", "en"):
        result = run(["--lang", lang, group, "--help"], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        commands = result.output.split("\n\n")[-1]
        assert "..." not in commands, commands
