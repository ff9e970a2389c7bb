"""The names of an incident's parts on the command line (incident edit N PART)."""

from __future__ import annotations

from onlineveilig.i18n import language

# How fields are named on the command line (incident edit N PART): English and Dutch; the
# field's own name works too.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "started": ("when", "wanneer"),
    "ended": ("until", "tot"),
    "channel": ("channel", "kanaal"),
    "types": ("what", "wat"),
    "description": ("description", "beschrijving"),
    "who": ("who", "wie"),
    "actions": ("actions", "gedaan"),
    "reported_to": ("reported-to", "gemeld-aan"),
    "reported_at": ("reported-on", "gemeld-op"),
    "followed_up_at": ("followed-up-on", "opgevolgd-op"),
    "support": ("support", "steun"),
}


def field_names() -> list[str]:
    """The names of the fields in the user's language, in question order."""
    index = 0 if language() == "en" else 1
    return [names[index] for names in FIELD_NAMES.values()]


def field_of(name: str) -> str | None:
    """The field a typed name means (either language, or the field's own name); None if none."""
    typed = name.strip().lower().replace("_", "-")
    for field, names in FIELD_NAMES.items():
        if typed in {*names, field.replace("_", "-")}:
            return field
    return None
