"""The pure parts of search-me: queries, addresses, classification, merging and the diff."""

from __future__ import annotations

from datetime import datetime

from onlineveilig.search import findings, urls
from onlineveilig.search.classify import Classifier, personal_data
from onlineveilig.search.model import Category, Flag, Hit, Run, RunStatus
from onlineveilig.search.queries import Subject, build, split_list

SITES = Classifier.from_entries(
    {
        Category.SOCIAL: ["facebook.com", "instagram.com"],
        Category.PEOPLE: ["goudengids.be"],
        Category.REVIEWS: ["google.com/maps", "zorgkaartnederland.nl"],
        Category.PROFESSIONAL: ["linkedin.com"],
    }
)


def test_queries_use_only_what_the_user_entered() -> None:
    queries = build(
        Subject(
            "Sanne  Peeters",
            city="Gent",
            employer="Jeugdhuis De Brug",
            usernames=("sanne_p",),
            email="sanne@debrug.be",
        )
    )
    assert [q.text for q in queries] == [
        '"Sanne Peeters"',
        '"Sanne Peeters" Gent',
        '"Sanne Peeters" Jeugdhuis De Brug',
        '"sanne_p"',
        '"sanne@debrug.be"',
    ]


def test_a_quote_in_the_name_cannot_break_the_phrase() -> None:
    assert build(Subject('Sanne "The Boss" Peeters'))[0].text == '"Sanne The Boss Peeters"'


def test_usernames_are_split_and_deduplicated() -> None:
    assert split_list("@sanne_p, sannep  Sanne_P") == ("sanne_p", "sannep")


def test_wrapped_links_are_unwrapped() -> None:
    wrapped = "//duckduckgo.com/l/?uddg=https%3A%2F%2Fwww.facebook.com%2Fsanne.peeters&rut=abc"
    assert urls.unwrap(wrapped) == "https://www.facebook.com/sanne.peeters"
    google = "/url?q=https://example.org/page&sa=U&ved=2ah"
    assert urls.unwrap(google) == "https://example.org/page"


def test_only_web_addresses_are_kept() -> None:
    assert urls.web_address("javascript:alert(1)") is None
    assert urls.web_address("data:text/html,<script>") is None
    assert urls.web_address("/relative/page") is None
    assert urls.web_address("https://exa mple.org/") is None
    assert urls.web_address("https://example.org/a") == "https://example.org/a"


def test_the_same_page_has_the_same_key() -> None:
    same = [
        "https://www.facebook.com/sanne.peeters/",
        "http://facebook.com/sanne.peeters?utm_source=x&fbclid=123",
        "https://m.facebook.com/sanne.peeters#about",
    ]
    assert len({urls.key(u) for u in same}) == 1
    assert urls.key("https://be.linkedin.com/in/sanne") == urls.key(
        "https://nl.linkedin.com/in/sanne"
    )
    assert urls.key("https://example.org/?id=1") != urls.key("https://example.org/?id=2")


def test_categories_follow_the_domain_and_path() -> None:
    assert SITES.category("https://nl-nl.facebook.com/sanne") == Category.SOCIAL
    assert SITES.category("https://www.google.com/maps/place/De+Brug") == Category.REVIEWS
    assert SITES.category("https://www.google.com/search?q=x") == Category.OTHER
    assert SITES.category("https://notfacebook.com/x") == Category.OTHER


def test_personal_data_in_titles_and_snippets() -> None:
    assert personal_data("Bel 09 123 45 67 of +32 471 12 34 56") == (Flag.PHONE,)
    assert personal_data("Mail sanne.peeters@telenet.be") == (Flag.EMAIL,)
    assert personal_data("Kerkstraat 12, 9000 Gent") == (Flag.ADDRESS,)
    assert personal_data("Damrak 1, 1012 LG Amsterdam") == (Flag.ADDRESS,)
    assert personal_data("Sanne werd geboren op 3 maart 1990") == (Flag.BIRTHDATE,)
    assert personal_data("06-12345678") == (Flag.PHONE,)
    assert personal_data("In 2023 Gent won de prijs; 150 deelnemers") == ()


def test_merge_deduplicates_across_queries() -> None:
    answers = {
        '"Sanne Peeters"': [
            Hit("https://www.facebook.com/sanne.peeters", "Sanne Peeters | Facebook", "kort"),
            Hit("javascript:alert(1)", "weg"),
        ],
        '"Sanne Peeters" Gent': [
            Hit("https://www.goudengids.be/x", "Sanne Peeters Gent", "Kerkstraat 12, 9000 Gent"),
            Hit(
                "https://facebook.com/sanne.peeters/?utm_source=y",
                "Sanne Peeters",
                "een langere beschrijving met 0471 12 34 56",
            ),
        ],
    }
    merged = {f.key: f for f in findings.merge(answers, SITES)}
    assert len(merged) == 2
    fb = merged[urls.key("https://facebook.com/sanne.peeters")]
    assert fb.queries == ('"Sanne Peeters"', '"Sanne Peeters" Gent')
    assert fb.rank == 1
    assert Flag.PHONE in fb.flags and "langere" in fb.snippet
    order = findings.ordered(merged.values())
    assert order[0].category == Category.PEOPLE  # a directory with an address exposes most


def _run(run_id: int, keys: dict[str, str], done: tuple[str, ...], provider: str = "brave") -> Run:
    answers: dict[str, list[Hit]] = {}
    for key, query in keys.items():
        answers.setdefault(query, []).append(Hit(f"https://example.org/{key}", key))
    return Run(
        id=run_id,
        started_at=datetime(2026, 11, run_id),
        finished_at=None,
        provider=provider,
        subject="Sanne Peeters",
        queries=done,
        done=done,
        status=RunStatus.COMPLETE,
        findings=tuple(findings.merge(answers, SITES)),
    )


def test_diff_between_two_snapshots() -> None:
    first = _run(1, {"a": "q1", "b": "q1", "c": "q2"}, ("q1", "q2"))
    second = _run(2, {"a": "q1", "d": "q1"}, ("q1", "q2"))
    diff = findings.diff(first, second)
    assert {f.title for f in diff.new} == {"d"}
    assert {f.title for f in diff.gone} == {"b", "c"}


def test_a_query_that_did_not_run_loses_nothing() -> None:
    first = _run(1, {"a": "q1", "c": "q2"}, ("q1", "q2"))
    partial = _run(2, {"a": "q1"}, ("q1",))  # stopped before q2
    assert [f.title for f in findings.diff(first, partial).gone] == []


def test_runs_compare_with_the_same_provider_and_name() -> None:
    brave = _run(1, {"a": "q1"}, ("q1",))
    ddg = _run(2, {"b": "q1"}, ("q1",), provider="duckduckgo")
    brave_again = _run(3, {"a": "q1"}, ("q1",))
    runs = [brave, ddg, brave_again]
    assert findings.previous_of(runs, brave_again) == brave
    assert findings.previous_of(runs, ddg) is None
    manual = _run(4, {"z": "q1"}, ("q1",), provider="manual")
    assert findings.diff(_run(3, {"a": "q1"}, ("q1",), provider="manual"), manual).gone == ()
