"""The audit session without a terminal: resume, start afresh, what each card shows, the result."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from onlineveilig.audit import logic, session
from onlineveilig.audit.model import Answer, Status, is_answer_word
from onlineveilig.content.loader import load_content
from onlineveilig.store.repo import Store

START = datetime(2026, 3, 2, 10, 0).astimezone()
PLATFORMS = {"facebook"}


def first_month(store: Store, answer: Answer = Answer.JA) -> session.Result:
    content = load_content()
    new = session.new_audit(store, content, PLATFORMS, START.date())
    current = session.start(store, content, new, START)
    asked = session.questions(content, store.history(), current, None)
    for n, question in enumerate(asked):
        session.answer(store, current, question, answer, "", START + timedelta(seconds=n), "nl")
    return session.finish(store, content, PLATFORMS, current, START + timedelta(hours=1))


def test_a_first_month_asks_everything_in_full_and_finishes_with_a_score(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        content = load_content()
        new = session.new_audit(store, content, PLATFORMS, START.date())
        assert new.scope == "due" and new.early_until is None
        current = session.start(store, content, new, START)
        asked = session.questions(content, store.history(), current, None)
        assert [q.position for q in asked] == list(range(1, len(new.plan) + 1))
        assert not any(q.in_order for q in asked)  # nothing was answered before: every card full
        assert session.minutes(asked) >= len(asked) // 2
        result = first_month(store)
        # The first audit above is still open: the helper finishes a second, complete one.
        assert result.score.percent == 100 and result.actions == []
        assert result.next_due == logic.add_months(START.date(), 1)
        assert not result.partial


def test_a_repeat_month_shows_what_was_in_order_in_short_and_takes_less_time(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        content = load_content()
        first_month(store)
        later = START + timedelta(days=31)
        new = session.new_audit(store, content, PLATFORMS, later.date())
        current = session.start(store, content, new, later)
        asked = session.questions(content, store.history(), current, None)
        assert asked and all(q.in_order for q in asked)
        assert all(q.previous is not None and q.previous.answer == Answer.JA for q in asked)
        first = session.questions(
            content, [], session.start(store, content, new, later), None
        )  # the same questions without a history
        assert session.minutes(asked) < session.minutes(first)


def test_an_open_action_point_is_never_shown_in_short(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        content = load_content()
        first_month(store, Answer.NEE)
        later = START + timedelta(days=31)
        current = session.start(
            store, content, session.new_audit(store, content, PLATFORMS, later.date()), later
        )
        asked = session.questions(content, store.history(), current, None)
        assert asked and all(q.action is not None and not q.in_order for q in asked)


def test_a_paused_audit_is_offered_and_an_empty_one_is_dropped(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        content = load_content()
        new = session.new_audit(store, content, PLATFORMS, START.date())
        empty = session.start(store, content, new, START)
        assert session.unfinished(store, content) is None  # left without answers: forgotten
        assert store.audit(empty.id) is None

        current = session.start(store, content, new, START)
        question = session.questions(content, [], current, None)[0]
        session.answer(store, current, question, Answer.NVT, "", START, "nl")
        paused = session.unfinished(store, content)
        assert paused is not None and paused.audit.answered == 1 and paused.missing == 0
        resumed = session.questions(content, store.history(), paused.audit, None)
        assert resumed[0].position == 2  # the answered question is not asked again

        session.abandon(store, paused.audit)
        assert session.unfinished(store, content) is None
        assert [a.status for a in store.audits()] == [Status.ABANDONED]


def test_questions_from_a_checklist_that_is_not_loaded_are_counted(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        content = load_content()
        plan = session.new_audit(store, content, PLATFORMS, START.date()).plan
        current = session.start(
            store, content, session.NewAudit([*plan, "eigen-vraag"], "due", None), START
        )
        question = session.questions(content, [], current, None)[0]
        assert question.total == len(plan)  # the unloaded question is not counted as asked
        session.answer(store, current, question, Answer.JA, "", START, "nl")
        paused = session.unfinished(store, content)
        assert paused is not None and paused.missing == 1


def test_the_estimate_counts_a_new_question_longer_than_one_in_order() -> None:
    assert session.SECONDS_NEW > session.SECONDS_IN_ORDER
    assert session.minutes([]) == 1


def test_only_a_bare_answer_word_is_not_a_note() -> None:
    for word in ("ja", "nee", "nvt", "later", "yes", "no", "n/a", "N.v.t."):
        assert is_answer_word(word)
    for note in ("later vragen aan IT", "wachtwoord kwijt", "nee, morgen", ""):
        assert not is_answer_word(note)
