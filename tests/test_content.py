"""The checklists: complete in both languages, and a broken file explained, never a traceback."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from onlineveilig.content.loader import builtin_dir, load_content
from onlineveilig.content.models import Priority

from .conftest import Clock, run
from .helpers import item, section

PLATFORMS = {"facebook", "instagram", "linkedin", "tiktok", "x", "whatsapp", "snapchat", "google"}


def test_builtin_checklists_load_in_both_languages() -> None:
    content = load_content()  # require_english=True for built-in files
    assert len(content.items()) >= 40
    for sec, it in content.items():
        for text in (it.question, it.why):
            assert text.en and text.nl and text.en != text.nl, it.id
        assert it.steps.en and len(it.steps.en) == len(it.steps.nl), it.id
        assert it.question.nl.rstrip().endswith("?"), it.id
        assert it.question.en.rstrip().endswith("?"), it.id
        for link in it.links:
            assert link.label.en, it.id
        assert sec.title.en


def test_every_platform_has_privacy_items_and_a_guide() -> None:
    content = load_content()
    assert {p.id for p in content.platforms} >= PLATFORMS
    for platform in PLATFORMS:
        sections = [s for s in content.sections if s.platform == platform]
        assert sections and sum(len(s.items) for s in sections) >= 2, platform
        guide = content.platform(platform)
        assert guide is not None and guide.exposure, platform


def test_seed_ids_look_like_the_guidance_ids_and_all_parts_are_covered() -> None:
    content = load_content()
    seeds = {s for _sec, it in content.items() for s in it.seed}
    assert all(re.fullmatch(r"(zelf|organisatie)\.[a-z-]+\.[a-z-]+", s) for s in seeds)
    parts = {s.rsplit(".", 1)[0] for s in seeds}
    assert {"zelf.aanwezigheid", "zelf.afspraken", "zelf.teamcultuur"} <= parts
    assert sum(1 for p in parts if p.startswith("organisatie.")) == 7  # all seven in the guidance
    assert len(seeds) >= 32


def test_every_section_has_essential_items_first_in_mind() -> None:
    content = load_content()
    assert any(it.priority == Priority.ESSENTIAL for _s, it in content.items())


def test_builtin_files_are_plain_toml_in_the_package_folder() -> None:
    folder = builtin_dir()
    files = sorted((folder / "sections").glob("*.toml"))
    assert files
    for path in files:
        tomllib.loads(path.read_text(encoding="utf-8"))


def org_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "organisatie.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_broken_toml_names_the_file(tmp_path: Path, frozen: Clock) -> None:
    path = org_file(tmp_path, 'id = "org"\nversion = \n')
    result = run(["audit", "--checklist", str(path)])
    assert result.exit_code == 3
    assert f"Het bestand {path} is niet bruikbaar." in result.output
    assert "De tekst van het bestand klopt niet" in result.output
    assert "Traceback" not in result.output


def test_bad_field_names_file_item_and_field(tmp_path: Path, frozen: Clock) -> None:
    body = section("org", 90, item("eigen-punt", frequency="weekly"))
    path = org_file(tmp_path, body)
    result = run(["checklists", "--checklist", str(path)])
    assert result.exit_code == 3
    assert str(path) in result.output
    assert "eigen-punt › frequency: moet een van deze zijn" in result.output


def test_typo_in_a_key_is_refused(tmp_path: Path, frozen: Clock) -> None:
    body = section("org", 90, item("eigen-punt").replace("priority", "prority"))
    result = run(["--lang", "en", "checklists", "--checklist", str(org_file(tmp_path, body))])
    assert result.exit_code == 3
    assert "eigen-punt › prority: unknown field (a typo?)" in result.output
    assert "eigen-punt › priority: this field is missing" in result.output


def test_missing_file_is_explained(tmp_path: Path, frozen: Clock) -> None:
    result = run(["checklists", "--checklist", str(tmp_path / "weg.toml")])
    assert result.exit_code == 3
    assert "weg.toml bestaat niet (meer)" in result.output
    assert "config set checklist" in result.output


def test_organisation_adds_items_and_switches_builtin_ones_off(
    tmp_path: Path, frozen: Clock
) -> None:
    builtin = load_content()
    off = builtin.items()[0][1].id
    body = f'disable = ["{off}"]\n' + section(
        "onze-afspraken",
        35,
        item("gsm-van-het-werk").replace('question.en = "Question gsm-van-het-werk?"\n', ""),
    )
    path = org_file(tmp_path, body)
    listing = run(["checklists", "--checklist", str(path), "--json"])
    assert listing.exit_code == 0, listing.output
    data = __import__("json").loads(listing.stdout)
    sections = {s["id"]: s for s in data["sections"]}
    assert sections["onze-afspraken"]["items"] == ["gsm-van-het-werk"]
    assert off in data["disabled"]
    assert all(off not in s["items"] for s in data["sections"])
    # The organisation wrote Dutch only: English users see the Dutch text rather than nothing.
    english = run(
        ["--lang", "en", "audit", "--checklist", str(path), "--section", "onze-afspraken"],
        input="\n\n\n\n\nyes\n",
    )
    assert "Vraag gsm-van-het-werk?" in english.output


def test_organisation_item_may_not_reuse_a_builtin_id(tmp_path: Path, frozen: Clock) -> None:
    taken = load_content().items()[0][1].id
    path = org_file(tmp_path, section("org", 90, item(taken)))
    result = run(["checklists", "--checklist", str(path)])
    assert result.exit_code == 3
    assert f"punt {taken} bestaat ook in" in result.output


@pytest.mark.parametrize("bad", ['disable = ["bestaat-niet"]\n'])
def test_switching_off_an_unknown_item_is_an_error(tmp_path: Path, frozen: Clock, bad: str) -> None:
    path = org_file(tmp_path, bad + section("org", 90, item("x-punt")))
    result = run(["checklists", "--checklist", str(path)])
    assert result.exit_code == 3
    assert "disable noemt bestaat-niet" in result.output


def test_checklist_setting_is_used_by_the_audit(tmp_path: Path, frozen: Clock) -> None:
    path = org_file(tmp_path, section("org", 90, item("eigen-punt")))
    assert run(["config", "set", "checklist", str(path)]).exit_code == 0
    listing = run(["checklists"])
    assert "org" in listing.output and "Onderdeel org" in listing.output


def test_the_items_of_one_section_can_be_listed(frozen: Clock) -> None:
    result = run(["checklists", "team"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Samen als team" in result.output and "team-samen-reageren" in result.output
    assert "Hoe vaak" in result.output
    # At 80 columns each item is a block, so the question is not squeezed beside the ids.
    narrow = run(["checklists", "organisatie"], env={"COLUMNS": "80"}).output
    assert "org-versterking-bij-escalatie  essentieel · elke drie maanden" in narrow
    assert "org-beleid  aanbevolen · één keer per jaar" in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 80
    data = __import__("json").loads(run(["checklists", "team", "--json"]).stdout)
    assert data["section"] == "team" and len(data["items"]) == 4
    assert run(["checklists", "teem"]).exit_code == 2
