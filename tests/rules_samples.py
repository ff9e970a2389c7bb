"""Rules files written by tests (into tmp_path), so tests never depend on the example in the repo."""

from __future__ import annotations

from pathlib import Path

FULL = """
[organisation]
name = "Jeugdhulp Het Anker vzw"
country = "be"
updated = 2026-02-01
intro.nl = "Welkom bij Het Anker."
intro.en = "Welcome to Het Anker."

[channels]
phone = "work-phone"
whatsapp = "work-phone"
email = "work-address"
note.nl = "WhatsApp alleen voor praktische berichten."
note.en = "WhatsApp only for practical messages."

[channels.portal]
name = "Mijn Anker"
url = "https://mijn.anker.example"

[hours]
reachable.nl = "maandag tot vrijdag, van 9 tot 17 uur"
reachable.en = "Monday to Friday, 9 am to 5 pm"
reply-within.nl = "binnen twee werkdagen"
reply-within.en = "within two working days"
outside-hours = "not-reachable"

[recording]
rule = "not-allowed"

[friend-requests]
rule = "never"

[contact-details]
first-name = "share"
work-phone = "share"
surname = "ask-first"
private-number = "never"
home-address = "never"

[when-crossed]
steps.nl = ["Eerst een gesprek.", "Dan een waarschuwing.", "Bij bedreiging: de politie."]
steps.en = ["First a conversation.", "Then a warning.", "In case of threats: the police."]
contact.nl = "de teamverantwoordelijke"
contact.en = "the team leader"

[[contacts]]
name = "Lotte Maes"
role.nl = "Teamverantwoordelijke"
role.en = "Team leader"
phone = "+32 9 000 00 41"
email = "lotte@anker.example"
when.nl = "Op werkdagen."
when.en = "On working days."
on-sheet = true

[[contacts]]
name = "Pieter Claes"
role.nl = "Vertrouwenspersoon"
phone = "+32 9 000 00 42"
"""

MINIMAL = """
[organisation]
name = "Kleine Dienst"
"""

# Text an organisation's file could hold that must never act: markup, HTML, ANSI, a script link.
HOSTILE = '<script>alert(1)</script> " onmouseover="x [bold red]markup[/] \x1b[31mred [klik](javascript:alert(2))'


def hostile_rules() -> str:
    text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\u001b")
    return f"""
[organisation]
name = "{text}"
country = "nl"
intro.nl = "{text}"

[channels]
whatsapp = "not-allowed"
note.nl = "{text}"

[channels.portal]
name = "{text}"
url = "https://portaal.example/\\"onmouseover=\\"alert(3)"

[hours]
reachable.nl = "{text}"
emergency.nl = "{text}"

[recording]
rule = "allowed"
note.nl = "{text}"

[friend-requests]
rule = "ask-first"
note.nl = "{text}"

[contact-details]
private-number = "never"
note.nl = "{text}"

[when-crossed]
steps.nl = ["{text}", "javascript:alert(4)"]
contact.nl = "{text}"

[[contacts]]
name = "{text}"
role.nl = "{text}"
phone = "{text}"
email = "{text}"
when.nl = "{text}"
on-sheet = true
"""


def write_rules(folder: Path, body: str, name: str = "afspraken.toml") -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path
