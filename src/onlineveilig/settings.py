"""Settings that are not personal data (language, organisation checklist) in config.toml.

The profile (name, city, platforms, ...) is personal and lives in the database instead.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from onlineveilig.errors import ConfigError, ConfigKind
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


def read() -> dict[str, str]:
    path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(ConfigKind.UNREADABLE, str(path), str(err), path) from None
    return {k: v for k, v in data.items() if k in SETTINGS and isinstance(v, str)}


def read_quietly() -> dict[str, str]:
    """For start-up (the language): a broken file is reported later, by the command itself."""
    try:
        return read()
    except ConfigError:
        return {}


def write(values: dict[str, str]) -> Path:
    path = config_path()
    lines = ["# onlineveilig settings; change with: onlineveilig config set KEY VALUE"]
    # json.dumps gives a valid TOML basic string (quotes, backslashes, control characters escaped).
    lines += [f"{key} = {json.dumps(values[key])}" for key in SETTINGS if values.get(key)]
    private_dir(config_dir(), ours=True)
    write_private(path, "\n".join(lines) + "\n")
    return path
