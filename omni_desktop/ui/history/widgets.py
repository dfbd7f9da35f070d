"""The history's building blocks: a read-only table, a sorting proxy and a JSON view."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from omni_desktop.ui.history.format import RESEND_NOTE
from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import SORT_ROLE


def json_view(name: str, parent: QWidget) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setAccessibleName(name)
    return view


def table_view(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves (no keyboard trap)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def size_columns(
    table: QTableView, advance: Callable[[str], int], samples: Iterable[tuple[int, str]], extra: int
) -> None:
    """Each column wide enough for its sample text (longer text is cut; tooltips have it)."""
    for column, sample in samples:
        table.setColumnWidth(column, advance(sample) + extra)


def resend_question(parent: QWidget, send_id: int) -> QMessageBox:
    """ "Send again?" for a send of unknown outcome: No is the default and Escape's answer."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Send again?"),
        tr(
            "The outcome of send #{id} is unknown: its messages may already have been "
            "delivered. Send it again anyway?"
        ).format(id=send_id),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText(tr(RESEND_NOTE))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def sort_proxy(model: QAbstractTableModel, parent: QObject) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


__all__ = ["json_view", "resend_question", "size_columns", "sort_proxy", "table_view"]
