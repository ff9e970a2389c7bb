"""`status` prints without rich (ui/light.py), and what a user sees stays what rich showed: the
same table of open action points, the same wrapped lines, colour only where rich gave it."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console
from rich.text import Text

from onlineveilig.audit.model import Action
from onlineveilig.content.loader import load_content
from onlineveilig.ui import actions as action_table
from onlineveilig.ui import cards
from onlineveilig.ui.light import Writer, cell_len

from .conftest import Clock, run
from .test_status_history import full_audit

TODAY = date(2026, 12, 3)
LONG_NOTE = (
    "eerst vragen aan de IT-dienst of de werktelefoon al besteld is, daarna samen met de "
    "teamleider de instellingen doorlopen en noteren wat er veranderd is"
)
LINK = "https://www.example.org/een/heel/lang/adres/dat/in/geen/enkele/kolom/past?met=vraag"


def _actions(long: bool) -> list[Action]:
    ids = [s.items[0].id for s in load_content().sections][:3]
    notes = (
        [LONG_NOTE, LINK, "[bold]geen opmaak[/bold] \x1b[31mrood\x1b[0m"]
        if long
        else ["", "ok", ""]
    )
    actions = [
        Action(i, date(2026, m, 1), n) for i, m, n in zip(ids, (1, 11, 12), notes, strict=True)
    ]
    if long:  # an item that is no longer in the checklist shows its id: a long word to fold
        actions.append(
            Action(
                "een-punt-dat-niet-meer-in-de-checklist-staat-en-heel-lang-is",
                TODAY,
                "日本語のメモ 👍",
            )
        )
    return actions


def _rich(width: int, actions: list[Action]) -> list[str]:
    buf = io.StringIO()
    console = Console(
        file=buf, width=width, color_system=None, legacy_windows=False, highlight=False, emoji=False
    )
    console.print(cards.actions_table(load_content(), actions, TODAY))
    return buf.getvalue().splitlines()


def _light(width: int, actions: list[Action], **env: str) -> list[str]:
    buf = io.StringIO()
    writer = Writer(buf, {"COLUMNS": str(width), **env})
    content = load_content()
    writer.table(
        action_table.title(), action_table.columns(), action_table.rows(content, actions, TODAY)
    )
    return buf.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 100, 60, 40])
@pytest.mark.parametrize("long", [False, True])
def test_the_action_table_looks_as_rich_drew_it(width: int, long: bool) -> None:
    actions = _actions(long)
    light = _light(width, actions)
    assert light == _rich(width, actions)
    assert all(cell_len(line) <= width for line in light)
    assert light[0].startswith("Open actiepunten")
    assert light[1].startswith("┏━") and light[-1].startswith("└─")
    if width >= 60:
        assert "┃ Punt" in light[2] and "Al open ┃ Notitie" in light[2]


def test_untrusted_text_in_the_table_is_shown_literally_and_cleaned() -> None:
    shown = "\n".join(_light(100, _actions(True)))
    assert "[bold]geen opmaak[/bold]" in shown  # no markup read from a note
    assert "\x1b" not in shown  # an escape code in a note cannot colour or move anything
    assert "rood" in shown


class Latin1(io.StringIO):
    encoding = "latin-1"


def test_ascii_lines_where_the_output_cannot_show_box_characters() -> None:
    actions = _actions(False)
    rich_out, light_out = Latin1(), Latin1()
    console = Console(file=rich_out, width=80, color_system=None, highlight=False, emoji=False)
    console.print(cards.actions_table(load_content(), actions, TODAY))
    rows = action_table.rows(load_content(), actions, TODAY)
    Writer(light_out, {"COLUMNS": "80"}).table(action_table.title(), action_table.columns(), rows)
    assert light_out.getvalue() == rich_out.getvalue()
    assert light_out.getvalue().splitlines()[1].startswith("+---")


def _line(env: dict[str, str], width: int = 40) -> str:
    buf = io.StringIO()
    Writer(buf, {"COLUMNS": str(width), **env}).line(
        ("Volgende controle: 2 december 2026 (1 dag te laat)", "bold red"), " en verder"
    )
    return buf.getvalue()


def test_lines_wrap_at_words_as_rich_wrapped_them() -> None:
    text = (
        "Er wacht een onderbroken controle: 3 van 20 beantwoord. 'onlineveilig audit' gaat verder."
    )
    for width in (30, 40, 80):
        buf = io.StringIO()
        Console(file=buf, width=width, color_system=None, highlight=False, emoji=False).print(
            Text(text)
        )
        light = io.StringIO()
        Writer(light, {"COLUMNS": str(width)}).line((text, "yellow"))
        assert light.getvalue() == buf.getvalue()


def test_colour_only_on_a_terminal_and_bold_kept_without_colour() -> None:
    assert "\x1b[" not in _line({})  # not a terminal (a file, a pipe): plain text
    forced = _line({"FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[1;31mVolgende controle:" in forced
    assert _line({"FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm"}).startswith(
        "\x1b[1mVolgende"
    )
    assert "\x1b[" not in _line({"FORCE_COLOR": "1", "TERM": "dumb"})
    assert "\x1b[" not in _line({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"})


def test_status_shows_the_table_and_the_lines(frozen: Clock) -> None:
    full_audit(first_no="werktelefoon is besteld")
    result = run(["status"], env={"COLUMNS": "80"})
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert any(line.startswith("Laatste controle:") for line in lines)
    assert any(line.startswith("┃ Punt") and "Al open ┃ Notitie" in line for line in lines)
    assert any("werktelefoon" in line for line in lines)
    assert all(len(line) <= 80 for line in lines)
    english = run(["--lang", "en", "status"], env={"COLUMNS": "100"}).output
    assert "Open action points" in english and "Open for" in english
