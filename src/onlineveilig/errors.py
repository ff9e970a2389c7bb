"""Typed errors of each layer. Only the CLI turns them into a message, a hint and an exit code."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    DUE = 1  # status --check: the audit is due
    USAGE = 2
    CONTENT = 3  # a checklist, rules or settings file (config.toml) is broken
    STORE = 4  # the database cannot be used
    SEARCH = 5  # search-me could not ask the provider (or not all of it)
    CANCELLED = 130


class ContentKind(StrEnum):
    """What went wrong with a data file before its fields could be checked."""

    MISSING = "missing"
    NOT_A_FILE = "not-a-file"
    UNREADABLE = "unreadable"
    NOT_UTF8 = "not-utf8"
    SYNTAX = "syntax"  # not valid TOML


class StoreKind(StrEnum):
    DAMAGED = "damaged"
    FOREIGN = "foreign"  # not a history file of onlineveilig
    NEWER = "newer"  # made by a newer version
    LOCKED = "locked"
    UNREADABLE = "unreadable"
    READONLY = "readonly"
    CLOSED = "closed"  # the audit was finished or stopped in another process


class ConfigKind(StrEnum):
    UNREADABLE = "unreadable"  # config.toml cannot be read (os_error says why)
    NOT_UTF8 = "not-utf8"  # config.toml is not UTF-8 text
    NOT_TOML = "not-toml"  # config.toml is not valid TOML (value: the parser's words)
    UNWRITABLE = "unwritable"  # config.toml cannot be saved (os_error says why)
    HOME_IS_FILE = "home-is-file"  # ONLINEVEILIG_HOME points to a file
    BAD_FILE_VALUE = "bad-file-value"  # config.toml holds a value that cannot be used
    UNKNOWN_FILE_KEY = "unknown-file-key"  # config.toml holds a key onlineveilig does not know
    UNKNOWN_KEY = "unknown-key"
    UNKNOWN_PLATFORM = "unknown-platform"
    BAD_URL = "bad-url"
    BAD_VALUE = "bad-value"
    BAD_LANG = "bad-lang"


class SearchKind(StrEnum):
    NO_NETWORK = "no-network"
    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    TLS = "tls"
    BROKEN = "broken"  # connection cut off
    BLOCKED = "blocked"  # a bot check
    BAD_KEY = "bad-key"
    NO_KEY = "no-key"
    RATE_LIMITED = "rate-limited"
    JSON_DISABLED = "json-disabled"  # SearXNG
    ENGINES_DOWN = "engines-down"  # SearXNG: its engines did not answer
    SERVER = "server"  # 5xx
    HTTP = "http"  # another status
    REDIRECT = "redirect"
    MALFORMED = "malformed"  # an answer we cannot read
    TOO_LARGE = "too-large"
    BAD_ENDPOINT = "bad-endpoint"
    NO_ENDPOINT = "no-endpoint"


class SetupKind(StrEnum):
    """Why search-me cannot tell where to search (before anything is sent)."""

    UNKNOWN_PROVIDER = "unknown-provider"
    UNKNOWN_COUNTRY = "unknown-country"
    NO_PROVIDER = "no-provider"  # nothing chosen and nothing set up
    KEY_UNENCRYPTED = "key-unencrypted"  # an API key would go over plain http to another host


class SecretKind(StrEnum):
    NO_KEYRING = "no-keyring"
    FAILED = "failed"


class OnlineveiligError(Exception):
    """Base of the errors a user is shown as a message, never as a traceback."""


class FieldProblem:
    """One problem in a data file: where (item, field) and what, as pydantic reported it."""

    def __init__(
        self, item: str | None, field: str, kind: str, detail: str, ctx: dict[str, object]
    ):
        self.item = item
        self.field = field
        self.kind = kind
        self.detail = detail
        self.ctx = ctx


class ContentError(OnlineveiligError):
    """A checklist, platform or rules file that cannot be used."""

    def __init__(
        self,
        path: Path,
        problems: list[FieldProblem] | None = None,
        syntax: str | None = None,
        kind: ContentKind | None = None,
        given: str = "",
    ):
        super().__init__(str(path))
        self.path = path
        # Where the user typed this file's name ("--sites", "config set checklist"); empty when
        # it came from the settings. The hint depends on it (ui.errors).
        self.given = given
        self.problems = problems or []
        self.syntax = syntax
        # What went wrong before validation; None when the problems are about fields.
        self.kind = kind or (ContentKind.SYNTAX if syntax is not None else None)


class ChecklistConflict(OnlineveiligError):
    """Two checklist files that contradict each other (same item id, unknown platform, ...)."""

    def __init__(self, path: Path, item: str, kind: str, other: str = ""):
        super().__init__(f"{path}: {item}: {kind}")
        self.path = path
        self.item = item
        self.kind = kind
        self.other = other


class StoreError(OnlineveiligError):
    """The database cannot be used; it is left untouched. `os_error`: the system's reason, if any."""

    def __init__(
        self, path: Path, kind: StoreKind, detail: str = "", os_error: OSError | None = None
    ):
        super().__init__(f"{path}: {kind} {detail}")
        self.path = path
        self.kind = kind
        self.detail = detail
        self.os_error = os_error


class SettingProblem:
    """One entry of config.toml that cannot be used: its key, what is there, and the kind
    (ConfigKind.UNKNOWN_FILE_KEY or ConfigKind.BAD_FILE_VALUE)."""

    def __init__(self, key: str, kind: ConfigKind, value: object):
        self.key = key
        self.kind = kind
        self.value = value


class ConfigError(OnlineveiligError):
    """A setting that cannot be used: given on the command line, or found in config.toml.

    For the file's kinds, `path` is config.toml (or ONLINEVEILIG_HOME for home-is-file);
    `os_error` is the system's reason (unreadable, unwritable); `problems` lists every entry of
    the file that cannot be used (bad-file-value, unknown-file-key: `key` is the first of them).
    """

    def __init__(
        self,
        kind: ConfigKind,
        key: str = "",
        value: str = "",
        path: Path | None = None,
        *,
        os_error: OSError | None = None,
        problems: list[SettingProblem] | None = None,
    ):
        super().__init__(f"{kind} {key} {value}")
        self.kind = kind
        self.key = key
        self.value = value
        self.path = path
        self.os_error = os_error
        self.problems = problems or []


class SearchError(OnlineveiligError):
    """A search provider could not give (all) results. `kind` says why."""

    def __init__(
        self,
        kind: SearchKind,
        provider: str = "",
        host: str = "",
        detail: str = "",
        status: int | None = None,
    ):
        super().__init__(f"{provider}: {kind} {status or ''} {detail}".strip())
        self.kind = kind
        self.provider = provider
        self.host = host
        self.detail = detail
        self.status = status


class RateLimited(SearchError):
    """The provider's limit is reached; `reset` is how many seconds until it resets, if known."""

    def __init__(self, provider: str, host: str, reset: int | None = None, status: int = 429):
        super().__init__(SearchKind.RATE_LIMITED, provider, host, status=status)
        self.reset = reset


class SearchSetupError(OnlineveiligError):
    """The provider, country or address asked for cannot be used; `value` is what was given."""

    def __init__(self, kind: SetupKind, value: str = ""):
        super().__init__(f"{kind} {value}".strip())
        self.kind = kind
        self.value = value


class SecretError(OnlineveiligError):
    """The key store (keyring) cannot be used."""

    def __init__(self, kind: SecretKind, detail: str = ""):
        super().__init__(f"{kind} {detail}".strip())
        self.kind = kind
        self.detail = detail
