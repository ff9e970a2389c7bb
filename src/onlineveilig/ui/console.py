"""The two consoles: stdout for results, stderr for errors and hints."""

from __future__ import annotations

from rich.console import Console


def out() -> Console:
    return Console(highlight=False, emoji=False)


def err() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def ask(console: Console, prompt: str) -> str:
    """Read one line; the prompt is shown literally ([ja/nee] is not taken as markup)."""
    from rich.text import Text

    return console.input(Text(prompt))
