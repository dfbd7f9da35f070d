"""The composer's presenter: owns the draft message, validation, scenarios and every async call.

Widgets edit the draft through it and listen to its signals; they never call the client. Every
task it starts is kept by its `TaskKeeper` until it ends, and a send is never cancelled once
started.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.message import OmniMessage, to_json
from omni_desktop.core.personalise import group_sizes
from omni_desktop.core.personalise import segment_range as personal_segments
from omni_desktop.core.scenario import Scenario
from omni_desktop.core.status import Status
from omni_desktop.core.validation import Problem, ValidationResult

from omni_desktop.api.errors import OmniError
from omni_desktop.api.responses import SendResponse
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaign_plan import goes_as_campaign, request_count
from omni_desktop.services.preparing import check, choose_scenario, reuse_problem
from omni_desktop.services.reports import HALT_GRACE_SECONDS, catch_up, poll_reports
from omni_desktop.services.sending import Sender
from omni_desktop.services.targets import Target

from omni_desktop.ui.campaign.presenter import CampaignPresenter
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import TaskKeeper
from omni_desktop.ui.status.rows import StatusRow

if TYPE_CHECKING:
    from omni_desktop.api.client import OmniClient

log = logging.getLogger("omni_desktop.ui")

CATCH_UP = "catch up reports"  # the task fetching the reports of earlier sessions' sends

UNKNOWN_STATUS = Status(
    -1,
    "UNKNOWN",
    -1,
    "OUTCOME_UNKNOWN",
    "No answer arrived: the message may or may not have been sent.",
    "Check the status before sending again.",
)


# A campaign's rows per distinct content, and its SMS segments (fewest, most, total).
CampaignFigures = tuple[tuple[int, ...], tuple[int, int, int] | None]


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
    # A campaign: the sizes of its groups of identical content (each cut into requests).
    groups: tuple[int, ...] = ()
    segment_range: tuple[int, int, int] | None = None  # SMS: fewest, most, total of the send
    chunk_size: int = 1000

    @property
    def is_campaign(self) -> bool:
        return bool(self.groups)

    def requests(self, chunk: int | None = None) -> int:
        """How many requests the send takes with `chunk` destinations a request at most."""
        return request_count(self.groups, chunk or self.chunk_size) if self.groups else 1


class ComposerPresenter(QObject):
    """Holds one draft and turns edits, scenario choices and sends into signals for the window."""

    # Lists travel as `object`: a `list` signal copies each one into a QVariantList and back,
    # in the event loop (docs/performance.md).
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
    fallbacks_changed = Signal(object)  # dict[str, str]: {{Field}} -> its fallback text

    VALIDATION_DELAY_MS = 150
    REPORT_POLL_SECONDS = 2.0
    REPORT_POLL_LIMIT_SECONDS = 30 * 60

    def __init__(
        self,
        client: OmniClient | None,
        target: Target,
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
        self.tasks = TaskKeeper(awaited=("send",))
        self._halt = asyncio.Event()  # set at shutdown: report polls end between calls
        self._started_at = datetime.now(UTC)  # the sends before it: their reports caught up
        self.fallbacks: dict[str, str] = {}  # {{Field}} -> the text for rows without a value
        self.campaign = CampaignPresenter(client, target, outbox, self.tasks, self)
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
        return choose_scenario(self.scenarios, self.message.scenario_key)

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
        self.result = check(
            self.message,
            self.target,
            self.flow_keys(),
            datetime.now(UTC),
            previous=self.result,
            fallbacks=self.fallbacks,
        )
        self.validation_changed.emit(self.result)
        return self.result

    def take_result(self, result: ValidationResult | None) -> None:
        """A check of the draft as it is now, made elsewhere (the import's worker, for 100,000
        rows): the next validation reuses its recipients' part instead of checking them again."""
        self.result = result

    def send_refusal(self) -> str | None:
        """Why Send is refused right now, in one sentence, or None when it may go."""
        if self.busy or self.campaign.running:
            return tr("A send is in progress; wait for its answer.")
        if self.client is None:
            return tr("Still connecting; send again in a moment.")
        result = self.validate_now()
        errors = result.errors
        if not errors:
            reused = reuse_problem(self.outbox, self.message)
            if reused is None:
                return None
            errors = [reused]
        return refusal_sentence(errors)

    def campaign_figures(self) -> Callable[[], CampaignFigures]:
        """The campaign's request groups and SMS segments, to be counted (in a worker, for a
        big list: every row's texts are made) from the draft as it is now."""
        result = self.result or self.validate_now()
        prepared, flow, fallbacks = result.prepared, self.flow_keys(), dict(self.fallbacks)

        def count() -> CampaignFigures:
            sizes = tuple(group_sizes(prepared, flow, fallbacks))
            return sizes, personal_segments(prepared, flow, fallbacks)

        return count

    def summary(self, figures: CampaignFigures | None = None) -> SendSummary:
        """What will be sent, for the confirm step; `figures` counted already, if they were."""
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
        groups: tuple[int, ...] = ()
        if self.is_campaign():
            groups, segment_range = figures or self.campaign_figures()()
            segments = segment_range[1] if segment_range is not None else segments
        else:
            segment_range = None
        return SendSummary(
            groups=groups,
            segment_range=segment_range,
            chunk_size=self.campaign.options.chunk_size,
            target=self.target.label,
            is_sandbox=self.target.is_sandbox,
            recipients=len(prepared.destinations),
            channels=channels,
            sms_segments=segments,
            scheduled=scheduled,
            warnings=[p.message for p in result.warnings],
            account="" if self.target.is_sandbox else self.target.name,
        )

    # --- async work ------------------------------------------------------------------------------

    def refresh_scenarios(self) -> asyncio.Task[Any]:
        return self.tasks.start(self._load_scenarios(), "load scenarios")

    async def _load_scenarios(self) -> None:
        if self.client is None:  # not connected yet: `use_client()` loads them
            return
        try:
            scenarios = await self.client.list_scenarios()
        except OmniError as exc:
            self.scenarios_failed.emit(exc.sentence)
            return
        self.scenarios = scenarios
        self.scenarios_loaded.emit(scenarios)
        self.scenario_changed.emit(self.scenario)
        self._validate_timer.start()

    def set_fallbacks(self, fallbacks: dict[str, str]) -> None:
        """The texts for {{Field}} placeholders that a row leaves empty (never sent alone)."""
        self.fallbacks = {k: v for k, v in fallbacks.items() if v.strip()}
        self.fallbacks_changed.emit(dict(self.fallbacks))
        self.message_changed.emit()
        self.validate_now()

    def is_campaign(self) -> bool:
        """Whether a send goes as a campaign: personalised, or more rows than one request."""
        result = self.result or self.validate_now()
        chunk = self.campaign.options.chunk_size
        return goes_as_campaign(result.prepared, self.flow_keys(), chunk)

    def send(self) -> asyncio.Task[Any] | None:
        """Post the draft (the caller has confirmed). Returns None when it may not go.

        The request is recorded in the outbox, durably, before it goes out; when that record
        cannot be written nothing is sent. The heavy parts of a big send (IDs, JSON, the
        outbox, the answer's rows) run in a worker thread so the window keeps painting.
        """
        if self.send_refusal() is not None or self.result is None:
            return None
        if self.is_campaign():
            return self.campaign.start(self.result.prepared, self.flow_keys(), self.fallbacks)
        self._set_busy(True)
        return self.tasks.start(self._send(self.result.prepared, self.flow_keys()), "send")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    async def _send(self, prepared: OmniMessage, flow: list[str] | None) -> None:
        """One send through the service; whatever happens, the window is free again after."""
        assert self.client is not None  # `send_refusal` says so while it is None
        try:
            # A big send's request, answer and rows are many objects in no cycle, alive until
            # the worker frees them at the end: the collector is held meanwhile rather than
            # walking them all on each of its passes, and runs as before once they are gone.
            with gc_paused():
                await self._send_once(Sender(self.client, self.target, self.outbox), prepared, flow)
        except Exception as exc:  # a bug here must not leave Send disabled until a restart
            log.exception("The send's display failed")
            self.send_failed.emit(
                tr("Something went wrong while showing the send ({name}); see History.").format(
                    name=type(exc).__name__
                )
            )
        finally:
            if self.busy:
                self._set_busy(False)

    async def _send_once(
        self, sender: Sender, prepared: OmniMessage, flow: list[str] | None
    ) -> None:
        try:
            recorded = await asyncio.to_thread(sender.record, prepared, flow, datetime.now(UTC))
        except StorageError as exc:
            self.send_failed.emit(str(exc))
            return
        assert recorded.message is not None  # a single send keeps its message
        rows = await asyncio.to_thread(_pending_rows, recorded.message)
        self.send_started.emit(recorded.bulk_id, rows)
        outcome = await sender.post(recorded)
        if outcome.record_problem:
            self.notice.emit(outcome.record_problem)
        self._set_busy(False)
        if outcome.state is SendState.ACCEPTED:
            assert outcome.response is not None
            answered = await asyncio.to_thread(_answered_rows, outcome.response, rows)
            self.send_finished.emit(outcome.bulk_id, answered)
            pending = {r.message_id for r in rows}
            self.tasks.start(self._poll_reports(recorded.bulk_id, pending), "poll reports")
        else:
            if outcome.state is SendState.UNKNOWN:
                now = datetime.now(UTC)
                shown = [replace(r, status=UNKNOWN_STATUS, updated_at=now) for r in rows]
            else:
                shown = []
            self.send_finished.emit(outcome.bulk_id, shown)
            self.send_failed.emit(outcome.sentence or "")
        # Freeing a big send's request and answer (100,000-odd objects) here would hold the
        # window visibly: a worker frees them, one at a time.
        garbage: list[object] = [recorded, rows, outcome]
        del recorded, rows, outcome
        await asyncio.to_thread(_free, garbage)

    async def _poll_reports(self, bulk_id: str, pending: set[str]) -> None:
        """Delivery reports for this bulk until every message is final (or long enough)."""
        assert self.client is not None
        await poll_reports(
            self.client,
            self.outbox,
            bulk_id,
            pending,
            self.reports_arrived.emit,
            self.notice.emit,
            interval=self.REPORT_POLL_SECONDS,
            limit_seconds=self.REPORT_POLL_LIMIT_SECONDS,
            halt=self._halt,
        )

    def use_client(self, client: OmniClient) -> asyncio.Task[Any]:
        """The client, made after the window's first paint (its imports wait till then);
        loads the scenarios, and the reports that came while the app was closed."""
        self.client = client
        self.campaign.use(client, self.target)
        self.catch_up_reports()
        return self.refresh_scenarios()

    def catch_up_reports(self) -> None:
        """In the background: the delivery reports that came for this account's earlier sends
        while the app was closed (the API gives each once), kept in the history. Not for the
        sandbox, which starts afresh with the app."""
        client, target = self.client, self.target
        if self.outbox is None or client is None or target.is_sandbox:
            return
        self.tasks.start(self._catch_up(client, target), CATCH_UP)

    async def _catch_up(self, client: OmniClient, target: Target) -> None:
        assert self.outbox is not None
        account = (target.profile, target.base_url)
        try:
            await catch_up(
                client,
                self.outbox,
                account,
                self._started_at,
                arrived=self.reports_arrived.emit,
                halt=self._halt,
            )
        except StorageError as exc:
            self.notice.emit(str(exc))
        except OmniError as exc:  # asked again at the next start; nothing is lost
            log.info("The reports of earlier sends could not be fetched: %s", exc.sentence)
        except Exception:  # a surprise in a background chore: logged, never a dialog
            log.exception("The reports of earlier sends could not be fetched")

    def set_target(self, target: Target, client: OmniClient) -> None:
        """Send through another account from now on (the caller closes the old client)."""
        self.target = target
        self.client = client
        self.campaign.use(client, target)
        self.scenarios = []
        self.target_changed.emit()
        self.scenario_changed.emit(None)
        self.validate_now()  # the numbers are read by the new target's region at once
        self.refresh_scenarios()
        self.catch_up_reports()

    async def shutdown(self) -> None:
        """Wait for a send in flight (never cancelled) and stop polling, before the client
        closes. A report call in flight may end first (up to HALT_GRACE_SECONDS): the API
        gives each report only once, so a call cut short would lose them."""
        self.campaign.shutdown()
        self._halt.set()
        await self.tasks.close(
            ending=("poll reports", "poll campaign reports", CATCH_UP), grace=HALT_GRACE_SECONDS
        )


def refusal_sentence(errors: list[Problem]) -> str | None:
    """The send bar's sentence for `errors`, or None when there are none."""
    if not errors:
        return None
    first = errors[0].message
    if len(errors) == 1:
        return tr("Cannot send: {problem}").format(problem=first)
    return tr("Cannot send: {problem} (and {n} more problems)").format(
        problem=first, n=len(errors) - 1
    )


def _pending_rows(message: OmniMessage) -> list[StatusRow]:
    """One PENDING row per destination, in the request's order."""
    row = StatusRow
    return [row(d.phone or d.email or "", d.message_id or "") for d in message.destinations]


def _answered_rows(response: SendResponse, rows: list[StatusRow]) -> list[StatusRow]:
    """Each row with the status the answer gave it (UNKNOWN when the answer left it out)."""
    now = datetime.now(UTC)
    by_id = {m.message_id: m.status for m in response.messages}
    row = StatusRow
    return [
        row(r.to, r.message_id, by_id.get(r.message_id, UNKNOWN_STATUS), updated_at=now)
        for r in rows
    ]


def _free(garbage: list[object]) -> None:
    """Drop each object in turn; between them a worker thread lets the event loop run."""
    while garbage:
        garbage.pop()
