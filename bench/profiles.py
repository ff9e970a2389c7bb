"""profiles' network run: 50 sites on loopback, each its own host (127.0.0.1 .. 127.0.0.50),
each answering after 300 ms. Prints the wall time against the lower bound the concurrency limit
allows (ceil(50 / limit) x 0.3 s; target within 1.3x) and the peak memory of this process (max
RSS from resource.getrusage; target at most 60 MiB). The server runs in a child process, so its
memory is not counted. Not a test: figures to watch.
"""

from __future__ import annotations

import asyncio
import math
import resource
import subprocess
import sys
import time

SITES = 50
LATENCY = 0.3
TARGET = 1.3
MAX_MIB = 60
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


def main() -> int:
    from onlineveilig.profiles import network
    from onlineveilig.profiles.model import Rule, Site

    child = subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
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
            from onlineveilig import httpclient

            begin = time.perf_counter()
            client = httpclient.client(network.TIMEOUT, connections=network.CONCURRENCY)
            made = time.perf_counter()  # the client's set-up (its TLS context): once per run
            async with client:
                await network.check_all(checks, got.append, client=client)
            return made - begin, time.perf_counter() - made

        setup, took = asyncio.run(timed())
    finally:
        child.terminate()
        child.wait()
    found = sum(r.outcome.state == "found" for r in got)
    assert found == SITES, [r.outcome for r in got if r.outcome.state != "found"][:3]
    bound = math.ceil(SITES / network.CONCURRENCY) * LATENCY
    ratio = took / bound
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"profiles    {SITES} sites, {LATENCY * 1000:.0f} ms each, {network.CONCURRENCY} at once: "
        f"{took:5.2f} s; lower bound {bound:4.2f} s: {ratio:.2f}x "
        f"({'within' if ratio <= TARGET else 'OVER'} the {TARGET}x target); "
        f"plus {setup:.2f} s once to set up the client"
    )
    print(
        f"profiles    peak memory (max RSS of this process): {rss:.0f} MiB "
        f"({'within' if rss <= MAX_MIB else 'OVER'} the {MAX_MIB} MiB target)"
    )
    return 0 if ratio <= TARGET and rss <= MAX_MIB else 1


if __name__ == "__main__":
    if "--serve" in sys.argv:
        asyncio.run(_serve())
    else:
        raise SystemExit(main())
