"""The report as JSON in the documented, versioned shape (docs/report-json.md)."""

from __future__ import annotations

from .model import Report


def render(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"
