"""Reading checklists/*.toml and organisation files into the light objects of data.py.

Every file is checked against the schema in models.py (pydantic). For the built-in files that
happens once, when checklists/compiled.json is made (`make checklists`; tests/test_content.py
fails when it is out of date): at run time the commands read that copy, which is much faster than
importing pydantic and validating every file again. The copy carries a fingerprint of the files it
was made from; when a built-in file differs (edited in a source checkout), the files themselves
are read and validated instead, so the copy can be slow to notice, never wrong. Organisation files
(--checklist, the checklist setting) are always validated in full.

Every parse or validation problem becomes one ContentError that names the file, the item and the
field, so the CLI can show it without a traceback.
"""

import json
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from onlineveilig.errors import ChecklistConflict, ContentError, ContentKind, FieldProblem

from .data import Checklist, Item, Platform

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from .models import Checklist as ChecklistSchema
    from .models import SiteList

M = TypeVar("M", bound="BaseModel")

# The compiled copy of the built-in checklists, next to them; FORMAT changes with its layout.
COMPILED = "compiled.json"
FORMAT = 1


def builtin_dir() -> Path:
    """The checklists folder: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "checklists"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "checklists"


def read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM (Notepad) is fine
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


def _problems(data: dict[str, Any], err: "ValidationError", list_key: str) -> list[FieldProblem]:
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
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise ContentError(path, _problems(data, err, list_key)) from None


def _checked_checklist(path: Path, require_english: bool) -> dict[str, Any]:
    """One checklist file validated against the schema, as plain data for data.Checklist."""
    from .models import Checklist as Schema

    checklist = validate(path, Schema, read_toml(path), "items")
    if require_english:
        _require_english(path, checklist)
    return checklist.model_dump(mode="json")


def load_checklist(path: Path, *, require_english: bool = False) -> Checklist:
    return Checklist.of(_checked_checklist(path, require_english))


def _require_english(path: Path, checklist: "ChecklistSchema") -> None:
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


def load_sites(path: Path | None = None) -> "SiteList":
    """The kinds of site a search result can be on (checklists/sites.toml)."""
    from .models import SiteList

    path = path or builtin_dir() / "sites.toml"
    return validate(path, SiteList, read_toml(path), "categories")


def _checked_platforms(path: Path) -> list[dict[str, Any]]:
    from .models import PlatformList

    checked = validate(path, PlatformList, read_toml(path), "platforms")
    return [p.model_dump(mode="json") for p in checked.platforms]


def load_platforms(path: Path) -> list[Platform]:
    return [Platform.of(p) for p in _checked_platforms(path)]


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


class Content(NamedTuple):
    """Everything the audit asks, in order, with the platforms it knows.

    (No `from __future__ import annotations` in this module: NamedTuple compiles string ones.)
    """

    sections: list[Checklist]
    platforms: list[Platform]
    disabled: frozenset[str]
    # Which file each section came from, by section id.
    sources: dict[str, Path]

    def items(self) -> list[tuple[Checklist, Item]]:
        return [(s, i) for s in self.sections for i in s.items if i.id not in self.disabled]

    def item(self, item_id: str) -> tuple[Checklist, Item] | None:
        for section, item in self.items():
            if item.id == item_id:
                return section, item
        return None

    def section(self, section_id: str) -> Checklist | None:
        """A section by its id or its English id (`presence` finds `aanwezigheid`)."""
        wanted = section_id.strip().lower()
        return next((s for s in self.sections if wanted in s.ids()), None)

    def section_ids(self, lang: str) -> list[str]:
        """The ids of the sections as the user sees them (English ones in English mode)."""
        return [s.shown_id(lang) for s in self.sections]

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


def _builtin_files(folder: Path) -> list[Path]:
    return [folder / "platforms.toml", *sorted((folder / "sections").glob("*.toml"))]


def _fingerprint(folder: Path, files: list[Path]) -> str:
    """What the compiled copy was made from: each file's name, size and CRC-32.

    It only has to notice an edited file (it is no safeguard against tampering: whoever can edit
    these files can edit the copy too), and hashlib would add several milliseconds to start-up.
    """
    parts = [f"format {FORMAT}"]
    for path in files:
        data = path.read_bytes()
        parts.append(f"{path.relative_to(folder).as_posix()} {len(data)} {zlib.crc32(data):08x}")
    return "; ".join(parts)


def _checked_builtin(folder: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The built-in platforms and sections (by file name), each validated against the schema."""
    platforms = _checked_platforms(folder / "platforms.toml")
    sections = {
        path.relative_to(folder).as_posix(): _checked_checklist(path, require_english=True)
        for path in _builtin_files(folder)[1:]
    }
    return platforms, sections


def _builtin(folder: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The built-in content: from the compiled copy when it matches the files, else validated."""
    files = _builtin_files(folder)
    try:
        compiled = json.loads((folder / COMPILED).read_text(encoding="utf-8"))
        if compiled["fingerprint"] == _fingerprint(folder, files):
            return compiled["platforms"], compiled["sections"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no usable copy: read the files themselves
    return _checked_builtin(folder)


def compile_builtin(folder: Path | None = None) -> str:
    """The text of checklists/compiled.json: the built-in files, validated, checked together."""
    folder = folder or builtin_dir()
    platforms, sections = _checked_builtin(folder)
    _combine(folder, platforms, sections, [])  # refuses files that contradict each other
    compiled = {
        "fingerprint": _fingerprint(folder, _builtin_files(folder)),
        "platforms": platforms,
        "sections": sections,
    }
    return json.dumps(compiled, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load_content(folder: Path | None = None, extra: list[Path] | None = None) -> Content:
    """The built-in checklists plus any organisation files, checked against each other."""
    folder = folder or builtin_dir()
    platforms, sections = _builtin(folder)
    return _combine(folder, platforms, sections, [Path(p) for p in extra or []])


def _combine(
    folder: Path,
    platform_data: list[dict[str, Any]],
    builtin: dict[str, dict[str, Any]],
    extra: list[Path],
) -> Content:
    platforms = [Platform.of(p) for p in platform_data]
    known_platforms = {p.id for p in platforms}
    sections: list[Checklist] = []
    sources: dict[str, Path] = {}
    names: dict[str, Path] = {}
    item_sources: dict[str, Path] = {}
    disabled: set[str] = set()
    files = [(folder / name, Checklist.of(data), True) for name, data in sorted(builtin.items())]
    files += [(path, load_checklist(path), False) for path in extra]
    for path, checklist, is_builtin in files:
        for name in checklist.ids():
            if name in names:
                raise ChecklistConflict(path, name, "duplicate-section", str(names[name]))
            names[name] = path
        sources[checklist.id] = path
        if is_builtin and checklist.disable:
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
    for path, checklist, is_builtin in files:
        if not is_builtin:
            for item_id in checklist.disable:
                if item_id not in item_sources:
                    raise ChecklistConflict(path, item_id, "unknown-disable")
    sections.sort(key=lambda s: (s.order, s.id))
    return Content(sections, platforms, frozenset(disabled), sources)
