"""What every command shares: leaving with a message, the store, the content, the profile."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from onlineveilig import settings
from onlineveilig.content.loader import Content, load_content
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.paths import database_path, export_dir
from onlineveilig.store.repo import Store

if TYPE_CHECKING:
    from onlineveilig.content.rules import Rules


def fail(message: str, hint: str = "", code: int = ExitCode.USAGE) -> NoReturn:
    # Imported here: `status --check` from cron should not pay for rich (see bench/startup.py).
    from rich.text import Text

    from onlineveilig.ui import console
    from onlineveilig.ui.safe import clean

    err = console.err()
    # soft_wrap: file paths in messages stay on one line, so they can be copied.
    err.print(Text(clean(message, keep_newlines=True), style="bold red"), soft_wrap=True)
    if hint:
        # A hint is advice in words: wrapped between words, never broken inside one.
        err.print(Text(clean(hint, keep_newlines=True)))
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


def rules_option() -> Any:
    """The --rules option of the commands that read the organisation's rules (see checklist_option)."""
    return typer.Option(
        "--rules",
        metavar=_("FILE"),
        help=_("Use this rules file instead of the one in your settings."),
    )


def output_option(help_text: str) -> Any:
    """The -o/--output option of every command that writes a file (see write_output)."""
    return typer.Option("-o", "--output", metavar=_("FILE"), help=help_text)


def format_option(help_text: str | None = None, metavar: str = "html|md|json") -> Any:
    """The --format option of the commands that write a report-like file."""
    return typer.Option(
        "--format",
        metavar=metavar,
        help=help_text or _("The kind of file; default: from the file name, else html."),
    )


FILE_FORMATS = {"html": "html", "md": "md", "markdown": "md", "json": "json"}


def file_format(form: str | None, output: str | None, *, with_json: bool = True) -> str:
    """The kind of file to write (see format_option): --format when given, else from the output
    file's name, else html. An unknown --format leaves with a message naming the kinds."""
    kinds = {k: v for k, v in FILE_FORMATS.items() if with_json or v != "json"}
    if form is not None:
        kind = kinds.get(form.strip().lower())
        if kind is None:
            unknown = (
                _("Unknown format: %(value)s (use html, md or json).")
                if with_json
                else _("Unknown format: %(value)s (use html or md).")
            )
            fail(unknown % {"value": form})
        return kind
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    return kinds.get(suffix, "html")


def json_option(help_text: str) -> Any:
    """The --json option of every command that can print JSON for other tools."""
    return typer.Option("--json", help=help_text)


def yes_option(help_text: str) -> Any:
    """The --yes/-y option of the commands that ask before sending anything."""
    return typer.Option("--yes", "-y", help=help_text)


def dry_run_option(help_text: str) -> Any:
    """The --dry-run option: show what would be sent, send nothing."""
    return typer.Option("--dry-run", help=help_text)


def content(checklist: Path | None = None) -> Content:
    """Built-in checklists plus the organisation's file (--checklist, else the setting)."""
    try:
        extra = checklist or _configured_checklist()
        return load_content(extra=[extra] if extra else None)
    except OnlineveiligError as error:
        fail_with(error)


def _configured_checklist() -> Path | None:
    value = settings.read(search=False).get("checklist")
    return Path(value).expanduser() if value else None


def rules_file(option: Path | None = None) -> Path | None:
    """Where the organisation's rules are: --rules, else the `rules` setting; None if neither.

    Raises OnlineveiligError when the settings cannot be read.
    """
    if option is not None:
        return option.expanduser()
    value = settings.read(search=False).get("rules")
    return Path(value).expanduser() if value else None


def organisation_rules(option: Path | None = None) -> tuple[Path, Rules] | None:
    """The rules file and what it says; None when there is none.

    Raises OnlineveiligError when the settings or the file cannot be read or used.
    """
    path = rules_file(option)
    if path is None:
        return None
    from onlineveilig.content.rules import load_rules

    return path, load_rules(path)


def required_rules(option: Path | None = None) -> tuple[Path, Rules]:
    """The rules file and its rules for a command that needs them; else a message how to get them."""
    try:
        found = organisation_rules(option)
    except OnlineveiligError as error:
        fail_with(error)
    if found is None:
        fail(
            _("There is no rules file yet."),
            _(
                "Make one with 'onlineveilig afspraken init'. Or, if your organisation gave you "
                "one, choose it as your rules file: onlineveilig config set rules <path to the file>"
            ),
        )
    return found


def rules_facts() -> dict[str, str] | None:
    """What the organisation's rules file says, as facts the checklist variants refer to."""
    try:
        found = organisation_rules()
    except OnlineveiligError as error:
        fail_with(error)
    return found[1].facts() if found is not None else None


def write_output(output: str | None, data: str | bytes, name: str) -> Path | None:
    """Write a command's file: `-` prints it (then None), a folder gets `name` inside it, no
    output puts `name` in the documents folder. Returns where it was written; a file that
    cannot be written ends the command with a message saying why.
    """
    from onlineveilig import outfile

    if outfile.is_stdout(output):
        outfile.to_stdout(data)
        return None
    path = outfile.target(output, name, export_dir())
    try:
        outfile.write(path, data)
    except OnlineveiligError as error:
        fail_with(error)
    return path


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
