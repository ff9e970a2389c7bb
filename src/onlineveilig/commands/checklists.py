"""`onlineveilig checklists`: the sections and how many items each asks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from onlineveilig.commands import help_for
from onlineveilig.commands.common import checklist_option, fail, json_option, print_json
from onlineveilig.commands.common import content as load
from onlineveilig.content.loader import Content
from onlineveilig.i18n import _, language, ngettext
from onlineveilig.text import priority_label
from onlineveilig.ui import cards, console
from onlineveilig.ui.clicktext import Command
from onlineveilig.ui.safe import text

# Below this many columns a section's items are listed as blocks instead of a table.
NARROW = 100


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("checklists"))
    def checklists(
        section: Annotated[
            str | None,
            typer.Argument(
                metavar=_("SECTION"), help=_("Show the items of this section (see the list).")
            ),
        ] = None,
        as_json: Annotated[bool, json_option(_("Print the list as JSON."))] = False,
        checklist: Annotated[
            Path | None,
            checklist_option(),
        ] = None,
    ) -> None:
        run(as_json, checklist, section)


def run(as_json: bool, checklist: Path | None, section: str | None = None) -> None:
    data = load(checklist)
    lang = language()
    if section is not None:
        show_section(data, section, as_json)
        return
    if as_json:
        print_json(
            {
                "sections": [
                    {
                        "id": s.id,
                        "id_en": s.id_en,
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
    for sec in data.sections:
        count = sum(1 for i in sec.items if i.id not in data.disabled)
        total += count
        table.add_row(sec.shown_id(lang), text(sec.title.get(lang)), str(count))
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


def show_section(data: Content, section_id: str, as_json: bool) -> None:
    """The items of one section: id (for an organisation's `disable`), priority, how often, question."""
    lang = language()
    chosen = data.section(section_id)
    if chosen is None:
        ids = ", ".join(data.section_ids(lang))
        fail(
            _("There is no section %(id)s.") % {"id": section_id},
            _("Sections: %(ids)s") % {"ids": ids},
        )
    items = [i for i in chosen.items if i.id not in data.disabled]
    if as_json:
        print_json(
            {
                "section": chosen.id,
                "section_en": chosen.id_en,
                "title": chosen.title.get(lang),
                "items": [
                    {
                        "id": i.id,
                        "priority": i.priority.value,
                        "frequency": i.frequency.value,
                        "question": i.question.get(lang),
                    }
                    for i in items
                ],
            }
        )
        return
    out = console.out()
    if out.width < NARROW:
        # At 80 columns a table leaves the question a sliver beside the long ids: one block each.
        from rich.padding import Padding

        out.print(text(chosen.title.get(lang), "bold"))
        for item in items:
            head = text(item.id, "bold")
            head.append("  " + priority_label(item.priority), style="dim")
            head.append(" · " + cards.frequency_label(item.frequency), style="dim")
            out.print(head)
            out.print(Padding(text(item.question.get(lang)), (0, 0, 0, 2)))
        return
    table = Table(title=text(chosen.title.get(lang)), title_justify="left")
    table.add_column(_("Id"), no_wrap=True)  # whole: it is copied into a disable list
    table.add_column(_("Priority"), no_wrap=True)
    table.add_column(_("How often"), no_wrap=True)
    table.add_column(_("Question"), overflow="fold")
    for item in items:
        table.add_row(
            item.id,
            priority_label(item.priority),
            cards.frequency_label(item.frequency),
            text(item.question.get(lang)),
        )
    out.print(table)
