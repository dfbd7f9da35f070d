"""`StatusFilterProxyModel`, the status table's filter, and `ProxyRows`, its row mapping."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRegularExpression, QSortFilterProxyModel, Qt, Signal

from omni_desktop.core.status import StatusGroup

from omni_desktop.ui.qt_common import SORT_ROLE
from omni_desktop.ui.status.model import SEARCH_ROLE, SEP, StatusTableModel
from omni_desktop.ui.status.rows import COL_CHANNEL


@dataclass(frozen=True)
class FunnelFilter:
    """A bar of the delivery funnel as a filter: rows whose channel is one of `channels`
    ("" for none yet) and whose group is one of `groups` (None: any); `label` names it."""

    channels: frozenset[str] | None
    groups: frozenset[StatusGroup] | None
    label: str = ""


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
        self._funnel: FunnelFilter | None = None

    @property
    def is_filtering(self) -> bool:
        """Whether a filter is set: some rows of the model may be left out."""
        return bool(self._text) or self._group is not None or self._funnel is not None

    @property
    def funnel_filter(self) -> FunnelFilter | None:
        return self._funnel

    def set_filter(
        self, text: str, group: StatusGroup | None = None, funnel: FunnelFilter | None = None
    ) -> None:
        """Show only rows with `text` in any cell and, when given, in `group` and in the
        funnel bar `funnel` (both must hold)."""
        text = _clean_filter_text(text)
        if (text, group, funnel) == (self._text, self._group, self._funnel):
            return
        self.filter_about_to_change.emit()
        self._text, self._group, self._funnel = text, group, funnel
        pattern = _pattern(text, group, funnel)
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


def _pattern(text: str, group: StatusGroup | None, funnel: FunnelFilter | None) -> str:
    """The regular expression over `SEARCH_ROLE` (`GROUP<US>cell<US>cell…`) for the filters."""
    groups = funnel.groups if funnel is not None else None
    if group is not None:
        groups = frozenset({group}) if groups is None else groups & {group}
    channels = funnel.channels if funnel is not None else None
    if not text and groups is None and channels is None:
        return ""
    if (groups is not None and not groups) or (channels is not None and not channels):
        return "(?!)"  # nothing can match
    parts = ["^"]
    if text:
        parts.append(f"(?=.*{QRegularExpression.escape(text)})")
    cell = f"[^{SEP}]*"
    if groups is not None:
        names = sorted(g.name for g in groups)
        parts.append(f"(?:{'|'.join(names)}){SEP}")
    elif channels is not None:
        parts.append(cell + SEP)
    if channels is not None:
        names = sorted(QRegularExpression.escape(c) for c in channels)
        parts.append(f"(?:{cell}{SEP}){{{COL_CHANNEL}}}(?:{'|'.join(names)}){SEP}")
    return "".join(parts)


class ProxyRows:
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
