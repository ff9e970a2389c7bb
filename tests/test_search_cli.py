"""search-me as a user meets it: set-up, the question before sending, results, review and
memory between runs, the history, the audit's pointer and the report. Loopback servers only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from onlineveilig import paths
from onlineveilig.search import urls

from .conftest import Clock, MemoryKeyring, run
from .search_helpers import HTML, JSON, page, parsed, profile, rows, serve_ddg, serve_json

SEARX = ["--provider", "searxng", "--endpoint"]


def searx_json(server: HTTPServer, name: str = "searxng_results.json") -> str:
    return serve_json(server, "/search", name)


def test_without_any_set_up_it_explains_the_providers() -> None:
    profile(run, name="Sanne Peeters")
    result = run(["--lang", "en", "search-me"])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    for name in ("brave", "searxng", "duckduckgo", "manual", "--from-file"):
        assert name in said
    assert "onlineveilig key set brave" in said
    assert "config set searxng-url" in said
    assert "Traceback" not in said


def test_dry_run_shows_what_would_be_sent_and_sends_nothing(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters", city="Gent", employer="Jeugdhuis De Brug")
    url = searx_json(httpserver)
    result = run(["search-me", *SEARX, url, "--dry-run"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert "127.0.0.1" in said or "localhost" in said
    assert '"Sanne Peeters" Gent' in said and '"Sanne Peeters" Jeugdhuis De Brug' in said
    assert "SearXNG" in said
    assert "niets verstuurd" in said.lower()
    assert httpserver.log == []
    assert not paths.database_path().exists() or rows("SELECT count(*) FROM search_runs") == [(0,)]


def test_saying_no_sends_nothing(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    result = run(["search-me", *SEARX, searx_json(httpserver)], input="nee\n")
    assert result.exit_code == 130
    assert httpserver.log == []


def test_a_one_off_name_leaves_the_profile_alone(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters", city="Gent")
    result = run(
        ["search-me", "Sanne Janssens", "--employer", "De Brug", *SEARX, searx_json(httpserver)],
        input="ja\nnee\n",
    )
    assert result.exit_code == 0, result.output
    sent = sorted(r.args["q"] for r, _resp in httpserver.log)  # sent at once, in any order
    assert sent == ['"Sanne Janssens"', '"Sanne Janssens" De Brug']  # not the profile's city
    config = json.loads(run(["config", "show", "--json"]).stdout)
    assert config["name"] == "Sanne Peeters"


def test_no_name_in_the_profile_is_asked_and_kept(httpserver: HTTPServer) -> None:
    result = run(
        ["search-me", *SEARX, searx_json(httpserver)], input="Sanne Peeters\nja\nja\nnee\n"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(run(["config", "show", "--json"]).stdout)["name"] == "Sanne Peeters"


def test_results_grouped_by_category_and_stored(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters", city="Gent")
    result = run(["search-me", *SEARX, searx_json(httpserver), "--yes"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "NIEUW" in out
    assert "Sociale netwerken" in out or "Sociale media" in out or "sociale" in out.lower()
    stored = rows("SELECT count(*), count(DISTINCT key) FROM search_findings")
    assert stored[0][0] == stored[0][1] > 0
    assert rows("SELECT status FROM search_runs") == [("complete",)]
    assert "search-me --review" in out


def test_json_output_for_other_tools(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    result = run(["search-me", *SEARX, searx_json(httpserver), "--yes", "--json"])
    assert result.exit_code == 0, result.output
    data = parsed(result.stdout)
    assert data["provider"] == "searxng" and data["status"] == "complete"
    assert data["queries"] == ['"Sanne Peeters"']
    finding = data["findings"][0]
    assert set(finding) >= {"url", "title", "category", "personal_data", "new", "verdict"}
    assert all(f["new"] for f in data["findings"])
    urls = [f["url"] for f in data["findings"]]
    assert len(urls) == len(set(urls))


def _review_all(verdicts: list[str]) -> str:
    return "".join(v + "\n" for v in verdicts)


def test_review_marks_survive_between_runs(httpserver: HTTPServer, frozen: Clock) -> None:
    profile(run, name="Sanne Peeters")
    url = searx_json(httpserver)
    first = run(["search-me", *SEARX, url, "--yes", "--json"])
    findings = parsed(first.stdout)["findings"]
    n = len(findings)
    assert n >= 3
    # ok, action (ask the website, with a note), not me; the rest later.
    answers = ["ok", "actie, mail de beheerder", "3", "niet ik"] + [""] * (n - 3)
    review = run(["search-me", "--review"], input=_review_all(answers))
    assert review.exit_code == 0, review.output
    assert "3 resultaten beoordeeld" in review.stdout
    marks = rows("SELECT verdict, action, note FROM search_marks ORDER BY marked_at")
    assert marks == [
        ("ok", None, ""),
        ("action", "ask-site", "mail de beheerder"),
        ("not-me", None, ""),
    ]
    frozen.advance(days=30)
    second = run(["search-me", *SEARX, url, "--yes", "--json"])
    data = parsed(second.stdout)
    assert not any(f["new"] for f in data["findings"])
    verdicts = [f["verdict"] for f in data["findings"]]
    assert verdicts.count("ok") == 1 and verdicts.count("action") == 1
    # Only the ones not judged yet are asked again; the open action comes last.
    again = run(["search-me", "--review"], input=_review_all([""] * (n - 3) + ["ja"]))
    assert again.exit_code == 0, again.output
    assert rows("SELECT count(*) FROM search_marks WHERE done_at IS NOT NULL") == [(1,)]


def test_stop_during_review_keeps_the_marks(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    run(["search-me", *SEARX, searx_json(httpserver), "--yes"])
    result = run(["search-me", "--review"], input="ok\nstop\n")
    assert result.exit_code == 0
    assert "search-me --review" in result.stdout
    assert rows("SELECT verdict FROM search_marks") == [("ok",)]
    eof = run(["search-me", "--review"], input="ok\n")  # the input ends: the same as stop
    assert eof.exit_code == 0
    assert rows("SELECT count(*) FROM search_marks") == [(2,)]


def test_next_run_shows_what_is_new_and_what_is_gone(httpserver: HTTPServer, frozen: Clock) -> None:
    profile(run, name="Sanne Peeters")
    url = httpserver.url_for("/search")
    first_page = json.loads(page("searxng_results.json"))
    second_page = dict(first_page)
    gone = first_page["results"][0]
    same = urls.key(gone["url"])
    kept = [r for r in first_page["results"] if urls.key(r["url"]) != same]
    second_page["results"] = kept + [
        {
            "url": "https://www.nieuwsblad.be/cnt/sanne-peeters-jeugdhuis",
            "title": "Jeugdhuis viert",
            "content": "Sanne Peeters vertelt",
        }
    ]
    httpserver.expect_ordered_request("/search").respond_with_json(first_page)
    httpserver.expect_ordered_request("/search").respond_with_json(second_page)
    run(["search-me", *SEARX, url, "--yes"])
    frozen.advance(days=31)
    result = run(["search-me", *SEARX, url, "--yes", "--json"])
    data = parsed(result.stdout)
    assert [f["url"] for f in data["findings"] if f["new"]] == [
        "https://www.nieuwsblad.be/cnt/sanne-peeters-jeugdhuis"
    ]
    assert [f["title"] for f in data["gone"]] == [gone["title"]]
    history = run(["search-me", "--history"])
    assert history.exit_code == 0
    assert "Je zoektochten" in history.stdout
    hist = json.loads(run(["search-me", "--history", "--json"]).stdout)
    assert [(h["new"], h["gone"]) for h in hist] == [(None, None), (1, 1)]


def test_a_block_stops_politely_and_keeps_what_it_had(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters", city="Gent")
    httpserver.expect_ordered_request("/html/", method="POST").respond_with_data(
        page("ddg_results.html"), content_type=HTML
    )
    httpserver.expect_ordered_request("/html/", method="POST").respond_with_data(
        page("ddg_challenge.html"), status=202, content_type=HTML
    )
    result = run(
        [
            "search-me",
            "--provider",
            "duckduckgo",
            "--endpoint",
            httpserver.url_for("/html/"),
            "--yes",
        ]
    )
    assert result.exit_code == 5
    said = " ".join(result.stderr.split())
    assert "geblokkeerd" in said.lower()
    assert "--provider manual" in said
    assert "Traceback" not in said
    assert rows("SELECT status, reason, done FROM search_runs") == [
        ("partial", "blocked", '["\\"Sanne Peeters\\""]')
    ]
    assert rows("SELECT count(*) FROM search_findings")[0][0] > 0


def test_a_block_on_the_first_query_is_not_no_results(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    url = serve_ddg(httpserver, "ddg_challenge.html", status=202)
    result = run(["search-me", "--provider", "duckduckgo", "--endpoint", url, "--yes"])
    assert result.exit_code == 5
    assert "Niets gevonden" not in result.stdout + result.stderr
    assert "geblokkeerd" in result.stderr.lower()
    assert rows("SELECT count(*) FROM search_runs") == [(0,)]


def test_no_results_is_said_plainly(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    url = serve_ddg(httpserver, "ddg_noresults.html")
    result = run(["search-me", "--provider", "duckduckgo", "--endpoint", url, "--yes"])
    assert result.exit_code == 0, result.output
    assert "0 resultaten" in result.stdout


@pytest.mark.parametrize(
    ("status", "name", "words"),
    [
        (401, "brave_401.json", "sleutel"),
        (422, "brave_422.json", "sleutel"),
        (429, "brave_429.json", "limiet"),
    ],
)
def test_brave_errors_in_plain_dutch(
    httpserver: HTTPServer, memory_keyring: MemoryKeyring, status: int, name: str, words: str
) -> None:
    profile(run, name="Sanne Peeters")
    memory_keyring.set_password("onlineveilig", "brave", "BSA-test-key")
    httpserver.expect_request("/s").respond_with_data(page(name), status=status, content_type=JSON)
    result = run(
        ["search-me", "--provider", "brave", "--endpoint", httpserver.url_for("/s"), "--yes"]
    )
    assert result.exit_code == 5
    assert words in result.stderr.lower()
    assert "BSA-test-key" not in result.stdout + result.stderr


def test_brave_without_a_key_says_how_to_add_one() -> None:
    profile(run, name="Sanne Peeters")
    result = run(["search-me", "--provider", "brave"])
    assert result.exit_code == 5
    assert "onlineveilig key set brave" in result.stderr
    assert "ONLINEVEILIG_BRAVE_KEY" in result.stderr


def test_a_brave_key_is_kept_in_the_keyring_and_never_shown(
    memory_keyring: MemoryKeyring, httpserver: HTTPServer
) -> None:
    saved = run(["key", "set", "brave"], input="BSAsecret123\n")
    assert saved.exit_code == 0, saved.output
    assert memory_keyring.get_password("onlineveilig", "brave") == "BSAsecret123"
    assert "BSAsecret123" not in saved.output
    assert "Warning" not in saved.output  # no English getpass warning without a terminal
    status = run(["key", "status"])
    assert "sleutelbos" in status.stdout.lower() and "BSAsecret123" not in status.stdout
    profile(run, name="Sanne Peeters")
    httpserver.expect_request(
        "/s", headers={"X-Subscription-Token": "BSAsecret123"}
    ).respond_with_data(page("brave_results.json"), content_type=JSON)
    # With a key and nothing else set, search-me picks Brave by itself.
    result = run(["search-me", "--endpoint", httpserver.url_for("/s"), "--yes"])
    assert result.exit_code == 0, result.output
    assert "BSAsecret123" not in result.stdout + result.stderr
    for file in (paths.config_dir(), paths.data_dir()):
        for found in file.rglob("*"):
            if found.is_file():
                assert b"BSAsecret123" not in found.read_bytes()
    assert run(["key", "delete", "brave"]).exit_code == 0
    assert memory_keyring.get_password("onlineveilig", "brave") is None


def test_no_keyring_on_this_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.backends.fail
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    result = run(["key", "set", "brave"], input="BSAsecret123\n")
    assert result.exit_code == 2
    assert "ONLINEVEILIG_BRAVE_KEY" in result.stderr
    assert "Traceback" not in result.output
    assert "Plak je sleutel" not in result.stderr  # said before a key is pasted, not after


def test_the_key_from_the_environment(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    httpserver.expect_request("/s", headers={"X-Subscription-Token": "from-env"}).respond_with_data(
        page("brave_results.json"), content_type=JSON
    )
    result = run(
        ["search-me", "--provider", "brave", "--endpoint", httpserver.url_for("/s"), "--yes"],
        env={"ONLINEVEILIG_BRAVE_KEY": "from-env"},
    )
    assert result.exit_code == 0, result.output


def test_searxng_403_explains_json_must_be_enabled(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    httpserver.expect_request("/search").respond_with_data("Forbidden", status=403)
    result = run(["search-me", *SEARX, httpserver.url_for("/"), "--yes"])
    assert result.exit_code == 5
    assert "json" in result.stderr.lower() and "settings.yml" in result.stderr


def test_searxng_url_from_the_settings(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    searx_json(httpserver)
    assert run(["config", "set", "searxng-url", httpserver.url_for("/")]).exit_code == 0
    result = run(["search-me", "--yes"])
    assert result.exit_code == 0, result.output
    assert len(httpserver.log) == 1


def test_hostile_results_are_shown_as_plain_text(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    result = run(["search-me", *SEARX, searx_json(httpserver, "searxng_hostile.json"), "--yes"])
    assert result.exit_code == 0, result.output
    shown = result.stdout
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "[bold red]" in shown or "[link=" in shown  # rich markup shown literally, not obeyed
    # Shown as the plain text it is: a script in a title is words on the screen, nothing more.
    assert "alert(" in shown
    again = run(
        ["search-me", *SEARX, searx_json(httpserver, "searxng_hostile.json"), "--yes", "--json"]
    )
    text = json.dumps(parsed(again.stdout), ensure_ascii=False)
    assert "\x1b" not in text and "\u202e" not in text


def test_manual_mode_sends_nothing_and_takes_pasted_addresses(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters", city="Gent", platforms="facebook,linkedin,instagram")
    pasted = "https://www.goudengids.be/sanne\nniet-een-adres\nhttps://www.facebook.com/sanne.peeters\n\n"
    result = run(["search-me", "--provider", "manual"], input=pasted + "nee\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "https://www.google.com/search?q=%22Sanne+Peeters%22" in out
    assert "https://www.facebook.com/search/people/?q=Sanne+Peeters" in out
    assert "instagram.com/explore/search/keyword/?q=Sanne+Peeters" in out
    assert "niet-een-adres" in out  # said to be no address
    assert rows("SELECT provider FROM search_runs") == [("manual",)]
    assert rows("SELECT count(*) FROM search_findings") == [(2,)]


def test_a_saved_results_page(tmp_path: Path) -> None:
    saved = tmp_path / "google.html"
    saved.write_bytes(page("google_saved.html"))
    profile(run, name="Sanne Peeters")
    result = run(["search-me", "--from-file", str(saved), "--json"])
    assert result.exit_code == 0, result.output
    data = parsed(result.stdout)
    hosts = [f["url"].split("/")[2] for f in data["findings"]]
    assert hosts and not any("google." in h for h in hosts)
    assert data["provider"] == "file"


def test_a_saved_page_that_is_not_a_results_page(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.html"
    empty.write_text("<html><body><p>Niets</p></body></html>", encoding="utf-8")
    result = run(["search-me", "--from-file", str(empty)])
    assert result.exit_code == 5
    assert "Geen zoekresultaten" in result.stderr
    missing = run(["search-me", "--from-file", str(tmp_path / "weg.html")])
    assert missing.exit_code == 2 and "bestaat niet" in missing.stderr


def test_ctrl_c_keeps_what_came_back(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onlineveilig.search.model import Hit
    from onlineveilig.search.providers import runner

    def interrupted(provider: Any, queries: Any, on_answer: Any, **kw: Any) -> Any:
        on_answer(queries[0], [Hit("https://www.facebook.com/sanne.peeters", "Sanne Peeters")])
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run", interrupted)
    profile(run, name="Sanne Peeters", city="Gent")
    result = run(["search-me", *SEARX, httpserver.url_for("/"), "--yes"])
    assert result.exit_code == 130
    assert rows("SELECT status, reason FROM search_runs") == [("partial", "stopped")]
    assert "1 van 2" in result.stderr
    assert "Nu doornemen?" not in result.stdout  # stopped means no more questions
    assert "search-me --review" in result.stdout


def test_the_audit_points_to_search_me_with_the_last_run(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters", platforms="facebook")
    run(["search-me", *SEARX, searx_json(httpserver), "--yes"])
    result = run(["audit", "--section", "aanwezigheid"], input="stop\n")
    assert "onlineveilig search-me" in result.stdout
    assert "Laatste zoektocht" in result.stdout


def test_a_killed_search_keeps_what_came_back(httpserver: HTTPServer, isolated: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import threading
    import time

    from werkzeug import Request, Response

    released = threading.Event()
    answered: list[int] = []

    def answer(_request: Request) -> Response:
        if answered:
            released.wait(20)  # the second search hangs until the test is over
        answered.append(1)
        return Response(page("ddg_results.html"), content_type=HTML)

    httpserver.expect_request("/html/", method="POST").respond_with_handler(answer)
    profile(run, name="Sanne Peeters", city="Gent")
    env = dict(os.environ, ONLINEVEILIG_HOME=str(isolated), NO_COLOR="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "onlineveilig", "search-me", "--provider", "duckduckgo"]
        + ["--endpoint", httpserver.url_for("/html/"), "--yes"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if rows("SELECT count(*) FROM sqlite_master WHERE name = 'search_runs'") == [(1,)]:
                if rows("SELECT count(*) FROM search_findings")[0][0] > 0:
                    break
            time.sleep(0.1)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        released.set()
    kept = rows("SELECT count(*) FROM search_findings")[0][0]
    assert kept > 0
    history = json.loads(run(["search-me", "--history", "--json"]).stdout)
    assert history[0]["results"] == kept and history[0]["answered"] == 1
    shown = run(["search-me", "--review"], input="stop\n")
    assert shown.exit_code == 0 and "1/" in shown.stdout  # its results can be reviewed


def test_a_pasted_line_with_a_bracket_is_no_address_not_a_crash() -> None:
    profile(run, name="Sanne Peeters", platforms="facebook")
    pasted = "foo[bar\nhttp://[::1\nhttps://www.facebook.com/sanne.peeters\n"
    result = run(
        ["search-me", "--provider", "manual"],
        input=pasted + "www.facebook.com/sanne.peeters\n\nnee\n",
    )
    assert result.exit_code == 0, result.output
    assert "foo[bar" in result.stdout and "staat al in de lijst" in result.stdout
    assert rows("SELECT count(*) FROM search_findings") == [(1,)]


def test_searxng_engines_that_failed_are_not_no_results(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    httpserver.expect_request("/search").respond_with_json(
        {"query": "x", "results": [], "unresponsive_engines": [["google", "CAPTCHA"]]}
    )
    result = run(["search-me", *SEARX, httpserver.url_for("/search"), "--yes"])
    assert result.exit_code == 5
    said = " ".join(result.stderr.split())
    assert "google CAPTCHA" in said and "--provider searxng" not in said
    assert "goed nieuws" not in result.stdout


def test_a_key_is_never_sent_over_plain_http_to_another_host(memory_keyring: MemoryKeyring) -> None:
    profile(run, name="Sanne Peeters")
    memory_keyring.set_password("onlineveilig", "brave", "BSA-test-key")
    result = run(
        [
            "search-me",
            "--provider",
            "brave",
            "--endpoint",
            "http://search.example.org/api",
            "--dry-run",
        ]
    )
    assert result.exit_code == 2
    assert "onversleuteld" in result.stderr


def test_key_status_for_one_provider(memory_keyring: MemoryKeyring) -> None:
    result = run(["key", "status", "brave"])
    assert result.exit_code == 0 and "brave: geen sleutel" in result.stdout


def test_results_and_history_fit_80_columns_in_dutch(tmp_path: Path) -> None:
    """Every column of the history stays readable, and a usual address stays on one line."""
    saved = tmp_path / "google.html"
    saved.write_bytes(page("google_saved.html"))
    profile(run, name="Sanne Peeters")
    first = run(["search-me", "--from-file", str(saved), "--all"], env={"COLUMNS": "80"})
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    data = parsed(run(["search-me", "--from-file", str(saved), "--json"]).stdout)
    short = [f["url"] for f in data["findings"] if len(f["url"]) <= 40]
    assert short and all(any(url in line for line in lines) for url in short)
    history = run(["search-me", "--history"], env={"COLUMNS": "80"})
    lines = history.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if "Datum" in line)
    assert "Weg" in header and "Status" in header and "…" not in header
    assert "volledig" in history.stdout


def test_a_password_in_the_endpoint_is_never_shown(httpserver: HTTPServer) -> None:
    profile(run, name="Sanne Peeters")
    url = searx_json(httpserver).replace("http://", "http://user:geheim123@")
    result = run(["search-me", *SEARX, url, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "geheim123" not in result.output and "geheim123" not in result.stderr
    assert httpserver.log == []
