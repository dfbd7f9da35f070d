"""The problems list: a count line, `path — message` rows, and jumping to a problem's field."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from omni_desktop.core.validation import Problem, Severity

from omni_desktop.ui.problems_view import PATH_ROLE, SEVERITY_ROLE, ProblemsModel, ProblemsView

# The offscreen platform warns whenever a top-level widget with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

PROBLEMS = [
    Problem("destinations[3].to.phoneNumber", Severity.ERROR, "The number is too short."),
    Problem("sms.text", Severity.ERROR, "The SMS text is empty."),
    Problem("viber.validityPeriod", Severity.WARNING, "Viber keeps messages 14 days at most."),
]


@pytest.fixture
def view(qtbot: QtBot) -> ProblemsView:
    widget = ProblemsView()
    qtbot.addWidget(widget)
    widget.resize(480, 200)
    widget.set_problems(PROBLEMS)
    return widget


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, view: ProblemsView) -> None:
    qtmodeltester.check(view.model)


def test_rows_show_path_and_message(view: ProblemsView) -> None:
    model = view.model
    texts = [model.index(r).data() for r in range(model.rowCount())]
    assert texts == [
        "destinations[3].to.phoneNumber — The number is too short.",
        "sms.text — The SMS text is empty.",
        "viber.validityPeriod — Viber keeps messages 14 days at most.",
    ]
    first = model.index(0)
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "The number is too short."
    assert first.data(PATH_ROLE) == "destinations[3].to.phoneNumber"
    assert first.data(SEVERITY_ROLE) is Severity.ERROR


def test_errors_and_warnings_have_different_icons(view: ProblemsView) -> None:
    error = view.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    warning = view.model.index(2).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(error, QIcon)
    assert isinstance(warning, QIcon)
    assert not error.isNull()
    assert not warning.isNull()
    assert error.pixmap(16).toImage() != warning.pixmap(16).toImage()


def test_header_counts_errors_and_warnings(view: ProblemsView) -> None:
    assert view.header_label.text() == "2 errors, 1 warning"
    view.set_problems(PROBLEMS[2:])
    assert view.header_label.text() == "1 warning"
    view.set_problems([*PROBLEMS, PROBLEMS[2]][1:])
    assert view.header_label.text() == "1 error, 2 warnings"
    view.set_problems([])
    assert view.header_label.text() == "No problems"
    assert view.model.rowCount() == 0


def test_a_message_level_problem_shows_just_its_message(qtbot: QtBot) -> None:
    model = ProblemsModel()
    model.set_problems([Problem("", Severity.ERROR, "The message has no channel content.")])
    assert model.index(0).data() == "The message has no channel content."


def test_double_click_emits_the_path(qtbot: QtBot, view: ProblemsView) -> None:
    view.show()
    qtbot.waitExposed(view)
    rect = view.list_view.visualRect(view.model.index(1))
    viewport = view.list_view.viewport()
    with qtbot.waitSignal(view.problem_activated) as blocker:
        # A real double-click starts with a press; QTest's mouseDClick alone does not send one.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["sms.text"]


def test_enter_emits_the_path(qtbot: QtBot, view: ProblemsView) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.list_view.setFocus()
    view.list_view.setCurrentIndex(view.model.index(0))
    with qtbot.waitSignal(view.problem_activated) as blocker:
        qtbot.keyClick(view.list_view, Qt.Key.Key_Return)
    assert blocker.args == ["destinations[3].to.phoneNumber"]


def test_controls_are_named_and_explained(view: ProblemsView) -> None:
    for control in (view.header_label, view.list_view):
        assert control.accessibleName()
        assert control.toolTip()
