"""A small terminal writer without rich, for `onlineveilig status` (it runs at every login).

It draws what status shows the way rich draws it, so a user sees the same thing: lines in
bold or colour (ANSI only on a terminal, as rich decides: TTY_COMPATIBLE, FORCE_COLOR, NO_COLOR
keeps bold but drops colour, a dumb terminal gets none), wrapped at word boundaries to the
terminal width (COLUMNS first), and one box table like rich's default (heavy head, light body,
a left-justified title, columns that wrap words or fold long ones, a right-justified column;
plain ASCII lines when the output cannot encode box characters). Only what status uses.

Texts given to it are shown literally ("[bold]" stays "[bold]"); texts from elsewhere must be
cleaned first (onlineveilig.text.clean), as everywhere.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Literal, NamedTuple

Span = str | tuple[str, str]  # a text, or (text, style) with a style such as "bold red"

_CODES = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "underline": "4",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}
_COLOURS = {"red", "green", "yellow", "blue", "magenta", "cyan"}
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING = re.compile(r"\s+$")
# Box characters: outer left, line, divider, outer right (as rich's box.HEAVY_HEAD and ASCII).
_BOX = {
    "top": "┏━┳┓",
    "head": "┃ ┃┃",
    "head_row": "┡━╇┩",
    "row": "│ ││",
    "bottom": "└─┴┘",
}
_ASCII = {"top": "+--+", "head": "| ||", "head_row": "|-+|", "row": "| ||", "bottom": "+--+"}
Box = dict[str, tuple[str, ...]]


class Column(NamedTuple):
    """One table column: its header, how its cells wrap and line up."""

    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = False  # never wrapped; too long a cell ends in "…"
    fold: bool = False  # a word longer than the column continues on the next line


def char_width(ch: str) -> int:
    if ch < " " or "\x7f" <= ch < "\xa0":
        return 0
    if unicodedata.combining(ch) or ch in ("\u200d", "\ufe0f", "\u200b"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_len(value: str) -> int:
    """How many terminal cells a text takes (wide characters take two)."""
    if value.isascii():
        return len(value)
    return sum(char_width(ch) for ch in value)


def crop(value: str, width: int) -> str:
    """The text cut or padded with spaces to exactly `width` cells."""
    if value.isascii():
        return value[:width] + " " * (width - len(value))
    out, used = [], 0
    for ch in value:
        size = char_width(ch)
        if used + size > width:
            break
        out.append(ch)
        used += size
    return "".join(out) + " " * (width - used)


def chop(word: str, width: int) -> list[str]:
    """A word too long for the width, in pieces that fit."""
    pieces, piece, used = [], "", 0
    for ch in word:
        size = char_width(ch)
        if used + size > width and piece:
            pieces.append(piece)
            piece, used = "", 0
        piece += ch
        used += size
    if piece:
        pieces.append(piece)
    return pieces


def breaks(value: str, width: int, *, fold: bool) -> list[int]:
    """Where a line of text is broken to fit `width` cells: at word starts, as rich does."""
    found: list[int] = []
    offset = 0
    for match in _WORD.finditer(value):
        start, word = match.start(), match.group(0)
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            if fold:
                pieces = chop(word, width)
                for number, piece in enumerate(pieces, 1):
                    if start:
                        found.append(start)
                    if number == len(pieces):
                        offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    found.append(start)
                offset = cell_len(word)
        elif offset and start:
            found.append(start)
            offset = cell_len(word)
    return found


def bounds(value: str, width: int, *, no_wrap: bool = False, fold: bool = True) -> list[int]:
    """Where each line of `value` starts, then where the text ends (lines at "\n" and at
    word starts)."""
    starts: list[int] = []
    offset = 0
    for part in value.split("\n"):
        cuts = [] if no_wrap else breaks(part, width, fold=fold)
        starts += [offset, *(offset + cut for cut in cuts)]
        offset += len(part) + 1
    return [*starts, offset]


def fit(line: str, width: int, *, justify: str = "", fold: bool = True) -> str:
    """One line made to fit `width`: spaces past the width dropped, too long a line cut
    (ending in "…" unless it folds), and "left" and "right" padded to the width."""
    if len(line) > width and (space := _TRAILING.search(line)):
        line = line[: len(line) - min(len(space.group(0)), len(line) - width)]
    if justify == "right":
        line = line.rstrip()
    if cell_len(line) > width:
        line = crop(line, width) if fold else crop(line, width - 1) + "…"
    if justify == "left":
        return crop(line, width)
    if justify == "right":
        return " " * (width - cell_len(line)) + line
    return line


def wrap(
    value: str, width: int, *, justify: str = "", no_wrap: bool = False, fold: bool = True
) -> list[str]:
    """The lines of a text at `width` cells; "left" and "right" pad them to the width."""
    edges = bounds(value, width, no_wrap=no_wrap, fold=fold)
    return [
        fit(value[start:end].rstrip("\n"), width, justify=justify, fold=fold)
        for start, end in zip(edges, edges[1:], strict=False)
    ]


def is_terminal(stream: IO[str], environ: Mapping[str, str]) -> bool:
    """Whether the output understands escape codes, decided as rich decides it."""
    forced = environ.get("TTY_COMPATIBLE", "")
    if forced in ("0", "1"):
        return forced == "1"
    force_color = environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _legacy_windows() -> bool:
    """An old Windows console that shows escape codes as text (rich draws colour there
    through the Windows console interface; this writer then shows no colour)."""
    if sys.platform != "win32":
        return False
    try:
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        mode = ctypes.c_uint32()
        if not kernel.GetConsoleMode(kernel.GetStdHandle(-11), ctypes.byref(mode)):
            return True
        return not mode.value & 0x0004  # ENABLE_VIRTUAL_TERMINAL_PROCESSING
    except Exception:
        return True


def terminal_width(environ: Mapping[str, str], *, dumb: bool, legacy: bool) -> int:
    columns, lines = environ.get("COLUMNS", ""), environ.get("LINES", "")
    if columns.isdigit() and lines.isdigit():
        return int(columns) - legacy
    if dumb:
        return 80
    width = 0
    for fd in (1, 2) if sys.platform == "win32" else (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
            break
        except (AttributeError, ValueError, OSError):
            pass
    if columns.isdigit():
        return int(columns) - legacy
    return (width or 80) - legacy


class Writer:
    """Writes styled lines and tables to stdout (or `stream`)."""

    def __init__(
        self, stream: IO[str] | None = None, environ: Mapping[str, str] | None = None
    ) -> None:
        self.stream = stream if stream is not None else sys.stdout
        env = os.environ if environ is None else environ
        terminal = is_terminal(self.stream, env)
        dumb = terminal and env.get("TERM", "").lower() in ("dumb", "unknown")
        legacy = _legacy_windows()
        self.styled = terminal and not dumb and not legacy
        self.colour = self.styled and env.get("NO_COLOR", "") == ""
        self.width = max(1, terminal_width(env, dumb=dumb, legacy=legacy))
        encoding = (getattr(self.stream, "encoding", "utf-8") or "utf-8").lower()
        chars = _BOX if encoding.startswith("utf") else _ASCII
        self.box: Box = {kind: tuple(four) for kind, four in chars.items()}

    def paint(self, value: str, style: str) -> str:
        """`value` in `style` as escape codes, or as it is where styles are not shown."""
        if not self.styled or not value or not style:
            return value
        codes = [
            _CODES[word]
            for word in style.split()
            if word in _CODES and (self.colour or word not in _COLOURS)
        ]
        return f"\x1b[{';'.join(codes)}m{value}\x1b[0m" if codes else value

    def render(self, spans: Iterable[Span]) -> list[str]:
        """The lines of one paragraph of styled spans, wrapped to the width."""
        parts = [(s, "") if isinstance(s, str) else s for s in spans]
        plain = "".join(text for text, _ in parts)
        styles: list[str] = []
        for text, style in parts:
            styles += [style] * len(text)
        edges = bounds(plain, self.width)
        out: list[str] = []
        for start, end in zip(edges, edges[1:], strict=False):
            line = fit(plain[start:end].rstrip("\n"), self.width)  # a part of the text
            painted, at = [], 0
            while at < len(line):
                style, upto = styles[start + at], at
                while upto < len(line) and styles[start + upto] == style:
                    upto += 1
                painted.append(self.paint(line[at:upto], style))
                at = upto
            out.append("".join(painted))
        return out

    def line(self, *spans: Span) -> None:
        """Print one paragraph: texts and (text, style) pairs, wrapped to the width."""
        self.stream.write("".join(f"{row}\n" for row in self.render(spans)))

    def table(self, title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
        """Print a table with a title above it, drawn as rich draws its default table."""
        self.stream.write("".join(f"{row}\n" for row in self.table_lines(title, columns, rows)))

    def table_lines(
        self, title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]]
    ) -> list[str]:
        widths = column_widths(columns, rows, self.width - len(columns) - 1)
        total = sum(widths) + len(columns) + 1
        box = self.box

        def rule(kind: str) -> str:
            left, line, divider, right = box[kind]
            return left + divider.join(line * w for w in widths) + right

        def row_lines(cells: Sequence[str], kind: str, style: str) -> list[str]:
            left, _, divider, right = box[kind]
            wrapped = [
                wrap(
                    cell,
                    width - 2,
                    justify=column.justify,
                    no_wrap=column.no_wrap,
                    fold=column.fold,
                )
                if width > 2
                else [""]  # no room left for any text
                for cell, width, column in zip(cells, widths, columns, strict=True)
            ]
            height = max(len(lines) for lines in wrapped)
            if kind == "head":  # headers stand on the line above the rows, as in rich
                wrapped = [[""] * (height - len(lines)) + lines for lines in wrapped]
            out = []
            for number in range(height):
                shown = [
                    self.paint(
                        f" {lines[number]} "
                        if number < len(lines) and lines[number]
                        else " " * width,
                        style,
                    )
                    for lines, width in zip(wrapped, widths, strict=True)
                ]
                out.append(left + divider.join(shown) + right)
            return out

        lines = [self.paint(line, "italic") for line in wrap(title, total, justify="left")]
        lines.append(rule("top"))
        lines += row_lines([c.header for c in columns], "head", "bold")
        lines.append(rule("head_row"))
        for cells in rows:
            lines += row_lines(cells, "row", "")
        lines.append(rule("bottom"))
        return lines


def _measure(value: str, limit: int) -> tuple[int, int]:
    """A cell's narrowest and widest width with its padding, as rich measures it."""
    if limit < 1:
        return 0, 0
    if limit - 2 < 1:
        return limit, limit
    widest = max((cell_len(line) for line in value.splitlines()), default=0)
    narrowest = max((cell_len(word) for word in value.split()), default=widest)
    narrowest, widest = min(narrowest, widest, limit), min(widest, limit)
    if widest < 1:
        narrowest = widest = 0
    return min(narrowest + 2, limit), min(widest + 2, limit)


def _column_max(column: Column, cells: list[str], limit: int) -> int:
    if limit < 1:
        return 0
    return min(max(_measure(cell, limit)[1] for cell in [column.header, *cells]), limit)


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            given = min(most, round(ratio * remaining / total_ratio))
            result.append(value - given)
            remaining -= given
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], room: int) -> list[int]:
    """Each column's width with padding, within `room` cells: rich's way for a table that
    does not stretch (widest content first; too wide, the wrapping columns give way)."""
    cells = [[row[n] for row in rows] for n in range(len(columns))]
    widths = [_column_max(c, cells[n], room) or 1 for n, c in enumerate(columns)]
    if sum(widths) <= room:
        return widths
    wrapable = [not column.no_wrap for column in columns]
    excess = sum(widths) - room
    while any(wrapable) and excess > 0 and sum(widths) > 0:
        widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
        second = max(w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True))
        ratios = [1 if w == widest and ok else 0 for w, ok in zip(widths, wrapable, strict=True)]
        if not any(ratios) or widest == second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    if sum(widths) > room:
        widths = _reduce(sum(widths) - room, [1] * len(widths), widths, widths)
    return [_column_max(c, cells[n], widths[n]) for n, c in enumerate(columns)]
