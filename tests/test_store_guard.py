"""A finished or stopped audit stays as it was, even when another window still has it open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from onlineveilig import paths
from onlineveilig.store.repo import Store

from .conftest import Clock

ONBOARD = "facebook, whatsapp\nAnna Peeters\nGent\nDe Kade vzw\n"


def _count(sql: str) -> int:
    import sqlite3

    con = sqlite3.connect(paths.database_path())
    try:
        return int(con.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # the other process is still creating the file
        return -1
    finally:
        con.close()


def test_answer_in_a_window_whose_audit_was_stopped_elsewhere_is_refused(
    frozen: Clock, isolated: Path
) -> None:
    env = dict(os.environ, ONLINEVEILIG_HOME=str(isolated), NO_COLOR="1", COLUMNS="200")
    first = subprocess.Popen(
        [sys.executable, "-m", "onlineveilig", "audit"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert first.stdin is not None
    first.stdin.write(ONBOARD + "ja\n")
    first.stdin.flush()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if paths.database_path().exists() and _count("SELECT count(*) FROM answers") == 1:
            break
        time.sleep(0.1)
    assert _count("SELECT count(*) FROM answers") == 1
    # A second window: it offers the unfinished audit; "no" stops it and starts a new one.
    second = subprocess.run(
        [sys.executable, "-m", "onlineveilig", "audit"],
        input="nee\nstop\n",
        capture_output=True,
        env=env,
        text=True,
        timeout=60,
    )
    assert "stopped" in second.stdout.lower() or "gestopt" in second.stdout.lower()
    # Back in the first window, the next answer must not go into the stopped audit.
    out, err = first.communicate("ja\n", timeout=60)
    assert first.returncode == 4
    assert "in another window" in err or "in een ander venster" in err
    assert "Traceback" not in err
    assert _count("SELECT count(*) FROM answers WHERE audit_id = 1") == 1
    if first.poll() is None:  # pragma: no cover - safety
        first.send_signal(signal.SIGKILL)


def _finish_later(home: str, score: int, wait: float) -> int:
    os.environ["ONLINEVEILIG_HOME"] = home
    from datetime import datetime

    from onlineveilig.errors import StoreError

    time.sleep(wait)
    with Store(paths.database_path()) as store:
        try:
            store.finish(1, datetime.now().astimezone(), score, 1, 1)
        except StoreError as error:
            return 3 if error.kind == "closed" else 2
    return 0


def test_a_finished_audit_cannot_be_finished_again_by_another_process(isolated: Path) -> None:
    import multiprocessing
    from datetime import datetime

    from onlineveilig.audit.model import Answer

    now = datetime(2026, 3, 2, 10, 0).astimezone()
    with Store(paths.database_path()) as store:
        audit = store.start_audit(["a"], "due", {}, now)
        store.save_answer(audit.id, "a", Answer.JA, "", "?", now)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        early = pool.apply_async(_finish_later, (str(isolated), 80, 0.0))
        assert early.get(60) == 0
        late = pool.apply_async(_finish_later, (str(isolated), 10, 0.0))
        assert late.get(60) == 3
    with Store(paths.database_path()) as store:
        done = store.audit(audit.id)
        assert done is not None and done.score == 80
        try:
            store.save_answer(audit.id, "a", Answer.NEE, "", "?", now)
        except Exception as error:
            assert "closed" in str(error)
        else:  # pragma: no cover
            raise AssertionError("an answer went into a finished audit")
        assert store.audit(audit.id).answers["a"].answer == Answer.JA  # type: ignore[union-attr]
