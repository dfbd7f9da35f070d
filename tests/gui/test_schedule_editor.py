"""The schedule's time-zone box: a zone is found by any part of its name, as the operator
types it (any case, spaces for underscores), and picking it sets the send time's zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from omni_desktop.ui.schedule_editor import ScheduleEditor

# The offscreen platform cannot size windows or grab the keyboard for a popup; nothing a user sees.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints",
    r"This plugin does not support grabbing the keyboard",
)


@pytest.fixture
def editor(qtbot: QtBot) -> ScheduleEditor:
    widget = ScheduleEditor()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.at_radio.setChecked(True)  # lists every zone
    return widget


def offered(editor: ScheduleEditor, typed: str, qtbot: QtBot) -> list[str]:
    """The zones the box offers once `typed` is typed into it, as the operator would."""
    line = editor.zone.lineEdit()
    assert line is not None
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, typed)
    completer = editor.zone.completer()
    model = completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Zur", "Europe/Zurich"),
        ("zur", "Europe/Zurich"),
        ("york", "America/New_York"),
        ("new york", "America/New_York"),
        ("NEW_YORK", "America/New_York"),
        ("angeles", "America/Los_Angeles"),
        ("tokyo", "Asia/Tokyo"),
    ],
)
def test_a_zone_is_found_by_any_part_of_its_city(
    editor: ScheduleEditor, qtbot: QtBot, typed: str, zone: str
) -> None:
    found = offered(editor, typed, qtbot)
    assert zone in found
    assert len(found) < 10  # a search, not the whole list
    popup = editor.zone.completer().popup()
    assert popup.isVisible()


def test_nothing_matches_nonsense(editor: ScheduleEditor, qtbot: QtBot) -> None:
    assert offered(editor, "qqqxz", qtbot) == []


def test_picking_a_found_zone_sets_the_send_times_zone(
    editor: ScheduleEditor, qtbot: QtBot
) -> None:
    found = offered(editor, "zur", qtbot)
    assert found == ["Europe/Zurich"]
    popup = editor.zone.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert editor.zone.currentText() == "Europe/Zurich"
    moment = editor.send_at()
    assert moment is not None and str(moment.tzinfo) == "Europe/Zurich"
    assert editor.refusal(datetime.now(UTC) - timedelta(days=1)) is None
    assert "Unknown time zone" not in editor.shown.text()
