"""One malformed address in a site list never stops the whole `profiles` run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from onlineveilig.profiles import network
from onlineveilig.profiles.loader import load
from onlineveilig.profiles.model import Rule, Site
from onlineveilig.profiles.network import Check, Result
from onlineveilig.profiles.verdict import Reason, State

from .conftest import run

INTERNAL = "niet had mogen gebeuren"
TOML = """version = 1
[categories.social]
nl = "Sociaal"
en = "Social"

[[site]]
id = "goed"
name = "Goed"
category = "social"
check = "{base}/u/{{username}}"
hit = {{ status = 200 }}
miss = {{ status = 404 }}
known = ["sanne"]
absent = "nobody"

[[site]]
id = "kapot"
name = "Kapot"
category = "social"
check = "{bad}"
hit = {{ status = 200 }}
miss = {{ status = 404 }}
known = ["sanne"]
absent = "nobody"
"""
BAD = [
    "http://[::1/{username}",
    "http://127.0.0.1:abc/{username}",
    "https://x.org:99999/{username}",
]


@pytest.mark.parametrize("bad", BAD)
def test_our_list_names_the_file_the_site_and_the_field(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "sites.toml"
    path.write_text(TOML.format(base="http://127.0.0.1:9", bad=bad), encoding="utf-8")
    result = run(["profiles", "--sites", str(path), "-y", "sanne"])
    assert result.exit_code == 3, result.output
    assert str(path) in result.output
    assert "kapot › check: is geen bruikbaar adres" in result.output
    assert INTERNAL not in result.output and "InvalidURL" not in result.output


def test_a_bad_show_address_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "sites.toml"
    text = TOML.format(base="http://127.0.0.1:9", bad="http://127.0.0.1:9/k/{username}")
    path.write_text(text.replace('absent = "nobody"\n', 'absent = "nobody"\nshow = "http://[x"\n'))
    result = run(["profiles", "--sites", str(path), "-y", "sanne"])
    assert result.exit_code == 3
    assert "› show: is geen bruikbaar adres" in result.output


def test_whatsmyname_skips_the_bad_entry_and_checks_the_good_one(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/u/sanne").respond_with_data("hi", status=200)
    good = {"name": "Goed", "uri_check": httpserver.url_for("/u/{account}"), "e_code": 200,
            "e_string": "", "m_code": 404, "m_string": "", "known": ["sanne"], "cat": "social"}  # fmt: skip
    bad = {**good, "name": "Kapot", "uri_check": "http://[::1/{account}"}
    port = {**good, "name": "Poort", "uri_check": "http://127.0.0.1:abc/{account}"}
    path = tmp_path / "wmn.json"
    path.write_text(json.dumps({"sites": [bad, good, port]}), encoding="utf-8")
    loaded = load(path)
    assert [s.id for s in loaded.sites] == ["goed"]
    assert loaded.skipped == {"unusable": 2}
    result = run(["profiles", "--sites", str(path), "-y", "--timeout", "5", "sanne"])
    assert result.exit_code == 0, result.output
    assert INTERNAL not in result.output and "InvalidURL" not in result.output
    assert "Goed" in result.output
    assert "2 sites overgeslagen" in result.output
    assert len(httpserver.log) == 1


def _site(site_id: str, check: str) -> Site:
    return Site(
        id=site_id,
        name=site_id.title(),
        category="social",
        check=check,
        hit=Rule(status=200),
        miss=Rule(status=404),
        known=["sanne"],
        absent="nobody",
    )


def test_an_address_that_cannot_be_sent_is_unknown_and_the_others_are_still_asked(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/u/sanne").respond_with_data("hi", status=200)
    good = _site("goed", httpserver.url_for("/u/{username}"))
    # As if the list check had missed it: copied without being checked again.
    broken = [
        good.model_copy(update={"id": "kapot", "check": "http://[::1/{username}"}),
        good.model_copy(update={"id": "poort", "check": "http://127.0.0.1:abc/{username}"}),
    ]
    got: list[Result] = []
    network.run([Check(s, "sanne") for s in [*broken, good]], got.append, timeout=5)
    by_site = {r.site.id: r for r in got}
    assert by_site["goed"].outcome.state == State.FOUND
    for site_id in ("kapot", "poort"):
        assert by_site[site_id].outcome.state == State.UNKNOWN
        assert by_site[site_id].outcome.reason == Reason.BAD_ADDRESS
    from onlineveilig.commands.profiles.show import reason

    assert reason(by_site["kapot"].outcome) == "het adres in de lijst met sites klopt niet"
