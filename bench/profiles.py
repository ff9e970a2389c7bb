"""profiles' network run: 50 sites on loopback, each its own host (127.0.0.1 .. 127.0.0.50),
each answering after 300 ms.

Each run is a fresh process (nothing warm from an earlier run) that makes the client and checks
the 50 sites, as `onlineveilig profiles` does after the question. The checking time (from a
ready client to the last result; the first request's lazy imports included) is set against the
lower bound the concurrency limit allows, ceil(50 / limit) x 0.3 s (target: within 1.3x); making
the client (its TLS context) is timed apart, and the total is shown against the bound too. Peak
memory is the max RSS of the run's process (resource.getrusage; target: at most 60 MiB). The
targets are judged on the median run and the highest memory; min, median and max are printed,
with the machine's load average (other work on the machine slows every run). The server is one asyncio process of its own (its memory is not
counted); it answers every request 300 ms after reading it, all at the same time. Not a test:
figures to watch.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time

SITES = 50
LATENCY = 0.3
TARGET = 1.3
MAX_MIB = 60
RUNS = 5
PORT = 18765
BODY = b"<html><body>" + b"Profile of someone. " * 2500 + b"</body></html>"  # ~50 KB


async def _serve() -> None:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if not head:
                    break
                await asyncio.sleep(LATENCY)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                    + str(len(BODY)).encode()
                    + b"\r\n\r\n"
                    + BODY
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    hosts = [f"127.0.0.{n}" for n in range(1, SITES + 1)]
    server = await asyncio.start_server(answer, hosts, PORT)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


def _once() -> None:
    """One run (in its own process): print its figures as JSON."""
    from onlineveilig import httpclient
    from onlineveilig.profiles import network
    from onlineveilig.profiles.model import Rule, Site

    sites = [
        Site(
            id=f"site-{n}",
            name=f"Site {n}",
            category="other",
            check=f"http://127.0.0.{n}:{PORT}/u/{{username}}",
            hit=Rule(status=200, text="Profile of"),
            miss=Rule(status=404),
            known=["sanne"],
            absent="nobody",
        )
        for n in range(1, SITES + 1)
    ]
    checks = [network.Check(site, "sanne") for site in sites]
    got: list[network.Result] = []

    async def timed() -> tuple[float, float]:
        begin = time.perf_counter()
        client = httpclient.client(network.TIMEOUT, connections=network.CONCURRENCY)
        made = time.perf_counter()  # the client's set-up (its TLS context): once per run
        async with client:
            await network.check_all(checks, got.append, client=client)
        return made - begin, time.perf_counter() - made

    setup, took = asyncio.run(timed())
    found = sum(r.outcome.state == "found" for r in got)
    assert found == SITES, [r.outcome for r in got if r.outcome.state != "found"][:3]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"setup": setup, "took": took, "mib": rss, "limit": network.CONCURRENCY}))


def _spread(values: list[float], form: str) -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"min {low:{form}}, median {mid:{form}}, max {high:{form}}"


def main() -> int:
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    runs: list[dict[str, float]] = []
    load = os.getloadavg()[0]
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        for _ in range(RUNS):
            out = subprocess.run(
                [sys.executable, __file__, "--once"], capture_output=True, text=True, check=True
            )
            runs.append(json.loads(out.stdout))
    finally:
        server.terminate()
        server.wait()
    limit = int(runs[0]["limit"])
    bound = math.ceil(SITES / limit) * LATENCY
    ratios = [run["took"] / bound for run in runs]
    totals = [(run["setup"] + run["took"]) / bound for run in runs]
    for n, (run, ratio, total) in enumerate(zip(runs, ratios, totals, strict=True), 1):
        print(
            f"profiles    run {n}: checking {run['took']:4.2f} s = {ratio:.2f}x; "
            f"plus {run['setup']:.2f} s making the client = {total:.2f}x; {run['mib']:.0f} MiB"
        )
    median = statistics.median(ratios)
    within = sum(ratio <= TARGET for ratio in ratios)
    print(
        f"profiles    {SITES} sites, {LATENCY * 1000:.0f} ms each, {limit} at once, {RUNS} runs "
        f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after): checking "
        f"{_spread([run['took'] for run in runs], '.2f')} s; lower bound {bound:.2f} s: "
        f"{_spread(ratios, '.2f')}x; median {'within' if median <= TARGET else 'OVER'} the "
        f"{TARGET}x target ({within} of {RUNS} runs within); with making the client: "
        f"{_spread(totals, '.2f')}x"
    )
    peak = max(run["mib"] for run in runs)
    print(
        f"profiles    peak memory (max RSS of a run's process): {_spread([r['mib'] for r in runs], '.0f')}"
        f" MiB; {'within' if peak <= MAX_MIB else 'OVER'} the {MAX_MIB} MiB target"
    )
    return 0 if median <= TARGET and peak <= MAX_MIB else 1


if __name__ == "__main__":
    if "--serve" in sys.argv:
        asyncio.run(_serve())
    elif "--once" in sys.argv:
        _once()
    else:
        raise SystemExit(main())
