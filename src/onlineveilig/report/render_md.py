"""The report as Markdown that reads well pasted into a mail or a wiki.

Text from notes, checklists or search results is made plain and then escaped (`md`, `code` from
onlineveilig.render.markdown), so it shows as written and never becomes a link, an image, HTML or
formatting. Found addresses are code spans, never links.
"""

from __future__ import annotations

from onlineveilig import text
from onlineveilig.i18n import _
from onlineveilig.render.markdown import code, md

from . import words
from .model import ItemStatus, Report, ReportItem, ReportSection

_ORDER = (
    ItemStatus.OPEN,
    ItemStatus.POSTPONED,
    ItemStatus.NOT_ASKED,
    ItemStatus.IN_ORDER,
    ItemStatus.NOT_APPLICABLE,
)


def _item(item: ReportItem, *, with_status: bool = True) -> list[str]:
    line = "- "
    if with_status:
        line += f"**{words.status_label(item.status)}** · "
    line += md(item.question)
    detail = words.when(item)
    if detail:
        line += f" — {detail}"
    if item.resolved:
        line += f" ({_('resolved')})"
    elif item.new and item.status == ItemStatus.OPEN:
        line += f" ({_('new')})"
    if not item.note:
        return [line]
    # Two spaces end the bullet's line with a hard break: the note shows on a line of its own
    # under it, still part of the same bullet.
    return [line + "  ", f"  *{_('Note')}:* {md(item.note)}"]


def _section(section: ReportSection, level: str) -> list[str]:
    items = sorted(section.items, key=lambda i: (_ORDER.index(i.status), not i.resolved))
    open_n = sum(1 for i in items if i.status == ItemStatus.OPEN)
    ok_n = sum(1 for i in items if i.status == ItemStatus.IN_ORDER)
    out = [f"{level} {md(section.title)} ({open_n} {_('open')} · {ok_n} {_('in order')})", ""]
    for item in items:
        out += _item(item)
    return [*out, ""]


def _history(report: Report) -> str:
    points = report.history[-12:]
    shown = " · ".join(
        f"{words.month_short(p.date.month)} {p.date.year}: {'—' if p.score is None else p.score}"
        for p in points
    )
    return f"{_('Score over time')}: {shown}"


def render(report: Report) -> str:
    sharing = report.sharing
    has_search = report.search is not None
    out = [f"# {words.title(report)}", ""]
    if report.name:
        out.append(words.name_line(report.name) + "  ")
    out += [words.audit_line(report), ""]
    out += [f"> **{_('Personal data')}.** {words.personal_data_note()}", ""]
    out.append(
        f"**{_('In this report:')}** {', '.join(words.sharing_included(sharing, has_search))}."
    )
    left_out = words.sharing_left_out(sharing, has_search)
    if left_out:
        out.append(f"**{_('Left out:')}** {', '.join(label for label, _option in left_out)}.")
    out.append("")

    out += [f"## {_('Score')}", ""]
    out.append(
        f"**{words.score_headline(report.score)}** — {words.score_explanation(report.score)}"
    )
    change = words.score_change(report.score)
    if change:
        out += ["", change]
    if len(report.history) > 1:
        out += ["", _history(report)]
    out.append("")

    every = [*report.sections, *([report.agreements] if report.agreements else [])]
    open_items = report.open_items()  # priority, then checklist order
    resolved = [i for s in every for i in s.items if i.resolved]
    out += [f"## {_('Open action points')}", ""]
    if open_items:
        for item in open_items:
            out += _item(item, with_status=False)
    else:
        out.append(_("No open action points."))
    out.append("")
    if resolved:
        out += [f"## {_('Resolved since the previous audit')}", ""]
        out += [f"- {md(i.question)}" for i in resolved]
        out.append("")

    out += [f"## {_('Per section')}", ""]
    for section in report.sections:
        out += _section(section, "###")
    if report.agreements:
        out += _section(report.agreements, "##")

    if report.search:
        search = report.search
        out += [f"## {_('What others can find about you')}", "", words.search_line(search), ""]
        out += [f"- {md(category)}: {n}" for category, n in search.counts.items()]
        out.append("")
        if search.actions:
            out += [f"### {_('Results marked for action')}", ""]
            for finding in search.actions:
                out.append(
                    f"- **{md(finding.title)}** ({md(finding.category)} · "
                    + (f"{md(finding.action)}: " if finding.action else "")
                    + f"{words.finding_status(finding.status)} · {text.day(finding.first_seen)})"
                )
                if finding.url:
                    out.append(f"  {code(finding.url)}")
                if finding.snippet:
                    out.append(f"  *{md(finding.snippet)}*")
            out.append("")

    if report.profiles:
        out += [f"## {_('Old profiles')}", "", md(words.profiles_line(report.profiles)), ""]
        if report.profiles.sites:
            out += [f"{_('Found on:')} {md(', '.join(report.profiles.sites))}", ""]
        if report.profiles.actions:
            out += [f"### {_('Profiles marked for action')}", ""]
            for action in report.profiles.actions:
                line = f"- {md(words.profile_action(action))}"
                if action.note:
                    line += "  " + f"\n  *{_('Note')}:* {md(action.note)}"
                out.append(line)
            out.append("")

    if report.incidents:
        out += [f"## {_('Incidents')}", "", md(words.incidents_line(report.incidents)), ""]
        if report.incidents.shared:
            out += [f"### {md(words.incident_heading(report.incidents.shared))}", ""]
            for label, value in words.incident_rows(report.incidents.shared):
                out += [f"- **{md(label)}:** {md(value)}"]
            out.append("")

    out += [f"## {_('For the colleague who looks along')}", ""]
    still_open = words.open_summary(open_items)
    if still_open:
        out += [still_open, ""]
    profiles_point = words.profiles_attention(report)
    if report.attention or profiles_point:
        out += [_("Thank you for taking a look. These points are worth a conversation:"), ""]
        out += [f"- {md(words.attention_text(a))}" for a in report.attention]
        out += [f"- {md(profiles_point)}"] if profiles_point else []
        out.append("")
    elif not still_open:
        out += [_("Nothing stands out this time; the questions below still help."), ""]
    # Another bullet character starts a new list, so the standing questions stay apart.
    out += [f"* {p}" for p in words.colleague_prompts()]
    out += ["", f"**{_('Remarks')}:**", "", "", ""]
    out += [f"**{_('Looked at by')}:** ____________________  **{_('On (date)')}:** __________", ""]
    out += ["---", "", f"*{words.made_with(report)}*", ""]
    return "\n".join(out)
