"""`onlineveilig signalen`: the incidents in numbers, for a team meeting or supervision.

Counts only (onlineveilig.incidents.signals): nothing anyone typed is shown or written.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from onlineveilig.commands import help_for
from onlineveilig.commands.common import (
    content,
    fail,
    fail_with,
    file_format,
    format_option,
    open_store,
    organisation_rules,
    output_option,
    write_output,
)
from onlineveilig.errors import OnlineveiligError
from onlineveilig.i18n import _, language
from onlineveilig.ui import console
from onlineveilig.ui.clicktext import Command
from onlineveilig.ui.safe import text

if TYPE_CHECKING:
    from onlineveilig.incidents.signals import Signals


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("signalen"))
    def signalen(
        since: Annotated[
            str | None,
            typer.Option(
                "--since",
                metavar=_("DATE"),
                help=_("Only incidents from this date on (for example 1-9-2026 or 2026-09-01)."),
            ),
        ] = None,
        form: Annotated[
            str | None,
            format_option(
                _("Write a file (html or md) instead of showing it here."), metavar="html|md"
            ),
        ] = None,
        output: Annotated[
            str | None,
            output_option(
                _(
                    "Where to write the file (a file or a folder); - prints it. "
                    "Default: a dated file in Documents/onlineveilig."
                )
            ),
        ] = None,
    ) -> None:
        run(_since(since), _format(form, output), output)


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    from onlineveilig import clock
    from onlineveilig.incidents.answers import BadMoment, parse_moment

    try:
        return date.fromisoformat(parse_moment(value, clock.today())[:10])
    except BadMoment:
        fail(
            _("This is not a date: %(value)s") % {"value": value},
            _("Write it like 1-9-2026 or 2026-09-01 (not a day still to come)."),
        )


def _format(form: str | None, output: str | None) -> str | None:
    """None: show it in the terminal (no --format, no -o)."""
    if form is None and output is None:
        return None
    return file_format(form, output, with_json=False)


def gather(since: date | None) -> Signals:
    from onlineveilig.incidents import signals, types

    try:
        found = organisation_rules()
    except OnlineveiligError as error:
        fail_with(error)
    rules = found[1] if found else None
    platforms = dict(types.channels((p.id, p.name) for p in content().platforms))
    with open_store() as store:
        incidents = store.incidents.all()
    return signals.build(
        incidents,
        lang=language(),
        since=since,
        types=dict(types.choices(rules)),
        channels=platforms,
    )


def run(since: date | None, kind: str | None, output: str | None) -> None:
    from onlineveilig.incidents import signals as sig

    summary = gather(since)
    if kind is None:
        if summary.total == 0 and since is None:
            console.out().print(
                Text(_("No incidents written down yet. 'onlineveilig incident add' starts one."))
            )
            return
        show(summary)
        return
    data = sig.to_markdown(summary) if kind == "md" else sig.to_html(summary)
    stamp = summary.since.isoformat() if summary.since else "alles"
    path = write_output(output, data, f"onlineveilig-signalen-{stamp}.{kind}")
    if path is not None:
        console.err().print(
            Text(_("Written: %(path)s") % {"path": path}, style="bold"), soft_wrap=True
        )


def show(summary: Signals) -> None:
    from onlineveilig.incidents import signals as sig

    out = console.out()
    out.print(Text(sig.title(), style="bold"))
    out.print(Text(sig.intro(summary)))
    if summary.open:
        out.print(Text(_("Still open: %(n)d.") % {"n": summary.open}, style="yellow"))
    for heading, counts in sig.tables(summary):
        out.print()
        out.print(Text(heading, style="bold"))
        if not counts:
            out.print(Text(_("None."), style="dim"))
            continue
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        most = max(c.n for c in counts)
        for count in counts:
            width = max(1, round(24 * count.n / most))
            table.add_row(text(count.label), str(count.n), Text("█" * width, style="cyan"))
        out.print(table)
    out.print()
    out.print(Text(sig.privacy_note(), style="dim"))
