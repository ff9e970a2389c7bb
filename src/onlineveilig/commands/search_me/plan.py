"""Who is searched for, where, and the question before anything is sent."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from onlineveilig import secrets, settings
from onlineveilig.commands.common import fail, fail_with
from onlineveilig.errors import (
    ExitCode,
    OnlineveiligError,
    SearchSetupError,
    SecretError,
    SetupKind,
)
from onlineveilig.i18n import _, ngettext
from onlineveilig.search import choose
from onlineveilig.search.model import Query
from onlineveilig.search.providers import LABELS, Provider
from onlineveilig.search.queries import Subject, split_list
from onlineveilig.store.repo import Store
from onlineveilig.ui import console, prompts
from onlineveilig.ui.safe import text


@dataclass(frozen=True)
class Options:
    name: str | None = None
    city: str | None = None
    employer: str | None = None
    provider: str | None = None
    endpoint: str | None = None
    country: str | None = None
    from_file: Path | None = None
    yes: bool = False
    dry_run: bool = False
    as_json: bool = False
    show_all: bool = False
    review: bool = False
    history: bool = False
    providers: bool = False
    timeout: float = 10.0


def config() -> dict[str, str]:
    try:
        return settings.read()
    except OnlineveiligError as error:
        fail_with(error)


def subject(options: Options, store: Store, err: Console) -> Subject:
    """From the command line (a one-off search), else from the profile (asking for a name)."""
    if options.name is not None:
        name = " ".join(options.name.split())
        if not name:
            fail(_("The name to search for is empty."))
        return Subject(name, city=options.city or "", employer=options.employer or "")
    profile = store.profile()
    name = profile.get("name", "")
    if not name:
        name = _ask_name(store, err)
    return Subject(
        name,
        city=profile.get("city", "") if options.city is None else options.city,
        employer=profile.get("employer", "") if options.employer is None else options.employer,
        job_title=profile.get("job-title", ""),
        usernames=split_list(profile.get("usernames", "")),
        email=profile.get("work-email", ""),
    )


def _ask_name(store: Store, err: Console) -> str:
    err.print(
        Text(
            _(
                "Your profile has no name yet. Which name shall search-me look for? Write it the "
                "way others would: first name and surname."
            )
        )
    )
    try:
        name = " ".join(prompts.raw(err, _("Name: ")).split())
        if not name:
            raise prompts.Paused
        keep = prompts.yes_no(
            err, _("Save this name in your profile for next time? [yes/no] "), True
        )
    except prompts.Paused:
        fail(
            _("No name, so nothing was searched."),
            _('Set your name with: onlineveilig config set name "First Last"'),
            ExitCode.CANCELLED,
        )
    if keep:
        store.set_profile({"name": name})
    return name


def country(options: Options, values: dict[str, str]) -> str:
    try:
        return choose.country(options.country, values, os.environ)
    except OnlineveiligError as error:
        fail_with(error)


def choose_name(options: Options, values: dict[str, str]) -> str:
    """The provider's name: --provider, the setting, else what is set up (a key, an instance)."""
    try:
        return choose.provider_name(options.provider, values)
    except SearchSetupError as error:
        if error.kind != SetupKind.NO_PROVIDER:
            fail_with(error)
    out = console.err()
    out.print(
        Text(_("search-me does not know yet where to search: no provider is set up."), style="bold")
    )
    out.print(overview(values))
    raise typer.Exit(int(ExitCode.USAGE))


def provider(name: str, options: Options, values: dict[str, str], code: str) -> choose.Choice:
    try:
        return choose.provider(name, options.endpoint, values, code)
    except OnlineveiligError as error:
        fail_with(error)


def overview(values: dict[str, str]) -> Group:
    """Every provider, what it is, how to set it up, and whether it is set up here."""
    try:
        brave_key = secrets.get("brave")
        brave_state = (
            _("key set (environment variable)")
            if brave_key and brave_key[1] == "env"
            else _("key set (keyring)")
            if brave_key
            else _("no key yet")
        )
    except SecretError:
        brave_state = _("no key yet (this computer has no usable keyring)")
    searx = values.get("searxng-url")
    rows = [
        (
            "brave",
            _(
                "The Brave Search API: reliable, with a free plan for a limited number of "
                "searches a month. Needs an API key."
            ),
            _(
                "Make a key at https://brave.com/search/api/ and save it with: "
                "onlineveilig key set brave"
            ),
            brave_state,
        ),
        (
            "searxng",
            _(
                "A SearXNG server (your organisation's, or one you run yourself) that allows "
                "JSON answers."
            ),
            _("Set its address with: onlineveilig config set searxng-url https://..."),
            searx or _("no address yet"),
        ),
        (
            "duckduckgo",
            _(
                "DuckDuckGo's ordinary web page. Needs nothing, but DuckDuckGo often blocks "
                "programs like this one."
            ),
            _("Nothing to set up."),
            _("ready"),
        ),
        (
            "manual",
            _(
                "No requests at all: onlineveilig lists the search pages, you open them in your "
                "own browser and paste what you found."
            ),
            _("Nothing to set up."),
            _("ready"),
        ),
        (
            "--from-file",
            _(
                "Read a results page you saved from your browser yourself (Ctrl+S), from any "
                "search engine."
            ),
            _("onlineveilig search-me --from-file PAGE.html"),
            _("ready"),
        ),
    ]
    # A list, not a table: the commands to type stay whole on one line.
    parts: list[Text] = []
    for name, what, how, state in rows:
        entry = Text()
        entry.append(name, style="bold")
        entry.append("  ")
        entry.append_text(text(state, "green" if state == _("ready") else "yellow"))
        entry.append("\n  " + what)
        entry.append("\n  " + how, style="cyan")
        parts.append(entry)
    foot = Text(
        _(
            "Choose one for a single search with --provider NAME, or for good with: "
            "onlineveilig config set search-provider NAME"
        )
    )
    return Group(*parts, foot)


def plan_panel(chosen: Provider, queries: list[Query], key_source: str | None) -> Panel:
    lines = Text()
    lines.append(
        ngettext(
            "onlineveilig will send %(n)d search to %(host)s:",
            "onlineveilig will send these %(n)d searches to %(host)s:",
            len(queries),
        )
        % {"host": chosen.host, "n": len(queries)}
    )
    for n, query in enumerate(queries, 1):
        lines.append(f"\n  {n}. ")
        lines.append_text(text(query.text, "bold"))
    extra = chosen.sent_fields()
    lines.append("\n")
    if extra:
        lines.append(_("With each search also goes: %(fields)s.") % {"fields": ", ".join(extra)})
        lines.append(" ")
    if key_source:
        lines.append(_("Your API key goes along in a header (never in the search itself)."))
        lines.append(" ")
    lines.append(
        _(
            "Nothing else: not your profile, not your audit. Like any website, %(provider)s "
            "sees this computer's internet address."
        )
        % {"provider": LABELS[chosen.id]}
    )
    if chosen.interval >= 1:
        lines.append("\n")
        lines.append(
            Text(
                ngettext(
                    "%(provider)s is asked at most one search a second: this takes about "
                    "%(seconds)d second.",
                    "%(provider)s is asked at most one search a second: this takes about "
                    "%(seconds)d seconds.",
                    max(1, round(len(queries) * chosen.interval)),
                )
                % {
                    "provider": LABELS[chosen.id],
                    "seconds": max(1, round(len(queries) * chosen.interval)),
                },
                style="dim",
            )
        )
    return Panel(
        lines,
        title=_("Searching via %(provider)s") % {"provider": LABELS[chosen.id]},
        title_align="left",
    )


def go_ahead(options: Options, err: Console) -> bool:
    if options.yes:
        return True
    try:
        answer = prompts.yes_no(err, _("Go ahead? [yes/no] "), True)
    except prompts.Paused:
        err.print()
        answer = None
    return bool(answer)
