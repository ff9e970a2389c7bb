"""Time and peak memory of `onlineveilig team rapport` over 5,000 share files (the whole process).

Writes 5,000 fictional share files (500 workers x 10 months, every built-in item answered, a few
incidents each) into a temporary folder, then runs `python -m onlineveilig team rapport` on the
folder for each format and prints the wall time and the peak memory of the process against the
targets (under 5 s, at most 100 MiB). Not a test: a figure to watch.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = 5_000
WORKERS = 500
TARGET_S = 5.0
TARGET_MIB = 100.0
ANSWERS = ("in-order", "in-order", "in-order", "action", "not-applicable", "not-answered")


def items() -> list[tuple[str, str]]:
    from onlineveilig.content.loader import load_content

    return [(section.id, item.id) for section, item in load_content().items()]


def write_files(folder: Path) -> None:
    rng = random.Random(12)
    known = items()
    months = [f"2026-{m:02d}" for m in range(1, FILES // WORKERS + 1)]
    for w in range(WORKERS):
        worker = f"{w:032x}"
        for month in months:
            n = rng.randrange(4)
            data = {
                "format": "onlineveilig-deel",
                "version": 1,
                "worker": worker,
                "month": month,
                "made_with": "onlineveilig 0.9",
                "checklists": {"aanwezigheid": "1", "organisatie": "1"},
                "score": rng.randrange(40, 101),
                "answers": [
                    {"id": i, "section": s, "source": "builtin", "answer": rng.choice(ANSWERS)}
                    for s, i in known
                ],
                "incidents": {
                    "total": n,
                    "reported": n,
                    "followed_up": 0,
                    "by_type": {"threats": n} if n else {},
                    "by_channel": {"whatsapp": n} if n else {},
                    "by_month": {month: n} if n else {},
                },
            }
            (folder / f"w{w}-{month}.json").write_text(json.dumps(data), encoding="utf-8")


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "deel"
        folder.mkdir()
        started = time.perf_counter()
        write_files(folder)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(
            f"{FILES} share files ({size / 2**20:.1f} MiB) written in "
            f"{time.perf_counter() - started:.1f} s"
        )
        env = dict(os.environ, ONLINEVEILIG_HOME=str(Path(tmp) / "home"), NO_COLOR="1")
        for form in ("html", "md", "json"):
            cmd = [sys.executable, "-m", "onlineveilig", "team", "rapport", str(folder)]
            out = Path(tmp) / f"team.{form}"
            # each run in its own child process: its peak memory is measured alone
            probe = (
                "import resource, subprocess, sys, time\n"
                "t = time.perf_counter()\n"
                "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
                "t = time.perf_counter() - t\n"
                "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            )
            result = subprocess.run(
                [sys.executable, "-c", probe, *cmd, "--format", form, "-o", str(out)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            seconds_text, kib_text = result.stdout.split()
            seconds, mib = float(seconds_text), int(kib_text) / 1024
            met = seconds < TARGET_S and mib <= TARGET_MIB
            ok = ok and met
            print(
                f"team rapport --format {form:<4} {seconds:5.2f} s  peak {mib:5.1f} MiB  "
                f"({out.stat().st_size / 1024:.0f} KB) — "
                + ("targets met" if met else f"OVER (targets: < {TARGET_S} s, <= {TARGET_MIB} MiB)")
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
