"""The campaign's progress under the send bar: requests and messages done of the total, the
current rate and the time left, and Pause / Resume / Cancel (between requests)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QSizePolicy, QWidget

from omni_desktop.storage.campaigns import CampaignState

from omni_desktop.services.campaigns import Progress, duration_text

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label

STEPS = 1000  # the bar's resolution
SHOWN_PER_SECOND = 4


def progress_text(p: Progress) -> str:
    """ "Campaign #3: 12 of 100 requests · 12,000 of 100,000 messages · 4,200/min · 3 min left"."""
    parts = [
        tr("{done} of {total} requests").format(done=p.requests_done, total=p.requests_total),
        tr("{done:,} of {total:,} messages").format(done=p.messages_done, total=p.messages_total),
    ]
    if p.state is CampaignState.RUNNING:
        if p.rate_per_minute:
            parts.append(tr("{rate:,.0f}/min").format(rate=p.rate_per_minute))
        if p.eta_seconds is not None and p.messages_done < p.messages_total:
            parts.append(tr("about {time} left").format(time=duration_text(p.eta_seconds)))
    else:
        parts.append(state_word(p.state))
    problems = [
        (p.rejected, tr("{n:,} rejected")),
        (p.unknown, tr("{n:,} of unknown outcome")),
    ]
    parts += [text.format(n=n) for n, text in problems if n]
    return " · ".join(parts)


def state_word(state: CampaignState) -> str:
    words = {
        CampaignState.PAUSED: tr("paused"),
        CampaignState.CANCELLED: tr("cancelled"),
        CampaignState.FINISHED: tr("finished"),
    }
    return words.get(state, tr("running"))


class CampaignBar(QWidget):
    """Hidden until a campaign starts or is resumed; stays after it ends until the next send."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaign_bar")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("campaign_progress")
        self.bar.setRange(0, STEPS)
        self.bar.setAccessibleName(tr("Campaign progress"))
        self.bar.setTextVisible(True)
        self.bar.setFormat("%p%")
        self.bar.setMaximumWidth(180)
        self.label = plain_label("", self)
        self.label.setObjectName("campaign_text")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note = plain_label("", self)
        self.note.setObjectName("campaign_note")
        self.pause_button = QPushButton(tr("Pause"), self)
        self.pause_button.setObjectName("campaign_pause")
        self.pause_button.setToolTip(tr("No request starts after this; those on their way finish."))
        self.resume_button = QPushButton(tr("Resume"), self)
        self.resume_button.setObjectName("campaign_resume")
        self.cancel_button = QPushButton(tr("Cancel campaign"), self)
        self.cancel_button.setObjectName("campaign_cancel")
        self.cancel_button.setToolTip(
            tr("The requests not started are never sent; those on their way finish.")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)
        self.set_running(False)
        self._latest: Progress | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1000 // SHOWN_PER_SECOND)
        self._timer.timeout.connect(self._on_timer_timeout)

    def show_progress(self, progress: Progress) -> None:
        """Show it, at most SHOWN_PER_SECOND times a second while it runs (each redraw of the
        bar costs the window a few milliseconds); the end at once."""
        self._latest = progress
        if progress.state is not CampaignState.RUNNING:
            self._timer.stop()
            self._show(progress)
        elif not self._timer.isActive():
            self._show(progress)
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        if self._latest is not None:
            self._show(self._latest)

    def _show(self, progress: Progress) -> None:
        self.setVisible(True)
        # QProgressBar repaints at once when its value changes, which paints every pending
        # part of the window (the table's new rows too): 4-5 ms each time during a campaign.
        # With updates held it is only marked for the window's next paint.
        self.bar.setUpdatesEnabled(False)
        self.bar.setValue(round(progress.fraction * STEPS))
        self.bar.setUpdatesEnabled(True)
        text = progress_text(progress)
        if progress.note and progress.state is not CampaignState.RUNNING:
            text += " — " + progress.note
        self.label.setText(text)
        self.label.setToolTip(text)
        held = progress.state is CampaignState.PAUSED
        self.resume_button.setVisible(held)
        self.cancel_button.setVisible(held or progress.state is CampaignState.RUNNING)

    def set_running(self, running: bool) -> None:
        self.pause_button.setVisible(running)
        self.pause_button.setEnabled(running)
        self.resume_button.setVisible(not running and self.resume_button.isVisible())
        if running:
            self.setVisible(True)
            self.cancel_button.setVisible(True)
            self.resume_button.setVisible(False)
