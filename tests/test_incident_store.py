"""The incident store: drafts, answers saved one by one, history, and evidence kept intact."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from onlineveilig.incidents.model import EvidenceKind, Status
from onlineveilig.paths import database_path, evidence_dir
from onlineveilig.store import incidents as store_incidents
from onlineveilig.store.incidents import AlreadyKept, UnknownIncident
from onlineveilig.store.repo import Store
from tests.conftest import START


def _store() -> Store:
    return Store(database_path())


def test_a_draft_keeps_each_answer_and_becomes_saved() -> None:
    with _store() as store:
        repo = store.incidents
        n = repo.start(START)
        assert repo.start(START) == n  # one draft at a time
        repo.set(n, "started", "2026-03-01", START)
        repo.set(n, "types", ("threats", "insults"), START)
        assert repo.all() == []
        draft = repo.draft()
        assert draft is not None and draft.status == Status.DRAFT
        assert draft.types == ("threats", "insults")
        assert draft.asked == ("started", "types")
        repo.finish(n)
        saved = repo.get(n)
        assert saved is not None and saved.status == Status.SAVED
        assert saved.history == ()  # answers given while adding are not "changes"
        assert repo.draft() is None


def test_a_changed_field_of_a_saved_incident_keeps_the_old_value() -> None:
    with _store() as store:
        repo = store.incidents
        n = repo.start(START)
        repo.set(n, "channel", "whatsapp", START)
        repo.finish(n)
        assert repo.set(n, "channel", "whatsapp", START) is False
        assert repo.set(n, "channel", "instagram", START) is True
        incident = repo.get(n)
        assert incident is not None and incident.channel == "instagram"
        assert [(c.field, c.old, c.new) for c in incident.history] == [
            ("channel", "whatsapp", "instagram")
        ]


def test_evidence_is_copied_byte_for_byte_with_its_hash(tmp_path: Path) -> None:
    src = tmp_path / "Schermafbeelding 1.png"
    data = bytes(range(256)) * 5000 + b"\x00\r\n\xff"
    src.write_bytes(data)
    before = src.stat()
    with _store() as store:
        repo = store.incidents
        n = repo.start(START)
        ev = repo.add_file(n, src, "bericht van vannacht", START)
        assert ev.kind == EvidenceKind.FILE
        assert ev.original_name == "Schermafbeelding 1.png"
        assert ev.size == len(data)
        assert ev.sha256 == hashlib.sha256(data).hexdigest()
        copy = repo.evidence_file(n, ev)
        assert copy.read_bytes() == data
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(evidence_dir().stat().st_mode) == 0o700
        with pytest.raises(AlreadyKept):
            repo.add_file(n, src, "", START)
        assert len(repo.draft().evidence) == 1  # type: ignore[union-attr]
    assert src.read_bytes() == data and src.stat().st_mtime == before.st_mtime


def test_a_copy_that_fails_halfway_leaves_no_record_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "chat.txt"
    src.write_bytes(b"x" * (3 * store_incidents.CHUNK))
    monkeypatch.setattr(store_incidents, "CHUNK", 1024)
    real_open = Path.open
    calls = {"n": 0}

    class Breaking:
        def __init__(self, fh: object) -> None:
            self.fh = fh

        def __enter__(self) -> Breaking:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

        def read(self, size: int) -> bytes:
            calls["n"] += 1
            if calls["n"] > 3:
                raise OSError(5, "Input/output error")
            return self.fh.read(size)  # type: ignore[attr-defined, no-any-return]

    def fake_open(self: Path, mode: str = "r", *args: object, **kw: object) -> object:
        fh = real_open(self, mode, *args, **kw)  # type: ignore[call-overload]
        return Breaking(fh) if self == src else fh

    with _store() as store:
        repo = store.incidents
        n = repo.start(START)
        monkeypatch.setattr(Path, "open", fake_open)
        with pytest.raises(OSError):
            repo.add_file(n, src, "", START)
        monkeypatch.setattr(Path, "open", real_open)
        assert repo.draft().evidence == ()  # type: ignore[union-attr]
        assert list(repo.folder(n).iterdir()) == []


def test_verify_finds_changed_and_missing_copies(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"first")
    (tmp_path / "b.png").write_bytes(b"second")
    with _store() as store:
        repo = store.incidents
        n = repo.start(START)
        a = repo.add_file(n, tmp_path / "a.png", "", START)
        b = repo.add_file(n, tmp_path / "b.png", "", START)
        repo.add_url(n, "https://example.org/post/1", START, "", START)
        repo.finish(n)
        incident = repo.get(n)
        assert incident is not None
        assert [c.state for c in repo.verify(incident)] == ["ok", "ok"]
        repo.evidence_file(n, a).write_bytes(b"firsT")
        repo.evidence_file(n, b).unlink()
        assert [(c.evidence.original_name, c.state) for c in repo.verify(incident)] == [
            ("a.png", "changed"),
            ("b.png", "missing"),
        ]


def test_unknown_incident_and_delete_all(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"first")
    with _store() as store:
        repo = store.incidents
        with pytest.raises(UnknownIncident):
            repo.add_file(99, tmp_path / "a.png", "", START)
        n = repo.start(START)
        repo.add_file(n, tmp_path / "a.png", "", START)
        repo.finish(n)
        assert repo.counts()["evidence_files"] == 1
        repo.delete_all()
        assert repo.all() == [] and repo.counts()["incidents"] == 0
        assert not evidence_dir().exists()
    assert (tmp_path / "a.png").read_bytes() == b"first"


def test_a_copy_left_by_a_killed_process_is_removed_at_the_next_copy(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.png").write_bytes(b"first")
    with _store() as store:
        repo = store.incidents
        n = repo.start(START)
        repo.add_file(n, tmp_path / "a.png", "", START)
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        left = repo.folder(n) / f"{store_incidents.TMP_PREFIX}{dead.stdout.strip()}-0000"
        left.write_bytes(b"half a cop")
        mine = repo.folder(n) / f"{store_incidents.TMP_PREFIX}{os.getpid()}-1111"
        mine.write_bytes(b"still copying")
        (tmp_path / "b.png").write_bytes(b"second")
        repo.add_file(n, tmp_path / "b.png", "", START)
        assert not left.exists()
        assert mine.exists()  # a live process's copy in progress is left alone
