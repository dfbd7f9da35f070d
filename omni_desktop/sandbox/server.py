"""A local OMNI API on loopback: the real paths, auth, bodies and error envelopes.

`SandboxServer` runs on the caller's loop; `SandboxThread` runs one on its own loop in a daemon
thread; `serve_forever` is the `omni-desktop sandbox` command.

Time in the sandbox is real time (`SandboxServer.now()`: the wall clock at start, moved on by a
monotonic clock that tests may replace), so `sendAt`, `sentAt` and `doneAt` read as the
operator's own clock and are never in the future. Failover runs `time_scale` times faster: each
step's validity period and delivery delay are that much shorter (at 60, a one-minute Viber
validity period fails over to SMS after one second).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hmac
import ipaddress
import json
import secrets
import threading
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from omni_desktop.sandbox import endpoints
from omni_desktop.sandbox.faults import Faults
from omni_desktop.sandbox.scenarios import BadRequest, ScenarioStore
from omni_desktop.sandbox.simulation import Simulator
from omni_desktop.sandbox.throttle import ScenarioLimits, Throttle
from omni_desktop.sandbox.wire import BODY, SEND_PATH, UNREADABLE, error_response

CONTROL_PREFIX = "/_sandbox/"  # the fault controls; they need the key like the API
# The biggest request body read: a 100,000-destination send is about 10 MB.
MAX_REQUEST_BYTES = 64 * 1024 * 1024
_GARBLED = b'{"bulkId": "sandbox-garbled", "messages": [{"to": {"phoneNumber'


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class SandboxServer:
    """The sandbox on its own aiohttp site; `start()` binds, `stop()` lets go of everything.

    Credentials: `App <api_key>`, `IBSSO <api_key>`, `Bearer <api_key>`, or Basic with
    `username` and `api_key` as the password.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: str = "sandbox-key",
        time_scale: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        *,
        username: str = "sandbox",
        limits: ScenarioLimits | None = None,
    ) -> None:
        if not _is_loopback(host):
            raise ValueError(f"The sandbox only listens on loopback, not on {host!r}.")
        if time_scale <= 0:
            raise ValueError("time_scale must be greater than zero.")
        self.host, self.api_key, self.username = host, api_key, username
        self.time_scale = time_scale
        self._port = port
        self.faults = Faults()
        self.received_sends: list[Any] = []  # every POST /omni/1/advanced body, as JSON or text
        self.holding = 0  # sends held open by `faults.hold_sends` right now
        self.scenarios = ScenarioStore()
        # 20 creates and 40 updates per 10 minutes, as the API; tests lower them here.
        self.limits = limits or ScenarioLimits()
        self.throttle = Throttle(self.limits)
        self.simulator = Simulator(time_scale)
        self._clock = clock
        self._origin, self._origin_clock = time.time(), clock()
        self._runner: web.AppRunner | None = None
        self._closing = asyncio.Event()
        basic = base64.b64encode(f"{username}:{api_key}".encode()).decode()
        self._credentials = {"app": api_key, "ibsso": api_key, "bearer": api_key, "basic": basic}

    # --- clock and address ----------------------------------------------------------------

    def now(self) -> float:
        """The time, as epoch seconds."""
        return self._origin + (self._clock() - self._origin_clock)

    def now_datetime(self) -> datetime:
        return datetime.fromtimestamp(self.now(), UTC)

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        if self._runner is None:
            raise RuntimeError("The sandbox is not running.")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._port}"

    # --- life cycle -----------------------------------------------------------------------

    async def start(self) -> None:
        self._closing = asyncio.Event()
        app = web.Application(middlewares=[self._middleware()], client_max_size=MAX_REQUEST_BYTES)
        endpoints.add_routes(app, self)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self._port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self._port = int(runner.addresses[0][1])

    async def stop(self) -> None:
        self._closing.set()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    # --- the API gate: auth, body, faults -------------------------------------------------

    def authorized(self, header: str | None) -> bool:
        scheme, _, credential = (header or "").strip().partition(" ")
        expected = self._credentials.get(scheme.lower())
        return expected is not None and hmac.compare_digest(
            credential.strip().encode(), expected.encode()
        )

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), timeout=seconds)

    async def _hold(self) -> None:
        if not self.faults.hold_sends:
            return
        self.holding += 1
        try:
            while self.faults.hold_sends and not self._closing.is_set():
                await asyncio.sleep(0.02)
        finally:
            self.holding -= 1

    def _middleware(self) -> Middleware:
        @web.middleware
        async def gate(request: web.Request, handler: Handler) -> web.StreamResponse:
            control = request.path.startswith(CONTROL_PREFIX)
            if not (control or request.path.startswith("/omni/")):
                return await _answer(request, handler)
            # The key first: a caller without it gets nothing read, parsed or delayed.
            if not self.authorized(request.headers.get("Authorization")):
                return error_response(401, "UNAUTHORIZED", "Invalid login details")
            raw = await _read_capped(request)
            if raw is None:
                text = f"The request body is bigger than {MAX_REQUEST_BYTES // 2**20} MiB."
                return error_response(413, "REQUEST_ENTITY_TOO_LARGE", text)
            if control:
                return await _answer(request, handler)
            body: Any = None
            if request.method in ("POST", "PUT"):
                try:
                    body = json.loads(raw)
                except (ValueError, RecursionError):
                    body = UNREADABLE
            request[BODY] = body
            is_send = request.method == "POST" and request.path == SEND_PATH
            if is_send:
                self.received_sends.append(
                    raw.decode("utf-8", "replace") if body is UNREADABLE else body
                )
            faults = self.faults
            if faults.latency > 0:
                await self._pause(faults.latency)
            if is_send:
                await self._hold()
            if faults.take("throttle_next"):
                retry = {"Retry-After": str(faults.retry_after)}
                return error_response(429, "TOO_MANY_REQUESTS", "Too many requests", retry)
            if faults.take_error():
                text = "Something went wrong. Please contact support."
                return error_response(faults.error_status, "GENERAL_ERROR", text)
            drop = faults.take("drop_next")
            garble = not drop and faults.take("garble_next")
            response = await _answer(request, handler)
            if drop and request.transport is not None:
                request.transport.close()  # the answer is lost; aiohttp writes nothing more
            if garble:
                return web.Response(body=_GARBLED, content_type="application/json")
            return response

        return gate


async def _read_capped(request: web.Request) -> bytes | None:
    """The request body, or None when it is bigger than MAX_REQUEST_BYTES (said or found)."""
    declared = request.content_length
    if declared is not None and declared > MAX_REQUEST_BYTES:
        return None
    try:
        return await request.read()  # aiohttp stops at client_max_size (MAX_REQUEST_BYTES)
    except web.HTTPRequestEntityTooLarge:
        return None


async def _answer(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except BadRequest as exc:
        return error_response(400, "BAD_REQUEST", exc.text, validation_errors=exc.errors)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return error_response(exc.status, exc.reason.upper().replace(" ", "_"), exc.reason)


# --- running it -------------------------------------------------------------------------

T = TypeVar("T")


class SandboxThread:
    """A `SandboxServer` on its own asyncio loop, so a heavy request never blocks the caller's.

    `start()` returns once the server listens (or raises why it could not); `stop()` closes it
    and its loop. Also a context manager. Arguments are those of `SandboxServer`.
    """

    def __init__(self, **server_args: Any) -> None:
        self.server = SandboxServer(**server_args)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def api_key(self) -> str:
        return self.server.api_key

    @property
    def faults(self) -> Faults:
        return self.server.faults

    @property
    def limits(self) -> ScenarioLimits:
        """The scenario endpoints' throttling limits, changeable while it runs."""
        return self.server.limits

    def start(self, timeout: float = 10.0) -> SandboxThread:
        if self._thread is not None:
            raise RuntimeError("The sandbox thread is already started.")
        self._ready.clear()
        self._thread = threading.Thread(target=self._run, name="omni-sandbox", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError("The sandbox did not start listening in time.")
        if self._failure is not None:
            self._thread.join()
            self._thread = None
            raise self._failure
        return self

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        """Run a coroutine on the sandbox's loop (e.g. to read its state consistently)."""
        if self._loop is None:
            coro.close()
            raise RuntimeError("The sandbox thread is not running.")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self.server.stop(), loop).result(timeout)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
            self._thread = None

    def __enter__(self) -> SandboxThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self) -> None:
        self._failure = None
        # A plain selector loop, never the caller's policy: under qasync the policy would hand
        # this thread a Qt event loop, which only works on the main thread.
        loop = asyncio.SelectorEventLoop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self.server.start())
        except BaseException as exc:  # handed to start() in the caller's thread
            self._failure = exc
            self._ready.set()
            loop.close()
            return
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._loop = None
            tasks = asyncio.all_tasks(loop)
            for task in tasks:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()


async def serve_forever(
    port: int = 8080,
    api_key: str | None = None,
    time_scale: float = 60.0,
    print_fn: Callable[[str], object] = print,
    host: str = "127.0.0.1",
) -> None:
    """The `omni-desktop sandbox` command: print where it listens, then serve until cancelled.

    Run it with `asyncio.run(...)`; Ctrl+C cancels it and the server closes cleanly. Without
    `api_key` a random one is made (and printed).
    """
    key = api_key or "sandbox-" + secrets.token_urlsafe(12)
    server = SandboxServer(host=host, port=port, api_key=key, time_scale=time_scale)
    await server.start()
    try:
        print_fn(f"OMNI sandbox listening on {server.url}")
        print_fn(f"API key: {server.api_key}  (header  Authorization: App {server.api_key})")
        print_fn(
            f"Failover runs {time_scale:g}x faster; faults: GET/POST {server.url}/_sandbox/faults"
            " (same key; POST a JSON object)"
        )
        print_fn("Press Ctrl+C to stop.")
        await asyncio.Event().wait()
    finally:
        await server.stop()
