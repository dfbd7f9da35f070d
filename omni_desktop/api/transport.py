"""The client's HTTP edges: allowed base URLs, timeouts, retry policy, answers as our errors."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from omni_desktop.core import jsontext

from omni_desktop.api.errors import (
    Forbidden,
    InvalidRequest,
    NotFound,
    NotSent,
    OmniError,
    OutcomeUnknown,
    Unauthorized,
)

_SERVER_TEXT_MAX = 500

Query = list[tuple[str, str | int | float | bool | None]]


@dataclass(frozen=True)
class Timeouts:
    """Explicit httpx timeouts per phase, in seconds."""

    connect: float = 10.0
    read: float = 30.0
    write: float = 30.0
    pool: float = 10.0

    def within(self, left: float) -> httpx.Timeout:
        """These timeouts, each cut to the `left` seconds of the call's deadline."""
        left = max(left, 0.001)
        return httpx.Timeout(
            connect=min(self.connect, left),
            read=min(self.read, left),
            write=min(self.write, left),
            pool=min(self.pool, left),
        )


@dataclass(frozen=True)
class RetryPolicy:
    """Retries for requests that never reached the server, and for 429.

    A request whose outcome is unknown is never retried: a POST may have been acted on.
    """

    attempts: int = 3  # tries in all, the first one included
    base_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.5  # up to this share of each delay is taken off at random
    max_retry_after: float = 60.0  # a longer Retry-After is not waited for

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("A retry policy needs at least one attempt.")

    def backoff(self, retry: int, rng: random.Random) -> float:
        """The wait before retry number `retry` (1, 2, ...): exponential, with jitter."""
        delay = min(self.max_delay, self.base_delay * 2 ** (retry - 1))
        return float(delay * (1.0 - self.jitter * rng.random()))


NO_RETRY = RetryPolicy(attempts=1)


@dataclass(frozen=True)
class Call:
    """One API call: where it goes, and what a lost answer would leave unknown."""

    method: str
    path: str
    params: Query | None = None
    effect: str | None = None  # for writes: what may have happened if the answer is lost
    what: str = "such item"  # named by a 404

    def not_sent(self, base_url: str, reason: str) -> NotSent:
        return NotSent(httpx.URL(base_url).host, reason)


def parse_json(response: httpx.Response) -> Any:
    """The body as JSON; ValueError when it is not."""
    return jsontext.loads(response.content)


def server_text(response: httpx.Response) -> str | None:
    """`requestError.serviceException.text` from an error envelope, if there is one."""
    try:
        data = parse_json(response)
        text = data["requestError"]["serviceException"]["text"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(text, str) or not text:
        return None
    return text[:_SERVER_TEXT_MAX]


def retry_after(response: httpx.Response) -> float | None:
    """`Retry-After` in seconds (a number or an HTTP date), or None."""
    raw = response.headers.get("Retry-After")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def failure_reason(exc: httpx.TransportError) -> str:
    """A short cause for a transport failure, for the operator's sentence and the log."""
    reasons: list[tuple[type[httpx.TransportError], str]] = [
        (httpx.ConnectTimeout, "connect timeout"),
        (httpx.PoolTimeout, "no free connection in time"),
        (httpx.ReadTimeout, "read timeout"),
        (httpx.WriteTimeout, "write timeout"),
        (httpx.RemoteProtocolError, "the server closed the connection without an answer"),
        (httpx.ReadError, "the connection broke while reading the answer"),
        (httpx.WriteError, "the connection broke while sending"),
    ]
    for kind, reason in reasons:
        if isinstance(exc, kind):
            return reason
    if isinstance(exc, httpx.ConnectError):
        detail = str(exc).strip()
        return f"could not connect: {detail}" if detail else "could not connect"
    return type(exc).__name__


def scrub(error: OmniError, secrets: tuple[str, ...]) -> OmniError:
    """The error with any credential removed from the server's text (should it echo one)."""
    text = error.server_text
    if text:
        for secret in secrets:
            if secret:
                text = text.replace(secret, "<hidden>")
        error.server_text = text
    return error


def error_for(call: Call, response: httpx.Response) -> OmniError:
    """Our error for a non-2xx answer (429 is handled by the retry loop)."""
    status = response.status_code
    text = server_text(response)
    if status == 401:
        return Unauthorized(text)
    if status == 403:
        return Forbidden(text)
    if status == 404:
        return NotFound(call.what, text)
    if 400 <= status < 500:
        return InvalidRequest(status, text)
    return OutcomeUnknown(f"HTTP {status}", effect=call.effect, status=status, server_text=text)
