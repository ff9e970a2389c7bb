"""`onlineveilig team rapport`: the share files of many workers in one team report.

For the organisation's prevention contact. Files only (nothing is sent or fetched); the domain is
in onlineveilig.team, this module reads the options and prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from onlineveilig import names
from onlineveilig.commands import help_for
from onlineveilig.commands.common import (
    checklist_option,
    content,
    fail,
    fail_with,
    file_format,
    format_option,
    organisation_rules,
    output_option,
    write_output,
)
from onlineveilig.errors import OnlineveiligError
from onlineveilig.i18n import _, language, ngettext
from onlineveilig.team import DEFAULT_GROUP, MIN_GROUP
from onlineveilig.ui import console
from onlineveilig.ui.clicktext import Command, Group

if TYPE_CHECKING:
    from onlineveilig.team.model import TeamReport


def register(app: typer.Typer) -> None:
    team_app = typer.Typer(
        cls=Group, help=help_for("team"), no_args_is_help=True, rich_markup_mode=None
    )

    @team_app.command(
        "rapport",
        cls=Command,
        help=_(
            "Make a team report from the files your colleagues made with 'onlineveilig "
            "%(share)s': which checks are most often not in order, what support is missing, the "
            "incidents in numbers and the trend. Give a folder or the files themselves. Nobody "
            "can be singled out: a figure about too few workers is not shown."
        )
        % {"share": names.shown("deel")},
        short_help=_("A team report from your colleagues' share files."),
    )
    def rapport(
        paths: Annotated[
            list[Path],
            typer.Argument(
                metavar=_("FOLDER_OR_FILES"),
                help=_("A folder with the share files, or the files themselves."),
                show_default=False,
            ),
        ],
        form: Annotated[str | None, format_option()] = None,
        output: Annotated[
            str | None,
            output_option(
                _(
                    "Where to write the report (a file or a folder); - prints it. "
                    "Default: a dated file in Documents/onlineveilig."
                )
            ),
        ] = None,
        min_group: Annotated[
            int,
            typer.Option(
                "--min-group",
                metavar="K",
                help=_(
                    "Show a figure only when it rests on at least this many workers "
                    "(at least 3; default 5)."
                ),
            ),
        ] = DEFAULT_GROUP,
        checklist: Annotated[Path | None, checklist_option()] = None,
    ) -> None:
        run(paths, file_format(form, output), output, min_group, checklist)

    app.add_typer(team_app, name="team")


def _type_labels() -> dict[str, str]:
    from onlineveilig.incidents import types

    try:
        found = organisation_rules()
    except OnlineveiligError as error:
        fail_with(error)
    labels = dict(types.choices(found[1] if found else None))
    return {**{k: _(v) for k, v in types.BUILT_IN}, **labels}


def run(paths: list[Path], kind: str, output: str | None, k: int, checklist: Path | None) -> None:
    if k < MIN_GROUP:
        fail(
            _("The smallest group is %(min)d workers: with fewer, someone could be recognised.")
            % {"min": MIN_GROUP},
            _("Leave out --min-group, or give 3 or more."),
        )
    from onlineveilig.team import build, read
    from onlineveilig.team.aggregate import Tally

    checklists = content(checklist)
    reading = read.Reading()
    tally = Tally(k)
    for share in read.read(paths, reading):
        tally.add(share)
    err = console.err()
    for skipped in reading.skipped:
        err.print(
            Text(
                _("Not counted: %(file)s (%(why)s)")
                % {"file": skipped.path, "why": build.reason(skipped.why)},
                style="yellow",
            ),
            soft_wrap=True,
        )
    if reading.counted == 0:
        fail(
            _("There are no share files to count."),
            _(
                "Give the folder with the files your colleagues made with 'onlineveilig "
                "%(share)s', or the files themselves."
            )
            % {"share": names.shown("deel")},
        )
    report = build.build(tally, reading, checklists, language(), _type_labels())
    data = _render(report, kind)
    stamp = max(tally.files_per_month)
    path = write_output(output, data, f"onlineveilig-team-{stamp}.{kind}")
    err.print(
        Text(
            ngettext(
                "Counted: %(n)d file from %(workers)d workers.",
                "Counted: %(n)d files from %(workers)d workers.",
                reading.counted,
            )
            % {"n": reading.counted, "workers": report.workers}
        )
    )
    if path is not None:
        err.print(Text(_("Written: %(path)s") % {"path": path}, style="bold"), soft_wrap=True)


def _render(report: TeamReport, kind: str) -> str:
    from onlineveilig.team import render_html, render_json, render_md

    if kind == "md":
        return render_md.to_markdown(report)
    if kind == "json":
        return render_json.to_json(report)
    return render_html.to_html(report)
