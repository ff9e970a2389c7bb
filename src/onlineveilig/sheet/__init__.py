"""The agreement sheet: the organisation's rules in plain words, to go through with a client.

Shaped like the report: what it contains (model), how it is built (build), how it is written out
(render_html, render_md). Nothing here writes files. The names below are the package's public
ones (`from onlineveilig.sheet import build, to_html, to_markdown, detail_label`).
"""

from __future__ import annotations

from .build import build
from .model import Block, Line, Sheet
from .render_html import to_html
from .render_md import to_markdown
from .words import detail_label

__all__ = ["Block", "Line", "Sheet", "build", "detail_label", "to_html", "to_markdown"]
