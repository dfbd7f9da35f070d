"""The problems list: a count line, `field — message` rows (the field as the operator knows it,
the JSON path as the tooltip), and jumping to a problem's field."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from omni_desktop.core.validation import Problem, Severity

from omni_desktop.ui.problems_view import (
    PATH_ROLE,
    SEVERITY_ROLE,
    ProblemsModel,
    ProblemsView,
    field_name,
)

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


def test_rows_name_the_field_as_the_operator_knows_it(view: ProblemsView) -> None:
    model = view.model
    texts = [model.index(r).data() for r in range(model.rowCount())]
    assert texts == [
        "Row 4, phone — The number is too short.",
        "SMS text — The SMS text is empty.",
        "Viber validity period — Viber keeps messages 14 days at most.",
    ]
    assert not any("destinations[" in t or "sms.text" in t for t in texts)
    first = model.index(0)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == texts[0]
    # The JSON path stays at hand, as the tooltip, with the whole sentence.
    tip = first.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "destinations[3].to.phoneNumber\nThe number is too short."
    assert first.data(PATH_ROLE) == "destinations[3].to.phoneNumber"
    assert first.data(SEVERITY_ROLE) is Severity.ERROR


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("destinations[0].to.phoneNumber", "Row 1, phone"),
        ("destinations[1].to.phoneNumber", "Row 2, phone"),
        ("destinations[99999].to.emailAddress", "Row 100000, e-mail"),
        ("destinations[4].messageId", "Row 5, message ID"),
        ("destinations[4].to", "Row 5"),
        ("destinations", "Recipients"),
        ("sms.text", "SMS text"),
        ("viber.buttonURL", "Viber button URL"),
        ("viber.imageURL", "Viber image URL"),
        ("email.subject", "Email subject"),
        ("facebook.url", "Facebook media URL"),
        ("sms.validityPeriod", "SMS validity period"),
        ("viber", "Viber"),
        ("sendAt", "Send time"),
        ("notifyUrl", "Notify URL"),
        # Paths the names do not know are shown as they are, never dropped.
        ("whatsApp.text", "whatsApp.text"),
        ("sms.nosuchfield", "sms.nosuchfield"),
        ("destinations[2].extra", "Row 3, extra"),
        ("destinations[99999999999999999999].to", "destinations[99999999999999999999].to"),
    ],
)
def test_field_names(path: str, shown: str) -> None:
    assert field_name(path) == shown


@pytest.mark.parametrize("path", ["sms.text", ""])
def test_markup_in_a_message_shows_as_text_in_the_tooltip(qtbot: QtBot, path: str) -> None:
    model = ProblemsModel()
    model.set_problems([Problem(path, Severity.ERROR, "<b>bold</b> & <i>it</i>")])
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    # Qt shows a tooltip as rich text only when it reads it as such: then it must be escaped.
    if QtGui.Qt.mightBeRichText(tip):
        assert "<b>" not in tip and "&lt;b&gt;bold&lt;/b&gt;" in tip
    else:
        assert "<b>bold</b> & <i>it</i>" in tip
    assert tip.startswith(path)


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


def test_a_recipient_problem_that_names_its_row_is_not_prefixed_twice(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from omni_desktop.core.message import Destination, OmniMessage
    from omni_desktop.core.validation import validate

    message = OmniMessage(destinations=[Destination("+41 79 302 67 27"), Destination("+41 12")])
    message.content("sms").values["text"] = "Hi"
    widget = ProblemsView()
    qtbot.addWidget(widget)
    widget.set_problems(validate(message, datetime.now(UTC)).problems)
    texts = [widget.model.index(r).data() for r in range(widget.model.rowCount())]
    assert texts == ["Row 2, +41 12: The number is too short; check for missing digits and the "
                     "country code."]  # fmt: skip
