"""The history file: private, never overwritten when it is not ours, safe with two processes."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from onlineveilig import paths
from onlineveilig.audit.model import Answer
from onlineveilig.errors import StoreError
from onlineveilig.store.db import APPLICATION_ID, SCHEMA_VERSION
from onlineveilig.store.repo import Store

from .conftest import Clock, run

NOW = datetime(2026, 3, 2, 10, 0).astimezone()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_are_private(isolated: Path) -> None:
    with Store(paths.database_path()) as store:
        audit = store.start_audit(["a"], "due", {}, NOW)
        store.save_answer(audit.id, "a", Answer.JA, "", "?", NOW)
    assert mode(paths.data_dir()) == 0o700
    for path in paths.data_dir().iterdir():
        assert mode(path) == 0o600, path


def test_damaged_database_is_named_and_left_alone(frozen: Clock) -> None:
    db = paths.database_path()
    paths.private_dir(db.parent)
    junk = b"SQLite format 3\x00" + b"\xff" * 3000
    db.write_bytes(junk)
    result = run(["status"])
    assert result.exit_code == 4
    assert f"Het geschiedenisbestand {db} is beschadigd." in result.output
    assert "onaangeroerd" in result.output
    assert "Traceback" not in result.output
    assert db.read_bytes() == junk


def test_text_file_instead_of_database(frozen: Clock) -> None:
    db = paths.database_path()
    paths.private_dir(db.parent)
    db.write_text("dit is geen database, maar mijn boodschappenlijst\n" * 5)
    result = run(["history"])
    assert result.exit_code == 4
    assert "is geen geschiedenisbestand van onlineveilig" in result.output


def test_foreign_sqlite_database_is_not_touched(frozen: Clock) -> None:
    db = paths.database_path()
    paths.private_dir(db.parent)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute("INSERT INTO recipes VALUES ('stoofvlees')")
    con.commit()
    con.close()
    before = db.read_bytes()
    result = run(["audit"], input="\n")
    assert result.exit_code == 4
    assert "is geen geschiedenisbestand van onlineveilig" in result.output
    assert db.read_bytes() == before


def test_database_from_a_newer_version(frozen: Clock) -> None:
    db = paths.database_path()
    with Store(db):
        pass
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    result = run(["status"])
    assert result.exit_code == 4
    assert "nieuwere versie van onlineveilig" in result.output


def test_new_database_is_marked_as_ours(isolated: Path) -> None:
    with Store(paths.database_path()):
        pass
    con = sqlite3.connect(paths.database_path())
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()


def test_only_one_open_audit_even_when_started_twice(isolated: Path) -> None:
    db = paths.database_path()
    with Store(db) as one, Store(db) as two:
        first = one.start_audit(["a", "b"], "due", {}, NOW)
        second = two.start_audit(["c"], "due", {}, NOW)
    assert first.id == second.id and second.plan == ["a", "b"]


def _writer(home: str, worker: int, count: int) -> None:
    os.environ["ONLINEVEILIG_HOME"] = home
    with Store(paths.database_path()) as store:
        audit = store.start_audit([f"i{n}" for n in range(count)], "due", {}, NOW)
        for n in range(count):
            moment = NOW + timedelta(seconds=n)
            store.save_answer(audit.id, f"w{worker}-i{n}", Answer.NEE, f"{worker}", "q", moment)
            store.set_profile({f"k{worker}": str(n)})


def test_two_processes_at_once_corrupt_nothing(isolated: Path) -> None:
    with Store(paths.database_path()):
        pass  # created (and migrated) once; the workers race on the writes
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(str(isolated), w, 60)) for w in range(3)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    con = sqlite3.connect(paths.database_path())
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM answers").fetchone()[0] == 180
    assert con.execute("SELECT count(*) FROM audits").fetchone()[0] == 1
    con.close()


def test_store_error_names_the_kind(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"\x00" * 10)
    with pytest.raises(StoreError) as info:
        Store(path)
    assert info.value.kind == "damaged"


def test_a_database_held_by_another_process_gives_a_message(
    frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import onlineveilig.store.db as db

    with Store(paths.database_path()):
        pass
    holder = sqlite3.connect(paths.database_path(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(db, "BUSY_SECONDS", 0.2)
    try:
        result = run(["config", "set", "city", "Gent"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 4
    assert "wordt al gebruikt door onlineveilig in een ander venster" in result.output


def test_writing_to_a_folder_of_the_user_keeps_its_permissions(
    frozen: Clock, tmp_path: Path
) -> None:
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    shared.chmod(0o755)
    assert run(["reminder", "-o", str(shared / "h.ics")]).exit_code == 0
    assert mode(shared) == 0o755
    assert mode(shared / "h.ics") == 0o600
    fresh = tmp_path / "nieuw" / "dieper"
    assert run(["reminder", "-o", str(fresh / "h.ics")]).exit_code == 0
    assert mode(fresh) == 0o700 and mode(fresh.parent) == 0o700
