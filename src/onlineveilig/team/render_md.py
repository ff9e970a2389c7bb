"""The team report as Markdown: every text through render.markdown.md (inert)."""

from __future__ import annotations

from onlineveilig.render.markdown import md

from . import words
from .model import Block, Count, TeamReport


def _pct(value: int | None) -> str:
    return md(words.too_few()) if value is None else f"{value}%"


def _n(value: int | None) -> str:
    return md(words.too_few()) if value is None else str(value)


def _block(block: Block, level: str, title: str | None = None) -> list[str]:
    out = [f"{level} {md(title or block.title)}", ""]
    if block.too_few:
        return [*out, md(words.too_few()), ""]
    if block.rows:
        label = words.labels()
        out += [
            f"| {md(label['item'])} | {md(label['not_in_order'])} | {md(label['answers'])} |",
            "|---|---:|---:|",
        ]
        out += [f"| {md(r.label)} | {_pct(r.percent)} | {r.answered} |" for r in block.rows]
        out.append("")
    elif not block.hidden:
        out += [md(words.labels()["none"]), ""]
    if block.hidden:
        out += [f"*{md(words.hidden_items(block.hidden))}*", ""]
    return out


def _counts(heading: str, counts: list[Count]) -> list[str]:
    label = words.labels()
    out = [f"### {md(heading)}", ""]
    if not counts:
        return [*out, md(label["none"]), ""]
    out += [f"| {md(label['what'])} | {md(label['number'])} |", "|---|---:|"]
    return [*out, *(f"| {md(c.label)} | {_n(c.n)} |" for c in counts), ""]


def to_markdown(report: TeamReport) -> str:
    label = words.labels()
    out = [f"# {md(words.title())}", "", md(words.intro(report)), ""]
    out += [f"*{md(words.privacy(report))}*", ""]
    if report.duplicates:
        out += [md(words.duplicates(report)), ""]
    if report.skipped:
        out += [f"## {md(words.heading('skipped'))}", ""]
        out += [f"- {md(s.name)}: {md(s.reason)}" for s in report.skipped] + [""]
    if report.organisation is not None:
        out += _block(report.organisation, "##", words.heading("organisation"))
    out += [f"## {md(words.heading('sections'))}", ""]
    for block in report.sections:
        out += _block(block, "###")
    out += [f"## {md(words.heading('months'))}", ""]
    for block in report.months:
        out += _block(block, "###")
    out += [f"## {md(words.heading('grid'))}", ""]
    grid = report.grid
    out += ["| " + " | ".join([md(label["section"]), *(md(m) for m in grid.months)]) + " |"]
    out += ["|---|" + "---:|" * len(grid.months)]
    out += ["| " + " | ".join([md(t), *(_pct(c) for c in cells)]) + " |" for t, cells in grid.rows]
    out += ["", f"## {md(words.heading('trend'))}", ""]
    out += [f"| {md(label['month'])} | {md(label['in_order'])} | {md(label['score'])} |"]
    out += ["|---|---:|---:|"]
    out += [f"| {md(p.label)} | {_pct(p.in_order)} | {_n(p.score)} |" for p in report.trend]
    inc = report.incidents
    out += ["", f"## {md(words.heading('incidents'))}", ""]
    out += [
        f"- {md(label['total'])}: {_n(inc.total)}",
        f"- {md(label['reported'])}: {_n(inc.reported)}",
        f"- {md(label['followed_up'])}: {_n(inc.followed_up)}",
        "",
    ]
    out += _counts(words.heading("by_type"), inc.by_type)
    out += _counts(words.heading("by_month"), inc.by_month)
    return "\n".join(out)
