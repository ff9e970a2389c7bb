"""`onlineveilig afspraken init`: make the rules file by answering plain questions.

Nothing is written before every question is answered; when the file cannot be written, another
place is offered, and else the rules are shown to copy: no answer is lost.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.console import Console
from rich.text import Text

from onlineveilig import outfile, settings
from onlineveilig.commands.afspraken.interview import interview
from onlineveilig.commands.common import fail, fail_with, rules_file
from onlineveilig.content.loader import validate
from onlineveilig.content.rules import Rules, parse_rules, to_toml
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _
from onlineveilig.paths import config_dir
from onlineveilig.ui import console, prompts
from onlineveilig.ui.errors import explain
from onlineveilig.ui.safe import text

NAME = "afspraken.toml"
SET_RULES = "onlineveilig config set rules"


def _target(output: str | None) -> Path:
    """The file to write: -o (a file, or a folder to put afspraken.toml in), else the settings folder."""
    return outfile.target(output, NAME, config_dir()).absolute()


def _replace(out: Console, path: Path) -> bool:
    """Whether a file may be written at path: it is new, or the user says to replace it."""
    if not path.exists():
        return True
    question = _("The file %(path)s already exists. Replace it?") % {"path": path}
    return prompts.yes_no(out, prompts.yes_no_prompt(question, False), False)


def _use_new_file(out: Console, current: Path | None, path: Path) -> bool:
    """Whether the settings should point to the new file; asked when they point elsewhere."""
    if current is None or current.absolute() == path:
        return True
    question = _("Your settings now use %(path)s. Use this new file from now on?") % {
        "path": current
    }
    return prompts.yes_no(out, prompts.yes_no_prompt(question, True), True)


def _another_place(out: Console) -> Path | None:
    """A new place to write the file, or None: then the rules are shown to copy."""
    while True:
        reply = prompts.line(
            out,
            _("Where else can it go? Type a file or folder (Enter: show the rules here to copy): "),
            stop=False,
        )
        if not reply:
            return None
        path = _target(reply)
        if _replace(out, path):
            return path


def _write(out: Console, path: Path, content: str) -> Path:
    """Write the file; when that fails, offer another place, else print it: no answer is lost."""
    while True:
        try:
            outfile.write(path, content)
            return path
        except OnlineveiligError as error:
            message, _hint, _code = explain(error)
            out.print(Text(message, style="yellow"), soft_wrap=True)
        try:
            elsewhere = _another_place(out)
        except prompts.Paused:
            out.print()
            elsewhere = None
        if elsewhere is None:
            out.print(Text(_("Your rules, to copy into a file:"), style="bold"))
            out.print(Text(content), soft_wrap=True, end="")
            fail(
                _("The rules were not saved in a file."),
                _(
                    "Save the text above as afspraken.toml, then choose that file as your rules "
                    "file: %(cmd)s <path to the file>"
                )
                % {"cmd": SET_RULES},
            )
        path = elsewhere


def _save_setting(path: Path) -> None:
    try:
        values = settings.read()
        values["rules"] = str(path)
        settings.write(values)
    except OnlineveiligError as error:
        fail_with(error)


def _done(out: Console, rules: Rules, path: Path, current: Path | None, switched: bool) -> None:
    out.print()
    out.print(
        Text(_("Rules written: %(path)s") % {"path": path}, style="bold green"), soft_wrap=True
    )
    if not switched:
        assert current is not None
        quoted = shlex.quote(str(path))
        for line in (
            _("Your settings still use %(old)s: the audit keeps asking about those rules.")
            % {"old": current},
            _("See the new file with: %(cmd)s")
            % {"cmd": f"onlineveilig afspraken show --rules {quoted}"},
            _("Use it from now on with: %(cmd)s") % {"cmd": f"{SET_RULES} {quoted}"},
        ):
            out.print(Text(line), soft_wrap=True)
    else:
        if current is not None and current.absolute() != path:
            out.print(
                Text(
                    _("Your settings no longer use %(old)s; they use this new file.")
                    % {"old": current}
                ),
                soft_wrap=True,
            )
        out.print(
            _(
                "This is now your rules file: the audit asks about these rules. See them with "
                "'onlineveilig afspraken show'; make the client sheet with 'onlineveilig afspraken blad'."
            )
        )
    out.print(Text.assemble(_("Organisation: "), text(rules.organisation.name, "bold")))


def run_init(output: str | None) -> None:
    out = console.out()
    if outfile.is_stdout(output):
        fail(
            _("afspraken init writes a file: after -o, give a file or a folder, not -."),
            _("For example: onlineveilig afspraken init -o afspraken.toml"),
        )
    path = _target(output)
    try:
        current = rules_file()
    except OnlineveiligError as error:
        fail_with(error)
    try:
        out.print(
            _(
                "A few plain questions about what your organisation allows in contact with "
                "clients. Press Enter to keep the proposal between brackets; Ctrl-C stops "
                "without writing anything."
            )
        )
        if not _replace(out, path):
            fail(
                _("Nothing was written."),
                _("To make a new file elsewhere, give its place after -o, for example: %(cmd)s")
                % {"cmd": "onlineveilig afspraken init -o afspraken-nieuw.toml"},
            )
        data = interview(out)
        try:
            rules = validate(path, Rules, data, "")
            content = to_toml(rules)
            parse_rules(path, content)  # what is written must read back
        except OnlineveiligError as error:
            fail_with(error)
        out.print()
        switch = _use_new_file(out, current, path)
    except prompts.Paused:
        out.print()
        fail(_("Stopped: nothing was written."), code=ExitCode.CANCELLED)
    path = _write(out, path, content)
    if switch:
        _save_setting(path)
    _done(out, rules, path, current, switch)
