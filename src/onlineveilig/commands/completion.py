"""`onlineveilig completion bash|zsh|fish`: the script that lets the shell complete commands.

The shell then runs onlineveilig with _ONLINEVEILIG_COMPLETE set each time Tab is pressed;
onlineveilig.dispatch hands that question to answer() here, before any command is parsed.
Both use Click's own completion classes, which know the lazy group (dispatch.LazyGroup).
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer

from onlineveilig.commands import help_for
from onlineveilig.i18n import _
from onlineveilig.ui.clicktext import Command

if TYPE_CHECKING:
    from click.shell_completion import ShellComplete

PROG = "onlineveilig"
COMPLETE_VAR = "_ONLINEVEILIG_COMPLETE"
SETTINGS_FILES = {"bash": "~/.bashrc", "zsh": "~/.zshrc"}
FISH_FILE = "~/.config/fish/completions/onlineveilig.fish"


def register(app: typer.Typer) -> None:
    @app.command(
        cls=Command,
        help="\n\n".join(
            [
                _(
                    "Print the script that lets your shell complete onlineveilig's commands "
                    "and options when you press the Tab key."
                ),
                *(("\b\n" + text) if as_is else text for text, as_is in howto()),
            ]
        ),
        short_help=help_for("completion"),
    )
    def completion(
        ctx: typer.Context,
        shell: Annotated[
            str,
            typer.Argument(metavar="bash|zsh|fish", help=_("The shell you use.")),
        ],
    ) -> None:
        run(ctx, shell)


def howto() -> list[tuple[str, bool]]:
    """How to switch completion on: paragraphs, and whether each is shown as is (commands)."""
    width = max(map(len, SETTINGS_FILES.values())) + 1
    lines = [
        f'  {(file + ":").ljust(width)}  eval "$({PROG} completion {shell})"'
        for shell, file in SETTINGS_FILES.items()
    ]
    return [
        (
            _(
                "To switch it on, add the line for your shell to the file named, then open a "
                "new terminal window:"
            ),
            False,
        ),
        ("\n".join(lines), True),
        (_("For fish, run this once instead:"), False),
        (f"  {PROG} completion fish > {FISH_FILE}", True),
    ]


def _classes() -> dict[str, type[ShellComplete]]:
    # Click's own classes, named here: Typer replaces Click's registry with its own when its
    # --install-completion is switched on, which this app does not use.
    from click.shell_completion import BashComplete, FishComplete, ZshComplete

    return {"bash": BashComplete, "zsh": ZshComplete, "fish": FishComplete}


def answer(
    group: click.Command,
    ctx_args: MutableMapping[str, Any],
    prog_name: str,
    complete_var: str,
    instruction: str,
) -> int:
    """The shell's question (e.g. bash_complete, with COMP_WORDS and COMP_CWORD): the exit code."""
    shell, _sep, action = instruction.partition("_")
    kind = _classes().get(shell)
    if kind is None or action not in ("source", "complete"):
        return 1
    comp = kind(group, ctx_args, prog_name, complete_var)
    click.echo(comp.source() if action == "source" else comp.complete())
    return 0


def run(ctx: typer.Context, shell: str) -> None:
    # Imported here: answer() runs at every Tab press and needs none of this.
    from rich.text import Text

    from onlineveilig.commands.common import fail
    from onlineveilig.ui import console

    name = shell.strip().lower()
    if name not in _classes():
        fail(
            _("Unknown shell: %(shell)s.") % {"shell": shell},
            _("Use bash, zsh or fish."),
        )
    script = _classes()[name](ctx.find_root().command, {}, PROG, COMPLETE_VAR).source()
    typer.echo(script)
    if sys.stdout.isatty():  # read by a person, not by eval: say what to do with it
        err = console.err()
        for text, _as_is in howto():
            err.print(Text(text), soft_wrap=True)
