"""Write docs/share.schema.json from the share model (a test checks the two agree).

Usage: python scripts/export-share-schema.py
"""

from __future__ import annotations

from pathlib import Path

from onlineveilig.share.model import json_schema_text

TARGET = Path(__file__).resolve().parents[1] / "docs" / "share.schema.json"

if __name__ == "__main__":
    TARGET.write_text(json_schema_text(), encoding="utf-8")
    print(f"Wrote {TARGET}")
