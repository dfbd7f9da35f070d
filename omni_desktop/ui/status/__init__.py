"""The status table: one row per destination of the last send, updated by delivery reports.

rows (StatusRow, columns, text and sort values), style (group colours, dots, labels), model
(StatusTableModel), proxy (the filter), export (clipboard and CSV text), banner (the error
line), panel (StatusPanel, the widget the window shows).
"""

from omni_desktop.ui.qt_common import SORT_ROLE
from omni_desktop.ui.status.model import SEARCH_ROLE, StatusTableModel
from omni_desktop.ui.status.panel import StatusPanel
from omni_desktop.ui.status.proxy import StatusFilterProxyModel
from omni_desktop.ui.status.rows import (
    COL_ACTION,
    COL_CHANNEL,
    COL_DESCRIPTION,
    COL_GROUP,
    COL_MESSAGE_ID,
    COL_PRICE,
    COL_STATUS,
    COL_TO,
    COL_UPDATED,
    COLUMNS,
    DeliveryReport,
    StatusRow,
    error_text,
    group_of,
    outcome_unknown_status,
    price_text,
)
from omni_desktop.ui.status.style import GROUP_COLOURS, group_dot, group_label

__all__ = [
    "COLUMNS",
    "COL_ACTION",
    "COL_CHANNEL",
    "COL_DESCRIPTION",
    "COL_GROUP",
    "COL_MESSAGE_ID",
    "COL_PRICE",
    "COL_STATUS",
    "COL_TO",
    "COL_UPDATED",
    "GROUP_COLOURS",
    "SEARCH_ROLE",
    "SORT_ROLE",
    "DeliveryReport",
    "StatusFilterProxyModel",
    "StatusPanel",
    "StatusRow",
    "StatusTableModel",
    "error_text",
    "group_dot",
    "group_label",
    "group_of",
    "outcome_unknown_status",
    "price_text",
]
