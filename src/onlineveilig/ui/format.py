"""Dates and ages (from onlineveilig.text) and small charts for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from onlineveilig.text import age, day, month_name, relative

__all__ = ["age", "bar", "day", "month_name", "relative", "sparkline"]


BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int | None]) -> str:
    """A one-line chart of scores 0–100 (a gap for an audit without a score)."""
    out = []
    for value in values:
        if value is None:
            out.append(" ")
        else:
            out.append(BARS[min(len(BARS) - 1, max(0, value) * len(BARS) // 101)])
    return "".join(out)


def bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else width
    return "━" * filled + "─" * (width - filled)
