"""The table of open action points — its title, columns and cells — in one place, for the
rich table (end of the audit) and the plain writer (`status`). Imports no rich."""

from __future__ import annotations

from datetime import date

from onlineveilig.audit.model import Action
from onlineveilig.content.loader import Content
from onlineveilig.i18n import _, language
from onlineveilig.text import age, clean, day
from onlineveilig.ui.light import Column


def open_for(days: int) -> str:
    """How long an action point is open, under the header 'Open for' ('today' would not fit)."""
    return age(days) if days > 0 else _("less than a day")


def title() -> str:
    return _("Open action points")


def columns() -> list[Column]:
    return [
        Column(_("Item"), fold=True),
        Column(_("Open since"), no_wrap=True),
        Column(_("Open for"), no_wrap=True, justify="right"),
        Column(_("Note"), fold=True),
    ]


def rows(content: Content, actions: list[Action], today: date) -> list[list[str]]:
    """One row per action point; the question and the note cleaned (they may come from a file)."""
    lang = language()
    out = []
    for action in actions:
        found = content.item(action.item_id)
        label = found[1].question.get(lang) if found else action.item_id
        out.append(
            [clean(label), day(action.since), open_for(action.age_days(today)), clean(action.note)]
        )
    return out
