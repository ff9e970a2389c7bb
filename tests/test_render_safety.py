"""Hostile text goes through the one set of escaping rules (onlineveilig.render) in every renderer:
the report and the agreement sheet, as HTML and as Markdown. A hostile text must give a page of
exactly the same shape as a harmless one, and show what was written."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt

from onlineveilig import sheet
from onlineveilig.render import plain, safe_url
from onlineveilig.render.markdown import md
from onlineveilig.report import render_html, render_md
from onlineveilig.report.model import Finding, Report, SearchSummary

from .conftest import Clock, run
from .test_report import make_history

HARMLESS = "gewone tekst"
HOSTILE = [
    "<b>vet</b> <i>schuin</i> <u>onder</u>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)> <iframe src=//evil.example></iframe>",
    "javascript:alert(1)",
    "[klik](javascript:alert(3)) [hier](https://evil.example)",
    "![foto](https://evil.example/p.png)",
    "<https://evil.example> [x]: https://evil.example",
    "a | b | c",
    "| kop | kop |\n| --- | --- |\n| cel | cel |",
    "eerste regel\n\nnieuwe alinea\n# kop",
    "`code` ``dubbel`` ```blok```",
    "# kop",
    "1. lijst",
    "2) lijst",
    "- lijst",
    "+ lijst",
    "> citaat",
    "===",
    "---",
    "    ingesprongen",
    "*nadruk* _nadruk_ **vet** ~~weg~~",
    "&lt;script&gt; &amp; &#60;b&#62;",
    "<!-- verborgen",
    "\\*geen nadruk\\*",
    "rood \x1b[31mrood\x1b[0m",
    "tekst \u202eomgekeerd\u2066 \u200f",
    "nul\x00teken \x07bel \u2028regel",
]
BAD_URLS = [
    "http://plain.example/pagina",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://bank.example@evil.example/",
    "https://evil.example\\@bank.example/",
    "https://met spatie.example/",
    "https://omgekeerd.example/\u202eexe.txt",
    "//evil.example/",
    "https://",
]


def shape(page: BeautifulSoup) -> list[str]:
    """The document's elements in order, with the attributes that could act or point."""
    out = []
    for tag in page.find_all(True):
        assert isinstance(tag, Tag)
        kept = {k: v for k, v in tag.attrs.items() if k.startswith("on") or k in ("href", "src")}
        out.append(f"{tag.name} {sorted(kept)}")
    return out


def from_markdown(text: str) -> BeautifulSoup:
    """How a wiki shows the Markdown: CommonMark with raw HTML, tables and strikethrough."""
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return BeautifulSoup(parser.render(text), "html.parser")


def from_html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def shown(value: str) -> str:
    """What a reader should see of a hostile text: the text, one line, no control characters."""
    return " ".join(plain(value).replace("\ufffd", " ").split())


def words_of(page: BeautifulSoup) -> str:
    return " ".join(page.get_text().replace("\ufffd", " ").split())


def assert_raw_is_clean(raw: str) -> None:
    for character in ("\x1b", "\x00", "\x07", "\u202e", "\u2066", "\u200f", "\u2028"):
        assert character not in raw


# -- The renderers, each fed one text in every place untrusted text can go ----------------------


@pytest.fixture
def report_json(frozen: Clock) -> dict[str, object]:
    make_history(note="een notitie")
    data: dict[str, object] = json.loads(run(["report", "--format", "json", "-o", "-"]).stdout)
    return data


def report_with(data: dict[str, object], value: str) -> Report:
    report = Report.model_validate(data)
    sections = []
    for section in report.sections:
        items = [i.model_copy(update={"question": value, "note": value}) for i in section.items]
        sections.append(section.model_copy(update={"title": value, "items": items}))
    finding = Finding(
        title=value,
        category=value,
        status="open",
        first_seen=date(2026, 1, 5),
        url="https://ok.example/profiel",
        snippet=value,
        action=value,
    )
    search = SearchSummary(
        searched_on=date(2026, 2, 1), counts={value: 1}, new_since_previous=0, actions=[finding]
    )
    return report.model_copy(update={"sections": sections, "search": search})


def sheet_with(value: str, url: str | None = "https://portaal.example/") -> sheet.Sheet:
    line = sheet.Line(value, url)
    block = sheet.Block(value, [line, sheet.Line(value)], value, [value, value], [value])
    return sheet.Sheet("nl", False, value, value, [value], [block], value, [value], value)


Render = Callable[[str], tuple[str, BeautifulSoup]]


def renderers(data: dict[str, object]) -> dict[str, Render]:
    return {
        "report html": lambda v: (h := render_html.render(report_with(data, v)), from_html(h)),
        "report md": lambda v: (m := render_md.render(report_with(data, v)), from_markdown(m)),
        "sheet html": lambda v: (h := sheet.to_html(sheet_with(v)), from_html(h)),
        "sheet md": lambda v: (m := sheet.to_markdown(sheet_with(v)), from_markdown(m)),
    }


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_keeps_the_page_as_it_is_in_every_renderer(
    report_json: dict[str, object], value: str
) -> None:
    for name, render in renderers(report_json).items():
        raw, page = render(value)
        _raw, harmless = render(HARMLESS)
        # No new element, no lost one: no heading, list, table, code, image, script or link
        # that a harmless text would not have given.
        assert shape(page) == shape(harmless), name
        assert shown(value) in words_of(page), name
        assert_raw_is_clean(raw)


def test_a_newline_in_a_table_cell_stays_in_its_cell(report_json: dict[str, object]) -> None:
    report = report_with(report_json, "eerste | tweede\n| derde")
    page = from_html(render_html.render(report))
    counts = page.select_one("#search table")
    assert counts is not None
    assert [len(row.find_all("td")) for row in counts.select("tbody tr")] == [2]
    markdown = from_markdown(render_md.render(report))
    assert not markdown.find_all("table")
    assert "eerste | tweede | derde" in words_of(markdown)


# -- Links: one rule, the stricter one, in the report and the sheet alike --------------------------


@pytest.mark.parametrize("url", BAD_URLS)
def test_an_unsafe_address_is_never_a_link(report_json: dict[str, object], url: str) -> None:
    assert safe_url(url) is None
    report = report_with(report_json, HARMLESS)
    assert report.search is not None
    finding = report.search.actions[0].model_copy(update={"url": url})
    report = report.model_copy(
        update={"search": report.search.model_copy(update={"actions": [finding]})}
    )
    page = from_html(render_html.render(report))
    assert not page.select("#findings a")
    assert shown(url) in words_of(page)  # still shown, as text
    assert not from_markdown(render_md.render(report)).find_all("a")

    made = sheet_with(HARMLESS, url)
    assert not from_html(sheet.to_html(made)).select("a")
    assert not from_markdown(sheet.to_markdown(made)).find_all("a")


def test_a_safe_address_is_a_link_with_nothing_that_breaks_out(
    report_json: dict[str, object],
) -> None:
    url = "https://ok.example/a\"b'c<d>e`f\\g?q=1&r=2#top"
    wanted = "https://ok.example/a%22b%27c%3Cd%3Ee%60f%5Cg?q=1&r=2#top"
    assert safe_url(url) == wanted
    report = report_with(report_json, HARMLESS)
    assert report.search is not None
    finding = report.search.actions[0].model_copy(update={"url": url})
    report = report.model_copy(
        update={"search": report.search.model_copy(update={"actions": [finding]})}
    )
    links = from_html(render_html.render(report)).select("#findings a")
    assert [a["href"] for a in links] == [wanted]
    assert links[0]["rel"] == ["noopener", "noreferrer"]
    made = sheet_with(HARMLESS, url)
    links = from_html(sheet.to_html(made)).select("a")
    assert [a["href"] for a in links] == [wanted]
    assert links[0]["rel"] == ["noopener", "noreferrer"]
    assert [a["href"] for a in from_markdown(sheet.to_markdown(made)).find_all("a")] == [wanted]
    # Found addresses stay code in the report's Markdown: shown, never clickable.
    assert not from_markdown(render_md.render(report)).find_all("a")


def test_markdown_escaper_protects_what_both_old_ones_did() -> None:
    # The report's escaper protected "!", the sheet's a list, heading or quote at a line start.
    assert md("![x](y)") == "\\!\\[x\\](y)"
    assert md("1. een") == "1\\. een"
    assert md("# kop") == "\\# kop"
    assert md("  - lijst ") == "\\- lijst"
