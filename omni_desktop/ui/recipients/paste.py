"""`PasteRecipientsDialog`: a box to paste many recipients into, one per line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.ui.i18n import tr


class PasteRecipientsDialog(QDialog):
    """A box to paste many recipients into, one per line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Paste recipients"))
        self.setObjectName("paste_recipients_dialog")
        hint = QLabel(
            tr(
                "One recipient per line: a phone number with its country code and/or an e-mail "
                "address, optionally followed by your message ID, separated by commas, "
                "semicolons or tabs."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("paste_text")
        self.text_edit.setPlaceholderText("+385 91 234 5678\nana@example.com\n41793026727, m-1")
        self.text_edit.setAccessibleName(tr("Recipients to add, one per line"))
        self.text_edit.setToolTip(tr("Paste or type recipients here, one per line"))
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        hint.setBuddy(self.text_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Add"))
        ok.setToolTip(tr("Add these recipients to the list"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    @property
    def text(self) -> str:
        return self.text_edit.toPlainText()
