"""Start-up time of `onlineveilig --help`, `status` and `status --check` against `import typer`.

`status` and `status --check` run at login and from cron, so they should start about as fast as
any Typer program. Each round runs `python -c "import typer"` and every command once, in a
different order each round (so a busy moment of the machine hits them alike); the figure is the
median over the rounds of each command's time divided by the `import typer` time of the same
round. The target is at most 1.5x for `--help` and `status`; the last lines say whether each
meets it. Beside each ratio, in brackets, the same ratio of CPU time (user + system), which a
busy machine sways less than the wall clock. The history is a realistic one: 12 fictional
monthly audits (scripts/sample_history.py) in a temporary ONLINEVEILIG_HOME. Not a test: a
figure to watch.

Usage: python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 21
TARGET = 1.5
# The two commands the target is for (issue 9, section 3); `status --check` is shown beside them.
TARGETED = ("onlineveilig --help", "onlineveilig status")
ROOT = Path(__file__).resolve().parents[1]
HELLO = """
import typer
app = typer.Typer()
@app.command()
def hello(loud: bool = False) -> None:
    pass
app(["--loud"], standalone_mode=False)
"""


def once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock time and CPU time (user + system) of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = 0  # reaped by wait4
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    runs = parser.parse_args().runs
    exe = str(Path(sys.executable).with_name("onlineveilig"))
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ONLINEVEILIG_HOME=str(Path(tmp) / "home"), NO_COLOR="1")
        # An installed wheel has its .pyc files (pip compiles them); without them every run
        # would compile our modules again and the figures would be about the compiler.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "sample_history.py"), "--months", "12"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        base_cmd = [sys.executable, "-c", "import typer"]
        commands = {
            "typer app, one option": [sys.executable, "-c", HELLO],
            "onlineveilig --help": [exe, "--help"],
            "onlineveilig status": [exe, "status"],
            "onlineveilig status --check": [exe, "status", "--check"],
        }
        for cmd in [base_cmd, *commands.values()]:  # warm the disk cache and the .pyc files
            once(cmd, env)
        base: list[float] = []
        took: dict[str, list[float]] = {name: [] for name in commands}
        ratios: dict[str, list[float]] = {name: [] for name in commands}
        cpu_ratios: dict[str, list[float]] = {name: [] for name in commands}
        names = list(commands)
        for round_no in range(runs):
            # Rotate the order: each command comes first, last and in between equally often.
            shift = round_no % (len(names) + 1)
            order: list[str | None] = [None, *names]
            order = order[shift:] + order[:shift]
            times: dict[str | None, tuple[float, float]] = {}
            for name in order:
                times[name] = once(base_cmd if name is None else commands[name], env)
            base.append(times[None][0])
            for name in names:
                took[name].append(times[name][0])
                ratios[name].append(times[name][0] / times[None][0])
                cpu_ratios[name].append(times[name][1] / max(times[None][1], 1e-6))
    print(f"median of {runs} interleaved rounds, each against `import typer` of the same round")
    print(f"{'':<28} {'wall':>10}   ratio   (CPU-time ratio: less swayed by a busy machine)")
    label = 'python -c "import typer"'
    print(f"{label:<28} {statistics.median(base) * 1000:7.1f} ms")
    for name in names:
        ratio = statistics.median(ratios[name])
        cpu = statistics.median(cpu_ratios[name])
        print(
            f"{name:<28} {statistics.median(took[name]) * 1000:7.1f} ms   {ratio:4.2f}x   ({cpu:4.2f}x)"
        )
    print(f"target: at most {TARGET}x `import typer`")
    for name in TARGETED:
        ratio = statistics.median(ratios[name])
        verdict = "meets" if ratio <= TARGET else "MISSES"
        print(f"  {name:<26} {ratio:4.2f}x  {verdict} the {TARGET}x target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
