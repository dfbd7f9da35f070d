"""`CampaignPresenter`: a campaign's plan, run, pause, resume and cancel for the window, through
`services.campaigns`; its rows and outcomes as signals for the status table and the progress bar.

The plan is recorded (in a worker thread) before the first request; each request's rows join the
status table when it starts and take their status from its answer, then from the delivery
reports, polled per bulk. A request planned again with new IDs (it surely never arrived) leaves
the table until it starts again. Nothing is cancelled once written: Pause and Cancel act between
requests, and closing the window waits for the requests in flight.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, SignalInstance

from omni_desktop.core.gcpause import quick_switches
from omni_desktop.core.message import OmniMessage, from_json
from omni_desktop.core.report import Price, Report
from omni_desktop.core.status import Status

from omni_desktop.api.errors import OmniError
from omni_desktop.api.responses import SentMessage
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignRecord
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.sends import MessageRecord, SendState, address

from omni_desktop.services.campaigns import (
    BadTestAddress,
    CampaignRunner,
    Options,
    Progress,
    RequestDone,
    message_for_test,
    plan,
    resend_missing,
    send_test,
    settle_unknown,
)
from omni_desktop.services.reports import poll_bulks
from omni_desktop.services.sending import Sender

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import TaskKeeper
from omni_desktop.ui.status.rows import StatusRow, price_text

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient
    from omni_desktop.storage.outbox import Outbox

    from omni_desktop.services.targets import Target

log = logging.getLogger("omni_desktop.ui")

DRIP = 250  # rows (or reports) the table takes at once
# The table takes slices for up to DRIP_BUDGET seconds, then the window paints and the loop
# runs the rest for DRIP_PAUSE: a slice at each turn of the loop repainted the table 80 times a
# second, each paint (its cells read from Python beside the campaign's busy worker threads)
# holding the window 5-10 ms. With a 30 ms pause the lag's p99 was 13-21 ms; with 60 ms, 7-9 ms,
# and 100,000 rows still fill the table in 13-17 s.
DRIP_BUDGET = 0.004
DRIP_PAUSE = 0.06
_Made = Callable[[list[Any]], list[Any]]  # a slice of items made into what a signal carries


@dataclass(frozen=True)
class _Answered:
    """A message's status from a request's answer, shaped as a delivery report for the table."""

    message_id: str
    status: Status
    channel: str | None = None
    price: None = None
    error: None = None
    done_at: datetime | None = None


def _status_rows(destinations: list[dict[str, Any]]) -> list[StatusRow]:
    """A request's destinations as the status table's rows, before the answer."""
    return [StatusRow(address(d.get("to")), str(d.get("messageId", ""))) for d in destinations]


def _as_they_are(items: list[Any]) -> list[Any]:
    return items


class CampaignPresenter(QObject):
    """One campaign at a time: started from a draft, or resumed from the outbox."""

    started = Signal(int)  # campaign id: the status table starts empty
    recorded = Signal(object)  # OmniMessage: an earlier session's campaign, its first request
    rows_added = Signal(object)  # list[StatusRow]: a request started
    rows_answered = Signal(object)  # list[_Answered]: a request's answer
    rows_unknown = Signal(object)  # list[str]: message IDs whose request's outcome is unknown
    rows_removed = Signal(object)  # list[str]: message IDs planned again with new IDs
    reports_arrived = Signal(object)  # list[Report]
    progress = Signal(object)  # Progress
    finished = Signal(object)  # CampaignRecord: finished, paused or cancelled
    failed = Signal(str)  # one sentence: the plan could not be recorded, nothing was sent
    missing_found = Signal(int, object)  # campaign id, [send id]: the logs do not show them
    running_changed = Signal(bool)
    notice = Signal(str)
    test_finished = Signal(bool, str)  # accepted?, one sentence about the test send

    REPORT_POLL_SECONDS = 2.0
    REPORT_POLL_LIMIT_SECONDS = 30 * 60

    def __init__(
        self,
        client: OmniClient | None,
        target: Target,
        outbox: Outbox | None,
        tasks: TaskKeeper,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client, self.target, self.outbox = client, target, outbox
        self.tasks = tasks
        self.options = Options()
        self.runner: CampaignRunner | None = None
        self.campaign_id: int | None = None
        self.last: Progress | None = None
        self._reports: dict[str, set[str]] = {}
        self._polling: asyncio.Task[Any] | None = None
        self._queue: deque[tuple[SignalInstance, list[Any], bool, _Made]] = deque()
        self._dripping: asyncio.Task[Any] | None = None
        self._halt = asyncio.Event()  # set at shutdown: the report poller ends between calls

    @property
    def running(self) -> bool:
        return self.runner is not None and self.runner.running

    @property
    def filling(self) -> bool:
        """Rows, answers or reports are still on their way into the table."""
        return self._dripping is not None and not self._dripping.done()

    @property
    def paused(self) -> bool:
        """A campaign is held here, not running, that Resume would continue."""
        return self.runner is not None and not self.runner.running and self._resumable()

    def _resumable(self) -> bool:
        last = self.last
        return last is not None and last.state.value == "paused"

    # --- starting ----------------------------------------------------------------------------

    def start(
        self,
        prepared: OmniMessage,
        flow: Sequence[str] | None,
        fallbacks: Mapping[str, str],
        name: str = "",
    ) -> asyncio.Task[Any] | None:
        """Record the plan, then send it; None when a campaign is running already."""
        if self.running or self.client is None or self.outbox is None:
            return None
        self.running_changed.emit(True)
        return self.tasks.start(
            self._start(prepared, list(flow) if flow is not None else None, dict(fallbacks), name),
            "send",
        )

    async def _start(
        self, prepared: OmniMessage, flow: list[str] | None, fallbacks: dict[str, str], name: str
    ) -> None:
        assert self.outbox is not None
        try:
            campaign_id = await asyncio.to_thread(
                plan,
                self.outbox,
                self.target,
                prepared,
                flow,
                fallbacks,
                self.options,
                datetime.now(UTC),
                name,
            )
        except StorageError as exc:
            self.running_changed.emit(False)
            self.failed.emit(str(exc))
            return
        await self._run_campaign(campaign_id, planned_now=True)

    def resume(self, campaign_id: int | None = None) -> asyncio.Task[Any] | None:
        """Continue the held campaign, or a recorded one (after a crash or a quit)."""
        campaign_id = campaign_id if campaign_id is not None else self.campaign_id
        if self.running or campaign_id is None or self.client is None:
            return None
        self.running_changed.emit(True)
        return self.tasks.start(self._run_campaign(campaign_id, planned_now=False), "send")

    def settle(self, campaign_id: int) -> asyncio.Task[Any] | None:
        """Ask the logs about the campaign's requests of unknown outcome; those the logs do
        not show come back as `missing_found` (the operator decides), then it can resume."""
        if self.client is None or self.outbox is None:
            return None
        return self.tasks.start(self._settle(campaign_id), "settle campaign")

    async def _settle(self, campaign_id: int) -> None:
        assert self.client is not None and self.outbox is not None
        try:
            missing = await settle_unknown(self.client, self.outbox, campaign_id)
        except (OmniError, StorageError) as exc:
            self.notice.emit(
                tr("The requests of unknown outcome could not be checked: {reason}").format(
                    reason=str(exc)
                )
            )
            return
        self.missing_found.emit(campaign_id, missing)

    def resend(self, campaign_id: int, send_ids: Sequence[int]) -> None:
        """The operator agreed: plan these requests (the logs do not show them) again."""
        if self.outbox is not None and send_ids:
            try:
                resend_missing(self.outbox, campaign_id, send_ids, datetime.now(UTC))
            except StorageError as exc:
                self.notice.emit(str(exc))

    async def _run_campaign(self, campaign_id: int, planned_now: bool) -> None:
        """Run it; a campaign new to this presenter gets a runner (and, when an earlier
        session started it, the rows of its requests already sent)."""
        assert self.client is not None and self.outbox is not None
        gc.freeze()  # the draft's recipients too: alive all along, walked by every full pass
        if self.runner is None or campaign_id != self.campaign_id:
            self.campaign_id = campaign_id
            self._reports = {}
            self.runner = CampaignRunner(
                self.client,
                self.target,
                self.outbox,
                campaign_id,
                self.options,
                progress=self._on_progress,
                request_done=self._on_request_done,
                request_started=self._on_request_started,
            )
            self.started.emit(campaign_id)
            if not planned_now:
                await self._show_recorded(campaign_id)
        self._poll()
        record: CampaignRecord | None = None
        try:
            with quick_switches():  # its worker threads write the outbox beside the window
                record = await self.runner.run()
        except Exception:  # a bug must not leave Send disabled: the outbox holds the truth
            log.exception("The campaign stopped unexpectedly")
            self.notice.emit(
                tr("The campaign stopped unexpectedly; see History before resuming it.")
            )
        finally:
            self.running_changed.emit(False)
        await self._drained()
        if record is not None:
            self.finished.emit(record)

    async def _show_recorded(self, campaign_id: int) -> None:
        """A resumed campaign's table: the rows of the requests already started."""
        assert self.outbox is not None
        outbox = self.outbox

        def load() -> tuple[list[StatusRow], dict[str, set[str]], OmniMessage | None]:
            rows: list[StatusRow] = []
            waiting: dict[str, set[str]] = {}
            for _seq, send_id, state in store.request_sends(outbox, campaign_id):
                if send_id is None:
                    continue
                messages = outbox.messages(send_id)
                rows += [_row_of(message) for message in messages]
                pending = {m.message_id for m in messages if not m.is_final}
                if pending and state == SendState.ACCEPTED.value:
                    waiting[outbox.get(send_id).bulk_id] = pending
            return rows, waiting, _message_of(store.first_body(outbox, campaign_id))

        try:
            rows, waiting, message = await asyncio.to_thread(load)
        except StorageError as exc:
            self.notice.emit(str(exc))
            return
        if message is not None:
            self.recorded.emit(message)
        self._reports.update(waiting)  # their reports are polled with the new requests'
        self._drip(self.rows_added, rows)

    # --- control -----------------------------------------------------------------------------

    def pause(self) -> None:
        if self.runner is not None and self.running:
            self.runner.pause()  # the bar says "paused" and offers Resume: no note to add

    def cancel(self) -> None:
        """Between requests: the ones in flight finish, the rest never go."""
        runner = self.runner
        if runner is None:
            return
        if self.running:
            runner.cancel()
        elif self.campaign_id is not None and self.outbox is not None:
            self.tasks.start(self._cancel_held(self.campaign_id), "cancel campaign")

    async def _cancel_held(self, campaign_id: int) -> None:
        assert self.outbox is not None
        runner = self.runner
        if runner is None:
            return
        runner.cancel()
        try:
            record = await runner.run()  # no request starts: it records the cancel and ends
        except StorageError as exc:
            self.notice.emit(str(exc))
            return
        self.finished.emit(record)

    # --- the runner's news -------------------------------------------------------------------

    def _on_progress(self, progress: Progress) -> None:
        self.last = progress
        self.progress.emit(progress)

    def _on_request_started(self, _seq: int, destinations: list[dict[str, Any]]) -> None:
        self._drip(self.rows_added, destinations, made=_status_rows)

    def _on_request_done(self, done: RequestDone) -> None:
        outcome = done.outcome
        ids = [str(d.get("messageId", "")) for d in done.destinations]
        if outcome.state is SendState.ACCEPTED and outcome.response is not None:
            now = datetime.now(UTC)

            def answered(part: list[SentMessage]) -> list[_Answered]:
                return [_Answered(m.message_id, m.status, done_at=now) for m in part]

            self._drip(self.rows_answered, outcome.response.messages, made=answered)
            self._reports[outcome.bulk_id] = set(ids)
            self._poll()
        elif outcome.state is SendState.UNKNOWN:
            self._drip(self.rows_unknown, ids)
        else:  # rejected, not sent, or planned again: those rows were never delivered
            self._drip(self.rows_removed, ids, whole=True)

    def _poll(self) -> None:
        """One poller of delivery reports for every accepted request still pending."""
        if self._polling is not None and not self._polling.done():
            return
        if self.client is None:
            return
        self._polling = self.tasks.start(
            poll_bulks(
                self.client,
                self.outbox,
                self._reports,
                self._on_reports,
                self.notice.emit,
                interval=self.REPORT_POLL_SECONDS,
                limit_seconds=self.REPORT_POLL_LIMIT_SECONDS,
                more_to_come=lambda: self.running,
                halt=self._halt,
            ),
            "poll campaign reports",
        )

    def _on_reports(self, reports: list[Report]) -> None:
        self._drip(self.reports_arrived, reports)

    # --- the table's news, a slice at a time -------------------------------------------------

    def _drip(
        self,
        signal: SignalInstance,
        items: list[Any],
        whole: bool = False,
        made: _Made | None = None,
    ) -> None:
        """Emit `items` in slices of DRIP, in order with the rest, the event loop running
        between slices: 1,000 rows at once kept the window from painting for 30 ms. `made`
        turns each slice into what the signal carries, a slice at a time too (the table's rows
        of a 1,000-message request took 3-4 ms to make)."""
        self._queue.append((signal, items, whole, made or _as_they_are))
        if self._dripping is None or self._dripping.done():
            self._dripping = self.tasks.start(self._drain(), "campaign rows")

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        until = loop.time() + DRIP_BUDGET
        while self._queue:
            signal, items, whole, made = self._queue.popleft()
            step = len(items) if whole else DRIP
            for start in range(0, len(items), max(step, 1)):
                signal.emit(made(items[start : start + step]))
                if signal is self.rows_added:
                    # The table's rows live as long as it shows them and form no cycles: the
                    # collector's full passes need not walk them (100,000 rows made each pass
                    # take up to 0.2-0.8 s).
                    gc.freeze()
                if loop.time() >= until:
                    await asyncio.sleep(DRIP_PAUSE)
                    until = loop.time() + DRIP_BUDGET

    async def _drained(self) -> None:
        """Wait until every row and report so far is in the table."""
        while self._dripping is not None and not self._dripping.done():
            await asyncio.wait({self._dripping})

    # --- a test send --------------------------------------------------------------------------

    def send_test(
        self,
        prepared: OmniMessage,
        row: int,
        address: str,
        fallbacks: Mapping[str, str],
        flow: Sequence[str] | None,
    ) -> str | None:
        """Send row `row`'s rendered message to `address` alone, marked as a test; returns why
        it cannot go (one sentence) or None, then `test_finished` says how it went."""
        if self.client is None:
            return tr("Still connecting; send again in a moment.")
        try:
            message = message_for_test(
                prepared, row, address, self.target.default_region, fallbacks, flow
            )
        except BadTestAddress as exc:
            return str(exc)
        sender = Sender(self.client, self.target, self.outbox)
        self.tasks.start(self._send_test(sender, message, flow), "send")
        return None

    async def _send_test(
        self, sender: Sender, message: OmniMessage, flow: Sequence[str] | None
    ) -> None:
        to = message.destinations[0].phone or message.destinations[0].email or ""
        try:
            outcome = await send_test(sender, message, flow, datetime.now(UTC))
        except StorageError as exc:
            self.test_finished.emit(False, str(exc))
            return
        if outcome.state is SendState.ACCEPTED:
            self.test_finished.emit(
                True, tr("The test message to {to} was accepted (see History).").format(to=to)
            )
        else:
            self.test_finished.emit(False, outcome.sentence or "")

    def shutdown(self) -> None:
        """Pause a running campaign (its requests on their way finish; the next start offers
        to continue it) and stop polling reports; the presenter's tasks are then awaited."""
        if self.runner is not None and self.running:
            self.runner.pause(tr("Paused when omni-desktop closed; continue it at the next start."))
        self._halt.set()

    def use(self, client: OmniClient | None, target: Target) -> None:
        """The account to send through from now on (a campaign keeps the one it started on)."""
        if not self.running:
            self.client, self.target = client, target


def _row_of(message: MessageRecord) -> StatusRow:
    """A status row from the outbox: what the answer, the reports or the logs last said."""
    status = None
    if message.updated_at is not None:
        status = Status(
            -1, message.status_group, -1, message.status_name, message.status_description
        )
    price = None if message.price is None else Price(message.price, message.currency or "")
    return StatusRow(
        message.to_address,
        message.message_id,
        status,
        channel=message.channel or "",
        price=price_text(price),
        error=message.error or "",
        updated_at=message.updated_at,
    )


def _message_of(body: str | None) -> OmniMessage | None:
    """A recorded body as a message; None when there is none or it does not read back."""
    if body is None:
        return None
    try:
        return from_json(json.loads(body))
    except (ValueError, RecursionError):  # a damaged file: the window keeps the draft's flow
        log.warning("The campaign's first request does not read back as a message")
        return None


__all__ = ["CampaignPresenter"]
