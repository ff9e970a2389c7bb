"""What `afspraken init` proposes when the user presses Enter, in the words of their country.

Belgium keeps the Flemish words (teamverantwoordelijke, verwittigd); the Netherlands gets its own
(teamleider, ingelicht). Texts that read well in both are written once.
"""

from __future__ import annotations

from onlineveilig.content.models import Steps, Text
from onlineveilig.content.rules import Country, Detail, Share

REACHABLE = Text(nl="maandag tot vrijdag, van 9 tot 17 uur", en="Monday to Friday, 9 am to 5 pm")
REPLY_WITHIN = Text(nl="binnen twee werkdagen", en="within two working days")
CONTACT_ROLE = Text(nl="contactpersoon", en="contact person")

_CROSSED_CONTACT = {
    Country.BE: Text(
        nl="de teamverantwoordelijke van je begeleider", en="your counsellor's team leader"
    ),
    Country.NL: Text(nl="de teamleider van je begeleider", en="your counsellor's team leader"),
}

_STEPS_EN = [
    "Your counsellor talks with you about what happened and repeats the agreement.",
    "If it happens again, a clear warning follows.",
    "After that, the team leader talks with you about how contact will go on.",
    "In case of threats or intimidation, the police may be informed.",
]
_STEPS = {
    Country.BE: Steps(
        nl=[
            "Je begeleider bespreekt met jou wat er gebeurde en herhaalt de afspraak.",
            "Gebeurt het opnieuw, dan volgt een duidelijke waarschuwing.",
            "Daarna bespreekt de teamverantwoordelijke met jou hoe het contact verder verloopt.",
            "Bij bedreiging of intimidatie kan de politie verwittigd worden.",
        ],
        en=_STEPS_EN,
    ),
    Country.NL: Steps(
        nl=[
            "Je begeleider bespreekt met jou wat er is gebeurd en herhaalt de afspraak.",
            "Gebeurt het opnieuw, dan volgt een duidelijke waarschuwing.",
            "Daarna bespreekt de teamleider met jou hoe het contact verder gaat.",
            "Bij bedreiging of intimidatie kan de politie worden ingelicht.",
        ],
        en=_STEPS_EN,
    ),
}

# Work details may be shared, the surname after checking with the team; the rest stays private.
_SHARED = frozenset({Detail.FIRST_NAME, Detail.WORK_PHONE, Detail.WORK_EMAIL, Detail.WORK_ADDRESS})
_ASK_FIRST = frozenset({Detail.SURNAME})


def steps(country: Country) -> Steps:
    """What happens when someone does not keep the agreements."""
    return _STEPS[country]


def crossed_contact(country: Country) -> Text:
    """Whom clients can turn to with questions or complaints about those steps."""
    return _CROSSED_CONTACT[country]


def share(detail: Detail) -> Share:
    if detail in _SHARED:
        return Share.SHARE
    return Share.ASK_FIRST if detail in _ASK_FIRST else Share.NEVER
