"""`onlineveilig afspraken blad`: the sheet to go through with a client, as HTML or Markdown."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from rich.text import Text

from onlineveilig import clock
from onlineveilig.commands.common import required_rules, write_output
from onlineveilig.i18n import _, language
from onlineveilig.ui import console


class Format(StrEnum):
    HTML = "html"
    MD = "md"


def run_blad(form: Format, young: bool, output: str | None, option: Path | None) -> None:
    from onlineveilig import sheet

    _path, rules = required_rules(option)
    made = sheet.build(rules, language(), young)
    content = sheet.to_html(made) if form == Format.HTML else sheet.to_markdown(made)
    name = f"afspraken-blad{'-jongeren' if young else ''}-{clock.today().isoformat()}.{form.value}"
    target = write_output(output, content, name)
    if target is None:
        return
    out = console.out()
    out.print(Text(_("Sheet written: %(path)s") % {"path": target}, style="bold"), soft_wrap=True)
    if form == Format.HTML:
        out.print(_("Open it in your browser to print it, or send it to the client."))
