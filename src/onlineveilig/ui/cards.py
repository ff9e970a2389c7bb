"""How one checklist item, action lists and the audit summary look in the terminal."""

from __future__ import annotations

from datetime import date

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from onlineveilig.audit.logic import Changes, Score
from onlineveilig.audit.model import Action, Answer, AnswerRecord
from onlineveilig.content.data import Checklist, Frequency, Item, Platform, Priority, Topic
from onlineveilig.content.loader import Content
from onlineveilig.i18n import _, language
from onlineveilig.text import priority_label
from onlineveilig.ui import format as fmt
from onlineveilig.ui.actions import columns as action_columns
from onlineveilig.ui.actions import open_for as open_for
from onlineveilig.ui.actions import rows as action_rows
from onlineveilig.ui.actions import title as actions_title
from onlineveilig.ui.safe import text


def frequency_label(frequency: Frequency) -> str:
    return {
        Frequency.MONTHLY: _("monthly"),
        Frequency.QUARTERLY: _("every three months"),
        Frequency.YEARLY: _("once a year"),
        Frequency.ONCE: _("once"),
    }[frequency]


def answer_label(answer: Answer) -> str:
    return {
        Answer.JA: _("yes"),
        Answer.NEE: _("no"),
        Answer.NVT: _("n/a"),
        Answer.LATER: _("later"),
    }[answer]


ANSWER_STYLE = {Answer.JA: "green", Answer.NEE: "red", Answer.NVT: "dim", Answer.LATER: "yellow"}


def item_card(
    section: Checklist,
    item: Item,
    position: int,
    total: int,
    previous: AnswerRecord | None,
    action: Action | None,
    today: date,
    tool: RenderableType | None = None,
    *,
    brief: bool = False,
) -> RenderableType:
    """One question. Brief (it was in order last time): the question and the why in one line,
    and '?' shows the steps again."""
    lang = language()
    head = Text()
    head.append(f"{position}/{total} ", style="bold")
    head.append(fmt.bar(position - 1, total, 12) + "  ", style="cyan")
    head.append(
        priority_label(item.priority),
        style="bold magenta" if item.priority == Priority.ESSENTIAL else "magenta",
    )
    head.append(" · " + frequency_label(item.frequency), style="dim")
    parts: list[RenderableType] = [head]
    if brief:
        parts.append(Text.assemble(text(item.question.get(lang), "bold"), " — ", why_text(item)))
    else:
        parts.append(text(item.question.get(lang), "bold"))
        parts.append(Text.assemble((_("Why: "), "italic"), why_text(item)))
        parts += how(item, tool)
    if action is not None:
        line = Text(
            _("Open action point since %(date)s (%(age)s).")
            % {"date": fmt.day(action.since), "age": fmt.age(action.age_days(today))},
            style="red",
        )
        if action.note:
            line.append("  " + _("Note: "))
            line.append_text(text(action.note))
        parts.append(line)
    elif previous is not None:
        line = Text(_("Last time: "), style="dim")
        line.append(answer_label(previous.answer), style=ANSWER_STYLE[previous.answer])
        line.append(f" ({fmt.day(previous.answered_at.date())})", style="dim")
        if previous.note:
            line.append("  " + _("Note: "), style="dim")
            line.append_text(text(previous.note, "dim"))
        if brief:
            line.append("  " + _("? shows the steps again"), style="cyan")
        parts.append(line)
    return Group(*parts)


def why_text(item: Item) -> Text:
    return text(item.why.get(language()))


def how(item: Item, tool: RenderableType | None = None) -> list[RenderableType]:
    """The steps of an item, its links and the tool that helps: what a brief card leaves out."""
    lang = language()
    parts: list[RenderableType] = [Text(_("How:"), style="italic")]
    # A grid keeps wrapped lines of a step under its text, not under its number.
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", width=4, no_wrap=True)
    steps.add_column()
    for n, step in enumerate(item.steps.get(lang), 1):
        steps.add_row(f"{n}.", text(step))
    parts.append(steps)
    for link in item.links:
        parts.append(
            Text.assemble(
                "  ↗ ", text(link.label.get(lang)), ": ", text(link.url, "underline blue")
            )
        )
    if tool is not None:
        parts.append(tool)
    return parts


def section_title(section: Checklist) -> Text:
    return text(section.title.get(language()), "bold cyan")


def actions_table(content: Content, actions: list[Action], today: date) -> Table:
    """The open action points as a rich table (the cells come from ui.actions, as for status)."""
    table = Table(title=actions_title(), title_justify="left", expand=False)
    for column in action_columns():
        table.add_column(
            column.header,
            overflow="fold" if column.fold else "ellipsis",
            no_wrap=column.no_wrap,
            justify=column.justify,
        )
    for row in action_rows(content, actions, today):
        table.add_row(*(Text(cell) for cell in row))
    return table


def score_line(score: Score) -> Text:
    if score.percent is None:
        return Text(_("No score yet: no essential or recommended item applies."))
    line = Text()
    line.append(_("Score: %(score)d/100") % {"score": score.percent}, style="bold")
    line.append(" — ")
    line.append(
        _(
            "%(ok)d of the %(n)d essential and recommended items that apply to you are in order "
            "('n/a' answers do not count)."
        )
        % {"ok": score.in_order, "n": score.counted}
    )
    return line


def changes_lines(content: Content, changes: Changes, score: Score) -> list[RenderableType]:
    lang = language()
    lines: list[RenderableType] = []
    if changes.previous_score is not None and score.percent is not None:
        delta = score.percent - changes.previous_score
        sign = "+" if delta > 0 else ""
        lines.append(
            Text(
                _("Since the previous audit: score %(before)d → %(after)d (%(delta)s).")
                % {
                    "before": changes.previous_score,
                    "after": score.percent,
                    "delta": f"{sign}{delta}",
                }
            )
        )

    def names(ids: list[str]) -> list[RenderableType]:
        out: list[RenderableType] = []
        for item_id in ids:
            found = content.item(item_id)
            out.append(
                Text.assemble("  • ", text(found[1].question.get(lang) if found else item_id))
            )
        return out

    if changes.resolved:
        lines.append(Text(_("Resolved since the previous audit:"), style="green"))
        lines += names(changes.resolved)
    if changes.new_actions:
        lines.append(Text(_("New action points:"), style="red"))
        lines += names(changes.new_actions)
    return lines


def print_summary(
    out: Console,
    content: Content,
    score: Score,
    changes: Changes,
    actions: list[Action],
    trend: list[int | None],
    next_due: date | None,
    today: date,
    *,
    partial: bool = False,
) -> None:
    out.rule(_("Result"))
    out.print(score_line(score))
    if len([t for t in trend if t is not None]) >= 2:
        out.print(
            Text.assemble(
                _("Score over time: "),
                (fmt.sparkline(trend), "cyan"),
                f"  ({' → '.join(str(t) for t in trend[-6:] if t is not None)})",
            )
        )
    for line in changes_lines(content, changes, score):
        out.print(line)
    if actions:
        out.print(actions_table(content, actions, today))
    else:
        out.print(Text(_("No open action points. Well done."), style="green"))
    if partial:
        out.print(
            Text(
                _(
                    "This was one section: the score counts every item that applies to you, and "
                    "the monthly audit still counts on its own."
                ),
                style="dim",
            )
        )
    if next_due is None:
        out.print(
            Text(_("Your full monthly audit is still to do: onlineveilig audit"), style="bold")
        )
    else:
        out.print(Text(_("Next audit: %(date)s.") % {"date": fmt.day(next_due)}, style="bold"))
    out.print(
        _("Tip: 'onlineveilig reminder' makes a calendar file that reminds you every month."),
        style="dim",
    )


def topic_label(topic: Topic) -> str:
    return {
        Topic.DEFAULT_PUBLIC: _("Public by default"),
        Topic.FIND_BY_CONTACT: _("Found by phone number or e-mail"),
        Topic.SUGGESTIONS: _("Suggested to others"),
        Topic.TAGGING: _("Tags and mentions"),
        Topic.LOCATION: _("Location"),
        Topic.STORIES_LAST_SEEN: _("Stories, online and last seen"),
        Topic.GROUPS: _("Groups and invites"),
        Topic.INDEXING: _("Search engines"),
    }[topic]


def exposure_view(platform: Platform) -> RenderableType:
    """How a platform can expose a worker, topic by topic (the guide text in platforms.toml)."""
    lang = language()
    parts: list[RenderableType] = [
        text(_("How %(name)s can expose you") % {"name": platform.name}, "bold underline")
    ]
    for entry in platform.exposure:
        parts.append(Text(topic_label(entry.topic), style="bold"))
        parts.append(Padding(text(entry.text.get(lang)), (0, 0, 0, 4)))
    return Group(*parts)


def guide_card(item: Item, number: int) -> RenderableType:
    """One privacy item as a guide: the question to check, why, the steps and the links."""
    lang = language()
    question = text(item.question.get(lang), "bold")
    question.append("  " + priority_label(item.priority), style="magenta")
    parts: list[RenderableType] = [
        question,
        Text.assemble((_("Why: "), "italic"), text(item.why.get(lang))),
    ]
    # Grids keep wrapped lines under their text, not under the number.
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", width=3, no_wrap=True)
    steps.add_column()
    for n, step in enumerate(item.steps.get(lang), 1):
        shown = text(step)
        shown.overflow = "fold"  # never cut a word off with an ellipsis
        steps.add_row(f"{n})", shown)
    parts.append(steps)
    for link in item.links:
        # Folded, never cut off with an ellipsis: the address must stay complete.
        line = Text.assemble(
            "↗ ", text(link.label.get(lang)), ": ", text(link.url, "underline blue")
        )
        line.overflow = "fold"
        parts.append(line)
    card = Table.grid(padding=(0, 1))
    card.add_column(justify="right", width=3, no_wrap=True)
    card.add_column()
    card.add_row(Text(f"{number}.", style="bold"), Group(*parts))
    return card


def hanging(marker: str, parts: list[RenderableType], width: int = 4) -> Table:
    """A marker (number, bullet) with its text beside it; wrapped lines stay under the text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", width=width, no_wrap=True)
    grid.add_column()
    grid.add_row(Text(marker, style="bold"), Group(*parts))
    return grid
