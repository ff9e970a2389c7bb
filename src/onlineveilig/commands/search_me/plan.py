"""Who is searched for, where, and the question before anything is sent."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from onlineveilig import secrets, settings
from onlineveilig.commands.common import fail, fail_with
from onlineveilig.errors import ExitCode, OnlineveiligError, SearchError, SecretError
from onlineveilig.i18n import _, ngettext
from onlineveilig.search.model import Query
from onlineveilig.search.providers import COUNTRIES, LABELS, NAMES, Provider, make
from onlineveilig.search.queries import Subject, split_list
from onlineveilig.store.repo import Store
from onlineveilig.ui import console, prompts
from onlineveilig.ui.safe import text

ENDPOINT_SETTING = {
    "brave": "brave-endpoint",
    "searxng": "searxng-url",
    "duckduckgo": "duckduckgo-endpoint",
}


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
    if options.country is not None:
        code = options.country.strip().lower()
        if code not in COUNTRIES:
            fail(_("Unknown country: %(value)s (use be or nl).") % {"value": options.country})
        return code
    if values.get("country") in COUNTRIES:
        return values["country"]
    # nl_NL in the locale: the Netherlands; otherwise Belgium (Flanders), the default.
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var, "").lower().startswith("nl_nl"):
            return "nl"
    return "be"


def _key_for(name: str) -> tuple[str, str] | None:
    """(key, where from) for providers that need one; None when none is set."""
    if name not in secrets.NEEDS_KEY:
        return None
    try:
        return secrets.get(name)
    except SecretError:
        return None


def choose(options: Options, values: dict[str, str]) -> str:
    """The provider's name: --provider, the setting, else what is set up (a key, an instance)."""
    name = (options.provider or values.get("search-provider") or "").strip().lower()
    if name:
        if name not in NAMES:
            fail(
                _("Unknown provider: %(value)s (use brave, searxng, duckduckgo or manual).")
                % {"value": name},
                _("See all providers with: onlineveilig search-me --providers"),
            )
        return name
    if os.environ.get(secrets.env_var("brave")) or _key_for("brave"):
        return "brave"
    if values.get("searxng-url"):
        return "searxng"
    out = console.err()
    out.print(
        Text(_("search-me does not know yet where to search: no provider is set up."), style="bold")
    )
    out.print(overview(values))
    raise SystemExit(int(ExitCode.USAGE))


def provider(name: str, options: Options, values: dict[str, str], code: str) -> Provider:
    endpoint = options.endpoint or values.get(ENDPOINT_SETTING.get(name, ""), "") or None
    key = None
    if name == "brave":
        try:
            found = secrets.get("brave")
        except SecretError as error:
            fail_with(error)
        if found is None:
            fail_with(SearchError("no-key", "brave"))
        key = found[0]
    if endpoint is not None:
        from urllib.parse import urlsplit

        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            fail_with(SearchError("bad-endpoint", name, endpoint))
    if endpoint is not None and key and not _safe_for_key(endpoint):
        fail(
            _(
                "Your API key would travel unencrypted to %(address)s: onlineveilig does not send "
                "it there."
            )
            % {"address": endpoint},
            _("Use an address that starts with https:// (http:// only works for this computer)."),
        )
    try:
        return make(name, endpoint, code, key)
    except SearchError as error:
        fail_with(error)


def _safe_for_key(endpoint: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint)
    return parts.scheme == "https" or (parts.hostname or "") in ("localhost", "127.0.0.1", "::1")


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
