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
    RateLimited,
    SearchError,
    SearchKind,
    SearchSetupError,
    SecretError,
    SetupKind,
    StoreError,
    StoreKind,
)
from onlineveilig.i18n import N_, _, ngettext
from onlineveilig.outfile import OutputError


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
    "Is the path in your settings? Change it with 'onlineveilig config set checklist FILE' or "
    "'onlineveilig config set rules FILE'; an empty value ('') switches it off."
)


def _explain_content(error: ContentError) -> tuple[str, str, ExitCode]:
    path = {"path": error.path}
    if error.kind == "missing":
        return (
            _("The file %(path)s does not exist (any more).") % path,
            _(SETTINGS_HINT),
            ExitCode.CONTENT,
        )
    if error.kind == "not-a-file":
        return _("%(path)s is a folder, not a file.") % path, _(SETTINGS_HINT), ExitCode.CONTENT
    if error.kind == "unreadable":
        message = _("The file %(path)s cannot be read.") % path
        return message, _("Check that you may open it, then try again."), ExitCode.CONTENT
    head = _("The file %(path)s cannot be used.") % path
    if error.kind == "not-utf8":
        lines = [_("It is not plain text in UTF-8: save it again as UTF-8 text.")]
    elif error.kind == "syntax":
        where = re.search(r"line (\d+), column (\d+)", error.syntax or "")
        if where:
            lines = [
                _(
                    "It is not valid TOML: there is a mistake on line %(line)s, near column "
                    "%(column)s (often a missing quote, bracket or comma)."
                )
                % {"line": where.group(1), "column": where.group(2)}
            ]
        else:
            lines = [_("It is not valid TOML (often a missing quote, bracket or comma).")]
    else:
        lines = [_problem(p) for p in error.problems]
    hint = _("Fix the file (or ask whoever gave it to you) and try again.")
    return head + "\n" + "\n".join(f"  {line}" for line in lines), hint, ExitCode.CONTENT


def wait_time(seconds: int) -> str:
    """'in 40 seconds', 'in 3 minutes', 'on 1 December 2026' — when a limit resets."""
    from datetime import timedelta

    from onlineveilig import clock
    from onlineveilig.text import day

    if seconds < 90:
        return ngettext("in %(n)d second", "in %(n)d seconds", seconds) % {"n": seconds}
    if seconds < 90 * 60:
        minutes = round(seconds / 60)
        return ngettext("in %(n)d minute", "in %(n)d minutes", minutes) % {"n": minutes}
    if seconds < 36 * 3600:
        hours = round(seconds / 3600)
        return ngettext("in %(n)d hour", "in %(n)d hours", hours) % {"n": hours}
    return _("on %(date)s") % {"date": day((clock.now() + timedelta(seconds=seconds)).date())}


def other_providers(current: str) -> str:
    """The hint to try elsewhere, naming only providers other than the one that failed."""
    others = [f"--provider {p}" for p in ("brave", "searxng", "duckduckgo") if p != current]
    return _(
        "You can use another provider (%(others)s), or the manual mode (--provider manual): it "
        "lists the search pages to open in your own browser."
    ) % {"others": (" " + _("or") + " ").join(others)}


def _explain_search(error: SearchError) -> tuple[str, str]:
    from onlineveilig.search.providers import LABELS

    v = {
        "host": error.host or error.provider,
        "provider": LABELS.get(error.provider, error.provider),
        "status": error.status or "",
        "detail": error.detail,
    }
    kind = error.kind
    if isinstance(error, RateLimited):
        message = _("%(provider)s says its limit is reached for now.") % v
        if error.reset is not None:
            message += " " + _("You can search again %(when)s.") % {"when": wait_time(error.reset)}
        if error.provider == "brave":
            hint = _(
                "A free plan allows about one search a second and a fixed number a month. "
                "Wait, or use another provider for now (--provider duckduckgo or --provider manual)."
            )
        else:
            hint = _("Wait a few minutes and try again.") + " " + other_providers(error.provider)
        return message, hint
    texts: dict[SearchKind, tuple[str, str]] = {
        SearchKind.RATE_LIMITED: (
            _("%(provider)s says its limit is reached for now."),
            _("Wait a few minutes and try again.") + " " + other_providers(error.provider),
        ),
        SearchKind.NO_NETWORK: (
            _("Could not reach %(host)s: is this computer connected to the internet?"),
            _("Check the connection (Wi-Fi, cable) and try again."),
        ),
        SearchKind.DNS: (
            _("The address %(host)s could not be found."),
            _(
                "Check that this computer is connected to the internet and that the address is "
                "right (--endpoint or onlineveilig config show)."
            ),
        ),
        SearchKind.REFUSED: (
            _("%(host)s did not accept the connection."),
            _("Is the address right, and is the service running? Try again later."),
        ),
        SearchKind.TIMEOUT: (
            _("%(host)s took too long to answer."),
            _("Try again later, or give it more time, for example with --timeout 30."),
        ),
        SearchKind.TLS: (
            _(
                "The secure connection with %(host)s could not be trusted: its certificate is "
                "not valid for this address."
            ),
            _(
                "Nothing was sent. Check the address. On a work or school network, ask IT "
                "whether something checks the traffic in between."
            ),
        ),
        SearchKind.BROKEN: (
            _("The connection with %(host)s broke off, also when tried again."),
            _("Try again later."),
        ),
        SearchKind.BLOCKED: (
            _(
                "%(provider)s blocked the search: it took onlineveilig for a robot (it answered "
                "with a check page instead of results)."
            ),
            _("This does not mean that nothing was found.") + " " + other_providers(error.provider),
        ),
        SearchKind.BAD_KEY: (
            _("%(provider)s did not accept your API key."),
            _(
                "Copy the key from your Brave Search API dashboard and save it again: "
                "onlineveilig key set brave"
            ),
        ),
        SearchKind.NO_KEY: (
            _("There is no API key for %(provider)s yet."),
            _(
                "Save your key with: onlineveilig key set brave (or put it in the environment "
                "variable ONLINEVEILIG_BRAVE_KEY). See all providers with: "
                "onlineveilig search-me --providers"
            ),
        ),
        SearchKind.JSON_DISABLED: (
            _(
                "The SearXNG instance %(host)s refuses the JSON answers onlineveilig needs "
                "(it answered 403)."
            ),
            _(
                "Its administrator can allow them by adding json to search: formats: in the "
                "instance's settings.yml. Or choose another instance: "
                "onlineveilig config set searxng-url ADDRESS"
            ),
        ),
        SearchKind.ENGINES_DOWN: (
            _(
                "The search engines behind %(host)s did not answer (blocked or too slow: "
                "%(detail)s), so there are no results to show."
            ),
            _("This does not mean that nothing was found.") + " " + other_providers(error.provider),
        ),
        SearchKind.SERVER: (
            _("%(host)s has a problem of its own (error %(status)s), also when tried again."),
            _("Try again later.") + " " + other_providers(error.provider),
        ),
        SearchKind.HTTP: (
            _("%(host)s answered with an unexpected code (%(status)s)."),
            _("Check the address (--endpoint or onlineveilig config show).")
            + " "
            + other_providers(error.provider),
        ),
        SearchKind.REDIRECT: (
            _("%(host)s sent onlineveilig to another address instead of answering."),
            _(
                "onlineveilig does not follow that on its own. Check the address (--endpoint or "
                "onlineveilig config show)."
            ),
        ),
        SearchKind.MALFORMED: (
            _(
                "The answer of %(host)s could not be read: it is not the page or data "
                "onlineveilig expects."
            ),
            _("The service may have changed.") + " " + other_providers(error.provider),
        ),
        SearchKind.TOO_LARGE: (
            _("The answer of %(host)s was far too big for a page of search results."),
            _("It was not read.") + " " + other_providers(error.provider),
        ),
        SearchKind.BAD_ENDPOINT: (
            _("The address %(host)s cannot be used."),
            _("It must be a full web address that starts with https:// (or http://)."),
        ),
        SearchKind.NO_ENDPOINT: (
            _("No SearXNG instance is set."),
            _("Set its address with: onlineveilig config set searxng-url https://..."),
        ),
    }
    message, hint = texts[kind]
    return message % v, hint % v if "%(" in hint else hint


def _explain_secret(error: SecretError) -> tuple[str, str]:
    hint = _(
        "Put the key in the environment variable ONLINEVEILIG_BRAVE_KEY instead (for example in "
        "your shell's startup file). onlineveilig never writes a key to a file itself."
    )
    if error.kind == "no-keyring":
        return (
            _(
                "This computer has no keyring that onlineveilig can use (the safe place where "
                "programs keep passwords)."
            ),
            hint,
        )
    return (
        _("The keyring could not be used: %(detail)s") % {"detail": error.detail},
        _("Is it locked? Unlock it and try again.") + " " + hint,
    )


def _explain_setup(error: SearchSetupError) -> tuple[str, str]:
    providers = _("See all providers with: onlineveilig search-me --providers")
    texts: dict[SetupKind, tuple[str, str]] = {
        SetupKind.UNKNOWN_PROVIDER: (
            _("Unknown provider: %(value)s (use brave, searxng, duckduckgo or manual)."),
            providers,
        ),
        SetupKind.UNKNOWN_COUNTRY: (_("Unknown country: %(value)s (use be or nl)."), ""),
        SetupKind.NO_PROVIDER: (
            _("search-me does not know yet where to search: no provider is set up."),
            providers,
        ),
        SetupKind.KEY_UNENCRYPTED: (
            _(
                "Your API key would travel unencrypted to %(address)s: onlineveilig does not "
                "send it there."
            ),
            _("Use an address that starts with https:// (http:// only works for this computer)."),
        ),
    }
    message, hint = texts[error.kind]
    return message % {"value": error.value, "address": error.value}, hint


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
        if error.kind == "unreadable":
            message = _("The settings file %(path)s cannot be read.") % {"path": error.key}
            return message, _("Fix or delete that file and try again."), ExitCode.USAGE
        if error.kind == "unknown-key":
            message = _("There is no setting called %(key)s.") % {"key": error.key}
        elif error.kind == "unknown-platform":
            message = _("Unknown platform: %(value)s.") % {"value": error.value}
        elif error.kind == "bad-url":
            message = _(
                "%(value)s is not a web address: it must start with https:// (or http://)."
            ) % {"value": error.value}
        elif error.kind == "bad-value" and error.key == "search-provider":
            message = _(
                "Unknown provider: %(value)s (use brave, searxng, duckduckgo or manual)."
            ) % {"value": error.value}
        elif error.kind == "bad-value" and error.key == "country":
            message = _("Unknown country: %(value)s (use be or nl).") % {"value": error.value}
        elif error.kind == "bad-lang":
            message = _("Unknown language: %(value)s (use nl or en).") % {"value": error.value}
        else:
            message = _("That value cannot be used for %(key)s: %(value)s") % {
                "key": error.key,
                "value": error.value,
            }
        return message, _("See the possible values with: onlineveilig config show"), ExitCode.USAGE
    return str(error), "", ExitCode.USAGE
