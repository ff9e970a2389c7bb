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
from onlineveilig.commands.common import fail, fail_with, open_store, print_json
from onlineveilig.commands.onboarding import parse_platforms
from onlineveilig.content.loader import load_content
from onlineveilig.errors import (
    ConfigError,
    ConfigKind,
    ContentError,
    OnlineveiligError,
    SettingProblem,
)
from onlineveilig.i18n import _, normalise, set_language
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
        "brave-endpoint": _(
            "another address to reach Brave search (only if someone asked you to set one)"
        ),
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


def show_config(as_json: bool) -> None:
    """The profile and the settings; a settings file that cannot be used is shown per key too."""
    with open_store() as store:
        values = store.profile()
    broken: ConfigError | None = None
    problems: list[SettingProblem] = []
    try:
        found, problems = settings.inspect()
        values |= found
    except ConfigError as error:
        broken = error
    if as_json:
        print_json({key: values.get(key) for key in settings.KEYS})
    else:
        _print_table(values, {p.key for p in problems})
    if broken is not None:
        fail_with(broken)
    if problems:
        from onlineveilig.ui.config_errors import fix_hints
        from onlineveilig.ui.errors import explain

        message, _hint, code = explain(settings.problem_error(problems))
        fail(message, "\n".join(fix_hints(problems)), code)


# Values that are often too long for their column: a path or an address stays whole below the table.
_LONG = 24


def _print_table(values: dict[str, str], wrong: set[str]) -> None:
    out = console.out()
    table = Table(title=_("Profile and settings"), title_justify="left")
    table.add_column(_("Key"), no_wrap=True)
    table.add_column(_("Value"), overflow="fold")
    table.add_column(_("Meaning"), style="dim", overflow="fold")
    below = []
    for key in settings.KEYS:
        value = values.get(key)
        if key in wrong:
            shown = Text(_("(cannot be used, see below)"), style="bold red")
        elif value and key in _WHOLE and len(value) > _LONG:
            shown = Text(_("(see below)"), style="dim")
            below.append((key, value))
        elif value:
            shown = text(value)
        elif key == "platforms" and key in values:
            shown = Text(_("(none)"), style="dim")  # onboarding answered: no platforms
        else:
            shown = Text(_("(not set)"), style="dim")
        table.add_row(key, shown, describe(key))
    out.print(table)
    # soft_wrap: a path is never broken over two lines, so it can be copied whole.
    for key, value in below:
        out.print(Text.assemble((key, "bold"), ":"))
        out.print(Text.assemble("  ", text(value)), soft_wrap=True)
    cfg = config_path()
    out.print(Text(_("Your profile and history are kept in:"), style="dim"))
    out.print(Text(f"  {database_path()}", style="dim"), soft_wrap=True)
    if cfg.is_file():
        out.print(Text(_("Your settings are kept in:"), style="dim"))
    else:
        out.print(
            Text(_("No settings are saved yet; once you change one, it is kept in:"), style="dim")
        )
    out.print(Text(f"  {cfg}", style="dim"), soft_wrap=True)


_WHOLE = ("checklist", "rules", *settings.WEB_ADDRESSES)


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
    left_out: list[SettingProblem] = []
    try:
        if key in settings.SETTINGS:
            value, left_out = _set_setting(key, value)
        elif not value and key in _wrong_in_file():
            left_out = _remove_from_file(key)  # what `config show` says to type for such a line
        elif key not in settings.KEYS:
            raise ConfigError(ConfigKind.UNKNOWN_KEY, key)
        else:
            value = _set_profile(key, value)
    except OnlineveiligError as error:
        if isinstance(error, ContentError):
            error.given = f"onlineveilig config set {key}"  # the file the user is choosing now
        fail_with(error)
    out = console.out()
    if key == "lang" and value:
        set_language(value)  # the confirmation comes in the language chosen, as every later run
    if value:
        out.print(Text.assemble(_("Saved: "), (key, "bold"), " = ", text(value)))
    else:
        out.print(Text.assemble(_("Removed: "), (key, "bold")))
    for problem in left_out:
        entry = f"{problem.key} = {settings.shown(problem.value)}"
        out.print(
            text(
                _("Left out of the settings file, because onlineveilig cannot use it: %(entry)s")
                % {"entry": entry},
                style="yellow",
            ),
            soft_wrap=True,
        )


def _wrong_in_file() -> set[str]:
    """The keys of config.toml's entries that cannot be used (none when it cannot be read)."""
    try:
        return {problem.key for problem in settings.inspect()[1]}
    except OnlineveiligError:
        return set()


def _remove_from_file(key: str) -> list[SettingProblem]:
    """Save the settings without `key`; returns the other entries that were left out."""
    values, problems = settings.inspect()
    settings.write(values)
    return [p for p in problems if p.key != key]


def _set_setting(key: str, value: str) -> tuple[str, list[SettingProblem]]:
    """Check and save one setting: the value as saved, and the file's other entries left out."""
    values, problems = settings.inspect()
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
    return value, [p for p in problems if p.key != key]


def _set_profile(key: str, value: str) -> str:
    if key == "platforms":
        chosen, unknown = parse_platforms(value, load(None))
        if unknown:
            raise ConfigError(ConfigKind.UNKNOWN_PLATFORM, key, ", ".join(unknown))
        value = ",".join(chosen)
    if key == "usernames":
        from onlineveilig.profiles import address

        # Commas separate usernames (as the help says); a space inside one is a mistake to name,
        # not a reason to save "sanne de vries" as three names.
        names: dict[str, None] = {}
        for part in value.split(","):
            name = part.strip().lstrip("@")
            if name and address.problem(name) is not None:
                raise ConfigError(ConfigKind.BAD_VALUE, key, name)
            if name and name.lower() not in {n.lower() for n in names}:
                names[name] = None
        value = ",".join(names)
    with open_store() as store:
        store.set_profile({key: value if value or key == "platforms" else None})
    return value
