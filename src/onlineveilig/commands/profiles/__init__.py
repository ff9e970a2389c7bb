"""`onlineveilig profiles`: which sites have an account under your usernames.

main.py runs it (the list, the usernames, the question, the checks); show.py prints the plan,
the tables, the summary and JSON. The checking itself lives in onlineveilig.profiles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from onlineveilig.commands import help_for
from onlineveilig.commands.common import dry_run_option, json_option, yes_option
from onlineveilig.i18n import _
from onlineveilig.ui.clicktext import Command


def register(app: typer.Typer) -> None:
    @app.command("profiles", cls=Command, help=help_for("profiles"))
    def profiles(
        names: Annotated[
            list[str] | None,
            typer.Argument(
                metavar=_("NAME..."),
                help=_("Check these usernames once, without changing your profile."),
                show_default=False,
            ),
        ] = None,
        sites: Annotated[
            Path | None,
            typer.Option(
                "--sites",
                metavar=_("FILE"),
                help=_("Another list of sites: in onlineveilig's format or WhatsMyName's."),
            ),
        ] = None,
        yes: Annotated[bool, yes_option(_("Do not ask before checking."))] = False,
        dry_run: Annotated[
            bool,
            dry_run_option(_("Only show what would be checked; send nothing.")),
        ] = False,
        self_check: Annotated[
            bool,
            typer.Option(
                "--self-check",
                help=_("Check the site list itself: are accounts that exist still found?"),
            ),
        ] = False,
        as_json: Annotated[
            bool, json_option(_("Print the results as JSON, for other tools."))
        ] = False,
        timeout: Annotated[
            float,
            typer.Option(
                "--timeout",
                metavar=_("SECONDS"),
                min=0.1,
                max=300,
                help=_("How long to wait for each site's answer."),
            ),
        ] = 10.0,
    ) -> None:
        from onlineveilig.commands.profiles import main

        main.run(
            main.Options(
                names=tuple(names or ()),
                sites=sites,
                yes=yes,
                dry_run=dry_run,
                self_check=self_check,
                as_json=as_json,
                timeout=timeout,
            )
        )
