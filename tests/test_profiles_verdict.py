"""Found, not found or unknown from one answer (pure), the usernames that may be sent, and the
site lists: ours, WhatsMyName's, and the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlineveilig.errors import ContentError
from onlineveilig.profiles import address
from onlineveilig.profiles.loader import builtin_path, load
from onlineveilig.profiles.model import Rule, Site
from onlineveilig.profiles.verdict import Reason, State, verdict

from .profiles_helpers import sites_file


def site(hit: Rule, miss: Rule, **kw: object) -> Site:
    data: dict[str, object] = {
        "id": "s",
        "name": "S",
        "category": "social",
        "check": "https://example.org/u/{username}",
        "hit": hit,
        "miss": miss,
        "known": ["a"],
        "absent": "zz",
    }
    data.update(kw)
    return Site.model_validate(data)


STATUS = site(Rule(status=200), Rule(status=404))
TEXT = site(Rule(status=200, text="Profile of"), Rule(status=404, text="No such user"))
SAME = site(Rule(status=200, text="Member since"), Rule(status=200, text="User not found"))
REDIRECT = site(Rule(status=200), Rule(status=302))


@pytest.mark.parametrize(
    ("rules", "status", "body", "state", "reason"),
    [
        (STATUS, 200, b"anything", State.FOUND, None),
        (STATUS, 404, b"", State.NOT_FOUND, None),
        (TEXT, 200, b"<h1>Profile of sanne</h1>", State.FOUND, None),
        (TEXT, 404, b"No such user", State.NOT_FOUND, None),
        (TEXT, 200, b"a login wall", State.UNKNOWN, Reason.UNEXPECTED),
        (TEXT, 404, b"some other 404", State.UNKNOWN, Reason.UNEXPECTED),
        (SAME, 200, b"Member since 2012", State.FOUND, None),
        (SAME, 200, b"User not found", State.NOT_FOUND, None),
        (SAME, 200, b"Member since / User not found", State.UNKNOWN, Reason.AMBIGUOUS),
        (SAME, 200, b"neither", State.UNKNOWN, Reason.UNEXPECTED),
        (REDIRECT, 302, b"", State.NOT_FOUND, None),
        (STATUS, 302, b"", State.UNKNOWN, Reason.UNEXPECTED),
        (STATUS, 500, b"oops", State.UNKNOWN, Reason.UNEXPECTED),
        (STATUS, 429, b"slow down", State.UNKNOWN, Reason.RATE_LIMITED),
        (STATUS, 200, b"<title>Just a moment...</title>", State.UNKNOWN, Reason.BLOCKED),
        (STATUS, 403, b"<div class='cf-chl-widget'>", State.UNKNOWN, Reason.BLOCKED),
        (STATUS, 503, b"please solve the captcha", State.UNKNOWN, Reason.BLOCKED),
        (STATUS, 200, b"\xff\xfe\x00binary\x00", State.FOUND, None),
        (TEXT, 200, b"\xff\xfe\x00binary\x00", State.UNKNOWN, Reason.UNEXPECTED),
    ],
)
def test_every_answer_ends_as_exactly_one_outcome(
    rules: Site, status: int, body: bytes, state: State, reason: Reason | None
) -> None:
    outcome = verdict(rules, status, {}, body)
    assert (outcome.state, outcome.reason) == (state, reason)


def test_a_challenge_header_is_never_found() -> None:
    outcome = verdict(STATUS, 200, {"CF-Mitigated": "challenge"}, b"")
    assert outcome.state == State.UNKNOWN and outcome.reason == Reason.BLOCKED


def test_a_miss_text_that_holds_beats_a_weak_challenge_marker() -> None:
    rules = site(Rule(status=200), Rule(status=403, text="No such user"))
    outcome = verdict(rules, 403, {}, b"No such user <script src=recaptcha>")
    assert outcome.state == State.NOT_FOUND


def test_a_cut_off_page_without_the_text_is_too_large_not_a_miss() -> None:
    outcome = verdict(TEXT, 200, {}, b"x" * 100, truncated=True)
    assert outcome.reason == Reason.TOO_LARGE


@pytest.mark.parametrize(
    "name",
    ["../admin", "a/b", "a?x=1", "a#b", "a b", "a\x1bb", "a%2e", "..", ".hidden", "a\u202eb", ""],
)
def test_hostile_usernames_are_refused(name: str) -> None:
    assert address.problem(name) is not None
    assert address.request(STATUS, name) is None


def test_usernames_are_encoded_and_a_host_takes_only_a_label() -> None:
    out = address.request(STATUS, "jan+peeters@x")
    assert out is not None and out.url == "https://example.org/u/jan%2Bpeeters%40x"
    sub = site(Rule(status=200), Rule(status=404), check="https://{username}.example.org/")
    assert address.request(sub, "sanne") is not None
    assert address.request(sub, "jan.peeters") is None  # would become another host


def test_a_site_regex_and_strip_characters() -> None:
    only = site(Rule(status=200), Rule(status=404), username="^[a-z]{1,5}$", strip=".")
    assert address.on_site(only, "s.anne") == "sanne"
    assert address.on_site(only, "toolongname") is None


def test_our_list_and_its_errors_name_file_site_and_field(tmp_path: Path) -> None:
    loaded = load(sites_file(tmp_path, "https://example.org"))
    assert [s.id for s in loaded.sites] == ["status-only", "with-text", "same-status", "redirect"]
    bad = tmp_path / "bad.toml"
    bad.write_text(
        (tmp_path / "sites.toml").read_text().replace('category = "forum"', 'category = "nope"', 1)
    )
    with pytest.raises(ContentError) as caught:
        load(bad)
    problem = caught.value.problems[0]
    assert (problem.item, problem.field) == ("with-text", "category")


def test_whatsmyname_file_loads_and_skips_the_not_valid(tmp_path: Path) -> None:
    loaded = load(sites_file(tmp_path, "https://example.org", "wmn-sample.json"))
    assert loaded.kind == "whatsmyname"
    assert loaded.skipped == {"not-valid": 1}
    assert [s.name for s in loaded.sites] == ["Wmn One", "Wmn Post", "Wmn Dots"]
    post = loaded.sites[1]
    assert post.method == "POST" and post.check.endswith("/graphql")
    out = address.request(loaded.sites[0], "sanne")
    assert out is not None and "User-Agent" not in out.headers  # no browser disguise


def test_a_broken_whatsmyname_entry_is_named(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text('{"sites": [{"name": "Evil", "uri_check": "https://x/{account}"}]}')
    with pytest.raises(ContentError) as caught:
        load(path)
    assert caught.value.problems[0].item == "Evil"


def test_the_shipped_list_is_valid() -> None:
    shipped = load(builtin_path())
    assert len(shipped.sites) >= 40
    for entry in shipped.sites:
        assert entry.known and entry.absent
        assert address.request(entry, entry.known[0]) is not None, entry.id
