"""The two consoles: stdout for results, stderr for errors and hints.

Questions to the user live in onlineveilig.ui.prompts.
"""

from __future__ import annotations

from rich.console import Console


def out() -> Console:
    return Console(highlight=False, emoji=False)


def err() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)
