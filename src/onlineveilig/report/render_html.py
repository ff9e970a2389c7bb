"""The report as one self-contained HTML file: no scripts, no external resources, A4 print style.

Rendered with the one Jinja environment of onlineveilig.render.html (autoescape on for every
template, not chosen by file name), so text from notes, checklists or search results can never
become markup; a finding's address is a link only when onlineveilig.render.safe_url allows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onlineveilig import text
from onlineveilig.i18n import _, ngettext
from onlineveilig.render.html import jinja_env

from . import words
from .model import ItemStatus, Report, ReportSection, ScorePoint

# Order of items in a section table: what needs doing first.
_ORDER = {
    ItemStatus.OPEN: 0,
    ItemStatus.POSTPONED: 1,
    ItemStatus.NOT_ASKED: 2,
    ItemStatus.IN_ORDER: 3,
    ItemStatus.NOT_APPLICABLE: 4,
}


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: Label | None  # the score above the dot, when it is labelled


@dataclass(frozen=True)
class GridLine:
    y: float
    label: Label  # the value left of the line, anchored at its end


@dataclass(frozen=True)
class Chart:
    """The score over time as SVG shapes: coordinates in a 640 × 220 box.

    Every text has its final position here, so the template adds no offsets of its own.
    """

    width: int
    height: int
    plot_left: float
    plot_right: float
    lines: list[str]  # polyline points, one per run of audits with a score
    dots: list[Dot]  # a dot per audit with a score
    y_grid: list[GridLine]
    x_labels: list[Label]
    summary: str


# Room kept between the axis values and the first dot: on a phone the labels are drawn at up
# to 17px (see the template's @media rule), and a score label must never touch "100".
AXIS_GAP = 24


def chart(history: Sequence[ScorePoint]) -> Chart | None:
    if not history:
        return None
    width, height = 640, 220
    left, right, top, bottom = 44, 30, 26, 34
    first_x, last_x = left + AXIS_GAP, width - right - AXIS_GAP / 2
    inner_w, inner_h = last_x - first_x, height - top - bottom
    first, last = history[0].date, history[-1].date
    span = (last - first).days

    def x(point: ScorePoint, index: int) -> float:
        if len(history) == 1:
            return first_x + inner_w / 2
        if span == 0:
            return first_x + inner_w * index / (len(history) - 1)
        return first_x + inner_w * (point.date - first).days / span

    def y(score: int) -> float:
        return top + inner_h * (100 - max(0, min(100, score))) / 100

    lines: list[str] = []
    run: list[str] = []
    dots: list[Dot] = []
    # Every score is labelled up to a year of audits; beyond that only the last and every sixth.
    every = 1 if len(history) <= 13 else 6
    for index, point in enumerate(history):
        if point.score is None:
            if len(run) > 1:
                lines.append(" ".join(run))
            run = []
            continue
        px, py = round(x(point, index), 1), round(y(point.score), 1)
        run.append(f"{px},{py}")
        show = index == len(history) - 1 or (len(history) - 1 - index) % every == 0
        dots.append(Dot(px, py, Label(px, round(py - 9, 1), str(point.score)) if show else None))
    if len(run) > 1:
        lines.append(" ".join(run))
    y_grid = [
        GridLine(round(y(v), 1), Label(left - 8, round(y(v) + 4, 1), str(v)))
        for v in (0, 25, 50, 75, 100)
    ]
    step = max(1, -(-len(history) // 7))  # at most about seven dates along the bottom
    x_labels = []
    for index, point in enumerate(history):
        if (len(history) - 1 - index) % step == 0:
            label = f"{words.month_short(point.date.month)} {point.date.year % 100:02d}"
            x_labels.append(Label(round(x(point, index), 1), height - 12, label))
    scored = [p for p in history if p.score is not None]
    if len(scored) >= 2:
        summary = ngettext(
            "From %(first)d (%(first_date)s) to %(last)d (%(last_date)s), %(n)d audit.",
            "From %(first)d (%(first_date)s) to %(last)d (%(last_date)s), %(n)d audits.",
            len(history),
        ) % {
            "first": scored[0].score or 0,
            "first_date": text.day(scored[0].date),
            "last": scored[-1].score or 0,
            "last_date": text.day(scored[-1].date),
            "n": len(history),
        }
    elif scored:
        summary = _("One audit so far, with score %(score)d.") % {"score": scored[0].score or 0}
    else:
        summary = _("No scores yet.")
    return Chart(width, height, left, width - right, lines, dots, y_grid, x_labels, summary)


def ordered(section: ReportSection) -> list[Any]:
    return sorted(section.items, key=lambda i: (_ORDER[i.status], not i.resolved))


def counts(section: ReportSection) -> dict[str, int]:
    items = section.items
    return {
        "open": sum(1 for i in items if i.status == ItemStatus.OPEN),
        "in_order": sum(1 for i in items if i.status == ItemStatus.IN_ORDER),
        "resolved": sum(1 for i in items if i.resolved),
        "total": len(items),
    }


def labels() -> dict[str, str]:
    return {
        "content_note": _("Personal data"),
        "in_report": _("In this report:"),
        "left_out": _("Left out:"),
        "score_title": _("Score"),
        "chart_title": _("Score over time"),
        "overview": _("Overview"),
        "open_points": _("Open action points"),
        "resolved": _("Resolved since the previous audit"),
        "none_open": _("No open action points."),
        "sections": _("Per section"),
        "item": _("Item"),
        "status": _("Status"),
        "when": _("Since / when"),
        "note": _("Note"),
        "resolved_badge": _("resolved"),
        "new_badge": _("new"),
        "agreements": _("Agreements with clients"),
        "agreements_intro": _(
            "How you handle online contact with clients: the part most worth discussing together."
        ),
        "search": _("What others can find about you"),
        "profiles": _("Old profiles"),
        "found_on": _("Found on:"),
        "incidents": _("Incidents"),
        "profile_actions": _("Profiles marked for action"),
        "category": _("Category"),
        "results": _("Results"),
        "actions": _("Results marked for action"),
        "colleague": _("For the colleague who looks along"),
        "colleague_intro": _("Thank you for taking a look. These points are worth a conversation:"),
        "nothing_special": _("Nothing stands out this time; the questions below still help."),
        "remarks": _("Remarks"),
        "looked_by": _("Looked at by"),
        "looked_on": _("On (date)"),
        "open_count": _("open"),
        "in_order_count": _("in order"),
        "resolved_count": _("resolved"),
    }


def render(report: Report) -> str:
    env = jinja_env(
        day=text.day,
        age=text.age,
        status=words.status_label,
        priority=text.priority_label,
        when=words.when,
        attention=words.attention_text,
        finding_status=words.finding_status,
        profile_action=words.profile_action,
    )
    sharing = report.sharing
    has_search = report.search is not None
    every = [*report.sections, *([report.agreements] if report.agreements else [])]
    open_items = report.open_items()  # priority, then checklist order
    shared = report.incidents.shared if report.incidents else None
    template = env.get_template("report.html")
    return template.render(
        r=report,
        t=labels(),
        title=words.title(report),
        audit_line=words.audit_line(report),
        score_headline=words.score_headline(report.score),
        score_explanation=words.score_explanation(report.score),
        score_change=words.score_change(report.score),
        personal_data_note=words.personal_data_note(),
        included=", ".join(words.sharing_included(sharing, has_search)),
        left_out=", ".join(label for label, _o in words.sharing_left_out(sharing, has_search)),
        chart=chart(report.history),
        name_line=words.name_line(report.name) if report.name else "",
        of_items=_("of %(n)d") % {"n": report.score.counted},
        search_line=words.search_line(report.search) if report.search else "",
        profiles_line=words.profiles_line(report.profiles) if report.profiles else "",
        incidents_line=words.incidents_line(report.incidents) if report.incidents else "",
        incident_heading=words.incident_heading(shared) if shared else "",
        incident_rows=words.incident_rows(shared) if shared else [],
        profiles_attention=words.profiles_attention(report),
        made_with=words.made_with(report),
        prompts=words.colleague_prompts(),
        open_summary=words.open_summary(open_items),
        ordered=ordered,
        counts=counts,
        open_items=open_items,
        resolved_items=[i for s in every for i in s.items if i.resolved],
    )
