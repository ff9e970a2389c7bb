"""A healthy history on a locked USB stick or a read-only share: read as usual, never "damaged"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from onlineveilig import paths
from onlineveilig.errors import StoreError, StoreKind
from onlineveilig.store import db
from onlineveilig.store.repo import Store

from .conftest import Clock, run
from .test_status_history import full_audit

DAMAGED = "beschadigd"
READONLY = "kan niet geschreven worden"


def _history_with_an_audit() -> Path:
    full_audit()
    assert run(["status"]).exit_code == 0
    return paths.database_path()


def lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on the history file and its folder cannot be written, as on a read-only disk
    (this works as root too, where chmod does not stop writes)."""
    monkeypatch.setattr(db, "writable", lambda path: False)


def test_read_only_connection_reads_and_refuses_to_write(frozen: Clock) -> None:
    path = _history_with_an_audit()
    con = db.open_readonly(path)
    try:
        assert con.execute("SELECT count(*) FROM audits").fetchone()[0] == 1
        with pytest.raises(StoreError) as caught, db.transaction(con) as tx:
            tx.execute("DELETE FROM audits")
        assert caught.value.kind == StoreKind.READONLY
    finally:
        con.close()
    with Store(path) as store:
        assert len(store.audits()) == 1  # nothing was removed


def test_reading_commands_work_on_a_history_that_cannot_be_written(
    frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history_with_an_audit()
    before = run(["history"]).output
    lock(monkeypatch)
    for args in (["status"], ["history"], ["config", "show"]):
        result = run(args)
        assert result.exit_code == 0, (args, result.output)
        assert DAMAGED not in result.output
    assert run(["history"]).output == before


def test_a_writing_command_says_the_history_cannot_be_written_not_damaged(
    frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _history_with_an_audit()
    lock(monkeypatch)
    with Store(path) as store, pytest.raises(StoreError) as caught:
        store.set_profile({"naam": "Sanne"})
    assert caught.value.kind == StoreKind.READONLY
    result = run(["audit"], input="ja\n" * 40)
    assert result.exit_code == 4, result.output
    assert READONLY in result.output
    assert DAMAGED not in result.output
    assert "Verplaats het" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="as root chmod does not stop writes")
def test_file_0444_in_folder_0555_is_read_and_not_called_damaged(frozen: Clock) -> None:
    path = _history_with_an_audit()
    for side in path.parent.iterdir():
        if side != path:
            side.unlink()
    path.chmod(0o444)
    path.parent.chmod(0o555)
    try:
        for args in (["status"], ["history"], ["config", "show"]):
            result = run(args)
            assert result.exit_code == 0, (args, result.output)
            assert DAMAGED not in result.output
        result = run(["audit"], input="ja\n" * 40)
        assert result.exit_code == 4
        assert READONLY in result.output
        assert DAMAGED not in result.output
    finally:
        path.parent.chmod(0o700)
        path.chmod(0o600)
