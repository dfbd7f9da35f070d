"""The OMNI HTTP client: send, scenarios, reports and logs over one `httpx.AsyncClient`.

Every call has a total deadline, answer included. Each attempt's httpx timeouts are cut to the
time left, so a silent server ends the call through httpx's own timeouts. A server that trickles
its answer a byte at a time would reset httpx's read timeout forever, so each attempt also runs
under the deadline itself: when it passes, the attempt stops and httpx closes that connection
(it is never reused). What the attempt had got to decides the error: before any byte of the
request was written, `NotSent`; after, `OutcomeUnknown` (a POST may have been acted on, so it
is never resent). Answers are read with a size cap (`answer.MAX_ANSWER_BYTES`, decoded) and
parsed with a depth cap; whatever a server sends ends in one of our errors. Only requests that
never reached the server (`NotSent`) and 429s are retried.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from omni_desktop.core import jsontext
from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import format_send_at
from omni_desktop.core.report import LogEntry, Report
from omni_desktop.core.scenario import Scenario
from omni_desktop.core.status import StatusGroup
from omni_desktop.core.urls import check_base_url

from omni_desktop.api.answer import (
    ACCEPT_ENCODING,
    MAX_ANSWER_BYTES,
    Answer,
    UnreadableBody,
    read_answer,
)
from omni_desktop.api.auth import Auth
from omni_desktop.api.errors import NotSent, OmniError, OutcomeUnknown, RateLimited
from omni_desktop.api.responses import SendResponse
from omni_desktop.api.transport import (
    Call,
    Pace,
    Query,
    RetryPolicy,
    Timeouts,
    error_for,
    failure_reason,
    parse_json,
    retry_after,
    scrub,
    server_text,
)

from omni_desktop import __version__

log = logging.getLogger("omni_desktop.api")

USER_AGENT = f"omni-desktop/{__version__}"
SENT = tr(
    "the message may or may not have been sent; look it up in the logs by its messageId "
    "before sending again"
)
SAVED = tr("the scenario may or may not have been saved; reload the scenarios before saving again")


# Bodies and answers this big are encoded and parsed in a worker thread, so the event loop
# that runs the client (a GUI's, above all) is not held up for tens of milliseconds.
OFFLOAD_DESTINATIONS = 1000
OFFLOAD_BYTES = 64 * 1024  # a 1,000-message answer is ~200 KB: 1-3 ms to parse
OFFLOAD_ITEMS = 100  # reports or log entries read into our types (~15 ms for 1,000)
# What a server's JSON may fail with when read into our types (a wrong shape, an absurd number).
_SHAPE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError)
T = TypeVar("T")


class OmniClient:
    """One OMNI account at one base URL. Use `async with` or call `aclose()`."""

    def __init__(
        self,
        base_url: str,
        auth: Auth,
        *,
        http: httpx.AsyncClient | None = None,
        timeouts: Timeouts | None = None,
        deadline: float = 30.0,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        pace: Pace | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        try:
            httpx.URL(self.base_url)
        except httpx.InvalidURL as exc:
            raise ValueError(
                tr("The base URL {url!r} cannot be used ({reason}).").format(
                    url=self.base_url, reason=exc
                )
            ) from None
        self._auth = auth
        self._timeouts = timeouts or Timeouts()
        self._deadline = deadline
        self._retry = retry or RetryPolicy()
        self._sleep, self._clock = sleep, clock
        self._rng = rng or random.Random()
        self.pace = pace  # shared with other clients' requests of one campaign: 429 holds all
        self._owns_http = http is None
        self._http = http or _http_client(
            self._timeouts.within(deadline), tls=self.base_url.startswith("https://")
        )

    def __repr__(self) -> str:
        return f"OmniClient({self.base_url!r}, {self._auth!r})"

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> OmniClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # --- the operations -------------------------------------------------------------------

    async def send_advanced(
        self, body: dict[str, Any], encoded: bytes | None = None
    ) -> SendResponse:
        """POST /omni/1/advanced. Never resent once it may have reached the server.

        `encoded` is `encode_body(body)` when the caller made it already (in a worker thread).
        """
        call = Call("POST", "/omni/1/advanced", effect=SENT)
        received: list[bytes] = []
        data = await self._json(call, body=body, encoded=encoded, received=received)
        try:
            if len(body.get("destinations") or ()) >= OFFLOAD_DESTINATIONS:
                response = await asyncio.to_thread(SendResponse.from_json, data)
            else:
                response = SendResponse.from_json(data)
        except _SHAPE_ERRORS as exc:
            raise _misshapen(exc, SENT) from None
        text = received[0].decode("utf-8", "replace") if received else ""
        return replace(response, text=text) if text.startswith("{") else response

    async def list_scenarios(
        self, is_default: bool | None = None, limit: int | None = None, page: int | None = None
    ) -> list[Scenario]:
        params: Query = []
        if is_default is not None:
            params.append(("isDefault", "true" if is_default else "false"))
        _add(params, "limit", limit)
        _add(params, "page", page)
        data = await self._json(Call("GET", "/omni/1/scenarios", params=params))
        return _read(lambda: [Scenario.from_json(s) for s in _items(data, "scenarios")], None)

    async def get_scenario(self, key: str) -> Scenario:
        data = await self._json(Call("GET", _scenario_path(key), what="scenario " + key))
        return _scenario(data, None)

    async def create_scenario(self, scenario: Scenario) -> Scenario:
        call = Call("POST", "/omni/1/scenarios", effect=SAVED)
        return _scenario(await self._json(call, body=scenario.to_json(with_key=False)), SAVED)

    async def update_scenario(self, key: str, scenario: Scenario) -> Scenario:
        call = Call("PUT", _scenario_path(key), effect=SAVED, what="scenario " + key)
        return _scenario(await self._json(call, body=scenario.to_json(with_key=False)), SAVED)

    async def reports(
        self,
        bulk_id: str | None = None,
        message_id: str | None = None,
        limit: int | None = None,
        channel: str | None = None,
    ) -> list[Report]:
        """GET /omni/1/reports. Each report comes only once: keep what this returns."""
        params: Query = []
        _add(params, "bulkId", bulk_id)
        _add(params, "messageId", message_id)
        _add(params, "limit", limit)
        _add(params, "channel", channel)
        data = await self._json(Call("GET", "/omni/1/reports", params=params))
        return await _read_items(Report.from_json, _items(data, "results"))

    async def logs(
        self,
        bulk_id: list[str] | str | None = None,
        message_id: list[str] | str | None = None,
        general_status: StatusGroup | str | None = None,
        channel: str | None = None,
        sent_since: datetime | None = None,
        sent_until: datetime | None = None,
        limit: int | None = None,
        mcc: str | None = None,
        mnc: str | None = None,
        *,
        sender: str | None = None,
        to: str | None = None,
    ) -> list[LogEntry]:
        """GET /omni/1/logs; several bulk or message IDs go as repeated keys."""
        params: Query = []
        for key, values in (("bulkId", bulk_id), ("messageId", message_id)):
            for value in [values] if isinstance(values, str) else values or []:
                params.append((key, value))
        if isinstance(general_status, StatusGroup):
            general_status = general_status.name
        _add(params, "generalStatus", general_status)
        _add(params, "channel", channel)
        for key, moment in (("sentSince", sent_since), ("sentUntil", sent_until)):
            if moment is not None:
                if moment.tzinfo is None or moment.utcoffset() is None:
                    raise ValueError(f"{key} needs a time zone, e.g. datetime.now(UTC).")
                params.append((key, format_send_at(moment)))
        _add(params, "limit", limit)
        _add(params, "mcc", mcc)
        _add(params, "mnc", mnc)
        _add(params, "from", sender)
        _add(params, "to", to)
        data = await self._json(Call("GET", "/omni/1/logs", params=params))
        return await _read_items(LogEntry.from_json, _items(data, "results"))

    # --- one call, with its deadline and retries ------------------------------------------

    async def _json(
        self,
        call: Call,
        body: Any = None,
        encoded: bytes | None = None,
        received: list[bytes] | None = None,
    ) -> Any:
        """The call's answer as JSON; `received`, when given, gets the body as received."""
        content = None
        if body is not None:
            big = (
                isinstance(body, dict)
                and len(body.get("destinations") or ()) >= OFFLOAD_DESTINATIONS
            )
            if encoded is not None:
                content = encoded
            elif big:
                content = await asyncio.to_thread(encode_body, body)
            else:
                content = encode_body(body)
        answer = await self._request(call, content)
        if not answer.is_success:
            raise scrub(error_for(call, answer), self._auth.secrets())
        if answer.too_big:
            size = tr("it is bigger than {mib} MiB").format(mib=MAX_ANSWER_BYTES // 2**20)
            raise _unreadable(size, call.effect, answer.status_code)
        if received is not None:
            received.append(answer.content)
        try:
            if len(answer.content) >= OFFLOAD_BYTES:
                return await asyncio.to_thread(parse_json, answer)
            return parse_json(answer)
        except ValueError as exc:
            raise _unreadable(str(exc), call.effect, answer.status_code) from None

    async def _request(self, call: Call, content: bytes | None) -> Answer:
        headers = {
            "Authorization": self._auth.header_value(),
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        if content is not None:
            headers["Content-Type"] = "application/json"
        url = self.base_url + call.path
        started = self._clock()
        attempt = 0
        while True:
            attempt += 1
            left = self._deadline - (self._clock() - started)
            if self.pace is not None:
                await self.pace.ready()
                left = self._deadline - (self._clock() - started)
            begun = self._clock()
            try:
                answer = await self._attempt(call, url, content, headers, left)
            except _Unreached as exc:
                error: OmniError = exc.error
                cause: BaseException | None = exc.__cause__
                wait = self._retry.backoff(attempt, self._rng)
            else:
                elapsed = (self._clock() - begun) * 1000
                log.debug(
                    "%s %s -> %d in %.0f ms (attempt %d)",
                    call.method,
                    call.path,
                    answer.status_code,
                    elapsed,
                    attempt,
                )
                if answer.status_code != 429:
                    return answer
                after = retry_after(answer)
                error = scrub(RateLimited(after, server_text(answer)), self._auth.secrets())
                cause = None
                wait = after if after is not None else self._retry.backoff(attempt, self._rng)
                if self.pace is not None:
                    self.pace.hold(wait)
                if after is not None and after > self._retry.max_retry_after:
                    raise error
            left = self._deadline - (self._clock() - started)
            if attempt >= self._retry.attempts or wait >= left:
                raise error from cause
            log.warning(
                "%s %s: %s; attempt %d of %d in %.2f s",
                call.method,
                call.path,
                getattr(error, "reason", type(error).__name__),
                attempt + 1,
                self._retry.attempts,
                wait,
            )
            await self._sleep(wait)

    async def _attempt(
        self, call: Call, url: str, content: bytes | None, headers: dict[str, str], left: float
    ) -> Answer:
        """One request and its whole answer within `left` seconds (see the module docstring).

        An error answer comes back as an Answer (an empty body if the deadline cut it short);
        _Unreached when the server was not reached (worth retrying); else our error.
        """
        wire = _Wire()
        response: httpx.Response | None = None
        deadline = asyncio.timeout(max(left, 0.001))
        try:
            async with deadline:
                request = self._http.build_request(
                    call.method,
                    url,
                    params=call.params,
                    content=content,
                    headers=headers,
                    timeout=self._timeouts.within(left),
                    extensions={"trace": wire.trace},
                )
                response = await self._http.send(request, stream=True)
                try:
                    return await read_answer(response)
                finally:
                    await response.aclose()
        except TimeoutError as exc:
            if not deadline.expired():
                raise self._broken(call, wire, response, exc) from exc
            if response is not None and not response.is_success:
                return Answer(response.status_code, response.headers, b"")  # status says it
            reason = wire.timeout_reason()
            if not wire.sent:
                raise call.not_sent(self.base_url, reason) from None
            log.warning("%s %s: no answer within the deadline", call.method, call.path)
            raise OutcomeUnknown(reason, effect=call.effect, status=_status(response)) from None
        except (httpx.LocalProtocolError, httpx.InvalidURL, UnicodeEncodeError) as exc:
            # The request broke a rule of HTTP before it was written (a header character, say).
            # Only the type is logged: h11's message quotes the header, credentials and all.
            log.warning("%s %s: not sendable (%s)", call.method, call.path, type(exc).__name__)
            raise call.unsendable(self.base_url, type(exc).__name__) from None
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise _Unreached(call.not_sent(self.base_url, failure_reason(exc))) from exc
        except UnreadableBody as exc:
            raise _unreadable(str(exc), call.effect, _status(response)) from exc
        except httpx.TransportError as exc:
            if not wire.sent:
                raise _Unreached(call.not_sent(self.base_url, failure_reason(exc))) from exc
            log.warning("%s %s: no answer (%s)", call.method, call.path, type(exc).__name__)
            error = OutcomeUnknown(
                failure_reason(exc), effect=call.effect, status=_status(response)
            )
            raise error from exc
        except Exception as exc:
            raise self._broken(call, wire, response, exc) from exc

    def _broken(
        self, call: Call, wire: _Wire, response: httpx.Response | None, exc: Exception
    ) -> OmniError:
        """Our error for whatever else httpx, h11 or the socket raise (a port past 65535 is an
        OverflowError in an ExceptionGroup, a 5,000-digit Content-Length a ValueError): logged
        whole (the log redacts secrets), then judged by how far the attempt had got."""
        log.warning("%s %s: %s", call.method, call.path, type(exc).__name__, exc_info=exc)
        if not wire.sent:
            return call.unsendable(self.base_url, failure_reason(exc))
        return OutcomeUnknown(failure_reason(exc), effect=call.effect, status=_status(response))


def _status(response: httpx.Response | None) -> int | None:
    return None if response is None else response.status_code


class _Unreached(Exception):
    """An attempt that never reached the server: `error` is raised once retries are over."""

    def __init__(self, error: NotSent) -> None:
        super().__init__(error)
        self.error = error


class _Wire:
    """How far an attempt got, from httpcore's trace events: connect, write or read."""

    __slots__ = ("phase",)

    def __init__(self) -> None:
        self.phase = "connect"

    async def trace(self, event: str, info: dict[str, Any]) -> None:
        if event.endswith(".started"):
            if ".send_request" in event:
                self.phase = "write"
            elif ".receive_response" in event:
                self.phase = "read"

    @property
    def sent(self) -> bool:
        """Whether a byte of the request may have left (headers being written, or later)."""
        return self.phase != "connect"

    def timeout_reason(self) -> str:
        return f"{self.phase} timeout"


def _http_client(timeout: httpx.Timeout, tls: bool) -> httpx.AsyncClient:
    """The HTTP client; a broken TLS set-up (SSL_CERT_FILE naming a missing file, say) is a
    ValueError with a plain sentence instead of a traceback.

    Without `tls` (a plain-http base URL, which `check_base_url` allows only on loopback: the
    sandbox) no connection is ever encrypted and redirects are not followed, so the system's
    certificates are not loaded (a cost at start-up the sandbox need not pay).
    """
    try:
        return httpx.AsyncClient(timeout=timeout, verify=tls)
    except (OSError, ssl.SSLError) as exc:
        where = os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR")
        hint = f" (SSL_CERT_FILE/SSL_CERT_DIR is {where!r}; fix or unset it)" if where else ""
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ValueError(
            f"The certificates for secure connections could not be loaded: {reason}{hint}."
        ) from None


def encode_body(body: Any) -> bytes:
    """The request body as the client sends it: compact UTF-8 JSON."""
    text = jsontext.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def _add(params: Query, key: str, value: str | int | None) -> None:
    if value is not None and value != "":
        params.append((key, value))


def _scenario_path(key: str) -> str:
    return "/omni/1/scenarios/" + quote(key, safe="")


def _unreadable(why: str, effect: str | None, status: int | None) -> OutcomeUnknown:
    reason = tr("unreadable answer: {why}").format(why=why) if why else tr("unreadable answer")
    return OutcomeUnknown(reason, effect=effect, status=status)


def _misshapen(exc: Exception, effect: str | None) -> OutcomeUnknown:
    log.warning("unreadable answer: %s: %s", type(exc).__name__, exc)
    return _unreadable(tr("it is not shaped like an OMNI answer"), effect, 200)


def _read(convert: Callable[[], T], effect: str | None) -> T:
    """`convert()`, the answer read into our types; OutcomeUnknown if its shape is wrong."""
    try:
        return convert()
    except _SHAPE_ERRORS as exc:
        raise _misshapen(exc, effect) from None


async def _read_items(make: Callable[[dict[str, Any]], T], items: list[dict[str, Any]]) -> list[T]:
    """Each item read into our types (`_read`'s errors); many of them in a worker thread."""

    def made() -> list[T]:
        return [make(i) for i in items]

    if len(items) < OFFLOAD_ITEMS:
        return _read(made, None)

    def in_worker() -> list[T]:
        with gc_paused():  # no collection in the worker: it could end a Qt object there
            return _read(made, None)

    return await asyncio.to_thread(in_worker)


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise OutcomeUnknown(f"unreadable answer: no {key!r} list", effect=None)
    return [item for item in items if isinstance(item, dict)]


def _scenario(data: Any, effect: str | None) -> Scenario:
    if not isinstance(data, dict) or not isinstance(data.get("flow"), list):
        raise OutcomeUnknown("unreadable answer: not a scenario", effect=effect)
    return _read(lambda: Scenario.from_json(data), effect)


__all__ = ["SAVED", "SENT", "USER_AGENT", "OmniClient", "SendResponse"]
