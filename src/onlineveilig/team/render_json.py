"""The team report as JSON for other tools: a hidden figure is null with "too_few": true."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from onlineveilig import __version__

from .model import Row, TeamReport


def _row(row: Row) -> dict[str, Any]:
    return {
        "item": row.label,
        "action": row.action,
        "answered": row.answered,
        "percent": row.percent,
        "too_few": row.action is None,
    }


def to_json(report: TeamReport) -> str:
    data: dict[str, Any] = asdict(report)
    for key in ("sections", "months"):
        for block, source in zip(data[key], getattr(report, key), strict=True):
            block["rows"] = [_row(r) for r in source.rows]
    if report.organisation is not None:
        data["organisation"]["rows"] = [_row(r) for r in report.organisation.rows]
    data = {"format": "onlineveilig-team-report", "version": 1, "made_with": __version__, **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
