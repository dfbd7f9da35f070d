"""History and Accounts in the app's own session (`app.Services`) over a real sandbox: a send
whose account has no key at hand offers "Enter key…" and then settles, and closing the window
waits for a Check status still running before its client is closed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from omni_desktop.core.message import Destination, OmniMessage, to_json, with_ids

from omni_desktop.api import Auth, OmniClient, OutcomeUnknown
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.sends import SendState
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop.ui.accounts import AccountsDialog

from omni_desktop.app import Services, build_parser

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")

RunUntil = Callable[..., None]
CHECK_RESULTS = ("Settled from the logs", "The server has this send", "The logs show none")


@pytest.fixture
def app_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxThread]:
    """A sandbox in a thread that the app reaches through the environment (no child process)."""
    with SandboxThread(api_key="history-test-key", time_scale=36_000.0) as running:
        monkeypatch.setenv("INFOBIP_BASE_URL", running.url)
        monkeypatch.setenv("INFOBIP_API_KEY", running.api_key)
        yield running


@pytest.fixture
def services(
    qloop: asyncio.AbstractEventLoop, app_sandbox: SandboxThread, tmp_path: Path
) -> Iterator[Services]:
    """The app's session with one account, "Lab", on the sandbox, its key not at hand."""
    paths = AppPaths.under(tmp_path / "app")
    SettingsFile(paths.settings_file).save(Settings().with_profile(Profile("Lab", app_sandbox.url)))
    made = Services(paths)
    window = qloop.run_until_complete(made.open(build_parser().parse_args([])))
    window.show()
    qloop.run_until_complete(made.start())  # as app._run_window does after the first paint
    yield made
    made.presenter.set_dirty(False)
    made.window.close()
    qloop.run_until_complete(made.close())
    made.window.deleteLater()


def unknown_send(
    loop: asyncio.AbstractEventLoop, outbox: Outbox, sandbox: SandboxThread, profile: str | None
) -> int:
    """A send the sandbox took whose answer was lost: unknown in the history."""
    message = OmniMessage(
        scenario_key=SMS_SCENARIO_KEY,
        destinations=[Destination(phone="385911234561"), Destination(phone="385911234569")],
    )
    message.content("sms").values["text"] = "Your parcel 4711 arrives today."
    message.content("sms").validity_period = 90  # minutes: the 9-ending number expires soon
    body = to_json(with_ids(message, datetime.now(UTC)))
    send_id = outbox.record_before_send(profile, sandbox.url, body)
    client = OmniClient(sandbox.url, Auth.app(sandbox.api_key))
    sandbox.faults.update({"drop_next": 1})
    try:
        loop.run_until_complete(client.send_advanced(body))
    except OutcomeUnknown as exc:
        outbox.record_failure(send_id, SendState.UNKNOWN, exc.sentence)
    finally:
        loop.run_until_complete(client.aclose())
    assert outbox.get(send_id).state is SendState.UNKNOWN
    return send_id


def test_enter_key_opens_the_account_and_check_status_then_settles(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    app_sandbox: SandboxThread,
    services: Services,
) -> None:
    send_id = unknown_send(qloop, services.outbox, app_sandbox, "Lab")
    window = services.window
    history = window.open_history()
    assert history is not None
    run_until(lambda: history.select_send(send_id))
    qtbot.mouseClick(history.check_button, Qt.MouseButton.LeftButton)
    run_until(lambda: history.check_button.isEnabled())
    assert history.message_text().startswith("The account “Lab” is not available now")
    assert history.key_button.isVisible()

    # "Enter key…" opens the Accounts dialog on that account.
    qtbot.mouseClick(history.key_button, Qt.MouseButton.LeftButton)
    accounts = next(d for d in window._dialogs if isinstance(d, AccountsDialog))
    run_until(lambda: accounts.editing() == "Lab")
    assert accounts.message_text() == "Enter the key of “Lab”, then Save."
    assert accounts.form.secret_edit.hasFocus() or not accounts.isActiveWindow()
    qtbot.keyClicks(accounts.form.secret_edit, app_sandbox.api_key)
    accounts.save()
    run_until(lambda: accounts.memory_box is not None)  # the tests' keyring is switched off
    box = accounts.memory_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    accounts.reject()

    # Now Check status reaches the account and settles the send from the sandbox's logs.
    for _attempt in range(20):  # the sandbox's reports come a moment later
        qtbot.mouseClick(history.check_button, Qt.MouseButton.LeftButton)
        run_until(lambda: history.check_button.text() == "Check &status")
        assert history.message_text().startswith(CHECK_RESULTS), history.message_text()
        if services.outbox.get(send_id).settled:
            break
        qloop.run_until_complete(asyncio.sleep(0.1))
    assert history.message_text() == "Settled from the logs: 1 delivered, 1 expired."
    assert services.outbox.get(send_id).state is SendState.ACCEPTED
    assert len(app_sandbox.server.received_sends) == 1  # checked, never sent again


def test_closing_waits_for_a_running_check_status_before_the_client_closes(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    app_sandbox: SandboxThread,
    tmp_path: Path,
) -> None:
    paths = AppPaths.under(tmp_path / "app")
    services = Services(paths)
    window = qloop.run_until_complete(services.open(build_parser().parse_args([])))
    window.show()
    qloop.run_until_complete(services.start())
    send_id = unknown_send(qloop, services.outbox, app_sandbox, None)  # the current account
    history = window.open_history()
    assert history is not None
    run_until(lambda: history.select_send(send_id))
    client_open_at_answer: list[bool] = []
    history.presenter.checked.connect(
        lambda _record: client_open_at_answer.append(not services.client._http.is_closed)
    )
    app_sandbox.faults.update({"latency": 0.5})  # the logs answer slowly
    qtbot.mouseClick(history.check_button, Qt.MouseButton.LeftButton)
    assert history.check_button.text() == "Checking…"

    services.presenter.set_dirty(False)
    window.close()
    qloop.run_until_complete(services.close())  # as the app does once the window is closed
    window.deleteLater()
    assert client_open_at_answer == [True]  # the check got its answer, then the client closed
    assert history.message_text().startswith(CHECK_RESULTS), history.message_text()
    assert services.client._http.is_closed
