"""What a person does by mistake: typos, stopping at odd moments, missing files, no permission."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from onlineveilig import paths
from onlineveilig.audit import logic
from onlineveilig.content.loader import load_content

from .conftest import Clock, answers, run

ONBOARD = "facebook\n\n\n\n"


def plan_size() -> int:
    from datetime import date

    return len(logic.plan(load_content(), {"facebook"}, [], date(2026, 3, 2)))


def audits() -> list[dict[str, object]]:
    return json.loads(run(["history", "--json"]).stdout)["audits"]


def test_a_typo_at_the_resume_question_is_asked_again(frozen: Clock) -> None:
    run(["audit"], input=ONBOARD + answers("ja", "ja", "stop"))
    result = run(["audit"], input=answers("jaa", "misschien", "ja", *["ja"] * plan_size()))
    assert result.exit_code == 0, result.output
    assert result.output.count("Antwoord met ja of nee.") == 2
    assert [a["status"] for a in audits()] == ["done"]


def test_stop_at_the_resume_question_keeps_the_audit(frozen: Clock) -> None:
    run(["audit"], input=ONBOARD + answers("ja", "stop"))
    result = run(["audit"], input=answers("stop"))
    assert result.exit_code == 130
    assert "Gepauzeerd" in result.output
    assert [a["status"] for a in audits()] == ["open"]


def test_an_audit_left_without_answers_is_not_offered_again(frozen: Clock) -> None:
    run(["audit"], input=ONBOARD + answers("stop"))
    result = run(["audit"], input=answers(*["ja"] * plan_size()))
    assert "niet-afgeronde controle" not in result.output
    assert [a["status"] for a in audits()] == ["done"]


def test_stopping_during_onboarding_says_nothing_was_saved(frozen: Clock) -> None:
    result = run(["audit"], input="")
    assert result.exit_code == 130
    assert "Gestopt. Er is nog niets bewaard." in result.output
    assert "antwoorden zijn bewaard" not in result.output


def test_one_section_does_not_count_as_the_monthly_audit(frozen: Clock) -> None:
    result = run(["audit", "--section", "team"], input=ONBOARD + answers(*["ja"] * 10))
    assert result.exit_code == 0
    assert "Dit was één onderdeel" in result.output
    assert "Je volledige maandelijkse controle moet nog gebeuren" in result.output
    assert run(["status", "--check"]).exit_code == 1  # the monthly reminder keeps reminding


def test_a_section_for_a_platform_you_do_not_use_asks_nothing(frozen: Clock) -> None:
    run(["config", "set", "platforms", "facebook"])
    result = run(["audit", "--section", "privacy-tiktok"])
    assert result.exit_code == 0
    assert "Niets te vragen in dit onderdeel" in result.output
    assert audits() == []


def test_no_command_shows_the_help_as_help() -> None:
    result = run([])
    lines = result.output.splitlines()
    assert lines[0].startswith("Gebruik: onlineveilig")
    assert any(line.strip().startswith("audit ") for line in lines)
    assert len(lines) > 10


def test_click_messages_are_in_dutch() -> None:
    missing = run(["--lang"])
    assert "Na '--lang' hoort een waarde." in missing.output
    assert "requires" not in missing.output
    extra = run(["status", "overbodig"])
    assert "Er staat een woord te veel" in extra.output
    help_text = run(["reminder", "--help"]).output
    assert "[OPTIES]" in help_text and "BESTAND" in help_text and "UU:MM" in help_text


def test_a_configured_rules_file_that_went_missing(frozen: Clock, tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "organisatie-afspraken.toml"
    copy = tmp_path / "afspraken.toml"
    copy.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(["config", "set", "rules", str(copy)]).exit_code == 0
    copy.unlink()
    result = run(["audit"], input=ONBOARD)
    assert result.exit_code == 3
    out = " ".join(result.output.split())
    assert f"Het bestand {copy} bestaat niet (meer)." in out
    assert "config set rules" in out
    assert "TOML" not in out


def test_a_history_that_cannot_be_written(frozen: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    from onlineveilig.store import repo

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(repo.Store, "set_profile", read_only)
    result = run(["config", "set", "city", "Gent"])
    assert result.exit_code == 4
    assert "kan niet geschreven worden" in result.output
    assert "OperationalError" not in result.output and "Er ging iets mis" not in result.output


def test_no_permission_for_the_settings(frozen: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    from onlineveilig import settings

    def refuse(_values: dict[str, str]) -> Path:
        raise PermissionError(13, "Permission denied", str(paths.config_path()))

    monkeypatch.setattr(settings, "write", refuse)
    result = run(["config", "set", "lang", "en"])
    assert result.exit_code == 4
    assert "Geen toestemming om" in result.output and "Traceback" not in result.output


def test_reminder_can_print_the_calendar(frozen: Clock) -> None:
    result = run(["reminder", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert not Path("-").exists()


def test_one_question_is_singular(frozen: Clock, tmp_path: Path) -> None:
    from .helpers import item, section

    org = tmp_path / "org.toml"
    org.write_text(section("eigen", 90, item("een-vraag")), encoding="utf-8")
    result = run(["audit", "--checklist", str(org), "--section", "eigen"], input=ONBOARD + "ja\n")
    assert "1 vraag." in result.output


def test_platforms_by_their_everyday_names(frozen: Clock) -> None:
    assert run(["config", "set", "platforms", "Twitter, insta, 6"]).exit_code == 0
    data = json.loads(run(["config", "show", "--json"]).stdout)
    assert data["platforms"] == "x,instagram,whatsapp"


def test_a_full_audit_is_not_called_one_section(frozen: Clock) -> None:
    result = run(["audit"], input=ONBOARD + answers(*["ja"] * plan_size()))
    assert result.exit_code == 0
    assert "Dit was één onderdeel" not in result.output
    assert "Volgende controle: 2 april 2026." in result.output


def test_stop_during_onboarding_is_not_saved_as_data(frozen: Clock) -> None:
    result = run(["audit"], input="facebook\nAnna\nGent\nstop\n")
    assert result.exit_code == 130
    assert "Gestopt. Er is nog niets bewaard." in result.output
    profile = json.loads(run(["config", "show", "--json"]).stdout)
    assert profile["employer"] is None and profile["platforms"] is None


def test_group_usage_lines_are_dutch() -> None:
    out = run(["history", "--help"]).output
    assert "[COMMANDO] [ARGUMENTEN]..." in out and "[COMMAND]" not in out


def test_pause_message_has_no_developer_words_and_no_zero_count(frozen: Clock) -> None:
    first = run(["audit"], input="facebook\n\n\n\nstop\n")
    assert "make run" not in first.output and "map van" not in first.output
    assert "0 antwoorden" not in first.output
    assert "nog niets beantwoord" in first.output
    assert "onlineveilig audit" in first.output
    second = run(["audit"], input="ja\nja\nstop\n")
    assert "2 antwoorden zijn bewaard" in second.output
    assert "make run" not in second.output


def test_a_broken_rules_file_is_reported_before_any_question(frozen: Clock, tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "organisatie-afspraken.toml"
    copy = tmp_path / "afspraken.toml"
    copy.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(["config", "set", "rules", str(copy)]).exit_code == 0
    copy.write_text("dit is [geen geldig bestand", encoding="utf-8")
    result = run(["audit"], input=ONBOARD)
    assert result.exit_code == 3
    assert "Welke gebruik je?" not in result.output  # no onboarding question was asked
    assert json.loads(run(["config", "show", "--json"]).stdout)["platforms"] is None


def test_a_checklist_that_went_missing_is_reported_before_any_question(
    frozen: Clock, tmp_path: Path
) -> None:
    from .helpers import item, section

    org = tmp_path / "org.toml"
    org.write_text(section("eigen", 90, item("een-vraag")), encoding="utf-8")
    assert run(["config", "set", "checklist", str(org)]).exit_code == 0
    org.unlink()
    result = run(["audit"], input=ONBOARD)
    assert result.exit_code != 0
    assert "Welke gebruik je?" not in result.output
    assert str(org) in " ".join(result.output.split())
