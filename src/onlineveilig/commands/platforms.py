"""`onlineveilig platforms`: how each platform exposes you, and which settings to check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from onlineveilig.commands import help_for
from onlineveilig.commands.common import (
    checklist_option,
    fail,
    json_option,
    open_store,
    platforms_of,
    print_json,
)
from onlineveilig.commands.common import content as load
from onlineveilig.content.data import Item, Platform
from onlineveilig.content.loader import Content
from onlineveilig.i18n import _, language
from onlineveilig.ui import cards, console
from onlineveilig.ui.clicktext import Command
from onlineveilig.ui.safe import clean, text


def register(app: typer.Typer) -> None:
    @app.command(
        cls=Command,
        help=help_for("platforms"),
    )
    def platforms(
        name: Annotated[
            str | None,
            typer.Argument(
                metavar=_("NAME"),
                help=_("A platform, by id, name or number in the list (e.g. instagram or 2)."),
            ),
        ] = None,
        open_page: Annotated[
            bool,
            typer.Option("--open", help=_("Open the platform's settings page in your browser.")),
        ] = False,
        as_json: Annotated[bool, json_option(_("Print it as JSON."))] = False,
        checklist: Annotated[
            Path | None,
            checklist_option(),
        ] = None,
    ) -> None:
        run(name, open_page, as_json, checklist)


def items_of(data: Content, platform_id: str) -> list[Item]:
    """The privacy items of the sections about this platform: the same data the audit asks."""
    return [item for section, item in data.items() if section.platform == platform_id]


def _platform_json(platform: Platform, items: list[Item], lang: str) -> dict[str, Any]:
    return {
        "id": platform.id,
        "name": platform.name,
        "summary": platform.summary.get(lang),
        "exposure": [{"topic": e.topic.value, "text": e.text.get(lang)} for e in platform.exposure],
        "settings": [{"label": s.label.get(lang), "url": s.url} for s in platform.settings],
        "items": [
            {
                "id": item.id,
                "priority": item.priority.value,
                "question": item.question.get(lang),
                "why": item.why.get(lang),
                "steps": item.steps.get(lang),
                "links": [{"label": k.label.get(lang), "url": k.url} for k in item.links],
            }
            for item in items
        ],
    }


def run(name: str | None, open_page: bool, as_json: bool, checklist: Path | None) -> None:
    data = load(checklist)
    if name is None:
        if open_page:
            fail(_("Which platform? For example: onlineveilig platforms instagram --open"))
        with open_store() as store:
            mine = platforms_of(store.profile())
        _list(data, mine, as_json)
        return
    platform = data.find_platform(name)
    if platform is None:
        fail(
            _("There is no platform called %(name)s.") % {"name": name},
            _("Platforms: %(ids)s")
            % {"ids": ", ".join(f"{n} {p.id}" for n, p in enumerate(data.platforms, 1))},
        )
    items = items_of(data, platform.id)
    if as_json:
        print_json(_platform_json(platform, items, language()))
    else:
        _show(platform, items)
    if open_page:
        # With --json, stdout holds only the JSON: the message goes to stderr.
        _open(platform, console.err() if as_json else console.out())


def _list(data: Content, mine: set[str] | None, as_json: bool) -> None:
    lang = language()
    if as_json:
        print_json(
            [
                {
                    "id": p.id,
                    "name": p.name,
                    "summary": p.summary.get(lang),
                    "yours": None if mine is None else p.id in mine,
                    "items": len(items_of(data, p.id)),
                }
                for p in data.platforms
            ]
        )
        return
    table = Table(title=_("Platforms"), title_justify="left")
    table.add_column(_("No."), no_wrap=True, justify="right")
    table.add_column(_("Id"), no_wrap=True)
    table.add_column(_("Name"), no_wrap=True)
    table.add_column(_("What it is"), overflow="fold")
    table.add_column(_("Yours"), no_wrap=True, justify="center")
    for n, p in enumerate(data.platforms, 1):
        if mine is None:
            yours = Text("?", style="dim")
        else:
            yours = Text(_("yes"), style="green") if p.id in mine else Text("—", style="dim")
        table.add_row(str(n), text(p.id), text(p.name, "bold"), text(p.summary.get(lang)), yours)
    out = console.out()
    out.print(table)
    if mine is None:
        out.print(
            Text(
                _(
                    "Which of these do you use? Tell onlineveilig with: "
                    "onlineveilig config set platforms facebook,whatsapp"
                ),
                style="dim",
            )
        )
    out.print(
        _(
            "More about one platform: onlineveilig platforms NAME or NUMBER "
            "(for example instagram, or 2)."
        )
    )


def _show(platform: Platform, items: list[Item]) -> None:
    lang = language()
    out = console.out()
    out.rule(text(platform.name, "bold cyan"))
    out.print(text(platform.summary.get(lang)))
    if platform.exposure:
        out.print()
        out.print(cards.exposure_view(platform))
    if items:
        out.print()
        out.print(Text(_("What to check"), style="bold underline"))
        for n, item in enumerate(items, 1):
            out.print()
            out.print(cards.guide_card(item, n))
    if platform.settings:
        out.print()
        out.print(Text(_("Settings pages"), style="bold underline"))
        for link in platform.settings:
            out.print(
                Text.assemble(
                    "  ↗ ", text(link.label.get(lang)), ": ", text(link.url, "underline blue")
                ),
                soft_wrap=True,  # an address is never broken in two
            )
    out.print()
    out.print(
        Text(_("The audit asks about these settings every month: onlineveilig audit"), style="dim")
    )


def _open(platform: Platform, out: Console) -> None:
    import webbrowser

    if not platform.settings:
        out.print(
            Text(
                _(
                    "There is no settings page for %(name)s in the guide: follow the steps above in the app."
                )
                % {"name": clean(platform.name)},
                style="yellow",
            )
        )
        return
    url = platform.settings[0].url
    if webbrowser.open(url):
        out.print(
            Text.assemble(_("Opened in your browser: "), text(url, "underline")), soft_wrap=True
        )
    else:
        out.print(
            Text.assemble(
                _("No browser could be opened. Open this address yourself: "),
                text(url, "underline"),
            ),
            soft_wrap=True,
        )
