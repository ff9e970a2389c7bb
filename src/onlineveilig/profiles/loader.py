"""Reading a site list: ours (TOML, checklists/profiles.toml) or WhatsMyName's wmn-data.json.

Which one a file is, is told by its content (JSON with a "sites" list is WhatsMyName's), not by
its name. Every problem becomes one ContentError naming the file, the site and the field, shown
by the CLI the way a broken checklist is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from onlineveilig.content.loader import builtin_dir, read_toml, validate
from onlineveilig.content.models import Text
from onlineveilig.errors import ContentError, FieldProblem
from onlineveilig.i18n import _

from . import wmn
from .model import Site, SiteFile


@dataclass(frozen=True)
class Catalogue:
    """The sites to check, the names of their categories, and what was left out (and why)."""

    sites: list[Site]
    categories: dict[str, Text]
    path: Path
    kind: str = "toml"  # or "whatsmyname"
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> how many

    def category(self, site: Site, lang: str) -> str:
        label = self.categories.get(site.category)
        return label.get(lang) if label else site.category


def builtin_path() -> Path:
    return builtin_dir() / "profiles.toml"


def load(path: Path | None = None) -> Catalogue:
    path = path or builtin_path()
    try:
        return _ours(path, read_toml(path))
    except ContentError as error:
        if error.kind != "syntax":
            raise
        text = path.read_text(encoding="utf-8-sig")  # read_toml could read it: only TOML failed
        if not text.lstrip().startswith(("{", "[")):
            raise
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ContentError(
            path,
            [
                _problem(
                    None,
                    "",
                    _(
                        "It is not valid JSON: there is a mistake on line %(line)d, near column "
                        "%(column)d."
                    )
                    % {"line": err.lineno, "column": err.colno},
                )
            ],
        ) from None
    if not wmn.is_wmn(data):
        raise ContentError(
            path,
            [
                _problem(
                    None,
                    "sites",
                    _("this field is missing (a WhatsMyName file has a list of sites)"),
                )
            ],
        )
    sites, categories, skipped = wmn.read(path, data)
    return Catalogue(sites, categories, path, "whatsmyname", skipped)


def _problem(item: str | None, field_name: str, detail: str) -> FieldProblem:
    return FieldProblem(item, field_name, "value_error", detail, {})


def _ours(path: Path, data: dict[str, object]) -> Catalogue:
    parsed = validate(path, SiteFile, data, "site")
    problems: list[FieldProblem] = []
    seen: set[str] = set()
    for site in parsed.site:
        if site.id in seen:
            problems.append(
                _problem(
                    site.id, "id", _("the id %(id)s appears twice in this file") % {"id": site.id}
                )
            )
        seen.add(site.id)
        if site.category not in parsed.categories:
            problems.append(
                _problem(
                    site.id,
                    "category",
                    _("%(category)s is not one of the [categories] of this file")
                    % {"category": site.category},
                )
            )
    if problems:
        raise ContentError(path, problems)
    return Catalogue(list(parsed.site), dict(parsed.categories), path, "toml")
