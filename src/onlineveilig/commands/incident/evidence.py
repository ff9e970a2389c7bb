"""`incident evidence N FILE... | --url URL` and `incident verify [N]`.

Files are copied byte for byte (onlineveilig.store.incidents); the user's own file is only read.
An address is recorded with the moment it was seen; it is never opened or fetched.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer
from rich.text import Text

from onlineveilig import clock
from onlineveilig.commands.common import fail, fail_with, open_store
from onlineveilig.commands.incident.shared import saved
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _, ngettext
from onlineveilig.incidents.answers import (
    BadMoment,
    looks_like_url,
    moment_datetime,
    moment_text,
    parse_moment,
    size_text,
)
from onlineveilig.store.incidents import AlreadyKept, Check, IncidentRepo, Restored
from onlineveilig.ui import console
from onlineveilig.ui.safe import text

CHANGED = 1  # exit code of `incident verify` when a copy changed or is missing


def _seen(value: str | None) -> datetime:
    if value is None:
        return clock.now()
    try:
        return moment_datetime(parse_moment(value, clock.today()))
    except BadMoment:
        fail(
            _("'%(value)s' is not a date onlineveilig can read.") % {"value": value},
            _('For example: --seen today, --seen "yesterday 22:15", --seen 28-02-2026'),
        )


def run_evidence(n: int, files: list[Path], url: str | None, seen: str | None, note: str) -> None:
    out = console.out()
    if not files and not url:
        fail(
            _("Which evidence would you like to keep?"),
            _(
                "Give one or more files: onlineveilig incident evidence %(n)d <path to the file>. "
                "Or a web address: onlineveilig incident evidence %(n)d --url <address>"
            )
            % {"n": n},
        )
    if url is not None and not url.lower().startswith(("http://", "https://")):
        if looks_like_url("https://" + url):  # copied without its start: www.facebook.com/...
            url = "https://" + url
    if url is not None and not looks_like_url(url):
        fail(
            _("'%(url)s' does not look like a web address.") % {"url": url},
            _("Copy it from your browser's address bar: it starts with https:// or http://."),
        )
    seen_at = _seen(seen) if url is not None else None
    problems = 0
    with open_store() as store:
        repo = store.incidents
        try:
            saved(repo, n)
            if url is not None and seen_at is not None:
                repo.add_url(n, url, seen_at, note, clock.now())
                out.print(
                    text(
                        _("Recorded: %(url)s (not opened or fetched).")
                        % {"url": url if len(url) <= 200 else url[:200] + "…"}
                    ),
                    style="green",
                )
            for path in files:
                problems += _one_file(n, path, note, repo)
        except OnlineveiligError as error:
            fail_with(error)
    if problems:
        raise typer.Exit(int(ExitCode.USAGE))


def _one_file(n: int, path: Path, note: str, repo: IncidentRepo) -> int:
    out = console.out()
    err = console.err()
    if not path.is_file():
        said = _("is a folder, not a file") if path.is_dir() else _("not found")
        err.print(text(f"{path}: {said}", style="red"), soft_wrap=True)
        return 1
    try:
        ev = repo.add_file(n, path, note, clock.now())
    except AlreadyKept as kept:
        added = moment_text(kept.evidence.added_at.isoformat(timespec="minutes"))
        out.print(
            text(
                _("%(name)s is already kept with this incident (added %(when)s); not added again.")
                % {"name": path.name, "when": added}
            ),
            style="yellow",
        )
        return 0
    except Restored as restored:
        out.print(
            text(
                _(
                    "The kept copy of %(name)s was missing or had changed; it is put back from "
                    "your file, which has exactly the recorded fingerprint (SHA-256)."
                )
                % {"name": restored.evidence.original_name}
            ),
            style="green",
        )
        return 0
    except OSError as error:
        err.print(
            text(
                _("%(name)s could not be copied (%(why)s). Nothing of it was kept.")
                % {"name": path.name, "why": error.strerror or error}
            ),
            style="red",
        )
        return 1
    out.print(
        text(
            _("Kept: %(name)s (%(size)s, SHA-256 %(hash)s…). Your own file stays as it was.")
            % {"name": ev.original_name, "size": size_text(ev.size), "hash": ev.sha256[:16]}
        ),
        style="green",
    )
    return 0


def _state(check: Check) -> Text:
    if check.state == "ok":
        return Text(_("ok"), style="green")
    if check.state == "changed":
        return Text(_("CHANGED since it was added"), style="bold red")
    return Text(_("MISSING"), style="bold red")


def run_verify(n: int | None) -> None:
    out = console.out()
    with open_store() as store:
        repo = store.incidents
        try:
            incidents = [saved(repo, n)] if n is not None else repo.all()
        except OnlineveiligError as error:
            fail_with(error)
        checks = [check for incident in incidents for check in repo.verify(incident)]
    if not checks:
        out.print(_("There are no evidence files to check."))
        return
    for check in checks:
        line = text(
            f"{_('Incident %(n)d') % {'n': check.incident_id}}: {check.evidence.original_name}: "
        )
        line.append_text(_state(check))
        out.print(line)
    bad = sum(check.state != "ok" for check in checks)
    if bad:
        out.print(
            Text(
                ngettext(
                    "%(bad)d of %(n)d files is not as it was when it was added.",
                    "%(bad)d of %(n)d files are not as they were when they were added.",
                    bad,
                )
                % {"bad": bad, "n": len(checks)},
                style="bold red",
            )
        )
        first = next(check for check in checks if check.state != "ok")
        out.print(
            text(
                _(
                    "Do you still have the original? Add it again with: onlineveilig incident "
                    "evidence %(n)d followed by the file. When it is the very same file, the copy "
                    "is put back."
                )
                % {"n": first.incident_id}
            )
        )
        raise typer.Exit(CHANGED)
    out.print(
        Text(
            ngettext(
                "%(n)d file is exactly as it was when it was added.",
                "All %(n)d files are exactly as they were when they were added.",
                len(checks),
            )
            % {"n": len(checks)},
            style="green",
        )
    )
