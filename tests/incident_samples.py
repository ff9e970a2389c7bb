"""Incidents built as model objects (no store) for the export, bundle and signalen tests."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from onlineveilig.incidents.model import Change, Evidence, EvidenceKind, Incident, Status

NOW = datetime(2026, 11, 14, 10, 0).astimezone()

# Words that belong to one incident and must never appear in an anonymous summary.
PRIVATE = (
    "DESCRIPTION-zwartboek",
    "PSEUDONYM-moeder-van-K",
    "NOTE-bewaard-op-usb",
    "FILENAME-chatlog",
    "REPORTEDTO-mijn-coordinator",
    "ACTIONS-geblokkeerd",
    "SUPPORT-intervisie",
    "FREECHANNEL-sms-op-privenummer",
)


def evidence_file(tmp: Path, name: str, data: bytes, ev_id: int, note: str = "") -> Evidence:
    path = tmp / f"stored-{ev_id}"
    path.write_bytes(data)
    return Evidence(
        ev_id,
        EvidenceKind.FILE,
        NOW,
        note=note,
        original_name=name,
        stored_name=path.name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def incident(n: int = 3, **fields: object) -> Incident:
    values: dict[str, object] = {
        "started": "2026-11-12T21:30",
        "channel": "whatsapp",
        "types": ("threats",),
        "description": "Hij stuurde berichten 's nachts.",
        "who": "vader van cliënt",
    }
    values.update(fields)
    return Incident(n, NOW, Status.SAVED, **values)  # type: ignore[arg-type]


def private_incident(n: int, tmp: Path) -> Incident:
    """An incident whose every free text is one of PRIVATE."""
    files = (
        evidence_file(tmp, "FILENAME-chatlog.txt", b"chat", n * 10, note="NOTE-bewaard-op-usb"),
    )
    url = Evidence(
        n * 10 + 1,
        EvidenceKind.URL,
        NOW,
        note="NOTE-bewaard-op-usb",
        url="https://example.org/FILENAME-chatlog",
        seen_at=NOW,
    )
    return incident(
        n,
        channel="FREECHANNEL-sms-op-privenummer",
        types=("threats", "insults"),
        description="DESCRIPTION-zwartboek",
        who="PSEUDONYM-moeder-van-K",
        actions="ACTIONS-geblokkeerd",
        reported_to="REPORTEDTO-mijn-coordinator",
        reported_at="2026-11-13",
        support="SUPPORT-intervisie",
        evidence=(*files, url),
        history=(Change("who", "PSEUDONYM-moeder-van-K", "PSEUDONYM-moeder-van-K", NOW),),
    )


def saved_incident(tmp: Path, n_files: int = 1, **fields: str | tuple[str, ...]) -> int:
    """An incident written down through the store (as `incident add` leaves it), with files."""
    from onlineveilig.paths import database_path
    from onlineveilig.store.repo import Store

    values: dict[str, str | tuple[str, ...]] = {
        "started": "2026-02-20T21:30",
        "channel": "whatsapp",
        "types": ("threats",),
        "description": "Berichten midden in de nacht.",
        "who": "vader van cliënt",
    }
    values.update(fields)
    with Store(database_path()) as store:
        repo = store.incidents
        n = repo.start(NOW)
        for field, value in values.items():
            repo.set(n, field, value, NOW)
        repo.finish(n)
        for k in range(n_files):
            src = tmp / f"src-{n}-{k}" / f"schermafbeelding {k}.png"
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_bytes(f"beeld {n} {k}".encode() * 100)
            repo.add_file(n, src, "", NOW)
        repo.add_url(n, "https://example.org/profiel", NOW, "", NOW)
    return n
