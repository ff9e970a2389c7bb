"""Where search-me searches: the provider, its address, its key and the country.

Pure rules, no questions and no printing: what cannot be used is raised as a typed error
(SearchSetupError, SearchError, SecretError) that the command turns into a message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from onlineveilig import secrets
from onlineveilig.errors import SearchError, SearchKind, SearchSetupError, SecretError, SetupKind
from onlineveilig.search import urls
from onlineveilig.search.providers import COUNTRIES, NAMES, Provider, make

# The setting that holds another address for each provider.
ENDPOINT_SETTING = {
    "brave": "brave-endpoint",
    "searxng": "searxng-url",
    "duckduckgo": "duckduckgo-endpoint",
}

# A provider's name -> (key, where it came from) or None; SecretError when the keyring fails.
KeyLookup = Callable[[str], "tuple[str, secrets.Source] | None"]


@dataclass(frozen=True)
class Choice:
    """The provider to ask and whether an API key goes along (and from where)."""

    provider: Provider
    key_source: secrets.Source | None


def country(given: str | None, values: Mapping[str, str], environ: Mapping[str, str]) -> str:
    """--country, else the setting, else nl for a nl_NL locale, else be (Flanders)."""
    if given is not None:
        code = given.strip().lower()
        if code not in COUNTRIES:
            raise SearchSetupError(SetupKind.UNKNOWN_COUNTRY, given)
        return code
    if values.get("country") in COUNTRIES:
        return values["country"]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(var, "").lower().startswith("nl_nl"):
            return "nl"
    return "be"


def _has_key(name: str, lookup: KeyLookup) -> bool:
    if name not in secrets.NEEDS_KEY:
        return False
    try:
        return lookup(name) is not None
    except SecretError:
        return False


def provider_name(
    given: str | None, values: Mapping[str, str], lookup: KeyLookup = secrets.get
) -> str:
    """--provider, else the setting, else what is set up: a Brave key, then a SearXNG address.

    SearchSetupError(NO_PROVIDER) when nothing is chosen and nothing is set up.
    """
    name = (given or values.get("search-provider") or "").strip().lower()
    if name:
        if name not in NAMES:
            raise SearchSetupError(SetupKind.UNKNOWN_PROVIDER, name)
        return name
    if _has_key("brave", lookup):
        return "brave"
    if values.get("searxng-url"):
        return "searxng"
    raise SearchSetupError(SetupKind.NO_PROVIDER)


def is_web_address(value: str) -> bool:
    """A full http:// or https:// address with a host (a mistyped one, such as http://[::1 or a
    port like :abc, is not)."""
    return urls.checked(value) is not None


def safe_for_key(endpoint: str) -> bool:
    """An API key may go there: over https, or over http only to this computer."""
    scheme = endpoint.partition("://")[0].lower() if "://" in endpoint else ""
    local = urls.hostname(endpoint) in ("localhost", "127.0.0.1", "::1")
    return scheme == "https" or local


def endpoint(name: str, given: str | None, values: Mapping[str, str]) -> str | None:
    """--endpoint, else the provider's setting, else None (its own default address)."""
    return given or values.get(ENDPOINT_SETTING.get(name, ""), "") or None


def provider(
    name: str,
    given_endpoint: str | None,
    values: Mapping[str, str],
    code: str,
    lookup: KeyLookup = secrets.get,
) -> Choice:
    """The provider `name` (not manual), ready to send; raises when it cannot be used."""
    address = endpoint(name, given_endpoint, values)
    key: str | None = None
    source: secrets.Source | None = None
    if name in secrets.NEEDS_KEY:
        found = lookup(name)  # SecretError: the keyring cannot be used
        if found is None:
            raise SearchError(SearchKind.NO_KEY, name)
        key, source = found
    if address is not None and not is_web_address(address):
        raise SearchError(SearchKind.BAD_ENDPOINT, name, address)
    if address is not None and key and not safe_for_key(address):
        raise SearchSetupError(SetupKind.KEY_UNENCRYPTED, address)
    return Choice(make(name, address, code, key), source)
