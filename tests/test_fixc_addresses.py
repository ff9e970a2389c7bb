"""A mistyped address (an unclosed [, a port like :abc) gets the plain message, never an internal
error; a result page with such links still gives its good results."""

from __future__ import annotations

import pytest

from onlineveilig.search import findings, urls
from onlineveilig.search.choose import is_web_address, safe_for_key
from onlineveilig.search.classify import Classifier
from onlineveilig.search.model import Hit
from onlineveilig.search.providers.pages import read_duckduckgo, read_saved_page

from .conftest import run

BROKEN = ["http://[::1", "http://[::1/x", "https://127.0.0.1:abc/", "http://127.0.0.1:99999/"]
INTERNAL = "niet had mogen gebeuren"


@pytest.mark.parametrize("address", BROKEN)
def test_a_mistyped_address_is_not_a_web_address(address: str) -> None:
    assert not is_web_address(address)
    assert urls.web_address(address) is None
    assert not safe_for_key(address) or address.startswith("https://")


def test_good_addresses_still_are() -> None:
    for address in ("https://searx.example", "http://[::1]:8888/", "http://localhost:8080"):
        assert is_web_address(address), address
    assert safe_for_key("http://[::1]:8888/")


@pytest.mark.parametrize("address", ["http://[::1", "http://127.0.0.1:abc/"])
def test_config_set_refuses_a_mistyped_address_in_plain_words(address: str) -> None:
    result = run(["config", "set", "searxng-url", address])
    assert result.exit_code == 2, result.output
    assert "is geen webadres" in result.output
    assert INTERNAL not in result.output and "ValueError" not in result.output
    assert address not in run(["config", "show", "--json"]).stdout  # nothing was saved


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_search_me_endpoint_mistyped_gets_the_plain_message(extra: list[str]) -> None:
    args = ["search-me", "--provider", "searxng", "--endpoint", "http://[::1", "-y", *extra]
    result = run([*args, "Sanne"])
    assert result.exit_code == 5, result.output
    assert "is niet bruikbaar" in result.output
    assert INTERNAL not in result.output and "ValueError" not in result.output


HOSTILE_DDG = """<html><body>
<div class="result"><a class="result__a" href="http://[::1/evil">Kapot</a></div>
<div class="result"><a class="result__a" href="//[zz">Kapot 2</a></div>
<div class="result"><a class="result__a" href="https://x.example:abc/">Kapot 3</a></div>
<div class="result"><a class="result__a" href="https://goed.example/sanne">Sanne Peeters</a>
<a class="result__snippet">Begeleider</a></div>
</body></html>"""

HOSTILE_SAVED = """<html><head><link rel="canonical" href="https://[www.google.com/search"></head>
<body><a href="http://[::1/x"><h3>Kapot</h3></a>
<a href="https://goed.example/sanne"><h3>Sanne Peeters</h3></a></body></html>"""


def test_a_hostile_result_page_still_gives_its_good_results() -> None:
    hits = read_duckduckgo(HOSTILE_DDG).hits
    merged = findings.merge({"q": hits}, Classifier.from_entries({}))
    assert [f.url for f in merged] == ["https://goed.example/sanne"]
    saved = read_saved_page(HOSTILE_SAVED)
    assert [h.url for h in saved] == ["https://goed.example/sanne"]


def test_broken_result_addresses_from_a_provider_are_dropped() -> None:
    hits = [Hit("http://[::1/x", "Kapot", ""), Hit("https://goed.example/a", "Goed", "")]
    merged = findings.merge({"q": hits}, Classifier.from_entries({}))
    assert [f.url for f in merged] == ["https://goed.example/a"]
    for broken in BROKEN:  # what is stored already is shown as it is, not a crash
        assert urls.key(broken) == broken
        assert urls.tidy(broken) == broken
        assert urls.host(broken) == ""
