"""Settings that are not personal data (language, organisation checklist) in config.toml.

The profile (name, city, platforms, ...) is personal and lives in the database instead.
config.toml may be edited by hand, so it is checked like every other file: `read()` refuses a
file with an entry it cannot use (ConfigError naming the file, the key and the problem; with
search=False the search settings' values are left to search-me, so `status` and `audit` do not
import the search modules and a wrong country does not stop the monthly audit);
`inspect()` gives the usable values and the problems apart (for `config show` and `config set`,
which must be able to show and repair a broken file); `read_quietly()` is for the language at
start-up and never fails.
"""

from __future__ import annotations

import json
from pathlib import Path

from onlineveilig.errors import ConfigError, ConfigKind, OnlineveiligError, SettingProblem
from onlineveilig.paths import config_dir, config_path, private_dir, write_private

SEARCH_SETTINGS = (
    "search-provider",
    "country",
    "brave-endpoint",
    "searxng-url",
    "duckduckgo-endpoint",
)
SETTINGS = ("lang", "checklist", "rules", *SEARCH_SETTINGS)
PROFILE = ("platforms", "name", "city", "employer", "job-title", "usernames", "work-email")
KEYS = PROFILE + SETTINGS
WEB_ADDRESSES = ("brave-endpoint", "searxng-url", "duckduckgo-endpoint")


def _raw() -> dict[str, object]:
    """config.toml as TOML ({} when there is none); ConfigError when it cannot be read as such."""
    path = config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise ConfigError(ConfigKind.UNREADABLE, path=path, os_error=err) from None
    try:
        text = raw.decode("utf-8-sig")  # Windows Notepad may start the file with a BOM
    except UnicodeDecodeError:
        raise ConfigError(ConfigKind.NOT_UTF8, path=path) from None
    import tomllib  # only when there is a file: most starts have none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(ConfigKind.NOT_TOML, value=str(err), path=path) from None


def usable(key: str, value: str) -> bool:
    """Whether a value (text) found in config.toml can be used for that setting."""
    if key == "lang":
        from onlineveilig.i18n import normalise

        return normalise(value) is not None
    if key in ("search-provider", "country"):
        from onlineveilig.search.providers import COUNTRIES, NAMES

        return value.lower() in (NAMES if key == "search-provider" else COUNTRIES)
    if key in WEB_ADDRESSES:
        from onlineveilig.search.choose import is_web_address

        return is_web_address(value)
    return True  # checklist, rules: whether the file is usable is said when it is read


def inspect(*, search: bool = True) -> tuple[dict[str, str], list[SettingProblem]]:
    """The usable settings, and every entry of config.toml that cannot be used.

    Raises ConfigError when the file cannot be read at all (unreadable, not UTF-8, not TOML).
    An empty text ("") counts as not set, as `config set KEY ''` leaves it. search=False: the
    search settings are only checked to be text (see read).
    """
    values: dict[str, str] = {}
    problems: list[SettingProblem] = []
    for key, value in _raw().items():
        if key not in SETTINGS:
            problems.append(SettingProblem(key, ConfigKind.UNKNOWN_FILE_KEY, value))
        elif not isinstance(value, str) or (
            value.strip()
            and (search or key not in SEARCH_SETTINGS)
            and not usable(key, value.strip())
        ):
            problems.append(SettingProblem(key, ConfigKind.BAD_FILE_VALUE, value))
        elif value.strip():
            values[key] = value
    return values, problems


def problem_error(problems: list[SettingProblem]) -> ConfigError:
    """The error for a file with entries that cannot be used (the first one names the kind)."""
    first = problems[0]
    return ConfigError(first.kind, first.key, shown(first.value), config_path(), problems=problems)


def read(*, search: bool = True) -> dict[str, str]:
    """The settings; ConfigError when config.toml cannot be read or holds an entry it cannot use.

    search=False for the commands that do not search (their start-up stays light); when the
    file is refused all the same, its wrong search settings are named as well.
    """
    values, problems = inspect(search=search)
    if problems:
        if not search:  # refused anyway: name every entry to fix, the search settings' too
            problems = inspect(search=True)[1]
        raise problem_error(problems)
    return values


def read_quietly() -> dict[str, str]:
    """For start-up (the language): never fails; a broken file is reported by the command itself.

    Only a usable `lang` is returned from a file with problems elsewhere, so the message about
    them comes in the language the user chose.
    """
    try:
        values, _problems = inspect(search=False)
    except (OnlineveiligError, OSError, ValueError):
        return {}
    return {"lang": values["lang"]} if "lang" in values else {}


def shown(value: object) -> str:
    """A value from config.toml as it is written there (text in quotes), short enough to show."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        text = "[" + ", ".join(shown(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {shown(v)}" for k, v in value.items()) + "}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def write(values: dict[str, str]) -> Path:
    """Save the settings (atomically, 0600); ConfigError (unwritable) when the system refuses."""
    path = config_path()
    lines = ["# onlineveilig settings; change them with: onlineveilig config set"]
    # json.dumps gives a valid TOML basic string (quotes, backslashes, control characters escaped).
    lines += [f"{key} = {json.dumps(values[key])}" for key in SETTINGS if values.get(key)]
    try:
        private_dir(config_dir(), ours=True)
        write_private(path, "\n".join(lines) + "\n")
    except OSError as err:
        raise ConfigError(ConfigKind.UNWRITABLE, path=path, os_error=err) from None
    return path
