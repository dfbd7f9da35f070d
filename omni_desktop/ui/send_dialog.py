"""The confirm step before a send: target, recipients, channels in flow order, the totals
(recipients, requests, SMS segments) and the failover timeline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.scenario import TimedTimeline

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.presenter import SendSummary
from omni_desktop.ui.timeline import TimelineView

REQUESTS_PER_SEND = 1  # one advanced request carries every destination (not a campaign)
MAX_CHUNK = 20_000  # recipients per request the dialog offers at most


class ConfirmSendDialog(QDialog):
    """Asks once, with everything that matters in view. Opened with open(), never exec()."""

    def __init__(
        self,
        summary: SendSummary,
        parent: QWidget | None = None,
        timeline: TimedTimeline | None = None,
        zone_note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Send this message?"))
        self.setObjectName("confirm_send")
        # Plain text throughout: the target, the senders and the warnings hold the server's
        # and the operator's own text, which must show as typed, never as markup.
        lines = [
            tr("Target: {target}").format(target=summary.target)
            + (" — " + tr("nothing is delivered") if summary.is_sandbox else ""),
            tr("Recipients: {n:,}").format(n=summary.recipients),
        ]
        if summary.channels:
            lines.append(tr("Channels, in the order tried:"))
            lines += [f"  {n}. {c}" for n, c in enumerate(summary.channels, 1)]
        spread = summary.segment_range
        if spread is not None and spread[0] != spread[1]:
            lines.append(
                tr("SMS: {low}–{high} segments per recipient (the texts differ)").format(
                    low=spread[0], high=spread[1]
                )
            )
        elif summary.sms_segments is not None:
            segments = summary.sms_segments
            lines.append(trn("SMS: %n segment(s) per recipient", None, segments))
        self.summary = summary
        self.requests_line = len(lines)
        lines.append(self._requests_text(summary.chunk_size))
        self.total_segments = (summary.sms_segments or 0) * summary.recipients
        if spread is not None:
            self.total_segments = spread[2]
            lines.append(tr("SMS segments in total: {n:,}").format(n=spread[2]))
        elif summary.sms_segments is not None:
            lines.append(
                tr("SMS segments in total: {n:,} ({per} × {recipients:,} recipients)").format(
                    n=self.total_segments, per=summary.sms_segments, recipients=summary.recipients
                )
            )
        lines.append(tr("When: {when}").format(when=summary.scheduled or tr("now")))
        if summary.warnings:
            lines.append("⚠ " + tr("Warnings:"))
            lines += [f"  • {w}" for w in summary.warnings[:8]]
            more = len(summary.warnings) - 8
            if more > 0:
                lines.append("  • " + tr("… and {n} more").format(n=more))
        if summary.is_campaign:
            lines += [
                "",
                tr(
                    "Pause and Cancel act between requests; a request on its way is "
                    "never cancelled, and a stopped campaign can be resumed."
                ),
            ]
        else:
            lines += ["", tr("Once the request is on its way it cannot be cancelled.")]
        self.lines = lines
        self.body = plain_label("\n".join(lines), self)
        self.body.setObjectName("confirm_body")
        self.body.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(
            trn("Send to {n:,} recipient(s)", None, summary.recipients).format(
                n=summary.recipients
            ),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.send_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        self.chunk_box: QSpinBox | None = None
        self.speed_box: QSpinBox | None = None
        if summary.is_campaign:
            layout.addLayout(self._campaign_form(summary))
        self.timeline: TimelineView | None = None
        if timeline is not None:
            self.timeline = TimelineView(self)
            self.timeline.setObjectName("confirm_timeline")
            self.timeline.set_timeline(timeline, zone_note)
            self.timeline_text = plain_label(self.timeline.text(), self)
            self.timeline_text.setObjectName("confirm_timeline_text")
            self.timeline_text.setWordWrap(True)
            layout.addWidget(plain_label(tr("When each channel is tried:"), self))
            layout.addWidget(self.timeline)
            layout.addWidget(self.timeline_text)
        self.account_name = summary.account
        self.account_edit: QLineEdit | None = None
        if summary.account:
            # A real account sends real messages: the operator types its name to go on.
            prompt = plain_label(
                tr("This goes to real people. Type the account name “{name}” to send:").format(
                    name=summary.account
                ),
                self,
            )
            prompt.setWordWrap(True)
            self.account_edit = QLineEdit(self)
            self.account_edit.setObjectName("confirm_account")
            self.account_edit.setAccessibleName(tr("Account name to confirm the send"))
            self.account_edit.setPlaceholderText(summary.account)
            prompt.setBuddy(self.account_edit)
            self.account_edit.textChanged.connect(self._on_account_edit_changed)
            layout.addWidget(prompt)
            layout.addWidget(self.account_edit)
            self.send_button.setEnabled(False)
            self.send_button.setDefault(False)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _requests_text(self, chunk: int) -> str:
        summary = self.summary
        count = summary.requests(chunk)
        if not summary.is_campaign:
            return trn("Requests: %n", None, REQUESTS_PER_SEND)
        texts = trn("%n distinct text(s)", None, len(summary.groups))
        return tr("Requests: {n:,}, for {texts}, at most {chunk:,} recipients each").format(
            n=count, texts=texts, chunk=chunk
        )

    def _campaign_form(self, summary: SendSummary) -> QFormLayout:
        form = QFormLayout()
        self.chunk_box = QSpinBox(self)
        self.chunk_box.setObjectName("confirm_chunk")
        self.chunk_box.setRange(1, MAX_CHUNK)
        self.chunk_box.setGroupSeparatorShown(True)
        self.chunk_box.setValue(summary.chunk_size)
        self.chunk_box.valueChanged.connect(self._on_chunk_box_changed)
        form.addRow(tr("Recipients per &request:"), self.chunk_box)
        self.speed_box = QSpinBox(self)
        self.speed_box.setObjectName("confirm_speed")
        self.speed_box.setRange(0, 1_000_000)
        self.speed_box.setSingleStep(100)
        self.speed_box.setGroupSeparatorShown(True)
        self.speed_box.setSpecialValueText(tr("no limit"))
        self.speed_box.setSuffix(tr(" messages a minute"))
        form.addRow(tr("Sending &speed limit:"), self.speed_box)
        return form

    def _on_chunk_box_changed(self, chunk: int) -> None:
        self.lines[self.requests_line] = self._requests_text(chunk)
        self.body.setText("\n".join(self.lines))

    def chosen_options(self) -> tuple[int, int | None]:
        """(recipients per request, messages a minute or None) as set in the dialog."""
        chunk = self.chunk_box.value() if self.chunk_box is not None else self.summary.chunk_size
        speed = self.speed_box.value() if self.speed_box is not None else 0
        return chunk, (speed or None)

    def _on_account_edit_changed(self, text: str) -> None:
        matches = text.strip() == self.account_name
        self.send_button.setEnabled(matches)
        self.send_button.setDefault(matches)
