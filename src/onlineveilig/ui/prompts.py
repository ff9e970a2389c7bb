"""The one place that asks the user something in the terminal.

Every question here turns Ctrl-C, the end of the input (Ctrl-D, a closed pipe) and the word
"stop" into `Paused`, so a command only has to catch one exception to say "your answers are
saved" and leave. Nothing here saves anything: the caller saves each answer as soon as it has
it, so a pause never loses what was already given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from rich.console import Console
from rich.text import Text

from onlineveilig.i18n import _
from onlineveilig.text import clean

T = TypeVar("T")

YES = frozenset({"ja", "j", "yes", "y"})
NO = frozenset({"nee", "n", "neen", "no"})
STOP = frozenset({"stop", "pauze", "pause", "q", "quit"})


class Paused(Exception):
    """The user typed stop, pressed Ctrl-C or closed the input. Whatever was saved stays saved."""


def raw(console: Console, prompt: str) -> str:
    """One line as typed (not cleaned); Ctrl-C and end of input become `Paused`.

    The prompt is shown literally ([ja/nee] is not taken as markup) and wrapped between words
    to the width of the terminal (wrap_prompt): a word or a path in it stays whole. Typed
    answers that come from a pipe or a file get the prompt on one line, as it was.
    """
    if console.is_terminal:
        prompt = wrap_prompt(prompt, console.width)
    console.print(Text(prompt), end="", soft_wrap=True)
    try:
        return console.input("")
    except (KeyboardInterrupt, EOFError):
        raise Paused from None


def wrap_prompt(prompt: str, width: int) -> str:
    """The prompt folded between words so no line is wider than `width` (less one column, for
    the cursor). A word longer than a line (an address, a path) stays whole on a line of its
    own; the prompt's line breaks and the space at its end are kept.
    """
    import textwrap

    body = prompt.rstrip(" ")
    tail = prompt[len(body) :]
    room = max(width - 1, 20)
    lines: list[str] = []
    for part in body.split("\n"):
        wrapped = textwrap.wrap(
            part, room, break_long_words=False, break_on_hyphens=False, drop_whitespace=True
        )
        lines.extend(wrapped or [part])
    return "\n".join(lines) + tail


def is_stop(reply: str) -> bool:
    return reply.strip().lower().rstrip(".!") in STOP


def line(console: Console, prompt: str, *, stop: bool = True) -> str:
    """One line of text, cleaned of control characters and trimmed.

    With stop=True (the default) the word "stop" pauses; pass stop=False where "stop" could be
    a real answer (a name, a note).
    """
    reply = clean(raw(console, prompt)).strip()
    if stop and is_stop(reply):
        raise Paused
    return reply


def yes_no(console: Console, prompt: str, default: bool | None) -> bool:
    """A yes/no question, asked again when the reply is unclear (a typo never counts as "no").

    Enter takes the default; with default=None Enter asks again.
    """
    while True:
        reply = raw(console, prompt).strip().lower().rstrip(".!")
        if not reply and default is not None:
            return default
        if reply in YES:
            return True
        if reply in NO:
            return False
        if reply in STOP:
            raise Paused
        console.print(Text(_("Please answer yes or no."), style="yellow"))


def yes_no_prompt(question: str, default: bool) -> str:
    """'Question? [yes/no] (yes): ' in the user's language."""
    hint = _("yes") if default else _("no")
    return f"{question} [{_('yes')}/{_('no')}] ({hint}): "


def choose(
    console: Console,
    question: str,
    options: Sequence[tuple[T, str]],
    default: int | None = 0,
) -> T:
    """A numbered list; the user types a number (Enter takes the default, if there is one)."""
    from onlineveilig.ui.cards import hanging

    console.print()
    console.print(Text(question, style="bold"))
    for n, (_value, label) in enumerate(options, 1):
        console.print(hanging(f"{n}.", [Text(clean(label))]))
    if default is None:
        prompt = _("Your choice (1-%(n)d): ") % {"n": len(options)}
    else:
        prompt = _("Your choice (Enter: %(n)d): ") % {"n": default + 1}
    while True:
        reply = line(console, prompt)
        if not reply and default is not None:
            return options[default][0]
        if reply.isdigit() and 1 <= int(reply) <= len(options):
            return options[int(reply) - 1][0]
        console.print(
            Text(_("Type a number from 1 to %(n)d.") % {"n": len(options)}, style="yellow")
        )
