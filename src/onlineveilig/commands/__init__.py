"""The commands, one module each, imported only when they run (start-up stays fast).

COMMANDS lists them in the order `onlineveilig --help` shows, with their one-line help; the
module for a name is onlineveilig.commands.<name with - as _>, and its register(app) adds it.
Commands are declared under these names; the English name of a Dutch one is in onlineveilig.names.
"""

from onlineveilig.i18n import N_

COMMANDS: dict[str, str] = {
    "audit": N_("Run the monthly self-check, one question at a time."),
    "status": N_("Show when the next audit is due, the open action points and the score trend."),
    "history": N_("Show every audit you did, one row each."),
    "checklists": N_("List the checklist sections and their items."),
    "config": N_("Show or change your profile and settings."),
    "search-me": N_("Search the web for your own name and review what it shows about you."),
    "profiles": N_("Check which sites have an account under your usernames (old profiles too)."),
    "key": N_("Save or remove the API key of a search provider (kept in your keyring)."),
    "report": N_("Write a report of your audit to show a colleague (HTML, Markdown or JSON)."),
    "afspraken": N_(
        "Your organisation's rules for online contact with clients, and a sheet to go through with them."
    ),
    "platforms": N_("How each platform exposes you, and which settings to check."),
    "hulp": N_("Where to turn when a client crosses a line online."),
    "incident": N_("Write down what happened online, keep the evidence intact, and report it."),
    "signalen": N_("The incidents in numbers, for a team meeting (no names, no descriptions)."),
    "deel": N_(
        "Write a small anonymous file for your organisation's prevention contact (you see it first)."
    ),
    "team": N_("For the prevention contact: one team report from your colleagues' share files."),
    "reminder": N_("Write a calendar file (.ics) with a monthly reminder for the audit."),
    "wipe": N_("Delete everything onlineveilig stored on this computer."),
    "completion": N_("Let your shell complete onlineveilig's commands and options (Tab key)."),
}


def help_for(name: str) -> str:
    """A command's one-line help in the user's language."""
    from onlineveilig.i18n import _

    return _(COMMANDS[name])
