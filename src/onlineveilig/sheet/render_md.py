"""The sheet as Markdown: every text escaped with onlineveilig.render.markdown, so it shows as
written; the portal's address is a clickable `<https://…>` only when it is a safe address."""

from __future__ import annotations

from onlineveilig.render.markdown import autolink, md

from .model import Line, Sheet, plain_sheet


def to_markdown(sheet: Sheet) -> str:
    sheet = plain_sheet(sheet)
    out = [f"# {md(sheet.title)}", "", f"**{md(sheet.organisation)}**", ""]
    for paragraph in sheet.intro:
        out += [md(paragraph), ""]
    for block in sheet.blocks:
        out += [f"## {md(block.heading)}", ""]
        if block.lines:
            out += [f"- {_line(line)}" for line in block.lines] + [""]
        if block.lead:
            out += [md(block.lead), ""]
        if block.numbered:
            out += [f"{n}. {md(step)}" for n, step in enumerate(block.numbered, 1)]
            out.append("")
        for sentence in block.after:
            out += [md(sentence), ""]
    out += ["---", "", md(sheet.closing), ""]
    for label in sheet.signatures:
        out += [f"{md(label)}: ______________________________", ""]
    out += [f"*{md(sheet.footer)}*", ""]
    return "\n".join(out)


def _line(line: Line) -> str:
    link = autolink(line.url)
    return f"{md(line.text)} {link}" if link else md(line.text)
