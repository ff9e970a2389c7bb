"""What the audit says: answers never taken as notes, pauses, the repeat month, 80 columns."""

from __future__ import annotations

from pathlib import Path

from onlineveilig.content.loader import load_content

from .conftest import Clock, run
from .test_audit_cli import ONBOARD, answers, db_rows, first_plan


def flat(output: str) -> str:
    return " ".join(output.split())


def test_the_note_prompt_after_no_says_what_it_asks(frozen: Clock) -> None:
    plan = first_plan()
    result = run(["audit"], input=ONBOARD + answers("nee", "", *["ja"] * len(plan)))
    assert result.exit_code == 0, result.output
    assert "Bewaard als 'nee' (een actiepunt). Een notitie erbij?" in result.output
    assert db_rows("SELECT answer, note FROM answers ORDER BY answered_at LIMIT 1") == [("nee", "")]


def test_an_answer_typed_ahead_at_the_note_prompt_is_not_saved_as_the_note(
    frozen: Clock,
) -> None:
    plan = first_plan()
    typed = answers("nee", "nvt", "ja", "", *["ja"] * len(plan))
    result = run(["audit"], input=ONBOARD + typed)
    assert result.exit_code == 0, result.output
    said = "Dat is een antwoord, geen notitie: het antwoord blijft 'nee'. Typ een notitie"
    assert result.output.count(said) == 2  # asked again after 'nvt' and after 'ja'
    assert db_rows("SELECT note FROM answers WHERE note != ''") == []
    assert db_rows("SELECT answer, count(*) FROM answers GROUP BY answer") == [
        ("ja", len(plan) - 1),
        ("nee", 1),
    ]


def test_a_real_note_after_an_answer_word_is_kept(frozen: Clock) -> None:
    plan = first_plan()
    result = run(
        ["audit"], input=ONBOARD + answers("nee", "ja", "ik vraag het aan IT", *["ja"] * len(plan))
    )
    assert result.exit_code == 0, result.output
    assert db_rows("SELECT note FROM answers WHERE answer = 'nee'") == [("ik vraag het aan IT",)]


def test_stop_at_the_note_prompt_pauses_and_keeps_the_answer(frozen: Clock) -> None:
    result = run(["audit"], input=ONBOARD + answers("nee", "stop"))
    assert result.exit_code == 130
    assert "Gepauzeerd. Je antwoord is bewaard (1)." in result.output
    assert db_rows("SELECT answer, note FROM answers") == [("nee", "")]


def test_pausing_before_any_answer_says_nothing_is_lost(frozen: Clock) -> None:
    result = run(["audit"], input=ONBOARD + answers("stop"))
    assert result.exit_code == 130
    assert "Er is nog niets beantwoord, dus er gaat niets verloren." in result.output
    assert "0 antwoorden" not in result.output


def test_the_pause_message_uses_no_developer_words(frozen: Clock) -> None:
    result = run(["audit"], input=ONBOARD + answers("ja", "stop"))
    assert "Start de controle opnieuw (onlineveilig audit)" in result.output
    for words in ("make run", "in de map van onlineveilig"):
        assert words not in flat(result.output)
    english = run(["--lang", "en", "audit"], input=answers("yes", "ja", "stop"))
    assert "Start the audit again (onlineveilig audit)" in english.output
    assert "make run" not in english.output


def test_a_question_of_an_unloaded_checklist_is_explained_in_words(
    frozen: Clock, tmp_path: Path
) -> None:
    from .helpers import item, section

    org = tmp_path / "org.toml"
    org.write_text(section("eigen", 90, item("een-vraag"), item("twee-vraag")), encoding="utf-8")
    first = run(
        ["audit", "--checklist", str(org), "--section", "eigen"], input=ONBOARD + "ja\nstop\n"
    )
    assert first.exit_code == 130
    result = run(["audit"], input="stop\n")
    out = flat(result.output)
    assert "start de controle met de checklist van je organisatie" in out
    assert "onlineveilig audit --checklist gevolgd door het bestand" in out
    assert "BESTAND" not in out and "FILE" not in out


def test_the_start_says_how_many_questions_and_about_how_long(frozen: Clock) -> None:
    plan = first_plan()
    result = run(["audit"], input=ONBOARD + answers(*["ja"] * len(plan)))
    out = flat(result.output)
    assert f"{len(plan)} vragen. Ongeveer " in out and " minuten." in out
    assert "vorige keer in orde" not in out  # a first month: nothing was in order before


def test_a_repeat_month_shows_items_in_order_in_one_line(frozen: Clock) -> None:
    plan = first_plan()
    assert run(["audit"], input=ONBOARD + answers(*["ja"] * len(plan))).exit_code == 0
    first_cards = run(["history", "--json"])  # the first month is done
    assert first_cards.exit_code == 0
    frozen.advance(days=31)
    result = run(["audit"], input=answers("?", *["ja"] * len(plan)))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "waren de vorige keer in orde en worden kort getoond" in flat(out)
    assert "? toont de stappen opnieuw" in out
    assert out.count("Zo doe je het:") == 1  # only the steps asked for with '?'
    assert "Waarom:" not in out  # the why sits in the question's line
    content = load_content()
    found = content.item(plan[0])
    assert found is not None
    first_step = found[1].steps.get("nl")[0]
    assert flat(first_step) in flat(out)  # '?' printed the steps of the first question


def test_onboarding_shows_whole_descriptions_at_80_columns(frozen: Clock) -> None:
    result = run(["audit"], input="stop\n", env={"COLUMNS": "80"})
    out = flat(result.output)
    assert "…" not in result.output
    for platform in load_content().platforms:
        assert flat(f"{platform.name} — {platform.summary.get('nl')}") in out
    assert all(len(line) <= 80 for line in result.output.splitlines())
