"""The window keeps the send contract: whatever the answer, the outbox record is settled and
Send is free again; a draft whose IDs were sent before is refused before the confirm step.
And the delivery reports, each given once by the API, are never lost: a report call on its way
at close is let finish, and the reports that came while the app was closed are fetched at the
next start."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from omni_desktop.core.message import Destination, OmniMessage
from omni_desktop.core.validation import validate

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.services.sending import Sender
from omni_desktop.services.targets import Target

from omni_desktop.ui import presenter as presenter_module
from omni_desktop.ui.presenter import ComposerPresenter
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


def test_a_report_call_on_its_way_at_close_keeps_its_reports(
    window_with_outbox: tuple[MainWindow, Outbox],
    sandbox: SandboxThread,
    run_until: RunUntil,
    qloop: asyncio.AbstractEventLoop,
) -> None:
    """The API gives each delivery report only once. Closing while a report call is on its
    way lets it end and keeps what it brought, instead of cutting it off and losing them."""
    window, outbox = window_with_outbox
    presenter = window.presenter
    presenter.REPORT_POLL_SECONDS = 0.05
    window.recipients.model.add_lines("+41 79 302 67 21\n+41 79 302 67 22\n")
    run_until(lambda: presenter.validate_now().ok)
    sandbox.faults.update({"latency": 1.0})  # every call, the send's and the reports', slow
    confirm(window).accept()
    run_until(lambda: presenter.tasks.running("poll reports"), timeout=10)
    qloop.run_until_complete(asyncio.sleep(0.4))  # the first report call is on its way
    qloop.run_until_complete(presenter.shutdown())
    (record,) = outbox.history()
    messages = outbox.messages(record.id)
    assert [m.status_group for m in messages] == ["DELIVERED", "DELIVERED"]
    # They were the sandbox's only copies: asked again, it has none left.
    sandbox.faults.update({"latency": 0})
    again = httpx.get(
        f"{sandbox.url}/omni/1/reports",
        params={"bulkId": record.bulk_id},
        headers={"Authorization": f"App {sandbox.api_key}"},
    )
    assert again.status_code == 200 and again.json()["results"] == []


def test_a_report_call_that_hangs_does_not_hold_the_close(
    window_with_outbox: tuple[MainWindow, Outbox],
    sandbox: SandboxThread,
    run_until: RunUntil,
    qloop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The grace a report call gets at close is bounded: a server that does not answer
    for half a minute keeps the window open a moment, then the call is given up."""
    monkeypatch.setattr(presenter_module, "HALT_GRACE_SECONDS", 0.5)
    window, outbox = window_with_outbox
    presenter = window.presenter
    presenter.REPORT_POLL_SECONDS = 0.05
    window.recipients.model.add_lines("+41 79 302 67 21\n")
    run_until(lambda: presenter.validate_now().ok)
    confirm(window).accept()
    run_until(lambda: presenter.tasks.running("poll reports"), timeout=10)
    sandbox.faults.update({"latency": 30.0})
    qloop.run_until_complete(asyncio.sleep(0.3))  # a report call is on its way, and hangs
    started = time.monotonic()
    qloop.run_until_complete(presenter.shutdown())
    assert time.monotonic() - started < 10
    assert presenter.tasks.running() == []
    (record,) = outbox.history()
    assert record.state == SendState.ACCEPTED  # the send itself was settled before


def test_reports_that_came_while_the_app_was_closed_are_fetched_at_the_next_start(
    qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path, run_until: RunUntil
) -> None:
    """The API keeps each report waiting until it is fetched, once. A send accepted just
    before the app closed is still pending in History: the next start fetches its reports
    into the history (the account's own sends only; the sandbox starts afresh anyway)."""
    target = Target("Shop", sandbox.url, sandbox.api_key, is_sandbox=False)
    path = tmp_path / "history.sqlite3"
    message = OmniMessage(destinations=[Destination("+41 79 302 67 21")])
    message.content("sms").values["text"] = "Your parcel is on its way."
    now = datetime.now(UTC)

    async def earlier_session() -> int:
        with Outbox(path) as outbox:
            async with OmniClient(sandbox.url, Auth.app(sandbox.api_key)) as client:
                sender = Sender(client, target, outbox)
                recorded = sender.record(validate(message, now).prepared, ["sms"], now)
                outcome = await sender.post(recorded)
        assert outcome.state is SendState.ACCEPTED and recorded.send_id is not None
        return recorded.send_id

    send_id = qloop.run_until_complete(earlier_session())
    with Outbox(path) as outbox:
        assert outbox.get(send_id).counts == {"PENDING": 1}  # closed before any report
        client = OmniClient(sandbox.url, Auth.app(sandbox.api_key), http=httpx.AsyncClient())
        presenter = ComposerPresenter(None, target, outbox=outbox)
        arrived: list[object] = []
        presenter.reports_arrived.connect(arrived.extend)
        presenter.use_client(client)  # what the window does after its first paint
        run_until(lambda: outbox.get(send_id).settled, timeout=10)
        assert outbox.get(send_id).counts == {"DELIVERED": 1}
        assert len(arrived) == 1  # and the status table is told, should it show that send
        qloop.run_until_complete(presenter.shutdown())
        qloop.run_until_complete(client.aclose())
