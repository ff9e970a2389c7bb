"""The English names of the commands, sub-commands and options that have a Dutch name.

One table for the whole command line: the top-level group and every sub-group look command names
up through it, and every command's options get their English name from it (onlineveilig.ui
.clicktext). Both names work in both languages; help and completion show the name of the user's
language. A command or option declared under its Dutch name needs no other change: add a line here.
"""

from __future__ import annotations

from onlineveilig.i18n import language

# Dutch name -> English name. Options keep their dashes; the rest are command names.
ENGLISH: dict[str, str] = {
    "afspraken": "rules",
    "blad": "sheet",
    "deel": "share",
    "hulp": "helplines",
    "rapport": "report",
    "signalen": "signals",
    "--land": "--country",
    "--jongeren": "--young",
    "--maand": "--month",
}
DUTCH: dict[str, str] = {english: dutch for dutch, english in ENGLISH.items()}


def declared(name: str) -> str:
    """The name a command or option is declared under (its Dutch name), for either name."""
    return DUTCH.get(name, name)


def shown(name: str) -> str:
    """The name to show for a declared name, in the user's language."""
    return ENGLISH.get(name, name) if language() == "en" else name


def with_aliases(opts: list[str]) -> list[str]:
    """An option's names with the English name of each Dutch one added."""
    return [*opts, *(ENGLISH[opt] for opt in opts if opt in ENGLISH and ENGLISH[opt] not in opts)]


def visible(opts: list[str]) -> list[str]:
    """An option's names as help and completion show them: of a Dutch/English pair, one."""
    pairs = {dutch for dutch in opts if ENGLISH.get(dutch) in opts}
    return [
        shown(opt) if opt in pairs else opt
        for opt in opts
        if DUTCH.get(opt) not in pairs  # the English half of a pair: shown through its Dutch half
    ]
