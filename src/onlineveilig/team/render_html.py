"""The team report as one HTML file to print: the one Jinja environment (autoescape, strict
undefined), a strict CSP, and charts as inline SVG whose shapes are numbers only (no scripts)."""

from __future__ import annotations

from dataclasses import dataclass

from . import words
from .model import Count, Point, TeamReport

WIDTH, HEIGHT, PAD = 600, 180, 30


@dataclass(frozen=True)
class Dot:
    x: int
    y: int
    value: int
    label: str


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    value: int | None
    label: str


def _x(i: int, n: int) -> int:
    return PAD + (round(i * (WIDTH - 2 * PAD) / (n - 1)) if n > 1 else (WIDTH - 2 * PAD) // 2)


def trend_dots(points: list[Point]) -> list[Dot]:
    """The months with an in-order share, as points of a line from 0% (bottom) to 100% (top)."""
    span = HEIGHT - 2 * PAD
    return [
        Dot(_x(i, len(points)), PAD + round(span * (100 - p.in_order) / 100), p.in_order, p.label)
        for i, p in enumerate(points)
        if p.in_order is not None
    ]


def month_bars(counts: list[Count]) -> list[Bar]:
    """One bar per month; a month with too few workers gets no bar (its label says why)."""
    if not counts:
        return []
    top = max((c.n or 0 for c in counts), default=0) or 1
    step = (WIDTH - 2 * PAD) // len(counts)
    span = HEIGHT - 2 * PAD
    bars = []
    for i, c in enumerate(counts):
        height = round(span * (c.n or 0) / top)
        x = PAD + i * step
        bars.append(Bar(x, PAD + span - height, max(1, step - 4), height, c.n, c.label))
    return bars


def to_html(report: TeamReport) -> str:
    from onlineveilig.render.html import jinja_env

    dots = trend_dots(report.trend)
    return (
        jinja_env()
        .get_template("team.html")
        .render(
            r=report,
            title=words.title(),
            intro=words.intro(report),
            privacy=words.privacy(report),
            duplicates=words.duplicates(report) if report.duplicates else "",
            heading=words.heading,
            hidden_items=words.hidden_items,
            too_few=words.too_few(),
            label=words.labels(),
            dots=dots,
            line=" ".join(f"{d.x},{d.y}" for d in dots),
            bars=month_bars(report.incidents.by_month),
            width=WIDTH,
            height=HEIGHT,
            pad=PAD,
        )
    )
