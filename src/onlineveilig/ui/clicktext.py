"""Typer/Click in the user's language, and commands loaded only when they run.

Click translates its own strings ("Usage:", "Options", "Show this message and exit.") with
gettext.gettext, which follows the environment's language rather than --lang; they are routed
through our catalog instead. Usage errors get a plain message of ours (FriendlyUsageError).
"""

from __future__ import annotations

import difflib
import importlib
import sys
from typing import IO, Any

import click as _click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import typer.core
import typer.main
from typer.core import TyperCommand, TyperGroup

from onlineveilig.i18n import N_, _, ngettext

for _module in (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
    typer.core,
):
    _module._ = _  # type: ignore[attr-defined]
    if hasattr(_module, "ngettext"):
        _module.ngettext = ngettext  # type: ignore[attr-defined]

# The Click and Typer strings a user can meet, so the catalog has a Dutch text for each.
CLICK_STRINGS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Arguments"),
    N_("Aborted!"),
    N_("Show this message and exit."),
    N_("default: {default}"),
    N_("required"),
    N_("{value!r} is not a valid integer."),
    N_("{value!r} is not one of {choices}."),
    N_("{value!r} is not a valid boolean."),
    N_("{value} is not in the range {range}."),
)


class FriendlyUsageError(_click.exceptions.UsageError):
    def __init__(self, original: Any) -> None:
        super().__init__(original.message, original.ctx)
        self.original = original

    def show(self, file: IO[Any] | None = None) -> None:
        stream = file or sys.stderr
        ctx = self.ctx
        exc = self.original
        kinds = _click.exceptions
        if isinstance(exc, kinds.NoSuchOption):
            message = _("Unknown option: %(name)s") % {"name": exc.option_name}
            if exc.possibilities:
                message += " " + _("(did you mean %(names)s?)") % {
                    "names": ", ".join(exc.possibilities)
                }
        elif isinstance(exc, kinds.MissingParameter):
            message = _("Something is missing: %(name)s") % {"name": _param_name(exc)}
        elif isinstance(exc, kinds.BadParameter):
            message = _("This value cannot be used for %(name)s: %(detail)s") % {
                "name": _param_name(exc),
                "detail": _("use a whole number") if "integer" in exc.message else exc.message,
            }
        elif exc.message.startswith("No such command"):
            word = exc.message.split(" ", 3)[-1].split("'")[1] if "'" in exc.message else ""
            message = _("Unknown command: %(name)s") % {"name": word}
            if ctx is not None and isinstance(ctx.command, TyperGroup):
                close = difflib.get_close_matches(word, ctx.command.list_commands(ctx), n=2)
                if close:
                    message += " " + _("(did you mean %(names)s?)") % {"names": ", ".join(close)}
        elif exc.message.startswith("Got unexpected extra argument"):
            message = _("Too many words: %(detail)s") % {
                "detail": exc.message.split("(", 1)[-1].rstrip(")")
            }
        elif exc.message == "Missing command.":
            message = _("Which command? See: %(cmd)s --help") % {
                "cmd": ctx.command_path if ctx else "onlineveilig"
            }
        else:
            message = exc.message
        if ctx is not None:
            stream.write(ctx.get_usage() + "\n")
            stream.write(_("More help: %(cmd)s --help") % {"cmd": ctx.command_path} + "\n")
        from onlineveilig.ui.safe import clean

        stream.write(clean(message) + "\n")


def _param_name(exc: Any) -> str:
    if exc.param_hint:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    param = exc.param
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return str(param.name or "").upper()
    return str(param.opts[0]) if param.opts else str(param.name or "")


class _Localised:
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this help and stop.")
        return option

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except _click.exceptions.UsageError as exc:
            if isinstance(exc, FriendlyUsageError):
                raise
            raise FriendlyUsageError(exc) from None


class Command(_Localised, TyperCommand):
    pass


class Group(_Localised, TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        from onlineveilig.errors import OnlineveiligError

        try:
            return super().invoke(ctx)
        except _click.exceptions.UsageError as exc:
            if isinstance(exc, FriendlyUsageError):
                raise
            raise FriendlyUsageError(exc) from None
        except OnlineveiligError as error:
            # Any layer's typed error that no command caught: still a message, not a traceback.
            from onlineveilig.commands.common import fail_with

            fail_with(error)


class LazyGroup(Group):
    """The top-level group: a command's module is imported only when that command runs."""

    def list_commands(self, ctx: Any) -> list[str]:
        from onlineveilig.commands import COMMANDS

        return [*COMMANDS, *(name for name in self.commands if name not in COMMANDS)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        from onlineveilig.commands import COMMANDS

        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module = importlib.import_module(f"onlineveilig.commands.{cmd_name.replace('-', '_')}")
            holder = typer.Typer(cls=Group, rich_markup_mode=None, add_completion=False)
            module.register(holder)
            built = typer.main.get_command(holder)
            if isinstance(built, TyperGroup) and cmd_name in built.commands:
                built = built.commands[cmd_name]
            self.commands[cmd_name] = built
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        from onlineveilig.commands import COMMANDS

        with formatter.section(_("Commands")):
            formatter.write_dl([(name, _(text)) for name, text in COMMANDS.items()])
