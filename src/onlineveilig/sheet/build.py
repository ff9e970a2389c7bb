"""What the agreement sheet says: the organisation's rules in plain words, for a client.

`build()` decides the texts, in the user's language, for adults or in simple words for young
people, and in the words of the organisation's country where Dutch differs between Flanders and
the Netherlands (`_country`). The texts from the rules file are the organisation's own: they are
put in as written and escaped by both renderers, never trusted.
"""

from __future__ import annotations

from onlineveilig.content.rules import (
    EmailRule,
    OutsideHours,
    PhoneRule,
    RecordingRule,
    RequestRule,
    Rules,
    Share,
    WhatsAppRule,
)
from onlineveilig.i18n import _, pgettext
from onlineveilig.text import day

from .model import Block, Line, Sheet
from .words import capital, detail_label, worded


def _line(young: bool, simple: str, plain: str) -> Line:
    """The sheet's line in simple words for young people, or in plain words for adults."""
    return Line(simple if young else plain)


def _channels(rules: Rules, lang: str, young: bool) -> Block | None:
    channels = rules.channels
    if channels is None:
        return None
    lines: list[Line] = []
    if channels.phone == PhoneRule.WORK_PHONE:
        lines.append(
            _line(
                young,
                _("Call or text me on my work phone."),
                _("Calls and text messages: to your counsellor's work phone."),
            )
        )
    elif channels.phone == PhoneRule.NOT_ALLOWED:
        lines.append(
            _line(
                young,
                _("We don't call or text each other."),
                _("We do not call or text with clients; please use the ways below."),
            )
        )
    if channels.whatsapp == WhatsAppRule.WORK_PHONE:
        lines.append(
            _line(
                young,
                _("WhatsApp? Only to my work phone."),
                _("WhatsApp: only with your counsellor's work phone."),
            )
        )
    elif channels.whatsapp == WhatsAppRule.NOT_ALLOWED:
        lines.append(
            _line(
                young,
                _("I don't use WhatsApp with you."),
                _("We do not use WhatsApp for contact with clients."),
            )
        )
    elif channels.whatsapp == WhatsAppRule.ALLOWED:
        lines.append(
            _line(
                young,
                _("You can send me a WhatsApp message on the number I give you."),
                _("WhatsApp: possible, on the number your counsellor gives you."),
            )
        )
    if channels.email == EmailRule.WORK_ADDRESS:
        lines.append(
            _line(
                young,
                _("You can e-mail my work address."),
                _("E-mail: to your counsellor's work e-mail address."),
            )
        )
    elif channels.email == EmailRule.NOT_ALLOWED:
        lines.append(
            _line(
                young,
                _("We don't e-mail each other."),
                _("We do not use e-mail for contact with clients."),
            )
        )
    if channels.portal:
        name = channels.portal.name
        lines.append(
            Line(
                (
                    _("You can also send me a message through %(portal)s.")
                    if young
                    else _("%(portal)s: our client portal, for messages and documents.")
                )
                % {"portal": name},
                channels.portal.url,
            )
        )
    if channels.note:
        lines.append(Line(channels.note.get(lang)))
    heading = _("How can you reach me?") if young else _("How we keep in touch")
    return Block(heading, lines) if lines else None


def _hours(rules: Rules, lang: str, young: bool) -> Block | None:
    hours = rules.hours
    lines: list[Line] = []
    if hours is not None:
        if hours.reachable:
            when = hours.reachable.get(lang)
            lines.append(
                Line(
                    (_("I can be reached: %(when)s.") if young else _("Reachable: %(when)s."))
                    % {"when": when.rstrip(".")}
                )
            )
        if hours.reply_within:
            within = hours.reply_within.get(lang).rstrip(".")
            lines.append(
                Line(
                    (_("I answer %(within)s.") if young else _("You get an answer %(within)s."))
                    % {"within": within}
                )
            )
        if hours.outside_hours == OutsideHours.NOT_REACHABLE:
            lines.append(
                _line(
                    young,
                    _("After those hours I don't answer. Not even a short message."),
                    _(
                        "Outside these hours your counsellor does not answer calls or messages, "
                        "not even briefly. That goes for all our staff."
                    ),
                )
            )
        elif hours.outside_hours == OutsideHours.ON_CALL:
            lines.append(
                _line(
                    young,
                    _("After those hours, someone is on call for emergencies."),
                    _("Outside these hours there is an on-call service for emergencies."),
                )
            )
        if hours.emergency:
            who = hours.emergency.get(lang).rstrip(".")
            if young:
                lines.append(
                    Line(_("Emergency after those hours? %(who)s.") % {"who": capital(who)})
                )
            else:
                lines.append(
                    Line(_("In an emergency outside these hours: %(who)s.") % {"who": who})
                )
        if hours.note:
            lines.append(Line(hours.note.get(lang)))
    country = rules.organisation.country
    if country == "be":
        lines.append(
            Line(
                _("In danger right now? Call 101 (police) or 112 (ambulance, fire brigade).")
                if not young
                else _("In danger right now? Call 101 (police) or 112 (ambulance).")
            )
        )
    elif country == "nl":
        lines.append(Line(_("In danger right now? Call 112.")))
    if not lines:
        return None
    return Block(_("When can you reach me?") if young else _("When you can reach us"), lines)


def _recording(rules: Rules, lang: str, young: bool) -> Block | None:
    if rules.recording is None:
        return None
    texts = {
        RecordingRule.NOT_ALLOWED: (
            _("We don't record our talks. Not you, and not me.")
            if young
            else _("Conversations are not recorded: not by you and not by us.")
        ),
        RecordingRule.WITH_CONSENT: (
            _("Want to record our talk? Ask first. We only do it if everyone says yes.")
            if young
            else _(
                "A conversation may only be recorded if everyone present agrees beforehand. "
                "We then agree together what happens to the recording."
            )
        ),
        RecordingRule.ALLOWED: (
            _("You may record our talk. Just tell me.")
            if young
            else _("You may record a conversation. Please tell us when you do.")
        ),
    }
    lines = [Line(texts[rules.recording.rule])]
    if rules.recording.note:
        lines.append(Line(rules.recording.note.get(lang)))
    return Block(_("Recording") if young else _("Recording conversations"), lines)


def _requests(rules: Rules, lang: str, young: bool) -> Block | None:
    if rules.friend_requests is None:
        return None
    texts = {
        RequestRule.NEVER: (
            _(
                "I don't accept friend requests or follows from you or your family. Not now, not later."
            )
            if young
            else _(
                "Your counsellor does not accept or send friend or follow requests with clients "
                "or their families, not even after the care has ended."
            )
        ),
        RequestRule.NOT_DURING_CARE: (
            _("As long as I'm your counsellor, I don't accept friend requests or follows.")
            if young
            else _(
                "While the care lasts, your counsellor does not accept or send friend or follow "
                "requests with clients or their families."
            )
        ),
        RequestRule.ASK_FIRST: (
            _("A friend request? I have to ask my boss first.")
            if young
            else _(
                "Your counsellor only accepts a friend or follow request after talking it over "
                "with their manager."
            )
        ),
    }
    lines = [
        Line(texts[rules.friend_requests.rule]),
        _line(
            young,
            _("It's not about you. It's a rule for everyone."),
            _("This is not personal: it is a rule for all our staff."),
        ),
    ]
    if rules.friend_requests.note:
        lines.append(Line(rules.friend_requests.note.get(lang)))
    return Block(_("Social media"), lines)


def _details(rules: Rules, lang: str, young: bool) -> Block | None:
    details = rules.contact_details
    if details is None:
        return None
    groups: dict[Share, list[str]] = {share: [] for share in Share}
    for name, rule in details.rules().items():
        groups[rule].append(detail_label(name))
    lines: list[Line] = []
    if groups[Share.SHARE]:
        lines.append(
            Line(
                (_("You get: %(list)s.") if young else _("What your counsellor shares: %(list)s."))
                % {"list": ", ".join(groups[Share.SHARE])}
            )
        )
    if groups[Share.ASK_FIRST]:
        lines.append(
            Line(
                (
                    _("Only if my team says yes: %(list)s.")
                    if young
                    else _("Only after checking with the team: %(list)s.")
                )
                % {"list": ", ".join(groups[Share.ASK_FIRST])}
            )
        )
    if groups[Share.NEVER]:
        lines.append(
            Line(
                (
                    _("These stay private: %(list)s. Please don't look for them.")
                    if young
                    else _(
                        "What stays private: %(list)s. Please don't look for them or pass them on."
                    )
                )
                % {"list": ", ".join(groups[Share.NEVER])}
            )
        )
    if details.note:
        lines.append(Line(details.note.get(lang)))
    if not lines:
        return None
    return Block(_("My details") if young else _("Contact details"), lines)


def _crossed(rules: Rules, lang: str, young: bool) -> Block | None:
    crossed = rules.when_crossed
    if crossed is None:
        return None
    lead = (
        _("If someone breaks these rules, this is what happens:")
        if young
        else _("If someone does not keep these agreements, these are the steps:")
    )
    after: list[str] = []
    if crossed.contact:
        who = crossed.contact.get(lang).rstrip(".")
        if young:
            after.append(_("Want to talk about it? %(who)s.") % {"who": capital(who)})
        else:
            after.append(_("Questions or complaints about this: %(who)s.") % {"who": who})
    young_heading = worded(
        rules, _("If something goes wrong"), pgettext("Netherlands", "If something goes wrong")
    )
    heading = young_heading if young else _("If an agreement is not kept")
    return Block(heading, [], lead, crossed.steps.get(lang), after)


def _contacts(rules: Rules, lang: str, young: bool) -> Block | None:
    lines: list[Line] = []
    for contact in rules.contacts:
        if not contact.on_sheet:
            continue
        parts = [f"{contact.name} ({contact.role.get(lang)})"]
        parts += [p for p in (contact.phone, contact.email) if p]
        text = " — ".join(parts)
        if contact.when:
            text += ". " + contact.when.get(lang)
        lines.append(Line(text))
    if not lines:
        return None
    return Block(_("Who you can contact") if young else _("Contacts"), lines)


def build(rules: Rules, lang: str, young: bool) -> Sheet:
    """What the sheet says, in the user's language (`lang` picks the organisation's texts)."""
    org = rules.organisation
    if young:
        intro = [
            _("How do we keep in touch? These are our rules."),
            _("They are the same for everyone. They protect you, and me too."),
        ]
    else:
        intro = [
            _(
                "These agreements say how and when we are in touch. They protect you and your "
                "counsellor, and they are the same for all our clients. We go through them "
                "together at the first meeting."
            )
        ]
    if org.intro:
        intro.append(org.intro.get(lang))
    parts = (_channels, _hours, _recording, _requests, _details, _crossed, _contacts)
    blocks = [b for b in (part(rules, lang, young) for part in parts) if b is not None]
    if young:
        closing = _("We talked about these rules together. Questions? Just ask me.")
        signatures = [_("You"), _("Me (your counsellor)"), _("Date")]
        title = _("Our rules for keeping in touch")
    else:
        closing = _("We went through these agreements together.")
        signatures = [_("Client or parent"), _("Counsellor"), _("Date")]
        title = _("Agreements about contact")
    # Without a date in the file there is no version to name: today's date would change at
    # every print and make two copies of the same rules look different.
    if org.updated:
        footer = _("Agreements of %(org)s, version of %(date)s.") % {
            "org": org.name,
            "date": day(org.updated),
        }
    else:
        footer = _("Agreements of %(org)s.") % {"org": org.name}
    return Sheet(lang, young, title, org.name, intro, blocks, closing, signatures, footer)
