"""Showing text that came from somewhere else (notes, files, web pages) without it taking over.

Rich markup is never parsed from such text (it becomes a rich Text object), and control
characters, ANSI escapes and bidirectional overrides are replaced so a line cannot rewrite the
screen or hide what it says.
"""

from __future__ import annotations

from rich.text import Text

from onlineveilig.text import clean

__all__ = ["clean", "text"]


def text(value: str, style: str = "", *, keep_newlines: bool = False) -> Text:
    """A rich Text that shows `value` literally (no markup), cleaned of control characters."""
    return Text(clean(value, keep_newlines=keep_newlines), style=style)
