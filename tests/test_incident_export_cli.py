"""incident export, signalen, the report and the audit, through the command line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup

from onlineveilig.paths import database_path, evidence_dir
from onlineveilig.store.repo import Store

from .conftest import Clock, run
from .incident_samples import PRIVATE, saved_incident
from .test_incident_export import checked


def test_export_writes_html_markdown_and_json(tmp_path: Path) -> None:
    n = saved_incident(tmp_path)
    html = run(["incident", "export", str(n), "-o", "-"])
    assert html.exit_code == 0, html.output
    text = BeautifulSoup(html.stdout, "html.parser").get_text()
    assert "Berichten midden in de nacht." in text and "schermafbeelding 0.png" in text
    md = run(["incident", "export", str(n), "--format", "md", "-o", "-"]).stdout
    assert "vader van cliënt" in md and "`https://example.org/profiel`" in md.replace(" ", "")
    data = json.loads(run(["incident", "export", str(n), "--format", "json", "-o", "-"]).stdout)
    assert data["incident"]["who"] == "vader van cliënt"
    written = run(["incident", "export", str(n), "-o", str(tmp_path / "uit.md")])
    assert written.exit_code == 0 and (tmp_path / "uit.md").read_text().startswith("# ")


def test_export_of_an_unknown_incident_says_so(tmp_path: Path) -> None:
    result = run(["incident", "export", "7"])
    assert result.exit_code != 0
    assert "7" in result.output and "incident list" in result.output


def test_bundle_through_the_command_line_checks_with_sha256sum(tmp_path: Path) -> None:
    n = saved_incident(tmp_path, n_files=2)
    target = tmp_path / "bundel.zip"
    result = run(["incident", "export", str(n), "--bundle", str(target)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "uitgepakt"
    with zipfile.ZipFile(target) as zf:
        zf.extractall(folder)
        names = zf.namelist()
    assert sum(1 for name in names if name.startswith("evidence/")) == 2
    checked(folder)
    for k in range(2):
        original = (tmp_path / f"src-{n}-{k}" / f"schermafbeelding {k}.png").read_bytes()
        inside = [p for p in (folder / "evidence").iterdir() if p.name.endswith(f"_{k}.png")]
        assert [p.read_bytes() for p in inside] == [original]


def test_a_changed_evidence_file_stops_the_bundle(tmp_path: Path) -> None:
    n = saved_incident(tmp_path)
    with Store(database_path()) as store:
        incident = store.incidents.get(n)
        assert incident is not None
        kept = store.incidents.evidence_file(n, incident.evidence[0])
    kept.write_bytes(b"iets anders")
    target = tmp_path / "bundel.zip"
    result = run(["incident", "export", str(n), "--bundle", str(target)])
    assert result.exit_code != 0
    assert "schermafbeelding 0.png" in result.output and "incident verify" in result.output
    assert not target.exists() and list(tmp_path.glob(".*.tmp")) == []
    assert evidence_dir().exists()


def private_incidents(tmp_path: Path) -> None:
    note = PRIVATE[2]
    for n in range(2):
        saved_incident(
            tmp_path,
            n_files=0,
            description=PRIVATE[0],
            who=PRIVATE[1],
            channel=PRIVATE[7] if n else "instagram",
            reported_to=PRIVATE[4],
            actions=PRIVATE[5],
            support=PRIVATE[6],
        )
    with Store(database_path()) as store:
        src = tmp_path / f"{PRIVATE[3]}.txt"
        src.write_text("chat")
        store.incidents.add_file(1, src, note, store.incidents.get(1).created_at)  # type: ignore[union-attr]


def test_signalen_shows_counts_and_nothing_anyone_typed(tmp_path: Path) -> None:
    private_incidents(tmp_path)
    shown = run(["signalen"])
    assert shown.exit_code == 0, shown.output
    assert "Instagram" in shown.output and "2" in shown.output
    md = run(["signalen", "--format", "md", "-o", "-"]).stdout
    html = run(["signalen", "--format", "html", "-o", "-"]).stdout
    assert "Instagram" in md and "Instagram" in html
    for output in (shown.output, md, html):
        for word in PRIVATE:
            assert word.lower() not in output.lower(), word


def test_signals_is_the_english_name(tmp_path: Path) -> None:
    private_incidents(tmp_path)
    result = run(["--lang", "en", "signals", "--since", "2026-01-01"])
    assert result.exit_code == 0, result.output
    assert "2 incidents" in result.output


def test_signalen_refuses_a_date_it_cannot_read() -> None:
    result = run(["signalen", "--since", "ergens in mei"])
    assert result.exit_code != 0 and "ergens in mei" in result.output


def test_the_report_counts_incidents_and_shows_no_contents(frozen: Clock, tmp_path: Path) -> None:
    from .test_report import make_history

    make_history()
    private_incidents(tmp_path)
    saved_incident(tmp_path, n_files=0, reported_at="2026-02-21", followed_up_at="2026-02-25")
    for form in ("html", "md", "json"):
        out = run(["report", "--format", form, "-o", "-"]).stdout
        for word in PRIVATE:
            assert word.lower() not in out.lower(), (form, word)
    data = json.loads(run(["report", "--format", "json", "-o", "-"]).stdout)
    assert data["incidents"] == {
        "total": 3,
        "open": 2,
        "not_reported": 0,
        "reported": 3,
        "followed_up": 1,
        "shared": None,
    }
    md = run(["report", "--format", "md", "-o", "-"]).stdout
    assert "3 incidenten" in md or "3 incidents" in md


def test_with_incident_adds_its_facts_but_not_its_files(frozen: Clock, tmp_path: Path) -> None:
    from .test_report import make_history

    make_history()
    private_incidents(tmp_path)
    for form in ("html", "md", "json"):
        out = run(["report", "--with-incident", "1", "--format", form, "-o", "-"]).stdout
        assert PRIVATE[0] in out and PRIVATE[1] in out  # description and pseudonym: asked for
        assert PRIVATE[3] not in out and PRIVATE[2] not in out  # file names and notes: never
    data = json.loads(run(["report", "--with-incident", "1", "--format", "json", "-o", "-"]).stdout)
    assert data["incidents"]["shared"]["evidence_files"] == 1
    said = run(["report", "--with-incident", "1", "-o", str(tmp_path / "r.html")]).output
    assert "Met de feiten van incident 1 (niet de bewijsbestanden)." in said
    counted = run(["report", "-o", str(tmp_path / "r2.html")]).output
    assert "Incidenten: alleen hoeveel" in counted
    missing = run(["report", "--with-incident", "9"])
    assert missing.exit_code != 0 and "9" in missing.output


def test_the_audit_asks_about_open_incidents_and_saves_the_answer(
    frozen: Clock, tmp_path: Path
) -> None:
    from .test_audit_cli import ONBOARD, answers, first_plan

    first = saved_incident(tmp_path, n_files=0)
    second = saved_incident(tmp_path, n_files=0, reported_to="mijn teamleider")
    closed = saved_incident(
        tmp_path, n_files=0, reported_at="2026-02-21", followed_up_at="2026-02-25"
    )
    typed = ONBOARD + answers("1", "de coördinator", "1") + answers(*["ja"] * len(first_plan()))
    result = run(["audit"], input=typed)
    assert result.exit_code == 0, result.output
    assert f"Incident {first} " in result.output and f"Incident {second} " in result.output
    assert f"Incident {closed} " not in result.output  # reported and followed up: not asked
    with Store(database_path()) as store:
        one, two = store.incidents.get(first), store.incidents.get(second)
    assert one is not None and two is not None
    assert (one.reported_at, one.reported_to) == ("2026-03-02", "de coördinator")
    assert two.followed_up_at == "2026-03-02" and not two.open
    assert [c.field for c in one.history] == ["reported_at", "reported_to"]  # kept in history


def test_later_changes_nothing_and_the_audit_goes_on(frozen: Clock, tmp_path: Path) -> None:
    from .test_audit_cli import ONBOARD, answers, first_plan

    n = saved_incident(tmp_path, n_files=0)
    result = run(["audit"], input=ONBOARD + answers("") + answers(*["ja"] * len(first_plan())))
    assert result.exit_code == 0, result.output
    with Store(database_path()) as store:
        incident = store.incidents.get(n)
    assert incident is not None and incident.open and incident.history == ()
    # The end of the audit does not leave it at "no open action points".
    assert "1 incident is nog open (nog niet gemeld of nog niet opgevolgd)" in " ".join(
        result.output.split()
    )


def test_signalen_without_incidents_says_how_to_start(tmp_path: Path) -> None:
    result = run(["signalen"])
    assert result.exit_code == 0
    assert "onlineveilig incident add" in result.output
    saved_incident(tmp_path, n_files=0)
    assert "1 incident, 0 gemeld, 0 opgevolgd." in run(["signalen"]).output


def test_the_bundle_hint_only_when_there_are_evidence_files(tmp_path: Path) -> None:
    bare = saved_incident(tmp_path, n_files=0)
    with_files = saved_incident(tmp_path, n_files=1)
    quiet = run(["incident", "export", str(bare), "-o", str(tmp_path / "a.html")])
    hint = run(["incident", "export", str(with_files), "-o", str(tmp_path / "b.html")])
    assert quiet.exit_code == 0 and hint.exit_code == 0
    assert "--bundle" not in quiet.output
    assert "--bundle" in hint.output
