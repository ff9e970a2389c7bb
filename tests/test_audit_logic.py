"""What is due, what is open and the score: the rules a user relies on month after month."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from onlineveilig.audit import logic
from onlineveilig.audit.model import Answer, AnswerRecord, Audit, Status, parse_answer
from onlineveilig.content.loader import Content, load_content

from .helpers import write_content

T0 = datetime(2026, 1, 10, 9, 0).astimezone()


@pytest.fixture
def content(tmp_path: Path) -> Content:
    return load_content(write_content(tmp_path / "content"))


def rec(item: str, answer: str, days: int = 0, audit: int = 1, note: str = "") -> AnswerRecord:
    return AnswerRecord(audit, item, Answer(answer), note, T0 + timedelta(days=days))


def test_first_audit_asks_everything_that_applies(content: Content) -> None:
    assert logic.plan(content, {"tiktok"}, [], T0.date()) == [
        "maand",
        "kwartaal",
        "eenmaal",
        "extraatje",
    ]
    assert "fb-zoeken" in logic.plan(content, {"facebook"}, [], T0.date())
    # Before onboarding nobody knows the platforms: nothing is hidden.
    assert "fb-zoeken" in logic.plan(content, None, [], T0.date())


def test_next_month_skips_settled_quarterly_and_once_items(content: Content) -> None:
    history = [
        rec("maand", "ja"),
        rec("kwartaal", "ja"),
        rec("eenmaal", "ja"),
        rec("extraatje", "nvt"),
    ]
    month_later = (T0 + timedelta(days=31)).date()
    assert logic.plan(content, set(), history, month_later) == ["maand", "extraatje"]
    quarter_later = logic.add_months(T0.date(), 3)
    assert "kwartaal" in logic.plan(content, set(), history, quarter_later)
    assert "eenmaal" not in logic.plan(content, set(), history, quarter_later)


def test_no_and_later_come_back_next_time(content: Content) -> None:
    history = [rec("kwartaal", "nee"), rec("eenmaal", "later")]
    plan = logic.plan(content, set(), history, (T0 + timedelta(days=31)).date())
    assert "kwartaal" in plan and "eenmaal" in plan


def test_all_and_section_override_what_is_due(content: Content) -> None:
    history = [rec("kwartaal", "ja"), rec("eenmaal", "ja")]
    day = (T0 + timedelta(days=1)).date()
    assert "eenmaal" in logic.plan(content, set(), history, day, everything=True)
    assert logic.plan(content, {"facebook"}, history, day, section="fb") == ["fb-zoeken"]


def test_action_point_stays_open_with_its_first_date_until_yes() -> None:
    history = [
        rec("maand", "nee", 0, 1, "vraag IT"),
        rec("maand", "later", 30, 2),
        rec("maand", "nee", 60, 3),
    ]
    [action] = logic.open_actions(history)
    assert action.since == T0.date()
    assert action.note == "vraag IT"
    assert action.age_days(T0.date() + timedelta(days=61)) == 61
    assert logic.open_actions([*history, rec("maand", "ja", 90, 4)]) == []
    assert logic.open_actions([*history, rec("maand", "nvt", 90, 4)]) == []


def test_score_counts_essential_and_recommended_and_skips_nvt(content: Content) -> None:
    history = [
        rec("maand", "ja"),
        rec("kwartaal", "nee"),
        rec("eenmaal", "nvt"),
        rec("extraatje", "nee"),
    ]
    score = logic.score(content, set(), history)
    assert (score.in_order, score.counted, score.not_applicable, score.percent) == (1, 2, 1, 50)
    # An earlier answer to a quarterly item still counts next month.
    later = [*history, rec("maand", "ja", 31, 2)]
    assert logic.score(content, set(), later).percent == 50


def test_changes_since_previous_audit(content: Content) -> None:
    first = [rec("maand", "nee", 0, 1), rec("kwartaal", "nee", 0, 1)]
    previous = Audit(1, T0, T0 + timedelta(hours=1), Status.DONE, "due", [], {}, score=0)
    assert logic.changes(first, None) == logic.Changes([], [], None)
    second = [*first, rec("maand", "ja", 31, 2), rec("eenmaal", "nee", 31, 2)]
    changes = logic.changes(second, previous)
    assert changes.resolved == ["maand"]
    assert changes.new_actions == ["eenmaal"]
    assert changes.previous_score == 0


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
    ],
)
def test_next_month_never_skips_a_short_month(start: date, months: int, expected: date) -> None:
    assert logic.add_months(start, months) == expected


def test_due_after_one_month() -> None:
    done = Audit(1, T0, T0, Status.DONE, "due", [], {}, 80)
    assert logic.due([], T0.date()).is_due
    due = logic.due([done], T0.date() + timedelta(days=3))
    assert not due.is_due and due.next_due == date(2026, 2, 10)
    assert logic.due([done], date(2026, 2, 10)).is_due
    assert not logic.due([done], date(2026, 2, 10)).overdue
    assert logic.due([done], date(2026, 2, 11)).overdue


@pytest.mark.parametrize(
    ("typed", "answer", "note"),
    [
        ("ja", "ja", ""),
        ("J", "ja", ""),
        ("yes", "ja", ""),
        ("nee, vraag ik aan IT", "nee", "vraag ik aan IT"),
        ("n", "nee", ""),
        ("N.V.T.", "nvt", ""),
        ("n/a: no account", "nvt", "no account"),
        ("later", "later", ""),
        ("  nee: morgen  ", "nee", "morgen"),
        ("ja,", "ja", ""),
        ("nee – belangrijk", "nee", "belangrijk"),
    ],
)
def test_answers_are_read_forgivingly(typed: str, answer: str, note: str) -> None:
    assert parse_answer(typed) == (Answer(answer), note)


@pytest.mark.parametrize("typed", ["", "misschien", "jaa", "?"])
def test_unclear_answers_are_asked_again(typed: str) -> None:
    assert parse_answer(typed) is None


def test_score_chart_rises_with_the_score() -> None:
    from onlineveilig.ui.format import sparkline

    assert sparkline([0, 50, 100]) == "▁▄█"
    assert sparkline([58, 65, 82, None, 100]) == "▅▆▇ █"
