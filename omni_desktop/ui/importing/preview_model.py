"""`PreviewModel`: the first rows of a sheet, as the mapping step shows them (read-only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from omni_desktop.services.importing import Preview

from omni_desktop.ui.qt_common import AnyIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SHOWN_CHARS = 200  # a cell is cut for the table; its tip holds more


class PreviewModel(QAbstractTableModel):
    """The header names as column titles, the file's row numbers as row titles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[str]] = []
        self._first = 1  # the file's row number of the first row shown

    def show(self, preview: Preview | None) -> None:
        self.beginResetModel()
        if preview is None:
            self._headers, self._rows, self._first = [], [], 1
        else:
            self._headers = list(preview.headers)
            self._rows = preview.rows
            self._first = (preview.header_row or 0) + 1
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or role not in (_DISPLAY, _TOOLTIP):
            return None
        row = self._rows[index.row()]
        text = row[index.column()] if index.column() < len(row) else ""
        if role == _TOOLTIP:
            return text[:2000] or None
        return text[:_SHOWN_CHARS]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(self._first + section)


__all__ = ["PreviewModel"]
