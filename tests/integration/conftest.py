"""Integration fixtures: a real sandbox on 127.0.0.1 in its own thread, and clients for it.

No pytest-asyncio: each test runs its coroutine with `asyncio.run(...)`.
"""

from __future__ import annotations

import secrets
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SandboxThread

# A key no other text could contain by chance, so "the key never shows" tests mean something.
API_KEY = "sbx-" + secrets.token_hex(16)
FAST = 36_000.0  # ten simulated hours per real second


class Sleeps(list[float]):
    """An injected `sleep` that records each wait and returns at once."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


class ManualClock:
    """A clock the test moves by hand; safe to read from the sandbox thread."""

    def __init__(self) -> None:
        self._now = 1000.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(api_key=API_KEY, time_scale=FAST) as running:
        yield running


@pytest.fixture
def manual_clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def slow_sandbox(manual_clock: ManualClock) -> Iterator[SandboxThread]:
    """A sandbox whose time moves only when the test advances `manual_clock`."""
    with SandboxThread(api_key=API_KEY, time_scale=1.0, clock=manual_clock) as running:
        yield running


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_client(sandbox: SandboxThread) -> Callable[..., OmniClient]:
    """`make_client(**options)`: an OmniClient for the sandbox, `App` auth with its key."""

    def make(auth: Auth | None = None, **options: Any) -> OmniClient:
        return OmniClient(sandbox.url, auth or Auth.app(sandbox.api_key), **options)

    return make


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
