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
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.i18n import tr
from omni_desktop.core.message import OmniMessage, new_ids, to_json, with_ids
from omni_desktop.core.personalise import content_groups

from omni_desktop.api.errors import NotSent, OmniError, RateLimited
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignRecord, CampaignState, PlannedRequest
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.sends import SendState

from omni_desktop.services.sending import Outcome, Recorded, Sender

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

    from omni_desktop.services.targets import Target

log = logging.getLogger("omni_desktop.services")

CHUNK_SIZE = 1000  # destinations per request, by default
CONCURRENCY = 4  # requests in flight, by default
MAX_REPLANS = 5  # a request refused with 429 this often pauses the campaign
RATE_WINDOW = 60.0  # seconds of recent requests the shown rate is taken over


@dataclass(frozen=True)
class Options:
    chunk_size: int = CHUNK_SIZE
    concurrency: int = CONCURRENCY
    per_minute: int | None = None  # messages per minute at most; None: as fast as allowed

    def __post_init__(self) -> None:
        if self.chunk_size < 1 or self.concurrency < 1:
            raise ValueError("A campaign needs chunks of one or more and one request in flight.")
        if self.per_minute is not None and self.per_minute < 1:
            raise ValueError("A sending speed limit must be one message a minute or more.")


# --- the plan ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanFigures:
    """What a campaign would send, for the confirm step."""

    requests: int
    messages: int
    texts: int  # distinct rendered contents


def plan_figures(
    prepared: OmniMessage, flow: Sequence[str] | None, fallbacks: Mapping[str, str], chunk: int
) -> PlanFigures:
    groups = content_groups(prepared, flow, fallbacks)
    requests = sum(-(-len(indices) // chunk) for _, indices in groups)
    return PlanFigures(requests, len(prepared.destinations), len(groups))


def plan_bodies(
    prepared: OmniMessage,
    flow: Sequence[str] | None,
    fallbacks: Mapping[str, str],
    chunk: int,
    now: datetime,
) -> Iterator[tuple[str, str, int]]:
    """Each request's (bulkId, body as posted, destinations), made one at a time: groups of
    identical rendered content, each cut into requests of at most `chunk` destinations.

    IDs are made a request at a time, so a plan of 100,000 holds one request's copies at once;
    the cycle collector is held meanwhile (nothing made here forms a cycle, and its full passes
    over 100,000 recipients would hold the interpreter for a tenth of a second each).
    """
    from omni_desktop.api.client import encode_body  # httpx: not before the first paint

    with gc_paused():
        groups = content_groups(prepared, flow, fallbacks)
        total = sum(-(-len(indices) // chunk) for _, indices in groups)
        bulk_ids = iter(new_ids(now, total, "b-"))
        channels = list(flow) if flow is not None else None
        destinations = prepared.destinations
        for rendered, indices in groups:
            for start in range(0, len(indices), chunk):
                part = [destinations[i] for i in indices[start : start + chunk]]
                bulk_id = next(bulk_ids)
                request = with_ids(replace(rendered, bulk_id=bulk_id, destinations=part), now)
                body = to_json(request, channels)
                yield bulk_id, encode_body(body).decode("utf-8"), len(part)


def plan(
    outbox: Outbox,
    target: Target,
    prepared: OmniMessage,
    flow: Sequence[str] | None,
    fallbacks: Mapping[str, str],
    options: Options,
    now: datetime,
    name: str = "",
) -> int:
    """Record the whole plan durably, streamed; returns the campaign id (StorageError: none)."""
    return store.record_plan(
        outbox,
        profile=target.profile,
        base_url=target.base_url,
        name=name,
        chunk_size=options.chunk_size,
        requests=plan_bodies(prepared, flow, fallbacks, options.chunk_size, now),
        now=now,
    )


def fresh_ids(body_json: str, now: datetime) -> tuple[str, str]:
    """A request body with a new bulkId and new messageIds: (bulkId, body as posted)."""
    from omni_desktop.api.client import encode_body

    body = json.loads(body_json)
    destinations = body.get("destinations") or []
    ids = new_ids(now, len(destinations), "m-")
    for destination, message_id in zip(destinations, ids, strict=True):
        destination["messageId"] = message_id
    body["bulkId"] = bulk_id = new_ids(now, 1, "b-")[0]
    return bulk_id, encode_body(body).decode("utf-8")


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
            # Held for the run: its full passes over a big draft's 100,000 recipients held
            # the interpreter for up to 0.8 s; what a run leaves is freed by reference counts.
            with gc_paused():
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


# --- a test send ---------------------------------------------------------------------------------


class BadTestAddress(ValueError):
    """The address typed for a test send is not a phone number or e-mail address."""


def message_for_test(
    prepared: OmniMessage,
    row: int,
    address: str,
    region: str | None,
    fallbacks: Mapping[str, str],
    flow: Sequence[str] | None,
) -> OmniMessage:
    """One message to `address`, its content rendered for row `row` (0-based) of the draft;
    BadTestAddress (one sentence) for an address that is neither a number nor an e-mail."""
    from omni_desktop.core.addresses import check_email, check_phone
    from omni_desktop.core.message import Destination
    from omni_desktop.core.personalise import render_message

    text = address.strip()
    if "@" in text:
        email, problem = check_email(text)
        destination = Destination(email=email)
    else:
        phone, problem = check_phone(text, region)
        destination = Destination(phone=phone)
    if problem is not None or not (destination.phone or destination.email):
        raise BadTestAddress(
            tr("The test address {address}: {reason}").format(
                address=text or "—",
                reason=problem or tr("type a phone number or an e-mail address."),
            )
        )
    fields = prepared.destinations[row].fields if 0 <= row < len(prepared.destinations) else {}
    rendered = render_message(prepared, fields, fallbacks, flow)
    return replace(rendered, bulk_id=None, destinations=[destination])


async def send_test(
    sender: Sender, message: OmniMessage, flow: Sequence[str] | None, now: datetime
) -> Outcome:
    """Record the test message (marked as a test: never counted in a campaign) and post it.

    StorageError when it could not be recorded: then nothing was sent."""
    recorded = await asyncio.to_thread(partial(sender.record, message, flow, now, is_test=True))
    return await sender.post(recorded)


# --- after a crash --------------------------------------------------------------------------------


async def settle_unknown(client: OmniClient, outbox: Outbox, campaign_id: int) -> list[int]:
    """Ask the logs about each request of unknown outcome; returns the send ids whose messages
    the logs do not show at all (they may never have arrived: sent again only if agreed)."""
    from omni_desktop.services.reports import check_status

    requests = await asyncio.to_thread(store.request_sends, outbox, campaign_id)
    missing = []
    for _seq, send_id, state in requests:
        if send_id is None or state != SendState.UNKNOWN.value:
            continue
        record = await check_status(outbox, client, send_id)
        if record.state is SendState.UNKNOWN:
            missing.append(send_id)
    return missing


def resend_missing(outbox: Outbox, campaign_id: int, send_ids: Sequence[int], now: datetime) -> int:
    """Plan the requests of these unknown sends again, with new IDs (the operator agreed);
    returns how many. Their old sends stay in the history as unknown."""
    count = 0
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT seq, body_json, send_id FROM campaign_requests WHERE campaign_id = ?",
            (campaign_id,),
        ).fetchall()
    wanted = set(send_ids)
    for seq, body_json, send_id in rows:
        if send_id in wanted:
            bulk_id, body = fresh_ids(body_json, now)
            store.replan(outbox, campaign_id, int(seq), bulk_id, body)
            count += 1
    return count


__all__ = [
    "CHUNK_SIZE",
    "CONCURRENCY",
    "CampaignRunner",
    "Options",
    "PlanFigures",
    "Progress",
    "RequestDone",
    "fresh_ids",
    "message_for_test",
    "plan",
    "plan_bodies",
    "plan_figures",
    "resend_missing",
    "send_test",
    "settle_unknown",
]
