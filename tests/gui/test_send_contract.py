"""The window keeps the send contract: whatever the answer, the outbox record is settled and
Send is free again; a draft whose IDs were sent before is refused before the confirm step."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.window import MainWindow

RunUntil = Callable[..., None]


@pytest.fixture
def window_with_outbox(outbox_window: tuple[MainWindow, Outbox]) -> tuple[MainWindow, Outbox]:
    window, outbox = outbox_window
    window.presenter.message.content("sms").values["text"] = "Your parcel is on its way."
    window.presenter.edited()
    return window, outbox


def confirm(window: MainWindow) -> ConfirmSendDialog:
    window.send_button.click()
    dialogs = [d for d in window._dialogs if isinstance(d, ConfirmSendDialog)]
    assert dialogs, "the confirm step did not open"
    return dialogs[-1]


@pytest.mark.parametrize("fault", ["garble_next", "drop_next"])
def test_an_unreadable_answer_settles_the_send_and_frees_send(
    window_with_outbox: tuple[MainWindow, Outbox],
    sandbox: SandboxThread,
    run_until: RunUntil,
    fault: str,
) -> None:
    window, outbox = window_with_outbox
    window.recipients.model.add_lines("+41 79 302 67 27\n")
    run_until(lambda: window.presenter.validate_now().ok)
    sandbox.faults.update({fault: 1})
    confirm(window).accept()
    run_until(lambda: window.status_panel.error_text())
    assert "may or may not have been sent" in window.status_panel.error_text()
    run_until(lambda: window.send_button.isEnabled())
    assert not window.presenter.busy
    (record,) = outbox.history()
    assert record.state == SendState.UNKNOWN
    assert len(sandbox.server.received_sends) == 1


def test_reused_message_ids_are_refused_before_the_confirm_step(
    window_with_outbox: tuple[MainWindow, Outbox], run_until: RunUntil
) -> None:
    window, outbox = window_with_outbox
    window.recipients.model.add_lines("+41 79 302 67 27, order-77\n")
    run_until(lambda: window.presenter.validate_now().ok)
    confirm(window).accept()
    run_until(lambda: outbox.history() and outbox.history()[0].state == SendState.ACCEPTED)
    run_until(lambda: not window.presenter.busy)
    refusal = window.presenter.send_refusal()
    assert refusal is not None and "reuses the messageId order-77" in refusal
    window.send_button.click()
    assert not [d for d in window._dialogs if isinstance(d, ConfirmSendDialog) and d.isVisible()]
    assert len(outbox.history()) == 1
