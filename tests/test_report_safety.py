"""Hostile text in a report stays text, and the HTML loads nothing from anywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from onlineveilig import i18n
from onlineveilig.report import render_html, render_md
from onlineveilig.report.model import Finding, Report, SearchSummary

from .conftest import Clock, run
from .test_report import make_history

HOSTILE = [
    "<script>alert(1)</script>",
    '" onmouseover="x',
    "javascript:alert(1)",
    "[bold red]x[/]",
    "\x1b[31mrood\x1b[0m",
    "\u202egnitirw",
    "<b>vet</b> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) ![p](http://evil.example/p.png)",
    "<a href='https://evil.example'>hier</a> <iframe src=//evil.example></iframe> &lt;script&gt;",
]
LOADING = (
    "src",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "srcset",
    "poster",
    "data",
    "background",
)


def markdown_as_html(text: str) -> BeautifulSoup:
    """How a wiki would show the Markdown: CommonMark with raw HTML allowed."""
    return BeautifulSoup(MarkdownIt("commonmark", {"html": True}).render(text), "html.parser")


def assert_inert(page: BeautifulSoup, raw: str) -> None:
    assert not page.find_all(["script", "iframe", "img", "object", "embed", "link", "i"])
    assert not [b for b in page.find_all("b") if b.get_text() == "vet"]
    for tag in page.find_all(True):
        assert isinstance(tag, Tag)
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), (tag.name, attribute)
            assert "javascript:" not in str(value).lower(), (tag.name, attribute, value)
    for anchor in page.find_all("a"):
        assert isinstance(anchor, Tag)
        assert "evil.example" not in str(anchor.get("href", ""))
    for character in ("\x1b", "\u202e"):
        assert character not in raw


def visible(value: str) -> str:
    """The part of a hostile string a reader should still see."""
    return value.replace("\x1b[31m", "").replace("\x1b[0m", "").replace("\u202e", "")


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_note_is_inert_in_html_and_markdown(frozen: Clock, note: str) -> None:
    make_history(note=note)
    html = run(["report", "-o", "-"]).stdout
    page = BeautifulSoup(html, "html.parser")
    assert_inert(page, html)
    assert visible(note).strip() in " ".join(page.get_text().split()) or note.startswith("\u202e")

    md = run(["report", "--format", "md", "-o", "-"]).stdout
    shown = markdown_as_html(md)
    assert_inert(shown, md)
    assert visible(note).strip().replace("\ufffd", "") in shown.get_text() or note.startswith(
        "\u202e"
    )


def test_hostile_checklist_titles_and_questions(frozen: Clock, tmp_path: Path) -> None:
    make_history()
    org = tmp_path / "organisatie.toml"
    org.write_text(
        """
id = "eigen"
version = 1
order = 90
title.nl = "<script>alert('titel')</script> [bold red]x[/]"

[[items]]
id = "eigen-vraag"
priority = "essential"
frequency = "monthly"
question.nl = "\\" onmouseover=\\"x <img src=x onerror=alert(1)> javascript:alert(1) \\u001b[31m \\u202e"
why.nl = "Omdat."
steps.nl = ["Doen."]
""",
        encoding="utf-8",
    )
    assert run(["config", "set", "checklist", str(org)]).exit_code == 0
    html = run(["report", "-o", "-"]).stdout
    page = BeautifulSoup(html, "html.parser")
    assert_inert(page, html)
    section = page.select_one("#section-eigen")
    assert section is not None
    assert "<script>alert('titel')</script> [bold red]x[/]" in section.get_text()
    assert "onmouseover" in section.get_text()  # shown as text, not an attribute
    md = run(["report", "--format", "md", "-o", "-"]).stdout
    assert_inert(markdown_as_html(md), md)
    assert "<script>alert('titel')</script>" in markdown_as_html(md).get_text()


def report_with_findings(frozen: Clock) -> Report:
    make_history()
    report = Report.model_validate_json(run(["report", "--format", "json", "-o", "-"]).stdout)
    findings = [
        Finding(
            title="<script>alert(1)</script> Profiel op een sportclubsite",
            category="profile",
            status="open",
            first_seen=date(2026, 1, 5),
            url="https://sportclub.example/leden/anna",
            snippet="<b>Anna</b> \x1b[31m traint op dinsdag",
        ),
        Finding(
            title="Foto",
            category="image",
            status="open",
            first_seen=date(2026, 1, 5),
            url="javascript:alert(1)",
        ),
        Finding(
            title="Vermelding",
            category="mention",
            status="done",
            first_seen=date(2026, 1, 5),
            url='https://krant.example/a" onclick="alert(1)',
        ),
    ]
    search = SearchSummary(
        searched_on=date(2026, 2, 1),
        counts={"profile": 3, "image": 1, "<i>mention</i>": 2},
        new_since_previous=2,
        actions=findings,
    )
    return report.model_copy(update={"search": search})


def test_findings_links_are_plain_or_noopener(frozen: Clock) -> None:
    report = report_with_findings(frozen)
    html = render_html.render(report)
    page = BeautifulSoup(html, "html.parser")
    assert_inert(page, html)
    links = page.select("#findings a")
    assert [a["href"] for a in links] == ["https://sportclub.example/leden/anna"]
    assert links[0]["rel"] == ["noopener", "noreferrer"]
    text = page.select_one("#findings")
    assert text is not None
    assert "javascript:alert(1)" in text.get_text()  # shown, not a link
    assert 'onclick="alert(1)' in text.get_text()
    assert "<i>mention</i>" in page.get_text()
    attention = page.select_one("#attention")
    assert attention is not None

    md = render_md.render(report)
    shown = markdown_as_html(md)
    assert_inert(shown, md)
    assert not shown.find_all("a")  # addresses are code spans in Markdown, never links
    assert "https://sportclub.example/leden/anna" in shown.get_text()


def test_html_loads_nothing_from_elsewhere(frozen: Clock) -> None:
    i18n.set_language("nl")
    report = report_with_findings(frozen)
    for html in (render_html.render(report), run(["report", "--with-name", "-o", "-"]).stdout):
        page = BeautifulSoup(html, "html.parser")
        for tag in page.find_all(True):
            assert isinstance(tag, Tag)
            for attribute in LOADING:
                value = tag.get(attribute)
                if value is None:
                    continue
                value = " ".join(value) if isinstance(value, list) else str(value)
                if (
                    value.startswith(("#", "data:"))
                    or "://" not in value
                    and not value.startswith("//")
                ):
                    continue
                # Only a finding's own address may point elsewhere, as a link that shares nothing.
                assert tag.name == "a" and "finding-url" in tag.get("class", []), (tag, attribute)
                assert tag.get("rel") == ["noopener", "noreferrer"]
        style = " ".join(s.get_text() for s in page.find_all("style"))
        assert "url(" not in style and "@import" not in style
        policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert isinstance(policy, Tag) and "default-src 'none'" in str(policy["content"])


def test_for_colleague_drops_finding_addresses(frozen: Clock) -> None:
    from onlineveilig.content.loader import load_content
    from onlineveilig.paths import database_path
    from onlineveilig.report.build import Options, build
    from onlineveilig.store.repo import Store

    search = report_with_findings(frozen).search
    with Store(database_path()) as store:
        audits, history = store.audits(), store.history()

    def report(options: Options) -> Report:
        return build(
            audits,
            history,
            load_content(),
            platforms={"facebook", "whatsapp"},
            name=None,
            options=options,
            now=frozen.moment,
            generator="onlineveilig test",
            search=search,
        )

    shared = report(Options(for_colleague=True))
    assert shared.search is not None
    assert {(f.url, f.snippet) for f in shared.search.actions} == {(None, None)}
    assert shared.search.actions[1].title == "Foto"  # titles stay
    html = render_html.render(shared)
    assert "sportclub.example" not in html and "traint op dinsdag" not in html
    assert "search results" in html or "zoekresultaten" in html  # says they were left out
    asked = report(Options(for_colleague=True, with_findings=True))
    assert asked.search is not None and asked.search.actions[0].url is not None
