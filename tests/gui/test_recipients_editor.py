"""The recipients editor: paste, type, fix and remove recipients, and see which are refused."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLineEdit

from omni_desktop.core.message import Destination
from omni_desktop.core.validation import check_phone

from omni_desktop.ui.recipients import (
    COL_CHECK,
    COL_EMAIL,
    COL_MESSAGE_ID,
    COL_PHONE,
    RecipientsEditor,
    RecipientsModel,
)
from omni_desktop.ui.recipients.model import destination_of

# The offscreen platform warns whenever a top-level widget with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

BAD_NUMBER = "+385 91"
FIVE_LINES = "\n".join(
    [
        "+385 91 234 5678",
        "ana@example.com",
        BAD_NUMBER,
        "41793026727, m-4",
        "+49 151 23456789",
    ]
)


@pytest.fixture
def editor(qtbot: QtBot) -> RecipientsEditor:
    widget = RecipientsEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    return widget


def check_texts(model: RecipientsModel) -> list[str]:
    return [model.index(r, COL_CHECK).data() for r in range(model.rowCount())]


def bad_row(model: RecipientsModel) -> int:
    rows = [r for r in range(model.rowCount()) if model.row_at(r).problem is not None]
    assert len(rows) == 1
    return rows[0]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = RecipientsModel()
    model.add_lines(FIVE_LINES)
    model.insertRows(model.rowCount(), 1)  # an empty row too
    qtmodeltester.check(model)


def test_paste_dialog_adds_lines_and_counts_the_invalid_one(
    qtbot: QtBot, editor: RecipientsEditor
) -> None:
    assert editor.count_label.text() == "No recipients"
    qtbot.mouseClick(editor.paste_button, Qt.MouseButton.LeftButton)
    dialog = editor.paste_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.isModal()  # window-modal through open(), no nested event loop
    dialog.text_edit.setPlainText(FIVE_LINES)
    with qtbot.waitSignal(editor.recipients_changed):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    model = editor.model
    assert model.rowCount() == 5
    assert editor.count_label.text() == "5 recipients: 4 valid, 1 invalid"
    assert "color" in editor.count_label.styleSheet()  # red while a row is refused

    row = bad_row(model)
    reason = check_phone(BAD_NUMBER)[1]
    assert reason
    cell = model.index(row, COL_CHECK)
    assert reason in cell.data()
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == QColor(229, 57, 53)
    assert isinstance(cell.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data()

    good = model.index(0, COL_CHECK)
    assert good.data() == "385912345678"
    assert good.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(1, COL_CHECK).data() == "ana@example.com"
    assert model.index(3, COL_MESSAGE_ID).data() == "m-4"


def test_cancel_adds_nothing(qtbot: QtBot, editor: RecipientsEditor) -> None:
    dialog = editor.open_paste_dialog()
    dialog.text_edit.setPlainText(FIVE_LINES)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert editor.model.rowCount() == 0


def test_ctrl_v_on_the_table_pastes_clipboard_lines(qtbot: QtBot, editor: RecipientsEditor) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    QGuiApplication.clipboard().setText(FIVE_LINES)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.rowCount() == 5
    assert editor.count_label.text() == "5 recipients: 4 valid, 1 invalid"


def test_editing_a_cell_checks_the_row_again(qtbot: QtBot, editor: RecipientsEditor) -> None:
    editor.model.add_lines(FIVE_LINES)
    row = bad_row(editor.model)
    editor.show()
    qtbot.waitExposed(editor)
    index = editor.model.index(row, COL_PHONE)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    line_edit = editor.table.viewport().findChild(QLineEdit)
    assert line_edit is not None
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, "+385 91 765 4321")
    with qtbot.waitSignal(editor.recipients_changed):
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert editor.model.index(row, COL_PHONE).data() == "+385 91 765 4321"
    assert editor.model.index(row, COL_CHECK).data() == "385917654321"
    assert editor.model.index(row, COL_CHECK).data(Qt.ItemDataRole.DecorationRole) is None
    assert editor.count_label.text() == "5 recipients: 5 valid, 0 invalid"
    assert editor.count_label.styleSheet() == ""


def test_set_data_revalidates_and_signals_the_row(qtbot: QtBot) -> None:
    model = RecipientsModel()
    model.add_lines("+385 91 234 5678")
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _r: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    assert model.setData(model.index(0, COL_PHONE), "12")
    assert changed == [(0, 0, 0, COL_CHECK)]
    assert model.counts() == (0, 1)
    assert model.setData(model.index(0, COL_PHONE), "")  # no phone, but an e-mail next
    assert model.setData(model.index(0, COL_EMAIL), "ana@example.com")
    assert model.counts() == (1, 0)
    assert not model.setData(model.index(0, COL_CHECK), "x")
    assert not model.flags(model.index(0, COL_CHECK)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, COL_MESSAGE_ID)) & Qt.ItemFlag.ItemIsEditable


def test_bad_email_shows_its_reason(qtbot: QtBot) -> None:
    model = RecipientsModel()
    model.add_lines("+385 91 234 5678")
    model.setData(model.index(0, COL_EMAIL), "ana@")
    assert model.counts() == (0, 1)
    assert model.index(0, COL_CHECK).data() == model.row_at(0).email_problem


def test_delete_removes_the_selected_rows(qtbot: QtBot, editor: RecipientsEditor) -> None:
    editor.model.add_lines(FIVE_LINES)
    editor.show()
    qtbot.waitExposed(editor)
    selection = editor.table.selectionModel()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    selection.select(editor.model.index(0, 0), flags)
    selection.select(editor.model.index(2, 0), flags)
    selection.select(editor.model.index(3, 0), flags)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    phones = [editor.model.row_at(r).phone for r in range(editor.model.rowCount())]
    assert phones == ["", "+49 151 23456789"]
    assert editor.count_label.text() == "2 recipients: 2 valid, 0 invalid"


def test_add_row_and_clear_buttons(qtbot: QtBot, editor: RecipientsEditor) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    assert not editor.remove_button.isEnabled()
    assert not editor.clear_button.isEnabled()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 1
    assert editor.count_label.text() == "No recipients"  # an empty row is neither
    assert editor.model.destinations() == []
    assert editor.table.state() == editor.table.State.EditingState
    line_edit = editor.table.viewport().findChild(QLineEdit)
    qtbot.keyClicks(line_edit, "+385 91 234 5678")
    with qtbot.waitSignal(editor.recipients_changed):  # the delegate commits on a queued call
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert editor.count_label.text() == "1 recipient: 1 valid, 0 invalid"
    assert editor.clear_button.isEnabled()
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 0
    assert editor.count_label.text() == "No recipients"


def test_destinations_round_trip(qtbot: QtBot) -> None:
    model = RecipientsModel()
    given = [
        Destination(phone="+385 91 234 5678", message_id="m-1", extra_to={"name": "Ana"}),
        Destination(email="ana@example.com"),
        Destination(phone="12"),
    ]
    with qtbot.waitSignal(model.recipients_changed):
        model.set_destinations(given)
    assert model.counts() == (2, 1)
    # As typed: validation normalises them once, as the table did, and names the refused one.
    assert model.destinations() == given
    assert model.row_at(0).check_text() == "385912345678"
    assert model.valid_destinations() == model.destinations()[:2]


def test_focus_row_selects_the_destination_of_a_problem(
    qtbot: QtBot, editor: RecipientsEditor
) -> None:
    editor.model.insertRows(0, 1)  # an empty row is not a destination
    editor.model.add_lines(FIVE_LINES)
    editor.focus_row(2)
    assert editor.table.currentIndex().row() == 3
    assert editor.model.row_at(3).phone == BAD_NUMBER


def test_every_control_is_named_and_explained(editor: RecipientsEditor) -> None:
    controls = [
        editor.paste_button,
        editor.add_button,
        editor.remove_button,
        editor.clear_button,
        editor.count_label,
        editor.home_button,
        editor.table,
    ]
    assert set(editor.findChildren(QAbstractButton)) - set(controls) <= set(
        editor.table.findChildren(QAbstractButton)
    )
    for control in controls:
        assert control.accessibleName(), control
        assert control.toolTip(), control
    dialog = editor.open_paste_dialog()
    assert dialog.text_edit.accessibleName()
    assert dialog.text_edit.toolTip()
    dialog.reject()


def test_hundred_thousand_pasted_lines(qtbot: QtBot, editor: RecipientsEditor) -> None:
    lines = "\n".join(f"+41 79 {i // 10000:03d} {i % 10000:04d}" for i in range(100_000))
    inserted: list[tuple[int, int]] = []
    editor.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    started = time.perf_counter()
    assert editor.model.add_lines(lines) == 100_000
    elapsed = time.perf_counter() - started
    assert inserted == [(0, 99_999)]  # one signal, not one per row
    assert editor.count_label.text() == "100,000 recipients: 100,000 valid, 0 invalid"
    assert elapsed < 30  # the phone checks dominate; see the validation benchmark


def test_under_a_default_region_the_check_column_shows_one_reading_per_number(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = RecipientsModel(default_region="CH")
    model.add_lines("+44 7700 561913\n447700561913\n079 302 67 27\n31 906 87 09\n")
    assert check_texts(model) == ["447700561913", "447700561913", "41793026727", "319068709"]
    assert model.counts() == (4, 0)
    # 31 906 87 09 is a Dutch number and, without its 0, a Bern one: the row says so.
    noted = model.index(3, COL_CHECK)
    tip = noted.data(Qt.ItemDataRole.ToolTipRole)
    assert "Netherlands" in tip and "+41 31 906 87 09 in Switzerland" in tip
    assert isinstance(noted.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert noted.data(Qt.ItemDataRole.ForegroundRole) is None, "a note, not an error"
    assert model.index(2, COL_CHECK).data(Qt.ItemDataRole.DecorationRole) is None
    qtmodeltester.check(model)

    with qtbot.waitSignal(model.recipients_changed):
        model.default_region = None  # another account: the rows are read again
    assert check_texts(model)[2].startswith("The number does not start with a known country code")
    assert model.index(3, COL_CHECK).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.counts() == (3, 1)


VALUES = ["", "+41 79 302 67 99", "ana@example.com", "m-1", "12ab", " "]


@settings(max_examples=80, deadline=None)
@given(
    texts=st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 2), st.sampled_from(VALUES)), max_size=10
    )
)
def test_the_list_after_each_edit_is_the_list_made_anew(
    qapp: object, texts: list[tuple[int, int, str]]
) -> None:
    """An edit makes a new destinations() list, equal to one made from every row, with the
    other rows' destinations the same objects (validation lends their answers); emptied rows,
    and rows edited back from empty, included."""
    model = RecipientsModel()
    model.add_lines("\n".join(f"+41 79 302 67 {i:02d}" for i in range(8)))
    for row, column, text in texts:
        before = model.destinations()
        model.setData(model.index(row, column), text)
        after = model.destinations()
        made = [destination_of(r) for r in model.rows if not r.is_empty]
        assert after == made
        if after is not before and len(before) == len(after):
            kept = [a is b for a, b in zip(before, after, strict=True)]
            assert kept.count(False) <= 1
