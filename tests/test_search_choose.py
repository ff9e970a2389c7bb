"""The rules that choose where search-me searches (search/choose.py), without the CLI."""

from __future__ import annotations

import pytest

from onlineveilig.errors import (
    SearchError,
    SearchKind,
    SearchSetupError,
    SecretError,
    SecretKind,
    SetupKind,
)
from onlineveilig.search import choose


def no_key(name: str) -> None:
    return None


def env_key(name: str) -> tuple[str, str]:
    return "secret", "env"


def broken_keyring(name: str) -> None:
    raise SecretError(SecretKind.NO_KEYRING)


def test_given_provider_wins_and_is_lowercased() -> None:
    assert choose.provider_name(" DuckDuckGo ", {"search-provider": "brave"}, no_key) == (
        "duckduckgo"
    )


def test_setting_is_used_when_nothing_is_given() -> None:
    assert choose.provider_name(None, {"search-provider": "manual"}, no_key) == "manual"


def test_unknown_provider_is_an_error() -> None:
    with pytest.raises(SearchSetupError) as caught:
        choose.provider_name("google", {}, no_key)
    assert caught.value.kind is SetupKind.UNKNOWN_PROVIDER
    assert caught.value.value == "google"


def test_a_brave_key_chooses_brave_before_searxng() -> None:
    assert choose.provider_name(None, {"searxng-url": "https://s.example"}, env_key) == "brave"


def test_without_key_a_searxng_address_chooses_searxng() -> None:
    assert choose.provider_name(None, {"searxng-url": "https://s.example"}, no_key) == "searxng"


def test_a_broken_keyring_counts_as_no_key() -> None:
    with pytest.raises(SearchSetupError) as caught:
        choose.provider_name(None, {}, broken_keyring)
    assert caught.value.kind is SetupKind.NO_PROVIDER


def test_country_given_setting_locale_default() -> None:
    assert choose.country("NL", {"country": "be"}, {}) == "nl"
    assert choose.country(None, {"country": "nl"}, {}) == "nl"
    assert choose.country(None, {}, {"LANG": "nl_NL.UTF-8"}) == "nl"
    assert choose.country(None, {}, {"LANG": "nl_BE.UTF-8"}) == "be"
    assert choose.country(None, {"country": "fr"}, {}) == "be"
    with pytest.raises(SearchSetupError) as caught:
        choose.country("fr", {}, {})
    assert caught.value.kind is SetupKind.UNKNOWN_COUNTRY


def test_brave_without_key_is_no_key() -> None:
    with pytest.raises(SearchError) as caught:
        choose.provider("brave", None, {}, "be", no_key)
    assert caught.value.kind is SearchKind.NO_KEY


def test_brave_with_key_goes_to_its_own_address() -> None:
    chosen = choose.provider("brave", None, {}, "nl", env_key)
    assert chosen.key_source == "env"
    assert chosen.provider.host == "api.search.brave.com"


def test_endpoint_given_beats_setting() -> None:
    values = {"duckduckgo-endpoint": "https://setting.example/html/"}
    assert choose.provider("duckduckgo", None, values, "be", no_key).provider.host == (
        "setting.example"
    )
    given = choose.provider("duckduckgo", "http://127.0.0.1:9/", values, "be", no_key)
    assert given.provider.host == "127.0.0.1:9"
    assert given.key_source is None


def test_bad_endpoint_is_refused() -> None:
    with pytest.raises(SearchError) as caught:
        choose.provider("duckduckgo", "ftp://x.example", {}, "be", no_key)
    assert caught.value.kind is SearchKind.BAD_ENDPOINT


def test_key_never_goes_over_plain_http_to_another_host() -> None:
    with pytest.raises(SearchSetupError) as caught:
        choose.provider("brave", "http://proxy.example/api", {}, "be", env_key)
    assert caught.value.kind is SetupKind.KEY_UNENCRYPTED
    assert choose.provider("brave", "http://localhost:8080/", {}, "be", env_key).key_source


def test_searxng_needs_an_address() -> None:
    with pytest.raises(SearchError) as caught:
        choose.provider("searxng", None, {}, "be", no_key)
    assert caught.value.kind is SearchKind.NO_ENDPOINT
