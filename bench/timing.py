"""Shared by the benchmarks: the median wall time of a whole command over several runs."""

from __future__ import annotations

import statistics
import subprocess
import time


def wall(cmd: list[str], env: dict[str, str], runs: int, *, check: bool = False) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)
