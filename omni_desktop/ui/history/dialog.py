"""The history: every send the outbox recorded, its messages, its exact request and answer.
A campaign is one row; selecting it lists its requests, and a chosen request is shown (and
acted on) as a send is. A campaign's test send is a row of its own, marked as a test.

`HistoryDialog` drives a `HistoryPresenter` and never sends anything itself: "Open as new
draft" and "Send again…" hand a draft (IDs cleared) to whoever listens, and "Check status"
asks the server's logs. When the send's account has no key at hand, "Enter key…" asks the
window to open the Accounts dialog on it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.message import OmniMessage

from omni_desktop.storage.campaigns import CampaignRecord, RequestEntry
from omni_desktop.storage.sends import MessageRecord, SendRecord, SendState

from omni_desktop.services.history import HistoryEntry, HistoryService

from omni_desktop.ui.history.campaign_text import request_title
from omni_desktop.ui.history.details import DetailsPane
from omni_desktop.ui.history.export import HistoryExporter
from omni_desktop.ui.history.format import (
    RESEND_NOTE,
    can_check,
    check_result,
    pretty_json,
    response_text,
    summary,
)
from omni_desktop.ui.history.models import (
    COL_ACCOUNT,
    COL_BULK,
    COL_OUTCOME,
    COL_RECIPIENTS,
    COL_SCENARIO,
    COL_SEND,
    COL_TIME,
    SendsModel,
)
from omni_desktop.ui.history.presenter import DRAFT, HISTORY_LIMIT, RESEND, HistoryPresenter
from omni_desktop.ui.history.widgets import resend_question, size_columns, sort_proxy, table_view
from omni_desktop.ui.i18n import tr, trn
from omni_desktop.ui.plain import plain_label
from omni_desktop.ui.theme import error_css

SEARCH_DELAY_MS = 200


class HistoryDialog(QDialog):
    """Every send, searchable, with its details; Check status, Open as new draft, Send again.

    The dialog does not close the clients its service uses.
    """

    draft_requested = Signal(object)  # OmniMessage with IDs cleared
    resend_requested = Signal(object)  # OmniMessage with IDs cleared; new IDs come at send
    key_wanted = Signal(str)  # the account whose key Check status lacks: open it in Accounts

    def __init__(self, history: HistoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = HistoryPresenter(history, self)
        self.exporter = HistoryExporter(self.presenter, self)
        self._searches = 0  # answers received: 0 until the first list arrives
        self._keep: tuple[bool, int] | None = None  # (a campaign?, id) to select next list
        self._keep_request: int | None = None  # the request (send id) to choose once listed
        self._requests_of: int | None = None  # the campaign whose requests are listed
        self._checking: int | None = None  # the send whose status is being asked for
        self._key_profile: str | None = None  # the account "Enter key…" opens
        self._details_of: int | None = None  # the send whose messages the details show
        self.confirm_box: QMessageBox | None = None  # "Send again?" for an unknown outcome
        self._confirm_send_id = 0
        self.setWindowTitle(tr("History"))
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.resize(1140, 640)
        self._build()
        self._connect()
        self.empty_label.setText(tr("Loading…"))
        self.list_stack.setCurrentWidget(self.empty_label)
        self._show_details()
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
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.refresh_button)

        self.model = SendsModel(self)
        self.proxy = sort_proxy(self.model, self)
        self.table = table_view(self, tr("Sends"))
        self.table.setObjectName("history_table")
        self.table.setModel(self.proxy)
        self.table.sortByColumn(COL_TIME, Qt.SortOrder.DescendingOrder)
        metrics = self.table.fontMetrics()
        samples = (
            (COL_SEND, "Campaign #12 · customers"),
            (COL_TIME, "2026-11-26 17:10"),
            (COL_ACCOUNT, "Production EU"),
            (COL_SCENARIO, "9A8B7C6D5E4F"),
            (COL_RECIPIENTS, "Recipients"),
            (COL_BULK, "b-01KB2Z8K3Q4X5Y6"),
        )
        size_columns(self.table, metrics.horizontalAdvance, samples, 24)
        outcome = ((COL_OUTCOME, "Delivered 10 · Undeliverable 2"),)  # and its dot
        size_columns(self.table, metrics.horizontalAdvance, outcome, 40)
        self.empty_label = plain_label("", self)  # quotes the search as typed
        self.empty_label.setObjectName("history_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # the palette's muted text colour
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.details = DetailsPane(metrics.horizontalAdvance, self)
        d = self.details  # the pane's parts, as the tests and the window reach them
        self.summary_label, self.tabs = d.summary_label, d.tabs
        self.messages_model, self.request_view = d.messages_model, d.request_view
        self.response_view = d.response_view
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
        self.export_button = QPushButton(tr("E&xport…"), self)
        self.export_button.setObjectName("history_export")
        self.export_button.setToolTip(
            tr("Save the selected send, or the sends of a time range, as CSV or XLSX")
        )
        export_menu = QMenu(self.export_button)
        self.export_send_action = export_menu.addAction(tr("The selected send…"))
        self.export_range_action = export_menu.addAction(tr("Sends of a time range…"))
        self.export_button.setMenu(export_menu)
        self.message_label = plain_label("", self)
        self.message_label.setObjectName("history_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setAccessibleName(tr("Result"))
        self.key_button = QPushButton(tr("Enter &key…"), self)
        self.key_button.setObjectName("history_enter_key")
        self.key_button.setToolTip(tr("Open this account in Accounts to enter its key"))
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_label, 1)
        message_row.addWidget(self.key_button, 0, Qt.AlignmentFlag.AlignTop)
        self.message_label.setVisible(False)
        self.key_button.setVisible(False)
        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_box.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (
            self.check_button,
            self.draft_button,
            self.resend_button,
            self.export_button,
        ):
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
        layout.addLayout(message_row)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.refresh_button.clicked.connect(self._on_refresh_shortcut_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.details.requests_table.selectionModel().currentRowChanged.connect(
            self._on_table_current_row_changed
        )
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.details.fetch_button.clicked.connect(self._on_fetch_button_clicked)
        self.draft_button.clicked.connect(self._on_draft_button_clicked)
        self.resend_button.clicked.connect(self._on_resend_button_clicked)
        self.key_button.clicked.connect(self._on_key_button_clicked)
        self.export_send_action.triggered.connect(self._on_export_send_action_triggered)
        self.export_range_action.triggered.connect(self.exporter.export_range)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(
            self._on_find_shortcut_activated
        )
        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(
            self._on_refresh_shortcut_activated
        )
        p = self.presenter
        p.searched.connect(self._on_presenter_searched)
        p.search_failed.connect(self._on_presenter_search_failed)
        p.requests_loaded.connect(self._on_presenter_requests_loaded)
        p.campaign_loaded.connect(self._on_presenter_campaign_loaded)
        p.campaign_failed.connect(self._on_presenter_details_failed)
        p.details_loaded.connect(self._on_presenter_details_loaded)
        p.details_failed.connect(self._on_presenter_details_failed)
        p.checked.connect(self._on_presenter_checked)
        p.reports_fetched.connect(self._on_presenter_reports_fetched)
        p.check_failed.connect(self._on_presenter_check_failed)
        p.no_client.connect(self._on_presenter_no_client)
        p.draft_ready.connect(self._on_presenter_draft_ready)
        p.draft_failed.connect(self._on_presenter_draft_failed)
        p.exported.connect(self._on_presenter_exported)
        p.export_failed.connect(self._on_presenter_export_failed)

    # --- API -----------------------------------------------------------------------------------

    def refresh(self) -> asyncio.Task[Any]:
        """Read the history again (with the search) in a worker thread, keeping the selection."""
        self._search_timer.stop()
        if self._keep is None and (kept := self.selected_entry()) is not None:
            self._keep = isinstance(kept, CampaignRecord), kept.id
            if isinstance(kept, CampaignRecord) and (request := self.selected_record()):
                self._keep_request = request.id
        return self.presenter.search(self.search_edit.text())

    def loaded(self) -> bool:
        """Whether a list has arrived since the dialog opened."""
        return self._searches > 0

    def select_send(self, send_id: int) -> bool:
        """Select the send if listed (True). Else it is selected when the list arrives, a
        search that hides it cleared first; False now."""
        if self._select_listed(send_id):
            return True
        self._keep = False, send_id
        if self.search_edit.text():
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.refresh()
        return False

    def select_campaign(self, campaign_id: int) -> bool:
        """Select the campaign's row if listed (True); False when it is not."""
        return self._select_listed(campaign_id, campaign=True)

    def selected_entry(self) -> HistoryEntry | None:
        """The selected row: a send, or a campaign."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry_at(self.proxy.mapToSource(index).row())

    def selected_campaign(self) -> CampaignRecord | None:
        entry = self.selected_entry()
        return entry if isinstance(entry, CampaignRecord) else None

    def selected_record(self) -> SendRecord | None:
        """The send the details show and the buttons act on: the selected send, or the
        chosen request of the selected campaign (None while none is, or it never started)."""
        entry = self.selected_entry()
        if not isinstance(entry, CampaignRecord):
            return entry
        request = self.details.chosen_request()
        return None if request is None else request.send

    def message_text(self) -> str:
        """The inline sentence under the table (a result or an error), "" when none."""
        return self.message_label.text() if not self.message_label.isHidden() else ""

    async def shutdown(self) -> None:
        """Let a status check finish (it records what it learnt), stop the reads, wait."""
        await self.presenter.close()

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

    # --- presenter -----------------------------------------------------------------------------

    def _on_presenter_searched(self, records: list[HistoryEntry], search: str) -> None:
        self._searches += 1
        keep, self._keep = self._keep, None
        self._requests_of = None  # a campaign's requests are read again too
        self.model.set_entries(records)
        self._show_count(len(records), search)
        if not (keep is not None and self._select_listed(keep[1], keep[0])) and records:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_details()

    def _on_presenter_search_failed(self, sentence: str) -> None:
        self._searches += 1
        self._keep = None
        self._say(sentence, error=True)

    def _on_presenter_requests_loaded(self, campaign_id: int, entries: list[RequestEntry]) -> None:
        if (campaign := self.selected_campaign()) is None or campaign.id != campaign_id:
            return
        self.details.requests_model.set_entries(entries)
        keep, self._keep_request = self._keep_request, None
        if keep is not None:
            self.details.choose_request(keep)
        elif self.selected_record() is None:  # the campaign's summary: now with its messages
            self.summary_label.setText(self._no_send_text(campaign))
        self._update_buttons()

    def _on_presenter_campaign_loaded(self, campaign: CampaignRecord) -> None:
        self.model.update_record(campaign)
        if (current := self.selected_campaign()) is not None and current.id == campaign.id:
            self._show_details()

    def _on_presenter_details_loaded(self, send_id: int, messages: list[MessageRecord]) -> None:
        if (record := self.selected_record()) is not None and record.id == send_id:
            self.messages_model.set_messages(messages)

    def _on_presenter_details_failed(self, _send_id: int, sentence: str) -> None:
        self._say(sentence, error=True)

    def _on_presenter_checked(self, record: SendRecord) -> None:
        self._checking = None
        self.model.update_record(record)
        self.details.requests_model.update_record(record)
        if record.campaign_id is not None and not record.is_test:
            self.presenter.campaign(record.campaign_id)  # its counts changed too
        self._say(check_result(record))
        if (current := self.selected_record()) is not None and current.id == record.id:
            self._show_details()
        self._update_buttons()

    def _on_presenter_reports_fetched(self, campaign_id: int, count: int) -> None:
        self._checking = None
        self._say(trn("%n delivery report(s) fetched.", None, count))
        self.presenter.campaign(campaign_id)  # counted again, its requests read again
        self._requests_of = None
        self._show_details()

    def _on_presenter_check_failed(self, _send_id: int, sentence: str) -> None:
        self._checking = None
        self._say(sentence, error=True)
        self._update_buttons()

    def _on_presenter_no_client(self, sentence: str, profile: str | None) -> None:
        self._checking = None
        self._say(sentence, error=True)
        self._key_profile = profile
        self.key_button.setVisible(profile is not None)
        self._update_buttons()

    def _on_presenter_draft_ready(self, purpose: str, send_id: int, draft: OmniMessage) -> None:
        if purpose == RESEND:
            self._say(tr(RESEND_NOTE))
            self.resend_requested.emit(draft)
        else:
            self._say(tr("Send #{id} was opened as a new draft.").format(id=send_id))
            self.draft_requested.emit(draft)

    def _on_presenter_draft_failed(self, sentence: str) -> None:
        self._say(sentence, error=True)

    def _on_presenter_exported(self, path: str, count: int) -> None:
        self._say(trn("Saved %n message(s) to {path}.", None, count).format(path=path))

    def _on_presenter_export_failed(self, sentence: str) -> None:
        self._say(sentence, error=True)

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
        self._checking = record.id
        self._say(tr("Asking the server's logs about send #{id}…").format(id=record.id))
        self._update_buttons()
        self.presenter.check_status(record)

    def _on_fetch_button_clicked(self) -> None:
        campaign = self.selected_campaign()
        if campaign is None or self._checking is not None:
            return
        self._checking = campaign.id
        self._say(tr("Fetching the delivery reports of campaign #{id}…").format(id=campaign.id))
        self._update_buttons()
        self.presenter.fetch_reports(campaign)

    def _on_export_send_action_triggered(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.exporter.export_send(record.id)

    def _on_key_button_clicked(self) -> None:
        if self._key_profile is not None:
            self.key_wanted.emit(self._key_profile)

    def _on_draft_button_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.presenter.draft(record.id, DRAFT)

    def _on_resend_button_clicked(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        if not record.outcome_unknown:
            self.presenter.draft(record.id, RESEND)
            return
        box = resend_question(self, record.id)
        box.finished.connect(self._on_confirm_box_finished)
        self.confirm_box, self._confirm_send_id = box, record.id
        box.open()

    def _on_confirm_box_finished(self, _result: int) -> None:
        box, self.confirm_box = self.confirm_box, None
        if box is None or box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        self.presenter.draft(self._confirm_send_id, RESEND)

    # --- internals -----------------------------------------------------------------------------

    def _say(self, sentence: str, error: bool = False) -> None:
        self.message_label.setText(sentence)
        self.message_label.setStyleSheet(error_css() if error else "")
        self.message_label.setVisible(bool(sentence))
        self.key_button.setVisible(False)  # shown again only with its own sentence

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
        entry = self.selected_entry()
        campaign = entry if isinstance(entry, CampaignRecord) else None
        self.details.show_requests(campaign is not None)
        if campaign is None:
            self._requests_of = None
        elif self._requests_of != campaign.id:
            self._requests_of = campaign.id
            self.details.requests_model.set_entries([])  # another campaign's would mislead
            self.presenter.campaign_requests(campaign.id)
        record = self.selected_record()
        self.details.setEnabled(entry is not None)
        self.tabs.setEnabled(record is not None)
        if record is None:
            self._details_of = None
            self.summary_label.setText(self._no_send_text(campaign))
            self.details.clear_send()
            self._update_buttons()
            return
        if self._details_of != record.id:
            self.messages_model.set_messages([])  # another send's messages would mislead
        self._details_of = record.id
        self.presenter.details(record.id)
        text = summary(record)
        if campaign is not None and (request := self.details.chosen_request()) is not None:
            text = request_title(campaign, request) + "\n" + text
        self.summary_label.setText(text)
        self.request_view.setPlainText(pretty_json(record.request_json))
        self.response_view.setPlainText(response_text(record))
        self._update_buttons()

    def _no_send_text(self, campaign: CampaignRecord | None) -> str:
        if campaign is None:
            return tr("Select a send to see its messages, request and answer.")
        return self.details.campaign_text(campaign)

    def _update_buttons(self) -> None:
        record = self.selected_record()
        busy = self._checking is not None
        self.check_button.setText(tr("Checking…") if busy else tr("Check &status"))
        self.check_button.setEnabled(not busy and record is not None and can_check(record))
        awaiting = self.details.requests_model.awaiting_reports()
        self.details.fetch_button.setEnabled(not busy and awaiting)
        self.draft_button.setEnabled(record is not None)
        self.export_send_action.setEnabled(record is not None)
        # A campaign's request of unknown outcome (or not sent) goes again by resuming its
        # campaign, which asks the logs first; one that was answered can be sent again by hand.
        held = (
            record is not None
            and record.campaign_id is not None
            and not record.is_test
            and record.state not in (SendState.ACCEPTED, SendState.REJECTED)
        )
        self.resend_button.setEnabled(
            record is not None and record.state is not SendState.SENDING and not held
        )
        self.resend_button.setToolTip(
            tr("This request goes again when its campaign is resumed, which checks it first.")
            if held
            else tr(RESEND_NOTE)
        )

    def _select_listed(self, send_id: int, campaign: bool = False) -> bool:
        row = self.model.row_of(send_id, campaign)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _focus_details(self) -> None:
        if self.selected_campaign() is not None and self.selected_record() is None:
            self.details.requests_table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.selected_record() is None:
            return
        self._show_details()
        page = self.tabs.currentWidget()
        (page or self.tabs).setFocus(Qt.FocusReason.OtherFocusReason)
