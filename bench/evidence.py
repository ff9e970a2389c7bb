"""incident evidence: a 50 MB file copied into the data folder and hashed while copying, then
verified. Prints the time of each and the memory used on top of what the process already had:
the growth of the peak RSS (resource.getrusage) and the peak of Python's own allocations
(tracemalloc). Target: far below the file's size (at most 8 MiB extra). Not a test: figures to watch.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

SIZE = 50 * 1024 * 1024
MAX_EXTRA_MIB = 8


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ONLINEVEILIG_HOME"] = str(Path(tmp) / "home")
        from onlineveilig.paths import database_path
        from onlineveilig.store.repo import Store

        src = Path(tmp) / "export-chat.zip"
        block = os.urandom(1024 * 1024)
        with src.open("wb") as fh:
            for _ in range(SIZE // len(block)):
                fh.write(block)
        now = datetime.now().astimezone()
        with Store(database_path()) as store:
            repo = store.incidents
            n = repo.start(now)
            repo.finish(n)
            before = _rss_mib()
            tracemalloc.start()
            start = time.perf_counter()
            ev = repo.add_file(n, src, "", now)
            copied = time.perf_counter() - start
            incident = repo.get(n)
            assert incident is not None
            start = time.perf_counter()
            checks = repo.verify(incident)
            verified = time.perf_counter() - start
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            extra = _rss_mib() - before
            assert [c.state for c in checks] == ["ok"] and ev.size == SIZE
    python_mib = peak / 1024 / 1024
    print(f"evidence: copied and hashed {SIZE // 1024 // 1024} MB in {copied:.2f} s")
    print(f"evidence: verified (re-hashed) in {verified:.2f} s")
    print(
        f"evidence: memory on top: peak RSS +{extra:.1f} MiB, Python allocations peak "
        f"{python_mib:.1f} MiB (target at most {MAX_EXTRA_MIB} MiB)"
    )
    return 0 if max(extra, python_mib) <= MAX_EXTRA_MIB else 1


if __name__ == "__main__":
    sys.exit(main())
