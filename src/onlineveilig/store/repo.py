"""Reading and writing profile and audits. Each method is one transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from onlineveilig.audit.model import Answer, AnswerRecord, Audit, Status
from onlineveilig.errors import StoreError, StoreKind

from .db import connect, snapshot, transaction

if TYPE_CHECKING:
    from .search import SearchRepo

if TYPE_CHECKING:
    from .incidents import IncidentRepo


WORKER_KEY = (
    "share_worker"  # profile key of the random id in share files (never shown as a setting)
)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


class Store:
    def __init__(self, path: Path):
        self.path = path
        self.con = connect(path)

    @property
    def search(self) -> SearchRepo:
        """The search-me runs, findings and marks, in the same file."""
        # Imported here: `status` and `audit` never read them (see bench/startup.py).
        from .search import SearchRepo

        return SearchRepo(self.con)

    @property
    def incidents(self) -> IncidentRepo:
        """The incidents, their history and evidence (copies kept under paths.evidence_dir)."""
        from onlineveilig.paths import evidence_dir

        from .incidents import IncidentRepo

        return IncidentRepo(self.con, evidence_dir())

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- profile -------------------------------------------------------------------------
    def profile(self) -> dict[str, str]:
        rows = self.con.execute("SELECT key, value FROM profile ORDER BY key")
        return {row["key"]: row["value"] for row in rows}

    def set_profile(self, values: dict[str, str | None]) -> None:
        with transaction(self.con) as con:
            for key, value in values.items():
                if value is None:
                    con.execute("DELETE FROM profile WHERE key = ?", (key,))
                else:
                    con.execute(
                        "INSERT INTO profile (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (key, value),
                    )

    def keep_worker_id(self, candidate: str) -> str:
        """The random id share files carry (onlineveilig deel): `candidate` the first time, then kept."""
        with transaction(self.con) as con:
            con.execute(
                "INSERT OR IGNORE INTO profile (key, value) VALUES (?, ?)", (WORKER_KEY, candidate)
            )
            row = con.execute("SELECT value FROM profile WHERE key = ?", (WORKER_KEY,)).fetchone()
        return str(row["value"])

    # -- audits --------------------------------------------------------------------------
    def _audit(self, row: sqlite3.Row, answers: dict[str, AnswerRecord]) -> Audit:
        return Audit(
            id=row["id"],
            started_at=_dt(row["started_at"]) or datetime.min,
            finished_at=_dt(row["finished_at"]),
            status=Status(row["status"]),
            scope=row["scope"],
            plan=json.loads(row["plan"]),
            versions=json.loads(row["versions"]),
            score=row["score"],
            in_order=row["in_order"],
            counted=row["counted"],
            answers=answers,
        )

    def _answers(self, where: str = "", args: tuple[object, ...] = ()) -> list[AnswerRecord]:
        rows = self.con.execute(
            "SELECT audit_id, item_id, answer, note, answered_at, question FROM answers "
            f"{where} ORDER BY answered_at, rowid",
            args,
        )
        return [
            AnswerRecord(
                r["audit_id"],
                r["item_id"],
                Answer(r["answer"]),
                r["note"],
                datetime.fromisoformat(r["answered_at"]),
                r["question"],
            )
            for r in rows
        ]

    def history(self) -> list[AnswerRecord]:
        """Every answer ever given, oldest first."""
        return self._answers()

    def audits(self) -> list[Audit]:
        """Every audit with its answers, read as one consistent snapshot."""
        return self.audits_and_history()[0]

    def audits_and_history(self) -> tuple[list[Audit], list[AnswerRecord]]:
        """Every audit with its answers and every answer oldest first: one read, one snapshot."""
        with snapshot(self.con):
            records = self.history()
            rows = self.con.execute("SELECT * FROM audits ORDER BY id").fetchall()
        by_audit: dict[int, dict[str, AnswerRecord]] = {}
        for record in records:
            by_audit.setdefault(record.audit_id, {})[record.item_id] = record
        return [self._audit(row, by_audit.get(row["id"], {})) for row in rows], records

    def audit(self, audit_id: int) -> Audit | None:
        with snapshot(self.con):
            row = self.con.execute("SELECT * FROM audits WHERE id = ?", (audit_id,)).fetchone()
            if row is None:
                return None
            records = self._answers("WHERE audit_id = ?", (audit_id,))
        return self._audit(row, {r.item_id: r for r in records})

    def _check_open(self, con: sqlite3.Connection, audit_id: int) -> None:
        """Inside a write: the audit must still be open (another window may have closed it)."""
        row = con.execute("SELECT status FROM audits WHERE id = ?", (audit_id,)).fetchone()
        if row is None or row["status"] != Status.OPEN.value:
            raise StoreError(self.path, StoreKind.CLOSED, str(audit_id))

    def open_audit(self) -> Audit | None:
        row = self.con.execute("SELECT id FROM audits WHERE status = 'open'").fetchone()
        return self.audit(row["id"]) if row else None

    def start_audit(
        self, plan: list[str], scope: str, versions: dict[str, int], now: datetime
    ) -> Audit:
        """A new open audit; if another process just started one, that one is returned."""
        with transaction(self.con) as con:
            row = con.execute("SELECT id FROM audits WHERE status = 'open'").fetchone()
            if row is None:
                cur = con.execute(
                    "INSERT INTO audits (started_at, status, scope, plan, versions) "
                    "VALUES (?, 'open', ?, ?, ?)",
                    (_iso(now), scope, json.dumps(plan), json.dumps(versions)),
                )
                audit_id = cur.lastrowid
            else:
                audit_id = row["id"]
        audit = self.audit(int(audit_id or 0))
        if audit is None:  # pragma: no cover - just inserted
            raise StoreError(self.path, StoreKind.DAMAGED, "audit vanished")
        return audit

    def discard_empty(self, audit_id: int) -> None:
        """Forget an open audit that has no answers (started and left at once)."""
        with transaction(self.con) as con:
            con.execute(
                "DELETE FROM audits WHERE id = ? AND status = 'open' "
                "AND NOT EXISTS (SELECT 1 FROM answers WHERE audit_id = ?)",
                (audit_id, audit_id),
            )

    def abandon(self, audit_id: int) -> None:
        with transaction(self.con) as con:
            con.execute(
                "UPDATE audits SET status = 'abandoned' WHERE id = ? AND status = 'open'",
                (audit_id,),
            )

    def save_answer(
        self,
        audit_id: int,
        item_id: str,
        answer: Answer,
        note: str,
        question: str,
        now: datetime,
    ) -> None:
        with transaction(self.con) as con:
            self._check_open(con, audit_id)
            con.execute(
                "INSERT INTO answers (audit_id, item_id, answer, note, question, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (audit_id, item_id) DO UPDATE SET "
                "answer = excluded.answer, note = excluded.note, "
                "question = excluded.question, answered_at = excluded.answered_at",
                (audit_id, item_id, answer.value, note, question, _iso(now)),
            )

    def set_note(self, audit_id: int, item_id: str, note: str) -> None:
        with transaction(self.con) as con:
            self._check_open(con, audit_id)
            con.execute(
                "UPDATE answers SET note = ? WHERE audit_id = ? AND item_id = ?",
                (note, audit_id, item_id),
            )

    def finish(
        self, audit_id: int, now: datetime, score: int | None, in_order: int, counted: int
    ) -> None:
        with transaction(self.con) as con:
            self._check_open(con, audit_id)
            con.execute(
                "UPDATE audits SET status = 'done', finished_at = ?, score = ?, in_order = ?, "
                "counted = ? WHERE id = ?",
                (_iso(now), score, in_order, counted, audit_id),
            )

    def counts(self) -> dict[str, int]:
        one = self.con.execute
        return {
            "audits": one("SELECT count(*) FROM audits").fetchone()[0],
            "answers": one("SELECT count(*) FROM answers").fetchone()[0],
            "profile": one("SELECT count(*) FROM profile").fetchone()[0],
        }
