"""Reading real-looking result pages: DuckDuckGo's HTML answer and a page saved from a browser."""

from __future__ import annotations

from onlineveilig.search import findings, urls
from onlineveilig.search.classify import Classifier
from onlineveilig.search.model import Category, Flag
from onlineveilig.search.providers import make
from onlineveilig.search.providers.pages import read_duckduckgo, read_saved_page

from .search_helpers import page


def test_duckduckgo_results_direct_and_wrapped_links_without_ads() -> None:
    read = read_duckduckgo(page("ddg_results.html"))
    assert not read.challenge and not read.no_results
    addresses = [h.url for h in read.hits]
    assert "https://www.facebook.com/sanne.peeters.1234" in addresses
    assert not any("duckduckgo.com" in a for a in addresses)  # wrapped links unwrapped
    assert not any("y.js" in a or "ad_domain" in a for a in addresses)  # ads skipped
    assert all(h.title for h in read.hits)


def test_duckduckgo_duplicates_merge_and_personal_data_is_flagged() -> None:
    hits = read_duckduckgo(page("ddg_results.html")).hits
    merged = findings.merge({"q": hits}, Classifier.from_entries({}))
    keys = [f.key for f in merged]
    assert len(keys) == len(set(keys)) < len(hits)  # the same page twice counts once
    flags = {flag for f in merged for flag in f.flags}
    assert {Flag.PHONE, Flag.ADDRESS, Flag.EMAIL, Flag.BIRTHDATE} <= flags
    assert not any("utm_" in f.url for f in merged)


def test_duckduckgo_no_results_and_the_challenge_are_told_apart() -> None:
    empty = read_duckduckgo(page("ddg_noresults.html"))
    assert empty.no_results and not empty.challenge and empty.hits == []
    challenge = read_duckduckgo(page("ddg_challenge.html"))
    assert challenge.challenge and not challenge.no_results


def test_duckduckgo_provider_turns_a_challenge_into_blocked_even_with_200() -> None:
    provider = make("duckduckgo", None, "be")
    try:
        provider.parse(200, {}, page("ddg_challenge.html"))
    except Exception as error:  # noqa: BLE001 - the kind is what matters
        assert getattr(error, "kind", None) == "blocked"
    else:
        raise AssertionError("a challenge page must not read as results")


def test_an_unknown_page_is_not_called_empty() -> None:
    provider = make("duckduckgo", None, "be")
    try:
        provider.parse(200, {}, b"<html><body><p>Onderhoud</p></body></html>")
    except Exception as error:  # noqa: BLE001
        assert getattr(error, "kind", None) == "malformed"
    else:
        raise AssertionError("a page without results or 'no results' is not 'no results'")


def test_malformed_html_gives_what_can_be_read() -> None:
    hits = read_duckduckgo(page("ddg_malformed.html")).hits
    assert hits and all(h.url.startswith("https://") for h in hits)
    assert not any("duckduckgo.com" in h.url for h in hits)


def test_hostile_links_are_dropped_when_merged() -> None:
    hits = read_duckduckgo(page("ddg_hostile.html")).hits
    merged = findings.merge({"q": hits}, Classifier.from_entries({}))
    assert merged and all(f.url.startswith(("http://", "https://")) for f in merged)
    assert not any(f.url.startswith(("javascript:", "data:")) for f in merged)


def test_brave_and_searxng_json() -> None:
    brave = make("brave", None, "be", key="k").parse(200, {}, page("brave_results.json"))
    assert brave and not any("<strong>" in h.snippet or "&#x27;" in h.snippet for h in brave)
    assert make("brave", None, "be", key="k").parse(200, {}, page("brave_noweb.json")) == []
    searx = make("searxng", "https://searx.example", "nl").parse(
        200, {}, page("searxng_results.json")
    )
    merged = findings.merge({"q": searx}, Classifier.from_entries({}))
    assert len(merged) < len(searx)  # www., trailing slash and http/https are one page


def test_saved_google_page_keeps_only_the_results() -> None:
    hits = read_saved_page(page("google_saved.html"))
    hosts = {urls.host(h.url) for h in hits}
    assert "facebook.com" in hosts and "instagram.com" in hosts
    assert not any("google." in h for h in hosts)
    sites = Classifier.from_entries({Category.SOCIAL: ["facebook.com", "instagram.com"]})
    social = [f for f in findings.merge({"f": hits}, sites) if f.category == Category.SOCIAL]
    assert len(social) == 2
