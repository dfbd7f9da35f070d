"""Campaigns: a personalised send cut into requests that never go twice, resumable after a crash.

OMNI has no per-destination text, so the destinations are grouped by their rendered content and
each group cut into requests of at most `chunk_size`. The whole plan (every body, with its IDs)
is recorded in the outbox before the first request (`plan`); `CampaignRunner` then starts each
pending request (recorded `sending`, durably, before its POST), posts it through `Sender`, and
settles it, with at most `concurrency` in flight, an optional messages-per-minute limit and a
shared `Pace` that holds every request after a 429. Pause and cancel take effect between
requests; a request already written is never cancelled. A request that surely never reached the
server (not sent; 401, 403 or 429) is planned again with new IDs; one of unknown outcome is only
sent again after the logs show none of its messages and the operator agrees (`settle_unknown`,
`resend_missing`).
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from omni_desktop.core.i18n import tr

from omni_desktop.api.errors import NotSent, OmniError, RateLimited
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignRecord, CampaignState, PlannedRequest
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaign_plan import (
    CHUNK_SIZE,
    CONCURRENCY,
    Options,
    PlanFigures,
    fresh_ids,
    goes_as_campaign,
    plan,
    plan_bodies,
    plan_figures,
)
from omni_desktop.services.campaign_recovery import (
    BadTestAddress,
    message_for_test,
    resend_missing,
    send_test,
    settle_unknown,
)
from omni_desktop.services.sending import Outcome, Recorded, Sender

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

    from omni_desktop.services.targets import Target

log = logging.getLogger("omni_desktop.services")

MAX_REPLANS = 5  # a request refused with 429 this often pauses the campaign
RATE_WINDOW = 60.0  # seconds of recent requests the shown rate is taken over

# --- running it --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """How far a campaign is, for the progress bar and the CLI's progress line."""

    campaign_id: int
    requests_total: int
    requests_done: int  # started and settled (any outcome)
    messages_total: int
    messages_done: int
    accepted: int  # messages in accepted requests
    rejected: int
    unknown: int
    not_sent: int
    rate_per_minute: float | None  # messages, over the last minute of this run
    eta_seconds: float | None
    state: CampaignState
    note: str | None = None  # why it paused or stopped

    @property
    def fraction(self) -> float:
        return self.messages_done / self.messages_total if self.messages_total else 1.0


@dataclass(frozen=True)
class RequestDone:
    """One request's outcome, for the status table: its body and how it ended."""

    seq: int
    outcome: Outcome

    @property
    def destinations(self) -> list[dict[str, Any]]:
        found = self.outcome.recorded.body.get("destinations")
        return found if isinstance(found, list) else []


class RateLimit:
    """At most `per_minute` messages a minute, spread evenly (a virtual clock)."""

    def __init__(self, per_minute: int | None, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self._clock = clock
        self._next = 0.0

    def delay(self, messages: int) -> float:
        """Seconds to wait before a request of `messages` may start (and book its slot)."""
        if not self.per_minute:
            return 0.0
        now = self._clock()
        start = max(now, self._next)
        self._next = start + messages * 60.0 / self.per_minute
        return start - now


class CampaignRunner:
    """Sends a recorded campaign's pending requests; `run()` returns when it is finished,
    paused (by `pause()` or by a failure that needs the operator) or cancelled."""

    def __init__(
        self,
        client: OmniClient,
        target: Target,
        outbox: Outbox,
        campaign_id: int,
        options: Options | None = None,
        *,
        progress: Callable[[Progress], None] | None = None,
        request_done: Callable[[RequestDone], None] | None = None,
        request_started: Callable[[int, list[dict[str, Any]]], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] | None = None,
    ) -> None:
        from omni_desktop.api.transport import Pace

        self.campaign_id = campaign_id
        self.options = options or Options()
        self.outbox = outbox
        self.sender = Sender(client, target, outbox)
        if client.pace is None:
            client.pace = Pace(clock=clock)
        self.pace = client.pace
        self._progress, self._done, self._started = progress, request_done, request_started
        self._clock = clock
        self._wall = wall or _utc_now
        self._rate = RateLimit(self.options.per_minute, clock)
        self._pause_note: str | None = None
        self._paused = False
        self._cancelled = False
        self._claimed: set[int] = set()
        self._replans: dict[int, int] = {}
        self._recent: list[tuple[float, int]] = []  # (when, messages) settled in this run
        self._counts: dict[str, int] = {}
        self._record: CampaignRecord | None = None
        self.running = False

    # --- control, between requests -------------------------------------------------------------

    def pause(self, note: str | None = None) -> None:
        """No request starts after this; the ones in flight finish. `run()` then returns."""
        self._paused = True
        self._pause_note = self._pause_note or note

    def cancel(self) -> None:
        """Like pause, and the requests never started will never go."""
        self._cancelled = True

    def stopping(self) -> bool:
        return self._paused or self._cancelled

    # --- the run -------------------------------------------------------------------------------

    async def run(self) -> CampaignRecord:
        """Send the pending requests; returns the campaign as recorded at the end."""
        self.running = True
        self._paused = self._cancelled = False
        self._pause_note = None
        try:
            # What is alive now (a big draft's 100,000 recipients) lives on through the run:
            # out of the collector's passes, which walked it for up to 0.8 s each; the run's
            # own cycles are still collected (holding the collector instead grew memory 12 MB).
            gc.freeze()
            await self._set_state(CampaignState.RUNNING, None)
            self._record = await asyncio.to_thread(store.get, self.outbox, self.campaign_id)
            self._counts = dict(self._record.messages)
            self._report()
            await self._send_pending()
            return await self._finish()
        finally:
            self.running = False

    async def _send_pending(self) -> None:
        limit = asyncio.Semaphore(self.options.concurrency)
        flights: set[asyncio.Task[None]] = set()
        try:
            while not self.stopping():
                batch = await asyncio.to_thread(
                    store.pending_requests,
                    self.outbox,
                    self.campaign_id,
                    -1,
                    self.options.concurrency * 2 + len(self._claimed),
                )
                batch = [r for r in batch if r.seq not in self._claimed]
                if not batch:
                    if not flights:
                        return
                    await asyncio.wait(flights, return_when=asyncio.FIRST_COMPLETED)
                    continue
                for request in batch:
                    wait = self._rate.delay(request.message_count)
                    if wait > 0:
                        await asyncio.sleep(wait)
                    await self.pace.ready()
                    if self.stopping():
                        break
                    self._claimed.add(request.seq)
                    # Recorded while the requests in flight are still out, so its POST goes
                    # the moment a slot frees; once recorded it is posted, pause or not.
                    recorded = await self._record_start(request)
                    if recorded is None:
                        break
                    await limit.acquire()
                    if self.stopping():  # paused meanwhile: it was never posted, so it waits
                        limit.release()
                        await self._withdraw(request, recorded)
                        break
                    task = asyncio.ensure_future(self._post(request, recorded))
                    flights.add(task)
                    task.add_done_callback(flights.discard)
                    task.add_done_callback(lambda _: limit.release())
        finally:
            if flights:  # a request already written is never cancelled: each is awaited
                await asyncio.gather(*flights, return_exceptions=True)

    async def _record_start(self, request: PlannedRequest) -> Recorded | None:
        """The request recorded `sending`, durably; None (and the campaign paused) if not."""
        try:
            return await asyncio.to_thread(self._start, request)
        except StorageError as exc:
            self.pause(str(exc))
        except Exception:  # a damaged plan row: nothing was posted
            log.exception("A campaign request could not be started")
            self.pause(
                tr("Request {n} of the campaign could not be read; nothing of it was sent.").format(
                    n=request.seq + 1
                )
            )
        return None

    async def _withdraw(self, request: PlannedRequest, recorded: Recorded) -> None:
        assert recorded.send_id is not None
        try:
            await asyncio.to_thread(self.outbox.withdraw, recorded.send_id)
        except StorageError as exc:  # it stays `sending`: the next start makes it unknown
            self.pause(str(exc))
            return
        self._claimed.discard(request.seq)

    async def _post(self, request: PlannedRequest, recorded: Recorded) -> None:
        if self._started is not None:
            self._started(request.seq, recorded.body.get("destinations") or [])
        outcome = await self.sender.post(recorded)
        if outcome.record_problem:
            self.pause(outcome.record_problem)
        await self._settled(request, outcome)

    def _start(self, request: PlannedRequest) -> Recorded:
        body = json.loads(request.body_json)
        send_id = self.outbox.record_before_send(
            self.sender.target.profile,
            self.sender.target.base_url,
            body,
            request.body_json,
            campaign=(self.campaign_id, request.seq),
        )
        return Recorded(send_id, None, body, request.body_json.encode("utf-8"))

    async def _settled(self, request: PlannedRequest, outcome: Outcome) -> None:
        error, state, count = outcome.error, outcome.state, request.message_count
        again = isinstance(error, RateLimited | NotSent) or _no_access(error)
        if isinstance(error, RateLimited) or _no_access(error):
            # Nothing was sent: the request goes again later, with new IDs.
            replans = self._replans[request.seq] = self._replans.get(request.seq, 0) + 1
            await self._replan(request)
            if isinstance(error, RateLimited) and replans < MAX_REPLANS:
                self.pace.hold(error_wait(error))
            else:
                self.pause(outcome.sentence)
        elif isinstance(error, NotSent):
            await self._replan(request)
            self.pause(
                tr(
                    "{reason} The campaign is paused; resume it when the connection is back."
                ).format(reason=outcome.sentence or "")
            )
        elif state is SendState.REJECTED:
            self.pause(
                tr("Request {n} was refused: {reason} The campaign is paused.").format(
                    n=request.seq + 1, reason=outcome.sentence or ""
                )
            )
        self._count("" if again else state.value, count)
        if self._done is not None:
            self._done(RequestDone(request.seq, outcome))
        self._report()

    async def _replan(self, request: PlannedRequest) -> None:
        bulk_id, body = fresh_ids(request.body_json, self._wall())
        try:
            await asyncio.to_thread(
                store.replan, self.outbox, self.campaign_id, request.seq, bulk_id, body
            )
        except StorageError as exc:
            self.pause(str(exc))
            return
        self._claimed.discard(request.seq)

    def _count(self, state: str, messages: int) -> None:
        if state:
            self._counts[state] = self._counts.get(state, 0) + messages
            self._counts[store.PENDING] = self._counts.get(store.PENDING, 0) - messages
        self._recent.append((self._clock(), messages))

    async def _finish(self) -> CampaignRecord:
        record = await asyncio.to_thread(store.get, self.outbox, self.campaign_id)
        note: str | None
        if self._cancelled:
            state, note = (
                CampaignState.CANCELLED,
                tr("Cancelled; the requests not started were not sent."),
            )
        elif record.pending:
            state, note = CampaignState.PAUSED, self._pause_note
        else:
            state, note = CampaignState.FINISHED, None
        await self._set_state(state, note)
        self._record = record = await asyncio.to_thread(store.get, self.outbox, self.campaign_id)
        self._counts = dict(record.messages)
        self.running = False  # the last progress says how it ended
        self._report()
        return record

    async def _set_state(self, state: CampaignState, note: str | None) -> None:
        await asyncio.to_thread(
            store.set_state, self.outbox, self.campaign_id, state, self._wall(), note
        )

    # --- progress ------------------------------------------------------------------------------

    def _report(self) -> None:
        if self._progress is None or self._record is None:
            return
        self._progress(self.progress())

    def progress(self) -> Progress:
        record = self._record
        assert record is not None
        counts = self._counts
        pending = max(0, counts.get(store.PENDING, 0))
        sending = counts.get(SendState.SENDING.value, 0)
        done = record.message_count - pending - sending
        now = self._clock()
        self._recent = [(t, n) for t, n in self._recent if now - t <= RATE_WINDOW]
        rate = eta = None
        if self._recent:
            span = max(now - self._recent[0][0], 1.0)
            rate = sum(n for _, n in self._recent) * 60.0 / span
            left = pending + sending
            eta = left * 60.0 / rate if rate > 0 else None
        if not self.running:
            state = record.state
        elif self._cancelled:
            state = CampaignState.CANCELLED
        else:
            state = CampaignState.PAUSED if self._paused else CampaignState.RUNNING
        return Progress(
            campaign_id=self.campaign_id,
            requests_total=record.request_count,
            requests_done=_requests_done(record, counts),
            messages_total=record.message_count,
            messages_done=max(0, done),
            accepted=counts.get(SendState.ACCEPTED.value, 0),
            rejected=counts.get(SendState.REJECTED.value, 0),
            unknown=counts.get(SendState.UNKNOWN.value, 0),
            not_sent=counts.get(SendState.NOT_SENT.value, 0),
            rate_per_minute=rate,
            eta_seconds=eta,
            state=state,
            note=self._pause_note or record.note,
        )


def duration_text(seconds: float) -> str:
    """A time left as the progress shows it: "45 s", "3 min 05 s", "2 h 10 min"."""
    seconds = round(seconds)
    if seconds < 60:
        return tr("{n} s").format(n=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return tr("{m} min {s:02d} s").format(m=minutes, s=seconds)
    hours, minutes = divmod(minutes, 60)
    return tr("{h} h {m:02d} min").format(h=hours, m=minutes)


def _requests_done(record: CampaignRecord, counts: Mapping[str, int]) -> int:
    """Requests settled, from the messages counted (requests are cut evenly but the last)."""
    if not record.message_count:
        return record.request_count
    pending = max(0, counts.get(store.PENDING, 0)) + counts.get(SendState.SENDING.value, 0)
    done_share = 1.0 - pending / record.message_count
    return min(record.request_count, round(record.request_count * done_share))


def _no_access(error: OmniError | None) -> bool:
    return error is not None and error.status in (401, 403)


def error_wait(error: RateLimited) -> float:
    after = getattr(error, "retry_after", None)
    return float(after) if isinstance(after, int | float) and after > 0 else 30.0


def _utc_now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)


__all__ = [
    "CHUNK_SIZE",
    "CONCURRENCY",
    "BadTestAddress",
    "CampaignRunner",
    "Options",
    "PlanFigures",
    "Progress",
    "RequestDone",
    "duration_text",
    "fresh_ids",
    "goes_as_campaign",
    "message_for_test",
    "plan",
    "plan_bodies",
    "plan_figures",
    "resend_missing",
    "send_test",
    "settle_unknown",
]
