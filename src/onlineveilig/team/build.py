"""From the counts (aggregate.Tally) to the report (model.TeamReport), hiding small groups.

Every figure resting on fewer than k workers is left out: an item's figure is counted among the
section's hidden items, a month's or a section's cell says "too few to show", and incident types
with too few workers are merged into "other" (itself hidden when still too few). Item and section
titles come from the checklists; an id the checklists do not know is shown as the id.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from onlineveilig.i18n import _
from onlineveilig.text import month_name

from .aggregate import Ratio, Tally, Workers
from .model import Block, Count, Grid, Incidents, Point, Row, SkippedFile, TeamReport, percent
from .read import Reading, Skip

if TYPE_CHECKING:
    from onlineveilig.content.loader import Content

ORGANISATION = "organisatie"
TOP_PER_MONTH = 3


def month_label(key: str) -> str:
    return f"{month_name(int(key[5:7]))} {key[:4]}"


def reason(why: Skip) -> str:
    return {
        Skip.MISSING: _("not found"),
        Skip.UNREADABLE: _("could not be read"),
        Skip.INVALID: _("not a valid share file"),
        Skip.NEWER: _("made by a newer version of onlineveilig"),
    }[why]


class _Titles:
    def __init__(self, content: Content, lang: str) -> None:
        self.content, self.lang = content, lang

    def item(self, item_id: str) -> str:
        found = self.content.item(item_id)
        return found[1].question.get(self.lang) if found else item_id

    def section(self, section_id: str) -> str:
        found = self.content.section(section_id)
        return found.title.get(self.lang) if found else section_id

    def order(self, section_ids: Iterable[str]) -> list[str]:
        def key(section_id: str) -> tuple[int, str]:
            found = self.content.section(section_id)
            return (found.order if found else 10_000, section_id)

        return sorted(set(section_ids), key=key)


def _row(label: str, ratio: Ratio) -> Row:
    if not ratio.workers.enough:
        return Row(label, None, None)
    return Row(label, ratio.action, ratio.answered)


def _ranked(rows: list[Row]) -> tuple[list[Row], int]:
    """The rows with at least one "action", most often first; and how many are hidden."""
    hidden = sum(1 for r in rows if r.action is None)
    listed = [r for r in rows if r.action]
    listed.sort(key=lambda r: (-(r.action or 0) / (r.answered or 1), -(r.action or 0), r.label))
    return listed, hidden


def _sections(tally: Tally, titles: _Titles) -> list[Block]:
    per_section: dict[str, list[Row]] = {}
    for (section, item_id), ratio in tally.items.items():
        per_section.setdefault(section, []).append(_row(titles.item(item_id), ratio))
    blocks = []
    for section in titles.order(per_section):
        rows, hidden = _ranked(per_section[section])
        blocks.append(Block(titles.section(section), rows, hidden))
    return blocks


def _months(tally: Tally, titles: _Titles) -> list[Block]:
    per_month: dict[str, list[Row]] = {}
    for (_section, item_id, month), ratio in tally.item_months.items():
        per_month.setdefault(month, []).append(_row(titles.item(item_id), ratio))
    blocks = []
    for month in sorted(tally.files_per_month):
        workers = tally.month_workers.get(month)
        if workers is None or not workers.enough:
            blocks.append(Block(month_label(month), [], 0, too_few=True))
            continue
        rows, hidden = _ranked(per_month.get(month, []))
        blocks.append(Block(month_label(month), rows[:TOP_PER_MONTH], hidden))
    return blocks


def _grid(tally: Tally, titles: _Titles) -> Grid:
    months = sorted(tally.files_per_month)
    sections = titles.order(section for section, _ in tally.section_months)
    rows = []
    for section in sections:
        cells: list[int | None] = []
        for month in months:
            ratio = tally.section_months.get((section, month))
            cells.append(_row("", ratio).percent if ratio is not None else None)
        rows.append((titles.section(section), cells))
    return Grid([month_label(m) for m in months], rows)


def _trend(tally: Tally) -> list[Point]:
    points = []
    for month in sorted(tally.files_per_month):
        ratio = tally.months.get(month)
        in_order = None
        if ratio is not None and ratio.workers.enough and ratio.answered:
            in_order = percent(ratio.answered - ratio.action, ratio.answered)
        score = None
        workers = tally.score_workers.get(month)
        if workers is not None and workers.enough:
            total, n = tally.scores[month]
            score = (2 * total + n) // (2 * n)
        points.append(Point(month_label(month), in_order, score))
    return points


def _incidents(tally: Tally, type_labels: dict[str, str]) -> Incidents:
    sums, workers = tally.incident_totals()
    shown = workers.enough or sums["total"] == 0
    by_type: list[Count] = []
    merged_n, merged_workers = 0, Workers(tally.k)
    for kind, (n, who) in tally.incidents_by_type().items():
        if kind != "other" and len(who) >= tally.k:
            by_type.append(Count(type_labels.get(kind, kind), n))
        else:
            merged_n += n
            for worker in who:
                merged_workers.add(worker)
    by_type.sort(key=lambda c: (-(c.n or 0), c.label))
    if merged_n:
        by_type.append(Count(_("other"), merged_n if merged_workers.enough else None))
    by_month = [
        Count(month_label(key), n if who.enough else None)
        for key, (n, who) in sorted(tally.incidents_by_month().items())
    ]
    return Incidents(
        total=sums["total"] if shown else None,
        reported=sums["reported"] if shown else None,
        followed_up=sums["followed_up"] if shown else None,
        by_type=by_type,
        by_month=by_month,
    )


def build(
    tally: Tally, reading: Reading, content: Content, lang: str, type_labels: dict[str, str]
) -> TeamReport:
    titles = _Titles(content, lang)
    sections = _sections(tally, titles)
    org_title = titles.section(ORGANISATION)
    organisation = next((b for b in sections if b.title == org_title), None)
    months = _months(tally, titles)
    grid = _grid(tally, titles)
    trend = _trend(tally)
    incidents = _incidents(tally, type_labels)
    hidden_any = (
        any(b.hidden or b.too_few for b in [*sections, *months])
        or any(c is None for _, cells in grid.rows for c in cells)
        or any(p.in_order is None or p.score is None for p in trend)
        or incidents.total is None
        or any(c.n is None for c in [*incidents.by_type, *incidents.by_month])
    )
    month_keys = sorted(tally.files_per_month)
    return TeamReport(
        lang=lang,
        k=tally.k,
        files=reading.counted,
        workers=len(tally.workers),
        first_month=month_label(month_keys[0]) if month_keys else None,
        last_month=month_label(month_keys[-1]) if month_keys else None,
        duplicates=reading.duplicates,
        skipped=[SkippedFile(s.path.name, reason(s.why)) for s in reading.skipped],
        sections=[b for b in sections if b.rows or b.hidden],
        organisation=organisation,
        months=months,
        grid=grid,
        trend=trend,
        incidents=incidents,
        hidden_any=hidden_any,
    )
