"""Every control a screen shows is reachable with Tab alone and has a name a screen reader reads.

`check_keyboard_and_names` walks a widget tree's focus chain (nextInFocusChain from the first
focusable widget until it cycles), then presses Tab from control to control as an operator
would, and lists each visible, enabled, focusable control that Tab never reaches or that has
neither an accessible name nor a visible text (a button's or check box's own text counts).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from omni_desktop.core.message import Destination, OmniMessage, to_json, with_ids
from omni_desktop.core.validation import Problem, Severity

from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop.services.accounts import AccountsService
from omni_desktop.services.history import HistoryService
from omni_desktop.services.targets import sandbox_target

from omni_desktop.ui.accounts import AccountsDialog
from omni_desktop.ui.campaign.fallbacks import FallbacksDialog
from omni_desktop.ui.campaign.test_send import TestSendDialog
from omni_desktop.ui.history import HistoryDialog
from omni_desktop.ui.presenter import ComposerPresenter, SendSummary
from omni_desktop.ui.problems_view import ProblemsView
from omni_desktop.ui.request_preview import RequestPreview
from omni_desktop.ui.schedule_editor import ScheduleEditor
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.status.rows import StatusRow

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints",
    r"This plugin does not support grabbing the keyboard",
)

RunUntil = Callable[..., None]
CONTROLS = (
    QAbstractButton,  # push, tool, check and radio buttons
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,  # spin boxes, date and time edits
    QAbstractItemView,  # tables and lists
    QTabBar,
    QPlainTextEdit,
    QTextEdit,
)
TAB_PRESSES = 400  # more than any screen here has stops (a table's cells are stops too)


def _is_control(widget: QWidget) -> bool:
    if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
        return False
    if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
        return False  # the line edit inside: its box is the control
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def focus_chain(top: QWidget) -> list[QWidget]:
    """The widgets of `top`'s focus chain, from its first focusable one round to it again."""
    first = top
    for _ in range(10_000):
        first = first.nextInFocusChain()
        if _is_control(first) or first is top:
            break
    chain = [first]
    widget = first.nextInFocusChain()
    while widget is not first and len(chain) < 10_000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def name_of(widget: QWidget) -> str:
    """What a screen reader calls the control: its accessible name, else its own text."""
    name = widget.accessibleName().strip()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "").strip()
    if not name and isinstance(widget, QTabBar):
        owner = widget.parentWidget()
        name = owner.accessibleName().strip() if isinstance(owner, QTabWidget) else ""
    return name


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
    return f"{type(widget).__name__}({widget.objectName() or '-'}, {text!r})"


def tab_through(top: QWidget, qtbot: QtBot, first: QWidget) -> tuple[set[QWidget], QWidget | None]:
    """Press Tab from `first` until focus comes back to it: every control that had focus, and
    the one that kept it (a keyboard trap) when it never came back."""
    top.activateWindow()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    reached: set[QWidget] = set()
    current: QWidget | None = None
    for _ in range(TAB_PRESSES):
        current = top.focusWidget()
        if current is None:
            break
        reached.add(current)
        owner = current.parentWidget()
        if isinstance(owner, QComboBox | QAbstractSpinBox):
            reached.add(owner)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        if top.focusWidget() is first:
            return reached, None
    return reached, current


def _radio_group(radio: QRadioButton) -> list[QAbstractButton]:
    group = radio.group()
    if group is not None and group.exclusive():
        return group.buttons()
    parent = radio.parentWidget()
    if not radio.autoExclusive() or parent is None:
        return [radio]
    return [b for b in parent.findChildren(QRadioButton) if b.autoExclusive()]


def arrows_reach(top: QWidget, qtbot: QtBot, radio: QRadioButton, reached: set[QWidget]) -> bool:
    """Whether the arrow keys, from the radio button of its group that Tab reached, reach
    `radio` (Tab stops once per group of radio buttons; the arrows move within it)."""
    group = _radio_group(radio)
    start = next((b for b in group if b in reached), None)
    if start is None:
        return False
    start.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(2 * len(group)):
        current = top.focusWidget()
        if current is radio:
            return True
        if current is None:
            return False
        qtbot.keyClick(current, Qt.Key.Key_Down)
    return False


def check_keyboard_and_names(top: QWidget, qtbot: QtBot) -> list[str]:
    """The controls of `top` Tab does not reach or that have no name, described; [] if none."""
    chain = focus_chain(top)
    controls = [w for w in chain if _is_control(w)]
    assert controls, f"{describe(top)} shows no focusable control"
    reached, trap = tab_through(top, qtbot, controls[0])
    radios = [w for w in controls if isinstance(w, QRadioButton) and w not in reached]
    reached |= {r for r in radios if arrows_reach(top, qtbot, r, reached)}
    faults = [f"keeps Tab, a keyboard trap: {describe(trap)}"] if trap is not None else []
    faults += [f"not reached by Tab: {describe(w)}" for w in controls if w not in reached]
    faults += [f"no accessible name: {describe(w)}" for w in controls if not name_of(w)]
    return faults


def assert_accessible(top: QWidget, qtbot: QtBot, where: str = "") -> None:
    faults = check_keyboard_and_names(top, qtbot)
    assert not faults, f"{where or describe(top)}:\n" + "\n".join(faults)


def shown(widget: QWidget, qtbot: QtBot) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(720, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# --- the screens ----------------------------------------------------------------------------


def summary(account: str = "") -> SendSummary:
    return SendSummary(
        target="Production" if account else "Sandbox",
        is_sandbox=not account,
        recipients=1,
        channels=["Viber (step 1, 2 min)", "SMS (step 2)"],
        sms_segments=1,
        scheduled=None,
        warnings=["Row 2 repeats the phone number of row 1."],
        account=account,
    )


@pytest.mark.parametrize("account", ["", "Production"])
def test_the_confirm_step(qtbot: QtBot, account: str) -> None:
    dialog = ConfirmSendDialog(summary(account))
    assert_accessible(shown(dialog, qtbot), qtbot)


def test_the_confirm_step_counts_in_words(qtbot: QtBot) -> None:
    one = ConfirmSendDialog(summary())
    assert one.send_button.text() == "Send to 1 recipient"
    assert "SMS: 1 segment per recipient" in one.body.text()
    many = ConfirmSendDialog(
        SendSummary("Sandbox", True, 12_345, ["SMS (step 1)"], 3, None, [], "")
    )
    assert many.send_button.text() == "Send to 12,345 recipients"
    assert "SMS: 3 segments per recipient" in many.body.text()
    assert "(s)" not in many.body.text() + one.body.text()


def test_the_request_preview(qtbot: QtBot, qloop: asyncio.AbstractEventLoop) -> None:
    body = {"destinations": [{"to": {"phoneNumber": f"4179{i:07d}"}} for i in range(80)]}
    preview = RequestPreview("http://127.0.0.1:9")
    preview.set_body({"destinations": body["destinations"][:50]}, 80, lambda: body)
    shown(preview, qtbot)
    assert preview.show_all.isVisible()
    assert_accessible(preview, qtbot)
    qloop.run_until_complete(preview.shutdown())


def test_the_schedule_editor(qtbot: QtBot) -> None:
    editor = ScheduleEditor()
    shown(editor, qtbot)
    editor.at_radio.setChecked(True)
    assert_accessible(editor, qtbot)


def test_the_problems_view(qtbot: QtBot) -> None:
    view = ProblemsView()
    view.set_problems([Problem("sms.text", Severity.ERROR, "The SMS text is empty.")])
    assert_accessible(shown(view, qtbot), qtbot)


@pytest.fixture
def accounts_dialog(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, run_until: RunUntil, tmp_path: Path
) -> Iterator[AccountsDialog]:
    settings_file = SettingsFile(tmp_path / "settings.json")
    settings = Settings().with_profile(Profile("Production", "https://x1.api.infobip.com"))
    settings_file.save(settings)
    dialog = AccountsDialog(AccountsService(settings_file, SecretStore()))
    shown(dialog, qtbot)
    run_until(dialog.loaded)
    yield dialog
    qloop.run_until_complete(dialog.shutdown())


def test_the_accounts_dialog(accounts_dialog: AccountsDialog, qtbot: QtBot) -> None:
    accounts_dialog.list_view.setCurrentIndex(accounts_dialog.list_model.index(1, 0))
    assert_accessible(accounts_dialog, qtbot)


@pytest.fixture
def history_dialog(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, run_until: RunUntil, tmp_path: Path
) -> Iterator[HistoryDialog]:
    message = OmniMessage(
        scenario_key=SMS_SCENARIO_KEY, destinations=[Destination(phone="+41793026727")]
    )
    message.content("sms").values["text"] = "Your parcel arrives today."
    body = to_json(with_ids(message, datetime.now(UTC)))
    outbox = Outbox(tmp_path / "history.sqlite3")
    send_id = outbox.record_before_send("Production", "https://x1.api.infobip.com", body)
    outbox.record_answer(send_id, {"bulkId": body["bulkId"], "messages": []})
    dialog = HistoryDialog(HistoryService(outbox, lambda _profile: None))
    shown(dialog, qtbot)
    run_until(dialog.loaded)
    assert dialog.select_send(send_id)
    yield dialog
    qloop.run_until_complete(dialog.shutdown())
    outbox.close()


def test_the_history_dialog(history_dialog: HistoryDialog, qtbot: QtBot) -> None:
    for page in range(history_dialog.tabs.count()):
        history_dialog.tabs.setCurrentIndex(page)
        assert_accessible(history_dialog, qtbot, history_dialog.tabs.tabText(page))


def personalised_presenter() -> ComposerPresenter:
    """A presenter (no client) whose draft has two rows and a `{{First name}}` placeholder."""
    presenter = ComposerPresenter(None, sandbox_target("http://127.0.0.1:9", "key"))
    presenter.message.destinations = [
        Destination(phone="+41793026727", fields={"First name": "Jürg"}),
        Destination(phone="+41793026728", fields={"First name": ""}),
    ]
    presenter.message.content("sms").values["text"] = "Hi {{First name}}"
    return presenter


def test_the_test_send_dialog(qtbot: QtBot) -> None:
    presenter = personalised_presenter()
    dialog = TestSendDialog(presenter, "+41 79 555 01 02")
    assert_accessible(shown(dialog, qtbot), qtbot)


def test_the_fallbacks_dialog(qtbot: QtBot) -> None:
    presenter = personalised_presenter()
    dialog = FallbacksDialog(presenter)
    assert dialog.edits, "a line per placeholder"
    assert_accessible(shown(dialog, qtbot), qtbot)


def test_the_helper_finds_an_unnamed_control_and_a_keyboard_trap(qtbot: QtBot) -> None:
    """The check itself can fail: a nameless edit and a text box that keeps Tab are reported."""
    top = QWidget()
    named = QLineEdit(top)
    named.setAccessibleName("Named")
    nameless = QLineEdit(top)
    nameless.setObjectName("nameless")
    trap = QPlainTextEdit(top)  # editable: Tab types a tab, focus never leaves it
    trap.setObjectName("trap")
    trap.setAccessibleName("Trap")
    after = QLineEdit(top)
    after.setObjectName("after")
    after.setAccessibleName("After")
    for i, widget in enumerate((named, nameless, trap, after)):
        widget.setGeometry(0, 40 * i, 200, 30)
    faults = check_keyboard_and_names(shown(top, qtbot), qtbot)
    assert faults == [
        "keeps Tab, a keyboard trap: QPlainTextEdit(trap, '')",
        "not reached by Tab: QLineEdit(after, '')",
        "no accessible name: QLineEdit(nameless, '')",
    ]


def main_window_faults(window: Any, qtbot: QtBot) -> list[str]:
    """The faults of the main window, on every channel tab and every bottom tab."""
    faults: list[str] = []
    for tabs in (window.tabs, window.bottom_tabs):
        for page in range(tabs.count()):
            tabs.setCurrentIndex(page)
            found = check_keyboard_and_names(window, qtbot)
            faults += [f for f in found if f not in faults]
    return faults


def test_the_main_window(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_window: Any,
    sandbox: SandboxThread,
    run_until: RunUntil,
    tmp_path: Path,
) -> None:
    made = make_window(qloop, sandbox.url, sandbox.api_key, tmp_path)
    window = made.window
    window.show()
    qtbot.waitExposed(window)
    made.presenter.refresh_scenarios()
    run_until(lambda: made.presenter.scenarios)
    window.recipients.model.add_lines("+41 79 302 67 27\n+41 79 302 67 28\n")
    # Tables with rows: Tab must leave them, not walk their cells round and round.
    rows = [StatusRow(f"+4179302672{i}", f"m-{i}") for i in range(3)]
    window.status_panel.model.set_rows(rows, "b-1")
    faults = main_window_faults(window, qtbot)
    assert not faults, "MainWindow:\n" + "\n".join(faults)
