"""The whole app session (storage, accounts, outbox) on real files, against a real sandbox."""

from __future__ import annotations

import asyncio
import base64
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from stand_ins import DictKeyring

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop.ui.send_dialog import ConfirmSendDialog

from omni_desktop.app import Services, build_parser

SECRET = "leak-canary-" + "9c1e5d7a3b"


@pytest.fixture(autouse=True)
def _no_account_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("INFOBIP_BASE_URL", "INFOBIP_API_KEY"):
        monkeypatch.delenv(name, raising=False)


def _active_account(root: Path, profile: Profile, keyring_: DictKeyring | None) -> AppPaths:
    """App folders under `root` whose settings make `profile` active, its key in the keyring."""
    paths = AppPaths.under(root).ensure()
    SettingsFile(paths.settings_file).save(
        Settings(profiles=(profile,), active_profile=profile.name)
    )
    if keyring_ is not None:
        keyring_.set_password("omni-desktop", profile.name, SECRET)
    return paths


@pytest.fixture
def canary_sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(api_key=SECRET, time_scale=36_000.0) as running:
        yield running


def _open(qloop: asyncio.AbstractEventLoop, root: Path) -> Services:
    services = Services(AppPaths.under(root))
    args = build_parser().parse_args([])
    window = qloop.run_until_complete(services.open(args))
    window.show()
    qloop.run_until_complete(services.start())  # as app._run_window does after show()
    return services


def _close(qloop: asyncio.AbstractEventLoop, services: Services) -> None:
    services.presenter.set_dirty(False)
    services.window.close()
    qloop.run_until_complete(services.close())
    services.window.deleteLater()


def _compose(services: Services) -> None:
    window = services.window
    window.recipients.model.add_lines("+41 79 302 67 27\n+385 91 234 5671\n")
    window.composers["sms"].editor("text").setPlainText("Your parcel is on its way.")  # type: ignore[union-attr]
    services.presenter.validate_now()


def _send(services: Services, account: str) -> None:
    window = services.window
    window.send_button.click()
    dialog = next(d for d in window._dialogs if isinstance(d, ConfirmSendDialog))
    assert dialog.account_edit is not None
    dialog.account_edit.setText(account)
    dialog.send_button.click()


def test_the_key_is_nowhere_in_the_app_files(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: Any,
    tmp_path: Path,
    os_keyring: DictKeyring,
    canary_sandbox: SandboxThread,
) -> None:
    profile = Profile(name="Shop", base_url=canary_sandbox.url, auth_scheme="App")
    paths = _active_account(tmp_path / "app", profile, os_keyring)

    services = _open(qloop, tmp_path / "app")
    try:
        assert services.presenter.target.name == "Shop"
        assert "Account: Shop" in services.window.banner.text()
        run_until(lambda: services.presenter.scenarios)
        _compose(services)
        _send(services, "Shop")
        model = services.window.status_panel.model
        run_until(lambda: model.rowCount() == 2 and all(r.status for r in model.rows))

        # an export, a cURL copy and an error
        assert services.window.status_panel.export_csv(paths.cache / "status.csv")
        services.window.preview.copy_curl.click()
        curl = QGuiApplication.clipboard().text()
        assert "$INFOBIP_API_KEY" in curl and SECRET not in curl
        canary_sandbox.faults.update({"fail_next": 1})
        _send(services, "Shop")
        run_until(lambda: services.window.status_panel.error_text())
        assert SECRET not in services.window.status_panel.error_text()
        services.window.save_draft_to(paths.data / "draft.omni.json")
        assert services.window.autosave_now()
        history = services.outbox.history()
        assert [r.state for r in history] == ["unknown", "accepted"]
        # History keeps the request exactly as the server received it.
        assert history[1].request() == canary_sandbox.server.received_sends[0]
    finally:
        _close(qloop, services)

    forms = {SECRET, base64.b64encode(SECRET.encode()).decode()}
    scanned = 0
    for folder in paths.folders():
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                scanned += 1
                for form in forms:
                    assert form.encode() not in data, f"the key is in {path}"
    assert scanned >= 5  # settings, history (+WAL), log, export, draft, autosave
    log_text = paths.log_file.read_text(encoding="utf-8")
    assert "POST" in log_text or "advanced" in log_text  # the log saw the sends


def test_no_keyring_falls_back_to_the_sandbox_and_says_why(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
) -> None:
    assert os.environ["PYTHON_KEYRING_BACKEND"].endswith("null.Keyring")
    profile = Profile(name="Shop", base_url="https://shop.api.infobip.com")
    paths = _active_account(tmp_path / "app", profile, None)
    services = _open(qloop, tmp_path / "app")
    try:
        assert services.presenter.target.is_sandbox
        notices = " ".join(services.session.notices)
        assert "keyring" in notices.lower() and "Shop" in notices
        assert not any(p.is_file() and "settings" in p.name for p in paths.data.rglob("*"))
        saved = json.loads(paths.settings_file.read_text(encoding="utf-8"))
        assert "key" not in json.dumps(saved).lower().replace("api_key_name", "")
    finally:
        _close(qloop, services)


def test_after_a_crash_the_next_start_offers_the_autosaved_draft(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: Any,
    tmp_path: Path,
) -> None:
    root = tmp_path / "app"
    paths = AppPaths.under(root).ensure()
    SettingsFile(paths.settings_file).save(Settings(autosave_seconds=1))
    first = _open(qloop, root)
    _compose(first)
    window = first.window
    window.composers["sms"].editor("text").setPlainText("Typed, never saved")  # type: ignore[union-attr]
    run_until(lambda: "Autosaved" in window.autosave_status.text(), 10)
    # The process dies here: no clean exit is recorded (only the HTTP side is closed).
    first.presenter.set_dirty(False)
    qloop.run_until_complete(first.presenter.shutdown())
    for client in first.clients.values():
        qloop.run_until_complete(client.aclose())
    first.outbox.close()
    first.instance.release()  # as the operating system does when the process dies
    window.hide()
    window.deleteLater()
    if first.sandbox is not None:
        first.sandbox.stop()

    second = _open(qloop, root)
    try:
        box = second.window.offer_restore()
        assert box is not None and "did not close normally" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()
        text = second.window.composers["sms"].editor("text").toPlainText()  # type: ignore[union-attr]
        assert text == "Typed, never saved"
        assert second.window.recipients.model.rowCount() == 2
        assert second.window.isWindowModified()
    finally:
        _close(qloop, second)
    # A clean exit leaves nothing to restore.
    third = _open(qloop, root)
    try:
        assert third.window.offer_restore() is None
    finally:
        _close(qloop, third)


def test_an_accounts_default_region_reads_national_numbers(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    os_keyring: DictKeyring,
    canary_sandbox: SandboxThread,
) -> None:
    profile = Profile(name="Zurich", base_url=canary_sandbox.url, default_region="CH")
    _active_account(tmp_path / "app", profile, os_keyring)
    services = _open(qloop, tmp_path / "app")
    try:
        window = services.window
        window.recipients.model.add_lines("079 302 67 27\n")
        assert window.recipients.model.counts() == (1, 0)
        _compose(services)
        result = services.presenter.validate_now()
        assert result.prepared.destinations[0].phone == "41793026727"
    finally:
        _close(qloop, services)


def test_a_second_window_says_the_first_is_open_and_starts_nothing(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two windows would share one history and one autosave: the second one only says so."""
    from PySide6.QtWidgets import QApplication

    from omni_desktop.app import _run_window

    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    first = Services()
    qloop.run_until_complete(first.open(build_parser().parse_args([])))
    try:
        second = qloop.create_task(
            _run_window(QApplication.instance(), build_parser().parse_args([]))
        )

        def box() -> QMessageBox | None:
            found = [
                w for w in QApplication.topLevelWidgets() if w.objectName() == "already_running"
            ]
            return found[0] if found and found[0].isVisible() else None  # type: ignore[return-value]

        run_until(lambda: box() is not None)
        message = box()
        assert message is not None
        assert f"already open (process {os.getpid()})" in message.text()
        message.button(QMessageBox.StandardButton.Ok).click()
        run_until(second.done)
        assert second.result() == 1
        # The first window's session is untouched and still holds the lock.
        assert first.instance.held
        assert first.outbox.history() == []
    finally:
        first.presenter.set_dirty(False)
        first.window.close()
        qloop.run_until_complete(first.close())
        first.window.deleteLater()
