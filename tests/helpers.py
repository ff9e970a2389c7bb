"""Small checklist folders written by tests, so logic tests do not depend on the real content."""

from __future__ import annotations

from pathlib import Path

PLATFORMS = """
[[platforms]]
id = "facebook"
name = "Facebook"
summary.nl = "Sociaal netwerk."
summary.en = "Social network."

[[platforms]]
id = "tiktok"
name = "TikTok"
summary.nl = "Video's."
summary.en = "Videos."
"""


def item(
    item_id: str, frequency: str = "monthly", priority: str = "essential", extra: str = ""
) -> str:
    return f"""
[[items]]
id = "{item_id}"
seed = ["zelf.aanwezigheid.google-jezelf"]
priority = "{priority}"
frequency = "{frequency}"
{extra}
question.nl = "Vraag {item_id}?"
question.en = "Question {item_id}?"
why.nl = "Omdat {item_id}."
why.en = "Because {item_id}."
steps.nl = ["Stap een voor {item_id}."]
steps.en = ["Step one for {item_id}."]
"""


def section(section_id: str, order: int, items: str, extra: str = "") -> str:
    return f"""
id = "{section_id}"
version = 1
order = {order}
title.nl = "Onderdeel {section_id}"
title.en = "Section {section_id}"
{extra}
{items}
"""


def write_content(folder: Path, basis: str | None = None) -> Path:
    """A small checklist: section basis (these items, or four of each kind) and section fb."""
    (folder / "sections").mkdir(parents=True)
    (folder / "platforms.toml").write_text(PLATFORMS, encoding="utf-8")
    if basis is None:
        basis = (
            item("maand")
            + item("kwartaal", "quarterly")
            + item("eenmaal", "once", "recommended")
            + item("extraatje", "monthly", "extra")
        )
    (folder / "sections" / "a.toml").write_text(section("basis", 10, basis), encoding="utf-8")
    (folder / "sections" / "b.toml").write_text(
        section("fb", 20, item("fb-zoeken"), 'platform = "facebook"'), encoding="utf-8"
    )
    return folder
