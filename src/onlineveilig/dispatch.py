"""The top-level group: finds a command, imports its module only when it runs, and turns what
escapes a command into a message.

It sits beside cli.py, not in onlineveilig.ui, because it is the command line's own machinery:
it reads the command table (onlineveilig.commands) and leaves through commands.common.fail.
The terminal work it builds on (Click's strings, usage errors, names per language) stays in
onlineveilig.ui.clicktext.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import MutableMapping
from typing import Any

import click
import typer
import typer.main
from typer.core import TyperGroup

from onlineveilig import i18n, names
from onlineveilig.commands import COMMANDS
from onlineveilig.i18n import _
from onlineveilig.ui.clicktext import Group

_TO_RUN = "onlineveilig.to_run"


class LazyGroup(Group):
    """The top-level group: a command's module is imported only when that command runs."""

    def list_commands(self, ctx: Any) -> list[str]:
        extra = [name for name in self.commands if name not in COMMANDS]
        return [*(names.shown(name) for name in COMMANDS), *extra]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        known = cmd_name in self.commands or cmd_name in COMMANDS
        name = cmd_name if known else names.declared(cmd_name)
        if name not in self.commands and name in COMMANDS:
            module = importlib.import_module(f"onlineveilig.commands.{name.replace('-', '_')}")
            holder = typer.Typer(cls=Group, rich_markup_mode=None, add_completion=False)
            module.register(holder)
            built = typer.main.get_command(holder)
            if isinstance(built, TyperGroup) and name in built.commands:
                built = built.commands[name]
            self.commands[name] = built
        return self.commands.get(name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        with formatter.section(_("Commands")):
            formatter.write_dl([(names.shown(name), _(text)) for name, text in COMMANDS.items()])

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        cmd_name, cmd, rest = super().resolve_command(ctx, args)
        only_help = any(arg in ctx.help_option_names for arg in rest) or (
            isinstance(cmd, click.Group) and cmd.no_args_is_help and not rest
        )
        path = [cmd.name or ""] if cmd is not None else []
        if isinstance(cmd, click.Group) and rest:
            path.append(names.declared(rest[0]))
        ctx.meta[_TO_RUN] = None if cmd is None or only_help else " ".join(path)
        return cmd_name, cmd, rest

    def invoke(self, ctx: Any) -> Any:
        from onlineveilig.errors import OnlineveiligError

        try:
            return super().invoke(ctx)
        except OnlineveiligError as error:
            # Any layer's typed error that no command caught: still a message, not a traceback.
            from onlineveilig.commands.common import fail_with

            fail_with(error)
        except Exception as exc:
            _explain_edge_error(exc)
            raise

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Command names from the table, so completing imports no command's module."""
        from click.shell_completion import CompletionItem

        found = [
            CompletionItem(names.shown(name), help=_(text))
            for name, text in COMMANDS.items()
            if names.shown(name).startswith(incomplete)
        ]
        return found + click.Command.shell_complete(self, ctx, incomplete)

    def _main_shell_completion(
        self, ctx_args: MutableMapping[str, Any], prog_name: str, complete_var: str | None = None
    ) -> None:
        """The shell asking for completions (_ONLINEVEILIG_COMPLETE=bash_complete): answer, stop."""
        var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        instruction = os.environ.get(var)
        if not instruction:
            return
        from onlineveilig.commands.completion import answer

        # `onlineveilig --lang en ...` on the line being completed: help texts in that language.
        words = os.environ.get("COMP_WORDS", "").split()
        i18n.set_language(i18n.detect(words[1:], {"ONLINEVEILIG_LANG": i18n.language()}))

        # As Click does: the shell's question is answered before any parsing, then the run ends.
        sys.exit(answer(self, ctx_args, prog_name, var, instruction))


def command_to_run(ctx: click.Context) -> str | None:
    """In the top-level callback: the command about to run under its declared name ("afspraken
    blad": a sub-command with its group), or None when only its help will be shown."""
    value = ctx.meta.get(_TO_RUN)
    return value if isinstance(value, str) else None


def _explain_edge_error(exc: Exception) -> None:
    """Errors of the file system and SQLite that reach the top: a message, never a traceback."""
    import sqlite3

    from onlineveilig.commands.common import fail, fail_with
    from onlineveilig.errors import ExitCode, StoreError, StoreKind
    from onlineveilig.paths import database_path

    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        kind = "readonly" if "readonly" in text else "locked" if "locked" in text else "damaged"
        fail_with(StoreError(database_path(), StoreKind(kind), text))
    if isinstance(exc, PermissionError):
        fail(
            _("No permission to read or write %(path)s.") % {"path": exc.filename or ""},
            _("Check that you may write in that folder, or choose another one."),
            ExitCode.STORE,
        )
    if isinstance(exc, OSError):
        from onlineveilig.ui.oserrors import os_reason

        where = {"path": exc.filename, "reason": os_reason(exc)}
        fail(
            _("Could not use %(path)s: %(reason)s.") % where
            if exc.filename
            else _("Could not read or write a file: %(reason)s.") % where,
            _("Check that the folder exists and that you may write in it."),
            ExitCode.STORE,
        )
