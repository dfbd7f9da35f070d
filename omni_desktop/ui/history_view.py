"""The history: every send the outbox recorded, its messages, its exact request and answer.

`HistoryDialog` reads an `Outbox` and never sends anything itself: "Open as new draft" and
"Send again…" hand a draft (IDs cleared) to whoever listens, and "Check status" asks the
server's logs through the client `client_for` gives for the send's account.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontDatabase, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.message import OmniMessage
from omni_desktop.core.status import StatusGroup

from omni_desktop.api.client import OmniClient
from omni_desktop.api.errors import OmniError
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.profiles import SANDBOX_NAME
from omni_desktop.storage.sends import PENDING_NAME, MessageRecord, SendRecord, SendState

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.status_table import group_dot, group_label
from omni_desktop.ui.theme import error_css

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Native values for sorting: POSIX timestamps, counts, outcome rank, folded text."""

HISTORY_LIMIT = 500  # sends listed at once; a search reaches the older ones
SEARCH_DELAY_MS = 200

COL_TIME, COL_ACCOUNT, COL_SCENARIO, COL_RECIPIENTS, COL_OUTCOME, COL_BULK, COL_ERROR = range(7)
COLUMNS = ("Time", "Account", "Scenario", "Recipients", "Outcome", "Bulk ID", "Error")
MESSAGE_COLUMNS = ("To", "Message ID", "Status", "Channel", "Price", "Error")

RESEND_NOTE = (
    "Send again makes new message IDs; the earlier send keeps its own. "
    "Check its status first if its outcome is unknown."
)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The order of groups in an outcome ("Delivered 3 · Expired 1") and which one colours its dot.
_COUNT_ORDER = (
    StatusGroup.DELIVERED,
    StatusGroup.UNDELIVERABLE,
    StatusGroup.EXPIRED,
    StatusGroup.REJECTED,
    StatusGroup.PENDING,
    StatusGroup.ACCEPTED,
    StatusGroup.UNKNOWN,
)


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def utc_time(moment: datetime, short: bool = False) -> str:
    return moment.astimezone(UTC).strftime("%H:%M UTC" if short else "%Y-%m-%d %H:%M UTC")


def account_name(record: SendRecord) -> str:
    return record.profile or tr(SANDBOX_NAME)


def _groups(counts: Mapping[str, int]) -> list[tuple[StatusGroup, int]]:
    totals: dict[StatusGroup, int] = {}
    for name, n in counts.items():
        group = StatusGroup.from_name(name)
        totals[group] = totals.get(group, 0) + n
    return [(g, totals[g]) for g in _COUNT_ORDER if totals.get(g)]


def counts_text(record: SendRecord, separator: str = " · ") -> str:
    """`Delivered 3 · Expired 1`: the messages per status group."""
    return separator.join(f"{group_label(g)} {n}" for g, n in _groups(record.counts))


def counts_words(record: SendRecord) -> str:
    """`3 delivered, 1 expired`: the same, to go inside a sentence."""
    return ", ".join(f"{n} {group_label(g).lower()}" for g, n in _groups(record.counts))


def outcome(record: SendRecord) -> tuple[str, StatusGroup, int]:
    """What became of a send: its text, the group that colours its dot, and its sort rank."""
    state = record.state
    if state is SendState.UNKNOWN:
        return tr("Unknown"), StatusGroup.UNKNOWN, 0
    if state is SendState.SENDING:
        return tr("Sending…"), StatusGroup.PENDING, 1
    if state is SendState.ACCEPTED:
        groups = _groups(record.counts)
        if record.settled and groups:
            top = max(groups, key=lambda item: item[1])[0]  # the first of the largest
            return counts_text(record), top, 3
        return tr("Accepted"), StatusGroup.ACCEPTED, 2
    if state is SendState.REJECTED:
        return tr("Rejected"), StatusGroup.REJECTED, 4
    return tr("Not sent"), StatusGroup.EXPIRED, 5


def can_check(record: SendRecord) -> bool:
    """Whether asking the logs can tell more: the outcome is unknown, or not all is final."""
    return record.state is SendState.UNKNOWN or (
        record.state is SendState.ACCEPTED and not record.settled
    )


class SendsModel(QAbstractTableModel):
    """One row per send, newest first as the outbox gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[SendRecord] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record, column = self._records[index.row()], index.column()
        if role == _DISPLAY:
            return self._text(record, column)
        if role == SORT_ROLE:
            return self._sort_value(record, column)
        if role == _DECORATION and column == COL_OUTCOME:
            return group_dot(outcome(record)[1])
        if role == _ALIGNMENT and column == COL_RECIPIENTS:
            return _RIGHT
        if role == _TOOLTIP:
            return self._tooltip(record, column)
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

    def set_records(self, records: Sequence[SendRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> SendRecord:
        return self._records[row]

    def row_of(self, send_id: int) -> int | None:
        return next((i for i, r in enumerate(self._records) if r.id == send_id), None)

    def update_record(self, record: SendRecord) -> None:
        """Replace the row of the same send (after Check status); unknown sends are ignored."""
        row = self.row_of(record.id)
        if row is not None:
            self._records[row] = record
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1), [])

    # --- internals -----------------------------------------------------------------------------

    @staticmethod
    def _text(record: SendRecord, column: int) -> str:
        if column == COL_TIME:
            return local_time(record.created_at)
        if column == COL_ACCOUNT:
            return account_name(record)
        if column == COL_SCENARIO:
            return record.scenario_key or tr("default")
        if column == COL_RECIPIENTS:
            return str(record.recipients_count)
        if column == COL_OUTCOME:
            return outcome(record)[0]
        if column == COL_BULK:
            return record.bulk_id
        return record.error_sentence or ""

    @classmethod
    def _sort_value(cls, record: SendRecord, column: int) -> Any:
        if column == COL_TIME:
            return record.created_at.timestamp()
        if column == COL_RECIPIENTS:
            return record.recipients_count
        if column == COL_OUTCOME:
            return outcome(record)[2]
        return cls._text(record, column).casefold()

    @classmethod
    def _tooltip(cls, record: SendRecord, column: int) -> str | None:
        if column == COL_TIME:
            return tr("{local} local time\n{utc}").format(
                local=local_time(record.created_at), utc=utc_time(record.created_at)
            )
        if column == COL_ACCOUNT:
            return record.base_url
        if column == COL_OUTCOME:
            lines = [outcome(record)[0]]
            if record.counts and not record.settled:
                lines.append(counts_text(record))
            if record.state is SendState.UNKNOWN:
                lines.append(tr("It may or may not have been sent: use Check status."))
            return "\n".join(lines)
        return cls._text(record, column) or None


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
                return self._status_tooltip(message)
            return text if role == _DISPLAY else text or None
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

    def message_at(self, row: int) -> MessageRecord:
        return self._messages[row]

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


def _pretty(text: str | None) -> str:
    if text is None:
        return ""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    except ValueError:
        return text


def _json_view(name: str, parent: QWidget) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setAccessibleName(name)
    return view


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _proxy(model: QAbstractTableModel, parent: QObject) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


class HistoryDialog(QDialog):
    """Every send, searchable, with its details; Check status, Open as new draft, Send again.

    `client_for(profile)` gives the client of an account (None = the sandbox), or None when
    that account cannot be used now. The dialog does not close the clients it is given.
    """

    draft_requested = Signal(object)  # OmniMessage with IDs cleared
    resend_requested = Signal(object)  # OmniMessage with IDs cleared; new IDs come at send

    def __init__(
        self,
        outbox: Outbox,
        client_for: Callable[[str | None], OmniClient | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self._client_for = client_for
        self._tasks: set[asyncio.Task[Any]] = set()
        self._checking: int | None = None  # the send whose status is being asked for
        self.confirm_box: QMessageBox | None = None  # "Send again?" for an unknown outcome
        self._confirm_send_id = 0
        self.setWindowTitle(tr("History"))
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.resize(1000, 640)
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.draft_button.clicked.connect(self._on_draft_button_clicked)
        self.resend_button.clicked.connect(self._on_resend_button_clicked)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(
            self._on_find_shortcut_activated
        )
        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(
            self._on_refresh_shortcut_activated
        )
        self.refresh()

    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("history_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            tr("Search: recipient, bulk or message ID, scenario, account, error or state")
        )
        self.search_edit.setAccessibleName(tr("Search the history"))
        self.search_edit.setToolTip(
            tr("Part of a recipient, an ID, a scenario key, an account name or an error (Ctrl+F)")
        )
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(tr("Number of sends shown"))
        self.refresh_button = QPushButton(tr("&Refresh"), self)
        self.refresh_button.setToolTip(tr("Read the history again (F5)"))
        self.refresh_button.clicked.connect(self._on_refresh_shortcut_activated)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)

        self.model = SendsModel(self)
        self.proxy = _proxy(self.model, self)
        self.table = _table(self, tr("Sends"))
        self.table.setObjectName("history_table")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(COL_TIME, Qt.SortOrder.DescendingOrder)
        metrics = self.table.fontMetrics()
        # Room for the usual text; long keys and IDs are cut (the tooltip has them whole).
        samples = (
            (COL_TIME, "2026-11-26 17:10"),
            (COL_ACCOUNT, "Production EU"),
            (COL_SCENARIO, "9A8B7C6D5E4F"),
            (COL_RECIPIENTS, "Recipients"),
            (COL_OUTCOME, "Delivered 10 · Undeliverable 2"),
            (COL_BULK, "b-01KB2Z8K3Q4X5Y6"),
        )
        for column, sample in samples:
            extra = 40 if column == COL_OUTCOME else 24  # room for the dot
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + extra)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("history_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # the palette's muted text colour
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.details = QWidget(self)
        self.summary_label = QLabel(self.details)
        self.summary_label.setObjectName("history_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName(tr("The selected send"))
        self.tabs = QTabWidget(self.details)
        self.tabs.setAccessibleName(tr("Send details"))
        self.messages_model = MessagesModel(self)
        self.messages_table = _table(self.tabs, tr("Messages of the send"))
        self.messages_table.setModel(_proxy(self.messages_model, self))
        for column, sample in enumerate(
            ("+385 91 234 5678", "m-01KB2Z8K3Q4X5Y6Z7A8B9C0D1E", "DELIVERED_TO_HANDSET", "VIBER")
        ):
            self.messages_table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 40)
        self.request_view = _json_view(tr("Request JSON"), self.tabs)
        self.response_view = _json_view(tr("Response"), self.tabs)
        self.tabs.addTab(self.messages_table, tr("Messages"))
        self.tabs.addTab(self.request_view, tr("Request"))
        self.tabs.addTab(self.response_view, tr("Response"))
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.summary_label)
        details_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.details)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 260])

        self.check_button = QPushButton(tr("Check &status"), self)
        self.check_button.setToolTip(
            tr("Ask the server's logs what became of this send's messages")
        )
        self.draft_button = QPushButton(tr("Open as new &draft"), self)
        self.draft_button.setToolTip(
            tr("Open this send's content in the composer, without its IDs, to edit and send")
        )
        self.resend_button = QPushButton(tr("Send &again…"), self)
        self.resend_button.setToolTip(tr(RESEND_NOTE))
        self.message_label = QLabel(self)
        self.message_label.setObjectName("history_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setAccessibleName(tr("Result"))
        self.message_label.setVisible(False)
        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_box.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.check_button, self.draft_button, self.resend_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close_box)
        # Enter in the search or the table must never press a button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(actions)

    # --- API -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the history again (with the search), keeping the selected send if listed."""
        self._search_timer.stop()
        keep = self.selected_record()
        search = self.search_edit.text().strip()
        try:
            records = self.outbox.history(search=search, limit=HISTORY_LIMIT)
        except StorageError as exc:
            self._say(str(exc), error=True)
            return
        self.model.set_records(records)
        self._show_count(len(records), search)
        if not (keep is not None and self._select_listed(keep.id)) and records:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_details()

    def select_send(self, send_id: int) -> bool:
        """Select the send (clearing a search that hides it); False if the history lacks it."""
        if self._select_listed(send_id):
            return True
        if self.search_edit.text():
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.refresh()
        return self._select_listed(send_id)

    def selected_record(self) -> SendRecord | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record_at(self.proxy.mapToSource(index).row())

    def message_text(self) -> str:
        """The inline sentence under the table (a result or an error), "" when none."""
        return self.message_label.text() if not self.message_label.isHidden() else ""

    async def shutdown(self) -> None:
        """Stop a status check still running and wait for it (it only reads)."""
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(list(self._tasks))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row shows its details (and never presses a button of the dialog)."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._focus_details()
            return True
        return super().eventFilter(watched, event)

    # --- slots ---------------------------------------------------------------------------------

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_edit_return_pressed(self) -> None:
        self.refresh()

    def _on_search_timer_timeout(self) -> None:
        self.refresh()

    def _on_find_shortcut_activated(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _on_refresh_shortcut_activated(self) -> None:
        self.refresh()

    def _on_table_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details()

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._focus_details()

    def _on_check_button_clicked(self) -> None:
        record = self.selected_record()
        if record is None or self._checking is not None:
            return
        client = self._client_for(record.profile)
        if client is None:
            if record.profile is None:
                sentence = tr(
                    "The built-in sandbox is not running now, so this send's status cannot be "
                    "checked."
                )
            else:
                sentence = tr(
                    "The account “{name}” is not available now (it was removed, or its key is "
                    "not at hand), so this send's status cannot be checked."
                ).format(name=record.profile)
            self._say(sentence, error=True)
            return
        self._checking = record.id
        self._say(tr("Asking the server's logs about send #{id}…").format(id=record.id))
        self._update_buttons()
        self._start(self._check(record.id, client), "check status")

    def _on_draft_button_clicked(self) -> None:
        record = self.selected_record()
        draft = self._draft(record)
        if record is not None and draft is not None:
            self._say(tr("Send #{id} was opened as a new draft.").format(id=record.id))
            self.draft_requested.emit(draft)

    def _on_resend_button_clicked(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        if not record.outcome_unknown:
            self._resend(record)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Send again?"),
            tr(
                "The outcome of send #{id} is unknown: its messages may already have been "
                "delivered. Send it again anyway?"
            ).format(id=record.id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(tr(RESEND_NOTE))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_confirm_box_finished)
        self.confirm_box, self._confirm_send_id = box, record.id
        box.open()

    def _on_confirm_box_finished(self, _result: int) -> None:
        box, self.confirm_box = self.confirm_box, None
        if box is None or box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        try:
            record = self.outbox.get(self._confirm_send_id)
        except StorageError as exc:
            self._say(str(exc), error=True)
        except KeyError:
            self._say(tr("That send is no longer in the history."), error=True)
        else:
            self._resend(record)

    # --- internals -----------------------------------------------------------------------------

    def _start(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _check(self, send_id: int, client: OmniClient) -> None:
        try:
            record = await self.outbox.check_status(send_id, client)
        except OmniError as exc:
            self._say(exc.sentence, error=True)
        except StorageError as exc:
            self._say(str(exc), error=True)
        else:
            self.model.update_record(record)
            self._say(self._check_result(record))
            if (current := self.selected_record()) is not None and current.id == send_id:
                self._show_details()
        finally:
            self._checking = None
            self._update_buttons()

    @staticmethod
    def _check_result(record: SendRecord) -> str:
        if record.settled:
            return tr("Settled from the logs: {counts}.").format(counts=counts_words(record))
        if record.state is SendState.ACCEPTED:
            return tr(
                "The server has this send; not every message is final yet ({counts}). "
                "Check again later."
            ).format(counts=counts_words(record))
        return tr(
            "The logs show none of this send's messages yet, so its outcome is still unknown. "
            "Check again in a minute before sending again."
        )

    def _draft(self, record: SendRecord | None) -> OmniMessage | None:
        if record is None:
            return None
        try:
            return self.outbox.draft_from(record.id)
        except StorageError as exc:
            self._say(str(exc), error=True)
        except (KeyError, ValueError):
            self._say(
                tr("Send #{id} could not be read back as a draft.").format(id=record.id),
                error=True,
            )
        return None

    def _resend(self, record: SendRecord) -> None:
        draft = self._draft(record)
        if draft is not None:
            self._say(tr(RESEND_NOTE))
            self.resend_requested.emit(draft)

    def _say(self, sentence: str, error: bool = False) -> None:
        self.message_label.setText(sentence)
        self.message_label.setStyleSheet(error_css() if error else "")
        self.message_label.setVisible(bool(sentence))

    def _show_count(self, count: int, search: str) -> None:
        if count >= HISTORY_LIMIT:
            text = tr("The newest {n} sends; search to find older ones.").format(n=count)
        else:
            text = tr("1 send") if count == 1 else tr("{n} sends").format(n=count)
        self.count_label.setText(text)
        if count:
            self.list_stack.setCurrentWidget(self.table)
        else:
            self.empty_label.setText(
                tr("No send matches “{search}”.").format(search=search)
                if search
                else tr("No sends yet. Every send is listed here with its request and answer.")
            )
            self.list_stack.setCurrentWidget(self.empty_label)

    def _show_details(self) -> None:
        record = self.selected_record()
        self.details.setEnabled(record is not None)
        if record is None:
            self.summary_label.setText(tr("Select a send to see its messages, request and answer."))
            self.messages_model.set_messages([])
            self.request_view.clear()
            self.response_view.clear()
            self._update_buttons()
            return
        try:
            messages = self.outbox.messages(record.id)
        except StorageError as exc:
            self._say(str(exc), error=True)
            messages = []
        self.messages_model.set_messages(messages)
        summary = tr("Send #{id} · {local} ({utc}) · {account} · {outcome}").format(
            id=record.id,
            local=local_time(record.created_at),
            utc=utc_time(record.created_at, short=True),
            account=account_name(record),
            outcome=outcome(record)[0],
        )
        if record.error_sentence:
            summary += "\n" + record.error_sentence
        self.summary_label.setText(summary)
        self.request_view.setPlainText(_pretty(record.request_json))
        response = _pretty(record.response_json)
        if record.error_sentence:
            response = record.error_sentence + ("\n\n" + response if response else "")
        self.response_view.setPlainText(response or tr("No answer has arrived for this send."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        record = self.selected_record()
        busy = self._checking is not None
        self.check_button.setText(tr("Checking…") if busy else tr("Check &status"))
        self.check_button.setEnabled(not busy and record is not None and can_check(record))
        self.draft_button.setEnabled(record is not None)
        self.resend_button.setEnabled(record is not None and record.state is not SendState.SENDING)

    def _select_listed(self, send_id: int) -> bool:
        row = self.model.row_of(send_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _focus_details(self) -> None:
        if self.selected_record() is None:
            return
        self._show_details()
        page = self.tabs.currentWidget()
        (page or self.tabs).setFocus(Qt.FocusReason.OtherFocusReason)
