"""`onlineveilig reminder`: a calendar file with a monthly event for the audit."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated

import typer
from rich.text import Text

from onlineveilig import __version__, clock
from onlineveilig.audit import logic
from onlineveilig.commands import help_for
from onlineveilig.commands.common import fail, open_store, output_option, write_output
from onlineveilig.i18n import _
from onlineveilig.ui import console
from onlineveilig.ui import format as fmt
from onlineveilig.ui.clicktext import Command


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("reminder"))
    def reminder(
        output: Annotated[
            str | None,
            output_option(_("Where to write the .ics file (a file or a folder); - prints it.")),
        ] = None,
        day: Annotated[
            int | None,
            typer.Option(
                "--day",
                metavar="1-28",
                help=_("Day of the month (1-28); default: the day your next audit is due."),
            ),
        ] = None,
        at: Annotated[
            str, typer.Option("--time", metavar=_("HH:MM"), help=_("Time of day."))
        ] = "09:30",
    ) -> None:
        run(output, day, at)


def build(first: date, at: time, day_of_month: int, now: datetime) -> bytes:
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//onlineveilig//{__version__}//NL")
    cal.add("version", "2.0")
    event = Event()
    # One fixed UID: importing a new file replaces the reminder instead of adding a second one.
    event.add("uid", "monthly-audit@onlineveilig")
    event.add("dtstamp", now)
    start = datetime.combine(first, at)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=30))
    event.add("summary", _("Monthly online safety check (onlineveilig)"))
    event.add(
        "description",
        _(
            "Time for your monthly self-check: open a terminal and type: onlineveilig audit\n"
            "It takes about 15 minutes. onlineveilig status shows what is still open."
        ),
    )
    event.add("rrule", {"freq": "monthly", "bymonthday": day_of_month})
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Monthly online safety check (onlineveilig)"))
    alarm.add("trigger", timedelta(minutes=0))
    event.add_component(alarm)
    cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def run(output: str | None, day: int | None, at: str) -> None:
    try:
        hour, minute = (int(x) for x in at.split(":"))
        moment = time(hour, minute)
    except ValueError:
        fail(_("Give the time as HH:MM, for example 09:30."))
    if day is not None and not 1 <= day <= 28:
        fail(
            _("Choose a day from 1 to 28 (so every month has it)."),
            _("For example: onlineveilig reminder --day 15"),
        )
    today = clock.today()
    with open_store() as store:
        due = logic.due(store.audits(), today)
    first = due.next_due if due.next_due and due.next_due > today else today
    day_of_month = day or min(first.day, 28)
    now = clock.now()
    # The first reminder is the first matching day whose time has not passed yet.
    while first.day != day_of_month or datetime.combine(first, moment) <= now.replace(tzinfo=None):
        first += timedelta(days=1)
    data = build(first, moment, day_of_month, now)
    path = write_output(output, data, "onlineveilig-herinnering.ics")
    if path is None:
        return
    out = console.out()
    out.print(
        Text(_("Calendar file written: %(path)s") % {"path": path}, style="bold"), soft_wrap=True
    )
    out.print(
        _(
            "Monthly on day %(day)d at %(time)s, first on %(date)s. Open the file to add it to your calendar."
        )
        % {"day": day_of_month, "time": moment.strftime("%H:%M"), "date": fmt.day(first)}
    )
