"""Failover simulation without a task per message.

At send time each destination gets a `Plan`: the steps it will try, when each ends and how
(see `rules`). Plans are shared by every destination that fares alike, so a request with
10,000 destinations costs a few dictionary look-ups per destination. Nothing runs in the
background: reports and logs resolve each message's state lazily against the server's clock.
"""

from __future__ import annotations

import heapq
import math
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

from omni_desktop.core.report import Error, LogEntry, Price, Report
from omni_desktop.core.status import PENDING_ENROUTE, REJECTED_DUPLICATE_MESSAGE_ID, Status

from omni_desktop.sandbox.rules import DELIVERY_DELAY, FINAL, RULES, Outcome, outcome, price
from omni_desktop.sandbox.send_request import SendRequest, StepPlan

_PENDING_JSON = PENDING_ENROUTE.to_json()
_DUPLICATE_JSON = REJECTED_DUPLICATE_MESSAGE_ID.to_json()


def message_count(flow: str, text: str | None) -> int:
    """Segments of an SMS (GSM-7 or UCS-2); one for every other channel."""
    if flow != "SMS" or not text:
        return 1
    try:
        units, single, part = len(text.encode("gsm03.38")), 160, 153
    except UnicodeEncodeError:
        units, single, part = len(text.encode("utf-16-le")) // 2, 70, 67
    return 1 if units <= single else math.ceil(units / part)


@dataclass(frozen=True)
class Attempt:
    step: StepPlan
    start: float  # seconds after the first step starts (validity periods divided by the scale)
    end: float
    outcome: Outcome


@dataclass(frozen=True)
class Plan:
    attempts: tuple[Attempt, ...]
    done: float  # seconds after the first step starts when the message is final
    status: Status
    error: Error
    step: StepPlan | None  # the step the final report names (delivered, or tried last)
    price: Price | None
    message_count: int

    def current(self, elapsed: float) -> StepPlan | None:
        for attempt in self.attempts:
            if elapsed < attempt.end:
                return attempt.step
        return self.step


def make_plan(steps: Iterable[StepPlan], to: dict[str, Any], time_scale: float = 1.0) -> Plan:
    """How the message fares, step by step; each step lasts its time divided by `time_scale`."""
    phone, email = to.get("phoneNumber"), to.get("emailAddress")
    attempts: list[Attempt] = []
    clock = 0.0
    for step in steps:
        if not any(to.get(a) for a in RULES[step.flow].addresses):
            continue
        result = outcome(step.flow, phone, email)
        lasts = {Outcome.DELIVER: DELIVERY_DELAY, Outcome.EXPIRE: step.validity}.get(result, 0.0)
        lasts /= time_scale
        attempts.append(Attempt(step, clock, clock + lasts, result))
        clock += lasts
        if result is Outcome.DELIVER:
            break
    last = attempts[-1] if attempts else None
    status, error = FINAL[last.outcome if last else None]
    return Plan(
        attempts=tuple(attempts),
        done=clock,
        status=status,
        error=error,
        step=last.step if last else None,
        price=price(last.step.flow) if last else None,
        message_count=message_count(last.step.flow, last.step.text) if last else 1,
    )


class Track:
    """One accepted message: its plan anchored at the moment its first step starts."""

    __slots__ = ("bulk_id", "callback_data", "message_id", "plan", "seq", "start", "to")

    def __init__(
        self,
        seq: int,
        bulk_id: str | None,
        message_id: str,
        to: dict[str, Any],
        plan: Plan,
        start: float,
        callback_data: str | None,
    ) -> None:
        self.seq, self.bulk_id, self.message_id, self.to = seq, bulk_id, message_id, to
        self.plan, self.start, self.callback_data = plan, start, callback_data

    @property
    def done_at(self) -> float:
        return self.start + self.plan.done

    def address(self, step: StepPlan | None) -> str:
        keys = RULES[step.flow].addresses if step else ("phoneNumber", "emailAddress")
        for key in (*keys, *self.to):
            value = self.to.get(key)
            if isinstance(value, str) and value:
                return value
        return ""

    def report(self) -> Report:
        plan = self.plan
        return Report(
            message_id=self.message_id,
            to=self.address(plan.step),
            status=plan.status,
            channel=plan.step.flow if plan.step else None,
            bulk_id=self.bulk_id,
            sent_at=_time(self.start),
            done_at=_time(self.done_at),
            message_count=plan.message_count,
            price=plan.price,
            error=plan.error,
            callback_data=self.callback_data,
        )

    def log(self, now: float) -> LogEntry:
        final = now >= self.done_at
        step = self.plan.step if final else self.plan.current(now - self.start)
        return LogEntry(
            message_id=self.message_id,
            to=self.address(step),
            status=self.plan.status if final else PENDING_ENROUTE,
            channel=step.flow if step else None,
            bulk_id=self.bulk_id,
            sender=step.sender if step else None,
            text=step.text if step else None,
            sent_at=_time(self.start),
            done_at=_time(self.done_at) if final else None,
            message_count=self.plan.message_count if final else 1,
            price=self.plan.price if final else None,
        )


def _time(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@dataclass(frozen=True)
class LogQuery:
    bulk_ids: tuple[str, ...] = ()
    message_ids: tuple[str, ...] = ()
    general_status: str | None = None
    channel: str | None = None
    sent_since: float | None = None
    sent_until: float | None = None
    sender: str | None = None  # `from`
    to: str | None = None
    limit: int = 50


class Simulator:
    """Every message the sandbox accepted, its one-time reports and its logs."""

    def __init__(self, time_scale: float = 1.0) -> None:
        self.time_scale = time_scale
        self._tracks: list[Track] = []
        self._by_message: dict[str, Track] = {}
        self._by_bulk: dict[str, list[Track]] = {}
        self._unreported: list[tuple[float, int, Track]] = []  # heap by done time
        self._ready: dict[int, Track] = {}  # final, not yet reported, in done order
        self.pending_status = _PENDING_JSON  # each accepted message's status in the answer
        self.posted: Counter[str] = Counter()  # every messageId of every request posted, counted

    def send(self, request: SendRequest, now: float) -> dict[str, Any]:
        """Accept a checked request at time `now` (epoch seconds); the response body."""
        start = now
        if request.send_at is not None:
            start = max(now, request.send_at.timestamp())
        many = len(request.destinations) > 1
        bulk_id = request.bulk_id or (str(uuid.uuid4()) if many else None)
        plans: dict[tuple[Any, ...], Plan] = {}
        messages = []
        for entry in request.destinations:
            to = entry["to"]
            message_id = entry.get("messageId") or str(uuid.uuid4())
            self.posted[message_id] += 1
            if message_id in self._by_message:
                messages.append({"to": to, "status": _DUPLICATE_JSON, "messageId": message_id})
                continue
            phone, email = to.get("phoneNumber"), to.get("emailAddress")
            bounce = isinstance(email, str) and email.lower().startswith("bounce")
            shape = (phone[-1] if phone else None, bounce, *(k for k in to if to[k]))
            plan = plans.get(shape)
            if plan is None:
                plan = plans[shape] = make_plan(request.steps, to, self.time_scale)
            self._add(
                Track(
                    len(self._tracks), bulk_id, message_id, to, plan, start, request.callback_data
                )
            )
            messages.append({"to": to, "status": self.pending_status, "messageId": message_id})
        body: dict[str, Any] = {"messages": messages}
        if bulk_id is not None:
            body = {"bulkId": bulk_id, **body}
        return body

    def _add(self, track: Track) -> None:
        self._tracks.append(track)
        self._by_message[track.message_id] = track
        if track.bulk_id is not None:
            self._by_bulk.setdefault(track.bulk_id, []).append(track)
        heapq.heappush(self._unreported, (track.done_at, track.seq, track))

    def reports(
        self,
        now: float,
        bulk_id: str | None = None,
        message_id: str | None = None,
        channel: str | None = None,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        """Final messages not reported before, oldest first; each is returned only once."""
        while self._unreported and self._unreported[0][0] <= now:
            _, seq, track = heapq.heappop(self._unreported)
            self._ready[seq] = track
        picked: list[Track] = []
        for track in self._ready.values():
            if len(picked) >= limit:
                break
            if (
                (bulk_id is None or track.bulk_id == bulk_id)
                and (message_id is None or track.message_id == message_id)
                and (channel is None or (track.plan.step and track.plan.step.flow) == channel)
            ):
                picked.append(track)
        for track in picked:
            del self._ready[track.seq]
        return [track.report().to_json() for track in picked]

    def _candidates(self, query: LogQuery) -> Iterator[Track]:
        if query.message_ids:
            wanted_bulks = set(query.bulk_ids)
            tracks = [
                self._by_message[m]
                for m in dict.fromkeys(query.message_ids)
                if m in self._by_message
            ]
            if wanted_bulks:
                tracks = [t for t in tracks if t.bulk_id in wanted_bulks]
        elif query.bulk_ids:
            tracks = [t for b in dict.fromkeys(query.bulk_ids) for t in self._by_bulk.get(b, ())]
        else:
            return reversed(self._tracks)
        return iter(sorted(tracks, key=lambda t: t.seq, reverse=True))

    def logs(self, now: float, query: LogQuery) -> list[dict[str, Any]]:
        """Log entries, newest first; they stay, and show PENDING while in flight."""
        out: list[dict[str, Any]] = []
        for track in self._candidates(query):
            if len(out) >= query.limit:
                break
            if query.sent_since is not None and track.start < query.sent_since:
                continue
            if query.sent_until is not None and track.start > query.sent_until:
                continue
            entry = track.log(now)
            if (
                (query.general_status is None or entry.status.group_name == query.general_status)
                and (query.channel is None or entry.channel == query.channel)
                and (query.sender is None or entry.sender == query.sender)
                and (query.to is None or entry.to == query.to)
            ):
                out.append(entry.to_json())
        return out
