"""The Typer app: global options, the commands, and main().

The language is chosen before the app is built, because Typer reads help texts when the
commands are registered.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from onlineveilig import __version__, i18n, settings
from onlineveilig.i18n import _


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"onlineveilig {__version__}")
        raise typer.Exit()


def make_app() -> typer.Typer:
    from onlineveilig.ui.clicktext import LazyGroup

    app = typer.Typer(
        cls=LazyGroup,
        name="onlineveilig",
        help=_(
            "onlineveilig: a monthly check of your online safety, for people whose work brings "
            "them into contact with clients. Start with: onlineveilig audit"
        ),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def main_options(
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

    # The commands themselves are listed in onlineveilig/commands/__init__.py (COMMANDS) and
    # imported by LazyGroup only when they run: add a new command there, not here.
    return app


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
