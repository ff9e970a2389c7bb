"""Finding and reading share files, one at a time (memory stays small for thousands of files).

A folder means every *.json file in it (and in its sub-folders). Files from the same worker and
month count once: the most recently changed file wins (then the later name). A file that cannot
be read, is not a share file, or is not valid is named and skipped; so is one made by a newer
version of onlineveilig (a higher format version). Nothing is fetched: files only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from onlineveilig.share.model import Share, ShareError
from onlineveilig.share.model import parse as parse_share


class Skip(StrEnum):
    MISSING = "missing"
    UNREADABLE = "unreadable"
    INVALID = "invalid"
    NEWER = "newer"


@dataclass(frozen=True)
class Skipped:
    path: Path
    why: Skip


@dataclass
class Reading:
    """What reading found besides the files that count: the skipped ones and the duplicates."""

    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0
    counted: int = 0


def find(paths: Iterable[Path]) -> list[Path]:
    """The files to read: each file as given, each folder's *.json files; newest first."""
    found: list[tuple[float, str, Path]] = []
    for path in paths:
        if path.is_dir():
            candidates: Iterable[Path] = (p for p in path.rglob("*.json") if p.is_file())
        else:
            candidates = (path,)
        for candidate in candidates:
            try:
                mtime = os.stat(candidate).st_mtime
            except OSError:
                mtime = float("-inf")  # named as missing or unreadable when read
            found.append((mtime, str(candidate), candidate))
    found.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return list(dict.fromkeys(p for _, _, p in found))


def parse(data: bytes) -> Share | Skip:
    """One file's content as a share, or why it is skipped."""
    try:
        return parse_share(data)
    except ShareError as error:
        return Skip.NEWER if error.kind == "newer" else Skip.INVALID


def read(paths: Iterable[Path], reading: Reading) -> Iterator[Share]:
    """The shares that count, newest file first, one at a time; `reading` collects the rest."""
    seen: set[tuple[str, str]] = set()
    for path in find(paths):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            reading.skipped.append(Skipped(path, Skip.MISSING))
            continue
        except OSError:
            reading.skipped.append(Skipped(path, Skip.UNREADABLE))
            continue
        share = parse(data)
        if isinstance(share, Skip):
            reading.skipped.append(Skipped(path, share))
            continue
        key = (share.worker, share.month)
        if key in seen:
            reading.duplicates += 1
            continue
        seen.add(key)
        reading.counted += 1
        yield share
