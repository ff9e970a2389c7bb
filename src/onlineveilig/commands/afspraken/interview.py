"""The plain questions of `afspraken init`; the answers become the data of a rules file.

Every question goes through ui/prompts.py: Ctrl-C, the end of the input and "stop" (where it
cannot be a real answer) raise prompts.Paused, and init then writes nothing. The proposals that
Enter keeps are in proposals.py, in the words of the country chosen here.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from onlineveilig import clock
from onlineveilig.commands.afspraken import proposals
from onlineveilig.content import rules as org
from onlineveilig.content.models import Text as Texts
from onlineveilig.content.rules import Country, Detail, Share
from onlineveilig.i18n import _, language
from onlineveilig.sheet import detail_label
from onlineveilig.ui import prompts
from onlineveilig.ui import rules as view
from onlineveilig.ui.cards import hanging


def _text(out: Console, prompt: str) -> str:
    """Free text (a name, a sentence): the word "stop" is a possible answer here."""
    return prompts.line(out, prompt, stop=False)


def _yes_no(out: Console, question: str, default: bool) -> bool:
    return prompts.yes_no(out, prompts.yes_no_prompt(question, default), default)


def _typed(out: Console, question: str, default: Texts | None) -> dict[str, str] | None:
    """A text answer as a rules-file text; Enter keeps the default (in both languages)."""
    lang = language()
    if default:
        prompt = question + " " + _("(Enter: %(default)s): ") % {"default": default.get(lang)}
    else:
        prompt = question + " " + _("(Enter: skip): ")
    reply = _text(out, prompt)
    if not reply:
        return default.model_dump(exclude_none=True) if default else None
    # The file needs Dutch; someone answering in English gets their words in both fields.
    return {"nl": reply, "en": reply} if lang == "en" else {"nl": reply}


def _https(out: Console, question: str) -> str | None:
    while True:
        reply = _text(out, question)
        if not reply:
            return None
        if reply.startswith("https://") and "." in reply and " " not in reply:
            return reply
        out.print(
            Text(_("Give a full address starting with https://, or press Enter."), style="yellow")
        )


def _details(out: Console) -> dict[str, str]:
    # Every detail, in the file's order: what is shown here is exactly what gets written.
    chosen = {detail: proposals.share(detail) for detail in Detail}
    out.print()
    out.print(Text(_("Which contact details may workers share with clients?"), style="bold"))
    for detail, rule in chosen.items():
        out.print(
            Text.assemble(
                "  ", (view.share_label(rule), view.SHARE_STYLE[rule]), ": ", detail_label(detail)
            )
        )
    if _yes_no(out, _("Keep these?"), True):
        return {k.value: v.value for k, v in chosen.items()}
    order = [Share.SHARE, Share.NEVER, Share.ASK_FIRST]
    choices = ", ".join(f"{n} {view.share_label(s)}" for n, s in enumerate(order, 1))
    for detail in Detail:
        current = chosen[detail]
        while True:
            reply = prompts.line(
                out,
                f"  {detail_label(detail)} [{choices}] "
                + _("(Enter: %(default)s): ") % {"default": view.share_label(current)},
            )
            if not reply:
                break
            if reply in ("1", "2", "3"):
                chosen[detail] = order[int(reply) - 1]
                break
            out.print(Text(_("Type a number from 1 to %(n)d.") % {"n": 3}, style="yellow"))
    return {k.value: v.value for k, v in chosen.items()}


def _steps(out: Console, country: Country) -> dict[str, list[str]]:
    lang = language()
    proposed = proposals.steps(country)
    out.print()
    out.print(Text(_("What happens when someone does not keep the agreements?"), style="bold"))
    for n, step in enumerate(proposed.get(lang), 1):
        out.print(hanging(f"{n}.", [Text(step)]))
    if _yes_no(out, _("Use these steps?"), True):
        return proposed.model_dump(exclude_none=True)
    out.print(_("Type the steps one per line; an empty line ends the list."))
    steps: list[str] = []
    while True:
        reply = _text(out, f"  {len(steps) + 1}. ")
        if not reply:
            break
        steps.append(reply)
    if not steps:
        out.print(_("No steps typed: the proposed steps are used."))
        return proposed.model_dump(exclude_none=True)
    return {"nl": steps, "en": steps} if lang == "en" else {"nl": steps}


def _contacts(out: Console, country: Country) -> list[dict[str, Any]]:
    if country == Country.BE:
        question = _(
            "Who can workers turn to when something goes wrong? For example your manager, "
            "the confidential adviser or the prevention adviser. 'onlineveilig hulp' shows them first."
        )
    else:
        question = _(
            "Who can workers turn to when something goes wrong? For example your manager or "
            "the confidential adviser. 'onlineveilig hulp' shows them first."
        )
    out.print()
    out.print(Text(question, style="bold"))
    contacts: list[dict[str, Any]] = []
    while len(contacts) < 20:
        name = _text(out, _("Name (Enter: done): "))
        if not name:
            break
        role = _typed(out, _("Role, for example team leader"), proposals.CONTACT_ROLE)
        contact: dict[str, Any] = {"name": name, "role": role}
        phone = _text(out, _("Phone number (Enter: skip): "))
        if phone:
            contact["phone"] = phone
        email = _text(out, _("E-mail address (Enter: skip): "))
        if email:
            contact["email"] = email
        contacts.append(contact)
    return contacts


def _channels(out: Console) -> dict[str, Any]:
    channels: dict[str, Any] = {
        "phone": prompts.choose(
            out,
            _("Calls and text messages with clients and their network:"),
            view.choices(org.PhoneRule),
        ),
        "whatsapp": prompts.choose(
            out,
            _("WhatsApp with clients and their network:"),
            view.choices(org.WhatsAppRule),
        ),
        "email": prompts.choose(
            out,
            _("E-mail with clients and their network:"),
            view.choices(org.EmailRule),
        ),
    }
    out.print()
    portal = _text(
        out, _("Does your organisation have a client portal? Its name (Enter: no portal): ")
    )
    if portal:
        channels["portal"] = {"name": portal}
        url = _https(out, _("Its web address, starting with https:// (Enter: none): "))
        if url:
            channels["portal"]["url"] = url
    return channels


def _hours(out: Console) -> dict[str, Any]:
    out.print()
    out.print(Text(_("Hours"), style="bold"))
    hours: dict[str, Any] = {
        "reachable": _typed(out, _("When can clients reach you?"), proposals.REACHABLE),
        "reply-within": _typed(out, _("How soon do they get an answer?"), proposals.REPLY_WITHIN),
    }
    hours["outside-hours"] = prompts.choose(
        out,
        _("Outside those hours:"),
        view.choices(org.OutsideHours),
    )
    if hours["outside-hours"] == org.OutsideHours.ON_CALL.value:
        emergency = _typed(
            out, _("Whom do clients contact in an emergency outside those hours?"), None
        )
        if emergency:
            hours["emergency"] = emergency
    return {k: v for k, v in hours.items() if v is not None}


def interview(out: Console) -> dict[str, Any]:
    """Ask everything a rules file holds; the answers as the file's data (not checked yet)."""
    out.print()
    while True:
        name = _text(out, _("What is your organisation called? "))
        if name:
            break
        out.print(Text(_("Please type a name."), style="yellow"))
    country = prompts.choose(
        out,
        _("In which country does your organisation work?"),
        [(Country.BE, _("Belgium")), (Country.NL, _("the Netherlands"))],
    )
    channels = _channels(out)
    hours = _hours(out)
    recording = prompts.choose(
        out,
        _("May a conversation with a client be recorded?"),
        view.choices(org.RecordingRule),
        1,
    )
    requests = prompts.choose(
        out,
        _("Friend and follow requests from clients and their families:"),
        view.choices(org.RequestRule),
    )
    details = _details(out)
    steps = _steps(out, country)
    contact = _typed(
        out,
        _("Whom can clients turn to with questions or complaints about this?"),
        proposals.crossed_contact(country),
    )
    when_crossed: dict[str, Any] = {"steps": steps}
    if contact:
        when_crossed["contact"] = contact
    return {
        "organisation": {
            "name": name,
            "country": country.value,
            "updated": clock.today().isoformat(),
        },
        "channels": channels,
        "hours": hours,
        "recording": {"rule": recording},
        "friend-requests": {"rule": requests},
        "contact-details": details,
        "when-crossed": when_crossed,
        "contacts": _contacts(out, country),
    }
