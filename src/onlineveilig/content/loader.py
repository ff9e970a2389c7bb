"""Reading checklists/*.toml and organisation files into validated models.

Every parse or validation problem becomes one ContentError that names the file, the item and the
field, so the CLI can show it without a traceback.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from onlineveilig.errors import ChecklistConflict, ContentError, ContentKind, FieldProblem

from .models import Checklist, Item, Platform, PlatformList, SiteList

M = TypeVar("M", bound=BaseModel)


def builtin_dir() -> Path:
    """The checklists folder: inside the installed package, or at the top of a source checkout."""
    packaged = Path(str(resources.files("onlineveilig"))) / "checklists"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "checklists"


def read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(path, kind=ContentKind.NOT_UTF8) from None
    except FileNotFoundError:
        raise ContentError(path, kind=ContentKind.MISSING) from None
    except IsADirectoryError:
        raise ContentError(path, kind=ContentKind.NOT_A_FILE) from None
    except OSError as err:
        raise ContentError(
            path, kind=ContentKind.UNREADABLE, syntax=err.strerror or str(err)
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ContentError(path, syntax=str(err)) from None


def _problems(data: dict[str, Any], err: ValidationError, list_key: str) -> list[FieldProblem]:
    problems = []
    for e in err.errors():
        loc = list(e["loc"])
        item: str | None = None
        if len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
            entries = data.get(list_key)
            entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                item = entry["id"]
            else:
                item = f"#{loc[1] + 1}"
            loc = loc[2:]
        field_path = ".".join(str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in loc)
        field_path = field_path.replace(".[", "[")
        problems.append(
            FieldProblem(item, field_path, e["type"], e["msg"], dict(e.get("ctx") or {}))
        )
    return problems


def validate(path: Path, model: type[M], data: dict[str, Any], list_key: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise ContentError(path, _problems(data, err, list_key)) from None


def load_checklist(path: Path, *, require_english: bool = False) -> Checklist:
    data = read_toml(path)
    checklist = validate(path, Checklist, data, "items")
    if require_english:
        _require_english(path, checklist)
    return checklist


def _require_english(path: Path, checklist: Checklist) -> None:
    problems: list[FieldProblem] = []

    def need(item: str | None, field_name: str, value: object) -> None:
        if value is None:
            problems.append(FieldProblem(item, field_name + ".en", "missing", "Field required", {}))

    need(None, "title", checklist.title.en)
    if checklist.intro:
        need(None, "intro", checklist.intro.en)
    for item in checklist.items:
        for name in ("question", "why", "steps"):
            need(item.id, name, getattr(item, name).en)
        for i, link in enumerate(item.links):
            need(item.id, f"links[{i + 1}].label", link.label.en)
        for i, variant in enumerate(item.variants):
            need(item.id, f"variants[{i + 1}].question", variant.question.en)
            if variant.why:
                need(item.id, f"variants[{i + 1}].why", variant.why.en)
            if variant.steps:
                need(item.id, f"variants[{i + 1}].steps", variant.steps.en)
    if problems:
        raise ContentError(path, problems)


def load_sites(path: Path | None = None) -> SiteList:
    """The kinds of site a search result can be on (checklists/sites.toml)."""
    path = path or builtin_dir() / "sites.toml"
    return validate(path, SiteList, read_toml(path), "categories")


def load_platforms(path: Path) -> list[Platform]:
    return validate(path, PlatformList, read_toml(path), "platforms").platforms


# Names people use for a platform besides its id and name (the name's brackets count too:
# "X (Twitter)" is found as "twitter").
PLATFORM_ALIASES = {
    "fb": "facebook",
    "insta": "instagram",
    "ig": "instagram",
    "x.com": "x",
    "wa": "whatsapp",
    "snap": "snapchat",
    "gmail": "google",
    "youtube": "google",
}


def _key(value: str) -> str:
    return "".join(value.lower().replace("-", " ").split())


@dataclass(frozen=True)
class Content:
    """Everything the audit asks, in order, with the platforms it knows."""

    sections: list[Checklist]
    platforms: list[Platform]
    disabled: frozenset[str] = field(default_factory=frozenset)
    sources: dict[str, Path] = field(default_factory=dict)

    def items(self) -> list[tuple[Checklist, Item]]:
        return [(s, i) for s in self.sections for i in s.items if i.id not in self.disabled]

    def item(self, item_id: str) -> tuple[Checklist, Item] | None:
        for section, item in self.items():
            if item.id == item_id:
                return section, item
        return None

    def section(self, section_id: str) -> Checklist | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def platform(self, platform_id: str) -> Platform | None:
        return next((p for p in self.platforms if p.id == platform_id), None)

    def find_platform(self, name: str) -> Platform | None:
        """A platform by id, name, nickname or its number in the list (as onboarding shows it)."""
        wanted = _key(name)
        if wanted.isdigit():
            number = int(wanted)
            return self.platforms[number - 1] if 1 <= number <= len(self.platforms) else None
        for platform in self.platforms:
            short, _bracket, rest = platform.name.partition("(")
            names = {platform.id, platform.name, short, rest.rstrip(")")}
            if wanted in {_key(n) for n in names if n.strip()}:
                return platform
        alias = PLATFORM_ALIASES.get(wanted)
        return next((p for p in self.platforms if p.id == alias), None)

    def versions(self) -> dict[str, int]:
        return {s.id: s.version for s in self.sections}


def load_content(folder: Path | None = None, extra: list[Path] | None = None) -> Content:
    """The built-in checklists plus any organisation files, checked against each other."""
    folder = folder or builtin_dir()
    platforms = load_platforms(folder / "platforms.toml")
    known_platforms = {p.id for p in platforms}
    sections: list[Checklist] = []
    sources: dict[str, Path] = {}
    item_sources: dict[str, Path] = {}
    disabled: set[str] = set()
    files = [(p, True) for p in sorted((folder / "sections").glob("*.toml"))]
    files += [(Path(p), False) for p in extra or []]
    for path, builtin in files:
        checklist = load_checklist(path, require_english=builtin)
        if checklist.id in sources:
            raise ChecklistConflict(
                path, checklist.id, "duplicate-section", str(sources[checklist.id])
            )
        sources[checklist.id] = path
        if builtin and checklist.disable:
            raise ChecklistConflict(path, "disable", "disable-in-builtin")
        for item in checklist.items:
            if item.id in item_sources:
                raise ChecklistConflict(path, item.id, "duplicate-item", str(item_sources[item.id]))
            item_sources[item.id] = path
            for platform in [
                *item.platforms,
                *([checklist.platform] if checklist.platform else []),
            ]:
                if platform not in known_platforms:
                    raise ChecklistConflict(path, item.id, "unknown-platform", platform)
        disabled.update(checklist.disable)
        sections.append(checklist)
    for path, builtin in files:
        if not builtin:
            for item_id in load_checklist(path).disable:
                if item_id not in item_sources:
                    raise ChecklistConflict(path, item_id, "unknown-disable")
    sections.sort(key=lambda s: (s.order, s.id))
    return Content(sections, platforms, frozenset(disabled), sources)
