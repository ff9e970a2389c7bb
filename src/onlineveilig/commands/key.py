"""`onlineveilig key`: save, check or remove a search provider's API key (in the keyring only)."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.text import Text

from onlineveilig import secrets
from onlineveilig.commands import help_for
from onlineveilig.commands.common import fail, fail_with
from onlineveilig.errors import ExitCode, SecretError
from onlineveilig.i18n import _
from onlineveilig.ui import console
from onlineveilig.ui.clicktext import Command, Group


def _provider(value: str) -> str:
    name = value.strip().lower()
    if name not in secrets.NEEDS_KEY:
        fail(
            _("Only brave needs a key (searxng, duckduckgo and manual do not)."),
            _("Save it with: onlineveilig key set brave"),
        )
    return name


def register(app: typer.Typer) -> None:
    key_app = typer.Typer(
        cls=Group, help=help_for("key"), no_args_is_help=True, rich_markup_mode=None
    )

    @key_app.command("set", cls=Command, help=_("Save a key; it is asked without showing it."))
    def set_(
        provider: Annotated[
            str, typer.Argument(metavar=_("PROVIDER"), help=_("The provider: brave."))
        ],
    ) -> None:
        name = _provider(provider)
        err = console.err()
        try:
            secrets.check_keyring()
        except SecretError as error:
            fail_with(error)
        err.print(
            Text(
                _(
                    "Paste your key and press Enter (it is not shown while you type). It is "
                    "kept in your system's keyring, never in a file of onlineveilig."
                )
            )
        )
        try:
            if sys.stdin.isatty():
                value = typer.prompt(
                    _("Key"), hide_input=True, prompt_suffix=": ", err=True
                ).strip()
            else:
                # No terminal (a pipe, a script): nothing to hide, and Python's getpass would
                # print its own English warning. Read the line as it comes.
                err.print(_("Key") + ": ", end="")
                line = sys.stdin.readline()
                if not line:
                    raise EOFError
                value = line.strip()
        except (typer.Abort, KeyboardInterrupt, EOFError):
            err.print(_("Nothing was saved."))
            raise typer.Exit(int(ExitCode.CANCELLED)) from None
        if not secrets.valid(value):
            fail(
                _("That does not look like a key: it is empty, too long, or has spaces in it."),
                _("Copy the key again from the provider's dashboard, then try again."),
            )
        try:
            secrets.put(name, value)
        except SecretError as error:
            fail_with(error)
        console.out().print(Text(_("Key saved in your keyring."), style="green"))
        if os.environ.get(secrets.env_var(name)):
            console.err().print(
                Text(
                    _("Note: %(var)s is set too, and that one is used first.")
                    % {"var": secrets.env_var(name)},
                    style="yellow",
                )
            )

    @key_app.command("status", cls=Command, help=_("Say whether a key is set (never the key)."))
    def status(
        provider: Annotated[
            str | None,
            typer.Argument(
                metavar=_("PROVIDER"), help=_("The provider: brave."), show_default=False
            ),
        ] = None,
    ) -> None:
        out = console.out()
        for name in [_provider(provider)] if provider else secrets.NEEDS_KEY:
            try:
                found = secrets.get(name)
            except SecretError:
                found = None
                where = _("no key (this computer has no usable keyring)")
            else:
                if found is None:
                    where = _("no key")
                elif found[1] == "env":
                    where = _("set, in the environment variable %(var)s") % {
                        "var": secrets.env_var(name)
                    }
                else:
                    where = _("set, in your keyring")
            out.print(Text.assemble((name, "bold"), ": ", where))

    @key_app.command("delete", cls=Command, help=_("Remove a saved key from the keyring."))
    def delete(
        provider: Annotated[
            str, typer.Argument(metavar=_("PROVIDER"), help=_("The provider: brave."))
        ],
    ) -> None:
        name = _provider(provider)
        try:
            removed = secrets.delete(name)
        except SecretError as error:
            fail_with(error)
        out = console.out()
        if removed:
            out.print(Text(_("Key removed from your keyring."), style="green"))
        else:
            out.print(_("There was no key in your keyring."))
        if os.environ.get(secrets.env_var(name)):
            out.print(
                Text(
                    _("%(var)s is still set in your environment; remove it there yourself.")
                    % {"var": secrets.env_var(name)},
                    style="yellow",
                )
            )

    app.add_typer(key_app, name="key")
