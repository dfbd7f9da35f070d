"""The composer's presenter: owns the draft message, validation, scenarios and every async call.

Widgets edit the draft through it and listen to its signals; they never call the client. Every
task it starts is kept in `_tasks` until it ends, and a send is never cancelled once started.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.message import OmniMessage, to_json, with_ids
from omni_desktop.core.scenario import Scenario
from omni_desktop.core.status import Status
from omni_desktop.core.validation import ValidationResult, validate

from omni_desktop.api.client import OmniClient, SendResponse, encode_body
from omni_desktop.api.errors import NotSent, OmniError, OutcomeUnknown
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.status_table import StatusRow

log = logging.getLogger("omni_desktop.ui")

UNKNOWN_STATUS = Status(
    -1,
    "UNKNOWN",
    -1,
    "OUTCOME_UNKNOWN",
    "No answer arrived: the message may or may not have been sent.",
    "Check the status before sending again.",
)


class TargetLike(Protocol):
    """Where sends go, as the window shows it; `profile` is None for the sandbox."""

    @property
    def profile(self) -> str | None: ...
    @property
    def name(self) -> str: ...
    @property
    def base_url(self) -> str: ...
    @property
    def is_sandbox(self) -> bool: ...
    @property
    def default_region(self) -> str | None: ...


@dataclass(frozen=True)
class SendSummary:
    """What the confirm step shows before a send."""

    target: str
    is_sandbox: bool
    recipients: int
    channels: list[str]  # "Viber (step 1, 2 min)", in flow order
    sms_segments: int | None
    scheduled: str | None
    warnings: list[str]
    account: str = ""  # the account name the operator types to confirm a real send


class ComposerPresenter(QObject):
    """Holds one draft and turns edits, scenario choices and sends into signals for the window."""

    # Lists travel as `object`: a `list` signal copies each one into a QVariantList and back
    # (4 ms for 10,000 status rows, in the event loop).
    message_changed = Signal()
    validation_changed = Signal(object)  # ValidationResult
    scenarios_loaded = Signal(object)  # list[Scenario]
    scenarios_failed = Signal(str)
    scenario_changed = Signal(object)  # Scenario | None
    busy_changed = Signal(bool)
    send_started = Signal(str, object)  # bulkId, list[StatusRow] (PENDING until answered)
    send_finished = Signal(str, object)  # bulkId, list[StatusRow]
    send_failed = Signal(str)  # one plain sentence
    reports_arrived = Signal(object)  # list[Report]
    dirty_changed = Signal(bool)
    notice = Signal(str)  # something the operator should know that is not a send failure
    target_changed = Signal()

    VALIDATION_DELAY_MS = 150
    REPORT_POLL_SECONDS = 2.0
    REPORT_POLL_LIMIT_SECONDS = 30 * 60

    def __init__(
        self,
        client: OmniClient,
        target: TargetLike,
        outbox: Outbox | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.client = client
        self.target = target
        self.outbox = outbox
        self.message = OmniMessage()
        self.scenarios: list[Scenario] = []
        self.result: ValidationResult | None = None
        self.busy = False
        self._dirty = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(self.VALIDATION_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)

    # --- the draft -------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def edited(self) -> None:
        """Call after any change to `message`: marks the draft unsaved and revalidates soon."""
        self.set_dirty(True)
        self.message_changed.emit()
        self._validate_timer.start()

    def load(self, message: OmniMessage) -> None:
        """Replace the draft (New, Open): no unsaved changes, validated at once."""
        self.message = message
        self.set_dirty(False)
        self.message_changed.emit()
        self.scenario_changed.emit(self.scenario)
        self.validate_now()

    @property
    def scenario(self) -> Scenario | None:
        """The chosen scenario, or the account's default when no key is set."""
        key = self.message.scenario_key
        for scenario in self.scenarios:
            if (key and scenario.key == key) or (not key and scenario.default):
                return scenario
        return None

    def flow_keys(self) -> list[str] | None:
        scenario = self.scenario
        return scenario.channel_keys() if scenario else None

    def set_scenario_key(self, key: str | None) -> None:
        if key != self.message.scenario_key:
            self.message.scenario_key = key
            self.scenario_changed.emit(self.scenario)
            self.edited()

    def request_json(self, limit: int | None = None) -> dict[str, Any]:
        """The body as it would be posted now (channels outside the flow left out); with
        `limit`, only the first `limit` destinations (a preview of a big send)."""
        source = self.result.prepared if self.result else self.message
        if limit is not None and len(source.destinations) > limit:
            source = replace(source, destinations=source.destinations[:limit])
        return to_json(source, channels=self.flow_keys())

    # --- validation ------------------------------------------------------------------------------

    def validate_now(self) -> ValidationResult:
        self._validate_timer.stop()
        self.result = validate(
            self.message,
            datetime.now(UTC),
            flow=self.flow_keys(),
            default_region=self.target.default_region,
            previous=self.result,
        )
        self.validation_changed.emit(self.result)
        return self.result

    def send_refusal(self) -> str | None:
        """Why Send is refused right now, in one sentence, or None when it may go."""
        if self.busy:
            return tr("A send is in progress; wait for its answer.")
        result = self.validate_now()
        errors = result.errors
        if not errors:
            return None
        first = errors[0].message
        if len(errors) == 1:
            return tr("Cannot send: {problem}").format(problem=first)
        return tr("Cannot send: {problem} (and {n} more problems)").format(
            problem=first, n=len(errors) - 1
        )

    def summary(self) -> SendSummary:
        """What will be sent, for the confirm step."""
        from omni_desktop.core.scenario import describe_seconds, timeline
        from omni_desktop.core.sms import count_sms

        result = self.result or self.validate_now()
        prepared = result.prepared
        scenario = self.scenario
        channels: list[str] = []
        if scenario is not None:
            for item in timeline(scenario, prepared):
                key = item.step.channel_key
                if key and key in prepared.used_channels():
                    channels.append(
                        tr("{channel} from {sender}, tried for {time}").format(
                            channel=item.step.channel,
                            sender=item.step.sender or tr("the scenario's sender"),
                            time=describe_seconds(item.lasts),
                        )
                    )
        else:
            channels = [key.upper() for key in prepared.used_channels()]
        sms = prepared.channels.get("sms")
        segments = None
        if sms is not None and sms.get("text") and (scenario is None or scenario.step_of("sms")):
            segments = count_sms(str(sms.get("text"))).segments
        scheduled = None
        if prepared.send_at is not None:
            local = prepared.send_at.astimezone()
            scheduled = f"{local:%Y-%m-%d %H:%M %Z} ({prepared.send_at.astimezone(UTC):%H:%M} UTC)"
        return SendSummary(
            target=self.target.name
            + ("" if self.target.is_sandbox else f" ({self.target.base_url})"),
            is_sandbox=self.target.is_sandbox,
            recipients=len(prepared.destinations),
            channels=channels,
            sms_segments=segments,
            scheduled=scheduled,
            warnings=[p.message for p in result.warnings],
            account="" if self.target.is_sandbox else self.target.name,
        )

    # --- async work ------------------------------------------------------------------------------

    def _start(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def refresh_scenarios(self) -> asyncio.Task[Any]:
        return self._start(self._load_scenarios(), "load scenarios")

    async def _load_scenarios(self) -> None:
        try:
            scenarios = await self.client.list_scenarios()
        except OmniError as exc:
            self.scenarios_failed.emit(exc.sentence)
            return
        self.scenarios = scenarios
        self.scenarios_loaded.emit(scenarios)
        self.scenario_changed.emit(self.scenario)
        self._validate_timer.start()

    def send(self) -> asyncio.Task[Any] | None:
        """Post the draft (the caller has confirmed). Returns None when it may not go.

        The request is recorded in the outbox, durably, before it goes out; when that record
        cannot be written nothing is sent. The heavy parts of a big send (IDs, JSON, the
        outbox, the answer's rows) run in a worker thread so the window keeps painting.
        """
        if self.send_refusal() is not None or self.result is None:
            return None
        self._set_busy(True)
        return self._start(self._send(self.result.prepared, self.flow_keys()), "send")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def _prepare(
        self, prepared: OmniMessage, flow: list[str] | None
    ) -> tuple[dict[str, Any], bytes, list[StatusRow], int | None]:
        """IDs, the body (also encoded) and its outbox record; runs in a worker thread."""
        with gc_paused():
            outgoing = with_ids(prepared, datetime.now(UTC))
        body = to_json(outgoing, channels=flow)
        encoded = encode_body(body)
        send_id = None
        if self.outbox is not None:
            send_id = self.outbox.record_before_send(
                self.target.profile, self.target.base_url, body, encoded.decode("utf-8")
            )
        row = StatusRow
        rows = [row(d.phone or d.email or "", d.message_id or "") for d in outgoing.destinations]
        return body, encoded, rows, send_id

    async def _send(self, prepared: OmniMessage, flow: list[str] | None) -> None:
        try:
            body, encoded, rows, send_id = await asyncio.to_thread(self._prepare, prepared, flow)
        except StorageError as exc:
            self._set_busy(False)
            self.send_failed.emit(str(exc))
            return
        # The body and rows live until the answer: keep the collector from walking them (they
        # hold no cycles, so reference counting still frees them).
        gc.freeze()
        bulk_id = str(body.get("bulkId", ""))
        self.send_started.emit(bulk_id, rows)
        try:
            response = await self.client.send_advanced(body, encoded)
        except OmniError as exc:
            self._set_busy(False)
            state = SendState.REJECTED
            if isinstance(exc, OutcomeUnknown):
                state = SendState.UNKNOWN
            elif isinstance(exc, NotSent):
                state = SendState.NOT_SENT
            sentence = exc.sentence
            self._record(lambda outbox, sid: outbox.record_failure(sid, state, sentence), send_id)
            if state is SendState.UNKNOWN:
                now = datetime.now(UTC)
                unknown = [replace(r, status=UNKNOWN_STATUS, updated_at=now) for r in rows]
                self.send_finished.emit(bulk_id, unknown)
            else:
                self.send_finished.emit(bulk_id, [])
            self.send_failed.emit(sentence)
            return
        answered = await asyncio.to_thread(self._answered, response, rows, send_id)
        gc.freeze()  # the answered rows live on in the status table
        self._set_busy(False)
        self.send_finished.emit(response.bulk_id or bulk_id, answered)
        self._start(self._poll_reports(bulk_id, {r.message_id for r in rows}), "poll reports")
        # Freeing a big send's request and answer (100,000-odd objects) here would hold the
        # window for ~10 ms: a worker frees them, one at a time.
        garbage: list[object] = [body, encoded, rows, response]
        del body, encoded, rows, response
        await asyncio.to_thread(_free, garbage)

    def _answered(
        self, response: SendResponse, rows: list[StatusRow], send_id: int | None
    ) -> list[StatusRow]:
        """Record the answer and give each row its status; runs in a worker thread."""
        self._record(lambda outbox, sid: outbox.record_answer(sid, response.raw), send_id)
        now = datetime.now(UTC)
        by_id = {m.message_id: m.status for m in response.messages}
        row = StatusRow
        return [
            row(r.to, r.message_id, by_id.get(r.message_id, UNKNOWN_STATUS), updated_at=now)
            for r in rows
        ]

    def _record(self, write: Callable[[Outbox, int], object], send_id: int | None) -> None:
        """Write an answer to the outbox; a failure there is told, the send's outcome stands."""
        if self.outbox is None or send_id is None:
            return
        try:
            write(self.outbox, send_id)
        except StorageError as exc:
            log.warning("The send's outcome could not be recorded: %s", exc)
            self.notice.emit(str(exc))  # queued to the GUI thread when called from a worker

    async def _poll_reports(self, bulk_id: str, pending: set[str]) -> None:
        """Fetch delivery reports for this bulk until every message is final (or long enough)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.REPORT_POLL_LIMIT_SECONDS
        while pending and loop.time() < deadline:
            await asyncio.sleep(self.REPORT_POLL_SECONDS)
            try:
                reports = await self.client.reports(bulk_id=bulk_id, limit=1000)
            except OmniError as exc:
                log.info("Reports could not be fetched: %s", exc.sentence)
                continue
            if reports:
                if self.outbox is not None:
                    try:
                        await asyncio.to_thread(self.outbox.apply_reports, reports)
                    except StorageError as exc:
                        self.notice.emit(str(exc))
                for report in reports:
                    if report.status.is_final:
                        pending.discard(report.message_id)
                self.reports_arrived.emit(reports)

    def set_target(self, target: TargetLike, client: OmniClient) -> None:
        """Send through another account from now on (the caller closes the old client)."""
        self.target = target
        self.client = client
        self.scenarios = []
        self.target_changed.emit()
        self.scenario_changed.emit(None)
        self.refresh_scenarios()

    async def shutdown(self) -> None:
        """Wait for a send in flight (never cancelled), stop polling, before the client closes."""
        sends = [t for t in self._tasks if t.get_name() == "send"]
        if sends:
            await asyncio.wait(sends)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(list(self._tasks))


def _free(garbage: list[object]) -> None:
    """Drop each object in turn; between them a worker thread lets the event loop run."""
    while garbage:
        garbage.pop()
