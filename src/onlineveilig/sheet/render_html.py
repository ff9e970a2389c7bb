"""The sheet as one self-contained HTML file: inline CSS, no script, no outside resources, A4
print style. Rendered with the one Jinja environment of onlineveilig.render.html (autoescape on);
the portal's address is a link only when onlineveilig.render.safe_url allows it."""

from __future__ import annotations

from onlineveilig.render.html import jinja_env

from .model import Sheet, plain_sheet


def to_html(sheet: Sheet) -> str:
    template = jinja_env().get_template("afspraken-blad.html")
    return template.render(sheet=plain_sheet(sheet))
