"""The Typer app: global options, the commands, and main().

The language is chosen before the app is built, because Typer reads help texts when the
commands are registered.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated

import click
import typer

from onlineveilig import __version__, i18n, settings
from onlineveilig.i18n import _


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"onlineveilig {__version__}")
        raise typer.Exit()


# Every command keeps an explicit --lang (said once), except: config set changes the setting
# itself, wipe deletes the settings, completion is run by the shell. The report (for a colleague)
# and the sheet (for a client) are written in their reader's language, which need not be the
# user's own: they keep nothing, and say so (FOR_A_READER).
KEEPS_NO_LANGUAGE = {"config set", "wipe", "completion"}
FOR_A_READER = {"report", "afspraken blad"}


def make_app() -> typer.Typer:
    from onlineveilig.dispatch import LazyGroup

    app = typer.Typer(
        cls=LazyGroup,
        name="onlineveilig",
        help=_(
            "onlineveilig: a monthly check of your online safety, for people whose work brings "
            "them into contact with clients. Start with: onlineveilig audit"
        ),
        no_args_is_help=True,
        invoke_without_command=True,  # `onlineveilig --lang en` alone: the help, as without it
        subcommand_metavar="COMMAND [ARGS]...",
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def main_options(
        ctx: typer.Context,
        lang: Annotated[
            str | None,
            typer.Option(
                "--lang",
                metavar="nl|en",
                help=_("Language: nl (Dutch, the default) or en (English)."),
            ),
        ] = None,
        version: Annotated[
            bool,
            typer.Option(
                "--version",
                is_eager=True,
                callback=_show_version,
                help=_("Show the version and stop."),
            ),
        ] = False,
    ) -> None:
        if lang is not None:
            if i18n.normalise(lang) is None:
                raise typer.BadParameter(_("use nl or en"), param_hint="--lang")
            i18n.set_language(lang)
        if ctx.invoked_subcommand is None:
            raise click.exceptions.NoArgsIsHelpError(ctx)
        if lang is not None:
            from onlineveilig.dispatch import command_to_run

            command = command_to_run(ctx)
            if command in FOR_A_READER:
                _say_not_kept(i18n.language())
            elif command is not None and not {command, command.split()[0]} & KEEPS_NO_LANGUAGE:
                keep_language(i18n.language())

    # The commands themselves are listed in onlineveilig/commands/__init__.py (COMMANDS) and
    # imported by LazyGroup only when they run: add a new command there, not here.
    return app


def keep_language(lang: str) -> None:
    """An explicit --lang on a command is kept in the settings, so later runs speak it too.

    Only when a later run would otherwise speak another language; said once, on stderr. When
    ONLINEVEILIG_LANG is set it wins over the settings, so there is nothing to keep.
    """
    if "ONLINEVEILIG_LANG" in os.environ or choose_language([]) == lang:
        return
    from onlineveilig.errors import OnlineveiligError

    try:
        values = settings.read()
        values["lang"] = lang
        settings.write(values)  # the same store as `onlineveilig config set lang`
    except (OnlineveiligError, OSError):
        return  # a broken or unwritable settings file: the command itself reports it if it uses it
    from rich.text import Text

    from onlineveilig.ui import console

    other = "nl" if lang == "en" else "en"
    message = _(
        "From now on onlineveilig speaks %(language)s; change it with: "
        "onlineveilig config set lang %(other)s"
    ) % {"language": _("English") if lang == "en" else _("Dutch"), "other": other}
    console.err().print(Text(message), soft_wrap=True)


def _say_not_kept(lang: str) -> None:
    """A file for someone else in another language: said once that the user's own stays."""
    if "ONLINEVEILIG_LANG" in os.environ or choose_language([]) == lang:
        return
    from rich.text import Text

    from onlineveilig.ui import console

    own = choose_language([])
    message = _(
        "This file is in %(language)s; onlineveilig keeps speaking %(own)s to you. To switch "
        "for good: onlineveilig config set lang %(lang)s"
    ) % {
        "language": _("English") if lang == "en" else _("Dutch"),
        "own": _("English") if own == "en" else _("Dutch"),
        "lang": lang,
    }
    console.err().print(Text(message), soft_wrap=True)


def choose_language(argv: Sequence[str]) -> str:
    env = dict(os.environ)
    if "ONLINEVEILIG_LANG" not in env:
        configured = settings.read_quietly().get("lang")
        if configured:
            env["ONLINEVEILIG_LANG"] = configured
    return i18n.detect(argv, env)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(choose_language(args))
    app = make_app()
    try:
        app(args=args, prog_name="onlineveilig")
    except KeyboardInterrupt:
        sys.stderr.write("\n" + _("Stopped.") + "\n")
        raise SystemExit(130) from None
    except Exception as error:  # the last resort: a message, never a traceback
        if os.environ.get("ONLINEVEILIG_DEBUG"):
            raise
        sys.stderr.write(
            _(
                "Something went wrong that should not have: %(error)s\n"
                "Answers you already gave are saved. Run the command again with "
                "ONLINEVEILIG_DEBUG=1 to see the details, and please report it."
            )
            % {"error": f"{type(error).__name__}: {error}"}
            + "\n"
        )
        raise SystemExit(70) from None
