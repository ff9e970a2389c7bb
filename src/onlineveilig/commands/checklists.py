"""`onlineveilig checklists`: the sections and how many items each asks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from onlineveilig.commands import help_for
from onlineveilig.commands.common import content as load
from onlineveilig.commands.common import print_json
from onlineveilig.i18n import _, language, ngettext
from onlineveilig.ui import console
from onlineveilig.ui.clicktext import Command
from onlineveilig.ui.safe import text


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("checklists"))
    def checklists(
        as_json: Annotated[bool, typer.Option("--json", help=_("Print the list as JSON."))] = False,
        checklist: Annotated[
            Path | None,
            typer.Option(
                "--checklist", metavar="FILE", help=_("Your organisation's checklist file.")
            ),
        ] = None,
    ) -> None:
        run(as_json, checklist)


def run(as_json: bool, checklist: Path | None) -> None:
    data = load(checklist)
    lang = language()
    if as_json:
        print_json(
            {
                "sections": [
                    {
                        "id": s.id,
                        "version": s.version,
                        "title": s.title.get(lang),
                        "platform": s.platform,
                        "items": [i.id for i in s.items if i.id not in data.disabled],
                    }
                    for s in data.sections
                ],
                "disabled": sorted(data.disabled),
            }
        )
        return
    table = Table(title=_("Checklists"), title_justify="left")
    table.add_column(_("Section"), no_wrap=True)
    table.add_column(_("Title"), overflow="fold")
    table.add_column(_("Items"), justify="right")
    total = 0
    for section in data.sections:
        count = sum(1 for i in section.items if i.id not in data.disabled)
        total += count
        table.add_row(section.id, text(section.title.get(lang)), str(count))
    table.add_section()
    table.add_row("", _("Total"), str(total))
    out = console.out()
    out.print(table)
    if data.disabled:
        out.print(
            ngettext(
                "Switched off by your organisation: %(n)d item.",
                "Switched off by your organisation: %(n)d items.",
                len(data.disabled),
            )
            % {"n": len(data.disabled)},
            style="dim",
        )
