"""One order of open action points everywhere: priority (essential first), then checklist order.

The status, the end of the audit and the report (Markdown, HTML and JSON) list them alike.
"""

from __future__ import annotations

import json
import re

from onlineveilig import clock, paths
from onlineveilig.audit import logic
from onlineveilig.content.data import Priority
from onlineveilig.content.loader import load_content
from onlineveilig.store.repo import Store

from .conftest import Clock, run

ONBOARD = "facebook\n\n\n\n"


def _questions(ids: list[str], lang: str = "nl") -> list[str]:
    content = load_content()
    found = [content.item(i) for i in ids]
    return [f[1].question.get(lang) for f in found if f is not None]


def _order_in(output: str, questions: list[str]) -> list[int]:
    # The table may wrap a question: compare the first words, with spaces evened out.
    flat = re.sub(r"[\s│┃|]+", " ", output)
    return [flat.index(" ".join(q.split()[:4])) for q in questions]


def _audit_with_three_open_points() -> tuple[str, list[str]]:
    """The first checklist item (essential), the second (recommended) and the third (essential)
    answered no: the expected order is first, third, second."""
    content = load_content()
    plan = logic.plan(content, {"facebook"}, [], clock.today())
    first, second, third = plan[:3]
    priority = {i: content.item(i)[1].priority for i in plan[:3]}  # type: ignore[index]
    assert priority == {
        first: Priority.ESSENTIAL,
        second: Priority.RECOMMENDED,
        third: Priority.ESSENTIAL,
    }
    answers = ["nee, eerste", "nee, tweede", "nee, derde"] + ["ja"] * (len(plan) + 5)
    result = run(["audit"], input=ONBOARD + "\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    return result.output, [first, third, second]


def test_status_audit_summary_and_report_list_open_points_in_one_order(frozen: Clock) -> None:
    summary, expected = _audit_with_three_open_points()
    questions = _questions(expected)
    table = summary[summary.index("Open actiepunten") :]
    assert _order_in(table, questions) == sorted(_order_in(table, questions))

    status = run(["status"]).output
    assert _order_in(status, questions) == sorted(_order_in(status, questions))
    data = json.loads(run(["status", "--json"]).stdout)
    assert [a["item"] for a in data["open_actions"]] == expected

    report = json.loads(run(["report", "--format", "json", "-o", "-"]).stdout)
    assert report["open_actions"] == expected
    markdown = run(["report", "--format", "md", "-o", "-"]).stdout
    part = markdown[markdown.index("## Open actiepunten") : markdown.index("## Per onderdeel")]
    assert _order_in(part, questions) == sorted(_order_in(part, questions))
    html = run(["report", "--format", "html", "-o", "-"]).stdout
    points = html[html.index('id="open-points"') : html.index("</ul>", html.index("open-points"))]
    assert _order_in(points, questions) == sorted(_order_in(points, questions))


def test_new_action_points_at_the_end_of_the_audit_come_in_the_same_order(
    frozen: Clock,
) -> None:
    content = load_content()
    plan = logic.plan(content, {"facebook"}, [], clock.today())
    result = run(["audit"], input=ONBOARD + "\n".join(["ja"] * (len(plan) + 5)) + "\n")
    assert result.exit_code == 0, result.output
    frozen.advance(days=31)
    with Store(paths.database_path()) as store:
        plan = logic.plan(content, {"facebook"}, store.history(), clock.today())
    # The first two essential items asked and the first other one.
    rank = {p: n for n, p in enumerate(Priority)}
    priority = {i: rank[content.item(i)[1].priority] for i in plan}  # type: ignore[index]
    essential = [i for i in plan if priority[i] == 0][:2]
    other = next(i for i in plan if priority[i] > 0)
    chosen = {other: "nee, later punt", essential[0]: "nee, eerste", essential[1]: "nee, derde"}
    answers = [chosen.get(i, "ja") for i in plan] + ["ja"] * 5
    second = run(["audit"], input="\n".join(answers) + "\n").output
    new = second[second.index("Nieuwe actiepunten:") : second.index("Open actiepunten")]
    questions = _questions([essential[0], essential[1], other])
    assert _order_in(new, questions) == sorted(_order_in(new, questions))


def test_essential_before_recommended_then_checklist_order() -> None:
    content = load_content()
    ids = [item.id for _s, item in content.items()]
    from datetime import datetime

    from onlineveilig.audit.model import Answer, AnswerRecord

    # The last item first, the first item last: opened in the reverse of the checklist order.
    chosen = [ids[-1], ids[1], ids[0], "no-longer-in-the-checklist"]
    history = [
        AnswerRecord(1, item_id, Answer.NEE, "", datetime(2026, 1, 1 + n))
        for n, item_id in enumerate(chosen)
    ]
    ordered = [a.item_id for a in logic.ordered_actions(content, history)]
    rank = {p: n for n, p in enumerate(Priority)}
    known = [i for i in ordered if content.item(i)]
    keys = [(rank[content.item(i)[1].priority], ids.index(i)) for i in known]  # type: ignore[index]
    assert keys == sorted(keys)
    assert ordered[-1] == "no-longer-in-the-checklist"


def test_the_column_says_how_long_a_point_is_open_in_both_languages(frozen: Clock) -> None:
    _audit_with_three_open_points()
    english = run(["--lang", "en", "status"]).output
    header = next(line for line in english.splitlines() if "Open since" in line)
    assert "Open for" in header and "For " not in header.replace("Open for", "")
    assert "less than a day" in english and "today" not in english.replace("(today)", "")
    frozen.advance(days=40)
    english = run(["--lang", "en", "status"]).output
    assert "5 weeks" in english and "less than a day" not in english
    dutch = run(["--lang", "nl", "status"]).output
    header = next(line for line in dutch.splitlines() if "Open sinds" in line)
    assert "Al open" in header and "5 weken" in dutch


def test_carrying_on_with_an_unfinished_audit_lists_open_points_in_the_same_order(
    frozen: Clock,
) -> None:
    _summary, (first, third, second) = _audit_with_three_open_points()
    frozen.advance(days=31)
    paused = run(["audit"], input="nee, nog steeds\nstop\n")  # the first point, then a pause
    assert "Gepauzeerd" in paused.output
    resumed = run(["audit"], input="ja\nstop\n").output
    assert "Je hebt een niet-afgeronde controle" in resumed
    table = resumed[resumed.index("Open actiepunten") : resumed.index("Je online aanwezigheid")]
    # Checklist order is second, third; the one order puts the essential third first.
    questions = _questions([third, second])
    assert _order_in(table, questions) == sorted(_order_in(table, questions))
    status = run(["status"]).output
    assert _order_in(status, questions) == sorted(_order_in(status, questions))


def test_status_says_when_the_unfinished_audit_changes_the_open_points(frozen: Clock) -> None:
    _audit_with_three_open_points()
    line = "Inclusief je antwoorden uit de niet-afgeronde controle."
    assert line not in run(["status"]).output  # only the finished audit: the report's list
    frozen.advance(days=31)
    run(["audit"], input="ja\nstop\n")  # the first open point put in order, then a pause
    status = run(["status"])
    assert "niet-afgeronde controle" in status.output
    assert line in " ".join(status.output.split())
    assert json.loads(run(["status", "--json"]).stdout)["open_actions_include_unfinished"]
    report = json.loads(run(["report", "--format", "json", "-o", "-"]).stdout)
    assert len(report["open_actions"]) == 3  # the report is about the finished audit
    assert len(json.loads(run(["status", "--json"]).stdout)["open_actions"]) == 2


def test_an_unfinished_audit_that_changes_nothing_adds_no_line(frozen: Clock) -> None:
    _audit_with_three_open_points()
    frozen.advance(days=31)
    run(["audit"], input="nee, nog steeds\nstop\n")  # the same answer as before
    assert "Inclusief je antwoorden" not in run(["status"]).output
