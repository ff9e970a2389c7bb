"""Every test runs in its own home folder, in Dutch, without colour, at 100 columns."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest
from typer.testing import CliRunner, Result

from onlineveilig import cli, clock, i18n

START = datetime(2026, 3, 2, 10, 0).astimezone()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("ONLINEVEILIG_HOME", str(home))
    for var in ("ONLINEVEILIG_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    i18n.set_language("nl")
    yield home
    i18n.set_language("nl")


@dataclass
class Clock:
    moment: datetime

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A clock that moves only when the test says so (one second per call, so answers stay ordered)."""
    state = Clock(START)

    def now() -> datetime:
        state.moment += timedelta(seconds=1)
        return state.moment

    monkeypatch.setattr(clock, "now", now)
    monkeypatch.setattr(clock, "today", lambda: state.moment.date())
    return state


def run(args: Sequence[str], input: str | None = None, env: dict[str, str] | None = None) -> Result:
    """Run the CLI as `onlineveilig ARGS` would: language chosen first, then the app built."""
    with mock.patch.dict(os.environ, env or {}):
        i18n.set_language(cli.choose_language(list(args)))
        app = cli.make_app()
        return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def answers(*values: str) -> str:
    """What a user types, one answer per line."""
    return "".join(f"{v}\n" for v in values)


def db_rows(query: str) -> list[tuple[object, ...]]:
    """Rows of the real SQLite file the CLI wrote, read as another program would."""
    import sqlite3

    from onlineveilig import paths

    con = sqlite3.connect(paths.database_path())
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


@pytest.fixture
def invoke() -> object:
    return run


class MemoryKeyring:
    """A keyring that lives in a dict: no test reads or writes the real one."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    import keyring.backend
    import keyring.core

    backend = type("Memory", (MemoryKeyring, keyring.backend.KeyringBackend), {})()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    for var in ("ONLINEVEILIG_BRAVE_KEY", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)
    return backend  # type: ignore[no-any-return]
