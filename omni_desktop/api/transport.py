"""The client's HTTP edges: allowed base URLs, timeouts, retry policy, answers as our errors."""

from __future__ import annotations

import asyncio
import json
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from omni_desktop.core import jsontext
from omni_desktop.core.i18n import tr

from omni_desktop.api.answer import Answer
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


class Pace:
    """Shared by the requests of one campaign: a 429 to any of them holds all of them for its
    `Retry-After`, so the whole campaign slows down rather than each request on its own."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._clock, self._sleep = clock, sleep
        self._until = 0.0
        self.holds = 0  # how many times a 429 held the campaign

    def hold(self, seconds: float) -> None:
        """No request starts for `seconds` from now (the longest hold wins)."""
        self.holds += 1
        self._until = max(self._until, self._clock() + max(0.0, seconds))

    def remaining(self) -> float:
        return max(0.0, self._until - self._clock())

    async def ready(self) -> None:
        """Return once no hold is in force."""
        while (wait := self.remaining()) > 0:
            await self._sleep(wait)


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

    def unsendable(self, base_url: str, reason: str) -> NotSent:
        """NotSent for a request that could not even be written (retrying will not help)."""
        sentence = tr(
            "The request could not be made ({reason}); nothing was sent. Check the profile's "
            "base URL and credentials, then try again."
        ).format(reason=reason)
        return NotSent(httpx.URL(base_url).host, reason, sentence=sentence)


def parse_json(answer: Answer) -> Any:
    """The body as JSON; ValueError with a short plain reason when it cannot be read.

    NaN, Infinity and documents nested deeper than `jsontext.MAX_DEPTH` are refused too.
    """
    try:
        return jsontext.loads(answer.content, allow_nan=False)
    except jsontext.TooDeep:
        reason = tr("it is nested deeper than {levels} levels").format(levels=jsontext.MAX_DEPTH)
    except jsontext.NotANumber:
        reason = tr("it holds NaN or Infinity, which JSON does not allow")
    except json.JSONDecodeError as exc:
        reason = tr("it is not JSON (at character {at})").format(at=exc.pos)
    except ValueError:  # not UTF-8, or an integer too long to convert, say
        reason = tr("it holds text or numbers the client cannot read")
    raise ValueError(reason)


def server_text(answer: Answer) -> str | None:
    """`requestError.serviceException.text` from an error envelope, if there is one."""
    try:
        data = parse_json(answer)
        text = data["requestError"]["serviceException"]["text"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(text, str) or not text:
        return None
    return text[:_SERVER_TEXT_MAX]


def retry_after(answer: Answer) -> float | None:
    """`Retry-After` in seconds (a number or an HTTP date), or None (also when absurd)."""
    raw = answer.headers.get("Retry-After")
    if not raw:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def failure_reason(exc: Exception) -> str:
    """A short cause for a failed attempt, for the operator's sentence and the log."""
    reasons: list[tuple[type[Exception], str]] = [
        (httpx.ConnectTimeout, "connect timeout"),
        (httpx.PoolTimeout, "no free connection in time"),
        (httpx.ReadTimeout, "read timeout"),
        (httpx.WriteTimeout, "write timeout"),
        (httpx.ReadError, "the connection broke while reading the answer"),
        (httpx.WriteError, "the connection broke while sending"),
        (httpx.DecodingError, "the answer could not be decoded"),
        (ValueError, "the answer broke the rules of HTTP"),
    ]
    if isinstance(exc, httpx.RemoteProtocolError):
        if "disconnected" in str(exc).lower():
            return "the server closed the connection without an answer"
        return "the answer broke the rules of HTTP"
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


def error_for(call: Call, answer: Answer) -> OmniError:
    """Our error for a non-2xx answer (429 is handled by the retry loop)."""
    status = answer.status_code
    text = server_text(answer)
    if status == 401:
        return Unauthorized(text)
    if status == 403:
        return Forbidden(text)
    if status == 404:
        return NotFound(call.what, text)
    if 400 <= status < 500:
        return InvalidRequest(status, text)
    return OutcomeUnknown(f"HTTP {status}", effect=call.effect, status=status, server_text=text)
