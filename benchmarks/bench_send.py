"""Send throughput: `OmniClient.send_advanced` against a raw httpx loop, same bodies, same sandbox.

Each timed run posts REQUESTS requests of DESTINATIONS destinations (one SMS text) one after the
other to a fresh sandbox (so both sides meet the same server state); the best of ROUNDS runs
counts, the two sides taking turns to go first. The figure that matters is the ratio, ours /
baseline, which should stay at 0.9 or more. Wall time is what a user waits; process CPU time
(the client and the in-process sandbox together) is printed beside it because it is far less
disturbed by other work on a busy machine.

    .venv/bin/python benchmarks/bench_send.py [--requests 100] [--destinations 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread

PATH = "/omni/1/advanced"
Bodies = list[dict[str, Any]]
Runner = Callable[[str, str, Bodies], Awaitable[None]]


def make_bodies(requests: int, destinations: int) -> Bodies:
    return [
        {
            "scenarioKey": SMS_SCENARIO_KEY,
            "destinations": [
                {"to": {"phoneNumber": f"385{r:03d}{d:06d}"}} for d in range(destinations)
            ],
            "sms": {"text": "Your parcel is on its way."},
        }
        for r in range(requests)
    ]


async def ours(url: str, key: str, bodies: Bodies) -> None:
    async with OmniClient(url, Auth.app(key)) as client:
        for body in bodies:
            # Neither loop keeps an answer past its check, so neither makes the collector
            # carry it through the next request.
            count = len((await client.send_advanced(body)).messages)
            assert count == len(body["destinations"])


async def baseline(url: str, key: str, bodies: Bodies) -> None:
    headers = {"Authorization": f"App {key}"}
    async with httpx.AsyncClient(headers=headers, timeout=30.0) as http:
        for body in bodies:
            response = await http.post(url + PATH, json=body)
            response.raise_for_status()
            count = len(response.json()["messages"])
            assert count == len(body["destinations"])


def timed(run: Runner, bodies: Bodies) -> tuple[float, float]:
    """(wall seconds, process CPU seconds) of one run against a fresh sandbox."""
    gc.collect()  # the previous run's sandbox is garbage now: do not bill its cleanup here
    with SandboxThread(time_scale=3600.0) as sandbox:
        wall, cpu = time.perf_counter(), time.process_time()
        asyncio.run(run(sandbox.url, sandbox.api_key, bodies))
        return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--destinations", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bodies = make_bodies(args.requests, args.destinations)
    runners: dict[str, Runner] = {"baseline": baseline, "ours": ours}
    best = {name: (float("inf"), float("inf")) for name in runners}
    for round_ in range(args.rounds):
        order = list(runners) if round_ % 2 == 0 else list(reversed(runners))
        for name in order:
            wall, cpu = timed(runners[name], bodies)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    messages = args.requests * args.destinations
    print(f"{args.requests} requests x {args.destinations} destinations, best of {args.rounds}")
    for name in runners:
        wall, cpu = best[name]
        print(
            f"  {name:8}  wall {wall:6.3f} s  {args.requests / wall:6.1f} req/s"
            f"  {messages / wall:8.0f} messages/s   cpu {cpu:6.3f} s"
        )
    wall_ratio = best["baseline"][0] / best["ours"][0]
    cpu_ratio = best["baseline"][1] / best["ours"][1]
    verdict = "ok" if wall_ratio >= 0.9 else "BELOW TARGET"
    print(f"  throughput ours / baseline: wall {wall_ratio:.3f} ({verdict}, target >= 0.9)")
    print(f"                              cpu  {cpu_ratio:.3f}")


if __name__ == "__main__":
    main()
