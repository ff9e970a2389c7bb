"""The audit as a care worker types it: onboarding, answers, pauses, the next month."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from onlineveilig import paths
from onlineveilig.audit import logic
from onlineveilig.content.loader import load_content

from .conftest import Clock, answers, db_rows, run

ONBOARD = "facebook, whatsapp\nAnna Peeters\nGent\nDe Kade vzw\n"


def first_plan() -> list[str]:
    from datetime import date

    return logic.plan(load_content(), {"facebook", "whatsapp"}, [], date(2026, 3, 2))


def test_whole_first_audit_with_typed_answers(frozen: Clock) -> None:
    plan = first_plan()
    typed = ["ja"] * len(plan)
    typed[0] = "nee, vraag ik aan mijn collega"
    typed[1] = "nvt"
    typed[2] = "later"
    result = run(["audit"], input=ONBOARD + answers(*typed))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Welke gebruik je?" in out
    assert f"1/{len(plan)}" in out and f"{len(plan)}/{len(plan)}" in out
    assert "Waarom:" in out and "Zo doe je het:" in out
    assert "Score:" in out and "Volgende controle: 2 april 2026" in out
    assert "vraag ik aan mijn collega" in out  # the open action point with its note
    rows = db_rows("SELECT answer, count(*) FROM answers GROUP BY answer")
    assert dict(rows) == {"ja": len(plan) - 3, "nee": 1, "nvt": 1, "later": 1}
    assert db_rows("SELECT value FROM profile WHERE key = 'city'") == [("Gent",)]


def test_unclear_answer_is_asked_again_and_help_explains(frozen: Clock) -> None:
    plan = first_plan()
    result = run(["audit"], input=ONBOARD + answers("misschien", "?", *["ja"] * len(plan)))
    assert result.exit_code == 0
    assert "Antwoord met ja, nee, nvt of later." in result.output
    assert "het wordt een actiepunt" in result.output


def test_note_is_asked_after_no(frozen: Clock) -> None:
    plan = first_plan()
    result = run(["audit"], input=ONBOARD + answers("nee", "wachtwoord kwijt", *["ja"] * len(plan)))
    assert result.exit_code == 0
    assert db_rows("SELECT note FROM answers WHERE answer = 'nee'") == [("wachtwoord kwijt",)]


def test_resume_after_interruption_at_item_k(frozen: Clock) -> None:
    plan = first_plan()
    k = 5
    first = run(["audit"], input=ONBOARD + answers(*["ja"] * k))  # then the input ends
    assert first.exit_code == 130
    assert f"Gepauzeerd. Je {k} antwoorden zijn bewaard." in first.output
    status = run(["status"])
    assert f"{k} van {len(plan)} beantwoord" in status.output

    second = run(["audit"], input=answers("ja", *["nee, later doen"] * len(plan)))
    assert second.exit_code == 0, second.output
    assert f"niet-afgeronde controle van 2 maart 2026: {k} van {len(plan)}" in second.output
    assert f"{k + 1}/{len(plan)}" in second.output
    assert f" {k}/{len(plan)}" not in second.output  # answered items are not asked again
    assert db_rows("SELECT count(*), count(DISTINCT audit_id) FROM answers") == [(len(plan), 1)]
    history = json.loads(run(["history", "--json"]).stdout)
    assert [a["status"] for a in history["audits"]] == ["done"]


def test_stop_pauses_and_declining_resume_starts_fresh(frozen: Clock) -> None:
    plan = first_plan()
    first = run(["audit"], input=ONBOARD + answers("ja", "ja", "stop"))
    assert first.exit_code == 130 and "Je 2 antwoorden zijn bewaard" in first.output
    second = run(["audit"], input=answers("nee", *["ja"] * len(plan)))
    assert second.exit_code == 0
    assert "nieuwe controle" in second.output
    audits = json.loads(run(["history", "--json"]).stdout)["audits"]
    assert [a["status"] for a in audits] == ["abandoned", "done"]


def test_action_points_carry_into_next_audit(frozen: Clock) -> None:
    plan = first_plan()
    typed = ["ja"] * len(plan)
    typed[0] = "nee, nog te doen"
    assert run(["audit"], input=ONBOARD + answers(*typed)).exit_code == 0

    frozen.advance(days=40)
    nxt = logic.plan(
        load_content(),
        {"facebook", "whatsapp"},
        [],
        frozen.moment.date(),
    )
    second = run(["audit"], input=answers(*["ja"] * len(nxt)))
    assert second.exit_code == 0, second.output
    assert "Open actiepunten" in second.output
    assert "Open actiepunt sinds 2 maart 2026" in second.output
    assert "nog te doen" in second.output
    assert "Opgelost sinds de vorige controle:" in second.output
    assert "Geen open actiepunten" in second.output


def test_english_audit(frozen: Clock) -> None:
    plan = first_plan()
    result = run(["--lang", "en", "audit"], input=ONBOARD + answers(*["yes"] * len(plan)))
    assert result.exit_code == 0, result.output
    assert "Which of these do you use?" in result.output
    assert "Why:" in result.output and "Next audit: 2 April 2026" in result.output
    for dutch in ("Waarom", "Volgende controle", "Antwoord", " maart "):
        assert dutch not in result.output


def test_english_from_locale(frozen: Clock) -> None:
    result = run(["status"], env={"LANG": "en_GB.UTF-8"})
    assert "You have not finished an audit yet" in result.output


def test_unknown_section_is_named(frozen: Clock) -> None:
    result = run(["audit", "--section", "bestaat-niet"])
    assert result.exit_code == 2
    assert "Er is geen onderdeel bestaat-niet" in result.output
    assert "aanwezigheid" in result.output


def test_one_section_only(frozen: Clock) -> None:
    content = load_content()
    section = content.section("aanwezigheid")
    assert section is not None
    result = run(["audit", "--section", "aanwezigheid"], input=ONBOARD + answers(*["ja"] * 200))
    assert result.exit_code == 0
    assert f"{len(section.items)}/{len(section.items)}" in result.output
    assert db_rows("SELECT count(*) FROM answers") == [(len(section.items),)]


def test_each_answer_is_stored_the_moment_it_is_given(frozen: Clock) -> None:
    # Every answer is committed the moment it is given: what is in the file is what was typed.
    plan = first_plan()
    run(["audit"], input=ONBOARD + answers("ja", "nee", "notitie"))
    assert db_rows("SELECT item_id, answer, note FROM answers ORDER BY answered_at") == [
        (plan[0], "ja", ""),
        (plan[1], "nee", "notitie"),
    ]


def test_quarterly_item_not_asked_again_next_month(frozen: Clock) -> None:
    plan = first_plan()
    assert run(["audit"], input=ONBOARD + answers(*["ja"] * len(plan))).exit_code == 0
    frozen.advance(days=31)
    content = load_content()
    history_items = set(plan)
    second_plan = [
        i
        for i in history_items
        if (found := content.item(i)) and found[1].frequency.value == "monthly"
    ]
    result = run(["audit"], input=answers(*["ja"] * len(plan)))
    assert f"1/{len(second_plan)} " in result.output


def test_killed_process_loses_no_answers_and_resumes(frozen: Clock, isolated: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    plan = first_plan()
    env = dict(os.environ, ONLINEVEILIG_HOME=str(isolated), NO_COLOR="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "onlineveilig", "audit"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(ONBOARD + answers("ja", "nee, morgen", "nvt"))
    proc.stdin.flush()  # the input stays open: the process waits for the fourth answer
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if (
                paths.database_path().exists()
                and db_rows("SELECT count(*) FROM answers")[0][0] == 3
            ):
                break
        except sqlite3.OperationalError:  # the file exists, its tables not yet
            pass
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert db_rows("SELECT answer, note FROM answers ORDER BY answered_at") == [
        ("ja", ""),
        ("nee", "morgen"),
        ("nvt", ""),
    ]
    resumed = run(["audit"], input=answers("", *["ja"] * len(plan)))
    assert resumed.exit_code == 0, resumed.output
    assert f"3 van {len(plan)} beantwoord" in resumed.output
    assert f"4/{len(plan)}" in resumed.output
