"""status, history, config, reminder and wipe: what a user checks between two audits."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from onlineveilig import paths
from onlineveilig.audit import logic
from onlineveilig.content.loader import load_content

from .conftest import Clock, run

ONBOARD = "facebook\n\n\n\n"


def full_audit(*, first_no: str | None = None) -> None:
    from onlineveilig import clock

    plan = logic.plan(load_content(), {"facebook"}, [], clock.today())
    answers = ["ja"] * (len(plan) + 5)
    if first_no:
        answers[0] = f"nee, {first_no}"
    profile = run(["config", "show", "--json"]).stdout
    onboarding = "" if json.loads(profile)["platforms"] is not None else ONBOARD
    result = run(["audit"], input=onboarding + "\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output


def test_status_before_any_audit(frozen: Clock) -> None:
    result = run(["status"])
    assert result.exit_code == 0
    assert "Je hebt nog geen controle afgerond" in result.output
    assert run(["status", "--check"]).exit_code == 1


def test_due_dates_and_check(frozen: Clock) -> None:
    full_audit(first_no="privacy nakijken")
    status = run(["status"])
    assert "Laatste controle: 2 maart 2026" in status.output
    assert "Volgende controle: 2 april 2026 (over 4 weken)" in status.output
    assert "privacy nakijken" in status.output
    check = run(["status", "--check"])
    assert check.exit_code == 0 and check.output == ""

    frozen.advance(days=31)  # 2 April: due today
    assert "Volgende controle: 2 april 2026 (vandaag)" in run(["status"]).output
    assert run(["status", "--check"]).exit_code == 1

    frozen.advance(days=10)
    assert "10 dagen te laat" in run(["status"]).output
    data = json.loads(run(["status", "--json"]).stdout)
    assert data["overdue"] is True and data["days_left"] == -10
    assert data["next_due"] == "2026-04-02"
    assert data["open_actions"][0]["note"] == "privacy nakijken"
    assert data["open_actions"][0]["days"] == 41


def test_score_trend_chart(frozen: Clock) -> None:
    full_audit(first_no="eerst")
    frozen.advance(days=32)
    full_audit()
    out = run(["status"]).output
    assert "Verloop van je score:" in out and "█" in out  # the second audit scored 100
    trend = json.loads(run(["status", "--json"]).stdout)["score_trend"]
    assert len(trend) == 2 and trend[0]["score"] < trend[1]["score"] == 100


def test_history_list_show_and_json(frozen: Clock) -> None:
    full_audit(first_no="wachtwoord <b>[bold]vernieuwen[/bold]</b>")
    listing = run(["history"])
    assert "Je controles" in listing.output and "2 maart 2026" in listing.output
    assert "afgerond" in listing.output
    shown = run(["history", "show", "1"])
    assert shown.exit_code == 0
    assert "Controle 1" in shown.output
    # A note is shown as typed, markup and all, never interpreted.
    assert "[bold]vernieuwen[/bold]" in " ".join(shown.output.split())
    data = json.loads(run(["history", "show", "1", "--json"]).stdout)
    assert data["status"] == "done" and data["answers"][0]["answer"] == "nee"
    assert json.loads(run(["history", "--json"]).stdout)["audits"][0]["number"] == 1


def test_history_show_unknown_number(frozen: Clock) -> None:
    result = run(["history", "show", "7"])
    assert result.exit_code == 2
    assert "Er is geen controle met nummer 7." in result.output


def test_config_show_and_set(frozen: Clock) -> None:
    assert run(["config", "set", "city", "Leuven"]).exit_code == 0
    assert run(["config", "set", "platforms", "Instagram, tiktok"]).exit_code == 0
    data = json.loads(run(["config", "show", "--json"]).stdout)
    assert data["city"] == "Leuven" and data["platforms"] == "instagram,tiktok"
    shown = run(["config", "show"]).output
    assert "Leuven" in shown and "(niet ingesteld)" in shown
    assert run(["config", "set", "city", ""]).exit_code == 0
    assert json.loads(run(["config", "show", "--json"]).stdout)["city"] is None


def test_config_refuses_unknown_keys_and_values(frozen: Clock) -> None:
    bad = run(["config", "set", "stad", "Gent"])
    assert bad.exit_code == 2 and "Er is geen instelling stad." in bad.output
    assert "Onbekend platform: myspace" in run(["config", "set", "platforms", "myspace"]).output
    assert "Onbekende taal" in run(["config", "set", "lang", "fr"]).output


def test_language_setting_is_remembered(frozen: Clock) -> None:
    assert run(["config", "set", "lang", "en"]).exit_code == 0
    assert "You have not finished an audit yet" in run(["status"]).output
    assert "Je hebt nog geen" in run(["--lang", "nl", "status"]).output


def test_platforms_set_in_config_skip_onboarding(frozen: Clock) -> None:
    run(["config", "set", "platforms", "facebook"])
    plan = logic.plan(load_content(), {"facebook"}, [], date(2026, 3, 2))
    result = run(["audit"], input="ja\n" * len(plan))
    assert result.exit_code == 0
    assert "Welke gebruik je?" not in result.output


def test_reminder_writes_a_monthly_calendar_event(frozen: Clock, tmp_path: Path) -> None:
    from icalendar import Calendar

    full_audit()
    target = tmp_path / "herinnering.ics"
    result = run(["reminder", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Elke maand op dag 2 om 09:30, de eerste keer op 2 april 2026" in result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    cal = Calendar.from_ical(target.read_bytes())
    [event] = cal.walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["MONTHLY"] and event["RRULE"]["BYMONTHDAY"] == [2]
    assert event.decoded("DTSTART").date() == date(2026, 4, 2)
    assert "onlineveilig audit" in str(event["DESCRIPTION"])


def test_reminder_default_place_and_day(frozen: Clock) -> None:
    result = run(["--lang", "en", "reminder", "--day", "15", "--time", "18:00"])
    assert result.exit_code == 0
    path = paths.export_dir() / "onlineveilig-herinnering.ics"
    assert path.exists()
    assert "Monthly on day 15 at 18:00, first on 15 March 2026" in result.output
    assert run(["reminder", "--time", "negen uur"]).exit_code == 2


def test_wipe_needs_the_typed_word(frozen: Clock) -> None:
    full_audit()
    kept = run(["wipe"], input="ja\n")
    assert kept.exit_code == 130 and "Er werd niets gewist." in kept.output
    assert paths.database_path().exists()
    assert "je geschiedenis (1 controle, " in kept.output

    wiped = run(["wipe"], input="WISSEN\n")
    assert wiped.exit_code == 0
    assert "1 bestand gewist." in wiped.output and "blijft staan" in wiped.output
    assert not paths.database_path().exists()
    assert "Er is niets te wissen" in run(["wipe"]).output


def test_rules_setting_is_checked_and_stored_as_a_full_path(
    frozen: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("organisation = 5\n", encoding="utf-8")
    bad = run(["config", "set", "rules", str(broken)])
    assert bad.exit_code == 3 and "kapot.toml is niet bruikbaar" in bad.output
    example = Path(__file__).resolve().parents[1] / "examples" / "organisatie-afspraken.toml"
    monkeypatch.chdir(example.parent)
    assert run(["config", "set", "rules", example.name]).exit_code == 0
    assert json.loads(run(["config", "show", "--json"]).stdout)["rules"] == str(example)
