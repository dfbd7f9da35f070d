"""Advanced options of the request: callbackData, notify, intermediateReport, notifyUrl."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from omni_desktop.core.message import OmniMessage

from omni_desktop.ui.i18n import tr


class AdvancedEditor(QWidget):
    """Edits the top-level options that are neither recipients, scenario nor content."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.callback_data = QLineEdit(self)
        self.callback_data.setObjectName("callbackData")
        self.callback_data.setMaxLength(4000)
        self.callback_data.setPlaceholderText(tr("Returned to you in delivery reports"))
        self.callback_data.setAccessibleName(tr("Callback data"))
        self.notify = QCheckBox(tr("Send delivery reports"), self)
        self.notify.setObjectName("notify")
        self.notify.setTristate(True)
        self.notify.setCheckState(Qt.CheckState.PartiallyChecked)
        self.notify.setToolTip(tr("Partly checked: leave it to the platform (reports are sent)."))
        self.intermediate = QCheckBox(tr("Also send intermediate reports"), self)
        self.intermediate.setObjectName("intermediateReport")
        self.intermediate.setTristate(True)
        self.intermediate.setCheckState(Qt.CheckState.PartiallyChecked)
        self.intermediate.setToolTip(tr("Partly checked: leave it to the platform (off)."))
        self.notify_url = QLineEdit(self)
        self.notify_url.setObjectName("notifyUrl")
        self.notify_url.setPlaceholderText("https://")
        self.notify_url.setAccessibleName(tr("Notify URL"))
        self.notify_url.setToolTip(tr("Your webhook that receives delivery reports."))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Callback data:"), self.callback_data)
        form.addRow(tr("Notify URL:"), self.notify_url)
        form.addRow("", self.notify)
        form.addRow("", self.intermediate)
        self._loading = False
        for edit in (self.callback_data, self.notify_url):
            edit.textChanged.connect(self._on_edited)
        for box in (self.notify, self.intermediate):
            box.stateChanged.connect(self._on_edited)

    def apply_to(self, message: OmniMessage) -> None:
        message.callback_data = self.callback_data.text() or None
        message.notify_url = self.notify_url.text().strip() or None
        message.notify = _tristate(self.notify)
        message.intermediate_report = _tristate(self.intermediate)

    def load(self, message: OmniMessage) -> None:
        self._loading = True
        try:
            self.callback_data.setText(message.callback_data or "")
            self.notify_url.setText(message.notify_url or "")
            _set_tristate(self.notify, message.notify)
            _set_tristate(self.intermediate, message.intermediate_report)
        finally:
            self._loading = False

    def _on_edited(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()


def _tristate(box: QCheckBox) -> bool | None:
    state = box.checkState()
    if state == Qt.CheckState.PartiallyChecked:
        return None
    return state == Qt.CheckState.Checked


def _set_tristate(box: QCheckBox, value: bool | None) -> None:
    if value is None:
        box.setCheckState(Qt.CheckState.PartiallyChecked)
    else:
        box.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
