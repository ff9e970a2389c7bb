"""`onlineveilig incident`: write down what happened, keep the evidence intact, report it.

One module per job: add.py (the questions are in questions.py), edit.py, show.py (list, show),
evidence.py (evidence, verify); shared.py has what they share. Each is imported only when its
sub-command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from onlineveilig.commands import help_for
from onlineveilig.commands.common import json_option, rules_option
from onlineveilig.i18n import _
from onlineveilig.ui.clicktext import Command, Group


def _field_names() -> list[str]:
    from onlineveilig.commands.incident.fields import field_names

    return field_names()


def _number(help_text: str) -> object:
    return typer.Argument(metavar=_("NUMBER"), help=help_text, show_default=False)


def register(app: typer.Typer) -> None:
    incident_app = typer.Typer(
        cls=Group, help=help_for("incident"), no_args_is_help=True, rich_markup_mode=None
    )

    @incident_app.command(
        "add", cls=Command, help=_("Write down what happened, one question at a time.")
    )
    def add(rules_file: Annotated[Path | None, rules_option()] = None) -> None:
        from onlineveilig.commands.incident.add import run_add

        run_add(rules_file)

    @incident_app.command(
        "edit", cls=Command, help=_("Change a part of an incident; the earlier text is kept.")
    )
    def edit(
        number: Annotated[
            int, _number(_("The incident's number (see onlineveilig incident list)."))
        ],
        field: Annotated[
            str | None,
            typer.Argument(
                metavar=_("PART"),
                help=_("What to change: %(names)s (else it asks which).")
                % {"names": ", ".join(_field_names())},
                show_default=False,
            ),
        ] = None,
        rules_file: Annotated[Path | None, rules_option()] = None,
    ) -> None:
        from onlineveilig.commands.incident.edit import run_edit

        run_edit(number, field, rules_file)

    @incident_app.command("list", cls=Command, help=_("Show your incidents, one row each."))
    def list_(
        as_json: Annotated[bool, json_option(_("Print them as JSON."))] = False,
        rules_file: Annotated[Path | None, rules_option()] = None,
    ) -> None:
        from onlineveilig.commands.incident.show import run_list

        run_list(as_json, rules_file)

    @incident_app.command(
        "show", cls=Command, help=_("Show everything about one incident, with its evidence.")
    )
    def show(
        number: Annotated[
            int, _number(_("The incident's number (see onlineveilig incident list)."))
        ],
        rules_file: Annotated[Path | None, rules_option()] = None,
    ) -> None:
        from onlineveilig.commands.incident.show import run_show

        run_show(number, rules_file)

    @incident_app.command(
        "evidence",
        cls=Command,
        help=_(
            "Keep screenshots, exported chats or other files with an incident (copied exactly, "
            "your own file is left as it is), or a web address with --url."
        ),
        short_help=_("Keep files or web addresses as evidence."),
    )
    def evidence(
        number: Annotated[
            int, _number(_("The incident's number (see onlineveilig incident list)."))
        ],
        files: Annotated[
            list[Path] | None,
            typer.Argument(metavar=_("FILE..."), help=_("The files to keep."), show_default=False),
        ] = None,
        url: Annotated[
            str | None,
            typer.Option(
                "--url",
                metavar=_("ADDRESS"),
                help=_("A web address where you saw it (nothing is opened or fetched)."),
            ),
        ] = None,
        seen: Annotated[
            str | None,
            typer.Option(
                "--seen",
                metavar=_("WHEN"),
                help=_('When you saw it at that address, e.g. "yesterday 22:15" (default: now).'),
            ),
        ] = None,
        note: Annotated[
            str, typer.Option("--note", metavar=_("TEXT"), help=_("A short note with it."))
        ] = "",
    ) -> None:
        from onlineveilig.commands.incident.evidence import run_evidence

        run_evidence(number, list(files or []), url, seen, note)

    @incident_app.command(
        "verify",
        cls=Command,
        help=_("Check that every evidence file is still exactly as it was when it was added."),
    )
    def verify(
        number: Annotated[
            int | None,
            typer.Argument(
                metavar=_("NUMBER"),
                help=_("Only this incident (default: all)."),
                show_default=False,
            ),
        ] = None,
    ) -> None:
        from onlineveilig.commands.incident.evidence import run_verify

        run_verify(number)

    # --- incexport: register `incident export` here (commands/incident/export.py) ---
    from onlineveilig.commands.incident.export import register as register_export

    register_export(incident_app)

    app.add_typer(incident_app, name="incident")
