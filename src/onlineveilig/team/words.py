"""The texts of the team report, one home for the three formats."""

from __future__ import annotations

from onlineveilig.i18n import _, ngettext

from .model import TeamReport


def title() -> str:
    return _("Team report: online safety")


def too_few() -> str:
    return _("too few to show")


def intro(report: TeamReport) -> str:
    files = ngettext(
        "%(n)d audit from %(workers)d worker",
        "%(n)d audits from %(workers)d workers",
        report.files,
    ) % {"n": report.files, "workers": report.workers}
    if report.first_month and report.first_month != report.last_month:
        return _("%(files)s, %(first)s to %(last)s.") % {
            "files": files,
            "first": report.first_month,
            "last": report.last_month,
        }
    return _("%(files)s, %(month)s.") % {"files": files, "month": report.first_month or ""}


def privacy(report: TeamReport) -> str:
    text = _(
        "Nobody can be singled out: every figure rests on at least %(k)d workers. "
        "The files hold no names, notes or descriptions."
    ) % {"k": report.k}
    if report.hidden_any:
        text += " " + _(
            'Figures that rest on fewer workers are not shown: they say "too few to show" or '
            'are counted under "other".'
        )
    return text


def duplicates(report: TeamReport) -> str:
    return ngettext(
        "%(n)d file was left out: a newer file of the same worker and month counts instead.",
        "%(n)d files were left out: a newer file of the same worker and month counts instead.",
        report.duplicates,
    ) % {"n": report.duplicates}


def hidden_items(n: int) -> str:
    return ngettext(
        "%(n)d item: too few workers to show.", "%(n)d items: too few workers to show.", n
    ) % {"n": n}


def heading(key: str) -> str:
    return {
        "skipped": _("Files not counted"),
        "sections": _("Most often not in order, per section"),
        "organisation": _("Support and training from the organisation: missing most"),
        "months": _("Most often not in order, per month"),
        "grid": _("Not in order per section and month (percent of answers)"),
        "trend": _("Trend: answers in order and average score per month"),
        "incidents": _("Incidents"),
        "by_type": _("Incidents by type"),
        "by_month": _("Incidents by month"),
    }[key]


def labels() -> dict[str, str]:
    return {
        "item": _("Item"),
        "not_in_order": _("Not in order"),
        "answers": _("Answers"),
        "month": _("Month"),
        "section": _("Section"),
        "in_order": _("In order"),
        "score": _("Average score"),
        "what": _("What"),
        "number": _("Number"),
        "none": _("None."),
        "total": _("Written down"),
        "reported": _("Reported"),
        "followed_up": _("Followed up"),
        "file": _("File"),
        "why": _("Why"),
    }
