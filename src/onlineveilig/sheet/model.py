"""What the agreement sheet says, before it is rendered: headings, lines, steps and signatures.

Every text is in the user's language; the organisation's own texts are in it as written and are
made plain (`plain_sheet`) before either renderer escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from onlineveilig.render import plain


@dataclass(frozen=True)
class Line:
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Block:
    heading: str
    lines: list[Line] = field(default_factory=list)  # bullet points
    lead: str = ""  # a sentence before the numbered steps
    numbered: list[str] = field(default_factory=list)  # steps, in order
    after: list[str] = field(default_factory=list)  # sentences after the steps


@dataclass(frozen=True)
class Sheet:
    lang: str
    young: bool
    title: str
    organisation: str
    intro: list[str]
    blocks: list[Block]
    closing: str
    signatures: list[str]
    footer: str


def plain_sheet(sheet: Sheet) -> Sheet:
    """The same sheet with every text one inert line (links are checked where they are drawn)."""

    def line(item: Line) -> Line:
        return Line(plain(item.text), item.url)

    blocks = [
        Block(
            plain(b.heading),
            [line(x) for x in b.lines],
            plain(b.lead),
            [plain(x) for x in b.numbered],
            [plain(x) for x in b.after],
        )
        for b in sheet.blocks
    ]
    return replace(
        sheet,
        title=plain(sheet.title),
        organisation=plain(sheet.organisation),
        intro=[plain(x) for x in sheet.intro],
        blocks=blocks,
        closing=plain(sheet.closing),
        signatures=[plain(x) for x in sheet.signatures],
        footer=plain(sheet.footer),
    )
