"""`onlineveilig profiles` as a user meets it: the plan, the question, the tables, JSON,
the self-check and hostile input. Loopback servers only."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from .conftest import run
from .profiles_helpers import sites_file
from .search_helpers import profile
from .test_profiles_network import serve_rules


def test_dry_run_shows_the_plan_and_sends_nothing(httpserver: HTTPServer, tmp_path: Path) -> None:
    path = sites_file(tmp_path, httpserver.url_for("/"))
    profile(run, usernames="sanne, @oldname")
    result = run(["--lang", "en", "profiles", "--sites", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.replace("│", " ").split())
    assert "4 sites" in said and "sanne" in said and "oldname" in said
    assert "internet address" in said and "Nothing else" in said
    assert "Dry run: nothing was sent." in said
    assert "The sites that would be asked: Status Only, With Text" in said
    assert httpserver.log == []


def test_no_sends_nothing(httpserver: HTTPServer, tmp_path: Path) -> None:
    path = sites_file(tmp_path, httpserver.url_for("/"))
    result = run(["profiles", "sanne", "--sites", str(path)], input="nee\n")
    assert result.exit_code == 130
    assert "Er is niets verstuurd." in result.stderr
    assert httpserver.log == []


def test_yes_checks_and_shows_a_table(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    result = run(["--lang", "en", "profiles", "sanne", "--sites", str(path), "--yes"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "found on 4 sites" in out
    assert httpserver.url_for("/profile/sanne") in result.stdout.replace("\n", "")


def test_unknown_is_counted_apart_and_exit_5(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_rules(httpserver)
    httpserver.clear()
    httpserver.expect_request("/status/sanne").respond_with_data("slow", status=429)
    httpserver.expect_request("/text/sanne").respond_with_data("<h1>Profile of sanne</h1>")
    httpserver.expect_request("/same").respond_with_data("User not found")
    httpserver.expect_request("/redirect/sanne").respond_with_data("", status=302)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    result = run(["--lang", "en", "profiles", "sanne", "--sites", str(path), "--yes", "--json"])
    assert result.exit_code == 5
    data = json.loads(result.stdout)
    assert data["counts"] == {"found": 1, "not_found": 2, "unknown": 1, "could_not_be_checked": 1}
    limited = next(r for r in data["results"] if r["site"] == "status-only")
    assert limited["state"] == "unknown" and limited["reason"] == "rate-limited"
    assert limited["address"] is None and limited["check_by_hand"]


def test_hostile_usernames_are_refused_before_anything_is_sent(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    path = sites_file(tmp_path, httpserver.url_for("/"))
    result = run(["profiles", "../admin?x=1", "--sites", str(path), "--yes"])
    assert result.exit_code == 2
    assert httpserver.log == []


def test_hostile_site_names_and_answers_stay_inert(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    path.write_text(path.read_text().replace('"Status Only"', '"\\u001b[2J[red]Evil[/red]"'))
    result = run(["--lang", "en", "profiles", "sanne", "--sites", str(path), "--yes"])
    assert "\x1b[2J" not in result.stdout
    assert "[red]Evil[/red]" in result.stdout  # shown literally, not as markup


def test_no_usernames_says_how_to_set_them(tmp_path: Path) -> None:
    result = run(["--lang", "en", "profiles", "--dry-run"])
    assert result.exit_code == 2
    assert "config set usernames" in result.stderr


def test_self_check_lists_a_rule_that_no_longer_holds(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    serve_rules(httpserver)
    httpserver.expect_request("/status/nobody-here").respond_with_data("", status=404)
    httpserver.expect_request("/text/nobody-here").respond_with_data("No such user", status=404)
    httpserver.expect_request("/same").respond_with_data("Member since")
    httpserver.expect_request("/redirect/nobody-here").respond_with_data("", status=302)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    result = run(["--lang", "en", "profiles", "--self-check", "--sites", str(path), "--yes"])
    assert result.exit_code == 3
    out = " ".join(result.stdout.split())
    assert "Same Status" in out and "no longer hold" in out


def test_a_broken_sites_file_names_site_and_field(tmp_path: Path) -> None:
    path = sites_file(tmp_path, "https://example.org")
    path.write_text(path.read_text().replace("status = 404 }", "status = 'x' }", 1))
    result = run(["--lang", "en", "profiles", "sanne", "--sites", str(path), "--dry-run"])
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert "status-only" in said and "miss.status" in said


def test_a_found_address_stays_on_one_line_at_80_columns(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A care worker copies the address from the table: it may not be cut in two."""
    serve_rules(httpserver)
    path = sites_file(tmp_path, httpserver.url_for("/"))
    result = run(
        ["--lang", "en", "profiles", "sanne", "--sites", str(path), "--yes"],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert any(httpserver.url_for("/profile/sanne") in line for line in lines)


def test_a_wrong_file_after_sites_points_to_sites_not_to_the_settings(tmp_path: Path) -> None:
    for wrong, said in ((tmp_path / "nonexist.toml", "bestaat niet"), (tmp_path, "is een map")):
        result = run(["profiles", "--sites", str(wrong), "sanne"], env={"COLUMNS": "80"})
        assert result.exit_code != 0
        assert said in result.stderr
        assert "Controleer de naam van het bestand achter --sites." in result.stderr
        assert "config set" not in result.stderr


def test_a_wrong_file_in_config_set_is_about_that_command(tmp_path: Path) -> None:
    result = run(["config", "set", "checklist", str(tmp_path / "nonexistent.toml")])
    assert result.exit_code != 0
    said = " ".join(result.stderr.split())
    assert "Controleer de naam van het bestand achter onlineveilig config set checklist." in said
    assert "Kies dan een ander" not in said


def test_the_settings_hint_wraps_between_words_at_80_columns(tmp_path: Path) -> None:
    """A checklist named in the settings that is gone: the long hint fits the screen."""
    from onlineveilig import paths

    paths.config_path().parent.mkdir(parents=True, exist_ok=True)
    gone = tmp_path / "gone.toml"
    paths.config_path().write_text(f'checklist = "{gone}"\n', encoding="utf-8")
    result = run(["audit"], env={"COLUMNS": "80"}, input="stop\n")
    hint = [line for line in result.stderr.splitlines() if "config set" in line]
    assert hint, result.stderr
    lines = result.stderr.splitlines()
    assert all(len(line) <= 80 for line in lines if str(gone) not in line), result.stderr
    joined = " ".join(" ".join(lines).split())
    assert "onlineveilig config set checklist <pad naar het bestand>" in joined
