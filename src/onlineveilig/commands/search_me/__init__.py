"""`onlineveilig search-me`: what public search results show about you.

plan.py chooses who and where to search (the rules live in search/choose.py) and asks before
anything is sent; fetch.py sends (or reads a saved page, or takes pasted addresses); show.py
prints results, JSON and history; review.py walks through the findings with the user.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from onlineveilig.commands import help_for
from onlineveilig.commands.common import dry_run_option, json_option, yes_option
from onlineveilig.commands.search_me.plan import Options
from onlineveilig.i18n import _
from onlineveilig.ui.clicktext import Command


def register(app: typer.Typer) -> None:
    @app.command("search-me", cls=Command, help=help_for("search-me"))
    def search_me(
        name: Annotated[
            str | None,
            typer.Argument(
                metavar=_("NAME"),
                help=_("Search this name once, without changing your profile."),
                show_default=False,
            ),
        ] = None,
        city: Annotated[
            str | None,
            typer.Option("--city", metavar=_("CITY"), help=_("Also search with this town.")),
        ] = None,
        employer: Annotated[
            str | None,
            typer.Option(
                "--employer", metavar=_("EMPLOYER"), help=_("Also search with this employer.")
            ),
        ] = None,
        provider: Annotated[
            str | None,
            typer.Option(
                "--provider",
                metavar=_("NAME"),
                help=_("Where to search: brave, searxng, duckduckgo or manual."),
            ),
        ] = None,
        endpoint: Annotated[
            str | None,
            typer.Option(
                "--endpoint",
                metavar="URL",
                help=_("The full address the provider's requests go to (a self-hosted service)."),
            ),
        ] = None,
        country: Annotated[
            str | None,
            typer.Option(
                "--country", metavar="be|nl", help=_("Results for Belgium or the Netherlands.")
            ),
        ] = None,
        from_file: Annotated[
            Path | None,
            typer.Option(
                "--from-file",
                metavar=_("PAGE.html"),
                help=_("Read a results page you saved from your browser (no network)."),
            ),
        ] = None,
        yes: Annotated[bool, yes_option(_("Do not ask before searching."))] = False,
        dry_run: Annotated[
            bool,
            dry_run_option(_("Only show what would be searched; send nothing.")),
        ] = False,
        as_json: Annotated[
            bool, json_option(_("Print the findings as JSON, for other tools."))
        ] = False,
        show_all: Annotated[
            bool,
            typer.Option("--all", help=_("Show every result, not only what is new or gone.")),
        ] = False,
        review: Annotated[
            bool,
            typer.Option("--review", help=_("Go through the results you have not judged yet.")),
        ] = False,
        history: Annotated[
            bool, typer.Option("--history", help=_("Show your earlier searches."))
        ] = False,
        providers: Annotated[
            bool,
            typer.Option(
                "--providers", help=_("Show where search-me can search, and how to set each up.")
            ),
        ] = False,
        timeout: Annotated[
            float,
            typer.Option(
                "--timeout",
                metavar=_("SECONDS"),
                min=0.1,
                max=300,
                help=_("How long to wait for an answer."),
            ),
        ] = 10.0,
    ) -> None:
        from onlineveilig.commands.search_me import main

        main.run(
            Options(
                name=name,
                city=city,
                employer=employer,
                provider=provider,
                endpoint=endpoint,
                country=country,
                from_file=from_file,
                yes=yes,
                dry_run=dry_run,
                as_json=as_json,
                show_all=show_all,
                review=review,
                history=history,
                providers=providers,
                timeout=timeout,
            )
        )
