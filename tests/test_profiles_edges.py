"""Small things a user of `onlineveilig profiles` notices: nothing reachable, wipe, history words."""

from __future__ import annotations

import socket
from pathlib import Path

from pytest_httpserver import HTTPServer

from .conftest import run
from .profiles_helpers import sites_file
from .test_profiles_network import serve_rules


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_when_no_site_answers_it_asks_about_the_internet(tmp_path: Path) -> None:
    path = sites_file(tmp_path, f"http://127.0.0.1:{_closed_port()}")
    first = run(["profiles", "sanne", "--sites", str(path), "--yes"])
    second = run(["profiles", "sanne", "--sites", str(path), "--yes"])
    for result in (first, second):
        said = " ".join(result.stdout.split())
        assert "Geen enkele site antwoordde: is deze computer met het internet verbonden?" in said
    # Nothing was answered either time: no claim of "0 new, 0 gone".
    assert "Sinds de vorige controle" not in second.stdout


def test_history_wipe_and_an_empty_review(httpserver: HTTPServer, tmp_path: Path) -> None:
    empty = run(["search-me", "--review"])
    assert empty.exit_code == 0  # nothing to judge is not an error
    assert "Er is nog niets te beoordelen" in empty.output
    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    assert run(["profiles", "sanne", "--sites", str(path), "--yes"]).exit_code == 0
    history = run(["search-me", "--history"])
    assert "afgemaakt" in history.stdout
    wipe = run(["wipe"], input="nee\n")
    said = " ".join(wipe.output.split())
    assert "1 controle van je gebruikersnamen (onlineveilig profiles)" in said
    assert "zoektocht" not in said
