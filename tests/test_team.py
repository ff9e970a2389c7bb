"""`onlineveilig team rapport`: counts over many share files, and nobody singled out."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from tests.conftest import run
from tests.team_samples import share, team, write


def report_json(*args: str) -> dict[str, Any]:
    result = run(["team", "rapport", *args, "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def rows(block: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["item"]: r for r in block["rows"]}


def test_forty_workers_twelve_months_give_the_right_counts(tmp_path: Path) -> None:
    team(tmp_path / "in")
    data = report_json(str(tmp_path / "in"))
    assert data["files"] == 480 and data["workers"] == 40
    org = rows(data["organisation"])
    opleiding = next(
        r for title, r in org.items() if "opleiding" in title.lower() or "training" in title.lower()
    )
    assert (
        opleiding["action"] == 240 and opleiding["answered"] == 480 and opleiding["percent"] == 50
    )
    presence = next(
        b
        for b in data["sections"]
        if b is not data["organisation"] and b["title"] != data["organisation"]["title"]
    )
    (zoek,) = [r for r in presence["rows"] if r["action"]]
    assert zoek["action"] == 120 and zoek["answered"] == 480 and zoek["percent"] == 25
    # not applicable counts nowhere; always in order is not listed
    assert len(presence["rows"]) == 1 and data["organisation"]["hidden"] == 0
    assert len(data["months"]) == 12
    assert [r["percent"] for r in data["months"][0]["rows"]] == [50, 25]
    # presence: 1 of 2 items action for a quarter of the workers = 12.5% -> 13; organisation 50%
    assert [cells for _, cells in data["grid"]["rows"]] == [[13] * 12, [50] * 12]
    # 3 answers count per file: 10 of 120 per month are action in presence... in order share:
    # per month 40 workers x 3 answers = 120, of which 10 + 20 = 30 action -> 75% in order
    assert [p["in_order"] for p in data["trend"]] == [75] * 12
    assert [p["score"] for p in data["trend"]] == [75] * 12
    inc = data["incidents"]
    assert inc["total"] == 40 and inc["reported"] == 40
    assert inc["by_type"] == [{"label": "Bedreigingen", "n": 40}] or inc["by_type"][0]["n"] == 40
    assert inc["by_month"] == [{"label": "maart 2026", "n": 40}]


def test_same_worker_and_month_counts_once_latest_file_wins(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for w in range(5):
        write(
            folder, f"w{w}.json", share(w, "2026-05", [("aanwezigheid", "zoek-jezelf", "in-order")])
        )
    old = write(
        folder, "w0-old.json", share(0, "2026-05", [("aanwezigheid", "zoek-jezelf", "in-order")])
    )
    os.utime(old, (1_000_000, 1_000_000))
    newer = write(
        folder, "w0-new.json", share(0, "2026-05", [("aanwezigheid", "zoek-jezelf", "action")])
    )
    os.utime(newer, (4_000_000_000, 4_000_000_000))
    data = report_json(str(folder))
    assert data["files"] == 5 and data["duplicates"] == 2
    (row,) = data["sections"][0]["rows"]
    assert row["action"] == 1 and row["answered"] == 5


def test_invalid_and_newer_files_are_named_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for w in range(5):
        write(
            folder, f"w{w}.json", share(w, "2026-05", [("aanwezigheid", "zoek-jezelf", "action")])
        )
    write(folder, "kapot.json", "{not json")
    bad = share(9, "2026-05")
    bad["name"] = "Els"
    write(folder, "extra-veld.json", bad)
    newer = share(8, "2026-05")
    newer["version"] = 2
    write(folder, "nieuwer.json", newer)
    result = run(["team", "rapport", str(folder), "--format", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    for name in ("kapot.json", "extra-veld.json", "nieuwer.json"):
        assert name in result.stderr and name in result.stdout
    assert "nieuwere versie" in result.stderr
    assert "5 audits van 5 medewerkers" in result.stdout
    data = report_json(str(folder))
    assert data["files"] == 5 and len(data["skipped"]) == 3


def test_nothing_valid_is_a_plain_message(tmp_path: Path) -> None:
    write(tmp_path, "kapot.json", "[]")
    result = run(["team", "rapport", str(tmp_path)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "Er zijn geen deelbestanden" in result.stderr


def test_min_group_below_three_is_refused(tmp_path: Path) -> None:
    team(tmp_path, workers=6, n_months=1)
    result = run(["team", "rapport", str(tmp_path), "--min-group", "2"])
    assert result.exit_code != 0
    assert "3" in result.stderr and "Traceback" not in result.output
    assert not list((tmp_path.parent / "home").rglob("onlineveilig-team-*"))


def test_english_names_work(tmp_path: Path) -> None:
    team(tmp_path / "in", workers=5, n_months=1)
    result = run(
        ["--lang", "en", "team", "report", str(tmp_path / "in"), "-o", "-", "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert "# Team report: online safety" in result.stdout


def small_group(folder: Path, score: int, kind: str, answer: str) -> Path:
    """5 workers in May; in June only 4, whose figures must never show."""
    for w in range(5):
        write(
            folder,
            f"mei-{w}.json",
            share(w, "2026-05", [("aanwezigheid", "zoek-jezelf", "action")]),
        )
    for w in range(4):
        write(
            folder,
            f"juni-{w}.json",
            share(
                w,
                "2026-06",
                [("aanwezigheid", "aan-profielfoto", answer)],
                score=score,
                by_type={kind: 1},
            ),
        )
    return folder


def test_a_group_below_k_is_never_shown_in_any_format(tmp_path: Path) -> None:
    one = small_group(tmp_path / "een", 93, "stalking", "action")
    other = small_group(tmp_path / "twee", 10, "threats", "in-order")
    data = report_json(str(one))
    june = data["months"][1]
    assert june["too_few"] and june["rows"] == []
    assert data["trend"][1] == {"label": "juni 2026", "in_order": None, "score": None}
    (shown,) = [r for r in data["sections"][0]["rows"] if r["action"] is not None]
    assert (shown["action"], shown["answered"], shown["percent"]) == (5, 5, 100)
    assert data["sections"][0]["hidden"] == 1
    assert data["incidents"]["total"] is None
    assert data["incidents"]["by_type"] == [{"label": "andere", "n": None}]
    for form in ("html", "md", "json"):
        outputs = []
        for folder in (one, other):
            result = run(["team", "rapport", str(folder), "--format", form, "-o", "-"])
            assert result.exit_code == 0
            outputs.append(result.stdout)
        # what the four June workers answered changes nothing in the report
        assert outputs[0] == outputs[1]
        assert "93" not in outputs[0] and "Stalking" not in outputs[0]
        if form != "json":
            assert "te weinig om te tonen" in outputs[0]
            assert "minstens 5 medewerkers" in outputs[0]


def test_min_group_changes_what_is_shown(tmp_path: Path) -> None:
    team(tmp_path / "in", workers=4, n_months=1)
    hidden = report_json(str(tmp_path / "in"))
    assert hidden["trend"][0]["in_order"] is None
    shown = report_json(str(tmp_path / "in"), "--min-group", "3")
    assert shown["trend"][0]["in_order"] == 75


HOSTILE = "<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)>"


def test_hostile_item_titles_of_the_organisation_are_inert(tmp_path: Path) -> None:
    checklist = tmp_path / "org.toml"
    checklist.write_text(
        f"""id = "eigen"
version = 1
title.nl = "Eigen {HOSTILE}"

[[items]]
id = "eigen-vraag"
priority = "recommended"
frequency = "monthly"
question.nl = "Vraag {HOSTILE}"
why.nl = "Waarom"
steps.nl = ["Doe iets"]
""",
        encoding="utf-8",
    )
    folder = tmp_path / "in"
    for w in range(5):
        write(
            folder,
            f"w{w}.json",
            share(w, "2026-05", [("eigen", "eigen-vraag", "action")], source="organisation"),
        )
    html = run(
        [
            "team",
            "rapport",
            str(folder),
            "--checklist",
            str(checklist),
            "--format",
            "html",
            "-o",
            "-",
        ]
    )
    assert html.exit_code == 0, html.output
    assert "Vraag &lt;script&gt;" in html.stdout
    assert "<script" not in html.stdout and "<img" not in html.stdout
    assert "Content-Security-Policy" in html.stdout
    assert "<svg" in html.stdout and "<polyline" in html.stdout  # the trend chart, inline
    assert not re.search(r"<[^>]*\b(src|href)=", html.stdout)  # nothing to fetch or follow
    md = run(
        ["team", "rapport", str(folder), "--checklist", str(checklist), "--format", "md", "-o", "-"]
    )
    assert md.exit_code == 0
    assert not re.search(r"(?<!\\)[<>]", md.stdout)  # every < and > escaped
    assert not re.search(r"(?<!\\)\]\(", md.stdout)  # no link
    assert "Vraag \\<script\\>" in md.stdout


def test_an_unknown_item_is_shown_as_its_id(tmp_path: Path) -> None:
    for w in range(5):
        write(tmp_path, f"w{w}.json", share(w, "2026-05", [("weg", "verdwenen-item", "action")]))
    data = report_json(str(tmp_path))
    assert data["sections"][0]["title"] == "weg"
    assert data["sections"][0]["rows"][0]["item"] == "verdwenen-item"
