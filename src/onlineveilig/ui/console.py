"""The two consoles: stdout for results, stderr for errors and hints."""

from __future__ import annotations

from rich.console import Console


def out() -> Console:
    return Console(highlight=False, emoji=False)


def err() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def ask(console: Console, prompt: str) -> str:
    """Read one line; the prompt is shown literally ([ja/nee] is not taken as markup).

    The prompt is not wrapped by rich, so a word or a path in it stays whole (the terminal wraps
    long lines itself).
    """
    from rich.text import Text

    console.print(Text(prompt), end="", soft_wrap=True)
    return console.input("")


YES = {"ja", "j", "yes", "y"}
NO = {"nee", "n", "neen", "no"}
STOP = {"stop", "pauze", "pause"}


def ask_yes_no(console: Console, prompt: str, default: bool) -> bool | None:
    """A yes/no question that asks again when the reply is unclear; None when the user says stop.

    Enter takes the default. A typo never counts as "no": that could throw work away.
    """
    from rich.text import Text

    from onlineveilig.i18n import _

    while True:
        reply = ask(console, prompt).strip().lower().rstrip(".!")
        if not reply:
            return default
        if reply in YES:
            return True
        if reply in NO:
            return False
        if reply in STOP:
            return None
        console.print(Text(_("Please answer yes or no."), style="yellow"))
