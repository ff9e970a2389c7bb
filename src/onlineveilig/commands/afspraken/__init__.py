"""`onlineveilig afspraken`: the organisation's rules for contact with clients.

One module per sub-command: init.py (with the questions in interview.py and what Enter keeps in
proposals.py), show.py and blad.py. Each is imported only when its sub-command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from onlineveilig.commands import help_for
from onlineveilig.commands.afspraken.blad import Format
from onlineveilig.commands.common import json_option, output_option, rules_option
from onlineveilig.i18n import _
from onlineveilig.ui.clicktext import Command, Group


def register(app: typer.Typer) -> None:
    afspraken_app = typer.Typer(
        cls=Group,
        help=help_for("afspraken"),
        no_args_is_help=True,
        rich_markup_mode=None,
    )

    @afspraken_app.command(
        "init", cls=Command, help=_("Make a rules file by answering plain questions.")
    )
    def init(
        output: Annotated[
            str | None,
            output_option(
                _(
                    "Where to write the file (a file or a folder; default: afspraken.toml in "
                    "the settings folder)."
                )
            ),
        ] = None,
    ) -> None:
        from onlineveilig.commands.afspraken.init import run_init

        run_init(output)

    @afspraken_app.command("show", cls=Command, help=_("Show the rules of your organisation."))
    def show(
        rules_file: Annotated[Path | None, rules_option()] = None,
        as_json: Annotated[bool, json_option(_("Print them as JSON."))] = False,
    ) -> None:
        from onlineveilig.commands.afspraken.show import run_show

        run_show(rules_file, as_json)

    @afspraken_app.command(
        "blad",
        cls=Command,
        help=_("Make a short sheet to go through with a client at the first contact."),
        short_help=_("A sheet for the first meeting with a client."),
    )
    def blad(
        form: Annotated[
            Format, typer.Option("--format", help=_("html (to print) or md (Markdown)."))
        ] = Format.HTML,
        young: Annotated[
            bool,
            typer.Option("--jongeren", help=_("A version in simple words for young people.")),
        ] = False,
        output: Annotated[
            str | None,
            output_option(
                _(
                    "Where to write the sheet (a file or a folder); - prints it "
                    "(default: your documents folder)."
                )
            ),
        ] = None,
        rules_file: Annotated[Path | None, rules_option()] = None,
    ) -> None:
        from onlineveilig.commands.afspraken.blad import run_blad

        run_blad(form, young, output, rules_file)

    app.add_typer(afspraken_app, name="afspraken")
