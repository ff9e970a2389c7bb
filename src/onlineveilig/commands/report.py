"""`onlineveilig report`: one file to show a colleague, in HTML, Markdown or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.text import Text

from onlineveilig import __version__, clock
from onlineveilig.commands import help_for
from onlineveilig.commands.common import content as load
from onlineveilig.commands.common import (
    fail,
    fail_with,
    file_format,
    format_option,
    open_store,
    organisation_rules,
    output_option,
    platforms_of,
    write_output,
)
from onlineveilig.errors import OnlineveiligError
from onlineveilig.i18n import _, language
from onlineveilig.ui import console
from onlineveilig.ui.clicktext import Command

if TYPE_CHECKING:
    from onlineveilig.content.loader import Content
    from onlineveilig.content.rules import Rules
    from onlineveilig.report.build import Options, ReportError
    from onlineveilig.report.model import IncidentsSummary, ProfilesSummary, Report, SearchSummary
    from onlineveilig.store.repo import Store


def register(app: typer.Typer) -> None:
    @app.command(cls=Command, help=help_for("report"))
    def report(
        form: Annotated[
            str | None,
            format_option(),
        ] = None,
        output: Annotated[
            str | None,
            output_option(
                _(
                    "Where to write the report (a file or a folder); - prints it. "
                    "Default: a dated file in Documents/onlineveilig."
                )
            ),
        ] = None,
        audit: Annotated[
            int | None,
            typer.Option(
                "--audit",
                metavar="N",
                help=_("Report on audit N (see onlineveilig history); default: the latest."),
            ),
        ] = None,
        open_it: Annotated[
            bool, typer.Option("--open", help=_("Open the report in your browser."))
        ] = False,
        for_colleague: Annotated[
            bool,
            typer.Option(
                "--for-colleague",
                help=_(
                    "Leave out your notes and the addresses and text of your search results "
                    "(onlineveilig search-me)."
                ),
            ),
        ] = False,
        with_notes: Annotated[
            bool,
            typer.Option("--with-notes", help=_("Include your notes (also with --for-colleague).")),
        ] = False,
        with_findings: Annotated[
            bool,
            typer.Option(
                "--with-findings",
                help=_(
                    "Include the addresses and text of the search results you marked for action "
                    "(also with --for-colleague)."
                ),
            ),
        ] = False,
        with_name: Annotated[
            bool, typer.Option("--with-name", help=_("Put your name (from your profile) on it."))
        ] = False,
        with_incident: Annotated[
            int | None,
            typer.Option(
                "--with-incident",
                metavar="N",
                help=_(
                    "Include the facts of incident N (see onlineveilig incident list); "
                    "otherwise the report only counts incidents. Evidence files are never in it."
                ),
            ),
        ] = None,
    ) -> None:
        from onlineveilig.report.build import Options

        kind = _format(form, output)
        if open_it and output == "-":
            fail(_("--open needs a file: leave out -o - to use it."))
        options = Options(
            audit=audit,
            lang=language(),
            for_colleague=for_colleague,
            with_notes=with_notes,
            with_findings=with_findings,
            with_name=with_name,
        )
        run(kind, output, options, open_it, with_incident)


def _format(form: str | None, output: str | None) -> str:
    suffix = Path(output).suffix.lower() if form is None and output and output != "-" else ""
    if suffix == ".pdf":
        # HTML in a file called .pdf would not open in a PDF viewer: say how to get a PDF.
        fail(
            _("onlineveilig writes the report as HTML, Markdown or JSON, not as PDF."),
            _(
                "For a PDF: write it as HTML (for example -o verslag.html), open it in your "
                "browser and print it as PDF."
            ),
        )
    return file_format(form, output)


def _gather(options: Options, with_incident: int | None = None) -> tuple[Report, str | None]:
    from onlineveilig.report.build import ReportError, build

    data = load(None)
    with open_store() as store:
        audits = store.audits()
        history = store.history()
        profile = store.profile()
        search = _search(store)
        profiles = _profiles(store)
        incidents = _incidents(store, data, with_incident)
    name = profile.get("name") or None
    try:
        report = build(
            audits,
            history,
            data,
            platforms=platforms_of(profile),
            name=name,
            options=options,
            now=clock.now(),
            generator=f"onlineveilig {__version__}",
            search=search,
            profiles=profiles,
        )
    except ReportError as error:
        _fail_report(error)
    if incidents is not None:
        report = report.model_copy(update={"incidents": incidents})
    return report, name


def _search(store: Store) -> SearchSummary | None:
    """search-me's last run, for the report; None when the user never searched."""
    from onlineveilig.content.loader import load_sites
    from onlineveilig.report.build import search_summary
    from onlineveilig.search import findings as fnd
    from onlineveilig.search.model import ActionKind
    from onlineveilig.ui.findings import action_label

    latest = store.search.latest()
    if latest is None:
        return None
    previous = store.search.previous(latest)
    try:
        sites = load_sites()
    except OnlineveiligError as error:
        fail_with(error)
    lang = language()
    titles = {
        c.id.value: c.title.get(lang) for c in sorted(sites.categories, key=lambda c: c.order)
    }
    return search_summary(
        latest,
        fnd.diff(previous, latest),
        store.search.marks(),
        store.search.first_seen(),
        titles,
        {kind.value: action_label(kind) for kind in ActionKind},
    )


def _profiles(store: Store) -> ProfilesSummary | None:
    """onlineveilig profiles' last check, for the report; None when it never ran."""
    from onlineveilig.report.profiles import profiles_summary
    from onlineveilig.search.model import RunKind

    latest = store.search.latest(RunKind.PROFILES)
    return profiles_summary(latest, store.search.marks()) if latest else None


def _incidents(store: Store, data: Content, number: int | None) -> IncidentsSummary | None:
    """The incidents in counts; one incident's facts only when the user asked for it."""
    from onlineveilig.incidents import types
    from onlineveilig.report.incidents import incident_facts, incidents_summary

    every = store.incidents.all()
    shared = None
    if number is not None:
        incident = next((i for i in every if i.id == number), None)
        if incident is None:
            fail(
                _("There is no incident number %(n)d.") % {"n": number},
                _("See the numbers with: onlineveilig incident list"),
            )
        rules = _rules()
        platforms = {p.id: p.name for p in data.platforms}
        shared = incident_facts(
            incident,
            lambda type_id: types.label(type_id, rules),
            lambda channel: platforms.get(channel, channel),
        )
    return incidents_summary(every, shared)


def _rules() -> Rules | None:
    try:
        found = organisation_rules()
    except OnlineveiligError as error:
        fail_with(error)
    return found[1] if found else None


def _fail_report(error: ReportError) -> NoReturn:
    if error.kind == "no-audit":
        fail(_("You have not finished an audit yet. Start with: onlineveilig audit"))
    if error.kind == "unknown-audit":
        fail(
            _("There is no audit number %(n)d.") % {"n": error.number},
            _("See the numbers with: onlineveilig history"),
        )
    if error.kind == "stopped-audit":
        fail(
            _("Audit %(n)d was stopped before the end, so it cannot be finished or reported on.")
            % {"n": error.number},
            _("Choose a finished audit (see onlineveilig history), or leave out --audit."),
        )
    fail(
        _("Audit %(n)d is not finished, so there is nothing to report on yet.")
        % {"n": error.number},
        _("Finish it with 'onlineveilig audit', or choose another one: onlineveilig history"),
    )


def _render(report: Report, kind: str) -> str:
    if kind == "md":
        from onlineveilig.report import render_md

        return render_md.render(report)
    if kind == "json":
        from onlineveilig.report import render_json

        return render_json.render(report)
    from onlineveilig.report import render_html

    return render_html.render(report)


def _name(report: Report, kind: str) -> str:
    stem = f"onlineveilig-verslag-{report.audit.finished.date().isoformat()}"
    if report.sharing.for_colleague:
        stem += "-collega"
    return f"{stem}.{kind}"


def run(
    kind: str, output: str | None, options: Options, open_it: bool, with_incident: int | None = None
) -> None:
    report, name = _gather(options, with_incident)
    path = write_output(output, _render(report, kind), _name(report, kind))
    _summary(report, path, options, has_name=name is not None)
    if open_it and path is not None:
        _open(path)


def _summary(report: Report, path: Path | None, options: Options, *, has_name: bool) -> None:
    from onlineveilig.report import words

    err = console.err()
    if path is not None:
        # soft_wrap: the path stays on one line, so it can be copied whole.
        err.print(
            Text(_("Report written: %(path)s") % {"path": path}, style="bold"), soft_wrap=True
        )
    line = words.audit_line(report)
    if report.score.percent is not None:
        line += " " + _("Score: %(score)d/100.") % {"score": report.score.percent}
    err.print(Text(line))
    has_search = report.search is not None
    err.print(
        Text(
            _("In it: %(parts)s.")
            % {"parts": ", ".join(words.sharing_included(report.sharing, has_search))}
        )
    )
    if report.incidents is not None:
        shared = report.incidents.shared
        err.print(
            Text(
                _("With the facts of incident %(n)d (not its evidence files).")
                % {"n": shared.number}
                if shared
                else _("Incidents: only how many, not what happened (--with-incident N adds one).")
            )
        )
    left_out = words.sharing_left_out(report.sharing, has_search)
    if left_out:
        parts = ", ".join(f"{label} ({option})" for label, option in left_out)
        err.print(Text(_("Left out: %(parts)s.") % {"parts": parts}, style="yellow"))
    if options.with_name and not has_name:
        err.print(
            Text(
                _("Your profile has no name, so none is on it. Set one with: %(cmd)s")
                % {"cmd": 'onlineveilig config set name "..."'},
                style="yellow",
            )
        )
    if options.with_findings and not has_search:
        err.print(
            Text(
                _(
                    "--with-findings: you have not searched yet, so there are no search results "
                    "to add. Search with: onlineveilig search-me"
                ),
                style="dim",
            )
        )


def _open(path: Path) -> None:
    import webbrowser

    try:
        opened = webbrowser.open(path.resolve().as_uri())
    except webbrowser.Error:
        opened = False
    if not opened:
        console.err().print(
            Text(_("No browser could be opened; open the file yourself."), style="yellow")
        )
