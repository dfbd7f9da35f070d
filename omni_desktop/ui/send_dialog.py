"""The confirm step before a send: target, recipients, channels in flow order, SMS segments."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.presenter import SendSummary


class ConfirmSendDialog(QDialog):
    """Asks once, with everything that matters in view. Opened with open(), never exec()."""

    def __init__(self, summary: SendSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Send this message?"))
        self.setObjectName("confirm_send")
        lines = [
            f"<p><b>{escape(tr('Target'))}:</b> {escape(summary.target)}"
            + (f" — <i>{escape(tr('nothing is delivered'))}</i>" if summary.is_sandbox else "")
            + "</p>",
            f"<p><b>{escape(tr('Recipients'))}:</b> {summary.recipients:,}</p>",
        ]
        if summary.channels:
            items = "".join(f"<li>{escape(c)}</li>" for c in summary.channels)
            lines.append(
                f"<p><b>{escape(tr('Channels, in the order tried'))}:</b></p><ol>{items}</ol>"
            )
        if summary.sms_segments is not None:
            lines.append(
                f"<p><b>{escape(tr('SMS'))}:</b> "
                + escape(tr("{n} segment(s) per recipient").format(n=summary.sms_segments))
                + "</p>"
            )
        lines.append(
            f"<p><b>{escape(tr('When'))}:</b> {escape(summary.scheduled or tr('now'))}</p>"
        )
        if summary.warnings:
            items = "".join(f"<li>{escape(w)}</li>" for w in summary.warnings[:8])
            more = len(summary.warnings) - 8
            if more > 0:
                items += f"<li>{escape(tr('… and {n} more').format(n=more))}</li>"
            lines.append(f"<p><b>⚠ {escape(tr('Warnings'))}:</b></p><ul>{items}</ul>")
        lines.append(
            "<p>" + escape(tr("Once the request is on its way it cannot be cancelled.")) + "</p>"
        )
        self.body = QLabel("".join(lines), self)
        self.body.setObjectName("confirm_body")
        self.body.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(
            tr("Send to {n:,} recipients").format(n=summary.recipients),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.send_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        self.account_name = summary.account
        self.account_edit: QLineEdit | None = None
        if summary.account:
            # A real account sends real messages: the operator types its name to go on.
            prompt = QLabel(
                tr("This goes to real people. Type the account name <b>{name}</b> to send:").format(
                    name=escape(summary.account)
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
