"""Hostile text in an incident (script tags, event handlers, javascript: links, rich markup,
ANSI, bidi controls) stays inert text in the HTML and Markdown export and the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from onlineveilig.incidents.export import render
from onlineveilig.incidents.export.build import Context, build
from onlineveilig.incidents.model import Change, Evidence, EvidenceKind

from .incident_samples import NOW, evidence_file, incident
from .test_report_safety import HOSTILE, assert_inert, markdown_as_html, visible


def hostile_incident(value: str, tmp_path: Path) -> object:
    shot = evidence_file(tmp_path, value + ".png", b"x", 1, note=value)
    link = Evidence(2, EvidenceKind.URL, NOW, note=value, url=value, seen_at=NOW)
    js = Evidence(3, EvidenceKind.URL, NOW, url="javascript:alert(1)", seen_at=NOW)
    return incident(
        started=value,
        channel=value,
        description=value + "\n" + value,
        who=value,
        actions=value,
        reported_to=value,
        support=value,
        evidence=(shot, link, js),
        history=(Change("who", value, value, NOW),),
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_inert_in_the_export(value: str, tmp_path: Path) -> None:
    record = hostile_incident(value, tmp_path)
    export = build(
        record,  # type: ignore[arg-type]
        Context("nl", NOW, "t", type_label=lambda t: value, report_to=value),
    )
    html = render.to_html(export)
    page = BeautifulSoup(html, "html.parser")
    assert_inert(page, html)
    assert not page.find_all("a")  # no address here is a safe https link
    shown = " ".join(page.get_text().split())
    assert visible(value).strip() in shown or value.startswith("\u202e")

    md = render.to_markdown(export)
    as_html = markdown_as_html(md)
    assert_inert(as_html, md)
    assert not as_html.find_all("a")
    assert visible(value).strip().replace("\ufffd", "") in as_html.get_text() or value.startswith(
        "\u202e"
    )


TERMINAL_HOSTILE = "[bold red]X[/] \x1b[2J\u202egnp.exe <script>alert(1)</script>"


def hostile_rules(tmp_path: Path) -> Path:
    path = tmp_path / "afspraken.toml"
    label = TERMINAL_HOSTILE.replace("\x1b", "\\u001b")
    path.write_text(
        f"""
[organisation]
name = "De Kade"
country = "nl"

[incidents]
report-to.nl = "{label}"
report-within-days = 5

[[incidents.types]]
id = "threats"
label.nl = "{label}"
""",
        encoding="utf-8",
    )
    return path


def test_hostile_rules_and_record_stay_inert_in_the_terminal(
    frozen: object, tmp_path: Path
) -> None:
    from .conftest import run
    from .incident_samples import saved_incident
    from .test_audit_cli import ONBOARD, answers, first_plan

    rules = hostile_rules(tmp_path)
    saved_incident(tmp_path, n_files=0, started=TERMINAL_HOSTILE)
    assert run(["config", "set", "rules", str(rules)]).exit_code == 0
    shown = run(["signalen"])
    assert shown.exit_code == 0, shown.output
    asked = run(["audit"], input=ONBOARD + answers("") + answers(*["ja"] * len(first_plan())))
    assert asked.exit_code == 0, asked.output
    for output in (shown.output, asked.output):
        assert "\x1b" not in output and "\u202e" not in output
    assert "[bold red]X[/]" in shown.output  # shown as typed, not taken as markup
    html = run(["incident", "export", "1", "--rules", str(rules), "-o", "-"]).stdout
    page = BeautifulSoup(html, "html.parser")
    assert_inert(page, html)
    assert "<script>alert(1)</script>" in page.get_text()  # the organisation's text, as text
