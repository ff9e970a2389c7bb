"""Time to write a report over 60 months of history: the whole `onlineveilig report` process.

Fills a temporary ONLINEVEILIG_HOME with 60 fictional monthly audits (scripts/sample_history.py,
through the Store API, answering what the real audit would ask), then runs
`python -m onlineveilig report -o <tmp>/r.html` several times and prints the median wall time
against the target. Markdown and JSON are timed too, for comparison. Not a test: a figure to watch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import timing  # bench/timing.py: this folder is on the path when a benchmark runs

RUNS = 7
MONTHS = 60
TARGET = 0.3  # seconds, for the whole process
ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], env: dict[str, str]) -> float:
    return timing.wall(cmd, env, RUNS, check=True)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ONLINEVEILIG_HOME=str(Path(tmp) / "home"), NO_COLOR="1")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "sample_history.py"), "--months", str(MONTHS)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"history: {MONTHS} monthly audits written in {time.perf_counter() - started:.1f} s")
        report = [sys.executable, "-m", "onlineveilig", "report"]
        out = Path(tmp) / "out"
        out.mkdir()
        subprocess.run(
            [*report, "-o", str(out / "r.html")], env=env, check=True, capture_output=True
        )
        size = (out / "r.html").stat().st_size
        base = wall([sys.executable, "-c", "import typer"], env)
        print(f"python -c 'import typer'          {base * 1000:7.1f} ms")
        # The floor of any command that reads the checklists and the history.
        floor = wall([sys.executable, "-m", "onlineveilig", "status"], env)
        print(f"onlineveilig status (the floor)   {floor * 1000:7.1f} ms")
        took = 0.0
        for form in ("html", "md", "json"):
            seconds = wall([*report, "--format", form, "-o", str(out / f"r.{form}")], env)
            took = seconds if form == "html" else took
            print(f"onlineveilig report --format {form:<4} {seconds * 1000:7.1f} ms")
    verdict = "within" if took <= TARGET else "OVER"
    print(
        f"HTML report ({size / 1024:.0f} KB): {took:.3f} s — {verdict} the {TARGET} s target "
        f"({(took - floor) * 1000:.0f} ms above status)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
