"""After a crash: a send in flight is unknown, not resent; damaged files are set aside with a
notice and the window opens; the autosaved draft is offered until the operator answers."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QMessageBox

from omni_desktop.core.message import Destination, OmniMessage

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.autosave import Autosave
from omni_desktop.storage.paths import AppPaths

from omni_desktop.app import Services, _close_on_signals, build_parser

# The app's own session, driven to a send without the confirm dialog, then left waiting.
DRIVER = textwrap.dedent(
    """
    import asyncio, os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_API"] = "pyside6"
    from PySide6.QtWidgets import QApplication
    import qasync
    from omni_desktop.app import Services, build_parser
    from omni_desktop.storage.paths import AppPaths

    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def main():
        services = Services(AppPaths.under(Path(sys.argv[1])))
        window = await services.open(build_parser().parse_args([]))
        window.show()
        await services.start()  # as app._run_window does after the first paint
        window.recipients.model.add_lines("+41 79 302 67 27\\n+385 91 234 5671\\n")
        window.composers["sms"].editor("text").setPlainText("Your parcel is on its way.")
        services.presenter.validate_now()
        assert services.presenter.send() is not None
        print("SENDING", flush=True)
        await asyncio.Event().wait()

    loop.run_until_complete(main())
    """
)


@pytest.fixture
def holding_sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(api_key="crash-test-key", time_scale=36_000.0) as running:
        running.faults.update({"hold_sends": True})
        yield running


def test_killed_mid_send_is_unknown_after_restart_and_check_status_settles_it(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: Any,
    tmp_path: Path,
    holding_sandbox: SandboxThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "app"
    monkeypatch.setenv("INFOBIP_BASE_URL", holding_sandbox.url)
    monkeypatch.setenv("INFOBIP_API_KEY", holding_sandbox.api_key)
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(root)],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while holding_sandbox.server.holding < 1:
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the send never reached the sandbox"
            time.sleep(0.02)
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL
    holding_sandbox.faults.update({"hold_sends": False})  # the platform got it after all

    services = Services(AppPaths.under(root))
    window = qloop.run_until_complete(services.open(build_parser().parse_args([])))
    window.show()
    try:
        window.start_session()
        qloop.run_until_complete(services.start())  # as app._run_window does after the paint
        assert "outcome is unknown" in window.status_panel.error_text()
        [record] = services.outbox.history()
        assert record.state == "unknown"
        assert record.recipients_count == 2

        history = window.open_history()
        assert history is not None
        history.select_send(record.id)  # selected when the list, read in a thread, arrives
        run_until(lambda: history.selected_record() is not None)
        assert history.check_button.isEnabled()
        history.check_button.click()
        run_until(lambda: services.outbox.get(record.id).state == "accepted", 30)
        assert len(holding_sandbox.server.received_sends) == 1, "the send was never resent"
        messages = services.outbox.messages(record.id)
        assert {m.message_id for m in messages} == {
            d["messageId"] for d in holding_sandbox.server.received_sends[0]["destinations"]
        }
    finally:
        services.presenter.set_dirty(False)
        window.close()
        qloop.run_until_complete(services.close())
        window.deleteLater()


# --- damaged files at start, and the restore offer kept until it is answered -------------------

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def env_sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxThread]:
    """A sandbox in a thread that the app reaches through the environment (no child process)."""
    with SandboxThread(api_key="restore-test-key", time_scale=36_000.0) as running:
        monkeypatch.setenv("INFOBIP_BASE_URL", running.url)
        monkeypatch.setenv("INFOBIP_API_KEY", running.api_key)
        yield running


def _start(qloop: asyncio.AbstractEventLoop, root: Path) -> Services:
    """The app's session on `root`, as `app._run_window` starts it."""
    services = Services(AppPaths.under(root))
    window = qloop.run_until_complete(services.open(build_parser().parse_args([])))
    window.show()
    window.start_session()
    return services


def _stop(qloop: asyncio.AbstractEventLoop, services: Services) -> None:
    """As `app._run_window` ends: the window is closed, then every service in order."""
    services.presenter.set_dirty(False)
    services.window.close()
    qloop.run_until_complete(services.close())
    services.window.deleteLater()


def _box(services: Services, name: str) -> QMessageBox | None:
    box = services.window.findChild(QMessageBox, name)
    return box if box is not None and box.isVisible() else None


def _crash_left_a_copy(root: Path, text: str = "Typed before the crash") -> Autosave:
    autosave = Autosave(AppPaths.under(root).ensure().autosave_folder)
    message = OmniMessage(destinations=[Destination(phone="41793026727")])
    message.content("sms").values["text"] = text
    autosave.save(message)
    return autosave


def _damage_settings(paths: AppPaths) -> Path:
    paths.settings_file.write_text('{"version": 2, "futureSetting": ' + DEEP + "}", "utf-8")
    return paths.settings_file


def _damage_autosave(paths: AppPaths) -> Path:
    autosave = _crash_left_a_copy(paths.data.parent)
    text = autosave.draft_file.read_text("utf-8")
    spoiled = text.replace("{", '{"sendAt": "2026-12-02T10:00:00.000+99:99", ', 1)
    autosave.draft_file.write_text(spoiled, "utf-8")
    return autosave.draft_file


def _damage_history(paths: AppPaths) -> Path:
    paths.history_file.write_bytes(b"this is not an SQLite file at all, just text. " * 100)
    Path(f"{paths.history_file}-wal").write_bytes(b"junk beside it" * 100)
    return paths.history_file


@pytest.mark.parametrize(
    ("damage", "box_name"),
    [
        (_damage_settings, "notices_box"),
        (_damage_autosave, "autosave_damaged_box"),
        (_damage_history, "notices_box"),
    ],
    ids=["settings 100,000 deep", "autosave sendAt +99:99", "history not a database"],
)
def test_the_window_opens_past_a_damaged_file_and_says_where_it_was_kept(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    env_sandbox: SandboxThread,
    damage: Any,
    box_name: str,
) -> None:
    root = tmp_path / "app"
    paths = AppPaths.under(root).ensure()
    damaged: Path = damage(paths)
    before = damaged.read_bytes()
    services = _start(qloop, root)
    try:
        assert services.window.isVisible()
        box = _box(services, box_name)
        assert box is not None, f"no notice ({box_name}) was shown"
        [copy] = damaged.parent.glob(f"{damaged.name}.damaged-*[0-9Z]")
        assert str(copy) in box.text()
        assert copy.read_bytes() == before
        assert _box(services, "restore_box") is None  # nothing damaged is offered
        services.window.recipients.model.add_lines("+41 79 302 67 27\n")
        assert services.window.recipients.model.rowCount() == 1  # and the window works
    finally:
        _stop(qloop, services)


def test_a_hostile_draft_opened_in_the_window_is_refused_in_one_sentence(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, env_sandbox: SandboxThread
) -> None:
    draft = tmp_path / "hostile.omni.json"
    draft.write_text('{"destinations": [], "sms": {"text": 12345}}', encoding="utf-8")
    services = _start(qloop, tmp_path / "app")
    try:
        services.window.composers["sms"].editor("text").setPlainText("Kept")  # type: ignore[union-attr]
        assert services.window.open_draft_path(draft) is False
        box = _box(services, "warning_box")
        assert box is not None
        assert box.text() == (
            "hostile.omni.json is not an OMNI request: sms.text should be text, not a number."
        )
        text = services.window.composers["sms"].editor("text").toPlainText()  # type: ignore[union-attr]
        assert text == "Kept"  # nothing was lost
    finally:
        _stop(qloop, services)


def _closed_by_sigterm(qloop: asyncio.AbstractEventLoop, services: Services) -> None:
    """SIGTERM to this process, with the app's own handler: it closes the window."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        _close_on_signals(services.window)
        os.kill(os.getpid(), signal.SIGTERM)
        deadline = time.monotonic() + 5
        while services.window.isVisible():
            assert time.monotonic() < deadline, "SIGTERM did not close the window"
            QApplication.processEvents()
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    qloop.run_until_complete(services.close())
    services.window.deleteLater()


@pytest.mark.parametrize("ending", ["window closed", "SIGTERM"])
def test_the_restore_offer_outlives_a_session_ended_before_it_was_answered(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    env_sandbox: SandboxThread,
    ending: str,
) -> None:
    root = tmp_path / "app"
    _crash_left_a_copy(root, "Typed before the crash")
    first = _start(qloop, root)
    assert _box(first, "restore_box") is not None
    if ending == "SIGTERM":
        _closed_by_sigterm(qloop, first)
    else:
        _stop(qloop, first)  # closed with the question still open

    second = _start(qloop, root)
    try:
        box = _box(second, "restore_box")
        assert box is not None, "the autosaved draft was not offered again"
        box.button(QMessageBox.StandardButton.Yes).click()
        text = second.window.composers["sms"].editor("text").toPlainText()  # type: ignore[union-attr]
        assert text == "Typed before the crash"
        assert second.window.recipients.model.rowCount() == 1
    finally:
        _stop(qloop, second)
    third = _start(qloop, root)  # answered, then a clean exit: nothing is offered any more
    try:
        assert _box(third, "restore_box") is None
    finally:
        _stop(qloop, third)


def test_declining_the_offer_ends_it(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path, env_sandbox: SandboxThread
) -> None:
    root = tmp_path / "app"
    autosave = _crash_left_a_copy(root)
    first = _start(qloop, root)
    try:
        box = _box(first, "restore_box")
        assert box is not None
        box.button(QMessageBox.StandardButton.No).click()
        assert not autosave.draft_file.exists()
    finally:
        _stop(qloop, first)
    second = _start(qloop, root)
    try:
        assert _box(second, "restore_box") is None
    finally:
        _stop(qloop, second)
