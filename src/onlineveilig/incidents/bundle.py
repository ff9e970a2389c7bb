"""`incident export N --bundle FILE.zip`: the report (HTML, Markdown, JSON), a manifest and the
evidence files in one zip, with a `SHA256SUMS` file that `sha256sum -c SHA256SUMS` checks after
unzipping.

Evidence files are streamed into the zip in chunks (never read whole) and hashed on the way;
a file whose bytes no longer match the SHA-256 recorded when it was added, or that is missing,
stops the bundle (EvidenceProblem) and no zip is left behind: a bundle only ever holds evidence
as it was. Names inside the zip are made safe: no folders from the user's names, no `..`, no
absolute paths, no control characters, each name unique.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from onlineveilig.paths import private_dir

from .model import Evidence, EvidenceKind, Incident

CHUNK = 1 << 20
SUMS = "SHA256SUMS"
EVIDENCE = "evidence"
_UNSAFE = re.compile(r"[^\w.\-]+")


class EvidenceProblem(Exception):
    """An evidence file that is not as it was: `kind` is "changed" or "missing"."""

    def __init__(self, evidence: Evidence, kind: str) -> None:
        super().__init__(f"{evidence.original_name}: {kind}")
        self.evidence = evidence
        self.kind = kind


@dataclass(frozen=True)
class EvidenceFile:
    evidence: Evidence
    path: Path  # the copy in the data folder


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name that is only a name: its last part, letters, digits, `.`, `-` and `_`."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/")).rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip("._") or fallback
    stem, dot, suffix = name.rpartition(".")
    if dot and stem:
        return f"{stem[:80]}.{suffix[:16]}"
    return name[:96]


def evidence_names(incident: Incident) -> dict[int, str]:
    """Each evidence file's name in the bundle: evidence/01-screenshot.png, unique."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    files = [e for e in incident.evidence if e.kind == EvidenceKind.FILE]
    width = max(2, len(str(len(files))))
    for n, ev in enumerate(files, 1):
        base = f"{n:0{width}d}-{safe_name(ev.original_name)}"
        name, extra = base, 1
        while name.casefold() in taken:
            extra += 1
            stem, dot, suffix = base.rpartition(".")
            name = f"{stem}-{extra}.{suffix}" if dot else f"{base}-{extra}"
        taken.add(name.casefold())
        names[ev.id] = f"{EVIDENCE}/{name}"
    return names


def _info(name: str, when: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _stream(zf: zipfile.ZipFile, name: str, item: EvidenceFile, when: datetime) -> str:
    digest = hashlib.sha256()
    try:
        source = item.path.open("rb")
    except FileNotFoundError:
        raise EvidenceProblem(item.evidence, "missing") from None
    with source, zf.open(_info(name, when), "w", force_zip64=item.evidence.size >= 1 << 31) as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    hexdigest = digest.hexdigest()
    if hexdigest != item.evidence.sha256.lower():
        raise EvidenceProblem(item.evidence, "changed")
    return hexdigest


def write_zip(
    out: IO[bytes],
    texts: Mapping[str, str],
    files: Sequence[EvidenceFile],
    names: Mapping[int, str],
    when: datetime,
) -> None:
    """The zip itself: `texts` (name -> content), then the evidence, then SHA256SUMS."""
    sums: list[tuple[str, str]] = []
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in texts.items():
            data = text.encode("utf-8")
            zf.writestr(_info(name, when), data)
            sums.append((hashlib.sha256(data).hexdigest(), name))
        for item in files:
            name = names[item.evidence.id]
            sums.append((_stream(zf, name, item, when), name))
        listing = "".join(f"{digest}  {name}\n" for digest, name in sums)
        zf.writestr(_info(SUMS, when), listing.encode("utf-8"))


def write(
    path: Path,
    texts: Mapping[str, str],
    files: Sequence[EvidenceFile],
    names: Mapping[int, str],
    when: datetime,
) -> None:
    """Write the bundle 0600, all or nothing: a problem leaves no zip (and no half of one).

    Raises EvidenceProblem, or OSError when the file cannot be written.
    """
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            write_zip(fh, texts, files, names, when)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def manifest(incident: Incident, names: Mapping[int, str]) -> str:
    """The evidence manifest as JSON: for each file its name in the bundle, original name, size,
    SHA-256 and the time it was added; for each address the time it was seen."""
    import json

    items: list[dict[str, object]] = []
    for ev in incident.evidence:
        if ev.kind == EvidenceKind.FILE:
            items.append(
                {
                    "kind": "file",
                    "file": names.get(ev.id),
                    "original_name": ev.original_name,
                    "size": ev.size,
                    "sha256": ev.sha256,
                    "added_at": ev.added_at.isoformat(),
                    "note": ev.note,
                }
            )
        else:
            items.append(
                {
                    "kind": "url",
                    "url": ev.url,
                    "seen_at": ev.seen_at.isoformat() if ev.seen_at else None,
                    "added_at": ev.added_at.isoformat(),
                    "note": ev.note,
                }
            )
    data = {"incident": incident.id, "evidence": items}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
