"""`ErrorBanner`: one plain sentence above the status table (why a send failed), dismissable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from omni_desktop.ui.i18n import tr

_BANNER_STYLE = """
QFrame#error_banner {
    background-color: rgba(229, 57, 53, 46);
    border: 1px solid rgba(229, 57, 53, 160);
    border-radius: 4px;
}
"""


class ErrorBanner(QFrame):
    """A red frame with an icon, the sentence (plain text, selectable) and a close button.

    It is laid over the top of what it concerns (not into a layout), so showing or hiding it
    moves no other control; `shown_changed` tells the owner to place it.
    """

    shown_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_banner")
        self.setStyleSheet(_BANNER_STYLE)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.message_label.setAccessibleName(tr("Error message"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(tr("Dismiss the error message"))
        self.close_button.setToolTip(tr("Dismiss this message"))
        self.close_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 4, 6)
        row.addWidget(icon)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def show_sentence(self, sentence: str) -> None:
        """Show `sentence` (e.g. why the API refused the send)."""
        self.message_label.setText(sentence)
        self.setAccessibleDescription(sentence)
        self.setVisible(True)
        self.shown_changed.emit()

    def sentence(self) -> str:
        """The sentence shown, or "" when the banner is hidden."""
        return self.message_label.text() if not self.isHidden() else ""

    def clear(self) -> None:
        self.message_label.clear()
        self.setAccessibleDescription("")
        self.setVisible(False)
        self.shown_changed.emit()
