"""`onlineveilig signalen`: an anonymous summary of the incidents for a team meeting or
supervision. Counts only: by type, channel and month, and how many were reported and followed
up. Nothing the user typed is in it: no descriptions, names, pseudonyms, notes, reported-to
texts or file names; a channel in the user's own words (not a known platform) is counted as
"other", and so is a type that is not on the list. Pure: no I/O, no terminal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from onlineveilig.i18n import _, ngettext
from onlineveilig.render.markdown import md
from onlineveilig.text import day, month_name

from .export.words import month_key
from .model import Incident, Status

OTHER = "other"


@dataclass(frozen=True)
class Count:
    label: str
    n: int


@dataclass(frozen=True)
class Signals:
    lang: str
    since: date | None
    total: int
    reported: int
    followed_up: int
    open: int
    by_type: list[Count]
    by_channel: list[Count]
    by_month: list[Count]  # oldest first


def _month(incident: Incident) -> str:
    return month_key(incident.started) or incident.created_at.strftime("%Y-%m")


def _day(incident: Incident) -> date:
    key = incident.started.strip()[:10]
    try:
        return date.fromisoformat(key)
    except ValueError:
        return incident.created_at.date()


def _ranked(counter: Counter[str], labels: Mapping[str, str]) -> list[Count]:
    other = counter.pop(OTHER, 0)
    ranked = [
        Count(labels[key], n) for key, n in sorted(counter.items(), key=lambda x: (-x[1], x[0]))
    ]
    return ranked + ([Count(_("other"), other)] if other else [])


@dataclass(frozen=True)
class Tally:
    """The counts by id (type ids, platform ids or "other", "YYYY-MM"), before any wording."""

    total: int
    reported: int
    followed_up: int
    open: int
    by_type: Counter[str]
    by_channel: Counter[str]
    by_month: Counter[str]


def tally(
    incidents: Iterable[Incident],
    *,
    since: date | None,
    types: Collection[str],
    channels: Collection[str],
) -> Tally:
    """`types` and `channels`: the known ids; anything else is "other"."""
    chosen = [
        i for i in incidents if i.status == Status.SAVED and (since is None or _day(i) >= since)
    ]
    by_type: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    for incident in chosen:
        for kind in dict.fromkeys(incident.types) or (OTHER,):
            by_type[kind if kind in types else OTHER] += 1
        channel = incident.channel.strip().lower()
        by_channel[channel if channel in channels else OTHER] += 1
        by_month[_month(incident)] += 1
    return Tally(
        total=len(chosen),
        reported=sum(1 for i in chosen if i.reported),
        followed_up=sum(1 for i in chosen if i.followed_up),
        open=sum(1 for i in chosen if i.open),
        by_type=by_type,
        by_channel=by_channel,
        by_month=by_month,
    )


def build(
    incidents: Iterable[Incident],
    *,
    lang: str,
    since: date | None,
    types: Mapping[str, str],
    channels: Mapping[str, str],
) -> Signals:
    """`types` and `channels`: the known ids and their names; anything else is "other"."""
    counts = tally(incidents, since=since, types=types, channels=channels)
    months = [
        Count(f"{month_name(int(key[5:7]))} {key[:4]}", counts.by_month[key])
        for key in sorted(counts.by_month)
    ]
    return Signals(
        lang=lang,
        since=since,
        total=counts.total,
        reported=counts.reported,
        followed_up=counts.followed_up,
        open=counts.open,
        by_type=_ranked(Counter(counts.by_type), types),
        by_channel=_ranked(Counter(counts.by_channel), channels),
        by_month=months,
    )


def title() -> str:
    return _("Signals: incidents in numbers")


def intro(signals: Signals) -> str:
    counts = {
        "total": signals.total,
        "reported": signals.reported,
        "followed": signals.followed_up,
    }
    if signals.since is not None:
        return ngettext(
            "Since %(date)s: %(total)d incident, %(reported)d reported, %(followed)d followed up.",
            "Since %(date)s: %(total)d incidents, %(reported)d reported, %(followed)d followed up.",
            signals.total,
        ) % {**counts, "date": day(signals.since)}
    return (
        ngettext(
            "%(total)d incident, %(reported)d reported, %(followed)d followed up.",
            "%(total)d incidents, %(reported)d reported, %(followed)d followed up.",
            signals.total,
        )
        % counts
    )


def privacy_note() -> str:
    return _(
        "Counts only: no descriptions, names, pseudonyms, notes or files. A channel in "
        'someone\'s own words counts as "other".'
    )


def tables(signals: Signals) -> list[tuple[str, list[Count]]]:
    return [
        (_("By type"), signals.by_type),
        (_("By channel"), signals.by_channel),
        (_("By month"), signals.by_month),
    ]


def to_markdown(signals: Signals) -> str:
    out = [f"# {md(title())}", "", md(intro(signals)), ""]
    if signals.open:
        out += [md(_("Still open: %(n)d.") % {"n": signals.open}), ""]
    for heading, counts in tables(signals):
        out += [f"## {md(heading)}", ""]
        if not counts:
            out += [md(_("None.")), ""]
            continue
        out += [f"| {md(_('What'))} | {md(_('Number'))} |", "|---|---:|"]
        out += [f"| {md(c.label)} | {c.n} |" for c in counts] + [""]
    out += [f"*{md(privacy_note())}*", ""]
    return "\n".join(out)


def to_html(signals: Signals) -> str:
    from onlineveilig.render.html import jinja_env

    return (
        jinja_env()
        .get_template("signalen.html")
        .render(
            s=signals,
            title=title(),
            intro=intro(signals),
            still_open=_("Still open: %(n)d.") % {"n": signals.open} if signals.open else "",
            tables=tables(signals),
            none=_("None."),
            what=_("What"),
            number=_("Number"),
            note=privacy_note(),
        )
    )
