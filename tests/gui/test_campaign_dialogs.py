"""Message > Send a test… and Message > Placeholder fallbacks… in the window, against a real
sandbox and a real outbox file: the test goes to the typed address alone with the chosen row's
text and is recorded as a test; a fallback set in the dialog lets the send go with its text."""

from __future__ import annotations

from collections.abc import Callable

from campaign_drafts import compose, people

from PySide6.QtWidgets import QMenu

from omni_desktop.core.message import Destination

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.ui.campaign.fallbacks import FallbacksDialog
from omni_desktop.ui.campaign.test_send import TestSendDialog
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.theme import error_colour
from omni_desktop.ui.window import MainWindow

RunUntil = Callable[..., None]
TEXT = "Hi {{First name}}, your order is ready."


def open_test_send(window: MainWindow) -> TestSendDialog:
    window.commands.test_send.trigger()  # Message > Send a test… (Ctrl+Shift+T)
    dialogs = [d for d in window._dialogs if isinstance(d, TestSendDialog)]
    assert dialogs and dialogs[-1].isVisible()
    return dialogs[-1]


def open_fallbacks(window: MainWindow) -> FallbacksDialog:
    window.commands.fallbacks.trigger()  # Message > Placeholder fallbacks…
    dialogs = [d for d in window._dialogs if isinstance(d, FallbacksDialog)]
    assert dialogs and dialogs[-1].isVisible()
    return dialogs[-1]


def test_the_menu_has_both_entries_after_scenarios(
    outbox_window: tuple[MainWindow, Outbox],
) -> None:
    window, _outbox = outbox_window
    commands = window.commands
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Message")
    texts = [a.text() for a in menu.actions()]
    after = texts[texts.index(commands.scenarios.text()) + 1 :]
    assert after[:2] == ["Send a &test…", "Placeholder &fallbacks…"]
    assert commands.test_send.shortcut().toString() == "Ctrl+Shift+T"


def test_a_test_goes_to_the_typed_address_alone_with_the_chosen_rows_text(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread, run_until: RunUntil
) -> None:
    window, outbox = outbox_window
    rows = people(3)
    rows[0] = Destination("+41 12", fields={"First name": "Broken"})  # row 1: not a number
    compose(window, rows, TEXT)
    dialog = open_test_send(window)
    assert dialog.row_box.value() == 2, "the first valid row is chosen"
    assert dialog.row_box.maximum() == 3
    assert "SMS: Hi Name1, your order is ready." in dialog.preview.toPlainText()
    dialog.row_box.setValue(3)
    assert "SMS: Hi Name2, your order is ready." in dialog.preview.toPlainText()
    assert dialog.row_address.text() == "+41790000002"  # row 3, as the platform reads it
    dialog.row_box.setValue(2)
    dialog.address_edit.setText("+41 79 555 01 02")
    dialog.send_button.click()
    assert not dialog.send_button.isEnabled(), "disabled while the test is on its way"
    run_until(lambda: dialog.send_button.isEnabled())
    assert "accepted" in dialog.outcome.text(), dialog.outcome.text()
    (body,) = sandbox.server.received_sends
    assert [d["to"] for d in body["destinations"]] == [{"phoneNumber": "41795550102"}]
    assert body["sms"]["text"] == "Hi Name1, your order is ready."
    (record,) = outbox.history()
    assert record.is_test and record.campaign_id is None
    assert record.state is SendState.ACCEPTED
    # The address is offered again by the next test of this session.
    dialog.reject()
    run_until(lambda: dialog not in window._dialogs)
    assert open_test_send(window).address_edit.text() == "+41 79 555 01 02"


def test_an_invalid_address_is_refused_in_the_dialog_and_nothing_is_sent(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread, run_until: RunUntil
) -> None:
    window, outbox = outbox_window
    compose(window, people(2), TEXT)
    dialog = open_test_send(window)
    dialog.address_edit.setText("not an address")
    dialog.send_button.click()
    sentence = dialog.outcome.text()
    assert sentence.startswith("The test address not an address:"), sentence
    assert error_colour() in dialog.outcome.styleSheet()
    assert dialog.send_button.isEnabled()
    run_until(lambda: True)
    assert sandbox.server.received_sends == []
    assert outbox.history() == []


def test_a_draft_with_an_error_in_its_content_refuses_the_test(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread
) -> None:
    window, outbox = outbox_window
    rows = people(2)
    rows[1] = Destination(rows[1].phone, fields={"First name": ""})
    compose(window, rows, TEXT)
    dialog = open_test_send(window)
    dialog.address_edit.setText("+41 79 555 01 02")
    dialog.send_button.click()
    assert "Cannot send: {{First name}} is empty in 1 row" in dialog.outcome.text()
    assert sandbox.server.received_sends == [] and outbox.history() == []


def test_the_fallbacks_dialog_counts_empty_rows_and_its_value_goes_out(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread, run_until: RunUntil
) -> None:
    window, _outbox = outbox_window
    rows = people(3)
    rows[1] = Destination(rows[1].phone, fields={"First name": "  "})
    compose(window, rows, "Hi {{First name}}, from {{Shop}}")
    assert not window.presenter.validate_now().ok
    dialog = open_fallbacks(window)
    assert list(dialog.edits) == ["First name", "Shop"]
    assert dialog.counts == {"First name": "1 of 3", "Shop": "all 3 (no such column)"}
    dialog.edits["First name"].setText("there")
    dialog.edits["Shop"].setText("<b>Migros</b>")
    dialog.accept()
    assert window.presenter.fallbacks == {"First name": "there", "Shop": "<b>Migros</b>"}
    assert window.presenter.validate_now().ok
    # Opened again, it shows the fallbacks set.
    again = open_fallbacks(window)
    assert again.edits["First name"].text() == "there"
    again.reject()
    window.send_button.click()
    confirm = [d for d in window._dialogs if isinstance(d, ConfirmSendDialog)]
    assert confirm, window.send_reason.text()
    confirm[-1].accept()
    run_until(
        lambda: len(sandbox.server.received_sends) == 3 and not window.presenter.campaign.running
    )
    texts = sorted(b["sms"]["text"] for b in sandbox.server.received_sends)
    assert texts == ["Hi Name0, from <b>Migros</b>", "Hi Name2, from <b>Migros</b>",
                     "Hi there, from <b>Migros</b>"]  # fmt: skip


def test_the_fallbacks_dialog_says_when_there_are_no_placeholders(
    outbox_window: tuple[MainWindow, Outbox],
) -> None:
    window, _outbox = outbox_window
    compose(window, people(2), "Your order is ready.")
    dialog = open_fallbacks(window)
    assert dialog.edits == {}
    texts = [label.text() for label in dialog.findChildren(type(window.send_reason))]
    assert "The message has no {{Field}} placeholders." in texts


def test_the_chosen_rows_own_error_refuses_the_test_and_other_rows_do_not(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread
) -> None:
    window, outbox = outbox_window
    rows = people(2)
    rows[0] = Destination("+41 12", fields={"First name": "Broken"})
    compose(window, rows, TEXT)
    dialog = open_test_send(window)
    dialog.address_edit.setText("+41 79 555 01 02")
    dialog.row_box.setValue(1)
    assert "SMS: Hi Broken, your order is ready." in dialog.preview.toPlainText()
    dialog.send_button.click()
    assert dialog.outcome.text().startswith("Cannot send: Row 1"), dialog.outcome.text()
    assert sandbox.server.received_sends == [] and outbox.history() == []
