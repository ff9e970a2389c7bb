"""Every kind of error has its own message (none falls back to another kind's text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlineveilig.errors import (
    ConfigError,
    ConfigKind,
    ContentError,
    ContentKind,
    SearchError,
    SearchKind,
    SearchSetupError,
    SecretError,
    SecretKind,
    SettingProblem,
    SetupKind,
    StoreError,
    StoreKind,
)
from onlineveilig.ui.errors import explain


def test_kinds_keep_their_stored_values() -> None:
    assert StoreKind.DAMAGED == "damaged"
    assert SearchKind.RATE_LIMITED == "rate-limited"
    assert ContentKind.NOT_A_FILE == "not-a-file"
    assert str(SearchKind.NO_NETWORK) == "no-network"


@pytest.mark.parametrize("kind", list(SearchKind))
def test_every_search_kind_has_its_own_message(kind: SearchKind) -> None:
    message, hint, _code = explain(SearchError(kind, "duckduckgo", "html.duckduckgo.com"))
    if kind is not SearchKind.NO_NETWORK:
        assert (
            message
            != explain(SearchError(SearchKind.NO_NETWORK, "duckduckgo", "html.duckduckgo.com"))[0]
        )
    assert message and hint


@pytest.mark.parametrize("kind", list(StoreKind))
def test_every_store_kind_has_a_message(kind: StoreKind) -> None:
    message, hint, _code = explain(StoreError(Path("/x/h.sqlite3"), kind))
    if kind == StoreKind.CLOSED:  # about the audit in another window, not about the file
        assert "ander venster" in message or "another window" in message
        assert "onlineveilig audit" in hint
    else:
        assert "/x/h.sqlite3" in message and hint


@pytest.mark.parametrize("kind", list(ContentKind))
def test_every_content_kind_has_a_message(kind: ContentKind) -> None:
    message, hint, _code = explain(ContentError(Path("/x/c.toml"), kind=kind))
    assert "/x/c.toml" in message and hint


@pytest.mark.parametrize("kind", list(SetupKind))
def test_every_setup_kind_has_a_message(kind: SetupKind) -> None:
    message, _hint, code = explain(SearchSetupError(kind, "value"))
    assert message and code == 2


@pytest.mark.parametrize("kind", list(SecretKind))
def test_every_secret_kind_has_a_message(kind: SecretKind) -> None:
    message, hint, _code = explain(SecretError(kind, "locked"))
    assert message and "ONLINEVEILIG_BRAVE_KEY" in hint


@pytest.mark.parametrize("kind", list(ConfigKind))
def test_every_config_kind_has_its_own_message(kind: ConfigKind) -> None:
    problems = [SettingProblem("lang", kind, 5)]
    error = ConfigError(kind, "lang", "5", Path("/x/config.toml"), problems=problems)
    message, hint, code = explain(error)
    others = {
        explain(ConfigError(other, "lang", "5", Path("/x/config.toml"), problems=problems))[0]
        for other in ConfigKind
        if other != kind
        and {other, kind} != {ConfigKind.BAD_FILE_VALUE, ConfigKind.UNKNOWN_FILE_KEY}
    }
    assert message and hint and message not in others
    assert "FILE" not in message + hint and "BESTAND" not in message + hint
    assert code in (2, 3, 4)
