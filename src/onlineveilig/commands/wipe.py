"""`onlineveilig wipe`: delete everything onlineveilig stored, after a typed confirmation."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer
from rich.text import Text

from onlineveilig import secrets
from onlineveilig.commands import help_for
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _, ngettext
from onlineveilig.paths import config_dir, data_dir, evidence_dir, export_dir
from onlineveilig.store.repo import Store
from onlineveilig.ui import console, prompts
from onlineveilig.ui.clicktext import Command


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("wipe"))
    def wipe() -> None:
        run()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _delete(folder: Path) -> None:
    try:
        shutil.rmtree(folder)
    except OSError as err:
        from onlineveilig.commands.common import fail
        from onlineveilig.ui.oserrors import os_reason

        fail(
            _("Could not delete %(path)s: %(reason)s.")
            % {"path": err.filename or folder, "reason": os_reason(err)},
            _(
                "What could not be deleted is still there. Check that you may change that "
                "folder, then run onlineveilig wipe again."
            ),
            ExitCode.STORE,
        )


def run() -> None:
    out = console.out()
    folders = [data_dir(), config_dir(), export_dir()]
    files = [f for folder in folders for f in _files(folder)]
    keys = [p for p in secrets.NEEDS_KEY if secrets.in_keyring(p)]
    if not files and not keys:
        out.print(_("There is nothing to delete: onlineveilig has stored nothing here."))
        return
    counts = None
    db = data_dir() / "onlineveilig.sqlite3"
    if db.exists():
        try:
            with Store(db) as store:
                counts = store.counts() | store.search.counts() | store.incidents.counts()
        except OnlineveiligError:
            counts = None
    out.print(Text(_("This deletes, for good:"), style="bold red"))
    if counts:
        audits = ngettext("%(n)d audit", "%(n)d audits", counts["audits"]) % {"n": counts["audits"]}
        answers = ngettext("%(n)d answer", "%(n)d answers", counts["answers"]) % {
            "n": counts["answers"]
        }
        out.print(
            "  • "
            + _("your history (%(audits)s, %(answers)s) and your profile")
            % {"audits": audits, "answers": answers}
        )
    if counts and counts["runs"]:
        out.print(
            "  • "
            + ngettext(
                "%(n)d search of search-me, with its results and your verdicts",
                "%(n)d searches of search-me, with their results and your verdicts",
                counts["runs"],
            )
            % {"n": counts["runs"]}
        )
    if counts and counts["checks"]:
        out.print(
            "  • "
            + ngettext(
                "%(n)d check of your usernames (onlineveilig profiles), with what it found",
                "%(n)d checks of your usernames (onlineveilig profiles), with what they found",
                counts["checks"],
            )
            % {"n": counts["checks"]}
        )
    if counts and counts["incidents"]:
        out.print(
            "  • "
            + ngettext(
                "%(n)d incident you wrote down, with its history",
                "%(n)d incidents you wrote down, with their history",
                counts["incidents"],
            )
            % {"n": counts["incidents"]}
        )
    evidence = evidence_dir()
    kept = [path for path in files if path.is_relative_to(evidence)]
    if kept:
        out.print(
            "  • "
            + ngettext(
                "%(n)d evidence file (the copies in %(folder)s; your own files are not touched)",
                "%(n)d evidence files (the copies in %(folder)s; your own files are not touched)",
                len(kept),
            )
            % {"n": len(kept), "folder": evidence}
        )
    for path in files:
        if not path.is_relative_to(evidence):
            out.print(f"  • {path}")
    for provider in keys:
        out.print(
            "  • " + _("the API key for %(provider)s in your keyring") % {"provider": provider}
        )
    word = _("DELETE")
    try:
        reply = prompts.raw(
            out,
            _("Type %(word)s to delete all of this (anything else keeps it): ") % {"word": word},
        )
    except prompts.Paused:
        reply = ""
    if reply.strip().upper() != word.upper():
        out.print(_("Nothing was deleted."))
        raise typer.Exit(int(ExitCode.CANCELLED))
    for folder in folders:
        if folder.is_dir():
            _delete(folder)
    for provider in keys:
        try:
            secrets.delete(provider)
        except OnlineveiligError:
            out.print(
                Text(
                    _("The key for %(provider)s could not be removed from your keyring.")
                    % {"provider": provider},
                    style="yellow",
                )
            )
    out.print(
        Text(
            ngettext(
                "Deleted %(n)d file. Files you saved elsewhere yourself (with -o) are not touched.",
                "Deleted %(n)d files. Files you saved elsewhere yourself (with -o) are not touched.",
                len(files),
            )
            % {"n": len(files)},
            style="green",
        )
    )
