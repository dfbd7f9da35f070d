"""The status table: rows, colours by group, filter, sort, copy, CSV export, delivery reports."""

from __future__ import annotations

import csv
import random
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QMessageBox

from omni_desktop.core import status as st
from omni_desktop.core.report import Error, Price, Report
from omni_desktop.core.status import Status, StatusGroup

from omni_desktop.ui.status import (
    COL_DESCRIPTION,
    COL_GROUP,
    COL_MESSAGE_ID,
    COL_PRICE,
    COL_STATUS,
    COL_TO,
    COL_UPDATED,
    COLUMNS,
    SORT_ROLE,
    StatusPanel,
    StatusRow,
    StatusTableModel,
    group_of,
)

# The offscreen platform warns whenever a top-level widget with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

T0 = datetime(2026, 6, 1, 8, 45, tzinfo=UTC)
ACCEPTED = Status(0, "ACCEPTED", 0, "MESSAGE_ACCEPTED", "Message accepted")


@dataclass(frozen=True)
class FakeReport:
    message_id: str
    status: Status
    channel: str = ""
    price: str | None = None
    error: str | None = None
    done_at: datetime | None = None


def make_rows() -> list[StatusRow]:
    return [
        StatusRow("385911111111", "m-1", st.PENDING_ENROUTE, updated_at=T0),
        StatusRow("385912222222", "m-2", st.DELIVERED_TO_HANDSET, "VIBER", "0.0065 EUR", "", T0),
        StatusRow("ana@example.com", "m-3", st.UNDELIVERABLE_NOT_DELIVERED, "EMAIL", "", "x", T0),
        StatusRow("385914444444", "m-4", st.EXPIRED_EXPIRED, "SMS", "0.01 EUR"),
        StatusRow("385915555555", "m-5", st.REJECTED_DUPLICATE_MESSAGE_ID),
        StatusRow("385916666666", "m-6", ACCEPTED),
    ]


@pytest.fixture
def panel(qtbot: QtBot) -> StatusPanel:
    widget = StatusPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 400)
    widget.model.set_rows(make_rows(), bulk_id="b-1")
    return widget


def column_texts(panel: StatusPanel, column: int) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, panel: StatusPanel) -> None:
    panel.model.mark_outcome_unknown(["m-1"])
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    panel.filter_edit.setText("eur")  # the proxy is given its model again, filtered
    qtmodeltester.check(panel.proxy)
    panel.filter_edit.clear()
    qtmodeltester.check(panel.proxy)


def test_rows_show_what_the_operator_reads(panel: StatusPanel) -> None:
    model = panel.model
    assert model.rowCount() == 6
    assert model.columnCount() == 9
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers == list(COLUMNS)
    assert headers == [
        "To",
        "Message ID",
        "Group",
        "Status",
        "Description",
        "Action",
        "Channel",
        "Price",
        "Updated",
    ]
    row = [model.index(1, c).data() for c in range(9)]
    local = T0.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert row == [
        "385912222222",
        "m-2",
        "DELIVERED",
        "DELIVERED_TO_HANDSET",
        "Message delivered to handset",
        "",
        "VIBER",
        "0.0065 EUR",
        local,
    ]
    updated_tip = model.index(1, COL_UPDATED).data(Qt.ItemDataRole.ToolTipRole)
    assert "08:45:00 UTC" in updated_tip
    assert model.index(2, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole).endswith("Error: x")
    assert model.index(1, COL_PRICE).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )


def test_group_cells_are_coloured_by_group(panel: StatusPanel) -> None:
    model = panel.model
    panel.model.mark_outcome_unknown(["m-1"])  # PENDING becomes UNKNOWN
    backgrounds = {}
    for row in range(model.rowCount()):
        index = model.index(row, COL_GROUP)
        colour = index.data(Qt.ItemDataRole.BackgroundRole).color()
        assert 0 < colour.alpha() < 255  # a tint: the palette's text stays readable on it
        dot = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(dot, QPixmap)
        assert not dot.isNull()
        backgrounds[index.data()] = colour.rgba()
    assert set(backgrounds) == {
        "UNKNOWN",
        "DELIVERED",
        "UNDELIVERABLE",
        "EXPIRED",
        "REJECTED",
        "ACCEPTED",
    }
    assert len(set(backgrounds.values())) == 6
    assert model.index(0, COL_TO).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_row_without_status_counts_as_unknown(qtbot: QtBot) -> None:
    model = StatusTableModel()
    model.set_rows([StatusRow("385911111111", "m-1")])
    assert model.index(0, COL_GROUP).data() == "UNKNOWN"
    assert model.index(0, COL_STATUS).data() == ""
    assert model.counts()[StatusGroup.UNKNOWN] == 1


def test_summary_and_bulk_id(qtbot: QtBot, panel: StatusPanel) -> None:
    assert panel.bulk_label.text() == "b-1"
    assert panel.summary_label.text() == (
        "6 messages: 1 accepted, 1 pending, 1 delivered, 1 expired, 1 undeliverable, 1 rejected"
    )
    with qtbot.waitSignal(panel.model.bulk_id_changed) as blocker:
        panel.model.bulk_id = "b-2"
    assert blocker.args == ["b-2"]
    assert panel.bulk_label.text() == "b-2"
    qtbot.mouseClick(panel.copy_bulk_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "b-2"


def test_empty_table_shows_a_placeholder(qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    assert panel.stack.currentWidget() is panel.placeholder_label
    assert panel.placeholder_label.text() == (
        "No messages sent yet. Send a message to see its status here."
    )
    assert panel.summary_label.text() == ""  # not said twice under the placeholder
    assert panel.bulk_label.text() == "—"
    assert not panel.copy_bulk_button.isEnabled()
    assert not panel.export_action.isEnabled()
    panel.model.set_rows(make_rows())
    assert panel.stack.currentWidget() is panel.table
    assert panel.export_action.isEnabled()


def test_filter_hides_rows_in_any_column_case_insensitively(panel: StatusPanel) -> None:
    panel.filter_edit.setText("viber")
    assert column_texts(panel, COL_MESSAGE_ID) == ["m-2"]
    panel.filter_edit.setText("EXAMPLE.com")
    assert column_texts(panel, COL_MESSAGE_ID) == ["m-3"]
    panel.filter_edit.setText("deliver")  # DELIVERED and UNDELIVERABLE
    assert column_texts(panel, COL_MESSAGE_ID) == ["m-2", "m-3"]
    panel.filter_edit.setText("no such thing")
    assert panel.proxy.rowCount() == 0
    panel.filter_edit.clear()
    assert panel.proxy.rowCount() == 6


def test_group_combo_filters_by_group_and_combines_with_text(panel: StatusPanel) -> None:
    combo = panel.group_combo
    assert combo.itemText(0) == "All groups"
    combo.setCurrentIndex(combo.findData(StatusGroup.DELIVERED))
    assert column_texts(panel, COL_GROUP) == ["DELIVERED"]
    panel.filter_edit.setText("m-3")
    assert panel.proxy.rowCount() == 0
    combo.setCurrentIndex(0)
    assert column_texts(panel, COL_MESSAGE_ID) == ["m-3"]


def test_sort_by_updated_uses_the_moment_not_the_text(qtbot: QtBot, panel: StatusPanel) -> None:
    # Wall-clock order (b 06:00, c 07:00, a 10:00) differs from the order in time (a, b, c).
    a = datetime(2026, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=5)))  # 05:00 UTC
    b = datetime(2026, 1, 1, 6, 0, tzinfo=UTC)
    c = datetime(2026, 1, 1, 7, 0, tzinfo=timezone(timedelta(hours=-3)))  # 10:00 UTC
    panel.model.set_rows(
        [
            StatusRow("1", "c", st.PENDING_ENROUTE, updated_at=c),
            StatusRow("2", "none", st.PENDING_ENROUTE),
            StatusRow("3", "a", st.PENDING_ENROUTE, updated_at=a),
            StatusRow("4", "b", st.PENDING_ENROUTE, updated_at=b),
        ]
    )
    assert panel.proxy.sortRole() == SORT_ROLE
    assert panel.model.index(0, COL_UPDATED).data(SORT_ROLE) == c.timestamp()
    panel.resize(1600, 400)  # every header section in view, whatever the font
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_UPDATED) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == COL_UPDATED
    assert column_texts(panel, COL_MESSAGE_ID) == ["none", "a", "b", "c"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert column_texts(panel, COL_MESSAGE_ID) == ["c", "b", "a", "none"]
    panel.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert column_texts(panel, COL_MESSAGE_ID) == ["c", "none", "a", "b"]  # send order


def test_sort_by_group_and_price_use_native_values(panel: StatusPanel) -> None:
    panel.table.sortByColumn(COL_GROUP, Qt.SortOrder.AscendingOrder)
    assert column_texts(panel, COL_GROUP) == [
        "ACCEPTED",
        "PENDING",
        "DELIVERED",
        "EXPIRED",
        "UNDELIVERABLE",
        "REJECTED",
    ]
    panel.table.sortByColumn(COL_PRICE, Qt.SortOrder.DescendingOrder)
    assert column_texts(panel, COL_PRICE)[:3] == ["0.01 EUR", "0.0065 EUR", ""]


def test_sorting_keeps_the_selection_and_reports_still_find_their_rows(
    panel: StatusPanel,
) -> None:
    panel.table.selectRow(0)  # m-1
    panel.table.sortByColumn(COL_TO, Qt.SortOrder.DescendingOrder)
    assert [panel.model.row_at(r).message_id for r in panel.selected_source_rows()] == ["m-1"]
    panel.model.update_from_reports([FakeReport("m-4", st.DELIVERED_TO_HANDSET)])
    row = panel.model.row_of("m-4")
    assert row is not None
    assert panel.model.index(row, COL_GROUP).data() == "DELIVERED"


def test_update_from_reports_changes_only_the_matching_rows(
    qtbot: QtBot, panel: StatusPanel
) -> None:
    model = panel.model
    before = [[model.index(r, c).data() for c in range(9)] for r in range(6)]
    changed: list[tuple[int, int]] = []

    def on_data_changed(top: QModelIndex, bottom: QModelIndex, _roles: list[int]) -> None:
        changed.append((top.row(), bottom.row()))

    model.dataChanged.connect(on_data_changed)
    done = T0 + timedelta(minutes=5)
    reports = [
        FakeReport("m-1", st.DELIVERED_TO_HANDSET, "SMS", "0.02 EUR", None, done),
        FakeReport("m-6", st.UNDELIVERABLE_NOT_DELIVERED, "VIBER", None, "EC_ABSENT", done),
        FakeReport("not-ours", st.DELIVERED_TO_HANDSET),
    ]
    with qtbot.waitSignal(model.counts_changed):
        assert model.update_from_reports(reports) == 2
    assert changed == [(0, 0), (5, 5)]
    after = [[model.index(r, c).data() for c in range(9)] for r in range(6)]
    assert after[1:5] == before[1:5]
    assert after[0][COL_GROUP] == "DELIVERED"
    assert after[0][6:8] == ["SMS", "0.02 EUR"]
    assert after[0][COL_UPDATED] == done.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert after[5][COL_GROUP] == "UNDELIVERABLE"
    assert model.row_at(5).error == "EC_ABSENT"
    assert model.counts()[StatusGroup.DELIVERED] == 2
    assert model.counts()[StatusGroup.PENDING] == 0
    assert panel.summary_label.text().startswith("6 messages: 2 delivered")


def test_adjacent_report_rows_share_one_signal(panel: StatusPanel) -> None:
    changed: list[tuple[int, int]] = []
    panel.model.dataChanged.connect(
        lambda top, bottom, _r: changed.append((top.row(), bottom.row()))
    )
    panel.model.update_from_reports(
        [FakeReport(f"m-{i}", st.DELIVERED_TO_HANDSET) for i in (3, 2, 5)]
    )
    assert changed == [(1, 2), (4, 4)]


def test_a_final_status_is_not_replaced_by_a_late_pending_report(panel: StatusPanel) -> None:
    assert panel.model.update_from_reports([FakeReport("m-2", st.PENDING_ENROUTE)]) == 0
    assert panel.model.index(1, COL_GROUP).data() == "DELIVERED"


def test_reports_from_the_api_layer_show_price_and_error(panel: StatusPanel) -> None:
    report = Report(
        message_id="m-1",
        to="385911111111",
        status=st.UNDELIVERABLE_NOT_DELIVERED,
        channel="SMS",
        done_at=T0,
        price=Price(0.0065, "EUR"),
        error=Error(1, "HANDSET_ERRORS", 6, "EC_ABSENT_SUBSCRIBER_SM", "Absent subscriber"),
    )
    ok = Report(
        message_id="m-6",
        to="x",
        status=st.DELIVERED_TO_HANDSET,
        channel="VIBER",
        error=Error(0, "OK", 0, "NO_ERROR", "No Error"),
    )
    panel.model.update_from_reports([report, ok])
    assert panel.model.index(0, COL_PRICE).data() == "0.0065 EUR"
    assert panel.model.row_at(0).error == "EC_ABSENT_SUBSCRIBER_SM: Absent subscriber"
    assert panel.model.row_at(5).error == ""


def test_mark_outcome_unknown(panel: StatusPanel) -> None:
    assert panel.model.mark_outcome_unknown(["m-1", "m-2", "m-6", "nope"]) == 2  # m-2 is final
    texts = column_texts(panel, COL_GROUP)
    assert texts[0] == "UNKNOWN"
    assert texts[1] == "DELIVERED"
    assert texts[5] == "UNKNOWN"
    assert "may or may not" in panel.model.index(0, COL_DESCRIPTION).data()
    assert panel.model.counts()[StatusGroup.UNKNOWN] == 2


def test_ctrl_c_copies_selected_rows_as_tsv(qtbot: QtBot, panel: StatusPanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.table.selectRow(0)
    panel.table.selectionModel().select(
        panel.table.model().index(2, 0),
        panel.table.selectionModel().SelectionFlag.Select
        | panel.table.selectionModel().SelectionFlag.Rows,
    )
    panel.table.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(panel.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 3
    assert lines[0].split("\t") == [
        "To",
        "Message ID",
        "Group",
        "Status",
        "Description",
        "Action",
        "Channel",
        "Price",
        "Currency",
        "Updated",
        "Error",
    ]
    first = lines[1].split("\t")
    assert first[:4] == ["385911111111", "m-1", "PENDING", "PENDING_ENROUTE"]
    assert datetime.fromisoformat(first[COL_UPDATED + 1]) == T0  # after the currency
    assert lines[2].split("\t")[:2] == ["ana@example.com", "m-3"]
    assert lines[2].split("\t")[-1] == "x"


def test_export_csv_writes_the_visible_rows(tmp_path: Path, panel: StatusPanel) -> None:
    panel.filter_edit.setText("eur")
    path = tmp_path / "status.csv"
    assert panel.export_csv(path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["To", "Message ID", "Group"]
    assert rows[0][-1] == "Error"
    assert [r[1] for r in rows[1:]] == ["m-2", "m-4"]
    # The price as a number a spreadsheet can sum, its currency in the next column.
    assert (rows[0][COL_PRICE], rows[0][COL_PRICE + 1]) == ("Price", "Currency")
    assert (float(rows[1][COL_PRICE]), rows[1][COL_PRICE + 1]) == (0.0065, "EUR")
    assert datetime.fromisoformat(rows[1][COL_UPDATED + 1]) == T0

    assert panel.export_csv(path, only_visible=False)
    with path.open(encoding="utf-8", newline="") as handle:
        assert [r[1] for r in csv.reader(handle)][1:] == ["m-1", "m-2", "m-3", "m-4", "m-5", "m-6"]


def test_export_keeps_non_ascii_text(tmp_path: Path, qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.model.set_rows([StatusRow("žana@primjer.hr", "m-ž", st.PENDING_ENROUTE)])
    path = tmp_path / "ž.csv"
    assert panel.export_csv(path)
    assert "žana@primjer.hr,m-ž,PENDING" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_export_failure_is_shown_as_one_plain_sentence(
    qtbot: QtBot, tmp_path: Path, panel: StatusPanel, where: str
) -> None:
    # Tests run as root, where a read-only folder does not stop a write: use paths that fail.
    path = tmp_path / "missing" / "status.csv" if where == "missing-folder" else tmp_path
    with qtbot.waitSignal(panel.export_failed) as blocker:
        assert not panel.export_csv(path)
    sentence = blocker.args[0]
    assert sentence.startswith(f"Could not save the CSV file {path}: ")
    assert sentence.endswith(".")
    assert "Traceback" not in sentence
    assert "Errno" not in sentence
    box = panel.findChild(QMessageBox)
    assert box is not None
    assert box.isVisible()
    assert box.text() == sentence
    assert box.isModal()  # opened with open(): window-modal, no nested event loop
    box.close()


def test_error_banner_shows_and_clears(qtbot: QtBot, panel: StatusPanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.error_banner.isVisible()
    sentence = "The API rejected the key: check the API key in the profile settings."
    panel.show_error(sentence)
    assert panel.error_banner.isVisible()
    assert panel.message_label.text() == sentence
    assert panel.error_text() == sentence
    assert panel.message_label.wordWrap()
    qtbot.mouseClick(panel.error_close_button, Qt.MouseButton.LeftButton)
    assert not panel.error_banner.isVisible()
    panel.show_error(sentence)
    panel.clear_error()
    assert not panel.error_banner.isVisible()
    assert panel.message_label.text() == ""
    assert panel.error_text() == ""


def test_every_control_is_named_and_explained(panel: StatusPanel) -> None:
    controls = [
        panel.error_close_button,
        panel.copy_bulk_button,
        panel.filter_edit,
        panel.group_combo,
        panel.copy_button,
        panel.export_button,
        panel.table,
        panel.bulk_label,
        panel.summary_label,
        panel.message_label,
    ]
    # Every other button or field in the panel is one Qt builds inside a control.
    ours = {id(c) for c in controls}
    for widget in panel.findChildren(QAbstractButton) + panel.findChildren(QLineEdit):
        assert id(widget) in ours or widget.parent() in (panel.filter_edit, panel.table)
    for control in controls:
        assert control.accessibleName(), control
        if control is not panel.message_label:
            assert control.toolTip(), control


def test_table_view_setup(panel: StatusPanel) -> None:
    table = panel.table
    assert table.isSortingEnabled()
    assert table.alternatingRowColors()
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    assert table.selectionMode() == table.SelectionMode.ExtendedSelection
    assert table.horizontalHeader().stretchLastSection()
    header = table.horizontalHeader()
    width = table.fontMetrics().horizontalAdvance("m-01JZ8K3Q4X5Y6Z7A8B9C0D1E2F")
    assert header.sectionSize(COL_MESSAGE_ID) > width


def test_hundred_thousand_rows(qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    n = 100_000
    rows = [
        StatusRow(f"3859{i:08d}", f"m-{i}", st.PENDING_ENROUTE, updated_at=T0) for i in range(n)
    ]
    started = time.perf_counter()
    panel.model.set_rows(rows, bulk_id="b-big")
    assert time.perf_counter() - started < 1.0
    assert panel.proxy.rowCount() == n
    assert panel.summary_label.text() == "100,000 messages: 100,000 pending"
    reports = [FakeReport(f"m-{i}", st.DELIVERED_TO_HANDSET) for i in range(0, n, 2)]
    started = time.perf_counter()
    assert panel.model.update_from_reports(reports) == n // 2
    assert time.perf_counter() - started < 3.0
    assert panel.model.counts()[StatusGroup.DELIVERED] == n // 2
    panel.table.sortByColumn(COL_GROUP, Qt.SortOrder.DescendingOrder)
    assert panel.proxy.index(0, COL_GROUP).data() == "DELIVERED"


def recount(model: StatusTableModel) -> dict[StatusGroup, int]:
    counted = Counter(group_of(row.status) for row in model.rows)
    return {group: counted[group] for group in StatusGroup}


def test_counts_stay_right_after_reports_and_unknown_marks(qtbot: QtBot) -> None:
    model = StatusTableModel()
    rows = [*make_rows(), StatusRow("385917777777", "m-7"), StatusRow("385918888888", "m-8")]
    model.set_rows(rows)
    assert model.counts() == recount(model)
    assert model.counts()[StatusGroup.UNKNOWN] == 2  # no status yet
    steps: list[list[FakeReport] | list[str]] = [
        [FakeReport("m-1", st.DELIVERED_TO_HANDSET), FakeReport("m-7", st.PENDING_ENROUTE)],
        [FakeReport("m-2", st.PENDING_ENROUTE)],  # late: a final status stays
        [FakeReport("nope", st.DELIVERED_TO_HANDSET)],  # not ours
        ["m-6", "m-7", "m-2", "nope"],  # accepted and pending become unknown; m-2 is final
        [FakeReport("m-6", st.EXPIRED_EXPIRED), FakeReport("m-6", st.EXPIRED_EXPIRED)],
        ["m-8"],  # no status to unknown: stays in the same group
        [FakeReport("m-8", st.UNDELIVERABLE_NOT_DELIVERED)],
    ]
    expected_unknown = [1, 1, 1, 3, 2, 2, 1]
    for step, unknown in zip(steps, expected_unknown, strict=True):
        ids = [item for item in step if isinstance(item, str)]
        if ids:
            model.mark_outcome_unknown(ids)
        else:
            model.update_from_reports([item for item in step if isinstance(item, FakeReport)])
        assert model.counts() == recount(model)
        assert model.counts()[StatusGroup.UNKNOWN] == unknown
        assert sum(model.counts().values()) == 8
    model.sort(COL_GROUP, Qt.SortOrder.DescendingOrder)
    assert model.counts() == recount(model)
    copy = model.counts()
    copy[StatusGroup.DELIVERED] = 99
    assert model.counts() == recount(model)  # a copy: the caller cannot change the model's
    model.set_rows(make_rows()[:2])
    assert model.counts() == recount(model)
    assert sum(model.counts().values()) == 2


def test_counts_before_the_first_count_and_after_clear(qtbot: QtBot) -> None:
    model = StatusTableModel()
    model.set_rows(make_rows())
    # Reports before anyone asked for the counts: the first count sees the updated rows.
    model.update_from_reports([FakeReport("m-1", st.DELIVERED_TO_HANDSET)])
    model.mark_outcome_unknown(["m-6"])
    assert model.counts() == recount(model)
    assert model.counts()[StatusGroup.DELIVERED] == 2
    model.clear()
    assert model.counts() == dict.fromkeys(StatusGroup, 0)


def test_the_view_shows_the_model_itself_until_a_filter_is_set(panel: StatusPanel) -> None:
    assert panel.table.model() is panel.model
    assert not panel.is_filtered()
    panel.filter_edit.setText("   ")  # nothing to match: still no filter
    assert panel.table.model() is panel.model
    panel.filter_edit.setText("eur")
    assert panel.table.model() is panel.proxy
    assert panel.is_filtered()
    assert [panel.source_row(r) for r in range(2)] == [1, 3]
    panel.filter_edit.setText("eu")  # another filter: the proxy stays
    assert panel.table.model() is panel.proxy
    panel.filter_edit.clear()
    assert panel.table.model() is panel.model
    combo = panel.group_combo
    combo.setCurrentIndex(combo.findData(StatusGroup.EXPIRED))
    assert panel.table.model() is panel.proxy
    assert panel.visible_source_rows() == [3]
    combo.setCurrentIndex(0)
    assert panel.table.model() is panel.model
    # The proxy's own API switches the view too.
    panel.proxy.set_filter("viber")
    assert panel.table.model() is panel.proxy
    assert panel.visible_source_rows() == [1]
    panel.proxy.set_filter("")
    assert panel.table.model() is panel.model
    assert panel.visible_source_rows() == list(range(6))


def test_selection_and_current_row_follow_the_switch(qtbot: QtBot, panel: StatusPanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table
    selection = table.selectionModel()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    for row in (1, 2, 3):  # m-2, m-3, m-4
        selection.select(panel.model.index(row, 0), flags)
    selection.setCurrentIndex(panel.model.index(3, COL_STATUS), selection.SelectionFlag.NoUpdate)
    assert panel.copy_action.isEnabled()

    panel.filter_edit.setText("eur")  # m-2 and m-4
    selection = table.selectionModel()
    assert selection.model() is panel.proxy
    assert panel.selected_source_rows() == [1, 3]
    assert sorted(i.row() for i in selection.selectedRows()) == [0, 1]
    assert selection.currentIndex().row() == 1
    assert selection.currentIndex().column() == COL_STATUS
    assert panel.copy_action.isEnabled()
    # The copy action follows the selection model of the proxy too.
    selection.clearSelection()
    assert not panel.copy_action.isEnabled()
    selection.select(panel.proxy.index(0, 0), flags)
    assert panel.copy_action.isEnabled()

    panel.filter_edit.clear()
    selection = table.selectionModel()
    assert selection.model() is panel.model
    assert panel.selected_source_rows() == [1]
    assert selection.currentIndex().row() == 3  # m-4, still current
    assert panel.copy_action.isEnabled()

    panel.filter_edit.setText("m-6")  # the current row is filtered out: no current row
    assert panel.selected_source_rows() == []
    assert not table.selectionModel().currentIndex().isValid()
    assert not panel.copy_action.isEnabled()
    panel.filter_edit.clear()
    assert panel.selected_source_rows() == []


def test_copy_and_export_in_both_modes(tmp_path: Path, panel: StatusPanel) -> None:
    def copied_ids() -> list[str]:
        return [line.split("\t")[1] for line in panel.copy_selection().splitlines()[1:]]

    def exported_ids(only_visible: bool = True) -> list[str]:
        path = tmp_path / "status.csv"
        assert panel.export_csv(path, only_visible=only_visible)
        with path.open(encoding="utf-8", newline="") as handle:
            return [row[1] for row in csv.reader(handle)][1:]

    everything = ["m-1", "m-2", "m-3", "m-4", "m-5", "m-6"]
    panel.table.sortByColumn(COL_TO, Qt.SortOrder.DescendingOrder)  # sorted in direct mode
    by_to_descending = ["m-3", "m-6", "m-5", "m-4", "m-2", "m-1"]  # letters after digits
    assert column_texts(panel, COL_MESSAGE_ID) == by_to_descending
    panel.table.selectRow(1)
    assert copied_ids() == ["m-6"]
    assert exported_ids() == by_to_descending
    assert panel.visible_source_rows() == list(range(6))

    panel.filter_edit.setText("38591")  # phone numbers only: m-3 is an e-mail address
    assert panel.table.model() is panel.proxy
    assert panel.selected_source_rows() == [1]
    assert copied_ids() == ["m-6"]
    assert exported_ids() == ["m-6", "m-5", "m-4", "m-2", "m-1"]
    assert exported_ids(only_visible=False) == by_to_descending
    panel.table.selectAll()
    assert copied_ids() == ["m-6", "m-5", "m-4", "m-2", "m-1"]
    panel.table.sortByColumn(COL_MESSAGE_ID, Qt.SortOrder.AscendingOrder)  # sorted via the proxy
    view = panel.table.model()
    assert [view.index(r, COL_MESSAGE_ID).data() for r in range(view.rowCount())] == [
        "m-1",
        "m-2",
        "m-4",
        "m-5",
        "m-6",
    ]
    assert exported_ids() == ["m-1", "m-2", "m-4", "m-5", "m-6"]
    assert copied_ids() == ["m-1", "m-2", "m-4", "m-5", "m-6"]  # the selection followed

    panel.filter_edit.clear()
    assert panel.table.model() is panel.model
    assert copied_ids() == ["m-1", "m-2", "m-4", "m-5", "m-6"]
    assert exported_ids() == everything
    assert panel.visible_source_rows() == list(range(6))


def test_a_large_selection_maps_through_runs(qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    n = 3000
    statuses = (st.PENDING_ENROUTE, st.DELIVERED_TO_HANDSET, st.DELIVERED_TO_HANDSET)
    panel.model.set_rows([StatusRow(f"3859{i:08d}", f"m-{i}", statuses[i % 3]) for i in range(n)])
    delivered = [i for i in range(n) if i % 3]
    panel.table.selectAll()
    panel.group_combo.setCurrentIndex(panel.group_combo.findData(StatusGroup.DELIVERED))
    assert panel.visible_source_rows() == delivered
    assert panel.selected_source_rows() == delivered
    panel.table.clearSelection()
    selection = panel.table.selectionModel()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    selection.select(panel.proxy.index(5, 0), flags)
    selection.select(panel.proxy.index(1000, 0), flags)
    selection.setCurrentIndex(panel.proxy.index(1000, 0), selection.SelectionFlag.NoUpdate)
    panel.group_combo.setCurrentIndex(0)
    assert panel.selected_source_rows() == [delivered[5], delivered[1000]]
    assert panel.table.currentIndex().row() == delivered[1000]
    panel.table.selectAll()
    panel.filter_edit.setText("m-1")  # m-1, m-10…m-19, m-100…, m-1000…m-1999
    shown = [i for i in range(n) if str(i).startswith("1")]
    assert panel.visible_source_rows() == shown
    assert panel.selected_source_rows() == shown
    panel.filter_edit.clear()
    assert panel.selected_source_rows() == shown  # what was filtered out was deselected


def test_sorting_again_after_reports_reorders_the_rows(panel: StatusPanel) -> None:
    panel.table.sortByColumn(COL_GROUP, Qt.SortOrder.AscendingOrder)
    assert column_texts(panel, COL_MESSAGE_ID)[:2] == ["m-6", "m-1"]  # accepted, pending
    panel.model.update_from_reports([FakeReport("m-6", st.DELIVERED_TO_HANDSET)])
    assert column_texts(panel, COL_MESSAGE_ID)[0] == "m-6"  # rows move only when sorted again
    panel.table.sortByColumn(COL_GROUP, Qt.SortOrder.AscendingOrder)
    assert column_texts(panel, COL_GROUP) == [
        "PENDING",
        "DELIVERED",
        "DELIVERED",
        "EXPIRED",
        "UNDELIVERABLE",
        "REJECTED",
    ]


def test_selection_survives_random_filters(qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    n = 500
    pick = random.Random(7)
    channels = ["SMS", "VIBER", "EMAIL"]
    panel.model.set_rows(
        [StatusRow(f"3859{i:08d}", f"m-{i}", channel=pick.choice(channels)) for i in range(n)]
    )
    selection = panel.table.selectionModel()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    chosen = set(pick.sample(range(n), 120))
    for row in chosen:
        selection.select(panel.model.index(row, 0), flags)
    for channel in ["viber", "sms", "", "email", "viber", ""]:
        panel.filter_edit.setText(channel)
        shown = [i for i in range(n) if channel.upper() in panel.model.row_at(i).channel.upper()]
        chosen &= set(shown)  # rows filtered out leave the selection
        assert panel.visible_source_rows() == shown
        assert panel.selected_source_rows() == sorted(chosen)
        assert [panel.source_row(r) for r in range(len(shown))] == shown
