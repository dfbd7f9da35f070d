"""`StatusTableModel`: the rows of one send, keyed by messageId for delivery reports.

Built for 100,000 rows: `set_rows` does no per-row work, the rows per group are counted once
(on the first `counts()`) and then kept up to date by reports, display strings are formatted on
first use and cached, and sorting happens in Python on the rows themselves (the filter proxy
forwards its sort here) because a proxy sort calls `data()` from C++ millions of times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication

from omni_desktop.core.status import Status, StatusGroup

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_tooltip
from omni_desktop.ui.qt_common import SORT_ROLE, AnyIndex
from omni_desktop.ui.status.rows import (
    COL_ACTION,
    COL_DESCRIPTION,
    COL_GROUP,
    COL_PRICE,
    COL_STATUS,
    COL_UPDATED,
    EXPORT_HEADERS,
    HEADERS,
    DeliveryReport,
    StatusRow,
    count_groups,
    error_text,
    group_of,
    local_text,
    outcome_unknown_status,
    price_parts,
    price_text,
    row_cells,
    sort_key,
)
from omni_desktop.ui.status.style import TINTS, group_dot

SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""`GROUP<US>cell<US>cell…` of the whole row, what the filter matches (one call per row)."""

# Plain ints: PySide6 passes the role as an int, and int comparisons keep data() cheap.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_SIZE_HINT = int(Qt.ItemDataRole.SizeHintRole)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_HORIZONTAL = Qt.Orientation.Horizontal
_ROLES = frozenset(
    {SORT_ROLE, SEARCH_ROLE, _DECORATION, _TOOLTIP, _BACKGROUND, _ALIGNMENT, _ACCESSIBLE}
)
SEP = "\x1f"  # unit separator: never typed into the filter, so never matched across cells


class StatusTableModel(QAbstractTableModel):
    """The rows of one send (`bulk_id`), keyed by messageId for delivery reports."""

    bulk_id_changed = Signal(str)
    counts_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StatusRow] = []
        self._cells: dict[int, tuple[str, ...]] = {}  # display strings, made on first use
        self._order: list[int] | None = None  # send position of each row once sorted
        self._index: dict[str, int] | None = None  # messageId -> row, built on first use
        self._counts: dict[StatusGroup, int] | None = None  # kept up to date once counted
        self._header_size: QSize | None = None
        self._bulk_id = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._sorted = True  # rows are in (sort column, order) order; no row changed since

    # --- Qt overrides: kept lean, the view calls data() several times per cell ---------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY and role not in _ROLES:
            return None  # most calls: the delegate asks every cell for font, colours, check…
        row = index.row()
        if row < 0:
            return None
        if role == _DISPLAY:
            cells = self._cells.get(row)
            if cells is None:
                cells = self._cells[row] = row_cells(self._rows[row])
            return cells[index.column()]
        column = index.column()
        if role == SORT_ROLE:
            return sort_key(self._rows[row], column)
        if role == _BACKGROUND:
            return TINTS[group_of(self._rows[row].status)] if column == COL_GROUP else None
        if role == _DECORATION:
            return group_dot(group_of(self._rows[row].status)) if column == COL_GROUP else None
        if role == _ALIGNMENT:
            if column == COL_PRICE:
                return _ALIGN_RIGHT
            return None
        if role == SEARCH_ROLE:
            cells = self._row_cells(row)
            return f"{cells[COL_GROUP]}{SEP}{SEP.join(cells)}"
        if role == _TOOLTIP:  # server text: shown literally, never as rich text
            tip = self._tooltip(row, column)
            return plain_tooltip(tip) if tip else None
        if role == _ACCESSIBLE:
            return f"{tr(HEADERS[column])}: {self._row_cells(row)[column]}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is not _HORIZONTAL:
            # A shown row header sizes itself from ~200 sections, asking each for six roles;
            # a size hint answers in one call, which keeps a reset as fast as a C++ model's.
            if role == _DISPLAY:
                return section + 1
            return self._row_header_size() if role == _SIZE_HINT else None
        if not 0 <= section < len(HEADERS):
            return None
        if role == _DISPLAY:
            return tr(HEADERS[section])
        if role == _TOOLTIP:
            return tr("Sort by {column}").format(column=tr(HEADERS[section]))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows themselves by `SORT_ROLE` values; column -1 restores send order."""
        if self._sorted and (column, order) == (self._sort_column, self._sort_order):
            return  # already in that order: QTableView.sortByColumn asks twice
        self._sort_column, self._sort_order = column, order
        self._sorted = True
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        permutation = self._sorted_positions(column, order)
        new_row = [0] * len(permutation)
        for new, old in enumerate(permutation):
            new_row[old] = new
        self._apply_permutation(permutation)
        old_indexes = self.persistentIndexList()
        self.changePersistentIndexList(
            old_indexes, [self.index(new_row[i.row()], i.column()) for i in old_indexes]
        )
        self.layoutChanged.emit()

    # --- API -----------------------------------------------------------------------------------

    @property
    def bulk_id(self) -> str:
        return self._bulk_id

    @bulk_id.setter
    def bulk_id(self, value: str | None) -> None:
        value = value or ""
        if value != self._bulk_id:
            self._bulk_id = value
            self.bulk_id_changed.emit(value)

    @property
    def rows(self) -> tuple[StatusRow, ...]:
        """The rows in their current order (the model owns them: update them through it)."""
        return tuple(self._rows)

    def row_at(self, row: int) -> StatusRow:
        return self._rows[row]

    def row_of(self, message_id: str) -> int | None:
        return self._message_index().get(message_id)

    def set_rows(self, rows: Iterable[StatusRow], bulk_id: str | None = None) -> None:
        """Replace every row (one model reset, no per-row work until rows are shown)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = {}
        self._order = None
        self._index = None
        self._counts = None  # counted on the first counts(), then kept up to date
        self._header_size = None
        if self._sort_column >= 0 and self._rows:
            self._apply_permutation(self._sorted_positions(self._sort_column, self._sort_order))
        self._sorted = True
        self.endResetModel()
        if bulk_id is not None:
            self.bulk_id = bulk_id
        self.counts_changed.emit()

    def append_rows(self, rows: Sequence[StatusRow]) -> None:
        """Add a campaign request's rows after the others (kept in the chosen sort order)."""
        if not rows:
            return
        if self._sort_column >= 0 or self._order is not None:
            self.set_rows([*self._in_send_order(), *rows])
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        if self._index is not None:
            self._index.update((item.message_id, start + i) for i, item in enumerate(rows))
        if self._counts is not None:
            for group, count in count_groups(rows).items():
                self._counts[group] += count
        self.endInsertRows()
        self.counts_changed.emit()

    def remove_messages(self, message_ids: Iterable[str]) -> None:
        """Drop these messages' rows (a campaign request planned again with new IDs)."""
        gone = set(message_ids)
        if gone & self._message_index().keys():
            self.set_rows([r for r in self._in_send_order() if r.message_id not in gone])

    def _in_send_order(self) -> list[StatusRow]:
        order = self._order
        if order is None:
            return list(self._rows)
        return [row for _, row in sorted(zip(order, self._rows, strict=True), key=_first)]

    def clear(self) -> None:
        self.set_rows([])
        self.bulk_id = ""

    def update_from_reports(self, reports: Iterable[DeliveryReport]) -> int:
        """Apply delivery reports to their rows by messageId; returns how many rows changed.

        A final status is not replaced by a later non-final one (reports may arrive out of
        order); reports for messages not in the table are ignored.
        """
        index = self._message_index()
        changed: list[int] = []
        for report in reports:
            row = index.get(report.message_id)
            if row is None:
                continue
            item = self._rows[row]
            if item.status is not None and item.status.is_final and not report.status.is_final:
                continue
            self._set_status(item, report.status)
            item.channel = report.channel or item.channel
            item.price = price_text(report.price)
            item.error = error_text(report.error)
            item.updated_at = report.done_at or item.updated_at
            self._cells.pop(row, None)
            changed.append(row)
        self._emit_rows_changed(changed)
        return len(changed)

    def mark_outcome_unknown(self, message_ids: Iterable[str]) -> int:
        """Mark messages whose send answer never arrived (rows with a final status are kept)."""
        index = self._message_index()
        unknown = outcome_unknown_status()
        changed: list[int] = []
        for message_id in message_ids:
            row = index.get(message_id)
            if row is None:
                continue
            item = self._rows[row]
            if item.status is not None and item.status.is_final:
                continue
            self._set_status(item, unknown)
            self._cells.pop(row, None)
            changed.append(row)
        self._emit_rows_changed(changed)
        return len(changed)

    def counts(self) -> dict[StatusGroup, int]:
        """Rows per group, every group present (zero when none): a copy, O(groups).

        The rows of a `set_rows` are counted on the first call (one pass); then
        `update_from_reports` and `mark_outcome_unknown` keep the counts up to date.
        """
        if self._counts is None:
            self._counts = count_groups(self._rows)
        return dict(self._counts)

    def export_values(self, row: int) -> list[str | float | None]:
        """The row as exported: the columns with the price as a number (None when unknown)
        and its currency after it, the time in ISO 8601, then the error."""
        item = self._rows[row]
        cells: list[str | float | None] = list(self._row_cells(row))
        cells[COL_UPDATED] = "" if item.updated_at is None else item.updated_at.isoformat()
        amount, currency = price_parts(item.price) if item.price else (None, "")
        cells[COL_PRICE] = amount
        cells.insert(COL_PRICE + 1, currency)
        cells.append(item.error)
        return cells

    def export_cells(self, row: int) -> list[str]:
        """`export_values` as text, for the clipboard."""
        return [
            "" if v is None else v if isinstance(v, str) else repr(v)
            for v in self.export_values(row)
        ]

    @staticmethod
    def export_headers() -> list[str]:
        return [tr(h) for h in EXPORT_HEADERS]

    # --- internals -----------------------------------------------------------------------------

    def _row_header_size(self) -> QSize:
        if self._header_size is None:
            metrics = QFontMetrics(QGuiApplication.font())
            width = metrics.horizontalAdvance(str(max(len(self._rows), 1))) + 16
            self._header_size = QSize(width, metrics.height() + 8)
        return self._header_size

    def _row_cells(self, row: int) -> tuple[str, ...]:
        cells = self._cells.get(row)
        if cells is None:
            cells = self._cells[row] = row_cells(self._rows[row])
        return cells

    def _tooltip(self, row: int, column: int) -> str | None:
        item = self._rows[row]
        status = item.status
        if column in (COL_GROUP, COL_STATUS, COL_DESCRIPTION, COL_ACTION):
            lines = []
            if status is not None:
                lines.append(f"{status.name}: {status.description}".rstrip(": "))
                if status.action:
                    lines.append(tr("Action: {action}").format(action=status.action))
            else:
                lines.append(tr("No status received yet."))
            if item.error:
                lines.append(tr("Error: {error}").format(error=item.error))
            return "\n".join(lines)
        if column == COL_UPDATED and item.updated_at is not None:
            return tr("{local} local time\n{utc} UTC").format(
                local=local_text(item.updated_at),
                utc=item.updated_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
            )
        return self._row_cells(row)[column] or None

    def _set_status(self, item: StatusRow, status: Status) -> None:
        counts = self._counts
        if counts is not None:
            counts[group_of(item.status)] -= 1
            counts[group_of(status)] += 1
        item.status = status
        self._sorted = False  # its place in a sorted column may have changed

    def _emit_rows_changed(self, rows: list[int]) -> None:
        """One dataChanged per run of consecutive rows: exactly the rows that changed."""
        if not rows:
            return
        rows.sort()
        last_column = len(HEADERS) - 1
        start = prev = rows[0]
        for row in [*rows[1:], -2]:
            if row in (prev, prev + 1):
                prev = row
                continue
            self.dataChanged.emit(self.index(start, 0), self.index(prev, last_column), [])
            start = prev = row
        self.counts_changed.emit()

    def _message_index(self) -> dict[str, int]:
        if self._index is None:
            self._index = {item.message_id: i for i, item in enumerate(self._rows)}
        return self._index

    def _sorted_positions(self, column: int, order: Qt.SortOrder) -> list[int]:
        if column < 0:
            sent = self._order
            if sent is None:
                return list(range(len(self._rows)))
            return sorted(range(len(self._rows)), key=sent.__getitem__)
        keys = [sort_key(item, column) for item in self._rows]
        # A stable sort both ways, like the proxy's: ties keep their current order.
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)

    def _apply_permutation(self, positions: Sequence[int]) -> None:
        self._rows = [self._rows[i] for i in positions]
        cells = self._cells
        self._cells = {new: c for new, old in enumerate(positions) if (c := cells.get(old))}
        order = self._order
        self._order = list(positions) if order is None else [order[i] for i in positions]
        self._index = None


def _first(pair: tuple[int, StatusRow]) -> int:
    return pair[0]
