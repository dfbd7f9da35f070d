"""The history's tables: one row per send or campaign, and one per message of the chosen send."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.status import StatusGroup

from omni_desktop.storage.campaigns import CampaignRecord
from omni_desktop.storage.sends import PENDING_NAME, MessageRecord, SendRecord, SendState

from omni_desktop.services.history import HistoryEntry

from omni_desktop.ui.history.campaign_text import (
    campaign_outcome,
    campaign_summary,
    campaign_title,
    requests_text,
)
from omni_desktop.ui.history.format import (
    account_name,
    counts_text,
    local_time,
    outcome,
    send_title,
    utc_time,
)
from omni_desktop.ui.i18n import grouped, tr
from omni_desktop.ui.plain import plain_tooltip
from omni_desktop.ui.qt_common import SORT_ROLE, AnyIndex
from omni_desktop.ui.status.style import group_dot

(
    COL_SEND,
    COL_TIME,
    COL_ACCOUNT,
    COL_SCENARIO,
    COL_RECIPIENTS,
    COL_OUTCOME,
    COL_BULK,
    COL_ERROR,
) = range(8)
COLUMNS = (
    tr_noop("Send / campaign"),
    tr_noop("Time"),
    tr_noop("Account"),
    tr_noop("Scenario"),
    tr_noop("Recipients"),
    tr_noop("Outcome"),
    tr_noop("Bulk ID"),
    tr_noop("Error"),
)
MESSAGE_COLUMNS = (
    tr_noop("To"),
    tr_noop("Message ID"),
    tr_noop("Status"),
    tr_noop("Channel"),
    tr_noop("Price"),
    tr_noop("Error"),
)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class SendsModel(QAbstractTableModel):
    """One row per send outside a campaign (a test send too) and one per campaign, newest
    first as the outbox gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == _DISPLAY:
            return self._text(entry, column)
        if role == SORT_ROLE:
            return self._sort_value(entry, column)
        if role == _DECORATION and column == COL_OUTCOME:
            return group_dot(_outcome(entry)[1])
        if role == _ALIGNMENT and column == COL_RECIPIENTS:
            return _RIGHT
        if role == _TOOLTIP:  # server and file text: shown literally
            tip = self._tooltip(entry, column)
            return plain_tooltip(tip) if tip else tip
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == _DISPLAY:
            return tr(COLUMNS[section])
        if role == _TOOLTIP:
            return tr("Sort by {column}").format(column=tr(COLUMNS[section]))
        return None

    # --- API -----------------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> HistoryEntry:
        return self._entries[row]

    def record_at(self, row: int) -> SendRecord | None:
        """The send of the row; None for a campaign's row."""
        entry = self._entries[row]
        return entry if isinstance(entry, SendRecord) else None

    def row_of(self, send_id: int, campaign: bool = False) -> int | None:
        """The row of the send (or, with `campaign`, of the campaign) `send_id`."""
        kind = CampaignRecord if campaign else SendRecord
        return next(
            (i for i, e in enumerate(self._entries) if isinstance(e, kind) and e.id == send_id),
            None,
        )

    def update_record(self, entry: HistoryEntry) -> None:
        """Replace the row of the same send or campaign (after Check status); others are
        ignored (a campaign's request has no row of its own)."""
        row = self.row_of(entry.id, isinstance(entry, CampaignRecord))
        if row is not None:
            self._entries[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1), [])

    # --- internals -----------------------------------------------------------------------------

    @staticmethod
    def _text(entry: HistoryEntry, column: int) -> str:
        if column == COL_TIME:
            return local_time(entry.created_at)
        if column == COL_ACCOUNT:
            return account_name(entry)
        if column == COL_OUTCOME:
            return _outcome(entry)[0]
        if isinstance(entry, CampaignRecord):
            return _campaign_text(entry, column)
        if column == COL_SEND:
            return send_title(entry)
        if column == COL_SCENARIO:
            return entry.scenario_key or tr("default")
        if column == COL_RECIPIENTS:
            return grouped(entry.recipients_count)
        if column == COL_BULK:
            return entry.bulk_id
        return entry.error_sentence or ""

    @classmethod
    def _sort_value(cls, entry: HistoryEntry, column: int) -> Any:
        if column == COL_SEND:  # campaigns, sends, test sends; each by number
            kind = "c" if isinstance(entry, CampaignRecord) else "t" if entry.is_test else "s"
            return f"{kind}{entry.id:012d}"
        if column == COL_TIME:
            return entry.created_at.timestamp()
        if column == COL_RECIPIENTS:
            if isinstance(entry, CampaignRecord):
                return entry.message_count
            return entry.recipients_count
        if column == COL_OUTCOME:
            return _outcome(entry)[2]
        return cls._text(entry, column).casefold()

    @classmethod
    def _tooltip(cls, entry: HistoryEntry, column: int) -> str | None:
        if column == COL_TIME:
            return tr("{local} local time\n{utc}").format(
                local=local_time(entry.created_at), utc=utc_time(entry.created_at)
            )
        if column == COL_ACCOUNT:
            return entry.base_url
        if isinstance(entry, CampaignRecord):
            if column in (COL_SEND, COL_OUTCOME):
                return campaign_summary(entry)
            return cls._text(entry, column) or None
        if column == COL_SEND and entry.is_test:
            return tr("A test send: one message to check the content, never counted in a campaign.")
        if column == COL_OUTCOME:
            lines = [outcome(entry)[0]]
            if entry.counts and not entry.settled:
                lines.append(counts_text(entry))
            if entry.state is SendState.UNKNOWN:
                lines.append(tr("It may or may not have been sent: use Check status."))
            return "\n".join(lines)
        return cls._text(entry, column) or None


def _outcome(entry: HistoryEntry) -> tuple[str, StatusGroup, int]:
    return campaign_outcome(entry) if isinstance(entry, CampaignRecord) else outcome(entry)


def _campaign_text(record: CampaignRecord, column: int) -> str:
    if column == COL_SEND:
        return campaign_title(record)
    if column == COL_RECIPIENTS:
        return grouped(record.message_count)
    if column == COL_BULK:
        return requests_text(record)
    if column == COL_ERROR:
        return record.note or ""
    if column == COL_SCENARIO:
        return record.scenario_key or tr("default")
    return ""


class MessagesModel(QAbstractTableModel):
    """The messages of one send: one row per destination, with the last status heard."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages: list[MessageRecord] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MESSAGE_COLUMNS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._messages):
            return None
        message, column = self._messages[index.row()], index.column()
        if role in (_DISPLAY, _TOOLTIP):
            text = self._text(message, column)
            if role == _TOOLTIP and column == 2:
                return plain_tooltip(self._status_tooltip(message))
            return text if role == _DISPLAY else plain_tooltip(text) or None
        if role == SORT_ROLE:
            if column == 4:
                return -1.0 if message.price is None else message.price
            return self._text(message, column).casefold()
        if role == _DECORATION and column == 2:
            return group_dot(StatusGroup.from_name(message.status_group))
        if role == _ALIGNMENT and column == 4:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(MESSAGE_COLUMNS):
            return None
        return tr(MESSAGE_COLUMNS[section]) if role == _DISPLAY else None

    def set_messages(self, messages: Sequence[MessageRecord]) -> None:
        self.beginResetModel()
        self._messages = list(messages)
        self.endResetModel()

    @staticmethod
    def _text(message: MessageRecord, column: int) -> str:
        if column == 0:
            return message.to_address
        if column == 1:
            return message.message_id
        if column == 2:
            if message.updated_at is None and message.status_name == PENDING_NAME:
                return tr("Not heard of yet")
            return message.status_name
        if column == 3:
            return message.channel or ""
        if column == 4:
            if message.price is None:
                return ""
            number = f"{message.price:.6f}".rstrip("0").rstrip(".")
            return f"{number} {message.currency or ''}".strip()
        return message.error or ""

    @staticmethod
    def _status_tooltip(message: MessageRecord) -> str:
        if message.updated_at is None:
            return tr("The server has said nothing about this message yet.")
        text = f"{message.status_name}: {message.status_description}".rstrip(": ")
        return (
            text
            + "\n"
            + tr("Heard {local} ({utc})").format(
                local=local_time(message.updated_at), utc=utc_time(message.updated_at)
            )
        )


__all__ = [
    "COLUMNS",
    "COL_ACCOUNT",
    "COL_BULK",
    "COL_ERROR",
    "COL_OUTCOME",
    "COL_RECIPIENTS",
    "COL_SCENARIO",
    "COL_SEND",
    "COL_TIME",
    "MESSAGE_COLUMNS",
    "SORT_ROLE",
    "MessagesModel",
    "SendsModel",
]
