"""`onlineveilig hulp`: where to turn when it goes wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from onlineveilig.commands import help_for
from onlineveilig.commands.common import (
    fail,
    fail_with,
    json_option,
    organisation_rules,
    print_json,
    rules_option,
)
from onlineveilig.content.help import Audience, Country, HelpLine, HelpList, load_help
from onlineveilig.content.rules import Rules
from onlineveilig.errors import OnlineveiligError
from onlineveilig.i18n import _, language
from onlineveilig.ui import console
from onlineveilig.ui import format as fmt
from onlineveilig.ui.cards import hanging
from onlineveilig.ui.clicktext import Command
from onlineveilig.ui.errors import explain
from onlineveilig.ui.rules import contacts_view
from onlineveilig.ui.safe import clean, text

COUNTRIES = ("be", "nl")


def register(app: typer.Typer) -> None:
    @app.command(
        cls=Command,
        help=help_for("hulp"),
    )
    def hulp(
        land: Annotated[
            str | None,
            typer.Option(
                "--land",
                metavar="be|nl|all",
                help=_(
                    "Help lines of one country (be or nl) or all; default: your organisation's "
                    "country, else both."
                ),
            ),
        ] = None,
        as_json: Annotated[bool, json_option(_("Print it as JSON."))] = False,
        rules_file: Annotated[Path | None, rules_option()] = None,
    ) -> None:
        run(land, as_json, rules_file)


def country_name(code: str) -> str:
    return {
        "be": _("Belgium"),
        "nl": _("the Netherlands"),
        "any": _("both countries"),
    }[code]


def audience_label(audience: Audience) -> str:
    return {
        Audience.EMERGENCY: _("In an emergency"),
        Audience.YOU: _("For you"),
        Audience.CLIENT: _("To refer a client"),
    }[audience]


def _rules(option: Path | None) -> tuple[Rules | None, str | None]:
    """The organisation's rules, or why they could not be read (help is shown regardless)."""
    try:
        found = organisation_rules(option)
    except OnlineveiligError as error:
        message, hint, _code = explain(error)
        return None, message
    return (found[1] if found else None), None


def _countries(land: str | None, rules: Rules | None) -> tuple[list[str], bool]:
    """(countries to show, whether they were taken from the rules file)."""
    if land is not None:
        code = land.strip().lower()
        if code in ("all", "alle", "both", "beide"):
            return list(COUNTRIES), False
        if code not in COUNTRIES:
            fail(
                _("Unknown country: %(land)s.") % {"land": land},
                _("Use --land be, --land nl or --land all."),
            )
        return [code], False
    if rules is not None and rules.organisation.country:
        return [rules.organisation.country.value], True
    return list(COUNTRIES), False


def _line_json(line: HelpLine, lang: str) -> dict[str, Any]:
    return {
        "id": line.id,
        "country": line.country.value,
        "audience": line.audience.value,
        "name": line.name.get(lang),
        "what": line.what.get(lang),
        "phone": line.phone,
        "web": line.web,
        "email": line.email.get(lang) if line.email else None,
        "note": line.note.get(lang) if line.note else None,
        "checked": line.checked.isoformat(),
    }


def _json(
    rules: Rules | None, problem: str | None, help_list: HelpList, countries: list[str]
) -> None:
    lang = language()
    organisation = None
    if rules is not None:
        organisation = {
            "name": rules.organisation.name,
            "contacts": [
                {
                    "name": c.name,
                    "role": c.role.get(lang),
                    "phone": c.phone,
                    "email": c.email,
                    "when": c.when.get(lang) if c.when else None,
                }
                for c in rules.contacts
            ],
        }
    print_json(
        {
            "organisation": organisation,
            "rules_problem": problem,
            "steps": [
                {"title": s.title.get(lang), "text": s.text.get(lang)} for s in help_list.steps
            ],
            "countries": countries,
            "lines": [
                _line_json(line, lang)
                for line in help_list.lines
                if line.country.value in countries or line.country == Country.ANY
            ],
        }
    )


def _organisation(out: Console, rules: Rules | None, problem: str | None) -> None:
    out.rule(Text(_("Your organisation"), style="bold cyan"))
    if problem is not None:
        out.print(Text(clean(problem, keep_newlines=True), style="yellow"))
        out.print(Text(_("The rest of the help follows below."), style="yellow"))
        return
    if rules is None:
        out.print(
            _(
                "onlineveilig does not know your organisation's contacts yet. Ask your supervisor "
                "whom to turn to, and add them with 'onlineveilig afspraken init'. If your "
                "organisation gave you a rules file, choose it instead: "
                "onlineveilig config set rules <path to the file>"
            )
        )
        return
    if rules.contacts:
        out.print(
            contacts_view(
                rules.contacts,
                title=_("Contacts of %(org)s") % {"org": clean(rules.organisation.name)},
            )
        )
    else:
        out.print(
            Text.assemble(
                text(rules.organisation.name, "bold"),
                ": ",
                _("the rules file names no help contacts. Ask your supervisor whom to turn to."),
            )
        )


def _steps(out: Console, help_list: HelpList) -> None:
    lang = language()
    out.print()
    out.rule(Text(_("What to do right away"), style="bold cyan"))
    for n, step in enumerate(help_list.steps, 1):
        out.print(hanging(f"{n}.", [text(step.title.get(lang), "bold"), text(step.text.get(lang))]))


def _line(out: Console, line: HelpLine, lang: str) -> None:
    name = line.name.get(lang)
    head = text(name, "bold")
    email = line.email.get(lang) if line.email else None
    reach = [x for x in (line.phone, email) if x and x != name]
    if reach:
        head.append("  ")
        head.append_text(text("  ·  ".join(reach), "bold green"))
    head.overflow = "fold"
    out.print(hanging("•", [head]))
    if line.web:
        # On a line of its own, outside the layout, never wrapped by rich: the address stays
        # whole to copy or click, even when the terminal has to wrap it.
        web = Text(" " * 5)
        web.append_text(text(line.web, "underline blue"))
        out.print(web, soft_wrap=True)
    parts: list[RenderableType] = [text(line.what.get(lang))]
    if line.note:
        parts.append(text(line.note.get(lang), "dim"))
    out.print(hanging("", parts))


def _lines(out: Console, lines: list[HelpLine], heading: str) -> None:
    lang = language()
    out.print()
    out.rule(Text(heading, style="bold cyan"))
    for audience in Audience:
        group = [line for line in lines if line.audience == audience]
        if not group:
            continue
        out.print(Text(audience_label(audience), style="bold underline"))
        for line in group:
            _line(out, line, lang)


def run(land: str | None, as_json: bool, option: Path | None) -> None:
    try:
        help_list = load_help()
    except OnlineveiligError as error:
        fail_with(error)
    rules, problem = _rules(option)
    countries, guessed = _countries(land, rules)
    if as_json:
        _json(rules, problem, help_list, countries)
        return
    out = console.out()
    _organisation(out, rules, problem)
    _steps(out, help_list)
    for code in countries:
        lines = [line for line in help_list.lines if line.country.value == code]
        _lines(out, lines, _("Help lines: %(country)s") % {"country": country_name(code)})
    shared = [line for line in help_list.lines if line.country == Country.ANY]
    if shared:
        _lines(out, shared, _("Help in %(country)s") % {"country": country_name("any")})
    out.print()
    if guessed:
        out.print(
            Text(
                _(
                    "Help lines for %(country)s, the country in your organisation's rules file. "
                    "All of them: onlineveilig hulp --land all"
                )
                % {"country": country_name(countries[0])},
                style="dim",
            )
        )
    checked = max(line.checked for line in help_list.lines)
    out.print(
        Text(
            _(
                "Last checked on %(date)s. Numbers and opening hours can change: check the "
                "website before you rely on it."
            )
            % {"date": fmt.day(checked)},
            style="dim",
        )
    )
