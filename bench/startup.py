"""Start-up time of `onlineveilig --help` and `onlineveilig status` against `import typer`.

Prints the median wall time of each over several runs and the ratio; the target is at most 1.5x
(heavy modules are imported only by the commands that use them). Not a test: a figure to watch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import timing  # bench/timing.py: this folder is on the path when a benchmark runs

RUNS = 15
HELLO = """
import typer
app = typer.Typer()
@app.command()
def hello(loud: bool = False) -> None:
    pass
app(["--loud"], standalone_mode=False)
"""
TARGET = 1.5


def wall(cmd: list[str], env: dict[str, str]) -> float:
    return timing.wall(cmd, env, RUNS, check=False)


def main() -> int:
    exe = Path(sys.executable).with_name("onlineveilig")
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, ONLINEVEILIG_HOME=home, NO_COLOR="1")
        subprocess.run([str(exe), "status"], env=env, capture_output=True, check=False)  # warm up
        base = wall([sys.executable, "-c", "import typer"], env)
        print(f"python -c 'import typer'   {base * 1000:7.1f} ms")
        # The floor any Typer app pays: parsing one option (and our own lazy command table).
        floor = wall([sys.executable, "-c", HELLO], env)
        print(f"typer app, one option      {floor * 1000:7.1f} ms   {floor / base:4.2f}x")
        worst = 0.0
        for args in (["--help"], ["status"]):
            took = wall([str(exe), *args], env)
            ratio = took / base
            worst = max(worst, ratio)
            print(f"onlineveilig {' '.join(args):<13} {took * 1000:7.1f} ms   {ratio:4.2f}x")
    verdict = "within" if worst <= TARGET else "OVER"
    print(f"worst ratio {worst:.2f}x — {verdict} the {TARGET}x target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
