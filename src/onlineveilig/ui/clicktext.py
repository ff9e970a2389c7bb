"""Typer/Click in the user's language: its strings, its usage errors and the names it shows.

Click translates its own strings ("Usage:", "Options", "Show this message and exit.") with
gettext.gettext, which follows the environment's language rather than --lang; they are routed
through our catalog instead. Usage errors get a plain message of ours (FriendlyUsageError).
Commands and options with a Dutch name also answer to their English name (onlineveilig.names);
help and completion show the name of the user's language. Loading the commands and turning
what escapes them into a message is onlineveilig.dispatch's job, not this module's.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
from typer.core import TyperCommand, TyperGroup

from onlineveilig import names
from onlineveilig.i18n import N_, Nn_, _, language, ngettext

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
    N_("Positional arguments"),
    N_("Aborted!"),
    N_("Show this message and exit."),
    N_("default: {default}"),
    N_("required"),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("Could not open file {filename!r}: {message}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
)
CLICK_PLURALS = (
    Nn_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    Nn_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    Nn_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    Nn_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)


class FriendlyUsageError(_click.exceptions.UsageError):
    def __init__(self, original: Any) -> None:
        super().__init__(original.message, original.ctx)
        self.original = original

    def show(self, file: IO[Any] | None = None) -> None:
        from onlineveilig.ui.safe import clean

        stream = file or sys.stderr
        ctx = self.ctx
        exc = self.original
        kinds = _click.exceptions
        if isinstance(exc, kinds.NoArgsIsHelpError):
            stream.write(exc.message + "\n")  # the help itself, as --help shows it
            return
        if isinstance(exc, kinds.NoSuchOption):
            message = _("Unknown option: %(name)s") % {"name": exc.option_name}
            if exc.possibilities:
                message += " " + _("(did you mean %(names)s?)") % {
                    "names": ", ".join(exc.possibilities)
                }
        elif isinstance(exc, kinds.MissingParameter):
            message = _("Something is missing: %(name)s") % {"name": _param_name(exc)}
        elif isinstance(exc, kinds.BadParameter):
            kind = getattr(exc.param, "type", None)
            if isinstance(kind, click.types._NumberRangeBase):
                detail = _("choose %(range)s") % {"range": _describe_range(kind)}
            elif "integer" in exc.message:
                detail = _("use a whole number")
            else:
                detail = exc.message
            message = _("This value cannot be used for %(name)s: %(detail)s") % {
                "name": _param_name(exc),
                "detail": detail,
            }
        elif isinstance(exc, kinds.NoSuchCommand):
            message = _("Unknown command: %(name)s") % {"name": exc.command_name}
            if ctx is not None and isinstance(ctx.command, TyperGroup):
                known = ctx.command.list_commands(ctx)
                close = difflib.get_close_matches(exc.command_name, known, n=2)
                if close:
                    message += " " + _("(did you mean %(names)s?)") % {"names": ", ".join(close)}
        else:
            message = exc.message  # Click's own words, through our catalog
        if ctx is not None:
            stream.write(ctx.get_usage() + "\n")
            stream.write(_("More help: %(cmd)s --help") % {"cmd": ctx.command_path} + "\n")
        stream.write(clean(message) + "\n")


def _number(value: Any) -> str:
    """A number as the user writes it: 0.1 in English, 0,1 in Dutch; 300 rather than 300.0."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if language() == "nl" else text


def _describe_range(self: Any) -> str:
    """A range of numbers in words ("a number from 0.1 to 300"), for --help and for a value outside it.

    Replaces Click's "0.1<=x<=300".
    """
    if self.min is None:
        return _("a number up to %(high)s") % {"high": _number(self.max)}
    if self.max is None:
        return _("a number of at least %(low)s") % {"low": _number(self.min)}
    return _("a number from %(low)s to %(high)s") % {
        "low": _number(self.min),
        "high": _number(self.max),
    }


click.types._NumberRangeBase._describe_range = _describe_range  # type: ignore[method-assign]


def _param_name(exc: Any) -> str:
    if exc.param_hint:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    param = exc.param
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return str(param.metavar or param.name or "").upper()
    opts = names.visible(param.opts)
    return str(opts[0]) if opts else str(param.name or "")


def _localise_metavars(text: str) -> str:
    """Click's placeholders in usage lines ([OPTIONS], COMMAND) in the user's language.

    Option placeholders (FILE, HH:MM) are translated where the options are declared, so the
    columns of the help stay aligned.
    """
    text = text.replace("[OPTIONS]", _("[OPTIONS]"))
    text = text.replace("[COMMAND] [ARGS]...", "[" + _("COMMAND") + "] " + _("[ARGS]..."))
    return text.replace("COMMAND [ARGS]...", _("COMMAND [ARGS]..."))


@contextmanager
def _visible_names(params: list[Any]) -> Iterator[None]:
    """For help and completion: each option under the name of the user's language only."""
    saved = [(param, param.opts) for param in params if isinstance(param, _click.Option)]
    try:
        for param, opts in saved:
            param.opts = names.visible(opts)
        yield
    finally:
        for param, opts in saved:
            param.opts = opts


class _Localised:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:  # type: ignore[attr-defined]
            if isinstance(param, _click.Option):
                param.opts = names.with_aliases(param.opts)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        with _visible_names(self.get_params(ctx)):  # type: ignore[attr-defined]
            super().format_options(ctx, formatter)  # type: ignore[misc]

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        with _visible_names(self.get_params(ctx)):  # type: ignore[attr-defined]
            return super().shell_complete(ctx, incomplete)  # type: ignore[misc,no-any-return]

    def get_help(self, ctx: Any) -> str:
        return _localise_metavars(super().get_help(ctx))  # type: ignore[misc]

    def get_usage(self, ctx: Any) -> str:
        return _localise_metavars(super().get_usage(ctx))  # type: ignore[misc]

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
    """A group of sub-commands, found under either of their names (onlineveilig.names)."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [names.shown(name) for name in super().list_commands(ctx)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        return found if found is not None else super().get_command(ctx, names.declared(cmd_name))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each sub-command with its whole first paragraph, wrapped: never cut off with '...'."""
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            first = (cmd.short_help or cmd.help or "").split("\n\n")[0]
            rows.append((name, " ".join(first.split())))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _click.exceptions.UsageError as exc:
            if isinstance(exc, FriendlyUsageError):
                raise
            raise FriendlyUsageError(exc) from None
