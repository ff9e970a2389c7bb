"""The report in words: labels, dates and sentences shared by the HTML and Markdown renderers.

Untrusted text (notes, questions from an organisation's file, search results) goes through
`plain()` first (from onlineveilig.render, the one home of the escaping rules): control
characters, escapes and direction overrides cannot survive into a file someone else opens.
"""

from __future__ import annotations

from datetime import date

from onlineveilig.i18n import _, ngettext
from onlineveilig.render import plain
from onlineveilig.text import age, day

from .model import (
    Attention,
    AttentionKind,
    IncidentFacts,
    IncidentsSummary,
    ItemStatus,
    Priority,
    ProfileAction,
    ProfilesSummary,
    Report,
    ReportItem,
    Score,
    SearchSummary,
    Sharing,
)


def month_short(month: int) -> str:
    return (
        _("Jan"),
        _("Feb"),
        _("Mar"),
        _("Apr"),
        _("May"),
        _("Jun"),
        _("Jul"),
        _("Aug"),
        _("Sep"),
        _("Oct"),
        _("Nov"),
        _("Dec"),
    )[month - 1]


def short_day(value: date) -> str:
    """2 Nov 2026 / 2 nov 2026: for tables and lists, where the full month makes lines wrap."""
    return f"{value.day} {month_short(value.month)} {value.year}"


def status_label(status: ItemStatus) -> str:
    return {
        ItemStatus.IN_ORDER: _("in order"),
        ItemStatus.OPEN: _("open"),
        ItemStatus.NOT_APPLICABLE: _("n/a"),
        ItemStatus.POSTPONED: _("postponed"),
        ItemStatus.NOT_ASKED: _("not asked yet"),
    }[status]


def title(report: Report) -> str:
    return _("Online safety report — %(date)s") % {"date": day(report.audit.finished.date())}


def score_headline(score: Score) -> str:
    if score.percent is None:
        return _("No score")
    return _("Score: %(score)d/100") % {"score": score.percent}


def score_explanation(score: Score) -> str:
    if score.percent is None:
        return _("No score yet: no essential or recommended item applies.")
    return ngettext(
        "%(ok)d of the %(n)d essential or recommended item that applies to you is in order "
        "('n/a' answers do not count).",
        "%(ok)d of the %(n)d essential and recommended items that apply to you are in order "
        "('n/a' answers do not count).",
        score.counted,
    ) % {"ok": score.in_order, "n": score.counted}


def score_change(score: Score) -> str | None:
    if score.previous is None or score.percent is None:
        return None
    delta = score.percent - score.previous
    return _("Previous audit: %(before)d/100 (%(delta)s).") % {
        "before": score.previous,
        "delta": f"+{delta}" if delta > 0 else f"−{-delta}" if delta < 0 else "±0",
    }


def audit_line(report: Report) -> str:
    audit = report.audit
    return ngettext(
        "Audit %(n)d of %(date)s: %(answered)d of %(asked)d question answered.",
        "Audit %(n)d of %(date)s: %(answered)d of %(asked)d questions answered.",
        audit.asked,
    ) % {
        "n": audit.number,
        "date": day(audit.finished.date()),
        "answered": audit.answered,
        "asked": audit.asked,
    }


def when(item: ReportItem) -> str:
    """Since when an item is open, or when it was last answered."""
    if item.open_since is not None and not item.open_days:
        return _("open since %(date)s") % {"date": short_day(item.open_since)}
    if item.open_since is not None:
        return _("open since %(date)s (%(age)s)") % {
            "date": short_day(item.open_since),
            "age": age(item.open_days or 0),
        }
    if item.answered_on is not None:
        return _("answered %(date)s") % {"date": short_day(item.answered_on)}
    return ""


def name_line(name: str) -> str:
    return _("For: %(name)s") % {"name": plain(name)}


def made_with(report: Report) -> str:
    return _("Made with %(generator)s on %(date)s.") % {
        "generator": report.generator,
        "date": day(report.created.date()),
    }


def finding_status(status: str) -> str:
    return _("done") if status == "done" else _("still to do")


def profile_action(action: ProfileAction) -> str:
    """'GitHub (delete the old account · still to do)': plain text, to be escaped."""
    what = f"{action.action} · " if action.action else ""
    return f"{plain(action.site)} ({what}{finding_status(action.status)})"


def search_line(search: SearchSummary) -> str:
    return _("Searched on %(date)s; new since the previous search: %(n)d.") % {
        "date": day(search.searched_on),
        "n": search.new_since_previous,
    }


def profiles_line(profiles: ProfilesSummary) -> str:
    """'Usernames checked on 3 November 2026: 4 profiles found; 2 sites could not be checked.'
    The profiles to act on are named one by one (profile_action) and counted in the colleague's
    part (profiles_attention), as the search results marked for action are."""
    line = _("Usernames checked on %(date)s: %(found)s.") % {
        "date": day(profiles.checked_on),
        "found": ngettext("%(n)d profile found", "%(n)d profiles found", profiles.found)
        % {"n": profiles.found},
    }
    if profiles.not_checked:
        line += " " + ngettext(
            "%(n)d site could not be checked.",
            "%(n)d sites could not be checked.",
            profiles.not_checked,
        ) % {"n": profiles.not_checked}
    if not profiles.complete:
        line += " " + _("The check was not finished.")
    return line


def incidents_line(incidents: IncidentsSummary) -> str:
    """'3 incidents written down: 1 open, 2 reported, 1 followed up.' (counts only)."""
    return ngettext(
        "%(n)d incident written down: %(open)d open, %(reported)d reported, "
        "%(followed)d followed up.",
        "%(n)d incidents written down: %(open)d open, %(reported)d reported, "
        "%(followed)d followed up.",
        incidents.total,
    ) % {
        "n": incidents.total,
        "open": incidents.open,
        "reported": incidents.reported,
        "followed": incidents.followed_up,
    }


def incident_heading(facts: IncidentFacts) -> str:
    return _("Incident %(n)d (you chose to include it)") % {"n": facts.number}


def incident_rows(facts: IncidentFacts) -> list[tuple[str, str]]:
    """One shared incident's facts as (label, value), in the report's language."""
    from onlineveilig.incidents.answers import moment_text as moment
    from onlineveilig.incidents.export.words import when
    from onlineveilig.incidents.types import field_label

    not_yet, none = _("not yet"), _("not given")
    return [
        (_("When"), when(facts.started, facts.ended) or none),
        (field_label("channel"), facts.channel or none),
        (field_label("types"), ", ".join(facts.types) or none),
        (field_label("description"), facts.description or none),
        (field_label("who"), facts.who or none),
        (field_label("actions"), facts.actions or none),
        (field_label("reported_to"), facts.reported_to or not_yet),
        (field_label("reported_at"), moment(facts.reported_at) or not_yet),
        (field_label("followed_up_at"), moment(facts.followed_up_at) or not_yet),
        (field_label("support"), facts.support or none),
        (
            _("Evidence"),
            _("%(files)d files and %(urls)d web addresses kept (not in this report).")
            % {"files": facts.evidence_files, "urls": facts.evidence_urls},
        ),
    ]


def profiles_attention(report: Report) -> str | None:
    """In a report for a colleague: how many found profiles still need action (the user's own
    report names them, profile_action); None when none do."""
    profiles = report.profiles
    if profiles is None or not profiles.open_actions or not report.sharing.for_colleague:
        return None
    return ngettext(
        "%(n)d profile still needs action.",
        "%(n)d profiles still need action.",
        profiles.open_actions,
    ) % {"n": profiles.open_actions}


def attention_text(point: Attention) -> str:
    question = plain(point.question or point.item_id or "")
    if point.kind == AttentionKind.SCORE_DOWN:
        return _("The score went down from %(before)d to %(after)d: what got in the way?") % {
            "before": point.before or 0,
            "after": point.after or 0,
        }
    if point.kind == AttentionKind.AGREEMENT_OPEN:
        return _("Agreement with clients still open (%(age)s): %(question)s") % {
            "age": age(point.days or 0),
            "question": question,
        }
    if point.kind == AttentionKind.LONG_OPEN:
        return _("Open for %(age)s: %(question)s — what would help to finish it?") % {
            "age": age(point.days or 0),
            "question": question,
        }
    if point.kind == AttentionKind.NEW_OPEN:
        return _("New action point: %(question)s") % {"question": question}
    n = point.after or 0
    return ngettext(
        "%(n)d search result still needs action.",
        "%(n)d search results still need action.",
        n,
    ) % {"n": n}


def open_summary(items: list[ReportItem]) -> str | None:
    """How many action points are open, essential first; None when none are."""
    open_items = [i for i in items if i.status == ItemStatus.OPEN]
    if not open_items:
        return None
    n = len(open_items)
    by_priority = {p: sum(1 for i in open_items if i.priority == p) for p in Priority}
    # ngettext although English does not change: Dutch does ("1 essentieel", "2 essentiële").
    labels = {
        Priority.ESSENTIAL: lambda k: ngettext("%(n)d essential", "%(n)d essential", k),
        Priority.RECOMMENDED: lambda k: ngettext("%(n)d recommended", "%(n)d recommended", k),
        Priority.EXTRA: lambda k: ngettext("%(n)d extra", "%(n)d extra", k),
    }
    parts = [labels[p](k) % {"n": k} for p, k in by_priority.items() if k]
    return ngettext(
        "%(n)d action point is still open (%(parts)s): see the open action points above.",
        "%(n)d action points are still open (%(parts)s): see the open action points above.",
        n,
    ) % {"n": n, "parts": ", ".join(parts)}


def colleague_prompts() -> list[str]:
    """Questions that are always worth asking, whatever the audit said."""
    return [
        _("Are the open action points realistic, and who can help with them?"),
        _("Is there a situation with a client that the checklist does not cover?"),
        _("Is there something the team or organisation should arrange?"),
    ]


def sharing_included(sharing: Sharing, has_search: bool) -> list[str]:
    parts = [_("score and history"), _("the answers per section")]
    if sharing.notes:
        parts.append(_("your notes"))
    if sharing.name:
        parts.append(_("your name"))
    if has_search:
        parts.append(
            _("search results with addresses") if sharing.findings else _("search results")
        )
    return parts


def sharing_left_out(sharing: Sharing, has_search: bool) -> list[tuple[str, str]]:
    """What was left out, each with the option that would put it in."""
    parts = []
    if not sharing.notes:
        parts.append((_("your notes"), "--with-notes"))
    if not sharing.name:
        parts.append((_("your name"), "--with-name"))
    if has_search and not sharing.findings:
        parts.append((_("addresses and text of search results"), "--with-findings"))
    return parts


def personal_data_note() -> str:
    return _(
        "This report contains personal data about you, and your notes may mention situations "
        "with clients. Share it only with people you choose, keep it safe, and delete it when "
        "it is no longer needed."
    )
