"""`onlineveilig afspraken`: the organisation's rules for contact with clients (init, show, blad)."""

from __future__ import annotations

import shlex
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from onlineveilig import clock, settings
from onlineveilig.commands import help_for
from onlineveilig.commands.common import fail, fail_with, print_json
from onlineveilig.content.loader import validate
from onlineveilig.content.rules import (
    DEFAULT_CROSSED_CONTACT,
    DEFAULT_DETAILS,
    DEFAULT_REACHABLE,
    DEFAULT_REPLY_WITHIN,
    DEFAULT_STEPS,
    DETAILS,
    EmailRule,
    OutsideHours,
    PhoneRule,
    RecordingRule,
    RequestRule,
    Rules,
    Share,
    WhatsAppRule,
    load_rules,
    parse_rules,
    to_toml,
)
from onlineveilig.errors import ExitCode, OnlineveiligError
from onlineveilig.i18n import _, language
from onlineveilig.paths import config_dir, export_dir, write_private
from onlineveilig.sheet import detail_label
from onlineveilig.ui import console, prompts
from onlineveilig.ui import rules as view
from onlineveilig.ui.cards import hanging
from onlineveilig.ui.clicktext import Command, Group
from onlineveilig.ui.safe import clean, text


class Format(StrEnum):
    HTML = "html"
    MD = "md"


RulesOption = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        metavar=_("FILE"),
        help=_("Use this rules file instead of the one in your settings."),
    ),
]


def register(app: typer.Typer) -> None:
    afspraken_app = typer.Typer(
        cls=Group,
        help=help_for("afspraken"),
        no_args_is_help=True,
        rich_markup_mode=None,
    )

    @afspraken_app.command(
        "init", cls=Command, help=_("Make a rules file by answering plain questions.")
    )
    def init(
        output: Annotated[
            Path | None,
            typer.Option(
                "-o",
                "--output",
                metavar=_("FILE"),
                help=_("Where to write the file (default: afspraken.toml in the settings folder)."),
            ),
        ] = None,
    ) -> None:
        run_init(output)

    @afspraken_app.command("show", cls=Command, help=_("Show the rules of your organisation."))
    def show(
        rules_file: RulesOption = None,
        as_json: Annotated[bool, typer.Option("--json", help=_("Print them as JSON."))] = False,
    ) -> None:
        run_show(rules_file, as_json)

    @afspraken_app.command(
        "blad",
        cls=Command,
        help=_("Make a short sheet to go through with a client at the first contact."),
        short_help=_("A sheet for the first meeting with a client."),
    )
    def blad(
        form: Annotated[
            Format, typer.Option("--format", help=_("html (to print) or md (Markdown)."))
        ] = Format.HTML,
        young: Annotated[
            bool,
            typer.Option("--jongeren", help=_("A version in simple words for young people.")),
        ] = False,
        output: Annotated[
            str | None,
            typer.Option(
                "-o",
                "--output",
                metavar=_("FILE"),
                help=_("Where to write the sheet; - prints it (default: your documents folder)."),
            ),
        ] = None,
        rules_file: RulesOption = None,
    ) -> None:
        run_blad(form, young, output, rules_file)

    app.add_typer(afspraken_app, name="afspraken")


# -- Loading -------------------------------------------------------------------------------------


def rules_path(option: Path | None) -> Path | None:
    if option is not None:
        return option.expanduser()
    try:
        value = settings.read().get("rules")
    except OnlineveiligError as error:
        fail_with(error)
    return Path(value).expanduser() if value else None


def load(option: Path | None) -> tuple[Path, Rules]:
    path = rules_path(option)
    if path is None:
        fail(
            _("There is no rules file yet."),
            _(
                "Make one with 'onlineveilig afspraken init', or use your organisation's file: "
                "onlineveilig config set rules FILE"
            ),
        )
    try:
        return path, load_rules(path)
    except OnlineveiligError as error:
        fail_with(error)


# -- show ----------------------------------------------------------------------------------------


def run_show(option: Path | None, as_json: bool) -> None:
    path, rules = load(option)
    if as_json:
        print_json(
            {
                "path": str(path),
                "rules": rules.model_dump(by_alias=True, exclude_none=True, mode="json"),
                "facts": rules.facts(),
            }
        )
        return
    out = console.out()
    for part in view.rules_view(rules):
        out.print(part)
        out.print()
    out.print(Text(_("File: %(path)s") % {"path": path}, style="dim"), soft_wrap=True)


# -- blad ----------------------------------------------------------------------------------------


def run_blad(form: Format, young: bool, output: str | None, option: Path | None) -> None:
    from onlineveilig import sheet

    _path, rules = load(option)
    today = clock.today()
    made = sheet.build(rules, language(), young)
    content = sheet.to_html(made) if form == Format.HTML else sheet.to_markdown(made)
    if output == "-":
        sys.stdout.write(content)
        return
    name = f"afspraken-blad{'-jongeren' if young else ''}-{today.isoformat()}.{form.value}"
    target = Path(output).expanduser() if output else export_dir() / name
    if target.is_dir():
        target = target / name
    try:
        write_private(target, content)
    except OSError as err:
        fail(
            _("Could not write %(path)s: %(reason)s")
            % {"path": target, "reason": err.strerror or err}
        )
    out = console.out()
    out.print(Text(_("Sheet written: %(path)s") % {"path": target}, style="bold"), soft_wrap=True)
    if form == Format.HTML:
        out.print(_("Open it in your browser to print it, or send it to the client."))


# -- init ----------------------------------------------------------------------------------------


CONTACT_ROLE = {"nl": "contactpersoon", "en": "contact person"}


class Stopped(Exception):
    """Ctrl-C or the end of the input: nothing is written."""


def _ask(out: Console, prompt: str) -> str:
    try:
        return clean(prompts.raw(out, prompt)).strip()
    except prompts.Paused:
        raise Stopped from None


def _confirm(out: Console, question: str, default: bool) -> bool:
    """A yes/no question; an unclear reply is asked again (a typo must never count as 'no')."""
    hint = _("yes") if default else _("no")
    prompt = f"{question} [{_('yes')}/{_('no')}] ({hint}): "
    try:
        answer = prompts.yes_no(out, prompt, default)
    except prompts.Paused:
        raise Stopped from None
    return answer


def _choose(out: Console, question: str, options: list[tuple[Any, str]], default: int = 0) -> Any:
    out.print()
    out.print(Text(question, style="bold"))
    for n, (_value, label) in enumerate(options, 1):
        out.print(hanging(f"{n}.", [Text(label)]))
    while True:
        reply = _ask(out, _("Your choice (Enter: %(n)d): ") % {"n": default + 1})
        if not reply:
            return options[default][0]
        if reply.isdigit() and 1 <= int(reply) <= len(options):
            return options[int(reply) - 1][0]
        out.print(Text(_("Type a number from 1 to %(n)d.") % {"n": len(options)}, style="yellow"))


def _typed(out: Console, question: str, default: dict[str, str] | None) -> dict[str, str] | None:
    """A text answer as a rules-file text; Enter keeps the default (in both languages)."""
    lang = language()
    if default:
        prompt = question + " " + _("(Enter: %(default)s): ") % {"default": default.get(lang)}
    else:
        prompt = question + " " + _("(Enter: skip): ")
    reply = _ask(out, prompt)
    if not reply:
        return default
    # The file needs Dutch; someone answering in English gets their words in both fields.
    return {"nl": reply, "en": reply} if lang == "en" else {"nl": reply}


def _https(out: Console, question: str) -> str | None:
    while True:
        reply = _ask(out, question)
        if not reply:
            return None
        if reply.startswith("https://") and "." in reply and " " not in reply:
            return reply
        out.print(
            Text(_("Give a full address starting with https://, or press Enter."), style="yellow")
        )


def _details(out: Console) -> dict[str, str]:
    # Every detail, in the file's order: what is shown here is exactly what gets written.
    chosen = {name: DEFAULT_DETAILS.get(name, Share.NEVER) for name in DETAILS}
    out.print()
    out.print(Text(_("Which contact details may workers share with clients?"), style="bold"))
    for name, rule in chosen.items():
        out.print(
            Text.assemble(
                "  ", (view.share_label(rule), view.SHARE_STYLE[rule]), ": ", detail_label(name)
            )
        )
    if _confirm(out, _("Keep these?"), True):
        return {k: v.value for k, v in chosen.items()}
    order = [Share.SHARE, Share.NEVER, Share.ASK_FIRST]
    choices = ", ".join(f"{n} {view.share_label(s)}" for n, s in enumerate(order, 1))
    for name in DETAILS:
        current = chosen[name]
        while True:
            reply = _ask(
                out,
                f"  {detail_label(name)} [{choices}] "
                + _("(Enter: %(default)s): ") % {"default": view.share_label(current)},
            )
            if not reply:
                chosen[name] = current
                break
            if reply in ("1", "2", "3"):
                chosen[name] = order[int(reply) - 1]
                break
            out.print(Text(_("Type a number from 1 to %(n)d.") % {"n": 3}, style="yellow"))
    return {k: v.value for k, v in chosen.items()}


def _steps(out: Console) -> dict[str, list[str]]:
    lang = language()
    out.print()
    out.print(Text(_("What happens when someone does not keep the agreements?"), style="bold"))
    for n, step in enumerate(DEFAULT_STEPS.get(lang), 1):
        out.print(hanging(f"{n}.", [Text(step)]))
    if _confirm(out, _("Use these steps?"), True):
        return DEFAULT_STEPS.model_dump(exclude_none=True)
    out.print(_("Type the steps one per line; an empty line ends the list."))
    steps: list[str] = []
    while True:
        reply = _ask(out, f"  {len(steps) + 1}. ")
        if not reply:
            break
        steps.append(reply)
    if not steps:
        out.print(_("No steps typed: the proposed steps are used."))
        return DEFAULT_STEPS.model_dump(exclude_none=True)
    return {"nl": steps, "en": steps} if lang == "en" else {"nl": steps}


def _contacts(out: Console) -> list[dict[str, Any]]:
    out.print()
    out.print(
        Text(
            _(
                "Who can workers turn to when something goes wrong? For example your manager, "
                "the confidential adviser or the prevention adviser. 'onlineveilig hulp' shows them first."
            ),
            style="bold",
        )
    )
    contacts: list[dict[str, Any]] = []
    while len(contacts) < 20:
        name = _ask(out, _("Name (Enter: done): "))
        if not name:
            break
        role = _typed(out, _("Role, for example team leader"), CONTACT_ROLE)
        contact: dict[str, Any] = {"name": name, "role": role}
        phone = _ask(out, _("Phone number (Enter: skip): "))
        if phone:
            contact["phone"] = phone
        email = _ask(out, _("E-mail address (Enter: skip): "))
        if email:
            contact["email"] = email
        contacts.append(contact)
    return contacts


def _interview(out: Console) -> dict[str, Any]:
    out.print()
    while True:
        name = _ask(out, _("What is your organisation called? "))
        if name:
            break
        out.print(Text(_("Please type a name."), style="yellow"))
    country = _choose(
        out,
        _("In which country does your organisation work?"),
        [("be", _("Belgium")), ("nl", _("the Netherlands"))],
    )
    channels: dict[str, Any] = {
        "phone": _choose(
            out,
            _("Calls and text messages with clients and their network:"),
            [(r.value, view.phone_label(r)) for r in PhoneRule],
        ),
        "whatsapp": _choose(
            out,
            _("WhatsApp with clients and their network:"),
            [(r.value, view.whatsapp_label(r)) for r in WhatsAppRule],
        ),
        "email": _choose(
            out,
            _("E-mail with clients and their network:"),
            [(r.value, view.email_label(r)) for r in EmailRule],
        ),
    }
    out.print()
    portal = _ask(
        out, _("Does your organisation have a client portal? Its name (Enter: no portal): ")
    )
    if portal:
        channels["portal"] = {"name": portal}
        url = _https(out, _("Its web address, starting with https:// (Enter: none): "))
        if url:
            channels["portal"]["url"] = url
    out.print()
    out.print(Text(_("Hours"), style="bold"))
    hours: dict[str, Any] = {
        "reachable": _typed(
            out, _("When can clients reach you?"), DEFAULT_REACHABLE.model_dump(exclude_none=True)
        ),
        "reply-within": _typed(
            out,
            _("How soon do they get an answer?"),
            DEFAULT_REPLY_WITHIN.model_dump(exclude_none=True),
        ),
    }
    hours["outside-hours"] = _choose(
        out,
        _("Outside those hours:"),
        [(r.value, view.outside_label(r)) for r in OutsideHours],
    )
    if hours["outside-hours"] == OutsideHours.ON_CALL.value:
        emergency = _typed(
            out, _("Whom do clients contact in an emergency outside those hours?"), None
        )
        if emergency:
            hours["emergency"] = emergency
    recording = _choose(
        out,
        _("May a conversation with a client be recorded?"),
        [(r.value, view.recording_label(r)) for r in RecordingRule],
        1,
    )
    requests = _choose(
        out,
        _("Friend and follow requests from clients and their families:"),
        [(r.value, view.requests_label(r)) for r in RequestRule],
    )
    details = _details(out)
    steps = _steps(out)
    contact = _typed(
        out,
        _("Whom can clients turn to with questions or complaints about this?"),
        DEFAULT_CROSSED_CONTACT.model_dump(exclude_none=True),
    )
    when_crossed: dict[str, Any] = {"steps": steps}
    if contact:
        when_crossed["contact"] = contact
    return {
        "organisation": {
            "name": name,
            "country": country,
            "updated": clock.today().isoformat(),
        },
        "channels": channels,
        "hours": {k: v for k, v in hours.items() if v is not None},
        "recording": {"rule": recording},
        "friend-requests": {"rule": requests},
        "contact-details": details,
        "when-crossed": when_crossed,
        "contacts": _contacts(out),
    }


def _target(path: Path) -> Path:
    path = path.expanduser().absolute()
    return path / "afspraken.toml" if path.is_dir() else path


def _use_new_file(out: Console, current: Path | None, path: Path) -> bool:
    """Whether the settings should point to the new file; asked when they point elsewhere."""
    if current is None or current.absolute() == path:
        return True
    return _confirm(
        out,
        _("Your settings now use %(path)s. Use this new file from now on?") % {"path": current},
        True,
    )


def _another_place(out: Console) -> Path | None:
    """A new place to write the file, or None: then the rules are shown to copy."""
    while True:
        reply = _ask(
            out,
            _("Where else can it go? Type a file or folder (Enter: show the rules here to copy): "),
        )
        if not reply:
            return None
        path = _target(Path(reply))
        if not path.exists() or _confirm(
            out, _("The file %(path)s already exists. Replace it?") % {"path": path}, False
        ):
            return path


def _write(out: Console, path: Path, content: str) -> Path:
    """Write the file; when that fails, offer another place, else print it: no answer is lost."""
    while True:
        try:
            write_private(path, content)
            return path
        except OSError as err:
            out.print(
                Text(
                    _("Could not write %(path)s: %(reason)s")
                    % {"path": path, "reason": err.strerror or err},
                    style="yellow",
                ),
                soft_wrap=True,
            )
        try:
            elsewhere = _another_place(out)
        except Stopped:
            out.print()
            elsewhere = None
        if elsewhere is None:
            out.print(Text(_("Your rules, to copy into a file:"), style="bold"))
            out.print(Text(content), soft_wrap=True, end="")
            fail(
                _("The rules were not saved in a file."),
                _("Save the text above as afspraken.toml, then use it with: %(cmd)s")
                % {"cmd": "onlineveilig config set rules FILE"},
            )
        path = elsewhere


def run_init(output: Path | None) -> None:
    out = console.out()
    path = _target(output or config_dir() / "afspraken.toml")
    try:
        configured = settings.read().get("rules")
    except OnlineveiligError as error:
        fail_with(error)
    current = Path(configured).expanduser() if configured else None
    try:
        out.print(
            _(
                "A few plain questions about what your organisation allows in contact with "
                "clients. Press Enter to keep the proposal between brackets; Ctrl-C stops "
                "without writing anything."
            )
        )
        if path.exists() and not _confirm(
            out, _("The file %(path)s already exists. Replace it?") % {"path": path}, False
        ):
            fail(_("Nothing was written."), _("Choose another file with -o FILE."))
        data = _interview(out)
        try:
            rules = validate(path, Rules, data, "")
            content = to_toml(rules)
            parse_rules(path, content)  # what is written must read back
        except OnlineveiligError as error:
            fail_with(error)
        out.print()
        switch = _use_new_file(out, current, path)
    except Stopped:
        out.print()
        fail(_("Stopped: nothing was written."), code=ExitCode.CANCELLED)
    path = _write(out, path, content)
    if switch:
        try:
            values = settings.read()
            values["rules"] = str(path)
            settings.write(values)
        except OnlineveiligError as error:
            fail_with(error)
    out.print()
    out.print(
        Text(_("Rules written: %(path)s") % {"path": path}, style="bold green"), soft_wrap=True
    )
    if not switch:
        assert current is not None
        quoted = shlex.quote(str(path))
        for line in (
            _("Your settings still use %(old)s: the audit keeps asking about those rules.")
            % {"old": current},
            _("See the new file with: %(cmd)s")
            % {"cmd": f"onlineveilig afspraken show --rules {quoted}"},
            _("Use it from now on with: %(cmd)s")
            % {"cmd": f"onlineveilig config set rules {quoted}"},
        ):
            out.print(Text(line), soft_wrap=True)
    else:
        if current is not None and current.absolute() != path:
            out.print(
                Text(
                    _("Your settings no longer use %(old)s; they use this new file.")
                    % {"old": current}
                ),
                soft_wrap=True,
            )
        out.print(
            _(
                "This is now your rules file: the audit asks about these rules. See them with "
                "'onlineveilig afspraken show'; make the client sheet with 'onlineveilig afspraken blad'."
            )
        )
    out.print(Text.assemble(_("Organisation: "), text(rules.organisation.name, "bold")))
