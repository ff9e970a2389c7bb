"""What every command shares: leaving with a message, the store, the content, the profile."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer

from onlineveilig import settings
from onlineveilig.content.loader import Content, load_content
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.paths import database_path
from onlineveilig.store.repo import Store


def fail(message: str, hint: str = "", code: int = ExitCode.USAGE) -> NoReturn:
    # Imported here: `status --check` from cron should not pay for rich (see bench/startup.py).
    from rich.text import Text

    from onlineveilig.ui import console
    from onlineveilig.ui.safe import clean

    err = console.err()
    # soft_wrap: file paths in messages stay on one line, so they can be copied.
    err.print(Text(clean(message, keep_newlines=True), style="bold red"), soft_wrap=True)
    if hint:
        err.print(Text(clean(hint, keep_newlines=True)), soft_wrap=True)
    raise typer.Exit(int(code))


def fail_with(error: OnlineveiligError) -> NoReturn:
    from onlineveilig.ui.errors import explain

    message, hint, code = explain(error)
    fail(message, hint, code)


def open_store() -> Store:
    try:
        return Store(database_path())
    except OnlineveiligError as error:
        fail_with(error)


def checklist_option() -> Any:
    """The --checklist option that every command reading the checklists takes.

    A function, not a constant: its help is translated when the command is registered.
    """
    return typer.Option(
        "--checklist", metavar=_("FILE"), help=_("Your organisation's checklist file.")
    )


def content(checklist: Path | None = None) -> Content:
    """Built-in checklists plus the organisation's file (--checklist, else the setting)."""
    try:
        extra = checklist or _configured_checklist()
        return load_content(extra=[extra] if extra else None)
    except OnlineveiligError as error:
        fail_with(error)


def _configured_checklist() -> Path | None:
    value = settings.read().get("checklist")
    return Path(value).expanduser() if value else None


def rules_facts() -> dict[str, str] | None:
    """What the organisation's rules file says, as facts the checklist variants refer to."""
    try:
        value = settings.read().get("rules")
        if not value:
            return None
        from onlineveilig.content.rules import load_rules

        return load_rules(Path(value).expanduser()).facts()
    except OnlineveiligError as error:
        fail_with(error)


def platforms_of(profile: dict[str, str]) -> set[str] | None:
    """The user's platforms; None when onboarding has not asked yet."""
    if "platforms" not in profile:
        return None
    return {p for p in profile["platforms"].split(",") if p}


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def check_item_count(content: Content) -> None:
    if not content.items():
        fail(_("There are no checklist items."), code=ExitCode.CONTENT)
