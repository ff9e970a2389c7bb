"""Write docs/report.schema.json from the report model (a test checks the two agree).

Usage: python scripts/export-report-schema.py
"""

from __future__ import annotations

from pathlib import Path

from onlineveilig.report.model import json_schema_text

TARGET = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"

if __name__ == "__main__":
    TARGET.write_text(json_schema_text(), encoding="utf-8")
    print(f"Wrote {TARGET}")
