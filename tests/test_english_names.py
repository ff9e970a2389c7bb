"""English names for the Dutch-named commands and options: shown in English, working in both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest

from onlineveilig import cli, i18n, names

from .conftest import run
from .rules_samples import FULL, write_rules


def flat(text: str) -> str:
    return " ".join(text.split())


def listed(help_text: str) -> list[str]:
    """The first word of each line in the Commands section of a help text."""
    section = help_text.split("Commands:" if "Commands:" in help_text else "Commando's:")[1]
    return [
        line.split()[0] for line in section.splitlines() if line.startswith("  ") and line[2] != " "
    ]


def test_english_help_lists_english_command_names() -> None:
    shown = listed(run(["--lang", "en", "--help"]).output)
    assert {"rules", "helplines"} <= set(shown)
    assert not {"afspraken", "hulp"} & set(shown)
    assert listed(run(["--lang", "en", "rules", "--help"]).output) == ["init", "show", "sheet"]


def test_dutch_help_keeps_the_dutch_names() -> None:
    shown = listed(run(["--help"]).output)
    assert {"afspraken", "hulp"} <= set(shown)
    assert not {"rules", "helplines"} & set(shown)
    assert listed(run(["afspraken", "--help"]).output) == ["init", "show", "blad"]


def test_english_help_shows_english_option_names() -> None:
    helplines = run(["--lang", "en", "helplines", "--help"]).output
    assert "--country be|nl|all" in helplines and "--land" not in helplines
    sheet = run(["--lang", "en", "rules", "sheet", "--help"]).output
    assert "Usage: onlineveilig rules sheet" in sheet
    assert "--young" in sheet and "--jongeren" not in sheet
    hulp = run(["hulp", "--help"]).output
    assert "--land be|nl|all" in hulp and "--country" not in hulp


def test_an_option_that_is_already_english_is_shown_in_dutch_too() -> None:
    assert "--country" in run(["search-me", "--help"]).output


def test_dutch_names_work_in_english_and_english_names_in_dutch(tmp_path: Path) -> None:
    path = str(write_rules(tmp_path, FULL))
    dutch = run(["--lang", "en", "hulp", "--land", "nl", "--rules", path])
    english = run(["--lang", "en", "helplines", "--country", "nl", "--rules", path])
    assert dutch.exit_code == english.exit_code == 0
    assert flat(dutch.stdout) == flat(english.stdout)
    assert "Help lines: the Netherlands" in flat(english.stdout)
    in_dutch = run(["--lang", "nl", "helplines", "--country", "be", "--rules", path])
    assert in_dutch.exit_code == 0 and "Hulplijnen: België" in flat(in_dutch.stdout)
    sheet = run(["rules", "sheet", "--young", "--rules", path, "--format", "md", "-o", "-"])
    blad = run(["afspraken", "blad", "--jongeren", "--rules", path, "--format", "md", "-o", "-"])
    assert sheet.exit_code == blad.exit_code == 0
    assert sheet.stdout == blad.stdout


def test_a_typo_is_answered_with_the_english_name() -> None:
    result = run(["--lang", "en", "helpline"])
    assert result.exit_code == 2
    assert "Unknown command: helpline (did you mean helplines?)" in flat(result.output)


def _tree(group: click.Group, ctx: click.Context) -> list[tuple[click.Group, click.Command]]:
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        found.append((group, command))
        if isinstance(command, click.Group):
            found += _tree(command, click.Context(command, parent=ctx, info_name=name))
    return found


@pytest.fixture
def tree() -> list[tuple[click.Group, click.Command]]:
    i18n.set_language("nl")
    top: Any = cli.make_app()
    import typer.main

    root = typer.main.get_command(top)
    assert isinstance(root, click.Group)
    return _tree(root, click.Context(root, info_name="onlineveilig"))


def test_every_english_name_is_in_use_and_clashes_with_nothing(
    tree: list[tuple[click.Group, click.Command]],
) -> None:
    """`rules` always means afspraken, `--country` of hulp always --land; no stale names."""
    used = set()
    for group, command in tree:
        if command.name in names.ENGLISH:
            used.add(command.name)
            siblings = {c.name for g, c in tree if g is group}
            assert names.ENGLISH[command.name] not in siblings
        for param in command.params:
            others = {o for p in command.params if p is not param for o in getattr(p, "opts", [])}
            for opt in getattr(param, "opts", []):
                if opt in names.ENGLISH:
                    used.add(opt)
                    assert names.ENGLISH[opt] in param.opts and names.ENGLISH[opt] not in others
    assert used == set(names.ENGLISH), "a name in onlineveilig.names no longer exists"
