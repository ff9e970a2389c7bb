"""Reading and writing search runs, their findings and the user's marks. Each method is one
transaction; findings are plain text as they came (escaped only where shown)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime

from onlineveilig.search.model import (
    ActionKind,
    Category,
    Finding,
    Flag,
    Mark,
    ProfileCheck,
    Run,
    RunKind,
    RunStatus,
    Verdict,
)

from .db import transaction


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _category(value: str) -> Category:
    try:
        return Category(value)
    except ValueError:
        return Category.OTHER


def _flags(value: str) -> tuple[Flag, ...]:
    known = {f.value for f in Flag}
    return tuple(Flag(v) for v in value.split(",") if v in known)


def _write_findings(con: sqlite3.Connection, run_id: int, findings: Sequence[Finding]) -> None:
    """Replace a run's findings (all of them: merging may have changed earlier ones)."""
    con.execute("DELETE FROM search_findings WHERE run_id = ?", (run_id,))
    con.executemany(
        "INSERT INTO search_findings (run_id, key, url, title, snippet, category, "
        "flags, queries, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                run_id,
                f.key,
                f.url,
                f.title,
                f.snippet,
                f.category.value,
                ",".join(flag.value for flag in f.flags),
                json.dumps(list(f.queries), ensure_ascii=False),
                f.rank,
            )
            for f in findings
        ],
    )


def _kind(value: str) -> RunKind:
    try:
        return RunKind(value)
    except ValueError:
        return RunKind.SEARCH


class SearchRepo:
    def __init__(self, con: sqlite3.Connection):
        self.con = con

    # -- runs ----------------------------------------------------------------------------
    def start(
        self,
        provider: str,
        subject: str,
        queries: Sequence[str],
        now: datetime,
        kind: RunKind = RunKind.SEARCH,
    ) -> int:
        with transaction(self.con) as con:
            # A run left 'running' belongs to a process that was killed: it stopped early.
            con.execute(
                "UPDATE search_runs SET status = 'partial', reason = 'interrupted' "
                "WHERE status = 'running'"
            )
            cur = con.execute(
                "INSERT INTO search_runs (started_at, provider, subject, queries, status, kind) "
                "VALUES (?, ?, ?, ?, 'running', ?)",
                (
                    _iso(now),
                    provider,
                    subject,
                    json.dumps(list(queries), ensure_ascii=False),
                    kind.value,
                ),
            )
            return int(cur.lastrowid or 0)

    def save(self, run_id: int, findings: Sequence[Finding], done: Sequence[str]) -> None:
        """The run's findings so far (all of them: merging may have changed earlier ones)."""
        with transaction(self.con) as con:
            _write_findings(con, run_id, findings)
            con.execute(
                "UPDATE search_runs SET done = ? WHERE id = ?",
                (json.dumps(list(done), ensure_ascii=False), run_id),
            )

    def save_check(
        self,
        run_id: int,
        check: ProfileCheck,
        findings: Sequence[Finding],
        done: Sequence[str],
        now: datetime,
    ) -> None:
        """One answer of a profiles run, with the run's found profiles so far: one transaction,
        so a process killed a moment later keeps every answer before it."""
        with transaction(self.con) as con:
            con.execute(
                "INSERT OR REPLACE INTO profile_checks (run_id, site, username, state, reason, "
                "address, name, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    check.site,
                    check.username,
                    check.state,
                    check.reason,
                    check.address,
                    check.name,
                    _iso(now),
                ),
            )
            _write_findings(con, run_id, findings)
            con.execute(
                "UPDATE search_runs SET done = ? WHERE id = ?",
                (json.dumps(list(done), ensure_ascii=False), run_id),
            )

    def finish(self, run_id: int, status: RunStatus, reason: str, now: datetime) -> None:
        with transaction(self.con) as con:
            con.execute(
                "UPDATE search_runs SET status = ?, reason = ?, finished_at = ? WHERE id = ?",
                (status.value, reason, _iso(now), run_id),
            )

    def discard(self, run_id: int) -> None:
        """Forget a run that got no answer at all (nothing to compare with later)."""
        with transaction(self.con) as con:
            con.execute("DELETE FROM search_runs WHERE id = ?", (run_id,))

    def _findings(self, run_id: int) -> tuple[Finding, ...]:
        rows = self.con.execute(
            "SELECT * FROM search_findings WHERE run_id = ? ORDER BY rank, key", (run_id,)
        )
        return tuple(
            Finding(
                key=r["key"],
                url=r["url"],
                title=r["title"],
                snippet=r["snippet"],
                category=_category(r["category"]),
                flags=_flags(r["flags"]),
                queries=tuple(json.loads(r["queries"])),
                rank=r["rank"],
            )
            for r in rows
        )

    def _checks(self, run_id: int) -> tuple[ProfileCheck, ...]:
        rows = self.con.execute(
            "SELECT * FROM profile_checks WHERE run_id = ? ORDER BY rowid", (run_id,)
        )
        return tuple(
            ProfileCheck(
                site=r["site"],
                username=r["username"],
                state=r["state"],
                reason=r["reason"],
                address=r["address"],
                name=r["name"],
            )
            for r in rows
        )

    def _run(self, row: sqlite3.Row, with_findings: bool) -> Run:
        kind = _kind(row["kind"])
        return Run(
            id=row["id"],
            started_at=_dt(row["started_at"]) or datetime.min,
            finished_at=_dt(row["finished_at"]),
            provider=row["provider"],
            subject=row["subject"],
            queries=tuple(json.loads(row["queries"])),
            done=tuple(json.loads(row["done"])),
            status=RunStatus(row["status"]),
            reason=row["reason"],
            findings=self._findings(row["id"]) if with_findings else (),
            kind=kind,
            # The checks are what a profiles run's new and gone are told from.
            checks=self._checks(row["id"]) if kind == RunKind.PROFILES else (),
        )

    def runs(self, *, with_findings: bool = True, kind: RunKind | None = None) -> list[Run]:
        """Every run, oldest first; only those of one kind when `kind` is given."""
        if kind is None:
            rows = self.con.execute("SELECT * FROM search_runs ORDER BY id").fetchall()
        else:
            rows = self.con.execute(
                "SELECT * FROM search_runs WHERE kind = ? ORDER BY id", (kind.value,)
            ).fetchall()
        return [self._run(row, with_findings) for row in rows]

    def run(self, run_id: int) -> Run | None:
        row = self.con.execute("SELECT * FROM search_runs WHERE id = ?", (run_id,)).fetchone()
        return self._run(row, True) if row else None

    def latest(self, kind: RunKind = RunKind.SEARCH) -> Run | None:
        """The last run of this kind that got at least one answer. For profiles: the last
        complete check with what later stopped checks added (findings.combined), so a check
        stopped after a few sites never hides what the complete one found."""
        if kind == RunKind.PROFILES:
            from onlineveilig.search.findings import combined

            return combined(self._profiles_since_complete())
        row = self.con.execute(
            "SELECT * FROM search_runs WHERE done != '[]' AND kind = ? ORDER BY id DESC LIMIT 1",
            (kind.value,),
        ).fetchone()
        return self._run(row, True) if row else None

    def _profiles_since_complete(self, before: int | None = None) -> list[Run]:
        """The profiles runs from the last complete one on (all when none is complete), oldest
        first, with their findings; only those before run `before` when it is given."""
        limit = before if before is not None else -1
        row = self.con.execute(
            "SELECT max(id) FROM search_runs WHERE kind = 'profiles' AND status = 'complete' "
            "AND done != '[]' AND (? < 0 OR id < ?)",
            (limit, limit),
        ).fetchone()
        rows = self.con.execute(
            "SELECT * FROM search_runs WHERE kind = 'profiles' AND id >= ? "
            "AND (? < 0 OR id < ?) ORDER BY id",
            (row[0] or 0, limit, limit),
        ).fetchall()
        return [self._run(r, True) for r in rows]

    def previous(self, current: Run) -> Run | None:
        """The run `current` is compared with (see findings.previous_of), with its findings."""
        from onlineveilig.search.findings import combined, previous_of

        if current.kind == RunKind.PROFILES:
            return combined(self._profiles_since_complete(before=current.id))
        earlier = previous_of(self.runs(with_findings=False, kind=current.kind), current)
        return self.run(earlier.id) if earlier else None

    def first_seen(self) -> dict[str, datetime]:
        """When each address was first found, over every run."""
        rows = self.con.execute(
            "SELECT f.key, min(r.started_at) AS first FROM search_findings f "
            "JOIN search_runs r ON r.id = f.run_id GROUP BY f.key"
        )
        return {r["key"]: datetime.fromisoformat(r["first"]) for r in rows}

    # -- marks ---------------------------------------------------------------------------
    def marks(self) -> dict[str, Mark]:
        rows = self.con.execute("SELECT * FROM search_marks")
        return {
            r["key"]: Mark(
                key=r["key"],
                verdict=Verdict(r["verdict"]),
                action=ActionKind(r["action"]) if r["action"] else None,
                note=r["note"],
                marked_at=datetime.fromisoformat(r["marked_at"]),
                done_at=_dt(r["done_at"]),
            )
            for r in rows
        }

    def mark(
        self,
        key: str,
        verdict: Verdict,
        action: ActionKind | None,
        note: str,
        now: datetime,
    ) -> None:
        with transaction(self.con) as con:
            con.execute(
                "INSERT INTO search_marks (key, verdict, action, note, marked_at, done_at) "
                "VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (key) DO UPDATE SET "
                "verdict = excluded.verdict, action = excluded.action, note = excluded.note, "
                "marked_at = excluded.marked_at, done_at = NULL",
                (key, verdict.value, action.value if action else None, note, _iso(now)),
            )

    def done(self, key: str, now: datetime, note: str | None = None) -> None:
        with transaction(self.con) as con:
            if note is None:
                con.execute("UPDATE search_marks SET done_at = ? WHERE key = ?", (_iso(now), key))
            else:
                con.execute(
                    "UPDATE search_marks SET done_at = ?, note = ? WHERE key = ?",
                    (_iso(now), note, key),
                )

    def counts(self) -> dict[str, int]:
        one = self.con.execute
        return {
            "runs": one("SELECT count(*) FROM search_runs WHERE kind = 'search'").fetchone()[0],
            "checks": one("SELECT count(*) FROM search_runs WHERE kind = 'profiles'").fetchone()[0],
            "marks": one("SELECT count(*) FROM search_marks").fetchone()[0],
        }
