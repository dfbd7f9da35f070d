"""The status table: one row per destination of the last send, updated by delivery reports.

`StatusTableModel` is built for 100,000 rows: `set_rows` does no per-row work, the rows per group
are counted once (on the first `counts()`) and then kept up to date by reports, display strings
are formatted on first use and cached, and sorting happens in Python on the rows themselves
(`StatusFilterProxyModel.sort` forwards to the model) because a proxy sort calls `data()` from
C++ about 3.4 million times for 100,000 rows, several seconds. `StatusPanel` shows the model
directly while no filter is set, and puts its `StatusFilterProxyModel` between model and view
only while one is.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QRegularExpression,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omni_desktop.core.status import Status, StatusGroup

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.plain import plain_message_box, plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Native values for sorting: group order, POSIX timestamp, price as a number, text."""
SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""`GROUP<US>cell<US>cell…` of the whole row, what the filter matches (one call per row)."""

COL_TO, COL_MESSAGE_ID, COL_GROUP, COL_STATUS, COL_DESCRIPTION = range(5)
COL_ACTION, COL_CHANNEL, COL_PRICE, COL_UPDATED = range(5, 9)
_HEADERS = (
    "To",
    "Message ID",
    "Group",
    "Status",
    "Description",
    "Action",
    "Channel",
    "Price",
    "Updated",
)
COLUMNS = _HEADERS
"""The column names in order (untranslated): `COLUMNS.index("Status")` is that column."""
_EXPORT_EXTRA = ("Error",)

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
_SEP = "\x1f"  # unit separator: never typed into the filter, so never matched across cells

# Hues chosen to read on light and dark bases alike: the cell gets a translucent tint and a
# solid dot, and its text keeps the palette's own colour.
GROUP_COLOURS: dict[StatusGroup, QColor] = {
    StatusGroup.ACCEPTED: QColor(30, 136, 229),
    StatusGroup.PENDING: QColor(255, 160, 0),
    StatusGroup.DELIVERED: QColor(67, 160, 71),
    StatusGroup.UNDELIVERABLE: QColor(229, 57, 53),
    StatusGroup.REJECTED: QColor(198, 40, 40),
    StatusGroup.EXPIRED: QColor(136, 136, 136),
    StatusGroup.UNKNOWN: QColor(142, 68, 173),
}
# QBrush(colour, style): the one-argument form resolves its overload on a slow path (~17 ms the
# first time, at start-up).
_TINTS = {
    group: QBrush(QColor(c.red(), c.green(), c.blue(), 56), Qt.BrushStyle.SolidPattern)
    for group, c in GROUP_COLOURS.items()
}
# Sort order of the Group column: in flight first, then success, then the failures.
_GROUP_ORDER = {
    group: i
    for i, group in enumerate(
        (
            StatusGroup.UNKNOWN,
            StatusGroup.ACCEPTED,
            StatusGroup.PENDING,
            StatusGroup.DELIVERED,
            StatusGroup.EXPIRED,
            StatusGroup.UNDELIVERABLE,
            StatusGroup.REJECTED,
        )
    )
}
_GROUP_BY_NAME = {group.name: group for group in StatusGroup}
_PRICE_RE = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
_dots: dict[StatusGroup, QPixmap] = {}


def group_of(status: Status | None) -> StatusGroup:
    """The group of `status`; a row with no status yet counts as UNKNOWN."""
    if status is None:
        return StatusGroup.UNKNOWN
    return _group_by_name(status.group_name)


def _group_by_name(name: str) -> StatusGroup:
    # A dict hit instead of Status.group's upper() and enum lookup: this runs per painted cell.
    return _GROUP_BY_NAME.get(name) or StatusGroup.from_name(name)


def group_label(group: StatusGroup) -> str:
    """`Pending`, `Delivered`…: a group's name for sentences and the filter combo."""
    return tr(group.name.capitalize())


def group_dot(group: StatusGroup) -> QPixmap:
    """A small solid dot in the group's colour, at the screen's pixel ratio.

    A pixmap of the exact size rather than a QIcon: the view then draws it without scaling,
    which keeps painting the Group column as cheap as painting text.
    """
    pixmap = _dots.get(group)
    if pixmap is None:
        ratio = QGuiApplication.primaryScreen().devicePixelRatio() if _has_screen() else 1.0
        pixmap = QPixmap(round(16 * ratio), round(16 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(GROUP_COLOURS[group].darker(130))
        painter.setBrush(GROUP_COLOURS[group])
        painter.drawEllipse(QRectF(3, 3, 10, 10))
        painter.end()
        _dots[group] = pixmap
    return pixmap


def _has_screen() -> bool:
    return QGuiApplication.primaryScreen() is not None


def outcome_unknown_status() -> Status:
    """The status of a message whose send answer never arrived."""
    return Status(
        group_id=-1,
        group_name=StatusGroup.UNKNOWN.name,
        id=-1,
        name="OUTCOME_UNKNOWN",
        description=tr("The send's answer never arrived: the message may or may not be sent."),
        action=tr("Check the delivery reports before sending again."),
    )


@dataclass(slots=True)
class StatusRow:
    """One destination of a send and what is known of its message.

    Slots keep a row's fields in the row object itself: a pass over 100,000 rows (counting the
    groups, a sort) reads about half as much scattered memory, and takes half the time.
    """

    to: str  # the phone number or e-mail address shown
    message_id: str
    status: Status | None = None
    channel: str = ""  # the channel that delivered it, from reports
    price: str = ""
    error: str = ""
    updated_at: datetime | None = None


class DeliveryReport(Protocol):
    """What `update_from_reports` reads from a report; `core.report.Report` fits.

    `price` may be text or an object with `price_per_message` and `currency`; `error` may be
    text or an object with `name` and `description` (group 0 / NO_ERROR counts as none).
    """

    @property
    def message_id(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def channel(self) -> str | None: ...
    @property
    def price(self) -> object: ...
    @property
    def error(self) -> object: ...
    @property
    def done_at(self) -> datetime | None: ...


def price_text(price: object) -> str:
    """`0.0065 EUR` from a report's price (text, a `Price`-like object, or None)."""
    if price is None or isinstance(price, str):
        return price or ""
    amount = getattr(price, "price_per_message", None)
    currency = str(getattr(price, "currency", "") or "")
    if not isinstance(amount, int | float):
        return currency
    number = f"{amount:.6f}".rstrip("0").rstrip(".")
    return f"{number} {currency}".strip()


def error_text(error: object) -> str:
    """`EC_ABSENT_SUBSCRIBER_SM: Absent subscriber` from a report's error; "" for none."""
    if error is None or isinstance(error, str):
        return error or ""
    name = str(getattr(error, "name", "") or "")
    if name == "NO_ERROR" or getattr(error, "group_id", None) == 0:
        return ""
    description = str(getattr(error, "description", "") or "")
    return f"{name}: {description}" if name and description else name or description


def _local_text(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _cells(row: StatusRow) -> tuple[str, ...]:
    status = row.status
    return (
        row.to,
        row.message_id,
        group_of(status).name,
        status.name if status else "",
        status.description if status else "",
        status.action if status else "",
        row.channel,
        row.price,
        _local_text(row.updated_at),
    )


def _count_groups(rows: Sequence[StatusRow]) -> dict[StatusGroup, int]:
    """Rows per group, every group present: one C-speed `Counter` over the group names.

    About 5 ms for 100,000 rows; the names are few, so the enum lookup runs once per name.
    """
    names = Counter([s.group_name if (s := r.status) is not None else "" for r in rows])
    counts = dict.fromkeys(StatusGroup, 0)
    for name, n in names.items():
        counts[_group_by_name(name) if name else StatusGroup.UNKNOWN] += n
    return counts


def _price_value(price: str) -> float:
    match = _PRICE_RE.search(price)
    return float(match.group().replace(",", ".")) if match else -math.inf


def _sort_key(row: StatusRow, column: int) -> Any:
    """A value of one native type per column, so the proxy and Python both compare it."""
    if column == COL_GROUP:
        return _GROUP_ORDER[group_of(row.status)]
    if column == COL_UPDATED:
        # A float, not the datetime: PySide6 hands an aware datetime to Qt as an opaque
        # Python object, which QSortFilterProxyModel cannot order.
        return -math.inf if row.updated_at is None else row.updated_at.timestamp()
    if column == COL_PRICE:
        return _price_value(row.price)
    status = row.status
    if column == COL_TO:
        return row.to.casefold()
    if column == COL_MESSAGE_ID:
        return row.message_id.casefold()
    if column == COL_STATUS:
        return status.name.casefold() if status else ""
    if column == COL_DESCRIPTION:
        return status.description.casefold() if status else ""
    if column == COL_ACTION:
        return status.action.casefold() if status else ""
    if column == COL_CHANNEL:
        return row.channel.casefold()
    return ""


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
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY and role not in _ROLES:
            return None  # most calls: the delegate asks every cell for font, colours, check…
        row = index.row()
        if row < 0:
            return None
        if role == _DISPLAY:
            cells = self._cells.get(row)
            if cells is None:
                cells = self._cells[row] = _cells(self._rows[row])
            return cells[index.column()]
        column = index.column()
        if role == SORT_ROLE:
            return _sort_key(self._rows[row], column)
        if role == _BACKGROUND:
            return _TINTS[group_of(self._rows[row].status)] if column == COL_GROUP else None
        if role == _DECORATION:
            return group_dot(group_of(self._rows[row].status)) if column == COL_GROUP else None
        if role == _ALIGNMENT:
            if column == COL_PRICE:
                return _ALIGN_RIGHT
            return None
        if role == SEARCH_ROLE:
            cells = self._row_cells(row)
            return f"{cells[COL_GROUP]}{_SEP}{_SEP.join(cells)}"
        if role == _TOOLTIP:  # server text: shown literally, never as rich text
            tip = self._tooltip(row, column)
            return plain_tooltip(tip) if tip else None
        if role == _ACCESSIBLE:
            return f"{tr(_HEADERS[column])}: {self._row_cells(row)[column]}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is not _HORIZONTAL:
            # A shown row header sizes itself from ~200 sections, asking each for six roles;
            # a size hint answers in one call, which keeps a reset as fast as a C++ model's.
            if role == _DISPLAY:
                return section + 1
            return self._row_header_size() if role == _SIZE_HINT else None
        if not 0 <= section < len(_HEADERS):
            return None
        if role == _DISPLAY:
            return tr(_HEADERS[section])
        if role == _TOOLTIP:
            return tr("Sort by {column}").format(column=tr(_HEADERS[section]))
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

        The rows of a `set_rows` are counted on the first call (one pass, ~5 ms for 100,000
        rows); `update_from_reports` and `mark_outcome_unknown` then keep the counts up to date.
        """
        if self._counts is None:
            self._counts = _count_groups(self._rows)
        return dict(self._counts)

    def export_cells(self, row: int) -> list[str]:
        """The row as written to CSV and the clipboard: the columns, ISO time, then the error."""
        item = self._rows[row]
        cells = list(self._row_cells(row))
        cells[COL_UPDATED] = "" if item.updated_at is None else item.updated_at.isoformat()
        cells.append(item.error)
        return cells

    @staticmethod
    def export_headers() -> list[str]:
        return [tr(h) for h in (*_HEADERS, *_EXPORT_EXTRA)]

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
            cells = self._cells[row] = _cells(self._rows[row])
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
                local=_local_text(item.updated_at),
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
        last_column = len(_HEADERS) - 1
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
        keys = [_sort_key(item, column) for item in self._rows]
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


def _clean_filter_text(text: str) -> str:
    """The filter text as matched: trimmed, without control characters."""
    return "".join(ch for ch in text.strip() if ch.isprintable())


class StatusFilterProxyModel(QSortFilterProxyModel):
    """Filters by text (every column, case-insensitive) and by group; sorts through the model.

    Both filters are one regular expression over the model's `SEARCH_ROLE`, so filtering is one
    `data()` call per row and an unfiltered reset stays in C++. `sort` is forwarded to a
    `StatusTableModel`, which orders its rows in Python by the same `SORT_ROLE` values, so the
    proxy keeps the model's order: its rows map to increasing model rows.
    """

    filter_about_to_change = Signal()
    """Emitted by `set_filter` before the filter changes (a view may leave the proxy then)."""
    filter_changed = Signal()
    """Emitted by `set_filter` once the filter changed; `is_filtering` tells if one is set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._group: StatusGroup | None = None

    @property
    def filter_text(self) -> str:
        return self._text

    @property
    def filter_group(self) -> StatusGroup | None:
        return self._group

    @property
    def is_filtering(self) -> bool:
        """Whether a filter is set: some rows of the model may be left out."""
        return bool(self._text) or self._group is not None

    def set_filter(self, text: str, group: StatusGroup | None = None) -> None:
        """Show only rows with `text` in any cell and, when given, in `group`."""
        text = _clean_filter_text(text)
        if (text, group) == (self._text, self._group):
            return
        self.filter_about_to_change.emit()
        self._text, self._group = text, group
        pattern = QRegularExpression.escape(text) if text else ""
        if group is not None:
            pattern = f"^{group.name}{_SEP}" + (f".*{pattern}" if pattern else "")
        options = (
            QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.DotMatchesEverythingOption
        )
        self.setFilterRegularExpression(QRegularExpression(pattern, options))
        self.filter_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, StatusTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)


_BANNER_STYLE = """
QFrame#error_banner {
    background-color: rgba(229, 57, 53, 46);
    border: 1px solid rgba(229, 57, 53, 160);
    border-radius: 4px;
}
"""
_LIVE_FILTER_ROWS = 20_000  # above this, the filter waits for a pause in typing


class StatusPanel(QWidget):
    """The status of the last send: bulkId, counts per group, a filterable, sortable table.

    The table shows `model` directly while no filter is set, and `proxy` (which always follows
    the model) only while one is: an unfiltered proxy in between adds about half again to the
    time a fill of 100,000 rows takes to show. The selection and current row are carried over
    at each switch; rows of `table.model()`, whichever it is, map to model rows through
    `source_row`, `selected_source_rows` and `visible_source_rows`.
    """

    export_failed = Signal(str)
    export_finished = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, model: StatusTableModel | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_panel")
        self.model = model if model is not None else StatusTableModel(self)
        self.proxy = StatusFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._file_dialog: QFileDialog | None = None
        self._error_box: QMessageBox | None = None

        self._build_error_banner()
        self._build_header_rows()
        self._build_table()
        self._build_actions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error_banner)
        layout.addLayout(self._bulk_row)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.stack, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.group_combo.currentIndexChanged.connect(self._on_group_combo_current_index_changed)
        self.model.bulk_id_changed.connect(self._on_model_bulk_id_changed)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.modelReset.connect(self._on_model_rows_changed)
        self.model.rowsInserted.connect(self._on_model_rows_changed)
        self.model.rowsRemoved.connect(self._on_model_rows_changed)
        self.proxy.filter_about_to_change.connect(self._on_proxy_filter_about_to_change)
        self.proxy.filter_changed.connect(self._on_proxy_filter_changed)
        self._on_model_bulk_id_changed(self.model.bulk_id)
        self._on_model_counts_changed()
        self._on_model_rows_changed()
        self._on_table_selection_changed()

    # --- building ------------------------------------------------------------------------------

    def _build_error_banner(self) -> None:
        self.error_banner = QFrame(self)
        self.error_banner.setObjectName("error_banner")
        self.error_banner.setStyleSheet(_BANNER_STYLE)
        icon = QLabel(self.error_banner)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message_label = QLabel(self.error_banner)
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.message_label.setAccessibleName(tr("Error message"))
        self.error_close_button = QToolButton(self.error_banner)
        self.error_close_button.setText("✕")
        self.error_close_button.setAutoRaise(True)
        self.error_close_button.setAccessibleName(tr("Dismiss the error message"))
        self.error_close_button.setToolTip(tr("Dismiss this message"))
        self.error_close_button.clicked.connect(self.clear_error)
        row = QHBoxLayout(self.error_banner)
        row.setContentsMargins(8, 6, 4, 6)
        row.addWidget(icon)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.error_close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.error_banner.setVisible(False)

    def _build_header_rows(self) -> None:
        bulk_caption = QLabel(tr("Bulk ID:"), self)
        self.bulk_label = QLabel(self)
        self.bulk_label.setObjectName("bulk_label")
        self.bulk_label.setTextFormat(Qt.TextFormat.PlainText)
        self.bulk_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.bulk_label.setAccessibleName(tr("Bulk ID"))
        self.bulk_label.setToolTip(tr("The bulkId of the last send, shared by all its messages"))
        bulk_caption.setBuddy(self.bulk_label)
        self.copy_bulk_button = QToolButton(self)
        self.copy_bulk_button.setText(tr("Copy ID"))
        self.copy_bulk_button.setAccessibleName(tr("Copy the bulk ID"))
        self.copy_bulk_button.setToolTip(tr("Copy the bulk ID to the clipboard"))
        self.copy_bulk_button.clicked.connect(self._on_copy_bulk_button_clicked)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setAccessibleName(tr("Messages per status group"))
        self.summary_label.setToolTip(tr("How many messages are in each status group"))
        self._bulk_row = QHBoxLayout()
        self._bulk_row.addWidget(bulk_caption)
        self._bulk_row.addWidget(self.bulk_label)
        self._bulk_row.addWidget(self.copy_bulk_button)
        self._bulk_row.addSpacing(16)
        self._bulk_row.addWidget(self.summary_label, 1)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(tr("Filter: number, message ID, status…"))
        self.filter_edit.setAccessibleName(tr("Filter messages"))
        self.filter_edit.setToolTip(tr("Show only the messages with this text in any column"))
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("group_combo")
        self.group_combo.addItem(tr("All groups"), None)
        for group in sorted(StatusGroup, key=_GROUP_ORDER.__getitem__):
            self.group_combo.addItem(QIcon(group_dot(group)), group_label(group), group)
        self.group_combo.setAccessibleName(tr("Status group"))
        self.group_combo.setToolTip(tr("Show only the messages in this status group"))
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.copy_button = QToolButton(self)
        self.export_button = QToolButton(self)
        self._filter_row = QHBoxLayout()
        self._filter_row.addWidget(self.filter_edit, 1)
        self._filter_row.addWidget(self.group_combo)
        self._filter_row.addWidget(self.copy_button)
        self._filter_row.addWidget(self.export_button)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("status_table")
        self.table.setModel(self.model)  # the proxy only while a filter is set: _show_model
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.setAccessibleName(tr("Message statuses"))
        self.table.setToolTip(tr("One row per message; click a column header to sort"))
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().setVisible(False)
        row_height = self.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # send order until a click
        self.table.setSortingEnabled(True)
        metrics = self.fontMetrics()
        icon_room = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        samples = (
            ("+385 91 234 5678", 0),
            ("m-01JZ8K3Q4X5Y6Z7A8B9C0D1E2F", 0),
            ("UNDELIVERABLE", icon_room),
            ("PENDING_WAITING_DELIVERY", 0),
            ("Message sent to next instance", 0),
            ("Retry later", 0),
            ("Channel", 0),
            ("0.0065 EUR", 0),
        )
        for column, (sample, extra) in enumerate(samples):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20 + extra)

        self.placeholder_label = QLabel(
            tr("No messages sent yet. Send a message to see its status here."), self
        )
        self.placeholder_label.setObjectName("placeholder_label")
        self.placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.setEnabled(False)  # the palette's muted text colour
        self.placeholder_label.setAccessibleName(tr("No messages"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder_label)
        self.stack.addWidget(self.table)

    def _build_actions(self) -> None:
        self.copy_action = QAction(tr("Copy rows"), self)
        # Shown in the context menu; the key itself is caught by eventFilter, because the view
        # would otherwise copy only its current cell whenever the shortcut does not fire first.
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.installEventFilter(self)
        self.copy_action.setToolTip(tr("Copy the selected rows as tab-separated text"))
        self.copy_action.triggered.connect(self._on_copy_action_triggered)
        self.export_action = QAction(tr("Export CSV…"), self)
        self.export_action.setToolTip(tr("Save the rows shown to a CSV file"))
        self.export_action.triggered.connect(self._on_export_action_triggered)
        for action in (self.copy_action, self.export_action):
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_button.setDefaultAction(self.copy_action)
        self.copy_button.setAccessibleName(tr("Copy the selected rows"))
        self.export_button.setDefaultAction(self.export_action)
        self.export_button.setAccessibleName(tr("Export the rows shown to CSV"))

    # --- API -----------------------------------------------------------------------------------

    def show_error(self, sentence: str) -> None:
        """Show one plain sentence (e.g. why the API refused the send) above the table."""
        self.message_label.setText(sentence)
        self.error_banner.setAccessibleDescription(sentence)
        self.error_banner.setVisible(True)

    def error_text(self) -> str:
        """The sentence the error banner shows, or "" when it is hidden."""
        return self.message_label.text() if not self.error_banner.isHidden() else ""

    def clear_error(self) -> None:
        self.message_label.clear()
        self.error_banner.setAccessibleDescription("")
        self.error_banner.setVisible(False)

    def is_filtered(self) -> bool:
        """Whether the table shows the proxy (a filter is set) rather than the model itself."""
        return self.table.model() is self.proxy

    def source_row(self, row: int) -> int:
        """The model row shown as row `row` of the table (whichever model the table shows)."""
        return _ProxyRows(self.proxy).source(row) if self.is_filtered() else row

    def selected_source_rows(self) -> list[int]:
        """Model rows of the selection, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not self.is_filtered():
            return rows
        proxy_rows = _ProxyRows(self.proxy)
        return [proxy_rows.source(r) for r in rows]

    def visible_source_rows(self) -> list[int]:
        """Model rows that pass the filter, in the order shown."""
        if not self.is_filtered():
            return list(range(self.model.rowCount()))
        proxy_rows = _ProxyRows(self.proxy)
        runs = proxy_rows.runs(0, proxy_rows.count - 1)
        return [row for first, last in runs for row in range(first, last + 1)]

    def copy_selection(self) -> str:
        """Put the selected rows on the clipboard as TSV with a header line; returns the text."""
        rows = self.selected_source_rows()
        if not rows:
            return ""
        lines = [self.model.export_headers()]
        lines += [self.model.export_cells(row) for row in rows]
        text = "".join("\t".join(_tsv_cell(c) for c in line) + "\n" for line in lines)
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        return text

    def export_csv(self, path: Path, only_visible: bool = True) -> bool:
        """Write the rows shown (or all rows) to `path` as UTF-8 CSV with a header line.

        A failure is reported through `export_failed` and a message box, never raised.
        """
        rows = self.visible_source_rows() if only_visible else range(self.model.rowCount())
        try:
            with Path(path).open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(self.model.export_headers())
                writer.writerows(self.model.export_cells(row) for row in rows)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            sentence = tr("Could not save the CSV file {path}: {reason}.").format(
                path=path, reason=reason
            )
            self.export_failed.emit(sentence)
            self._show_export_error(sentence)
            return False
        self.export_finished.emit(str(path))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+C on the table copies the selected rows (not just the current cell)."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.copy_selection()
            return True
        return super().eventFilter(watched, event)

    # --- slots ---------------------------------------------------------------------------------

    def _on_model_bulk_id_changed(self, bulk_id: str) -> None:
        self.bulk_label.setText(bulk_id or "—")
        self.copy_bulk_button.setEnabled(bool(bulk_id))

    def _on_model_counts_changed(self) -> None:
        counts = self.model.counts()
        total = sum(counts.values())
        if not total:
            self.summary_label.setText(tr("No messages"))
            return
        head = tr("1 message") if total == 1 else tr("{n} messages").format(n=total)
        parts = [
            f"{n} {group_label(group).lower()}"
            for group in sorted(counts, key=_GROUP_ORDER.__getitem__)
            if (n := counts[group])
        ]
        self.summary_label.setText(f"{head}: {', '.join(parts)}")

    def _on_model_rows_changed(self) -> None:
        empty = self.model.rowCount() == 0
        self.stack.setCurrentWidget(self.placeholder_label if empty else self.table)
        self.export_action.setEnabled(not empty)

    def _on_table_selection_changed(self) -> None:
        self.copy_action.setEnabled(self.table.selectionModel().hasSelection())

    def _on_filter_edit_text_changed(self, _text: str) -> None:
        if self.model.rowCount() > _LIVE_FILTER_ROWS:
            self._filter_timer.start()
        else:
            self._apply_filter()

    def _on_filter_timer_timeout(self) -> None:
        self._apply_filter()

    def _on_group_combo_current_index_changed(self, _index: int) -> None:
        self._apply_filter()

    def _on_proxy_filter_about_to_change(self) -> None:
        # QSortFilterProxyModel applies a new filter one run of rows at a time (first filtering
        # every row by the old one if it has not yet), and each run moves the rows after it:
        # with many runs (a filter that keeps every third of 100,000 rows) that takes seconds.
        # So the table shows the model while the filter changes, and the proxy changes it with
        # no source model: given the model back, it filters afresh, in one pass, when shown.
        self._show_model(self.model)
        self.proxy.setSourceModel(None)  # type: ignore[arg-type]

    def _on_proxy_filter_changed(self) -> None:
        self.proxy.setSourceModel(self.model)
        self._show_model(self.proxy if self.proxy.is_filtering else self.model)

    def _on_copy_bulk_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.model.bulk_id)

    def _on_copy_action_triggered(self) -> None:
        self.copy_selection()

    def _on_export_action_triggered(self) -> None:
        # A non-blocking dialog: getSaveFileName would spin a nested event loop under qasync.
        name = f"{self.model.bulk_id or 'messages'}.csv"
        dialog = QFileDialog(self, tr("Export CSV"), name, tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self._on_file_dialog_file_selected)
        self._file_dialog = dialog
        dialog.open()

    def _on_file_dialog_file_selected(self, path: str) -> None:
        self._file_dialog = None
        self.export_csv(Path(path))

    # --- internals -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        group = self.group_combo.currentData()
        self.proxy.set_filter(
            self.filter_edit.text(), group if isinstance(group, StatusGroup) else None
        )

    def _show_model(self, model: QAbstractItemModel) -> None:
        """Show `model` (the source model or the proxy), keeping the selection and current row."""
        table, proxy = self.table, self.proxy
        old = table.selectionModel()
        if table.model() is model:
            return
        current = old.currentIndex()
        old_selection = old.selection()
        old_spans = [
            (r.top(), r.bottom()) for r in map(old_selection.at, range(old_selection.count()))
        ]
        proxy_rows = _ProxyRows(proxy)
        if model is proxy:  # model rows to the proxy rows that show them, if any
            row = current.row()
            shown = proxy_rows.spans([(row, row)]) if current.isValid() else []
            current_row = shown[0][0] if shown else -1
            spans = proxy_rows.spans(old_spans)
        else:  # proxy rows to runs of model rows
            current_row = proxy_rows.source(current.row()) if current.isValid() else -1
            spans = [run for span in old_spans for run in proxy_rows.runs(*span)]
        selection = QItemSelection()
        last_column = model.columnCount() - 1
        for first, last in spans:
            selection.select(model.index(first, 0), model.index(last, last_column))
        column = max(current.column(), 0)
        table.setModel(model)
        new = table.selectionModel()
        new.selectionChanged.connect(self._on_table_selection_changed)
        if old.parent() is table:  # the view made it (and it was connected here): drop it
            old.selectionChanged.disconnect(self._on_table_selection_changed)
            old.reset()  # its ranges are persistent indexes: the model would keep moving them
            old.deleteLater()
        if current_row >= 0:
            index = model.index(current_row, column)
            new.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            table.scrollTo(index)
        if not selection.isEmpty():
            new.select(selection, QItemSelectionModel.SelectionFlag.Select)
        self._on_table_selection_changed()

    def _show_export_error(self, sentence: str) -> None:
        box = plain_message_box(self, QMessageBox.Icon.Warning, tr("Export failed"), sentence)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_error_box_finished)
        self._error_box = box
        box.open()

    def _on_error_box_finished(self, _result: int) -> None:
        self._error_box = None


class _ProxyRows:
    """Where the rows of a `StatusFilterProxyModel` are in its model, mapped on demand, once.

    The proxy keeps the model's order (its sort goes to the model), so its rows map to
    increasing model rows, and both directions are found by galloping: a run of rows, or the
    proxy rows of a span of model rows, costs a few mappings rather than one per row.
    """

    def __init__(self, proxy: QSortFilterProxyModel) -> None:
        self._proxy = proxy
        self.count = proxy.rowCount()
        self._sources: dict[int, int] = {}

    def source(self, row: int) -> int:
        """The model row of proxy row `row`."""
        source = self._sources.get(row)
        if source is None:
            proxy = self._proxy
            source = self._sources[row] = proxy.mapToSource(proxy.index(row, 0)).row()
        return source

    def runs(self, first: int, last: int) -> Iterator[tuple[int, int]]:
        """The model rows of proxy rows `first`..`last`, as (first, last) runs of adjacent rows."""
        while first <= last:
            start = self.source(first)
            # source(row) - row never decreases, and stays the same along a run.
            end = self._gallop(self._skipped, start - first, first + 1, last + 1)
            yield start, start + end - 1 - first
            first = end

    def spans(self, source_spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The (first, last) proxy rows showing the model rows of `source_spans`."""
        spans: list[tuple[int, int]] = []
        cursor = 0
        for top, bottom in _merged(source_spans):
            first = self._gallop(self.source, top - 1, cursor, self.count)
            cursor = self._gallop(self.source, bottom, first, self.count)
            if first < cursor:
                spans.append((first, cursor - 1))
        return spans

    def _skipped(self, row: int) -> int:
        """How many model rows the proxy leaves out before proxy row `row`."""
        return self.source(row) - row

    @staticmethod
    def _gallop(key: Callable[[int], int], threshold: int, low: int, high: int) -> int:
        """The first row in `low`..`high - 1` whose `key` (never decreasing) is above
        `threshold`, or `high`: steps of 1, 2, 4… from `low`, then a bisection."""
        step = 1
        while low + step - 1 < high and key(low + step - 1) <= threshold:
            low += step
            step *= 2
        high = min(low + step - 1, high)
        while low < high:
            middle = (low + high) // 2
            if key(middle) > threshold:
                high = middle
            else:
                low = middle + 1
        return low


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` (first, last) sorted, the ones that overlap or touch joined."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + 1:
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def _tsv_cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
