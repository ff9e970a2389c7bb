"""Reading and writing incidents, their history and their evidence. Each write is one transaction.

Evidence files are copied byte for byte into `evidence_root/<incident>/`, streamed in chunks and
hashed while copying; the user's own file is only ever read. A copy goes to a hidden temporary file
first and gets its name only once it is complete and its record is written, so a copy that fails
halfway leaves neither a record nor a partial file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from onlineveilig.incidents.model import FIELDS, Change, Evidence, EvidenceKind, Incident, Status
from onlineveilig.paths import private_dir

from .db import snapshot, transaction

CHUNK = 1024 * 1024  # bytes read and written at a time: a large file never sits in memory whole
TMP_PREFIX = ".copying-"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class UnknownIncident(LookupError):
    """There is no saved incident with this number."""


class UnknownField(ValueError):
    """Not one of incidents.model.FIELDS."""


class AlreadyKept(Exception):
    """The same file (same SHA-256) is already evidence of this incident: nothing was added."""

    def __init__(self, evidence: Evidence):
        super().__init__(evidence.original_name)
        self.evidence = evidence


class Restored(Exception):
    """The kept copy was missing or changed, and the file offered has the recorded SHA-256: the
    copy was put back. The record (name, size, hash, time added) is unchanged."""

    def __init__(self, evidence: Evidence):
        super().__init__(evidence.original_name)
        self.evidence = evidence


@dataclass(frozen=True)
class Check:
    """The outcome of re-hashing one evidence file: 'ok', 'changed' or 'missing'."""

    incident_id: int
    evidence: Evidence
    state: str
    sha256: str = ""  # what the file hashes to now ("" when missing)


def stored_name(original: str, sha256: str) -> str:
    """The copy's file name: the hash (unique within the incident) and a tame form of the name."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(original).name).strip("._") or "file"
    stem, dot, suffix = base.rpartition(".")
    if dot and len(suffix) <= 10:
        base = f"{stem[:60]}.{suffix}"
    return f"{sha256[:16]}-{base[:72]}"


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def copy_hashed(src: Path, dest: Path) -> tuple[str, int]:
    """Copy src to a new file dest (0600) in chunks, hashing as it goes; flushed to disk.

    dest must not exist. On any error dest is removed and the error raised.
    """
    digest = hashlib.sha256()
    size = 0
    fd = os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with src.open("rb") as fin, os.fdopen(fd, "wb") as fout:
            while chunk := fin.read(CHUNK):
                digest.update(chunk)
                fout.write(chunk)
                size += len(chunk)
            fout.flush()
            os.fsync(fout.fileno())
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    return digest.hexdigest(), size


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is someone else's
        return True
    return True


def sweep(folder: Path) -> None:
    """Remove the unfinished copies a killed process left behind (never another live one's)."""
    if not folder.is_dir():
        return
    for tmp in folder.glob(f"{TMP_PREFIX}*"):
        pid = tmp.name[len(TMP_PREFIX) :].partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


class IncidentRepo:
    def __init__(self, con: sqlite3.Connection, evidence_root: Path):
        self.con = con
        self.evidence_root = evidence_root

    # -- reading ---------------------------------------------------------------------------
    def _evidence(self, row: sqlite3.Row) -> Evidence:
        return Evidence(
            id=row["id"],
            kind=EvidenceKind(row["kind"]),
            added_at=_dt(row["added_at"]) or datetime.min,
            note=row["note"],
            original_name=row["original_name"],
            stored_name=row["stored_name"],
            size=row["size"],
            sha256=row["sha256"],
            url=row["url"],
            seen_at=_dt(row["seen_at"]),
        )

    def _incident(
        self, row: sqlite3.Row, evidence: list[Evidence], history: list[Change]
    ) -> Incident:
        return Incident(
            id=row["id"],
            created_at=_dt(row["created_at"]) or datetime.min,
            status=Status(row["status"]),
            started=row["started"],
            ended=row["ended"],
            channel=row["channel"],
            types=tuple(json.loads(row["types"])),
            description=row["description"],
            who=row["who"],
            actions=row["actions"],
            reported_to=row["reported_to"],
            reported_at=row["reported_at"],
            followed_up_at=row["followed_up_at"],
            support=row["support"],
            evidence=tuple(evidence),
            history=tuple(history),
            asked=tuple(json.loads(row["asked"])),
        )

    def _read(self, where: str, args: tuple[object, ...]) -> list[Incident]:
        with snapshot(self.con):
            rows = self.con.execute(f"SELECT * FROM incidents {where} ORDER BY id", args).fetchall()
            ids = [row["id"] for row in rows]
            marks = ",".join("?" * len(ids))
            evidence: dict[int, list[Evidence]] = {}
            history: dict[int, list[Change]] = {}
            if ids:
                for r in self.con.execute(
                    f"SELECT * FROM incident_evidence WHERE incident_id IN ({marks}) ORDER BY id",
                    ids,
                ):
                    evidence.setdefault(r["incident_id"], []).append(self._evidence(r))
                for r in self.con.execute(
                    "SELECT * FROM incident_changes "
                    f"WHERE incident_id IN ({marks}) ORDER BY changed_at, rowid",
                    ids,
                ):
                    history.setdefault(r["incident_id"], []).append(
                        Change(r["field"], r["old"], r["new"], _dt(r["changed_at"]) or datetime.min)
                    )
        return [
            self._incident(row, evidence.get(row["id"], []), history.get(row["id"], []))
            for row in rows
        ]

    def all(self) -> list[Incident]:
        """Every saved incident with its evidence and history, oldest first."""
        return self._read("WHERE status = 'saved'", ())

    def get(self, n: int) -> Incident | None:
        """A saved incident by its number; None when there is none."""
        found = self._read("WHERE id = ? AND status = 'saved'", (n,))
        return found[0] if found else None

    def draft(self) -> Incident | None:
        """The incident `incident add` was still asking about, if any."""
        found = self._read("WHERE status = 'draft'", ())
        return found[0] if found else None

    def counts(self) -> dict[str, int]:
        one = self.con.execute
        return {
            "incidents": one("SELECT count(*) FROM incidents").fetchone()[0],
            "evidence_files": one(
                "SELECT count(*) FROM incident_evidence WHERE kind = 'file'"
            ).fetchone()[0],
            "evidence_urls": one(
                "SELECT count(*) FROM incident_evidence WHERE kind = 'url'"
            ).fetchone()[0],
        }

    # -- writing ---------------------------------------------------------------------------
    def start(self, now: datetime) -> int:
        """A new draft; if there is one already (another window), that one's number."""
        with transaction(self.con) as con:
            row = con.execute("SELECT id FROM incidents WHERE status = 'draft'").fetchone()
            if row is not None:
                return int(row["id"])
            cur = con.execute(
                "INSERT INTO incidents (created_at, status) VALUES (?, 'draft')", (_iso(now),)
            )
            return int(cur.lastrowid or 0)

    def discard_draft(self) -> None:
        """Forget the draft and anything added to it."""
        with transaction(self.con) as con:
            row = con.execute("SELECT id FROM incidents WHERE status = 'draft'").fetchone()
            if row is None:
                return
            con.execute("DELETE FROM incidents WHERE id = ?", (row["id"],))
        self._remove_folder(int(row["id"]))

    def set(self, n: int, field: str, value: str | tuple[str, ...], now: datetime) -> bool:
        """Save one answer. On a saved incident a different value keeps the old one in history.

        Returns whether the value changed. Raises UnknownField, UnknownIncident.
        """
        if field not in FIELDS:
            raise UnknownField(field)
        text = json.dumps(list(value)) if field == "types" else str(value)
        with transaction(self.con) as con:
            row = con.execute(
                f"SELECT status, asked, {field} FROM incidents WHERE id = ?", (n,)
            ).fetchone()
            if row is None:
                raise UnknownIncident(n)
            asked = json.loads(row["asked"])
            if field not in asked:
                asked.append(field)
            old = str(row[field])
            con.execute(
                f"UPDATE incidents SET {field} = ?, asked = ? WHERE id = ?",
                (text, json.dumps(asked), n),
            )
            if row["status"] == Status.SAVED.value and old != text:
                con.execute(
                    "INSERT INTO incident_changes (incident_id, field, old, new, changed_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (n, field, old, text, _iso(now)),
                )
        return old != text

    def finish(self, n: int) -> None:
        """The draft becomes a saved incident (every question answered or skipped)."""
        with transaction(self.con) as con:
            con.execute("UPDATE incidents SET status = 'saved' WHERE id = ?", (n,))

    # -- evidence --------------------------------------------------------------------------
    def folder(self, incident_id: int) -> Path:
        return self.evidence_root / str(incident_id)

    def evidence_file(self, incident_id: int, ev: Evidence) -> Path:
        """Where the copy of a file kept as evidence is."""
        return self.folder(incident_id) / ev.stored_name

    def _exists(self, n: int) -> None:
        if self.con.execute("SELECT 1 FROM incidents WHERE id = ?", (n,)).fetchone() is None:
            raise UnknownIncident(n)

    def _one_evidence(self, con: sqlite3.Connection, evidence_id: int) -> Evidence:
        row = con.execute("SELECT * FROM incident_evidence WHERE id = ?", (evidence_id,)).fetchone()
        return self._evidence(row)

    def add_file(self, n: int, src: Path, note: str, now: datetime) -> Evidence:
        """Copy a file into the incident's evidence folder and record it.

        Raises UnknownIncident, AlreadyKept (same content already kept), OSError (the file cannot
        be read or the copy written; then nothing is recorded and no partial copy is left).
        """
        self._exists(n)
        folder = private_dir(self.folder(n), ours=True)
        private_dir(self.evidence_root, ours=True)
        sweep(folder)
        tmp = folder / f"{TMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}"
        sha256, size = copy_hashed(src, tmp)
        try:
            with transaction(self.con) as con:
                same = con.execute(
                    "SELECT id FROM incident_evidence WHERE incident_id = ? AND kind = 'file' "
                    "AND sha256 = ?",
                    (n, sha256),
                ).fetchone()
                if same is not None:
                    kept = self._one_evidence(con, same["id"])
                    copy = folder / kept.stored_name
                    try:
                        intact = hash_file(copy)[0] == kept.sha256
                    except OSError:
                        intact = False
                    if intact:
                        raise AlreadyKept(kept)
                    # The copy went missing or changed; the original still has the recorded
                    # fingerprint, so it is the same evidence: put the copy back.
                    os.replace(tmp, copy)
                    raise Restored(kept)
                name = stored_name(src.name, sha256)
                cur = con.execute(
                    "INSERT INTO incident_evidence (incident_id, kind, added_at, note, "
                    "original_name, stored_name, size, sha256) VALUES (?, 'file', ?, ?, ?, ?, ?, ?)",
                    (n, _iso(now), note, src.name, name, size, sha256),
                )
                evidence = self._one_evidence(con, int(cur.lastrowid or 0))
                final = folder / name
                if final.exists():  # a copy left by a run stopped between these two steps
                    final.unlink()
                os.replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)
        return evidence

    def add_url(self, n: int, url: str, seen_at: datetime, note: str, now: datetime) -> Evidence:
        """Record a web address and when it was seen. Nothing is fetched."""
        with transaction(self.con) as con:
            self._exists(n)
            cur = con.execute(
                "INSERT INTO incident_evidence (incident_id, kind, added_at, note, url, seen_at) "
                "VALUES (?, 'url', ?, ?, ?, ?)",
                (n, _iso(now), note, url, _iso(seen_at)),
            )
            return self._one_evidence(con, int(cur.lastrowid or 0))

    def verify(self, incident: Incident) -> list[Check]:
        """Re-hash every file kept for an incident: ok, changed or missing."""
        checks = []
        for ev in incident.evidence:
            if ev.kind != EvidenceKind.FILE:
                continue
            path = self.evidence_file(incident.id, ev)
            try:
                sha256, _size = hash_file(path)
            except FileNotFoundError:
                checks.append(Check(incident.id, ev, "missing"))
                continue
            except OSError:
                checks.append(Check(incident.id, ev, "missing"))
                continue
            checks.append(
                Check(incident.id, ev, "ok" if sha256 == ev.sha256 else "changed", sha256)
            )
        return checks

    def _remove_folder(self, incident_id: int) -> None:
        import shutil

        folder = self.folder(incident_id)
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)

    def delete_all(self) -> None:
        """Every incident, its history, its evidence records and the copies of its files."""
        with transaction(self.con) as con:
            con.execute("DELETE FROM incidents")
        import shutil

        if self.evidence_root.is_dir():
            shutil.rmtree(self.evidence_root, ignore_errors=True)
