"""Status table fill: 100,000 rows set and painted, `StatusTableModel` against a bare table model.

One timed fill is `set_rows(rows)` on a model already shown in a view, then everything the view
does before the rows are on screen: the pending events (the view's delayed layout, header and
scroll bar updates), a synchronous `repaint()` of the window (every visible cell asks `data()`
for its roles), and the events that follows. The rows are made beforehand; the model holds none
before the fill (an empty `set_rows` and a paint, untimed). Cases, each in a 1200x600 window:

- baseline: a bare `QAbstractTableModel` over a list of 100,000 tuples of the same 9 strings
  (Display role only), in the view;
- ours, model in view: `StatusTableModel.set_rows` with 100,000 `StatusRow`s, in the same view;
- ours, StatusPanel: the whole panel (its filter proxy, sortable table, counts per group),
  `panel.model.set_rows`, compared with the baseline in the panel-like view;
- baseline + proxy (for information): the bare model behind a `StatusFilterProxyModel` with
  no filter, in the panel-like view: the share of the panel's time that is the proxy's. The time
  of `StatusTableModel.counts()` (the panel's summary line, recomputed on each fill) is printed
  too.

Two kinds of view: "plain" (a `QTableView` as Qt makes it, row numbers shown) and "panel-like"
(configured as `StatusPanel` configures its table: no row numbers, fixed row height, the same
column widths, alternating colours). Best of ROUNDS runs of each, in wall-clock and CPU time,
the cases taking turns. Target: each of ours <= 1.2x its baseline (wall), the StatusPanel against
the bare baseline.

    .venv/bin/python benchmarks/bench_table_fill.py [--rows 100000] [--rounds 15]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from omni_desktop.core.status import Status

from omni_desktop.ui.status import (
    COLUMNS,
    StatusFilterProxyModel,
    StatusPanel,
    StatusRow,
    StatusTableModel,
)

TARGET = 1.2
STATUSES = (
    Status(1, "PENDING", 7, "PENDING_ENROUTE", "Message sent to next instance"),
    Status(3, "DELIVERED", 5, "DELIVERED_TO_HANDSET", "Message delivered to handset"),
    Status(2, "UNDELIVERABLE", 9, "UNDELIVERABLE_NOT_DELIVERED", "Message sent not delivered"),
    Status(4, "EXPIRED", 15, "EXPIRED_EXPIRED", "Message expired", "Retry later"),
    Status(5, "REJECTED", 6, "REJECTED_NETWORK", "Network is forbidden", "Check the number"),
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


def make_rows(count: int) -> tuple[list[StatusRow], list[tuple[str, ...]]]:
    """`StatusRow`s, and the same rows as the 9 display strings a table shows for them."""
    start = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    rows: list[StatusRow] = []
    tuples: list[tuple[str, ...]] = []
    for i in range(count):
        status = STATUSES[i % len(STATUSES)]
        row = StatusRow(
            to=f"385{i % 100:02d}{i:07d}",
            message_id=f"m-{i:012d}-bench",
            status=status,
            channel="SMS" if i % 3 else "VIBER",
            price="0.0065 EUR",
            updated_at=start + timedelta(seconds=i),
        )
        rows.append(row)
        updated = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # type: ignore[union-attr]
        tuples.append(
            (
                row.to,
                row.message_id,
                status.group_name,
                status.name,
                status.description,
                status.action,
                row.channel,
                row.price,
                updated,
            )
        )
    return rows, tuples


AnyIndex = QModelIndex | QPersistentModelIndex


class BareTableModel(QAbstractTableModel):
    """The least a table model can be: strings for the Display role, nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, ...]] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:
            return self._rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return super().headerData(section, orientation, role)

    def set_rows(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


def panel_like(view: QTableView) -> None:
    """Configure `view` the way `StatusPanel._build_table` configures its table."""
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)


class Case:
    """One model in one shown window; `fill()` is the timed part."""

    def __init__(
        self, name: str, top: QWidget, fill: Callable[[], None], empty: Callable[[], None]
    ):
        self.name, self.top, self._fill, self._empty = name, top, fill, empty
        self.wall = self.cpu = float("inf")
        top.resize(1200, 600)
        top.show()
        settle(top)

    def run(self) -> None:
        self._empty()
        settle(self.top)
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        self._fill()
        settle(self.top)
        self.wall = min(self.wall, time.perf_counter() - wall)
        self.cpu = min(self.cpu, time.process_time() - cpu)


def settle(top: QWidget) -> None:
    """Run what is pending (delayed layouts), paint the window now, run what that queued."""
    QApplication.processEvents()
    top.repaint()
    QApplication.processEvents()


def view_case(
    name: str,
    model: BareTableModel | StatusTableModel,
    rows: Sequence[Any],
    configure: bool,
    proxy: bool = False,
) -> Case:
    view = QTableView()
    if configure:
        panel_like(view)
    if proxy:
        filter_proxy = StatusFilterProxyModel(view)
        filter_proxy.setSourceModel(model)
        view.setModel(filter_proxy)
    else:
        view.setModel(model)
    if configure:
        # The widths StatusPanel gives its columns, so the same cells are visible.
        template = StatusPanel()
        for column in range(len(COLUMNS)):
            view.horizontalHeader().resizeSection(
                column, template.table.horizontalHeader().sectionSize(column)
            )
        template.deleteLater()
    return Case(name, view, lambda: model.set_rows(rows), lambda: model.set_rows([]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    rows, tuples = make_rows(args.rows)

    panel = StatusPanel()
    cases = [
        view_case("baseline, plain view", BareTableModel(), tuples, configure=False),
        view_case("ours, model in plain view", StatusTableModel(), rows, configure=False),
        view_case("baseline, panel-like view", BareTableModel(), tuples, configure=True),
        view_case("ours, model in panel-like view", StatusTableModel(), rows, configure=True),
        Case(
            "ours, StatusPanel",
            panel,
            lambda: panel.model.set_rows(rows),
            lambda: panel.model.set_rows([]),
        ),
        view_case("baseline + proxy, panel-like view", BareTableModel(), tuples, True, proxy=True),
    ]
    for round_ in range(args.rounds):
        shift = round_ % len(cases)
        for case in cases[shift:] + cases[:shift]:
            case.run()
    assert panel.table.model().rowCount() == args.rows
    counts = float("inf")
    for _ in range(args.rounds):
        panel.model._counts = None  # what set_rows does; counts() then recounts every row
        started = time.perf_counter()
        panel.model.counts()
        counts = min(counts, time.perf_counter() - started)

    platform = app.platformName()
    print(f"{args.rows:,} rows set and painted, best of {args.rounds} runs each ({platform})")
    print(f"{'':34}{'wall':>10}{'CPU':>10}")
    for case in cases:
        print(f"{case.name:34}{case.wall * 1000:8.1f}ms{case.cpu * 1000:8.1f}ms")
    print(f"{'  of which counts() alone':34}{counts * 1000:8.1f}ms")
    worst = 0.0
    for ours, base in ((1, 0), (3, 2), (4, 2)):
        wall = cases[ours].wall / cases[base].wall
        cpu = cases[ours].cpu / cases[base].cpu
        worst = max(worst, wall)
        label = f"ratio {cases[ours].name.removeprefix('ours, ')}"
        print(f"{label:34}{wall:9.2f}x{cpu:9.2f}x   (target <= {TARGET}x, wall)")
    wall, cpu = cases[4].wall / cases[5].wall, cases[4].cpu / cases[5].cpu
    print(f"{'  StatusPanel / baseline + proxy':34}{wall:9.2f}x{cpu:9.2f}x   (for information)")
    print("within target" if worst <= TARGET else "OVER TARGET")
    app.processEvents()


if __name__ == "__main__":
    main()
