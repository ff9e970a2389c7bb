"""Typer/Click in the user's language: the usage line, the help option and usage errors.

Typer's bundled Click prints a few fixed English strings ("Usage:", "Show this message and
exit.", "Error: No such option"). These command classes print ours instead, so a Dutch screen
stays Dutch. ("Options", "Commands" and "Aborted!" go through gettext's "messages" domain.)
"""

from __future__ import annotations

import sys
from typing import IO, Any

import typer.core
from typer import _click
from typer.core import TyperCommand, TyperGroup

from onlineveilig.i18n import N_, _
from onlineveilig.ui.safe import clean

# Typer looks these up with gettext.gettext, which would follow the environment's language,
# not --lang: send them through our catalog instead.
TYPER_STRINGS = (N_("Options"), N_("Commands"), N_("Arguments"), N_("Aborted!"))
typer.core._ = _  # type: ignore[attr-defined]


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
            word = exc.message.split(" ", 3)[-1].strip(" .'\"")
            message = _("Unknown command: %(name)s") % {"name": word}
        elif exc.message.startswith("Got unexpected extra argument"):
            message = _("Too many words: %(detail)s") % {
                "detail": exc.message.split("(", 1)[-1].rstrip(")")
            }
        elif exc.message == "Missing command.":
            message = _("Which command? See: %(cmd)s --help") % {"cmd": ctx.command_path if ctx else "onlineveilig"}
        else:
            message = exc.message
        if ctx is not None:
            stream.write(ctx.get_usage() + "\n")
            stream.write(_("More help: %(cmd)s --help") % {"cmd": ctx.command_path} + "\n")
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
    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))

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
        try:
            return super().invoke(ctx)
        except _click.exceptions.UsageError as exc:
            if isinstance(exc, FriendlyUsageError):
                raise
            raise FriendlyUsageError(exc) from None
