"""`onlineveilig config`: show and change the profile and the settings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from onlineveilig import settings
from onlineveilig.commands import help_for
from onlineveilig.commands.common import content as load
from onlineveilig.commands.common import fail_with, open_store, print_json
from onlineveilig.commands.onboarding import parse_platforms
from onlineveilig.content.loader import load_content
from onlineveilig.errors import ConfigError, ConfigKind, OnlineveiligError
from onlineveilig.i18n import _, normalise
from onlineveilig.paths import config_path, database_path
from onlineveilig.ui import console
from onlineveilig.ui.clicktext import Command, Group
from onlineveilig.ui.safe import text


def describe(key: str) -> str:
    return {
        "platforms": _("the platforms you use, separated by commas (facebook,instagram,...)"),
        "name": _("your name, for searching yourself"),
        "city": _("your city or town, for searching yourself"),
        "employer": _("your employer, for searching yourself"),
        "job-title": _("your job title, for searching yourself"),
        "usernames": _(
            "your usernames on social media, separated by commas, for searching yourself"
        ),
        "work-email": _("your work e-mail address, for searching yourself"),
        "lang": _("language: nl or en"),
        "checklist": _("path of your organisation's checklist file"),
        "rules": _("path of your organisation's rules file (onlineveilig afspraken)"),
        "search-provider": _(
            "where search-me searches: brave, searxng, duckduckgo or manual (see onlineveilig "
            "search-me --providers)"
        ),
        "country": _("which country's search results: be (Belgium) or nl (the Netherlands)"),
        "brave-endpoint": _("another address for Brave's API (a test server or a proxy)"),
        "searxng-url": _("the address of the SearXNG instance search-me uses"),
        "duckduckgo-endpoint": _("another address for DuckDuckGo's HTML page"),
    }[key]


def register(app: typer.Typer) -> None:
    config_app = typer.Typer(
        cls=Group,
        help=help_for("config"),
        no_args_is_help=True,
        rich_markup_mode=None,
    )

    @config_app.command("show", cls=Command, help=_("Show your profile and settings."))
    def show(
        as_json: Annotated[bool, typer.Option("--json", help=_("Print them as JSON."))] = False,
    ) -> None:
        show_config(as_json)

    @config_app.command("set", cls=Command, help=_("Change one value, e.g.: config set city Gent"))
    def set_(
        key: Annotated[
            str, typer.Argument(metavar=_("KEY"), help=_("What to change (see config show)."))
        ],
        value: Annotated[
            str,
            typer.Argument(
                metavar=_("VALUE"), help=_("The new value; an empty value ('') removes it.")
            ),
        ],
    ) -> None:
        set_value(key, value)

    app.add_typer(config_app, name="config")


def current() -> dict[str, str]:
    with open_store() as store:
        values = store.profile()
    try:
        values |= settings.read()
    except OnlineveiligError as error:
        fail_with(error)
    return values


def show_config(as_json: bool) -> None:
    values = current()
    if as_json:
        print_json({key: values.get(key) for key in settings.KEYS})
        return
    out = console.out()
    table = Table(title=_("Profile and settings"), title_justify="left")
    table.add_column(_("Key"), no_wrap=True)
    table.add_column(_("Value"), overflow="fold")
    table.add_column(_("Meaning"), style="dim", overflow="fold")
    for key in settings.KEYS:
        value = values.get(key)
        if value:
            shown = text(value)
        elif key == "platforms" and key in values:
            shown = Text(_("(none)"), style="dim")  # onboarding answered: no platforms
        else:
            shown = Text(_("(not set)"), style="dim")
        table.add_row(key, shown, describe(key))
    out.print(table)
    out.print(
        Text(
            _("Stored in %(db)s and %(cfg)s.") % {"db": database_path(), "cfg": config_path()},
            style="dim",
        )
    )


def _search_setting(key: str, value: str) -> str:
    from onlineveilig.search.providers import COUNTRIES, NAMES

    if key == "search-provider":
        name = value.lower()
        if name not in NAMES:
            raise ConfigError(ConfigKind.BAD_VALUE, key, value)
        return name
    if key == "country":
        code = value.lower()
        if code not in COUNTRIES:
            raise ConfigError(ConfigKind.BAD_VALUE, key, value)
        return code
    from onlineveilig.search.choose import is_web_address

    if not is_web_address(value):
        raise ConfigError(ConfigKind.BAD_URL, key, value)
    return value


def set_value(key: str, value: str) -> None:
    value = value.strip()
    try:
        if key not in settings.KEYS:
            raise ConfigError(ConfigKind.UNKNOWN_KEY, key)
        if key in settings.SETTINGS:
            values = settings.read()
            if key == "lang" and value and normalise(value) is None:
                raise ConfigError(ConfigKind.BAD_LANG, key, value)
            if key == "lang" and value:
                value = normalise(value) or value
            if key == "checklist" and value:
                path = Path(value).expanduser().resolve()
                load_content(extra=[path])  # refuse a file that would break every audit
                value = str(path)
            if key == "rules" and value:
                from onlineveilig.content.rules import load_rules

                path = Path(value).expanduser().resolve()
                load_rules(path)  # refuse a file the audit and the sheet could not use
                value = str(path)
            if key in settings.SEARCH_SETTINGS and value:
                value = _search_setting(key, value)
            values[key] = value
            if not value:
                values.pop(key)
            settings.write(values)
        else:
            if key == "platforms":
                chosen, unknown = parse_platforms(value, load(None))
                if unknown:
                    raise ConfigError(ConfigKind.UNKNOWN_PLATFORM, key, ", ".join(unknown))
                value = ",".join(chosen)
            if key == "usernames":
                from onlineveilig.search.queries import split_list

                value = ",".join(split_list(value))
            with open_store() as store:
                store.set_profile({key: value if value or key == "platforms" else None})
    except OnlineveiligError as error:
        fail_with(error)
    out = console.out()
    if value:
        out.print(Text.assemble(_("Saved: "), (key, "bold"), " = ", text(value)))
    else:
        out.print(Text.assemble(_("Removed: "), (key, "bold")))
