"""The first run: which platforms the user has, and (optionally) what to search for later."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from onlineveilig.content.loader import Content
from onlineveilig.i18n import _, language
from onlineveilig.store.repo import Store
from onlineveilig.ui import prompts
from onlineveilig.ui.cards import hanging
from onlineveilig.ui.safe import clean, text


def parse_platforms(reply: str, content: Content) -> tuple[list[str], list[str]]:
    """'1, 3, tiktok, twitter' -> (['facebook', 'linkedin', 'tiktok', 'x'], []); unknown words second."""
    chosen: list[str] = []
    unknown: list[str] = []
    for word in reply.replace(";", ",").split(","):
        for part in [word] if content.find_platform(word) else word.split():
            if not part.strip():
                continue
            platform = content.find_platform(part)
            if platform is None:
                unknown.append(part.strip())
            elif platform.id not in chosen:
                chosen.append(platform.id)
    return chosen, unknown


def onboard(out: Console, store: Store, content: Content) -> None:
    lang = language()
    out.print(
        Panel(
            Text(
                _(
                    "Welcome. First a few short questions, so the audit only asks what applies to "
                    "you. Everything you type stays on this computer."
                )
            ),
            title=_("Getting started"),
            title_align="left",
        )
    )
    for n, platform in enumerate(content.platforms, 1):
        # Wrapped, never cut off: the lines of a long description stay under its first word.
        line = text(platform.name, "bold")
        line.append(" — ")
        line.append_text(text(platform.summary.get(lang), "dim"))
        out.print(hanging(f"{n}.", [line], width=5))
    while True:
        reply = prompts.line(
            out,
            _("Which of these do you use? Numbers or names, separated by commas (Enter: none): "),
        )
        chosen, unknown = parse_platforms(reply, content)
        if not unknown:
            break
        out.print(
            Text(
                _("Not in the list: %(words)s. Try again.") % {"words": clean(", ".join(unknown))},
                style="yellow",
            )
        )
    values: dict[str, str | None] = {"platforms": ",".join(chosen)}
    out.print(
        _(
            "Optional: your name, city and employer. They are kept for looking up, later, what "
            "others can find about you. Press Enter to skip."
        )
    )
    for key, question in (
        ("name", _("Your name as others would search for it: ")),
        ("city", _("City or town where you live or work: ")),
        ("employer", _("Employer: ")),
    ):
        answer = prompts.line(out, question)  # "stop" pauses here as everywhere: nothing is saved
        if answer:
            values[key] = answer
    store.set_profile(values)
    names = ", ".join(p.name for p in content.platforms if p.id in chosen) or _("none")
    out.print(
        Text(
            _("Saved. Platforms: %(names)s. Change this any time with 'onlineveilig config set'.")
            % {"names": names},
            style="green",
        )
    )
