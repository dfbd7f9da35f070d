"""History > Export: one send, or the sends of a time range, to CSV or XLSX.

`RangeDialog` asks for the range (local time); `HistoryExporter` opens the Save dialog in
the documents folder and hands the file to the presenter, which writes it in a worker
thread. Every dialog is opened with open(), never exec().
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, QObject, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QWidget,
)

from omni_desktop.ui.file_dialogs import save_dialog
from omni_desktop.ui.history.presenter import HistoryPresenter
from omni_desktop.ui.i18n import tr

FILE_FILTERS = "{csv} (*.csv);;{xlsx} (*.xlsx)"


def _aware(value: QDateTime) -> datetime:
    """A QDateTimeEdit's local time as an aware datetime."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch()).astimezone()


class RangeDialog(QDialog):
    """From and to (local time) of the sends to export; the last 7 days to start with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_range")
        self.setWindowTitle(tr("Export sends made between"))
        now = QDateTime.currentDateTime()
        self.since = QDateTimeEdit(now.addDays(-7), self)
        self.until = QDateTimeEdit(now, self)
        until = tr("To", "the end of a time range")  # not the recipient's column
        for edit, name in ((self.since, tr("From")), (self.until, until)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setAccessibleName(name)
        self.since.setObjectName("history_range_since")
        self.until.setObjectName("history_range_until")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("From (local time):"), self.since)
        form.addRow(tr("To (local time):"), self.until)
        form.addRow(buttons)

    def range(self) -> tuple[datetime, datetime]:
        """The chosen range, aware; `to` includes its whole minute."""
        since = _aware(self.since.dateTime())
        until = _aware(self.until.dateTime()) + timedelta(seconds=59.999)
        return since, until


class HistoryExporter(QObject):
    """Opens the export dialogs for the History dialog and starts the export."""

    def __init__(self, presenter: HistoryPresenter, parent: QWidget) -> None:
        super().__init__(parent)
        self._presenter = presenter
        self._parent = parent
        self.range_dialog: RangeDialog | None = None
        self.file_dialog: QFileDialog | None = None

    def export_send(self, send_id: int) -> QFileDialog:
        """Ask where to save send `send_id`, then export it."""
        name = tr("send-{id}").format(id=send_id) + ".csv"
        return self._ask_file(name, lambda path: self._presenter.export(path, send_id=send_id))

    def export_range(self) -> RangeDialog:
        """Ask for a time range, then where to save its sends, then export them."""
        dialog = RangeDialog(self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_range_dialog_accepted)
        self.range_dialog = dialog
        dialog.open()
        return dialog

    def _on_range_dialog_accepted(self) -> None:
        dialog, self.range_dialog = self.range_dialog, None
        if dialog is None:
            return
        since, until = dialog.range()
        name = tr("sends-{since}-{until}").format(since=f"{since:%Y%m%d}", until=f"{until:%Y%m%d}")
        self._ask_file(
            name + ".csv", lambda path: self._presenter.export(path, since=since, until=until)
        )

    def _ask_file(self, name: str, then: Callable[[Path], object]) -> QFileDialog:
        filters = FILE_FILTERS.format(csv=tr("CSV files"), xlsx=tr("Excel workbooks"))
        dialog = save_dialog(self._parent, tr("Export history"), name, filters, "csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(path: str) -> None:
            self.file_dialog = None
            then(Path(path))

        dialog.fileSelected.connect(chosen)
        self.file_dialog = dialog
        dialog.open()
        return dialog


__all__ = ["HistoryExporter", "RangeDialog"]
