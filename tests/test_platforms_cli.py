"""`onlineveilig platforms`: the list, one platform's guide from the audit's own data, --open."""

from __future__ import annotations

import json

import pytest

from onlineveilig.content.loader import load_content

from .conftest import run

CONTENT = load_content()
WITH_ITEMS = sorted({s.platform for s in CONTENT.sections if s.platform})


def flat(output: str) -> str:
    """Terminal output as one line, so wrapped sentences can be found whole."""
    return " ".join(output.split())


def test_every_platform_is_listed_and_yours_are_marked() -> None:
    before = run(["--lang", "en", "platforms"])
    assert before.exit_code == 0
    for platform in CONTENT.platforms:
        assert platform.id in before.output
    assert "config set platforms" in flat(before.output)  # not known yet: how to say
    assert run(["config", "set", "platforms", "instagram,whatsapp"]).exit_code == 0
    after = run(["--lang", "en", "platforms", "--json"])
    yours = {p["id"]: p["yours"] for p in json.loads(after.stdout)}
    assert yours["instagram"] is True and yours["whatsapp"] is True
    assert yours["facebook"] is False


@pytest.mark.parametrize("platform_id", WITH_ITEMS)
def test_each_platform_guide_shows_the_audit_items(platform_id: str) -> None:
    platform = CONTENT.platform(platform_id)
    assert platform is not None
    result = run(["platforms", platform_id])
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert platform.name in out
    assert flat(platform.summary.nl) in out
    for entry in platform.exposure:
        assert flat(entry.text.nl) in out
    items = [i for s, i in CONTENT.items() if s.platform == platform_id]
    assert items
    for item in items:
        assert flat(item.question.nl) in out  # the same data the audit asks, not a copy
        assert flat(item.steps.nl[0]) in out
    for link in platform.settings:
        assert link.url in out.replace(" ", "")


@pytest.mark.parametrize("platform_id", WITH_ITEMS)
def test_each_platform_guide_in_english_and_json(platform_id: str) -> None:
    result = run(["--lang", "en", "platforms", platform_id, "--json"])
    data = json.loads(result.stdout)
    items = [i for s, i in CONTENT.items() if s.platform == platform_id]
    assert [i["id"] for i in data["items"]] == [i.id for i in items]
    assert data["items"][0]["question"] == items[0].question.en
    assert {e["topic"] for e in data["exposure"]} <= {
        "default-public",
        "find-by-contact",
        "suggestions",
        "tagging",
        "location",
        "stories-last-seen",
        "groups",
        "indexing",
    }


def test_english_guide_names_the_topics() -> None:
    result = run(["--lang", "en", "platforms", "whatsapp"])
    out = flat(result.output)
    assert "How WhatsApp can expose you" in out
    assert "Groups and invites" in out and "What to check" in out


@pytest.mark.parametrize("name", ["Instagram", "INSTAGRAM", " instagram "])
def test_names_are_found_whatever_the_case(name: str) -> None:
    result = run(["--lang", "en", "platforms", name, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "instagram"


def test_a_name_with_a_nickname_in_brackets() -> None:
    result = run(["--lang", "en", "platforms", "x (twitter)", "--json"])
    assert json.loads(result.stdout)["id"] == "x"


def test_an_unknown_platform_lists_the_ids() -> None:
    result = run(["--lang", "en", "platforms", "myspace"])
    assert result.exit_code == 2
    assert "There is no platform called myspace." in result.output
    for platform in CONTENT.platforms:
        assert platform.id in result.output


def test_open_opens_the_first_settings_page(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def fake_open(url: str) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("webbrowser.open", fake_open)
    platform = CONTENT.platform("facebook")
    assert platform is not None and platform.settings
    result = run(["--lang", "en", "platforms", "facebook", "--open"])
    assert result.exit_code == 0
    assert opened == [platform.settings[0].url]
    assert f"Opened in your browser: {platform.settings[0].url}" in flat(result.output)


def test_open_without_a_browser_shows_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url: False)
    result = run(["--lang", "en", "platforms", "instagram", "--open"])
    assert result.exit_code == 0
    assert "No browser could be opened. Open this address yourself:" in flat(result.output)


def test_open_for_a_platform_without_a_settings_page(monkeypatch: pytest.MonkeyPatch) -> None:
    without = [p for p in CONTENT.platforms if not p.settings]
    if not without:
        pytest.skip("every platform has a settings page")
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    result = run(["--lang", "en", "platforms", without[0].id, "--open"])
    assert result.exit_code == 0
    assert opened == []
    assert "There is no settings page for" in flat(result.output)


def test_open_with_json_keeps_stdout_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url: True)
    result = run(["--lang", "en", "platforms", "facebook", "--open", "--json"])
    assert json.loads(result.stdout)["id"] == "facebook"
    assert "Opened in your browser" in result.stderr


def test_open_needs_a_platform() -> None:
    result = run(["--lang", "en", "platforms", "--open"])
    assert result.exit_code == 2
    assert "Which platform?" in result.output


@pytest.mark.parametrize(
    ("name", "platform_id"),
    [("twitter", "x"), ("Twitter", "x"), ("tik tok", "tiktok"), ("fb", "facebook")],
)
def test_common_nicknames_are_found(name: str, platform_id: str) -> None:
    result = run(["--lang", "en", "platforms", name, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == platform_id


def test_the_number_from_the_list_works_as_in_onboarding() -> None:
    listed = run(["platforms"])
    row = next(line for line in listed.output.splitlines() if " instagram " in line)
    number = row.strip("│ ").split()[0]
    assert number == str([p.id for p in CONTENT.platforms].index("instagram") + 1)
    # The same number picks the platform in config (as onboarding does) and here.
    assert run(["config", "set", "platforms", number]).exit_code == 0
    result = run(["platforms", number])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].strip("─ ") == "Instagram"
    too_far = run(["--lang", "en", "platforms", str(len(CONTENT.platforms) + 1)])
    assert too_far.exit_code == 2 and "1 facebook, 2 instagram" in too_far.output


def test_settings_addresses_are_never_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    for platform in CONTENT.platforms:
        output = run(["platforms", platform.id]).output
        for link in platform.settings:
            assert link.url in output
