"""The SQLite file: opening it safely, schema version and ordered migrations.

A file that is not ours, damaged, or from a newer version raises StoreError and is never
written to. Every write goes through ``transaction()``. A file that cannot be written (a locked
USB stick, a read-only share, a file or folder without write permission) is opened read-only:
reading works, and a write raises StoreError(READONLY), never "damaged".
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from onlineveilig.errors import StoreError, StoreKind
from onlineveilig.paths import private_dir

APPLICATION_ID = 0x4F564C47  # "OVLG": marks the file as ours
HEADER = b"SQLite format 3\x00"
BUSY_SECONDS = 15.0  # how long a write waits for another process before giving up

# Ordered: migration N brings user_version from N-1 to N. Never edit a released one; add a new one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE profile (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE audits (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        status      TEXT NOT NULL CHECK (status IN ('open', 'done', 'abandoned')),
        scope       TEXT NOT NULL,
        plan        TEXT NOT NULL,
        versions    TEXT NOT NULL,
        score       INTEGER,
        in_order    INTEGER,
        counted     INTEGER
    );
    CREATE UNIQUE INDEX one_open_audit ON audits (status) WHERE status = 'open';
    CREATE TABLE answers (
        audit_id    INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
        item_id     TEXT NOT NULL,
        answer      TEXT NOT NULL CHECK (answer IN ('ja', 'nee', 'nvt', 'later')),
        note        TEXT NOT NULL DEFAULT '',
        question    TEXT NOT NULL DEFAULT '',
        answered_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, item_id)
    );
    CREATE INDEX answers_by_item ON answers (item_id, answered_at);
    """,
    # 2: search-me. Every run is a snapshot of its findings; marks belong to an address
    # (its normalised key), so they carry over from run to run.
    """
    CREATE TABLE search_runs (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        provider    TEXT NOT NULL,
        subject     TEXT NOT NULL,
        queries     TEXT NOT NULL,
        done        TEXT NOT NULL DEFAULT '[]',
        status      TEXT NOT NULL CHECK (status IN ('running', 'complete', 'partial')),
        reason      TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE search_findings (
        run_id   INTEGER NOT NULL REFERENCES search_runs (id) ON DELETE CASCADE,
        key      TEXT NOT NULL,
        url      TEXT NOT NULL,
        title    TEXT NOT NULL,
        snippet  TEXT NOT NULL,
        category TEXT NOT NULL,
        flags    TEXT NOT NULL,
        queries  TEXT NOT NULL,
        rank     INTEGER NOT NULL,
        PRIMARY KEY (run_id, key)
    );
    CREATE INDEX search_findings_by_key ON search_findings (key);
    CREATE TABLE search_marks (
        key       TEXT PRIMARY KEY,
        verdict   TEXT NOT NULL CHECK (verdict IN ('ok', 'action', 'not-me')),
        action    TEXT,
        note      TEXT NOT NULL DEFAULT '',
        marked_at TEXT NOT NULL,
        done_at   TEXT
    );
    """,
    # 3: onlineveilig profiles. A profiles run is a search run of kind 'profiles'; its found
    # profiles are its findings, and every site asked (found, not found or unknown) is a check.
    """
    ALTER TABLE search_runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'search';
    CREATE TABLE profile_checks (
        run_id     INTEGER NOT NULL REFERENCES search_runs (id) ON DELETE CASCADE,
        site       TEXT NOT NULL,
        username   TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('found', 'not-found', 'unknown')),
        reason     TEXT NOT NULL DEFAULT '',
        address    TEXT NOT NULL DEFAULT '',
        name       TEXT NOT NULL DEFAULT '',
        checked_at TEXT NOT NULL,
        PRIMARY KEY (run_id, site, username)
    );
    CREATE INDEX search_runs_by_kind ON search_runs (kind, id);
    """,
    # 4: onlineveilig incident. One row per incident (at most one draft that `incident add` is
    # still asking about), the earlier values that `incident edit` replaced, and the evidence:
    # copies of files (kept in the data folder, see paths.evidence_dir) or addresses seen.
    """
    CREATE TABLE incidents (
        id             INTEGER PRIMARY KEY,
        created_at     TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('draft', 'saved')),
        asked          TEXT NOT NULL DEFAULT '[]',
        started        TEXT NOT NULL DEFAULT '',
        ended          TEXT NOT NULL DEFAULT '',
        channel        TEXT NOT NULL DEFAULT '',
        types          TEXT NOT NULL DEFAULT '[]',
        description    TEXT NOT NULL DEFAULT '',
        who            TEXT NOT NULL DEFAULT '',
        actions        TEXT NOT NULL DEFAULT '',
        reported_to    TEXT NOT NULL DEFAULT '',
        reported_at    TEXT NOT NULL DEFAULT '',
        followed_up_at TEXT NOT NULL DEFAULT '',
        support        TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX one_draft_incident ON incidents (status) WHERE status = 'draft';
    CREATE TABLE incident_changes (
        incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        field       TEXT NOT NULL,
        old         TEXT NOT NULL,
        new         TEXT NOT NULL,
        changed_at  TEXT NOT NULL
    );
    CREATE INDEX incident_changes_by_incident ON incident_changes (incident_id, changed_at);
    CREATE TABLE incident_evidence (
        id            INTEGER PRIMARY KEY,
        incident_id   INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('file', 'url')),
        added_at      TEXT NOT NULL,
        note          TEXT NOT NULL DEFAULT '',
        original_name TEXT NOT NULL DEFAULT '',
        stored_name   TEXT NOT NULL DEFAULT '',
        size          INTEGER NOT NULL DEFAULT 0,
        sha256        TEXT NOT NULL DEFAULT '',
        url           TEXT NOT NULL DEFAULT '',
        seen_at       TEXT
    );
    CREATE INDEX incident_evidence_by_incident ON incident_evidence (incident_id, id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(len(HEADER))
    except OSError as err:
        raise StoreError(path, StoreKind.UNREADABLE, err.strerror or "", os_error=err) from None
    if head != HEADER:
        damaged = head == b"" or path.stat().st_size < 100
        raise StoreError(path, StoreKind.DAMAGED if damaged else StoreKind.FOREIGN)


def writable(path: Path) -> bool:
    """Whether the history file and its folder (where SQLite keeps its -wal file) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_readonly(path: Path) -> sqlite3.Connection:
    """A connection that only reads. Without a -wal file beside it, the file is opened as
    immutable: SQLite then needs no -shm file either, which a read-only folder cannot hold."""
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    uri = path.resolve().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)


def _read_only(path: Path) -> sqlite3.Connection:
    try:
        con = open_readonly(path)
    except sqlite3.Error as err:
        raise StoreError(path, StoreKind.UNREADABLE, str(err)) from None
    with _setting_up(con, path, _read_kind):
        con.row_factory = sqlite3.Row
        version = _check_ours(con, path)
        if version < SCHEMA_VERSION:
            # It needs an update that cannot be written: reading it as it is could go wrong.
            raise StoreError(path, StoreKind.READONLY)
        con.execute("PRAGMA foreign_keys = ON")
    return con


@contextmanager
def _setting_up(
    con: sqlite3.Connection, path: Path, kind_of: Callable[[str], StoreKind]
) -> Iterator[None]:
    """Setting up a fresh connection: on any failure it is closed and a StoreError says why."""
    try:
        yield
    except sqlite3.OperationalError as err:
        con.close()
        raise StoreError(path, kind_of(str(err)), str(err)) from None
    except sqlite3.DatabaseError as err:
        con.close()
        raise StoreError(path, StoreKind.DAMAGED, str(err)) from None
    except BaseException:
        con.close()
        raise


def _read_kind(text: str) -> StoreKind:
    """What SQLite's words about a failed read mean."""
    return StoreKind.LOCKED if "locked" in text or "busy" in text else StoreKind.UNREADABLE


def _check_ours(con: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; StoreError when it is not ours, newer, or damaged."""
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    version: int = con.execute("PRAGMA user_version").fetchone()[0]
    tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != APPLICATION_ID and (tables or version):
        raise StoreError(path, StoreKind.FOREIGN)
    if version > SCHEMA_VERSION:
        raise StoreError(path, StoreKind.NEWER, str(version))
    result = con.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise StoreError(path, StoreKind.DAMAGED, str(result))
    return version


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the database, migrate it, and return the connection."""
    private_dir(path.parent, ours=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_header(path)
        if not writable(path):
            return _read_only(path)
    else:
        # Creating the file ourselves makes it 0600; SQLite's -wal/-shm files copy that mode.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    try:
        con = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as err:
        raise StoreError(path, StoreKind.UNREADABLE, str(err)) from None
    with _setting_up(con, path, _kind):
        con.row_factory = sqlite3.Row
        if existed:
            version = _check_ours(con, path)
        else:
            version = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA foreign_keys = ON")
        _migrate(con, version)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            try:
                side.chmod(0o600)
            except OSError:
                pass
    return con


def _migrate(con: sqlite3.Connection, version: int) -> None:
    if version >= SCHEMA_VERSION:
        return
    con.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        version = con.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute(f"PRAGMA user_version = {number + 1}")
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


@contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: a write is whole or absent."""
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as err:
        kind = StoreKind.READONLY if "readonly" in str(err) else StoreKind.LOCKED
        raise StoreError(_path(con), kind, str(err)) from None
    try:
        yield con
        con.execute("COMMIT")
    except BaseException as error:
        if con.in_transaction:
            con.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError):
            # COMMIT itself can fail (another process holds the lock, the disk is full): the
            # write is rolled back whole and reported, never left half-open.
            raise StoreError(_path(con), _kind(str(error)), str(error)) from None
        raise


@contextmanager
def snapshot(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A read transaction: every SELECT inside sees the same state of the file."""
    con.execute("BEGIN")
    try:
        yield con
    finally:
        if con.in_transaction:
            con.execute("COMMIT")


def _kind(text: str) -> StoreKind:
    """What SQLite's words about a failed write mean."""
    if "readonly" in text or "read-only" in text:
        return StoreKind.READONLY
    return StoreKind.LOCKED if "locked" in text or "busy" in text else StoreKind.DAMAGED


def _path(con: sqlite3.Connection) -> Path:
    row = con.execute("PRAGMA database_list").fetchone()
    return Path(row[2] if row else "")
