"""Found profiles in search-me's review and history, beside (never mixed with) the searches.
Loopback servers and a real SQLite file in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from .conftest import Clock, run
from .profiles_helpers import sites_file
from .search_helpers import parsed, profile, rows, serve_json

SEARX = ["--provider", "searxng", "--endpoint"]


def github_list(server: HTTPServer, tmp_path: Path) -> Path:
    """The test list with one site called GitHub that has an account 'sannep'."""
    path = sites_file(tmp_path, server.url_for("/"))
    path.write_text(path.read_text().replace('"Status Only"', '"GitHub"'))
    server.expect_request("/status/sannep").respond_with_data("hi", status=200)
    server.expect_request("/text/sannep").respond_with_data("No such user", status=404)
    server.expect_request("/same").respond_with_data("User not found")
    server.expect_request("/redirect/sannep").respond_with_data("", status=302)
    return path


def test_review_asks_about_a_found_profile_with_account_actions(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    path = github_list(httpserver, tmp_path)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    review = run(["search-me", "--review"], input="actie\n1\n\n")
    assert review.exit_code == 0, review.output
    said = " ".join(review.stdout.split())
    assert "GitHub: sannep" in said
    assert "Gebruikersnaam: sannep" in said
    assert "het oude account verwijderen" in said and "het account privé maken" in said
    assert "de site vragen het account te verwijderen" in said
    assert "1 resultaat beoordeeld" in said
    assert rows("SELECT verdict, action FROM search_marks") == [("action", "remove")]
    # The open action is asked about next time, in an account's words.
    again = run(["search-me", "--review"], input="ja\n")
    assert "het oude account verwijderen" in " ".join(again.stdout.split())
    assert rows("SELECT count(*) FROM search_marks WHERE done_at IS NOT NULL") == [(1,)]


def test_review_covers_the_last_search_and_the_last_profiles_check(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    profile(run, name="Sanne Peeters")
    url = serve_json(httpserver, "/search", "searxng_results.json")
    searched = parsed(run(["search-me", *SEARX, url, "--yes", "--json"]).stdout)
    n = len(searched["findings"])
    path = github_list(httpserver, tmp_path)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    review = run(["search-me", "--review"], input="ok\n" * (n + 1))
    assert review.exit_code == 0, review.output
    assert "GitHub: sannep" in " ".join(review.stdout.split())
    assert rows("SELECT count(*) FROM search_marks") == [(n + 1,)]


def test_a_profiles_check_is_no_search_for_search_me(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    profile(run, name="Sanne Peeters")
    url = serve_json(httpserver, "/search", "searxng_results.json")
    first = parsed(run(["search-me", *SEARX, url, "--yes", "--json"]).stdout)
    path = github_list(httpserver, tmp_path)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    frozen.advance(days=30)
    second = parsed(run(["search-me", *SEARX, url, "--yes", "--json"]).stdout)
    # Compared with the earlier search, not with the profiles check in between: nothing gone.
    assert second["compared_with"] == first["run"]
    assert second["gone"] == []
    assert not any(f["new"] for f in second["findings"])
    history = run(["search-me", "--history"], env={"COLUMNS": "200"})
    said = " ".join(history.stdout.split())
    assert "Je zoektochten" in said and "Je controles van gebruikersnamen" in said
    assert "1 gevonden, 3 niet gevonden, 0 onbekend" in said
    as_json = json.loads(run(["search-me", "--history", "--json"]).stdout)
    kinds = [r["kind"] for r in as_json]
    assert kinds == ["search", "profiles", "search"]
    assert as_json[1]["found"] == 1 and as_json[1]["usernames"] == 1
    assert "sannep" not in str(as_json[1])


def test_the_report_counts_profiles_without_usernames(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    from bs4 import BeautifulSoup

    from .test_report import make_history

    make_history()
    path = github_list(httpserver, tmp_path)
    httpserver.clear()
    httpserver.expect_request("/status/sannep").respond_with_data("hi", status=200)
    httpserver.expect_request("/text/sannep").respond_with_data("wait", status=429)
    httpserver.expect_request("/same").respond_with_data("Member since")
    httpserver.expect_request("/redirect/sannep").respond_with_data("", status=302)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 5
    run(["search-me", "--review"], input="actie\n2\n\nok\n")
    data = json.loads(run(["report", "--format", "json", "--output", "-"]).stdout)
    assert data["profiles"]["found"] == 2 and data["profiles"]["not_checked"] == 1
    assert data["profiles"]["sites"] == ["GitHub", "Same Status"]
    assert data["profiles"]["open_actions"] == 1
    md = run(["report", "--format", "md", "--output", "-"]).stdout
    assert "2 profielen gevonden" in md and "1 site kon niet worden gecontroleerd" in md
    assert "GitHub, Same Status" in md
    html = run(["report", "--format", "html", "--output", "-"]).stdout
    part = BeautifulSoup(html, "html.parser").select_one("#profiles")
    assert part is not None and "2 profielen gevonden" in part.get_text()
    for shown in (md, html, json.dumps(data)):
        assert "sannep" not in shown  # the username is personal: not in the report


def test_the_audit_item_about_old_accounts_points_to_profiles(frozen: Clock) -> None:
    profile(run, name="Sanne Peeters", platforms="facebook")
    result = run(["audit", "--section", "aanwezigheid"], input="ja\n" * 12 + "stop\n")
    said = " ".join(result.stdout.split())
    assert "onlineveilig profiles controleert dit voor je (je hebt het nog niet gebruikt)." in said


def test_the_audit_item_about_old_accounts_shows_the_last_check(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    profile(run, name="Sanne Peeters", platforms="facebook")
    path = github_list(httpserver, tmp_path)
    httpserver.clear()
    httpserver.expect_request("/status/sannep").respond_with_data("hi", status=200)
    httpserver.expect_request("/text/sannep").respond_with_data("wait", status=429)
    httpserver.expect_request("/same").respond_with_data("Member since")
    httpserver.expect_request("/redirect/sannep").respond_with_data("", status=503)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 5
    result = run(["audit", "--section", "aanwezigheid"], input="ja\n" * 12 + "stop\n")
    said = " ".join(result.stdout.split())
    assert (
        "onlineveilig profiles controleert dit voor je. Laatste controle: 2 maart 2026 — "
        "2 profielen gevonden, 2 sites konden niet worden gecontroleerd." in said
    ), said


def test_a_hostile_site_name_stays_text_in_the_report(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    from bs4 import BeautifulSoup

    from .test_report import make_history

    make_history()
    path = github_list(httpserver, tmp_path)
    path.write_text(path.read_text().replace('"GitHub"', '"<img src=x onerror=alert(1)> *x*"'))
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    html = run(["report", "--format", "html", "--output", "-"]).stdout
    part = BeautifulSoup(html, "html.parser").select_one("#profiles")
    assert part is not None and part.select("img") == []
    assert "<img src=x onerror=alert(1)>" in part.get_text()
    md = run(["report", "--format", "md", "--output", "-"]).stdout
    assert "<img" not in md.replace("\\<img", "") and "\\*x\\*" in md


def test_english_review_shows_the_category_in_english_and_the_action_once(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    path = github_list(httpserver, tmp_path)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0  # in Dutch
    assert run(["search-me", "--review"], input="actie\n1\n\n").exit_code == 0
    review = run(["--lang", "en", "search-me", "--review"], input="no\n")
    said = " ".join(review.stdout.split())
    assert "Social networks" in said and "Sociale netwerken" not in said, said
    assert "Your action: delete the old account" in said, said
    # Back in Dutch, the Dutch name of the category.
    dutch = " ".join(run(["--lang", "nl", "search-me", "--review"], input="nee\n").stdout.split())
    assert "Sociale netwerken" in dutch and "Social networks" not in dutch


def test_the_review_heading_fits_80_columns(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    path = github_list(httpserver, tmp_path)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    frozen.advance(days=275)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    review = run(["search-me", "--review"], input="\n", env={"COLUMNS": "80"})
    lines = review.stdout.splitlines()
    heading = next(line for line in lines if line.startswith("1/1"))
    assert "Profielen onder je gebruikersnaam" in heading
    assert "Voor het eerst gevonden op 2 maart 2026" in lines
    assert all(len(line) <= 80 for line in lines)


def test_the_report_names_the_site_and_action_of_each_profile_to_act_on(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    from bs4 import BeautifulSoup

    from .test_report import make_history

    make_history()
    path = github_list(httpserver, tmp_path)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    run(["search-me", "--review"], input="actie, verwijder mijn oude foto's\n1\n")
    md = run(["report", "--format", "md", "--output", "-"]).stdout
    said = " ".join(md.split())
    assert "Profielen waar je iets mee moet doen" in said
    assert "GitHub (het oude account verwijderen · nog te doen)" in said, said
    assert "verwijder mijn oude foto's" in said
    assert "Voor 1 profiel is nog actie nodig" not in said  # named; counted for a colleague
    html = run(["report", "--format", "html", "--output", "-"]).stdout
    part = BeautifulSoup(html, "html.parser").select_one("#profile-actions")
    assert part is not None and "GitHub (het oude account verwijderen" in part.get_text()
    # For a colleague: the site and the action, counted for the conversation; no note.
    shared = run(["report", "--for-colleague", "--format", "md", "--output", "-"]).stdout
    said = " ".join(shared.split())
    assert "GitHub (het oude account verwijderen · nog te doen)" in said
    assert "verwijder mijn oude foto's" not in said
    assert "Voor 1 profiel is nog actie nodig." in said
    data = json.loads(run(["report", "--for-colleague", "--format", "json", "-o", "-"]).stdout)
    assert data["profiles"]["actions"] == [
        {"site": "GitHub", "action": "het oude account verwijderen", "status": "open", "note": None}
    ]
    for shown in (md, html, shared, json.dumps(data)):
        assert "sannep" not in shown  # never the username


def test_the_audit_hints_keep_their_indent_when_they_wrap(
    httpserver: HTTPServer, tmp_path: Path, frozen: Clock
) -> None:
    profile(run, name="Sanne Peeters", platforms="facebook")
    path = github_list(httpserver, tmp_path)
    assert run(["profiles", "sannep", "--sites", str(path), "--yes"]).exit_code == 0
    result = run(
        ["audit", "--section", "aanwezigheid"],
        input="ja\n" * 12 + "stop\n",
        env={"COLUMNS": "80"},
    )
    lines = result.stdout.splitlines()
    for start in ("  ⌕ onlineveilig search-me", "  ⌕ onlineveilig profiles"):
        at = next(n for n, line in enumerate(lines) if line.startswith(start))
        # The hint is longer than 80 columns: its next line is indented under the text.
        assert lines[at + 1].startswith("    ") and lines[at + 1].strip(), lines[at : at + 2]
    said = " ".join(result.stdout.split())
    assert "Laatste controle: 2 maart 2026 — 1 profiel gevonden." in said, said
