"""The sandbox in a process of its own, as the window uses it.

A separate process keeps the server's work (JSON for 10,000 destinations, the simulation) off
the window's interpreter lock, and its imports (aiohttp) off the window's start-up: its port
is reserved first, so the window is built on its URL, and it is started once the window has
painted. It stops when its standard input closes, so it also ends when the app is killed.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from omni_desktop.core.i18n import tr

_URL = re.compile(r"https?://127\.0\.0\.1:\d+")


class SandboxStartError(RuntimeError):
    """The sandbox process did not come up; str() says why in a sentence."""


class SandboxProcess:
    """`omni-desktop sandbox` as a child process on a free port of 127.0.0.1."""

    def __init__(
        self, time_scale: float = 60.0, api_key: str | None = None, log_file: Path | None = None
    ) -> None:
        self.api_key = api_key or "sandbox-" + secrets.token_urlsafe(12)
        self.time_scale = time_scale
        self.log_file = log_file
        self.port = 0
        self.url = ""
        self._process: subprocess.Popen[str] | None = None
        self._first_line: list[str] = []
        self._ready = threading.Event()

    def command(self) -> list[str]:
        options = ["sandbox", "--port", str(self.port), "--key", self.api_key]
        options += ["--time-scale", f"{self.time_scale:g}", "--exit-with-parent"]
        if getattr(sys, "frozen", False):  # the installed app: its own executable
            return [sys.executable, *options]
        return [sys.executable, "-m", "omni_desktop", *options]

    def reserve(self) -> SandboxProcess:
        """Pick the port (a free one, asked of the OS) and so the URL, without starting yet:
        the window and its client are built on the URL, the process starts after the paint."""
        if not self.port:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
            self.url = f"http://127.0.0.1:{self.port}"
        return self

    @property
    def started(self) -> bool:
        return self._process is not None

    def spawn(self) -> SandboxProcess:
        """Start the process and return at once, its URL known; `wait_ready()` waits for it.

        The port is picked first (`reserve`), so that a client can be built while the server
        is still starting.
        """
        self.reserve()
        errors: IO[bytes] | None = None
        if self.log_file is not None:
            errors = open(self.log_file, "ab")  # noqa: SIM115 - closed once the child has it
        try:
            self._process = subprocess.Popen(
                self.command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors if errors is not None else subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
            )
        except OSError as exc:
            raise SandboxStartError(
                tr("The sandbox could not be started: {reason}.").format(reason=exc.strerror or exc)
            ) from None
        finally:
            if errors is not None:
                errors.close()
        threading.Thread(target=self._read_first_line, name="sandbox-start", daemon=True).start()
        return self

    def _read_first_line(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        self._first_line.append(self._process.stdout.readline())
        self._ready.set()
        for _ in self._process.stdout:  # keep the pipe drained while it runs
            pass

    def wait_ready(self, timeout: float = 30.0) -> str:
        """Block until the server listens; its URL, or SandboxStartError."""
        if not self._ready.wait(timeout):
            self.stop()
            raise SandboxStartError(
                tr("The sandbox did not start within {n:g} seconds.").format(n=timeout)
            )
        found = _URL.search(self._first_line[0] if self._first_line else "")
        if found is None or found.group(0) != self.url:
            self.stop()
            raise SandboxStartError(
                tr("The sandbox stopped as it started; the log folder has its error.")
            )
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        """Close its input (it exits by itself), and make sure it is gone."""
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
        self._process = None
