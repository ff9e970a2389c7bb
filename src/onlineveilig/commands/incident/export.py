"""`onlineveilig incident export N`: one incident as a file for the supervisor, the
organisation's registration or the police; `--bundle FILE.zip` adds the evidence files and a
SHA256SUMS file anyone can check with `sha256sum -c`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from onlineveilig.commands.common import (
    fail,
    file_format,
    format_option,
    output_option,
    rules_option,
)
from onlineveilig.i18n import _, ngettext
from onlineveilig.ui.clicktext import Command

if TYPE_CHECKING:
    from onlineveilig.incidents.export.model import Export
    from onlineveilig.incidents.model import Incident


def register(incident_app: typer.Typer) -> None:
    @incident_app.command(
        "export",
        cls=Command,
        help=_(
            "Write one incident down as a file for your supervisor, your organisation or the "
            "police (HTML, Markdown or JSON); with --bundle also the evidence, in one zip file."
        ),
        short_help=_("Write an incident as a file to report it."),
    )
    def export(
        number: Annotated[
            int,
            typer.Argument(
                metavar=_("NUMBER"),
                help=_("The incident's number (see onlineveilig incident list)."),
                show_default=False,
            ),
        ],
        form: Annotated[
            str | None,
            format_option(),
        ] = None,
        output: Annotated[
            str | None,
            output_option(
                _(
                    "Where to write it (a file or a folder); - prints it. "
                    "Default: a dated file in Documents/onlineveilig."
                )
            ),
        ] = None,
        bundle: Annotated[
            str | None,
            typer.Option(
                "--bundle",
                metavar=_("FILE") + ".zip",
                help=_(
                    "Write one zip file with the report (HTML, Markdown and JSON), the list of "
                    "evidence and the evidence files themselves."
                ),
            ),
        ] = None,
        rules_file: Annotated[Path | None, rules_option()] = None,
    ) -> None:
        if bundle is not None:
            if form is not None or output is not None:
                fail(_("--bundle writes every kind of file at once: leave out --format and -o."))
            run_bundle(number, bundle, rules_file)
        else:
            run_export(number, file_format(form, output), output, rules_file)


def _export(incident: Incident, rules_file: Path | None, bundled: dict[int, str]) -> Export:
    from onlineveilig import __version__, clock
    from onlineveilig.commands.common import content, fail_with, organisation_rules
    from onlineveilig.errors import OnlineveiligError
    from onlineveilig.i18n import language
    from onlineveilig.incidents import types
    from onlineveilig.incidents.export.build import Context, build

    try:
        found = organisation_rules(rules_file)
    except OnlineveiligError as error:
        fail_with(error)
    rules = found[1] if found else None
    platforms = {p.id: p.name for p in content().platforms}
    lang = language()
    settings = rules.incidents if rules is not None else None
    return build(
        incident,
        Context(
            lang=lang,
            now=clock.now(),
            generator=f"onlineveilig {__version__}",
            type_label=lambda type_id: types.label(type_id, rules),
            channel_label=lambda channel: types.channel_label(channel, platforms),
            rules=rules,
            report_to=settings.report_to.get(lang) if settings and settings.report_to else "",
            report_within_days=settings.report_within_days if settings else None,
            bundled=bundled,
        ),
    )


def _incident(number: int) -> tuple[Incident, dict[int, Path]]:
    """The saved incident and where each of its evidence files is kept."""
    from onlineveilig.commands.common import open_store
    from onlineveilig.commands.incident.shared import saved
    from onlineveilig.incidents.model import EvidenceKind

    with open_store() as store:
        repo = store.incidents
        incident = saved(repo, number)
        files = {
            ev.id: repo.evidence_file(incident.id, ev)
            for ev in incident.evidence
            if ev.kind == EvidenceKind.FILE
        }
    return incident, files


def _render(export: Export, kind: str) -> str:
    from onlineveilig.incidents.export import render

    return {"md": render.to_markdown, "json": render.to_json}.get(kind, render.to_html)(export)


def _stem(incident: Incident) -> str:
    return f"onlineveilig-incident-{incident.id}"


def run_export(number: int, kind: str, output: str | None, rules_file: Path | None) -> None:
    from onlineveilig.commands.common import write_output
    from onlineveilig.incidents.model import EvidenceKind
    from onlineveilig.ui import console

    incident, _files = _incident(number)
    export = _export(incident, rules_file, {})
    path = write_output(output, _render(export, kind), f"{_stem(incident)}.{kind}")
    has_files = any(ev.kind == EvidenceKind.FILE for ev in incident.evidence)
    if path is not None:
        console.err().print(
            Text(_("Incident %(n)d written: %(path)s") % {"n": incident.id, "path": path}),
            soft_wrap=True,
        )
    if path is not None and has_files:  # only then is there something a bundle would add
        console.err().print(
            Text(
                _(
                    "The evidence files are not in it. To send them along: "
                    "onlineveilig incident export %(n)d --bundle %(name)s.zip"
                )
                % {"n": incident.id, "name": _stem(incident)},
                style="dim",
            ),
            soft_wrap=True,
        )


def how_to_check() -> str:
    return _(
        "This zip file holds an incident report and the evidence that was kept with it.\n"
        "\n"
        "The files in evidence/ are exact copies of the files as they were added. SHA256SUMS\n"
        "lists the SHA-256 fingerprint of every file; to check that nothing was changed,\n"
        "unzip everything into one folder and, in that folder, run:\n"
        "\n"
        "    sha256sum -c SHA256SUMS\n"
        "\n"
        "(on a Mac: shasum -a 256 -c SHA256SUMS). Every line must end in OK.\n"
    )


def run_bundle(number: int, target: str, rules_file: Path | None) -> None:
    from onlineveilig import clock, outfile
    from onlineveilig.commands.common import fail_with
    from onlineveilig.incidents import bundle
    from onlineveilig.incidents.export import render
    from onlineveilig.paths import export_dir
    from onlineveilig.ui import console

    if outfile.is_stdout(target):
        fail(_("A bundle is a zip file: give a file name, not -."))
    incident, files = _incident(number)
    names = bundle.evidence_names(incident)
    export = _export(incident, rules_file, names)
    stem = _stem(incident)
    texts = {
        f"{stem}.html": render.to_html(export),
        f"{stem}.md": render.to_markdown(export),
        f"{stem}.json": render.to_json(export),
        "manifest.json": bundle.manifest(incident, names),
        _("HOW-TO-CHECK.txt"): how_to_check(),
    }
    items = [bundle.EvidenceFile(ev, files[ev.id]) for ev in incident.evidence if ev.id in files]
    path = outfile.target(target, f"{stem}.zip", export_dir())
    try:
        bundle.write(path, texts, items, names, clock.now())
    except bundle.EvidenceProblem as problem:
        name = problem.evidence.original_name
        fail(
            (
                _("The evidence file %(name)s has changed since it was added.")
                if problem.kind == "changed"
                else _("The evidence file %(name)s is missing.")
            )
            % {"name": name},
            _(
                "No bundle was written: it only ever holds evidence exactly as it was. "
                "See 'onlineveilig incident verify %(n)d'."
            )
            % {"n": incident.id},
        )
    except OSError as error:
        fail_with(outfile._why(path, error))  # the one place that puts OS errors into words
    console.err().print(
        Text(_("Bundle written: %(path)s") % {"path": path}, style="bold"), soft_wrap=True
    )
    console.err().print(
        Text(
            ngettext(
                "In it: the report, the list of evidence and %(n)d evidence file.",
                "In it: the report, the list of evidence and %(n)d evidence files.",
                len(items),
            )
            % {"n": len(items)}
        )
    )
