"""The sandbox as the window runs it: a child process that ends with its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import httpx

from omni_desktop.sandbox.process import SandboxProcess


def test_spawned_sandbox_answers_and_stops() -> None:
    sandbox = SandboxProcess(time_scale=3600).spawn()
    try:
        url = sandbox.wait_ready()
        answer = httpx.get(
            url + "/omni/1/scenarios", headers={"Authorization": f"App {sandbox.api_key}"}
        )
        assert answer.status_code == 200
        assert len(answer.json()["scenarios"]) == 2
        # It leaves the CPU to the window first: it runs at a lower priority (nice +10).
        assert sandbox._process is not None
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, sandbox._process.pid) == min(ours + 10, 19)
    finally:
        sandbox.stop()
    assert sandbox._process is None
    try:
        httpx.get(url + "/omni/1/scenarios", timeout=2)
        raise AssertionError("the sandbox still answers after stop()")
    except httpx.ConnectError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie waiting for its (dead) parent's reaper counts as gone
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split()[2] != "Z"


def test_sandbox_ends_when_the_app_is_killed() -> None:
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import time
                from omni_desktop.sandbox.process import SandboxProcess
                sandbox = SandboxProcess().spawn()
                sandbox.wait_ready()
                print(sandbox._process.pid, flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 15
    while _alive(child):
        assert time.monotonic() < deadline, "the sandbox outlived the killed app"
        time.sleep(0.1)
