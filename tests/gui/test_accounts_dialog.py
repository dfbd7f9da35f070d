"""The accounts dialog on real settings files, a stand-in keyring and the real sandbox."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from stand_ins import DictKeyring

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.secrets import SERVICE, SecretStore
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop.ui.accounts_dialog import (
    SANDBOX_NOTE,
    AccountsDialog,
    check_connection,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

RunUntil = Callable[..., None]
UNAUTHORIZED = (
    "The OMNI server did not accept the credentials (HTTP 401); check the API key or login in "
    "the profile."
)
NO_KEYRING = (
    "No system keyring is available (the keyring is switched off); the key can be kept in "
    "memory for this session only."
)


@pytest.fixture
def settings_file(tmp_path: Path) -> SettingsFile:
    return SettingsFile(tmp_path / "config" / "settings.json")


def make_dialog(qtbot: QtBot, settings_file: SettingsFile, secrets: SecretStore) -> AccountsDialog:
    dialog = AccountsDialog(settings_file, secrets, check_connection)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(
    qtbot: QtBot,
    dialog: AccountsDialog,
    name: str = "Local",
    url: str = "",
    secret: str = "",
    region: str = "",
) -> None:
    """Press Add and type the new account as an operator would."""
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    for edit, text in (
        (dialog.name_edit, name),
        (dialog.url_edit, url),
        (dialog.secret_edit, secret),
        (dialog.region_edit, region),
    ):
        edit.clear()
        if text:
            qtbot.keyClicks(edit, text)


def save_button(dialog: AccountsDialog) -> QWidget:
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def visible_texts(dialog: AccountsDialog) -> str:
    """Every text the dialog shows or offers: labels, placeholders, tooltips, names."""
    parts: list[str] = []
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit) and widget is not dialog.secret_edit:
            parts += [widget.text(), widget.placeholderText()]
    parts.append(dialog.secret_edit.placeholderText())
    return "\n".join(parts)


def test_check_connection_against_the_sandbox(sandbox: SandboxThread) -> None:
    local = Profile("Local", sandbox.url)
    assert asyncio.run(check_connection(local, sandbox.api_key)) is None
    assert asyncio.run(check_connection(local, "wrong-key")) == UNAUTHORIZED
    basic = Profile("Local", sandbox.url, "Basic", username=sandbox.server.username)
    assert asyncio.run(check_connection(basic, sandbox.api_key)) is None
    for scheme in ("IBSSO", "Bearer"):
        assert (
            asyncio.run(check_connection(Profile("L", sandbox.url, scheme), sandbox.api_key))
            is None
        )
    assert asyncio.run(check_connection(local, "")) == (
        "The credentials are empty: enter the API key, password or token."
    )


def test_the_list_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, settings_file: SettingsFile
) -> None:
    settings = Settings().with_profile(Profile("Production", "https://x1.api.infobip.com"))
    settings_file.save(settings.with_profile(Profile("Staging", "https://x2.api.infobip.com")))
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    qtmodeltester.check(dialog.list_model)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(dialog.list_model)
    assert dialog.list_model.rowCount() == 3
    assert dialog.list_model.index(2, 0).data() == "New account"


def test_plain_http_to_a_remote_host_is_refused_and_not_saved(
    qtbot: QtBot, settings_file: SettingsFile, os_keyring: DictKeyring
) -> None:
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    assert dialog.sandbox_note.text() == SANDBOX_NOTE
    fill(qtbot, dialog, "Office", "http://omni.example.com", "office-key-123")
    with qtbot.assertNotEmitted(dialog.profiles_changed):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.message_text() == (
        "Plain http:// would send the API key unencrypted to omni.example.com; use https:// "
        "(http:// is allowed only for a local server on 127.0.0.1, ::1 or localhost)."
    )
    assert not settings_file.path.exists()
    assert os_keyring.entries == {}
    assert dialog.isVisible() and dialog.name_edit.text() == "Office"  # the data stays


def test_problems_are_listed_together_and_nothing_is_saved(
    qtbot: QtBot, settings_file: SettingsFile
) -> None:
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    fill(qtbot, dialog, "Sandbox", "https://x1.api.infobip.com", "", region="C")
    dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("Basic"))
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.message_text().splitlines() == [
        "“Sandbox” is the built-in sandbox; choose another profile name.",
        "Basic sign-in needs a username.",
        "The default region is a two-letter country code such as HR, not 'C'.",
        "Enter the password; it is kept in the system keyring.",
    ]
    assert not settings_file.path.exists()


def test_the_username_is_asked_only_for_basic_sign_in(
    qtbot: QtBot, settings_file: SettingsFile
) -> None:
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.username_edit.isVisible()
    assert dialog.secret_label.text() == "API key:"
    assert dialog.secret_edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.secret_edit.placeholderText() == "stored in the system keyring"
    assert dialog.url_edit.placeholderText() == "https://xxxxx.api.infobip.com"
    dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("Basic"))
    assert dialog.username_edit.isVisible()
    assert dialog.secret_label.text() == "Password:"
    labels = [dialog.scheme_combo.itemText(i) for i in range(dialog.scheme_combo.count())]
    assert labels == [
        "API key",
        "Basic (username and password)",
        "IBSSO token",
        "OAuth bearer token",
    ]


def test_test_connection_says_connected_or_the_plain_reason(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    sandbox: SandboxThread,
    settings_file: SettingsFile,
) -> None:
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    fill(qtbot, dialog, "Local", sandbox.url, sandbox.api_key)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.test_button.isEnabled()
    run_until(lambda: dialog.test_button.isEnabled())
    assert dialog.test_label.text().startswith("Connected")
    assert "color" in dialog.test_label.styleSheet()

    dialog.secret_edit.clear()
    qtbot.keyClicks(dialog.secret_edit, "wrong-key")
    assert dialog.test_label.text() == ""  # an old result is cleared by an edit
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.test_button.isEnabled())
    assert dialog.test_label.text() == UNAUTHORIZED
    assert "#c62828" in dialog.test_label.styleSheet()

    dialog.scheme_combo.setCurrentIndex(dialog.scheme_combo.findData("Basic"))
    qtbot.keyClicks(dialog.username_edit, sandbox.server.username)
    dialog.secret_edit.clear()
    qtbot.keyClicks(dialog.secret_edit, sandbox.api_key)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.test_button.isEnabled())
    assert dialog.test_label.text().startswith("Connected")
    assert sandbox.api_key not in visible_texts(dialog)
    qloop.run_until_complete(dialog.shutdown())


def test_test_connection_needs_a_secret_and_a_usable_url(
    qtbot: QtBot, settings_file: SettingsFile
) -> None:
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    fill(qtbot, dialog, "Local", "https://x1.api.infobip.com")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_label.text() == "Enter the API key to test the connection."
    dialog.url_edit.setText("ftp://x1")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_label.text() == (
        "The base URL must start with https://, e.g. https://xxxxx.api.infobip.com."
    )


def test_save_writes_the_settings_without_the_secret_and_the_secret_to_the_keyring(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    sandbox: SandboxThread,
    settings_file: SettingsFile,
    os_keyring: DictKeyring,
) -> None:
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    fill(qtbot, dialog, "Local", sandbox.url + "/", sandbox.api_key, region="ch")
    with qtbot.waitSignal(dialog.profiles_changed, timeout=1000):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.message_text() == "Saved “Local”. The key is in the system keyring."

    text = settings_file.path.read_text(encoding="utf-8")
    assert sandbox.api_key not in text
    saved = json.loads(text)["profiles"]
    assert saved == [
        {
            "name": "Local",
            "base_url": sandbox.url,
            "auth_scheme": "App",
            "username": None,
            "default_region": "CH",
        }
    ]
    assert os_keyring.entries == {(SERVICE, "Local"): sandbox.api_key}
    assert dialog.secret_edit.text() == ""
    assert dialog.secret_edit.placeholderText() == "•••• stored"
    assert dialog.editing() == "Local"
    assert sandbox.api_key not in visible_texts(dialog)

    # A later opening finds the account; the stored key is used to test it.
    dialog.close()
    again = make_dialog(qtbot, settings_file, SecretStore())
    assert again.editing() == "Local" and again.url_edit.text() == sandbox.url
    assert again.region_edit.text() == "CH"
    assert again.secret_edit.placeholderText() == "•••• stored"
    qtbot.mouseClick(again.test_button, Qt.MouseButton.LeftButton)
    run_until(lambda: again.test_button.isEnabled())
    assert again.test_label.text().startswith("Connected")

    # Renaming moves the key; an empty secret field keeps it.
    again.name_edit.clear()
    qtbot.keyClicks(again.name_edit, "Lab")
    with qtbot.waitSignal(again.profiles_changed, timeout=1000):
        assert again.save()
    assert os_keyring.entries == {(SERVICE, "Lab"): sandbox.api_key}
    assert [p.name for p in settings_file.load().settings.profiles] == ["Lab"]
    assert again.list_model.index(0, 0).data() == "Lab"
    qloop.run_until_complete(again.shutdown())


def test_without_a_keyring_saving_offers_memory_only(
    qtbot: QtBot, settings_file: SettingsFile
) -> None:
    secrets = SecretStore()  # the tests' null keyring
    dialog = make_dialog(qtbot, settings_file, secrets)
    fill(qtbot, dialog, "Local", "http://127.0.0.1:9", "memory-only-key-5e1d")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.message_text() == f"Saved “Local”. {NO_KEYRING}"
    box = dialog.memory_box
    assert box is not None and box.isVisible()
    assert box.text() == NO_KEYRING
    assert "memory-only-key-5e1d" not in box.text() + box.informativeText()
    assert [p.name for p in settings_file.load().settings.profiles] == ["Local"]
    assert not secrets.in_memory("Local")  # not before the operator says so

    with qtbot.waitSignal(dialog.profiles_changed, timeout=1000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert secrets.in_memory("Local") and secrets.get("Local") == "memory-only-key-5e1d"
    assert dialog.secret_edit.placeholderText() == "•••• kept in memory for this session"
    assert "memory for this session only" in dialog.message_text()
    assert b"memory-only-key-5e1d" not in settings_file.path.read_bytes()
    assert "memory-only-key-5e1d" not in visible_texts(dialog)


def test_declining_the_memory_offer_keeps_no_secret(
    qtbot: QtBot, settings_file: SettingsFile
) -> None:
    secrets = SecretStore()
    dialog = make_dialog(qtbot, settings_file, secrets)
    fill(qtbot, dialog, "Local", "http://127.0.0.1:9", "memory-only-key-5e1d")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    box = dialog.memory_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert not secrets.in_memory("Local")
    assert dialog.message_text() == "Saved “Local” without its key; enter the key again to use it."
    assert dialog._pending_secret is None  # the secret is not held on to


def test_a_failed_settings_write_keeps_the_form(
    qtbot: QtBot, tmp_path: Path, os_keyring: DictKeyring
) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    settings_file = SettingsFile(blocker / "settings.json")
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    fill(qtbot, dialog, "Local", "https://x1.api.infobip.com", "k-123")
    with qtbot.assertNotEmitted(dialog.profiles_changed):
        assert not dialog.save()
    assert dialog.message_text().startswith(f"The folder {blocker} could not be created")
    assert dialog.name_edit.text() == "Local" and dialog.secret_edit.text() == "k-123"
    assert os_keyring.entries == {}  # no secret for an account that was not saved


def test_remove_asks_then_deletes_the_keyring_entry(
    qtbot: QtBot, settings_file: SettingsFile, os_keyring: DictKeyring
) -> None:
    settings = Settings().with_profile(Profile("Production", "https://x1.api.infobip.com"))
    settings_file.save(settings.with_profile(Profile("Staging", "https://x2.api.infobip.com")))
    SecretStore().set("Production", "prod-key")
    SecretStore().set("Staging", "staging-key")
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    assert dialog.editing() == "Production"

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = dialog.remove_box
    assert box is not None and box.text() == "Remove the account “Production”?"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert len(settings_file.load().settings.profiles) == 2

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = dialog.remove_box
    assert box is not None
    with qtbot.waitSignal(dialog.profiles_changed, timeout=1000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert [p.name for p in settings_file.load().settings.profiles] == ["Staging"]
    assert os_keyring.entries == {(SERVICE, "Staging"): "staging-key"}
    assert dialog.editing() == "Staging"
    assert dialog.message_text() == "Removed “Production”."


def test_switching_away_from_unsaved_changes_asks(
    qtbot: QtBot, settings_file: SettingsFile
) -> None:
    settings = Settings().with_profile(Profile("Production", "https://x1.api.infobip.com"))
    settings_file.save(settings.with_profile(Profile("Staging", "https://x2.api.infobip.com")))
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    dialog.region_edit.setText("CH")
    dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
    box = dialog.discard_box
    assert box is not None and box.text() == "The changes to “Production” are not saved."
    assert dialog.editing() == "Production" and dialog.list_view.currentIndex().row() == 0
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.region_edit.text() == "CH"

    dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
    box = dialog.discard_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert dialog.editing() == "Staging" and dialog.url_edit.text() == "https://x2.api.infobip.com"
    assert dialog.list_view.currentIndex().row() == 1

    # Closing with unsaved changes asks too.
    dialog.name_edit.setText("Staging 2")
    dialog.reject()
    assert dialog.isVisible() and dialog.discard_box is not None
    qtbot.mouseClick(
        dialog.discard_box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()


def test_renders_with_realistic_data(
    qtbot: QtBot, settings_file: SettingsFile, os_keyring: DictKeyring
) -> None:
    settings = Settings()
    for profile in (
        Profile("Production EU", "https://k3x9vq.api.infobip.com", default_region="CH"),
        Profile("Staging", "https://m2p7zd.api.infobip.com", "Basic", username="ops-team"),
        Profile("Local test server", "http://127.0.0.1:8080", "Bearer"),
    ):
        settings = settings.with_profile(profile)
    settings_file.save(settings)
    SecretStore().set("Production EU", "prod-key")
    dialog = make_dialog(qtbot, settings_file, SecretStore())
    dialog.test_label.setText("Connected: the server accepted the credentials.")
    image = dialog.grab()
    assert not image.isNull()
    shots = os.environ.get("OMNI_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(shots) / "accounts.png"))
        dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
        dialog.secret_edit.setText("x")
        dialog.url_edit.setText("http://m2p7zd.api.infobip.com")
        dialog.save()
        qtbot.wait(50)  # the wrapped message's new height is laid out by a posted event
        dialog.grab().save(str(Path(shots) / "accounts-problem.png"))
        dialog.secret_edit.clear()
        dialog.url_edit.setText("https://m2p7zd.api.infobip.com")
