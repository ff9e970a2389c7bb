"""The report's shape (JSON Schema in docs/), its chart, and what it asks a colleague to look at."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from onlineveilig.report import render_html
from onlineveilig.report.model import (
    REPORT_SCHEMA_VERSION,
    AttentionKind,
    Report,
    ScorePoint,
    json_schema,
    json_schema_text,
)

from .conftest import Clock, run
from .test_report import AGREEMENT, make_history

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"


def test_committed_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "docs/report.schema.json is out of date: run python scripts/export-report-schema.py"
    )
    schema = json_schema()
    assert schema["properties"]["schema_version"]["const"] == REPORT_SCHEMA_VERSION
    assert "present once search-me has run" in json.dumps(schema["properties"]["search"]).lower()


def test_chart_of_sixty_months_with_a_gap() -> None:
    start = date(2021, 1, 4)
    history = [
        ScorePoint(
            number=n + 1, date=start + timedelta(days=30 * n), score=None if n == 30 else 40 + n
        )
        for n in range(60)
    ]
    chart = render_html.chart(history)
    assert chart is not None
    assert len(chart.lines) == 2  # the audit without a score breaks the line
    assert len(chart.dots) == 59
    labelled = [d.label.text for d in chart.dots if d.label]
    assert labelled[-1] == "99" and 8 <= len(labelled) <= 12
    assert 5 <= len(chart.x_labels) <= 8
    xs = [d.x for d in chart.dots]
    assert xs == sorted(xs) and min(xs) >= 0 and max(xs) <= chart.width
    assert all(0 <= d.y <= chart.height for d in chart.dots)


def test_chart_of_one_audit() -> None:
    chart = render_html.chart([ScorePoint(number=1, date=date(2026, 3, 2), score=70)])
    assert chart is not None and chart.lines == []
    assert [d.label.text for d in chart.dots if d.label] == ["70"]


def test_attention_points(frozen: Clock) -> None:
    h = make_history()
    report = Report.model_validate_json(run(["report", "--format", "json", "-o", "-"]).stdout)
    kinds = {(a.kind, a.item_id) for a in report.attention}
    assert (AttentionKind.AGREEMENT_OPEN, AGREEMENT) in kinds
    assert (AttentionKind.LONG_OPEN, h.long_open) in kinds  # open for 63 days
    assert (AttentionKind.NEW_OPEN, h.new) in kinds
    html = run(["--lang", "en", "report", "-o", "-"]).stdout
    points = BeautifulSoup(html, "html.parser").select("#attention li")
    assert any("Open for 2 months" in p.get_text() for p in points)
    assert any("Agreement with clients still open" in p.get_text() for p in points)


def test_markdown_reads_as_a_document(frozen: Clock) -> None:
    h = make_history()
    md = run(["--lang", "en", "report", "--format", "md", "-o", "-"]).stdout
    lines = md.splitlines()
    assert lines[0] == "# Online safety report — 2 February 2026"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:3] == [
        "## Score",
        "## Open action points",
        "## Resolved since the previous audit",
    ]
    assert headings[-1] == "## For the colleague who looks along"
    assert any(line.startswith("## Agreements with clients") for line in headings)
    assert "> **Personal data.**" in md
    assert f"  *Note:* {h.note}" in md
    assert "**Looked at by:**" in md
    assert "<" not in md.replace("\\<", "")  # no raw HTML in it


def test_report_without_score_or_agreements_still_renders(frozen: Clock) -> None:
    from onlineveilig.report import render_md
    from onlineveilig.report.model import Score

    make_history()
    report = Report.model_validate_json(run(["report", "--format", "json", "-o", "-"]).stdout)
    bare = report.model_copy(
        update={
            "score": Score(percent=None, in_order=0, counted=0, not_applicable=3, previous=None),
            "history": [ScorePoint(number=2, date=date(2026, 2, 2), score=None)],
            "agreements": None,
            "attention": [],
        }
    )
    page = BeautifulSoup(render_html.render(bare), "html.parser")
    number = page.select_one(".score-number")
    assert number is not None and number.get_text(strip=True) == "—"
    assert page.select_one("#agreements") is None
    assert "Geen score" in page.get_text() or "No score" in page.get_text()
    assert "## " in render_md.render(bare)


def _boxes(html: str, font_size: float) -> dict[str, list[tuple[float, float, float, float, str]]]:
    """The chart's texts as boxes (left, top, right, bottom) in the SVG's units, by class."""
    svg = BeautifulSoup(html, "html.parser").select_one("#score svg")
    assert svg is not None
    boxes: dict[str, list[tuple[float, float, float, float, str]]] = {"value": [], "y": [], "x": []}
    for node in svg.find_all("text"):
        x, y, label = float(node["x"]), float(node["y"]), node.get_text()
        width = len(label) * 0.7 * font_size  # bold digits are at most about 0.7 em wide
        anchor = node.get("text-anchor", "middle")
        left = x - width if anchor == "end" else x - width / 2
        box = (left, y - 0.8 * font_size, left + width, y + 0.2 * font_size, label)
        kind = "value" if "chart-value" in node["class"] else "y" if anchor == "end" else "x"
        boxes[kind].append(box)
    return boxes


def _overlap(
    a: tuple[float, float, float, float, str], b: tuple[float, float, float, float, str]
) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(
    "scores",
    [[91, 100, 95, 100], [100, 100], [0, 25, 100, 3], [75, 50], [40 + 5 * n for n in range(12)]],
)
def test_chart_labels_never_cover_the_axis_values(frozen: Clock, scores: list[int]) -> None:
    make_history()
    report = Report.model_validate_json(run(["report", "--format", "json", "-o", "-"]).stdout)
    history = [
        ScorePoint(number=n + 1, date=date(2026, 1, 5) + timedelta(days=30 * n), score=score)
        for n, score in enumerate(scores)
    ]
    html = render_html.render(report.model_copy(update={"history": history}))
    # 11px on a wide page; 17px (in the SVG's units) on a phone, where the chart is scaled down.
    for font_size in (11, 17):
        boxes = _boxes(html, font_size)
        assert len(boxes["value"]) == len(scores) and len(boxes["y"]) == 5
        for value in boxes["value"]:
            for axis in boxes["y"] + boxes["x"]:
                assert not _overlap(value, axis), (value, axis, font_size)
        dates = sorted(boxes["x"])
        for a, b in zip(dates, dates[1:], strict=False):
            assert not _overlap(a, b), (a, b, font_size)
        assert min(b[0] for b in boxes["x"] + boxes["value"]) >= 0
        assert max(b[2] for b in boxes["x"] + boxes["value"]) <= 640
