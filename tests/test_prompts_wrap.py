"""A question wider than the terminal breaks between words, never inside one ("Enter o / m")."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from onlineveilig import i18n
from onlineveilig.ui import prompts

NOTE = (
    "Bewaard als 'nee' (een actiepunt). Een notitie erbij? (mag leeg blijven, Enter om over "
    "te slaan): "
)


def terminal(width: int) -> tuple[Console, io.StringIO]:
    screen = io.StringIO()
    return Console(file=screen, width=width, force_terminal=True, color_system=None), screen


def test_the_note_question_of_the_audit_breaks_between_words_at_80_columns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    console, screen = terminal(80)
    monkeypatch.setattr(console, "input", lambda *_a, **_k: "mijn notitie")
    assert prompts.line(console, NOTE, stop=False) == "mijn notitie"
    shown = screen.getvalue()
    lines = shown.split("\n")
    assert len(lines) == 2
    assert all(len(line) < 80 for line in lines)
    assert lines[0].endswith("Enter") and lines[1].startswith("om over")  # "om" stays whole
    assert " ".join(shown.split()) == " ".join(NOTE.split())  # nothing lost
    assert shown.endswith(": ")  # the answer is typed after the question, as before


def test_the_real_note_prompt_fits_80_columns() -> None:
    i18n.set_language("nl")
    text = i18n._(
        "Saved as '%(answer)s' (an action point). A note for it? (optional, Enter to skip): "
    ) % {"answer": "nee"}
    assert all(len(line) < 80 for line in prompts.wrap_prompt(text, 80).split("\n"))


def test_a_long_path_in_a_question_stays_whole_on_a_line_of_its_own() -> None:
    path = "/home/sanne/" + "een-heel-lange-mapnaam/" * 5 + "afspraken.toml"
    wrapped = prompts.wrap_prompt(f"{path} bestaat al. Overschrijven? [ja/nee] (nee): ", 80)
    assert path in wrapped.split("\n")
    assert wrapped.endswith("(nee): ")


def test_a_short_question_is_left_as_it_is() -> None:
    assert prompts.wrap_prompt("Je keuze (Enter: 1): ", 80) == "Je keuze (Enter: 1): "
