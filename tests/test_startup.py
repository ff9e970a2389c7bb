"""Start-up: the built-in checklists come from a validated compiled copy that is never stale,
`status` needs no pydantic, and sections answer to an English id too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from onlineveilig.content.help import load_help
from onlineveilig.content.loader import COMPILED, builtin_dir, compile_builtin, load_content
from onlineveilig.errors import ContentError

from .conftest import Clock, run
from .helpers import item, section


def test_compiled_copy_of_the_builtin_checklists_is_up_to_date() -> None:
    # compile_builtin validates every built-in file against the schema and against each other.
    shipped = (builtin_dir() / COMPILED).read_text(encoding="utf-8")
    assert shipped == compile_builtin(), "checklists/compiled.json is stale: run make checklists"


def test_the_other_shipped_files_are_valid() -> None:
    from onlineveilig.content.loader import load_sites

    assert load_help().lines and load_sites().categories


def test_an_edited_builtin_file_is_read_and_validated_not_the_old_copy(tmp_path: Path) -> None:
    folder = tmp_path / "checklists"
    shutil.copytree(builtin_dir(), folder)
    path = folder / "sections" / "team.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title.en = "Together as a team"', 'title.en = "Us"'), "utf-8")
    assert load_content(folder).section("team").title.en == "Us"  # type: ignore[union-attr]
    path.write_text(text.replace("version = 1", "version = 0"), "utf-8")
    with pytest.raises(ContentError):
        load_content(folder)


def _imported(args: list[str], tmp_path: Path) -> str:
    env = dict(os.environ, ONLINEVEILIG_HOME=str(tmp_path / "home"), NO_COLOR="1")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "onlineveilig", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    return done.stderr


def test_status_starts_without_pydantic_and_check_without_rich(tmp_path: Path) -> None:
    assert " pydantic" not in _imported(["status"], tmp_path)
    checked = _imported(["status", "--check"], tmp_path)
    assert " pydantic" not in checked and " rich" not in checked


AFTER_STATUS = """
import sys
from onlineveilig.cli import main
try:
    main(["status"])
except SystemExit:
    pass
print("rich loaded" if "rich" in sys.modules else "no rich", file=sys.stderr)
"""


def test_status_with_open_action_points_loads_no_rich(tmp_path: Path, frozen: Clock) -> None:
    from .test_status_history import full_audit

    full_audit(first_no="werktelefoon is besteld")  # one open action point: status shows a table
    env = dict(os.environ, ONLINEVEILIG_HOME=str(tmp_path / "home"), NO_COLOR="1", COLUMNS="80")
    done = subprocess.run(
        [sys.executable, "-c", AFTER_STATUS],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "┏" in done.stdout and "werktelefoon is besteld" in done.stdout
    assert done.stderr.strip() == "no rich"


def test_builtin_sections_have_unique_english_ids() -> None:
    content = load_content()
    names = [n for s in content.sections for n in s.ids()]
    assert len(names) == len(set(names))
    assert all(s.id_en for s in content.sections)
    assert content.section("presence") is content.section("aanwezigheid")


def test_english_mode_lists_and_finds_sections_by_english_id(frozen: Clock) -> None:
    listing = run(["--lang", "en", "checklists"])
    assert "presence" in listing.output and "aanwezigheid" not in listing.output
    # The first run kept English (a --lang given once is kept): ask for Dutch explicitly.
    assert "aanwezigheid" in run(["--lang", "nl", "checklists"]).output
    one = run(["--lang", "en", "checklists", "agreements"])
    assert one.exit_code == 0 and "Agreements with clients" in one.output
    missing = run(["--lang", "en", "checklists", "nope"])
    assert "Sections: presence," in missing.output and "organisation" in missing.output
    data = json.loads(run(["checklists", "--json"]).stdout)
    assert {"id": "aanwezigheid", "id_en": "presence"}.items() <= data["sections"][0].items()


def test_audit_section_accepts_the_english_id(frozen: Clock) -> None:
    english = run(["--lang", "en", "audit", "--section", "presence"], input="\n\n\n\n\nstop\n")
    assert "There is no section" not in english.output
    assert "Your online presence" in english.output


def test_organisation_section_may_not_take_a_builtin_english_id(
    tmp_path: Path, frozen: Clock
) -> None:
    path = tmp_path / "org.toml"
    path.write_text(section("presence", 90, item("eigen-punt")), encoding="utf-8")
    result = run(["checklists", "--checklist", str(path)])
    assert result.exit_code == 3
    assert "presence" in result.output
