"""The confirm step before a send: target, recipients, channels in flow order, the totals
(recipients, requests, SMS segments) and the failover timeline."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.scenario import TimedTimeline

from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.presenter import SendSummary
from omni_desktop.ui.timeline import TimelineView

REQUESTS_PER_SEND = 1  # one advanced request carries every destination


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
        if summary.sms_segments is not None:
            segments = summary.sms_segments
            lines.append(trn("SMS: %n segment(s) per recipient", None, segments))
        lines.append(trn("Requests: %n", None, REQUESTS_PER_SEND))
        self.total_segments = (summary.sms_segments or 0) * summary.recipients
        if summary.sms_segments is not None:
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
        lines += ["", tr("Once the request is on its way it cannot be cancelled.")]
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

    def _on_account_edit_changed(self, text: str) -> None:
        matches = text.strip() == self.account_name
        self.send_button.setEnabled(matches)
        self.send_button.setDefault(matches)
