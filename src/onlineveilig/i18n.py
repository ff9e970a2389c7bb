"""Language choice and translation through gettext catalogs (src/onlineveilig/locale).

Messages in the code are written in English and marked with ``_()``; the Dutch catalog
(``locale/nl/LC_MESSAGES/onlineveilig.po``) translates them. Dutch is the default language.
Typer's own few strings ("Options", "Commands") are routed through the same catalog by
``onlineveilig.ui.clicktext``.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Sequence
from pathlib import Path

DOMAIN = "onlineveilig"
LOCALE_DIR = Path(__file__).parent / "locale"
SUPPORTED = ("nl", "en")
DEFAULT = "nl"

_state: dict[str, object] = {"lang": DEFAULT, "tr": None}


def detect(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> str:
    """Pick the language: --lang, then ONLINEVEILIG_LANG, then the locale variables, then Dutch."""
    env = os.environ if environ is None else environ
    args = list(argv or [])
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return normalise(args[i + 1]) or DEFAULT
        if arg.startswith("--lang="):
            return normalise(arg.split("=", 1)[1]) or DEFAULT
    explicit = normalise(env.get("ONLINEVEILIG_LANG", ""))
    if explicit:
        return explicit
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        for part in value.split(":"):
            lang = normalise(part)
            if lang:
                return lang
        # A set variable that names another language (C.UTF-8, fr_BE) ends the search: Dutch.
        return DEFAULT
    return DEFAULT


def normalise(value: str) -> str | None:
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in SUPPORTED else None


def set_language(lang: str) -> None:
    lang = normalise(lang) or DEFAULT
    _state["lang"] = lang
    _state["tr"] = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def language() -> str:
    return str(_state["lang"])


def _translation() -> gettext.NullTranslations:
    tr = _state["tr"]
    if tr is None:
        set_language(language())
        tr = _state["tr"]
    assert isinstance(tr, gettext.NullTranslations)
    return tr


def N_(message: str) -> str:
    """Marks a string for the catalog without translating it (it is translated where shown)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular/plural pair for the catalog (translated where shown, with ngettext)."""
    return singular, plural


def _(message: str) -> str:
    return _translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on a context (e.g. Dutch in the Netherlands)."""
    return _translation().pgettext(context, message)
