"""`SendController`: the presenter's state shown in the window, and the way to a send.

Problems go beside their fields and into the Problems tab, the request into the preview, the
scenario's flow onto the channel tabs; the send bar says what blocks a send or what it will
do; Send opens the confirm step; the send's rows and failures go to the status panel.

A fresh draft shows no problem in red: a problem shows once the operator has touched its part
of the draft (the recipients, a channel, the schedule, the report options), and all of them
once Send is pressed or a draft is opened, restored or copied (someone already worked on it).
Per part rather than per field, because the validation's paths name parts, and a sentence
about rows one has not typed yet would be as unwelcome as one about an empty draft.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor

from omni_desktop.core.addresses import homes_named
from omni_desktop.core.message import OmniMessage
from omni_desktop.core.personalise import segment_range, used_fields
from omni_desktop.core.scenario import Scenario, TimedTimeline, timed_timeline, tried_channels
from omni_desktop.core.validation import Problem, ValidationResult

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.theme import error_css

if TYPE_CHECKING:
    from omni_desktop.ui.presenter import SendSummary
    from omni_desktop.ui.window.window import MainWindow

PREVIEW_DESTINATIONS = 50  # the preview shows this many; Copy gives all
# Rows from which the SMS segments over all rows are counted in a worker: 100,000 distinct
# texts take over a second, which the window would stand still for after each edit.
SEGMENTS_IN_WORKER = 5_000
_COUNTING = "count segments"
_CONFIRMING = "count the campaign"


@dataclass(frozen=True, eq=False)
class _Segments:
    """What the segments over all rows were (or are being) counted for."""

    prepared: OmniMessage
    flow: list[str] | None
    fallbacks: dict[str, str]

    def __eq__(self, other: object) -> bool:  # the same draft check, flow and fallbacks
        return (
            isinstance(other, _Segments)
            and other.prepared is self.prepared
            and other.flow == self.flow
            and other.fallbacks == self.fallbacks
        )

    __hash__ = None  # type: ignore[assignment]


TIMELINE_TICK_MS = 30_000  # "send now" moves with the clock: the timeline follows


class SendController(QObject):
    """Connects the presenter's signals to the window's widgets; owned by the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # JSON-path prefixes whose problems are shown; None: every problem.
        self._touched: set[str] | None = set()
        self._segments_wanted: _Segments | None = None
        p = window.presenter
        p.validation_changed.connect(self.on_validation_changed)
        p.scenarios_loaded.connect(self._on_presenter_scenarios_loaded)
        p.scenarios_failed.connect(window.scenario_picker.show_failure)
        p.scenario_changed.connect(self.on_scenario_changed)
        p.busy_changed.connect(self._on_presenter_busy_changed)
        p.send_started.connect(self._on_presenter_send_started)
        p.send_finished.connect(self._on_presenter_send_finished)
        p.send_failed.connect(self._on_presenter_send_failed)
        p.reports_arrived.connect(window.status_panel.model.update_from_reports)
        p.notice.connect(self._on_presenter_notice)
        self._timeline_timer = QTimer(self)
        self._timeline_timer.setInterval(TIMELINE_TICK_MS)
        self._timeline_timer.timeout.connect(self.show_timeline)
        self._timeline_timer.start()

    # --- what the operator has touched ----------------------------------------------------------

    def reset_touched(self) -> None:
        """A fresh draft: no problem shows until its part is edited or Send is pressed."""
        self._touched = set()

    def touch(self, *prefixes: str) -> None:
        """The operator edited these parts (JSON paths): their problems show from now on."""
        if self._touched is not None:
            self._touched.update(prefixes)
            self._reshow()

    def touch_all(self) -> None:
        """Show every problem (Send pressed, or a draft opened that someone worked on)."""
        self._touched = None
        self._reshow()

    def shown(self, problem: Problem) -> bool:
        """Whether `problem` belongs to a part the operator has touched."""
        touched = self._touched
        if touched is None:
            return True
        path = problem.path
        return any(
            path == t or (t and (path.startswith(t + ".") or path.startswith(t + "[")))
            for t in touched
        )

    def _reshow(self) -> None:
        result = self._window.presenter.result
        if result is not None:
            self.on_validation_changed(result)

    # --- presenter -> widgets ------------------------------------------------------------------

    def on_validation_changed(self, result: ValidationResult) -> None:
        window = self._window
        visible = [p for p in result.problems if self.shown(p)]
        for composer in window.composers.values():
            prefix = composer.spec.key + "."
            composer.show_problems([p for p in visible if p.path.startswith(prefix)])
        self._show_personal_segments(result)
        window.problems.set_problems(visible)
        self._offer_home_reading(result)
        label = tr("Problems")
        if visible:
            label = tr("Problems ({n})").format(n=len(visible))
        window.bottom_tabs.setTabText(window.bottom_tabs.indexOf(window.problems), label)
        total = len(result.prepared.destinations)
        presenter = window.presenter
        window.preview.set_body(
            presenter.request_json(limit=PREVIEW_DESTINATIONS), total, presenter.request_json
        )
        self._show_send_state(result)
        self.show_timeline()

    def _offer_home_reading(self, result: ValidationResult) -> None:
        """Numbers read abroad though valid in the default country: the recipients pane
        offers to write them all as that country's (`+` and the digits it reads)."""
        checked = result.checked
        numbers, country = [], ""
        if checked is not None and checked.read_abroad and checked.region:
            homes = checked.read_abroad
            numbers = [(checked.inputs[i], home.written) for i, home in homes.items()]
            country = homes_named(homes.values(), checked.region)
        self._window.recipients.offer_home_reading(numbers, country)

    def _show_personal_segments(self, result: ValidationResult) -> None:
        """Under the SMS counter, with {{Field}} placeholders: the segments over all rows,
        counted in a worker for a big list (every row's text is made and counted)."""
        window = self._window
        composer = window.composers.get("sms")
        if composer is None:
            return
        presenter = window.presenter
        prepared, flow = result.prepared, presenter.flow_keys()
        if not (used_fields(prepared, flow) and prepared.destinations):
            self._segments_wanted = None
            composer.set_personal_note("")
            return
        wanted = _Segments(prepared, flow, dict(presenter.fallbacks))
        if wanted == self._segments_wanted:
            return  # counted already, or being counted
        self._segments_wanted = wanted
        if len(prepared.destinations) < SEGMENTS_IN_WORKER:
            self._show_segments(segment_range(prepared, flow, wanted.fallbacks))
        else:
            composer.set_personal_note(tr("counting the segments of every row…"))
            if not window.tasks.running(_COUNTING):
                window.tasks.start(self._count_segments(), _COUNTING)

    async def _count_segments(self) -> None:
        """Count in a worker until the count is of the draft as it is (edits meanwhile)."""
        while (wanted := self._segments_wanted) is not None:
            spread = await asyncio.to_thread(
                segment_range, wanted.prepared, wanted.flow, wanted.fallbacks
            )
            if wanted is self._segments_wanted:
                self._show_segments(spread)
                return

    def _show_segments(self, spread: tuple[int, int, int] | None) -> None:
        note = ""
        if spread is not None:
            low, high, total = spread
            span = str(low) if low == high else f"{low}–{high}"
            note = tr("per row {span}, {total:,} in all").format(span=span, total=total)
        composer = self._window.composers.get("sms")
        if composer is not None:
            composer.set_personal_note(note)

    def timeline(self, now: datetime | None = None) -> tuple[TimedTimeline | None, str]:
        """The failover timeline of the draft as it would be sent now (or at its `sendAt`),
        in the schedule's zone, and that zone's name; None without a scenario."""
        window = self._window
        presenter = window.presenter
        scenario = presenter.scenario
        if scenario is None:
            return None, ""
        message = self._message()
        moment = window.schedule.send_at()
        zone = moment.tzinfo if moment is not None and isinstance(moment.tzinfo, ZoneInfo) else None
        start = moment or now or datetime.now(UTC)
        note = zone.key if zone is not None else tr("local time")
        return timed_timeline(scenario, message, start, zone), note

    def _message(self) -> OmniMessage:
        presenter = self._window.presenter
        return presenter.result.prepared if presenter.result else presenter.message

    def funnel_flow(self) -> list[str]:
        """The channels the draft's send tries, in order (those with content): the funnel's."""
        return tried_channels(self._window.presenter.scenario, self._message())

    def show_timeline(self) -> None:
        """Redraw the timeline under the scenario from the draft, schedule and scenario."""
        timeline, note = self.timeline()
        self._window.timeline.set_timeline(timeline, note)

    def on_scenario_changed(self, scenario: Scenario | None) -> None:
        """Number the channel tabs by the scenario's flow; grey the ones it leaves out."""
        window = self._window
        known = bool(window.presenter.scenarios)
        tabs = window.tabs
        bar = tabs.tabBar()
        normal = window.palette().color(window.palette().ColorRole.WindowText)
        muted = window.palette().color(window.palette().ColorRole.PlaceholderText)
        for index in range(tabs.count()):
            composer = window.composer_at(index)
            if composer is None:
                continue
            spec = composer.spec
            step = scenario.step_of(spec.key) if scenario else None
            sender = scenario.flow[step - 1].sender if scenario and step else ""
            composer.set_flow_step(step, sender, known and scenario is not None)
            if not known or scenario is None:
                title, colour, tip = spec.label, normal, ""
            elif step is None:
                # A short title, so six tabs fit at 1024 px; the muted colour, the tooltip, the
                # tab's accessible name and the note inside the tab say it is not sent.
                title = spec.label
                colour = muted
                tip = tr("Not in the scenario's flow: this content is not sent.")
            else:
                title = f"{step} · {spec.label}"
                colour = normal
                tip = tr("Step {n} of the flow").format(n=step)
            tabs.setTabText(index, title)
            bar.setTabTextColor(index, QColor(colour))
            tabs.setTabToolTip(index, tip)
            bar.setAccessibleTabName(index, f"{title}: {tip}" if tip else title)
        self.show_timeline()

    def _show_send_state(self, result: ValidationResult) -> None:
        window = self._window
        if window.presenter.busy:
            return
        errors = [p for p in result.errors if self.shown(p)]
        if errors:
            first = errors[0]
            more = len(errors) - 1
            text = "✖ " + first.message
            if more:
                text += " " + trn("(+%n more in Problems)", None, more)
            window.send_reason.setText(text)
            window.send_reason.setStyleSheet(error_css())
        elif result.errors:  # not touched yet: a hint, not a reproach
            window.send_reason.setText(
                tr("Add recipients and write the message; Send checks the whole draft.")
            )
            window.send_reason.setStyleSheet("")
        else:
            n = len(result.prepared.destinations)
            used = result.prepared.used_channels()
            flow = window.presenter.flow_keys()
            order = [k for k in flow if k in used] if flow is not None else used
            channels = ", ".join(window.composers[k].spec.label for k in order)
            text = trn("Ready to send to %n recipient(s) via {channels}.", None, n).format(
                channels=channels or "—"
            )
            warnings = [p for p in result.warnings if self.shown(p)]
            if warnings:
                text += " " + trn("%n warning(s).", None, len(warnings))
            window.send_reason.setText(text)
            window.send_reason.setStyleSheet("")

    def _on_presenter_scenarios_loaded(self, scenarios: list[Scenario]) -> None:
        key = self._window.presenter.message.scenario_key
        self._window.scenario_picker.set_scenarios(scenarios, key)

    def _on_presenter_busy_changed(self, busy: bool) -> None:
        window = self._window
        window.busy.setVisible(busy)
        window.send_button.setEnabled(not busy)
        window.commands.send.setEnabled(not busy)
        if busy:
            window.send_reason.setText(tr("Sending… the request cannot be cancelled once written."))
            window.send_reason.setStyleSheet("")
        elif window.presenter.result is not None:
            self._show_send_state(window.presenter.result)

    def _on_presenter_send_started(self, bulk_id: str, rows: list[Any]) -> None:
        panel = self._window.status_panel
        panel.clear_error()
        panel.set_flow(self.funnel_flow())
        panel.model.bulk_id = bulk_id
        panel.model.set_rows(rows)
        self._window.bottom_tabs.setCurrentWidget(panel)

    def _on_presenter_send_finished(self, bulk_id: str, rows: list[Any]) -> None:
        model = self._window.status_panel.model
        model.bulk_id = bulk_id
        model.set_rows(rows)
        if rows:
            self._window.statusBar().showMessage(
                trn("Sent: %n message(s) accepted, bulk {bulk}.", None, len(rows)).format(
                    bulk=bulk_id
                ),
                8000,
            )

    def _on_presenter_send_failed(self, sentence: str) -> None:
        self._window.status_panel.show_error(sentence)
        self._window.bottom_tabs.setCurrentWidget(self._window.status_panel)

    def _on_presenter_notice(self, sentence: str) -> None:
        self._window.statusBar().showMessage(sentence, 15000)
        self._window.status_panel.show_error(sentence)

    # --- Send ----------------------------------------------------------------------------------

    def on_send_requested(self) -> None:
        """Refuse with the first reason (and go to its field), or open the confirm step."""
        window = self._window
        self.touch_all()
        refusal = window.schedule.refusal() or window.presenter.send_refusal()
        if refusal is not None:
            window.send_reason.setText("✖ " + refusal)
            window.send_reason.setStyleSheet(error_css())
            result = window.presenter.result
            if result and result.errors:
                window.focus_path(result.errors[0].path)
            return
        presenter = window.presenter
        result = presenter.result
        big = result is not None and len(result.prepared.destinations) >= SEGMENTS_IN_WORKER
        if big and presenter.is_campaign():
            if not window.tasks.running(_CONFIRMING):
                window.send_reason.setText(tr("Counting the campaign's requests and segments…"))
                window.send_reason.setStyleSheet("")
                window.tasks.start(self._confirm_counted(), _CONFIRMING)
            return
        self._open_confirm(presenter.summary())

    async def _confirm_counted(self) -> None:
        """The confirm step of a big campaign, its requests and segments counted in a worker
        (every row's texts are made: seconds for 100,000 rows of their own values)."""
        window = self._window
        presenter = window.presenter
        result = presenter.result
        count = presenter.campaign_figures()
        figures = await asyncio.to_thread(count)
        if presenter.result is not result or presenter.busy or presenter.campaign.running:
            if presenter.result is not None:
                self._show_send_state(presenter.result)
            window.send_reason.setText(
                tr("The draft changed while its campaign was counted; press Send again.")
            )
            return
        if presenter.result is not None:
            self._show_send_state(presenter.result)
        self._open_confirm(presenter.summary(figures))

    def _open_confirm(self, summary: SendSummary) -> None:
        window = self._window
        timeline, note = self.timeline()
        dialog = ConfirmSendDialog(summary, window, timeline, note)
        dialog.accepted.connect(lambda: self._on_confirm_accepted(dialog))
        window.keep_open(dialog)
        dialog.open()

    def _on_confirm_accepted(self, dialog: ConfirmSendDialog) -> None:
        presenter = self._window.presenter
        chunk, per_minute = dialog.chosen_options()
        options = presenter.campaign.options
        presenter.campaign.options = replace(options, chunk_size=chunk, per_minute=per_minute)
        presenter.send()
