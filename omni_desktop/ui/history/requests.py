"""The requests of the chosen campaign: one row per request of its plan (then the earlier
sends of requests planned again), with its state, recipients and messages by status group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.status import StatusGroup

from omni_desktop.storage.campaigns import RequestEntry
from omni_desktop.storage.sends import SendRecord, SendState

from omni_desktop.ui.history.campaign_text import request_label, request_state
from omni_desktop.ui.history.format import counts_text, outcome
from omni_desktop.ui.i18n import grouped, tr
from omni_desktop.ui.plain import plain_tooltip
from omni_desktop.ui.qt_common import SORT_ROLE, AnyIndex
from omni_desktop.ui.status.style import group_dot

REQ_SEQ, REQ_BULK, REQ_STATE, REQ_RECIPIENTS, REQ_COUNTS, REQ_ERROR = range(6)
REQUEST_COLUMNS = (
    tr_noop("Request"),
    tr_noop("Bulk ID"),
    tr_noop("State"),
    tr_noop("Recipients"),
    tr_noop("Messages"),
    tr_noop("Error"),
)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RequestsModel(QAbstractTableModel):
    """The campaign's requests in plan order; a request never started has no send yet."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[RequestEntry] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(REQUEST_COLUMNS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == _DISPLAY:
            return self._text(entry, column)
        if role == _TOOLTIP:  # server text: shown literally
            return plain_tooltip(self._text(entry, column)) or None
        if role == SORT_ROLE:
            if column == REQ_SEQ:  # plan order; earlier attempts last
                return len(self._entries) + index.row() if entry.seq is None else entry.seq
            if column == REQ_RECIPIENTS:
                return entry.message_count
            return self._text(entry, column).casefold()
        if role == _DECORATION and column == REQ_STATE:
            group = StatusGroup.PENDING if entry.send is None else outcome(entry.send)[1]
            return group_dot(group)
        if role == _ALIGNMENT and column in (REQ_SEQ, REQ_RECIPIENTS):
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(REQUEST_COLUMNS):
            return None
        return tr(REQUEST_COLUMNS[section]) if role == _DISPLAY else None

    # --- API -----------------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[RequestEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> RequestEntry:
        return self._entries[row]

    def awaiting_reports(self) -> bool:
        """Whether a request was accepted and not all its messages are final yet."""
        return any(
            entry.seq is not None
            and entry.send is not None
            and entry.send.state is SendState.ACCEPTED
            and not entry.send.settled
            for entry in self._entries
        )

    def delivery(self) -> dict[str, int]:
        """The campaign's messages by status group: its requests' current sends summed (not
        an earlier attempt of a request planned again)."""
        totals: dict[str, int] = {}
        for entry in self._entries:
            if entry.seq is not None and entry.send is not None:
                for group, count in entry.send.counts.items():
                    totals[group] = totals.get(group, 0) + count
        return totals

    def row_of(self, send_id: int) -> int | None:
        return next(
            (i for i, e in enumerate(self._entries) if e.send is not None and e.send.id == send_id),
            None,
        )

    def update_record(self, record: SendRecord) -> None:
        """Replace the send of its request (after Check status); other sends are ignored."""
        row = self.row_of(record.id)
        if row is not None:
            entry = self._entries[row]
            self._entries[row] = RequestEntry(entry.seq, entry.bulk_id, entry.message_count, record)
            last = len(REQUEST_COLUMNS) - 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, last), [])

    # --- internals -----------------------------------------------------------------------------

    @staticmethod
    def _text(entry: RequestEntry, column: int) -> str:
        if column == REQ_SEQ:
            return request_label(entry)
        if column == REQ_BULK:
            return entry.bulk_id
        if column == REQ_STATE:
            return request_state(entry.state)
        if column == REQ_RECIPIENTS:
            return grouped(entry.message_count)
        if entry.send is None:
            return ""
        if column == REQ_COUNTS:
            return counts_text(entry.send)
        return entry.send.error_sentence or ""


__all__ = ["REQUEST_COLUMNS", "RequestsModel"]
