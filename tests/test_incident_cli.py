"""onlineveilig incident as a care worker types it: add, pause, resume, edit, list, show."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onlineveilig import paths

from .conftest import Clock, answers, db_rows, run

# started, more than once?, channel, types, description, who, actions, reported to,
# reported on, followed up, support
WHOLE = answers(
    "gisteren 22:15",
    "nee",
    "whatsapp",
    "1, 4",
    "Berichten met dreigementen, 's nachts.",
    "vader van cliënt B",
    "Het nummer geblokkeerd en de berichten bewaard.",
    "mijn teamleider",
    "",
    "",
    "gesprek met een collega",
)


def test_whole_incident_with_typed_answers(frozen: Clock) -> None:
    result = run(["incident", "add"], input=WHOLE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Goed dat je dit opschrijft" in out
    assert "Wat heb je daarna gedaan?" in out
    assert "Incident 1 is bewaard." in out
    assert "onlineveilig incident evidence 1" in out
    shown = run(["incident", "show", "1"])
    assert shown.exit_code == 0
    assert "Wanneer: 1 maart 2026 22:15" in shown.output
    assert "Kanaal of platform: WhatsApp" in shown.output
    assert "Wat er gebeurde: Ongewenst contact, Bedreigingen" in shown.output
    assert "Gemeld aan: mijn teamleider" in shown.output
    assert "Gemeld op: 2 maart 2026" in shown.output
    assert "Opgevolgd op" not in shown.output
    listed = run(["incident", "list", "--json"])
    assert json.loads(listed.stdout) == [
        {
            "number": 1,
            "started": "2026-03-01T22:15",
            "ended": "",
            "channel": "whatsapp",
            "types": ["unwanted-contact", "threats"],
            "reported": True,
            "followed_up": False,
            "evidence": 0,
        }
    ]
    table = run(["incident", "list"])
    assert "WhatsApp" in table.output and "Bedreigingen" in table.output


def test_the_questions_never_blame(frozen: Clock) -> None:
    for lang in ("nl", "en"):
        result = run(["--lang", lang, "incident", "add"], input=WHOLE)
        lowered = result.output.lower()
        assert "cause" not in lowered and "schuld" not in lowered
        assert "what did you do afterwards" in lowered or "wat heb je daarna gedaan" in lowered


def test_a_series_asks_for_the_last_time_and_unreadable_dates_are_asked_again(
    frozen: Clock,
) -> None:
    typed = answers(
        "morgen", "31-02-2026", "20-02-2026", "ja", "19-02-2026", "", "", "12", "", "", "", "", ""
    )
    result = run(["incident", "add"], input=typed)
    assert result.exit_code == 0, result.output
    assert "Die datum kan niet worden gelezen" in result.output
    assert "Dat is vóór het begon" in result.output
    assert db_rows("SELECT started, ended, types, reported_to FROM incidents") == [
        ("2026-02-20", "2026-03-02", '["other"]', "")
    ]


def test_a_full_name_is_warned_about_and_can_be_changed(frozen: Clock) -> None:
    typed = answers("", "", "", "3", "", "Jan Peeters", "ja", "moeder van cliënt A", "", "", "")
    result = run(["incident", "add"], input=typed)
    assert result.exit_code == 0, result.output
    assert "Dat lijkt de volledige naam van iemand" in result.output
    assert db_rows("SELECT who FROM incidents") == [("moeder van cliënt A",)]


def test_a_full_name_can_be_kept_when_the_user_wants(frozen: Clock) -> None:
    typed = answers("", "", "", "3", "", "Jan Peeters", "nee", "", "", "", "")
    result = run(["incident", "add"], input=typed)
    assert result.exit_code == 0, result.output
    assert db_rows("SELECT who FROM incidents") == [("Jan Peeters",)]


def test_pause_keeps_answers_and_resume_goes_on(frozen: Clock) -> None:
    first = run(["incident", "add"], input=answers("gisteren", "nee", "facebook", "2"))
    assert first.exit_code == 130
    assert "Gepauzeerd. Je antwoorden tot nu toe zijn bewaard." in first.output
    waiting = run(["incident", "list"]).output
    assert "Eén incident is nog niet af: 'onlineveilig incident add' gaat ermee verder." in waiting
    assert "Nog geen incidenten" in waiting
    rest = answers("Om middernacht een bericht.", "", "", "", "", "")
    again = run(["incident", "add"], input=answers("1") + rest)
    assert again.exit_code == 0, again.output
    assert "Je was eerder begonnen een incident te noteren:" in again.output
    assert "Kanaal of platform: Facebook" in again.output  # the earlier answers are shown
    assert "Wanneer gebeurde het?" not in again.output  # not asked again
    assert db_rows("SELECT status, started, channel, types, description FROM incidents") == [
        ("saved", "2026-03-01", "facebook", '["outside-hours"]', "Om middernacht een bericht.")
    ]


def test_stop_pauses_and_a_draft_can_be_kept_or_deleted(frozen: Clock) -> None:
    assert run(["incident", "add"], input=answers("vandaag", "stop")).exit_code == 130
    kept = run(["incident", "add"], input=answers("2") + WHOLE)
    assert kept.exit_code == 0, kept.output
    assert "Incident 1 is bewaard; met 'onlineveilig incident edit 1'" in kept.output
    assert db_rows("SELECT id, status FROM incidents ORDER BY id") == [(1, "saved"), (2, "saved")]
    assert run(["incident", "add"], input=answers("vandaag", "stop")).exit_code == 130
    gone = run(["incident", "add"], input=answers("3") + WHOLE)
    assert "De eerdere antwoorden zijn gewist." in gone.output
    assert db_rows("SELECT status, started FROM incidents WHERE id = 3") == [
        ("saved", "2026-03-01T22:15")  # the new one; the deleted draft said "vandaag"
    ]
    assert db_rows("SELECT count(*) FROM incidents") == [(3,)]


def test_killed_process_loses_no_answers_and_resumes(frozen: Clock, isolated: Path) -> None:
    env = dict(os.environ, ONLINEVEILIG_HOME=str(isolated), NO_COLOR="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "onlineveilig", "incident", "add"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(answers("01-03-2026 23:40", "nee", "tiktok", "3, 9"))
    proc.stdin.flush()  # the input stays open: the process waits for the description
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if paths.database_path().exists() and db_rows("SELECT types FROM incidents") == [
                ('["insults", "fake-profile"]',)
            ]:
                break
        except sqlite3.OperationalError:  # the file exists, its tables not yet
            pass
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert db_rows("SELECT status, started, channel FROM incidents") == [
        ("draft", "2026-03-01T23:40", "tiktok")
    ]
    resumed = run(
        ["incident", "add"], input=answers("", "Een nepprofiel met mijn foto.") + "\n" * 6
    )
    assert resumed.exit_code == 0, resumed.output
    assert "Wanneer: 1 maart 2026 23:40" in resumed.output
    assert "Wat er gebeurde: Beledigingen, Een nepprofiel" in resumed.output
    assert db_rows("SELECT status, description FROM incidents") == [
        ("saved", "Een nepprofiel met mijn foto.")
    ]


def test_edit_keeps_the_earlier_value_in_the_history(frozen: Clock) -> None:
    run(["incident", "add"], input=WHOLE)
    edited = run(["incident", "edit", "1", "opgevolgd-op"], input=answers("vandaag"))
    assert edited.exit_code == 0, edited.output
    assert "De vorige waarde blijft bewaard" in edited.output
    asked = run(["incident", "edit", "1"], input=answers("7", "Het nummer geblokkeerd."))
    assert "Welk deel van incident 1 wil je wijzigen?" in asked.output
    assert "Nu: Het nummer geblokkeerd en de berichten bewaard." in asked.output
    same = run(["incident", "edit", "1", "who"], input=answers(""))
    assert "Er is niets veranderd." in same.output
    shown = run(["incident", "show", "1"]).output
    assert "Opgevolgd op: 2 maart 2026" in shown
    assert "Wijzigingen" in shown
    assert "Wat je daarna deed: was 'Het nummer geblokkeerd en de berichten bewaard.'" in shown
    assert "Opgevolgd op: was '-'" in shown
    listed = json.loads(run(["incident", "list", "--json"]).stdout)
    assert listed[0]["followed_up"] is True


def test_unknown_incident_and_unknown_field_say_what_to_do(frozen: Clock) -> None:
    missing = run(["incident", "show", "7"])
    assert missing.exit_code == 2
    assert "Er is geen incident 7." in missing.output
    assert "onlineveilig incident list" in missing.output
    run(["incident", "add"], input=WHOLE)
    wrong = run(["incident", "edit", "1", "naam"])
    assert wrong.exit_code == 2 and "Er is geen deel 'naam'." in wrong.output
    assert "wanneer, tot, kanaal, wat, beschrijving, wie, gedaan, gemeld-aan" in wrong.output
    english = run(["--lang", "en", "incident", "edit", "1", "reported-to"], input=answers("team"))
    assert english.exit_code == 0 and "Changed." in english.output


def test_rules_file_types_and_where_to_report(frozen: Clock, tmp_path: Path) -> None:
    rules = tmp_path / "afspraken.toml"
    rules.write_text(
        """
[organisation]
name = "De Kade"
country = "be"

[incidents]
report-to.nl = "je teamverantwoordelijke"
report-within-days = 2

[[incidents.types]]
id = "bedreiging"
label.nl = "Bedreiging of intimidatie"
label.en = "Threat or intimidation"

[[incidents.types]]
id = "ander"
label.nl = "Iets anders"
""",
        encoding="utf-8",
    )
    result = run(["incident", "add", "--rules", str(rules)], input=WHOLE.replace("1, 4", "1"))
    assert result.exit_code == 0, result.output
    assert "1. Bedreiging of intimidatie" in result.output
    assert "Ongewenst contact" not in result.output
    assert "Je organisatie vraagt het te melden aan: je teamverantwoordelijke." in result.output
    assert "Binnen 2 dagen." in result.output
    assert db_rows("SELECT types FROM incidents") == [('["bedreiging"]',)]


def test_english(frozen: Clock) -> None:
    result = run(["--lang", "en", "incident", "add"], input=WHOLE)
    assert "When did it happen?" in result.output
    assert "Incident 1 is saved." in result.output
    shown = run(["--lang", "en", "incident", "show", "1"])
    assert "What happened: Unwanted contact, Threats" in shown.output


def test_hostile_text_is_shown_inert(frozen: Clock) -> None:
    hostile = "[bold red]X[/] \x1b[2J\u202egnp.exe <script>alert(1)</script>"
    typed = WHOLE.replace("Berichten met dreigementen, 's nachts.", hostile)
    run(["incident", "add"], input=typed)
    shown = run(["incident", "show", "1"]).output
    assert "[bold red]X[/]" in shown
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "<script>alert(1)</script>" in shown  # shown as text; the terminal runs nothing


def test_editing_a_series_keeps_its_last_day_on_enter(frozen: Clock) -> None:
    typed = answers("20-02-2026", "ja", "25-02-2026", "", "12", "", "", "", "", "")
    assert run(["incident", "add"], input=typed).exit_code == 0
    edited = run(["incident", "edit", "1", "tot"], input=answers("", ""))
    assert "Nu: 25 februari 2026" in edited.output
    assert "Er is niets veranderd." in edited.output
    run(["incident", "edit", "1", "ended"], input=answers("nee"))
    assert db_rows("SELECT ended FROM incidents") == [("",)]


def test_ctrl_c_mid_question_keeps_the_answers_given(
    frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    typed = iter(["gisteren", "nee", "instagram"])

    def type_then_ctrl_c(self: Console, prompt: str = "") -> str:
        try:
            return next(typed)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(Console, "input", type_then_ctrl_c)
    result = run(["incident", "add"])
    assert result.exit_code == 130
    assert "Je antwoorden tot nu toe zijn bewaard" in result.output
    assert db_rows("SELECT status, started, channel FROM incidents") == [
        ("draft", "2026-03-01", "instagram")
    ]


def test_enter_skips_the_types_and_a_report_before_it_happened_is_asked_again(
    frozen: Clock,
) -> None:
    typed = answers(
        "20-02-2026",
        "nee",
        "",
        "",
        "",
        "",
        "",
        "mijn teamleider",
        "19-02-2026",
        "21-02-2026",
        "",
        "",
        "",
    )
    result = run(["incident", "add"], input=typed)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Dat is vóór het gebeurde" in said
    assert db_rows("SELECT types, reported_at FROM incidents") == [("[]", "2026-02-21")]


def test_an_impossible_day_is_said_as_such(frozen: Clock) -> None:
    typed = answers("31-02-2026", "eergisteren", "nee", "", "", "", "", "", "", "", "", "")
    result = run(["incident", "add"], input=typed)
    assert result.exit_code == 0, result.output
    assert "Die dag bestaat niet." in result.output
    assert db_rows("SELECT started FROM incidents") == [("2026-02-28",)]


def test_editing_who_enter_after_the_name_warning_keeps_the_old_value(frozen: Clock) -> None:
    assert run(["incident", "add"], input=WHOLE).exit_code == 0
    result = run(["incident", "edit", "1", "wie"], input=answers("Karel Peeters", "ja", ""))
    assert result.exit_code == 0, result.output
    assert db_rows("SELECT who FROM incidents") == [("vader van cliënt B",)]


def test_edit_keeps_the_dates_in_order_and_no_time_later_today(frozen: Clock) -> None:
    """WHOLE: yesterday 22:15, reported today. A follow-up before the report is asked again."""
    assert run(["incident", "add"], input=WHOLE).exit_code == 0
    result = run(
        ["incident", "edit", "1", "opgevolgd-op"], input=answers("01-02-2026", "02-03-2026")
    )
    assert result.exit_code == 0, result.output
    assert "Dan zou het opgevolgd zijn voor het gemeld werd." in " ".join(result.output.split())
    later = run(["incident", "edit", "1", "wanneer"], input=answers("vandaag 23:59", "gisteren"))
    assert later.exit_code == 0, later.output
    assert "Die datum ligt nog in de toekomst" in " ".join(later.output.split())
    assert db_rows("SELECT started, followed_up_at FROM incidents") == [
        ("2026-03-01", "2026-03-02")
    ]


def test_sms_and_phone_are_channels_of_their_own_not_other(frozen: Clock) -> None:
    """The prompt suggests 'phone, text message': typed, they are counted as such in signalen."""
    typed = answers("gisteren", "nee", "sms", "1", "", "", "", "", "", "", "")
    assert run(["incident", "add"], input=typed).exit_code == 0
    typed = answers("gisteren", "nee", "telefoon", "1", "", "", "", "", "", "", "")
    assert run(["incident", "add"], input=typed).exit_code == 0
    assert db_rows("SELECT channel FROM incidents ORDER BY id") == [("sms",), ("phone",)]
    said = " ".join(run(["signalen"]).output.split())
    assert (
        "Sms 1" in said
        and "Telefoongesprek 1" in said
        and "andere" not in said.split("Per maand")[0].split("Per kanaal")[1]
    )
