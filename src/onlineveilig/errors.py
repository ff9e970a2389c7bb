"""Typed errors of each layer. Only the CLI turns them into a message, a hint and an exit code."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    DUE = 1  # status --check: the audit is due
    USAGE = 2
    CONTENT = 3  # a checklist or rules file is broken
    STORE = 4  # the database cannot be used
    SEARCH = 5  # search-me could not ask the provider (or not all of it)
    CANCELLED = 130


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
        kind: str | None = None,
    ):
        super().__init__(str(path))
        self.path = path
        self.problems = problems or []
        self.syntax = syntax
        # What went wrong before validation: "missing", "not-a-file", "unreadable", "not-utf8",
        # "syntax" (not valid TOML); None when the problems are about fields.
        self.kind = kind or ("syntax" if syntax is not None else None)


class ChecklistConflict(OnlineveiligError):
    """Two checklist files that contradict each other (same item id, unknown platform, ...)."""

    def __init__(self, path: Path, item: str, kind: str, other: str = ""):
        super().__init__(f"{path}: {item}: {kind}")
        self.path = path
        self.item = item
        self.kind = kind
        self.other = other


class StoreError(OnlineveiligError):
    """The database cannot be used; it is left untouched."""

    def __init__(self, path: Path, kind: str, detail: str = ""):
        super().__init__(f"{path}: {kind} {detail}")
        self.path = path
        self.kind = kind  # "damaged", "foreign", "newer", "locked", "unreadable", "readonly",
        # "closed" (the audit was finished or stopped in another process)
        self.detail = detail


class ConfigError(OnlineveiligError):
    def __init__(self, kind: str, key: str = "", value: str = ""):
        super().__init__(f"{kind} {key} {value}")
        self.kind = kind
        self.key = key
        self.value = value


class SearchError(OnlineveiligError):
    """A search provider could not give (all) results. `kind` says why:

    no-network, dns, refused, timeout, tls, broken (connection cut off), blocked (a bot check),
    bad-key, no-key, rate-limited, json-disabled (SearXNG), server (5xx), http (another status),
    redirect, malformed (an answer we cannot read), too-large, bad-endpoint, no-endpoint.
    """

    def __init__(
        self,
        kind: str,
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
        super().__init__("rate-limited", provider, host, status=status)
        self.reset = reset


class SecretError(OnlineveiligError):
    """The key store (keyring) cannot be used: `kind` is no-keyring or failed."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind} {detail}".strip())
        self.kind = kind
        self.detail = detail
