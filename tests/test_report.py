"""`onlineveilig report`: the file a user shows a colleague, per option, as they would run it."""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from onlineveilig import paths
from onlineveilig.audit import logic
from onlineveilig.audit.model import Answer
from onlineveilig.content.loader import Content, load_content
from onlineveilig.report.model import Report
from onlineveilig.store.repo import Store

from .conftest import Clock, run

PLATFORMS = {"facebook", "whatsapp"}
FIRST = datetime(2025, 12, 1, 9, 30).astimezone()
SECOND = datetime(2026, 2, 2, 9, 30).astimezone()
AGREEMENT = "alleen-werkgegevens"  # an item of the section about agreements with clients


@dataclass
class History:
    long_open: str  # open since the first audit, still open
    resolved: str  # open after the first audit, in order after the second
    new: str  # open since the second audit
    note: str  # the note on long_open


def make_history(
    *, note: str = "vraag ik aan IT", name: str | None = "Anna Peeters", second: bool = True
) -> History:
    """Two finished audits, written through the Store the way `audit` writes them."""
    content = load_content()
    with Store(paths.database_path()) as store:
        profile: dict[str, str | None] = {"platforms": ",".join(sorted(PLATFORMS)), "city": "Gent"}
        if name:
            profile["name"] = name
        store.set_profile(profile)
        plan = logic.plan(content, PLATFORMS, [], FIRST.date())
        monthly = [
            i
            for i in plan
            if i != AGREEMENT and (f := content.item(i)) and f[1].frequency.value == "monthly"
        ]
        long_open, resolved, new = monthly[0], monthly[1], monthly[2]
        finish(store, content, plan, FIRST, {long_open: note, resolved: ""})
        if second:
            plan = logic.plan(content, PLATFORMS, store.history(), SECOND.date())
            finish(store, content, plan, SECOND, {long_open: "", new: "", AGREEMENT: "privénummer"})
    return History(long_open, resolved, new, note)


def finish(
    store: Store, content: Content, plan: list[str], start: datetime, no: dict[str, str]
) -> None:
    """One finished audit: 'nee' with its note for the items in `no`, 'ja' for the rest."""
    audit = store.start_audit(plan, "due", content.versions(), start)
    moment = start
    for item_id in plan:
        moment += timedelta(seconds=30)
        found = content.item(item_id)
        assert found is not None
        answer = Answer.NEE if item_id in no else Answer.JA
        question = found[1].question.get("nl")
        store.save_answer(audit.id, item_id, answer, no.get(item_id, ""), question, moment)
    score = logic.score(content, PLATFORMS, store.history())
    store.finish(
        audit.id, moment + timedelta(minutes=1), score.percent, score.in_order, score.counted
    )


def question(item_id: str, lang: str = "nl") -> str:
    found = load_content().item(item_id)
    assert found is not None
    return found[1].question.get(lang)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def default_file() -> Path:
    return paths.export_dir() / "onlineveilig-verslag-2026-02-02.html"


def test_default_html_report_of_latest_audit(frozen: Clock) -> None:
    h = make_history()
    result = run(["report"])
    assert result.exit_code == 0, result.output
    path = default_file()
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert str(path) in result.stderr and result.stdout == ""
    page = soup(path.read_text(encoding="utf-8"))
    assert page.html is not None and page.html["lang"] == "nl"
    assert page.h1 is not None and "2 februari 2026" in page.h1.get_text()
    # Score with its explanation, and the chart of both audits with their scores as text.
    assert page.select_one("#score .score-number") is not None
    chart = page.select_one("#score figure svg")
    assert chart is not None
    assert len(chart.select("circle")) == 2 and len(chart.select("polyline")) == 1
    labels = [t.get_text() for t in chart.select("text.chart-value")]
    history = json.loads(run(["history", "--json"]).stdout)["audits"]
    assert labels == [str(a["score"]) for a in history]
    # Open action points with how long, what was resolved since the first audit.
    open_points = page.select_one("#open-points")
    assert open_points is not None
    open_text = open_points.get_text(" ", strip=True)
    assert question(h.long_open) in open_text and question(h.new) in open_text
    resolved = page.select_one("#resolved-points")
    assert resolved is not None and question(h.resolved) in resolved.get_text()
    # Per section, every item with its status; the agreements part on its own.
    rows = page.select("#sections tr.item")
    statuses = {r["data-status"] for r in rows}
    assert {"open", "in_order"} <= statuses
    agreements = page.select_one("#agreements")
    assert agreements is not None
    agreement_row = [r for r in agreements.select("tr.item") if question(AGREEMENT) in r.get_text()]
    assert agreement_row and agreement_row[0]["data-status"] == "open"
    assert question(AGREEMENT) not in page.select_one("#sections").get_text()  # type: ignore[union-attr]
    # The part for the colleague: what to look at, room for remarks, who looked and when.
    colleague = page.select_one("#colleague")
    assert colleague is not None
    assert question(AGREEMENT) in colleague.get_text()
    assert colleague.select_one(".remarks") is not None
    assert len(colleague.select(".sign div")) == 2
    assert page.select_one("#search") is None  # no search results yet
    # The notes are the user's own: in by default; the name only when asked.
    assert h.note in page.get_text()
    assert "Anna Peeters" not in page.get_text()


def test_report_says_it_holds_personal_data_and_what_is_in_it(frozen: Clock) -> None:
    make_history()
    result = run(["--lang", "en", "report", "-o", "-"])
    page = soup(result.stdout)
    note = page.select_one(".notice")
    assert note is not None and "personal data" in note.get_text()
    sharing = page.select_one(".sharing")
    assert sharing is not None
    assert "your notes" in sharing.get_text() and "Left out: your name" in sharing.get_text()


def test_for_colleague_leaves_out_notes_and_says_so(frozen: Clock) -> None:
    h = make_history(note="gesprek met Jamal over zijn moeder")
    for form in ("html", "md", "json"):
        result = run(["--lang", "en", "report", "--for-colleague", "--format", form, "-o", "-"])
        assert result.exit_code == 0, result.output
        assert h.note not in result.stdout
        assert "privénummer" not in result.stdout
        assert "Left out: your notes (--with-notes), your name (--with-name)." in result.stderr
    data = json.loads(run(["report", "--for-colleague", "--format", "json", "-o", "-"]).stdout)
    assert data["sharing"] == {
        "for_colleague": True,
        "name": False,
        "notes": False,
        "findings": False,
    }
    notes = [i["note"] for s in [*data["sections"], data["agreements"]] for i in s["items"]]
    assert set(notes) == {None}

    with_notes = run(["report", "--for-colleague", "--with-notes", "-o", "-"])
    assert h.note in with_notes.stdout and "privénummer" in with_notes.stdout
    assert "--with-notes" not in with_notes.stderr


def test_colleague_file_gets_its_own_name(frozen: Clock) -> None:
    make_history()
    assert run(["report"]).exit_code == 0
    assert run(["report", "--for-colleague"]).exit_code == 0
    names = sorted(p.name for p in paths.export_dir().iterdir())
    assert names == [
        "onlineveilig-verslag-2026-02-02-collega.html",
        "onlineveilig-verslag-2026-02-02.html",
    ]


def test_name_only_when_asked(frozen: Clock) -> None:
    make_history(name="Anna Peeters")
    without = run(["report", "--format", "json", "-o", "-"])
    assert "Anna Peeters" not in without.stdout
    assert json.loads(without.stdout)["name"] is None
    with_name = run(["report", "--with-name", "-o", "-"])
    header = soup(with_name.stdout).select_one("header")
    assert header is not None and "Anna Peeters" in header.get_text()
    # Other profile data (the city) never goes into a report.
    for form in ("html", "md", "json"):
        assert "Gent" not in run(["report", "--with-name", "--format", form, "-o", "-"]).stdout


def test_with_name_but_no_name_in_profile(frozen: Clock) -> None:
    make_history(name=None)
    result = run(["--lang", "en", "report", "--with-name", "-o", "-"])
    assert result.exit_code == 0
    assert "Your profile has no name" in result.stderr
    assert "onlineveilig config set name" in result.stderr


def test_with_findings_says_there_are_none_yet(frozen: Clock) -> None:
    make_history()
    result = run(["--lang", "en", "report", "--for-colleague", "--with-findings", "-o", "-"])
    assert result.exit_code == 0
    said = " ".join(result.stderr.split())
    assert "you have not searched yet" in said
    assert "onlineveilig search-me" in said
    # Nothing about search results in what the report holds or left out: it has none.
    for line in result.stderr.splitlines():
        if line.startswith(("In it:", "Left out:")):
            assert "search" not in line
    assert "search" not in soup(result.stdout).select_one(".sharing").get_text()  # type: ignore[union-attr]
    for args in (["--with-findings"], [], ["--for-colleague", "--with-findings"]):
        data = json.loads(run(["report", *args, "--format", "json", "-o", "-"]).stdout)
        assert data["search"] is None
        assert data["sharing"]["findings"] is False  # what is in it, not what was asked


def test_help_says_where_search_results_come_from() -> None:
    result = run(["--lang", "en", "report", "--help"])
    out = " ".join(result.output.split())
    colleague = out[out.index("--for-colleague") : out.index("--with-notes")]
    assert "search results (onlineveilig search-me)" in colleague
    findings = out[out.index("--with-findings") : out.index("--with-name")]
    assert "marked for action" in findings


def test_stdout_writes_no_file(frozen: Clock) -> None:
    make_history()
    result = run(["report", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert not paths.export_dir().exists()
    md = run(["report", "--format", "md", "-o", "-"])
    assert md.stdout.startswith("# ") and "## " in md.stdout


def test_output_file_folder_and_format_from_name(frozen: Clock, tmp_path: Path) -> None:
    make_history()
    out = tmp_path / "out"
    out.mkdir()
    md_file = out / "voor-intervisie.md"
    assert run(["report", "-o", str(md_file)]).exit_code == 0
    assert md_file.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(md_file.stat().st_mode) == 0o600
    assert run(["report", "--format", "json", "-o", str(out)]).exit_code == 0
    written = out / "onlineveilig-verslag-2026-02-02.json"
    Report.model_validate_json(written.read_text(encoding="utf-8"))
    # A new folder, named with a slash at the end, gets the dated name inside it too.
    assert run(["report", "-o", f"{tmp_path / 'nieuw'}/"]).exit_code == 0
    assert (tmp_path / "nieuw" / "onlineveilig-verslag-2026-02-02.html").is_file()


def test_folder_the_user_chose_keeps_its_permissions(frozen: Clock, tmp_path: Path) -> None:
    make_history()
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    assert run(["report", "-o", str(shared / "r.html")]).exit_code == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755


def test_json_validates_against_the_model(frozen: Clock) -> None:
    h = make_history()
    result = run(["report", "--format", "json", "-o", "-"])
    report = Report.model_validate_json(result.stdout)
    assert report.schema_version == 1
    assert report.audit.number == 2 and report.previous_audit is not None
    assert [p.number for p in report.history] == [1, 2]
    assert report.agreements is not None and report.agreements.id == "afspraken"
    items = {i.id: i for s in report.sections for i in s.items}
    assert items[h.long_open].status == "open" and items[h.long_open].open_days == 63
    assert items[h.resolved].resolved and items[h.resolved].status == "in_order"
    assert items[h.new].new
    assert report.score.previous == report.history[0].score


def test_english(frozen: Clock) -> None:
    h = make_history()
    result = run(["--lang", "en", "report", "-o", "-"])
    assert result.exit_code == 0
    page = soup(result.stdout)
    assert page.html is not None and page.html["lang"] == "en"
    text = page.get_text(" ")
    assert "Online safety report — 2 February 2026" in text
    assert question(h.long_open, "en") in text
    assert "For the colleague who looks along" in text
    assert "open since 1 Dec 2025 (2 months)" in text
    for dutch in ("februari", "Controle", question(h.long_open, "nl")):
        assert dutch not in text
    assert "Report written" not in result.stderr  # nothing was written to a file


def test_older_audit(frozen: Clock) -> None:
    h = make_history()
    report = Report.model_validate_json(
        run(["report", "--audit", "1", "--format", "json", "-o", "-"]).stdout
    )
    assert report.audit.number == 1 and report.previous_audit is None
    assert [p.number for p in report.history] == [1]
    items = {i.id: i for s in report.sections for i in s.items}
    assert items[h.resolved].status == "open" and not items[h.resolved].resolved
    assert items[h.new].status == "in_order"


def test_no_audit_yet(frozen: Clock) -> None:
    result = run(["report"])
    assert result.exit_code == 2
    assert "onlineveilig audit" in result.stderr
    assert not paths.export_dir().exists()


def test_unknown_and_unfinished_audit(frozen: Clock) -> None:
    make_history(second=False)
    unknown = run(["--lang", "en", "report", "--audit", "7"])
    assert unknown.exit_code == 2 and "There is no audit number 7." in unknown.stderr
    content = load_content()
    with Store(paths.database_path()) as store:
        store.start_audit(["x"], "due", content.versions(), SECOND)
    unfinished = run(["--lang", "en", "report", "--audit", "2"])
    assert unfinished.exit_code == 2 and "Audit 2 is not finished" in unfinished.stderr
    # The latest finished audit is still there to report on.
    assert run(["report", "-o", "-"]).exit_code == 0


def test_bad_format_and_open_without_file(frozen: Clock) -> None:
    make_history()
    bad = run(["--lang", "en", "report", "--format", "pdf"])
    assert bad.exit_code == 2 and "Unknown format: pdf" in bad.stderr
    both = run(["--lang", "en", "report", "--open", "-o", "-"])
    assert both.exit_code == 2 and "--open needs a file" in both.stderr


def test_open_in_browser(frozen: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    make_history()
    assert run(["report", "--open"]).exit_code == 0
    assert opened == [default_file().resolve().as_uri()]


def test_nothing_secret_in_the_report(frozen: Clock, isolated: Path) -> None:
    make_history()
    for form in ("html", "md", "json"):
        out = run(["report", "--with-name", "--format", form, "-o", "-"]).stdout
        assert str(isolated) not in out  # no paths of the store or settings
        assert "sqlite" not in out.lower() and "config.toml" not in out


# -- What the colleague is told, stopped audits, plurals, Markdown notes, print ----------------


def steady_history() -> str:
    """Two audits a month apart with the same action point open: nothing new, nothing long open."""
    content = load_content()
    with Store(paths.database_path()) as store:
        store.set_profile({"platforms": ",".join(sorted(PLATFORMS))})
        plan = logic.plan(content, PLATFORMS, [], FIRST.date())
        essential = next(
            i
            for i in plan
            if i != AGREEMENT
            and (f := content.item(i))
            and f[1].frequency.value == "monthly"
            and f[1].priority.value == "essential"
        )
        finish(store, content, plan, FIRST, {essential: ""})
        later = FIRST + timedelta(days=30)
        finish(
            store,
            content,
            logic.plan(content, PLATFORMS, store.history(), later.date()),
            later,
            {essential: ""},
        )
    return essential


def test_colleague_part_never_says_nothing_stands_out_with_open_points(frozen: Clock) -> None:
    essential = steady_history()
    report = Report.model_validate_json(run(["report", "--format", "json", "-o", "-"]).stdout)
    assert report.attention == []  # nothing new, long open, or about the agreements
    page = soup(run(["--lang", "en", "report", "-o", "-"]).stdout)
    colleague = page.select_one("#colleague")
    assert colleague is not None
    said = " ".join(colleague.get_text(" ").split())
    assert "Nothing stands out" not in said
    assert "1 action point is still open (1 essential)" in said
    assert question(essential, "en") in page.select_one("#open-points").get_text()  # type: ignore[union-attr]
    md = run(["report", "--format", "md", "-o", "-"]).stdout
    part = md[md.index("## Voor de collega") :]
    assert "1 actiepunt staat nog open (1 essentieel)" in part
    assert "springt er niets uit" not in part


def test_colleague_part_counts_open_points_essential_first(frozen: Clock) -> None:
    make_history()
    report = Report.model_validate_json(run(["report", "--format", "json", "-o", "-"]).stdout)
    items = [i for s in [*report.sections, report.agreements] if s for i in s.items]
    open_items = [i for i in items if i.status == "open"]
    order = ("essential", "recommended", "extra")
    counts = {p: sum(1 for i in open_items if i.priority == p) for p in order}
    page = soup(run(["--lang", "en", "report", "-o", "-"]).stdout)
    still = page.select_one("#still-open")
    assert still is not None
    parts = ", ".join(f"{counts[p]} {p}" for p in order if counts[p])  # essential first
    assert still.get_text().startswith(f"{len(open_items)} action points are still open ({parts})")
    assert page.select_one("#attention") is not None  # the points to discuss are still there


def test_nothing_stands_out_only_when_nothing_is_open(frozen: Clock) -> None:
    content = load_content()
    with Store(paths.database_path()) as store:
        store.set_profile({"platforms": ",".join(sorted(PLATFORMS))})
        finish(store, content, logic.plan(content, PLATFORMS, [], FIRST.date()), FIRST, {})
    page = soup(run(["--lang", "en", "report", "-o", "-"]).stdout)
    assert "Nothing stands out this time" in page.select_one("#colleague").get_text()  # type: ignore[union-attr]
    assert page.select_one("#still-open") is None


def test_a_stopped_audit_cannot_be_reported_and_says_why(frozen: Clock) -> None:
    make_history(second=False)
    content = load_content()
    with Store(paths.database_path()) as store:
        stopped = store.start_audit(["x"], "due", content.versions(), SECOND)
        store.abandon(stopped.id)
    assert "gestopt" in run(["history"]).output
    result = run(["--lang", "en", "report", "--audit", str(stopped.id)])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert f"Audit {stopped.id} was stopped before the end" in said
    assert "cannot be finished" in said and "onlineveilig history" in said
    assert "Finish it" not in said
    assert not paths.export_dir().exists()


def test_one_question_is_not_questions(frozen: Clock) -> None:
    from onlineveilig.report import words
    from onlineveilig.report.model import Score

    content = load_content()
    with Store(paths.database_path()) as store:
        store.set_profile({"platforms": ",".join(sorted(PLATFORMS))})
        finish(store, content, [AGREEMENT], FIRST, {})
    md = run(["--lang", "en", "report", "--format", "md", "-o", "-"]).stdout
    assert "1 of 1 question answered." in md
    nl = run(["report", "--format", "md", "-o", "-"]).stdout
    assert "1 van 1 vraag beantwoord." in nl and "1 vragen" not in nl
    one = Score(percent=100, in_order=1, counted=1, not_applicable=0, previous=None)
    assert (
        "1 van het 1 essentiële of aanbevolen punt dat voor jou geldt"
        in words.score_explanation(one)
    )


def test_markdown_note_is_a_line_of_its_own_under_its_point(frozen: Clock) -> None:
    from markdown_it import MarkdownIt

    h = make_history()
    md = run(["--lang", "en", "report", "--format", "md", "-o", "-"]).stdout
    page = BeautifulSoup(MarkdownIt("commonmark").render(md), "html.parser")
    notes = [em for em in page.find_all("em") if em.get_text() == "Note:"]
    assert notes
    for em in notes:
        item = em.find_parent("li")
        assert item is not None  # still part of its point
        previous = em.find_previous_sibling()
        assert previous is not None and previous.name == "br"  # on a line of its own
    assert any(h.note in em.parent.get_text() for em in notes)  # type: ignore[union-attr]


def test_print_style_has_no_forced_page_breaks(frozen: Clock) -> None:
    make_history()
    page = soup(run(["report", "-o", "-"]).stdout)
    style = " ".join(s.get_text() for s in page.find_all("style"))
    printing = style[style.index("@media print") :]
    assert "break-before: page" not in style and "always" not in style
    # Blocks that belong together stay on one page; headings stay with what follows.
    assert ".colleague { break-inside: avoid" in printing.replace(", .colleague", "\n.colleague")
    assert "h2, h3" in printing and "break-after: avoid" in printing


def css_rules(html: str) -> dict[str, str]:
    """The page's style as selector -> declarations (one entry per selector of a rule)."""
    import re

    page = BeautifulSoup(html, "html.parser")
    style = re.sub(
        r"/\*.*?\*/", "", " ".join(s.get_text() for s in page.find_all("style")), flags=re.S
    )
    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style):
        for selector in selectors.split(","):
            rules[selector.strip()] = rules.get(selector.strip(), "") + body
    return rules


@pytest.mark.parametrize("note", ["x" * 1500, ("lange notitie met woorden " * 60)[:1500]])
def test_a_long_note_wraps_instead_of_pushing_the_list_off_the_page(
    frozen: Clock, note: str
) -> None:
    # Checked by eye in headless Chromium (screen, phone width and A4 print); here: the rules
    # that make it so stay, for every place a note or a long address can be.
    make_history(note=note)
    html = run(["report", "-o", "-"]).stdout
    page = BeautifulSoup(html, "html.parser")
    assert note.strip() in page.get_text()
    rules = css_rules(html)
    for selector in ("main", "li", "td", ".note"):
        assert "overflow-wrap: anywhere" in rules[selector], selector
    assert "max-width: 860px" in rules["main"]
    assert "table-layout: fixed" in rules["table"]
    assert "nowrap" not in rules[".note"] + rules["li"] + rules["td"]


def test_a_pdf_name_is_refused_with_the_way_to_a_pdf(frozen: Clock, tmp_path: Path) -> None:
    make_history()
    result = run(["report", "-o", str(tmp_path / "verslag.pdf")])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "niet als pdf" in said and "druk het af als pdf" in said
    assert not (tmp_path / "verslag.pdf").exists()
