"""Turning the typed errors of every layer into a message and a hint in the user's language."""

from __future__ import annotations

import re

from onlineveilig.errors import (
    ChecklistConflict,
    ConfigError,
    ContentError,
    ExitCode,
    FieldProblem,
    OnlineveiligError,
    SearchError,
    SearchSetupError,
    SecretError,
    StoreError,
    StoreKind,
)
from onlineveilig.i18n import N_, _
from onlineveilig.outfile import OutputError
from onlineveilig.ui.oserrors import os_reason
from onlineveilig.ui.search_errors import (
    _explain_search,
    _explain_secret,
    _explain_setup,
)


def _problem(p: FieldProblem) -> str:
    kinds = {
        "missing": _("this field is missing"),
        "extra_forbidden": _("unknown field (a typo?)"),
        "string_too_short": _("may not be empty"),
        "too_short": _("needs at least one entry"),
        "string_type": _("must be text between quotes"),
        "int_type": _("must be a whole number"),
        "int_parsing": _("must be a whole number"),
        "list_type": _("must be a list [ ... ]"),
        "model_type": _("must be a table (key = value lines)"),
        "bool_type": _("must be true or false"),
        "bool_parsing": _("must be true or false"),
        "date_type": _("must be a date, for example 2026-11-23"),
        "date_parsing": _("must be a date, for example 2026-11-23"),
        "date_from_datetime_parsing": _("must be a date, for example 2026-11-23"),
        "date_from_datetime_inexact": _("must be a date, for example 2026-11-23"),
        "dict_type": _("must be a table (key = value lines)"),
        "too_long": _("has too many entries"),
        "string_too_long": _("is too long"),
        "greater_than_equal": _("must be at least %(ge)s"),
        "string_pattern_mismatch": _("may only hold lowercase letters, digits and dashes"),
    }
    if p.kind in ("enum", "literal_error"):
        expected = str(p.ctx.get("expected", "")).replace(" or ", " " + _("or") + " ")
        text = _("must be one of: %(expected)s") % {"expected": expected}
    elif p.kind in kinds:
        text = kinds[p.kind] % {k: str(v) for k, v in p.ctx.items()} if p.ctx else kinds[p.kind]
    elif p.kind == "value_error":
        text = _translate_value_error(p.detail)
    else:
        text = p.detail
    place = " › ".join(x for x in (p.item, p.field) if x)
    return f"{place}: {text}" if place else text


def _translate_value_error(detail: str) -> str:
    detail = detail.removeprefix("Value error, ")
    if "https://" in detail:
        return _("must be a full https:// address")
    twice = re.search(r"item id '([^']*)' appears twice", detail)
    if twice:
        return _("the id %(id)s appears twice in this file") % {"id": twice.group(1)}
    return detail


SETTINGS_HINT = N_(
    "If your settings name this file, choose another one with: onlineveilig config set "
    "checklist <path to the file> (for a rules file: onlineveilig config set rules <path to the "
    "file>). An empty value ('') switches it off."
)


def _name_hint(error: ContentError) -> str:
    """Where to correct the file's name: after the option it was typed after, else the setting."""
    if error.given:
        return _("Check the name of the file after %(given)s.") % {"given": error.given}
    return _(SETTINGS_HINT)


def toml_mistake(syntax: str) -> str:
    """Where a file is not valid TOML, from tomllib's words (line and column), in plain words."""
    where = re.search(r"line (\d+), column (\d+)", syntax)
    if where:
        return _(
            "The text of the file is not right on line %(line)s, near column %(column)s "
            "(often a missing quote, bracket or comma)."
        ) % {"line": where.group(1), "column": where.group(2)}
    return _("The text of the file is not right (often a missing quote, bracket or comma).")


def _explain_content(error: ContentError) -> tuple[str, str, ExitCode]:
    path = {"path": error.path}
    if error.kind == "missing":
        return (
            _("The file %(path)s does not exist (any more).") % path,
            _name_hint(error),
            ExitCode.CONTENT,
        )
    if error.kind == "not-a-file":
        return _("%(path)s is a folder, not a file.") % path, _name_hint(error), ExitCode.CONTENT
    if error.kind == "unreadable":
        message = _("The file %(path)s cannot be read.") % path
        return message, _("Check that you may open it, then try again."), ExitCode.CONTENT
    head = _("The file %(path)s cannot be used.") % path
    if error.kind == "not-utf8":
        lines = [_("It is not plain text in UTF-8: save it again as UTF-8 text.")]
    elif error.kind == "syntax":
        lines = [toml_mistake(error.syntax or "")]
    else:
        lines = [_problem(p) for p in error.problems]
    hint = _("Fix the file (or ask whoever gave it to you) and try again.")
    return head + "\n" + "\n".join(f"  {line}" for line in lines), hint, ExitCode.CONTENT


def explain(error: OnlineveiligError) -> tuple[str, str, ExitCode]:
    """(message, hint, exit code) for any of our errors."""
    if isinstance(error, OutputError):
        from onlineveilig.ui.outfile import explain_output

        return explain_output(error)
    if isinstance(error, SearchSetupError):
        message, hint = _explain_setup(error)
        return message, hint, ExitCode.USAGE
    if isinstance(error, SearchError):
        message, hint = _explain_search(error)
        return message, hint, ExitCode.SEARCH
    if isinstance(error, SecretError):
        message, hint = _explain_secret(error)
        return message, hint, ExitCode.USAGE
    if isinstance(error, ContentError):
        return _explain_content(error)
    if isinstance(error, ChecklistConflict):
        head = _("The checklist file %(path)s cannot be used.") % {"path": error.path}
        reasons = {
            "duplicate-section": _("section %(item)s also exists in %(other)s"),
            "duplicate-item": _("item %(item)s also exists in %(other)s"),
            "unknown-platform": _("item %(item)s names an unknown platform: %(other)s"),
            "unknown-disable": _("disable names %(item)s, but there is no such item"),
            "disable-in-builtin": _("only an organisation's file may switch items off"),
        }
        reason = reasons[error.kind] % {"item": error.item, "other": error.other}
        hint = _("Fix the file (or ask whoever gave it to you) and try again.")
        return f"{head}\n  {reason}", hint, ExitCode.CONTENT
    if isinstance(error, StoreError):
        messages: dict[StoreKind, str] = {
            StoreKind.DAMAGED: _("The history file %(path)s is damaged."),
            StoreKind.FOREIGN: _("The file %(path)s is not a history file of onlineveilig."),
            StoreKind.NEWER: _(
                "The history file %(path)s was made by a newer version of onlineveilig."
            ),
            StoreKind.UNREADABLE: _("The history file %(path)s cannot be opened."),
            StoreKind.LOCKED: _("The history file %(path)s is in use by another onlineveilig."),
            StoreKind.READONLY: _("The history file %(path)s cannot be written to."),
            StoreKind.CLOSED: _(
                "This audit was finished or stopped in another window; this answer was not saved."
            ),
        }
        message = messages[error.kind] % {"path": error.path}
        if error.kind == StoreKind.UNREADABLE and error.os_error is not None:
            message = _("The history file %(path)s cannot be opened: %(reason)s.") % {
                "path": error.path,
                "reason": os_reason(error.os_error),
            }
        if error.kind == "newer":
            hint = _("Update onlineveilig. The file was left as it is.")
        elif error.kind == "readonly":
            hint = _(
                "Check that you may write in that folder (or set ONLINEVEILIG_HOME to a folder "
                "of your own). Nothing was changed."
            )
        elif error.kind == "locked":
            hint = _("Finish or close the other window where onlineveilig runs, then try again.")
        elif error.kind == StoreKind.CLOSED:
            hint = _("What you answered before is kept. Start a new audit with: onlineveilig audit")
        else:
            hint = _(
                "The file was left as it is. Move it elsewhere to start a new history, "
                "or set ONLINEVEILIG_HOME to use another folder."
            )
        return message, hint, ExitCode.STORE
    if isinstance(error, ConfigError):
        from onlineveilig.ui.config_errors import explain_config

        return explain_config(error)
    return str(error), "", ExitCode.USAGE
