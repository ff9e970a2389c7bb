"""Points asked every three months or once a year come back by themselves, and `status` says so."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from onlineveilig.audit import logic
from onlineveilig.audit.model import Answer, AnswerRecord
from onlineveilig.content.loader import Content, load_content

from .conftest import Clock, run
from .helpers import item, write_content
from .test_status_history import full_audit

T0 = datetime(2026, 1, 10, 9, 0).astimezone()


def _content(tmp_path: Path) -> Content:
    basis = (
        item("maand")
        + item("kwartaal", "quarterly")
        + item("jaarlijks", "yearly", "recommended")
        + item("uitgesteld", "yearly")
    )
    return load_content(write_content(tmp_path / "content", basis))


def rec(item_id: str, answer: str, days: int = 0) -> AnswerRecord:
    return AnswerRecord(1, item_id, Answer(answer), "", T0 + timedelta(days=days))


def test_a_yearly_point_in_order_comes_back_after_twelve_months(tmp_path: Path) -> None:
    content = _content(tmp_path)
    history = [rec("maand", "ja"), rec("kwartaal", "ja"), rec("jaarlijks", "ja")]
    eleven = logic.add_months(T0.date(), 11)
    assert "jaarlijks" not in logic.plan(content, set(), history, eleven)
    assert "kwartaal" in logic.plan(content, set(), history, eleven)
    assert "jaarlijks" in logic.plan(content, set(), history, logic.add_months(T0.date(), 12))


def test_coming_back_names_only_points_that_were_in_order(tmp_path: Path) -> None:
    content = _content(tmp_path)
    history = [
        rec("maand", "ja"),  # asked every month anyway
        rec("kwartaal", "nee"),  # an open action point: shown as such, not as coming back
        rec("jaarlijks", "nvt"),
        rec("uitgesteld", "ja"),
        rec("uitgesteld", "later", 1),  # put off: asked again anyway
    ]
    in_a_year = logic.add_months(T0.date(), 12)
    [back] = logic.coming_back(content, set(), history, in_a_year)
    assert back.item.id == "jaarlijks" and back.returns == in_a_year
    assert logic.coming_back(content, set(), history, logic.add_months(T0.date(), 11)) == []


def test_status_says_which_points_come_back_in_the_next_audit(frozen: Clock) -> None:
    full_audit()
    content = load_content()
    assert "Komt terug" not in run(["status"]).output  # a month later nothing comes back yet

    frozen.advance(days=92)  # the audit is overdue; the three-monthly points are due again
    out = " ".join(run(["status"]).output.split())
    quarterly = [
        i["item"]
        for i in json.loads(run(["status", "--json"]).stdout)["coming_back"]
        if i["frequency"] == "quarterly"
    ]
    assert quarterly and all(
        (found := content.item(i)) and found[1].frequency.value == "quarterly" for i in quarterly
    )
    assert f"Komt terug in de volgende controle: {len(quarterly)} punten die je elke drie " in out
    assert "één keer per jaar" not in out

    frozen.advance(days=300)  # more than a year after the audit: the yearly points too
    out = " ".join(run(["status"]).output.split())
    assert "punten die je één keer per jaar nakijkt." in out
    english = " ".join(run(["--lang", "en", "status"]).output.split())
    assert "Coming back in the next audit:" in english and "once a year" in english
