"""WhatsMyName's own list (wmn-data.json, CC BY-SA 4.0) read into the same Site model.

Its fields map one to one: uri_check -> check ({account} -> {username}), uri_pretty -> show,
e_code/e_string -> hit, m_code/m_string -> miss, post_body -> a POST body, strip_bad_char ->
strip. Sites marked `valid: false` and sites whose hit and miss cannot be told apart are skipped
and counted, not refused: the community list changes every week and one stale entry should not
stop an organisation from using the other six hundred. (Browser disguises in its headers, a
User-Agent, are not sent: see address.DROPPED_HEADERS.)
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from onlineveilig.content.loader import validate
from onlineveilig.content.models import Text

from .model import Rule, Site

# WhatsMyName's categories (its "categories" list), in both languages.
CATEGORIES: dict[str, tuple[str, str]] = {
    "archived": ("Archieven", "Archives"),
    "art": ("Kunst", "Art"),
    "blog": ("Blogs", "Blogs"),
    "business": ("Zakelijk", "Business"),
    "coding": ("Programmeren", "Coding"),
    "dating": ("Daten", "Dating"),
    "finance": ("Geld en beleggen", "Finance"),
    "gaming": ("Gamen", "Gaming"),
    "health": ("Gezondheid", "Health"),
    "hobby": ("Hobby's", "Hobbies"),
    "images": ("Foto's en beelden", "Images"),
    "misc": ("Andere", "Other"),
    "music": ("Muziek", "Music"),
    "news": ("Nieuws", "News"),
    "political": ("Politiek", "Politics"),
    "search": ("Zoeken", "Search"),
    "shopping": ("Winkelen", "Shopping"),
    "social": ("Sociale netwerken", "Social networks"),
    "tech": ("Technologie", "Technology"),
    "video": ("Video", "Video"),
    "xx-nsfw-xx": ("Erotiek (18+)", "Adult (18+)"),
}


class WmnSite(BaseModel):
    # New fields appear in the community list from time to time: they are ignored, not refused.
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str = Field(min_length=1, max_length=120)
    uri_check: str = Field(min_length=1)
    uri_pretty: str | None = None
    post_body: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    strip_bad_char: str = ""
    e_code: int
    e_string: str
    m_code: int
    m_string: str
    known: list[str] = Field(min_length=1)
    cat: str = "misc"
    valid: bool = True
    protection: list[str] = Field(default_factory=list)


class WmnFile(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    sites: list[WmnSite] = Field(min_length=1)


def is_wmn(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("sites"), list)


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:60] or "site"


def absent_name(site_name: str) -> str:
    """A username that almost surely does not exist (WhatsMyName gives none): 12 letters/digits."""
    return "zq" + hashlib.sha256(site_name.encode()).hexdigest()[:10]


def read(path: Path, data: dict[str, Any]) -> tuple[list[Site], dict[str, Text], dict[str, int]]:
    """The usable sites, their categories, and how many were skipped for which reason."""
    entries = data["sites"]
    skipped = {"not-valid": 0, "unusable": 0}
    kept: list[dict[str, Any]] = []
    for entry in entries:
        if isinstance(entry, dict) and entry.get("valid") is False:
            skipped["not-valid"] += 1
            continue
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            entry = {**entry, "id": entry["name"]}  # so a problem names the site
        kept.append(entry)
    parsed = validate(path, WmnFile, {"sites": kept}, "sites") if kept else WmnFile(sites=[])
    sites: list[Site] = []
    seen: dict[str, int] = {}
    categories: dict[str, Text] = {}
    for entry in parsed.sites:
        mapped = _site(entry, seen)
        if mapped is None:
            skipped["unusable"] += 1
            continue
        sites.append(mapped)
        if mapped.category not in categories:
            nl, en = CATEGORIES.get(mapped.category, (entry.cat, entry.cat))
            categories[mapped.category] = Text(nl=nl or "?", en=en or "?")
    return sites, categories, {k: v for k, v in skipped.items() if v}


def _site(entry: WmnSite, seen: dict[str, int]) -> Site | None:
    from pydantic import ValidationError

    check = entry.uri_check.replace("{account}", "{username}")
    body = entry.post_body.replace("{account}", "{username}") if entry.post_body else None
    hit = Rule(status=entry.e_code, text=entry.e_string) if 100 <= entry.e_code <= 599 else None
    miss = Rule(status=entry.m_code, text=entry.m_string) if 100 <= entry.m_code <= 599 else None
    if hit is None or miss is None:
        return None
    base = slug(entry.name)
    seen[base] = seen.get(base, 0) + 1
    site_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
    try:
        return Site(
            id=site_id,
            name=entry.name,
            category=slug(entry.cat),
            check=check,
            show=entry.uri_pretty.replace("{account}", "{username}") if entry.uri_pretty else None,
            method="POST" if body is not None else "GET",
            body=body,
            headers=entry.headers,
            hit=hit,
            miss=miss,
            known=entry.known,
            absent=absent_name(entry.name),
            protection=entry.protection,
            source="whatsmyname",
            strip=entry.strip_bad_char,
        )
    except ValidationError:
        # An address we cannot use, rules that cannot be told apart: skipped, and counted.
        return None
