"""`CampaignController`: the campaign presenter's news in the window (the status table, the
progress bar, Send held while it runs) and the operator's questions: continue a campaign an
earlier session left, send again the requests the logs do not show, cancel the rest."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from omni_desktop.core.message import OmniMessage
from omni_desktop.core.scenario import tried_channels

from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignRecord, CampaignState
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaigns import Progress
from omni_desktop.services.preparing import choose_scenario

from omni_desktop.ui.campaign.bar import CampaignBar, progress_text
from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.plain import plain_message_box

if TYPE_CHECKING:
    from omni_desktop.ui.window.window import MainWindow


class CampaignController(QObject):
    """Owned by the window; connects `presenter.campaign` to the widgets."""

    def __init__(self, window: MainWindow, bar: CampaignBar) -> None:
        super().__init__(window)
        self._window = window
        self.bar = bar
        self.campaign = campaign = window.presenter.campaign
        model = window.status_panel.model
        campaign.started.connect(self._on_campaign_started)
        campaign.recorded.connect(self._on_campaign_recorded)
        campaign.rows_added.connect(model.append_rows)
        campaign.rows_answered.connect(model.update_from_reports)
        campaign.rows_unknown.connect(model.mark_outcome_unknown)
        campaign.rows_removed.connect(model.remove_messages)
        campaign.reports_arrived.connect(model.update_from_reports)
        campaign.progress.connect(bar.show_progress)
        campaign.running_changed.connect(self._on_campaign_running_changed)
        campaign.finished.connect(self._on_campaign_finished)
        campaign.failed.connect(self._on_campaign_failed)
        campaign.notice.connect(self._on_campaign_notice)
        campaign.missing_found.connect(self._on_campaign_missing_found)
        window.presenter.fallbacks_changed.connect(window.device_preview.set_fallbacks)
        bar.pause_button.clicked.connect(self._on_pause_clicked)
        bar.resume_button.clicked.connect(self._on_resume_clicked)
        bar.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.offer: QMessageBox | None = None

    # --- the presenter's news ----------------------------------------------------------------

    def _on_campaign_started(self, campaign_id: int) -> None:
        window = self._window
        panel = window.status_panel
        panel.clear_error()
        panel.set_flow(window.sending.funnel_flow())
        panel.model.set_rows([])
        panel.model.bulk_id = tr("campaign #{id}").format(id=campaign_id)
        window.bottom_tabs.setCurrentWidget(panel)

    def _on_campaign_recorded(self, message: OmniMessage) -> None:
        """An earlier session's campaign: the funnel follows its own scenario and content,
        not the draft now in the window."""
        scenario = choose_scenario(self._window.presenter.scenarios, message.scenario_key)
        self._window.status_panel.set_flow(tried_channels(scenario, message))

    def _on_campaign_running_changed(self, running: bool) -> None:
        window = self._window
        self.bar.set_running(running)
        window.send_button.setEnabled(not running)
        window.commands.send.setEnabled(not running)
        if running:
            window.send_reason.setText(
                tr("A campaign is sending; Pause or Cancel act between its requests.")
            )
            window.send_reason.setStyleSheet("")
        elif window.presenter.result is not None:
            window.sending.on_validation_changed(window.presenter.result)

    def _on_campaign_finished(self, record: CampaignRecord) -> None:
        last = self.campaign.last
        if last is not None:
            self._window.statusBar().showMessage(progress_text(last), 15000)
        if record.state is CampaignState.FINISHED and record.count(SendState.UNKNOWN):
            self._window.status_panel.show_error(
                trn(
                    "%n request(s) of the campaign got no answer, so their outcome is unknown; "
                    "File > History > Check status settles them.",
                    None,
                    record.count(SendState.UNKNOWN),
                )
            )

    def _on_campaign_failed(self, sentence: str) -> None:
        self._window.status_panel.show_error(sentence)
        self._window.bottom_tabs.setCurrentWidget(self._window.status_panel)

    def _on_campaign_notice(self, sentence: str) -> None:
        self._window.statusBar().showMessage(sentence, 15000)

    # --- the bar's buttons -------------------------------------------------------------------

    def _on_pause_clicked(self) -> None:
        self.campaign.pause()
        self.bar.pause_button.setEnabled(False)  # until the requests in flight are back

    def _on_resume_clicked(self) -> None:
        self.campaign.resume()

    def _on_cancel_clicked(self) -> None:
        last = self.campaign.last
        left = last.requests_total - last.requests_done if last is not None else 0
        box = plain_message_box(
            self._window,
            QMessageBox.Icon.Question,
            tr("Cancel the campaign?"),
            trn(
                "The %n request(s) not started yet will never be sent; those on their way "
                "finish. This cannot be undone.",
                None,
                left,
            ),
        )
        box.setObjectName("cancel_campaign_box")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        on_button(box, box.button(QMessageBox.StandardButton.Yes), self.campaign.cancel)
        self._window.keep_open(box)
        box.open()

    # --- an earlier session's campaign -------------------------------------------------------

    def offer_resume(self) -> asyncio.Task[Any] | None:
        """After start-up: offer to continue a campaign an earlier session did not finish."""
        outbox = self.campaign.outbox
        if outbox is None:
            return None
        return self.campaign.tasks.start(self._offer_resume(outbox), "offer resume")

    async def _offer_resume(self, outbox: Any) -> None:
        try:
            found = await asyncio.to_thread(store.resumable, outbox)
        except StorageError as exc:
            self._window.statusBar().showMessage(str(exc), 15000)
            return
        mine = [c for c in found if c.profile == self.campaign.target.profile]
        if not mine or self.campaign.running:
            return
        record = mine[-1]
        unknown = record.count(SendState.UNKNOWN)
        text = tr(
            "Campaign #{id} stopped after {started} of {total} requests ({messages:,} "
            "messages). Continue it now? Only the requests never started are sent."
        ).format(
            id=record.id,
            started=record.started,
            total=record.request_count,
            messages=record.message_count,
        )
        if unknown:
            text += " " + trn(
                "%n request(s) got no answer: the logs are asked about them first, and "
                "none is sent again without your word.",
                None,
                unknown,
            )
        box = plain_message_box(
            self._window, QMessageBox.Icon.Question, tr("Continue the campaign?"), text
        )
        box.setObjectName("resume_campaign_box")
        box.setStandardButtons(QMessageBox.StandardButton.NoButton)
        go = box.addButton(tr("&Continue"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go)
        on_button(box, go, lambda: self._continue(record))
        self.offer = box
        self._window.keep_open(box)
        box.open()

    def _continue(self, record: CampaignRecord) -> None:
        if record.count(SendState.UNKNOWN):
            self.campaign.settle(record.id)  # then missing_found, then resume
        else:
            self.campaign.resume(record.id)

    def _on_campaign_missing_found(self, campaign_id: int, send_ids: list[int]) -> None:
        if not send_ids:
            self.campaign.resume(campaign_id)
            return
        box = plain_message_box(
            self._window,
            QMessageBox.Icon.Warning,
            tr("Send these requests again?"),
            trn(
                "The logs show no message of %n request(s) whose answer never came: they may "
                "never have arrived. Send them again with new IDs? If they were sent moments "
                "ago, the logs may not show them yet: choose No and check again later.",
                None,
                len(send_ids),
            ),
        )
        box.setObjectName("resend_missing_box")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)

        yes = box.button(QMessageBox.StandardButton.Yes)

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self.campaign.resend(campaign_id, send_ids)
            self.campaign.resume(campaign_id)

        box.finished.connect(answered)
        self._window.keep_open(box)
        box.open()

    def show_progress(self, progress: Progress) -> None:
        self.bar.show_progress(progress)


def on_button(box: QMessageBox, button: QAbstractButton, act: Callable[[], object]) -> None:
    """Run `act` when the box closes through `button` (its result code says nothing of it)."""
    box.finished.connect(lambda _result: act() if box.clickedButton() is button else None)


__all__ = ["CampaignController"]
