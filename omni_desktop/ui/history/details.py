"""The History dialog's lower pane: what the chosen send is, and its messages, request and
answer; for a campaign, its requests above them, one of which the operator chooses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.storage.campaigns import CampaignRecord, RequestEntry

from omni_desktop.ui.history.campaign_text import campaign_summary
from omni_desktop.ui.history.models import MessagesModel
from omni_desktop.ui.history.requests import REQ_BULK, REQ_COUNTS, REQ_SEQ, REQ_STATE, RequestsModel
from omni_desktop.ui.history.widgets import json_view, size_columns, sort_proxy, table_view
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_label


class DetailsPane(QWidget):
    """The summary line, a campaign's requests (hidden for a plain send) and the tabs."""

    def __init__(self, advance: Callable[[str], int], parent: QWidget) -> None:
        super().__init__(parent)
        self.summary_label = plain_label("", self)  # the server's and file's text
        self.summary_label.setObjectName("history_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setAccessibleName(tr("The selected send"))
        self.fetch_button = QPushButton(tr("&Fetch delivery reports"), self)
        self.fetch_button.setObjectName("history_fetch_reports")
        self.fetch_button.setToolTip(
            tr("Fetch the delivery reports waiting at the API for this campaign's messages")
        )
        self.fetch_button.setVisible(False)

        self.requests_model = RequestsModel(self)
        self.requests_proxy = sort_proxy(self.requests_model, self)
        self.requests_table = table_view(self, tr("Requests of the campaign"))
        self.requests_table.setObjectName("history_requests")
        self.requests_table.setModel(self.requests_proxy)
        self.requests_table.sortByColumn(REQ_SEQ, Qt.SortOrder.AscendingOrder)
        requests = (
            (REQ_SEQ, "Request"),
            (REQ_BULK, "b-01KB2Z8K3Q4X5Y6"),
            (REQ_STATE, "Not started"),
            (REQ_COUNTS, "Delivered 990 · Pending 10"),
        )
        size_columns(self.requests_table, advance, requests, 40)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(tr("Send details"))
        self.messages_model = MessagesModel(self)
        self.messages_table = table_view(self.tabs, tr("Messages of the send"))
        self.messages_table.setModel(sort_proxy(self.messages_model, self))
        messages = (
            "+385 91 234 5678",
            "m-01KB2Z8K3Q4X5Y6Z7A8B9C0D1E",
            "DELIVERED_TO_HANDSET",
            "VIBER",
        )
        size_columns(self.messages_table, advance, enumerate(messages), 40)
        self.request_view = json_view(tr("Request JSON"), self.tabs)
        self.response_view = json_view(tr("Response"), self.tabs)
        self.tabs.addTab(self.messages_table, tr("Messages"))
        self.tabs.addTab(self.request_view, tr("Request"))
        self.tabs.addTab(self.response_view, tr("Response"))

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.requests_table)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([110, 150])
        self.requests_table.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.fetch_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def show_requests(self, shown: bool) -> None:
        """Show the requests table (a campaign is selected) or hide and empty it."""
        if not shown:
            self.requests_model.set_entries([])
        self.requests_table.setVisible(shown)
        self.fetch_button.setVisible(shown)

    def chosen_request(self) -> RequestEntry | None:
        """The request chosen in the requests table, None when none is (or no campaign)."""
        index = self.requests_table.currentIndex()
        if self.requests_table.isHidden() or not index.isValid():
            return None
        return self.requests_model.entry_at(self.requests_proxy.mapToSource(index).row())

    def choose_request(self, send_id: int) -> bool:
        """Choose the request whose send is `send_id`; False when it is not listed."""
        row = self.requests_model.row_of(send_id)
        if row is None:
            return False
        index = self.requests_proxy.mapFromSource(self.requests_model.index(row, 0))
        self.requests_table.setCurrentIndex(index)
        self.requests_table.scrollTo(index)
        return True

    def campaign_text(self, campaign: CampaignRecord) -> str:
        """The summary of a campaign with no request's send chosen: the campaign, its
        messages by how they fared (once its requests are read), and what to do next."""
        if self.chosen_request() is not None:  # chosen, never started
            hint = tr("This request has not been sent yet: resume the campaign to send it.")
        else:
            hint = tr("Choose a request to see its messages, request and answer.")
        return campaign_summary(campaign, self.requests_model.delivery()) + "\n" + hint

    def clear_send(self) -> None:
        """No send chosen: no messages, request or answer."""
        self.messages_model.set_messages([])
        self.request_view.clear()
        self.response_view.clear()


__all__ = ["DetailsPane"]
