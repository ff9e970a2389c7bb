"""`onlineveilig afspraken show`: the organisation's rules in the terminal, or as JSON."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from onlineveilig.commands.common import print_json, required_rules
from onlineveilig.i18n import _
from onlineveilig.ui import console
from onlineveilig.ui import rules as view


def run_show(option: Path | None, as_json: bool) -> None:
    path, rules = required_rules(option)
    if as_json:
        print_json(
            {
                "path": str(path),
                "rules": rules.model_dump(by_alias=True, exclude_none=True, mode="json"),
                "facts": rules.facts(),
            }
        )
        return
    out = console.out()
    for part in view.rules_view(rules):
        out.print(part)
        out.print()
    out.print(Text(_("File: %(path)s") % {"path": path}, style="dim"), soft_wrap=True)
