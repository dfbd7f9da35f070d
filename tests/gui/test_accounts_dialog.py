"""The accounts dialog over `AccountsService`: real settings files, a stand-in keyring, the
real sandbox. Every read and write runs off the GUI thread; the tests drive the qasync loop."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from stand_ins import DictKeyring, SlowKeyring

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QWidget

from omni_desktop.core.message import Destination, OmniMessage, to_json, with_ids

from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.secrets import SERVICE, SecretStore
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop.services.accounts import AccountsService
from omni_desktop.services.targets import profile_target

from omni_desktop.ui.accounts import SANDBOX_NOTE, AccountsDialog

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
MakeDialog = Callable[..., AccountsDialog]


@pytest.fixture
def settings_file(tmp_path: Path) -> SettingsFile:
    return SettingsFile(tmp_path / "config" / "settings.json")


@pytest.fixture
def make_dialog(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, run_until: RunUntil
) -> Iterator[MakeDialog]:
    """`make_dialog(settings_file, secrets)`: the dialog shown, its settings loaded; each is
    shut down (its tasks ended) after the test."""
    made: list[AccountsDialog] = []

    def make(settings_file: SettingsFile, secrets: SecretStore) -> AccountsDialog:
        dialog = AccountsDialog(AccountsService(settings_file, secrets))
        qtbot.addWidget(dialog)
        made.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        run_until(dialog.loaded)
        return dialog

    yield make
    for dialog in made:
        qloop.run_until_complete(dialog.shutdown())


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
        (dialog.form.name_edit, name),
        (dialog.form.url_edit, url),
        (dialog.form.secret_edit, secret),
        (dialog.form.region_edit, region),
    ):
        edit.clear()
        if text:
            qtbot.keyClicks(edit, text)


def save_button(dialog: AccountsDialog) -> QWidget:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def press_save(qtbot: QtBot, run_until: RunUntil, dialog: AccountsDialog) -> str:
    """Press Save and wait for its answer; the message it left."""
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.message_text() not in ("", "Saving…"))
    return dialog.message_text()


def changes(dialog: AccountsDialog) -> list[Settings]:
    """The settings `profiles_changed` hands on, recorded as they come."""
    seen: list[Settings] = []
    dialog.profiles_changed.connect(seen.append)
    return seen


def visible_texts(dialog: AccountsDialog) -> str:
    """Every text the dialog shows or offers: labels, placeholders, tooltips, names."""
    parts: list[str] = []
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit) and widget is not dialog.form.secret_edit:
            parts += [widget.text(), widget.placeholderText()]
    parts.append(dialog.form.secret_edit.placeholderText())
    return "\n".join(parts)


def test_test_connection_against_the_sandbox(sandbox: SandboxThread, tmp_path: Path) -> None:
    accounts = AccountsService(SettingsFile(tmp_path / "settings.json"), SecretStore())
    local = Profile("Local", sandbox.url)

    def check(profile: Profile, secret: str) -> str | None:
        return asyncio.run(accounts.test_connection(profile, secret))

    assert check(local, sandbox.api_key) is None
    assert check(local, f"{sandbox.api_key} ") is None  # a stray space is not sent
    assert check(local, "wrong-key") == UNAUTHORIZED
    basic = Profile("Local", sandbox.url, "Basic", username=sandbox.server.username)
    assert check(basic, sandbox.api_key) is None
    for scheme in ("IBSSO", "Bearer"):
        assert check(Profile("L", sandbox.url, scheme), sandbox.api_key) is None
    empty = check(local, "")  # refused before anything is sent, in one sentence
    assert empty is not None and empty.startswith("The API key is empty")


def test_the_list_model_passes_the_model_tester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    make_dialog: MakeDialog,
    settings_file: SettingsFile,
) -> None:
    settings = Settings().with_profile(Profile("Production", "https://x1.api.infobip.com"))
    settings_file.save(settings.with_profile(Profile("Staging", "https://x2.api.infobip.com")))
    dialog = make_dialog(settings_file, SecretStore())
    qtmodeltester.check(dialog.list_model)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(dialog.list_model)
    assert dialog.list_model.rowCount() == 3
    assert dialog.list_model.index(2, 0).data() == "New account"


def test_plain_http_to_a_remote_host_is_refused_and_not_saved(
    qtbot: QtBot,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    settings_file: SettingsFile,
    os_keyring: DictKeyring,
) -> None:
    dialog = make_dialog(settings_file, SecretStore())
    assert dialog.sandbox_note.text() == SANDBOX_NOTE
    fill(qtbot, dialog, "Office", "http://omni.example.com", "office-key-123")
    seen = changes(dialog)
    assert press_save(qtbot, run_until, dialog) == (
        "Plain http:// would send the API key unencrypted to omni.example.com; use https:// "
        "(http:// is allowed only for a local server on 127.0.0.1, ::1 or localhost)."
    )
    assert seen == []
    assert not settings_file.path.exists()
    assert os_keyring.entries == {}
    assert dialog.isVisible() and dialog.form.name_edit.text() == "Office"  # the data stays
    assert dialog.form.isEnabled() and save_button(dialog).isEnabled()


def test_problems_are_listed_together_and_nothing_is_saved(
    qtbot: QtBot, run_until: RunUntil, make_dialog: MakeDialog, settings_file: SettingsFile
) -> None:
    dialog = make_dialog(settings_file, SecretStore())
    fill(qtbot, dialog, "Sandbox", "https://x1.api.infobip.com", "", region="C")
    dialog.form.scheme_combo.setCurrentIndex(dialog.form.scheme_combo.findData("Basic"))
    assert press_save(qtbot, run_until, dialog).splitlines() == [
        "“Sandbox” is the built-in sandbox; choose another profile name.",
        "Basic sign-in needs a username.",
        "The default region is a two-letter country code such as HR, not 'C'.",
        "Enter the password; it is kept in the system keyring.",
    ]
    assert not settings_file.path.exists()


def test_the_username_is_asked_only_for_basic_sign_in(
    qtbot: QtBot, make_dialog: MakeDialog, settings_file: SettingsFile
) -> None:
    dialog = make_dialog(settings_file, SecretStore())
    assert dialog.message_text() == "No accounts yet: press Add to add one."
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.form.username_edit.isVisible()
    assert dialog.form.secret_label.text() == "API key:"
    assert dialog.form.secret_edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.form.secret_edit.placeholderText() == "stored in the system keyring"
    assert dialog.form.url_edit.placeholderText() == "https://xxxxx.api.infobip.com"
    dialog.form.scheme_combo.setCurrentIndex(dialog.form.scheme_combo.findData("Basic"))
    assert dialog.form.username_edit.isVisible()
    assert dialog.form.secret_label.text() == "Password:"
    labels = [dialog.form.scheme_combo.itemText(i) for i in range(dialog.form.scheme_combo.count())]
    assert labels == [
        "API key",
        "Basic (username and password)",
        "IBSSO token",
        "OAuth bearer token",
    ]


def test_test_connection_says_connected_or_the_plain_reason(
    qtbot: QtBot,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    sandbox: SandboxThread,
    settings_file: SettingsFile,
) -> None:
    dialog = make_dialog(settings_file, SecretStore())
    fill(qtbot, dialog, "Local", sandbox.url, sandbox.api_key)
    qtbot.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.form.test_button.isEnabled()
    run_until(lambda: dialog.form.test_button.isEnabled())
    assert dialog.form.test_label.text().startswith("Connected")
    assert "color" in dialog.form.test_label.styleSheet()

    dialog.form.secret_edit.clear()
    qtbot.keyClicks(dialog.form.secret_edit, "wrong-key")
    assert dialog.form.test_label.text() == ""  # an old result is cleared by an edit
    qtbot.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.form.test_button.isEnabled())
    assert dialog.form.test_label.text() == UNAUTHORIZED
    assert "#c62828" in dialog.form.test_label.styleSheet()

    dialog.form.scheme_combo.setCurrentIndex(dialog.form.scheme_combo.findData("Basic"))
    qtbot.keyClicks(dialog.form.username_edit, sandbox.server.username)
    dialog.form.secret_edit.clear()
    qtbot.keyClicks(dialog.form.secret_edit, sandbox.api_key)
    qtbot.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.form.test_button.isEnabled())
    assert dialog.form.test_label.text().startswith("Connected")
    assert sandbox.api_key not in visible_texts(dialog)


def test_test_connection_needs_a_secret_and_a_usable_url(
    qtbot: QtBot, make_dialog: MakeDialog, settings_file: SettingsFile
) -> None:
    dialog = make_dialog(settings_file, SecretStore())
    fill(qtbot, dialog, "Local", "https://x1.api.infobip.com")
    qtbot.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)
    assert dialog.form.test_label.text() == "Enter the API key to test the connection."
    dialog.form.url_edit.setText("ftp://x1")
    qtbot.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)
    assert dialog.form.test_label.text() == (
        "The base URL must start with https://, e.g. https://xxxxx.api.infobip.com."
    )


def test_save_writes_the_settings_without_the_secret_and_the_secret_to_the_keyring(
    qtbot: QtBot,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    sandbox: SandboxThread,
    settings_file: SettingsFile,
    os_keyring: DictKeyring,
) -> None:
    dialog = make_dialog(settings_file, SecretStore())
    fill(qtbot, dialog, "Local", sandbox.url + "/", sandbox.api_key, region="ch")
    seen = changes(dialog)
    assert press_save(qtbot, run_until, dialog) == (
        "Saved “Local”. The key is in the system keyring."
    )
    assert [[p.name for p in s.profiles] for s in seen] == [["Local"]]

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
    assert dialog.form.secret_edit.text() == ""
    run_until(lambda: dialog.form.secret_edit.placeholderText() == "•••• stored")
    assert dialog.editing() == "Local"
    assert sandbox.api_key not in visible_texts(dialog)

    # A later opening finds the account; the stored key is used to test it.
    dialog.close()
    again = make_dialog(settings_file, SecretStore())
    assert again.editing() == "Local" and again.form.url_edit.text() == sandbox.url
    assert again.form.region_edit.text() == "CH"
    run_until(lambda: again.form.secret_edit.placeholderText() == "•••• stored")
    qtbot.mouseClick(again.form.test_button, Qt.MouseButton.LeftButton)
    run_until(lambda: again.form.test_button.isEnabled())
    assert again.form.test_label.text().startswith("Connected")

    # Renaming moves the key; an empty secret field keeps it.
    again.form.name_edit.clear()
    qtbot.keyClicks(again.form.name_edit, "Lab")
    seen = changes(again)
    assert again.save() is not None
    run_until(lambda: seen)
    assert os_keyring.entries == {(SERVICE, "Lab"): sandbox.api_key}
    assert [p.name for p in settings_file.load().settings.profiles] == ["Lab"]
    assert again.list_model.index(0, 0).data() == "Lab"


def test_a_key_saved_with_a_trailing_space_tests_and_sends(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    sandbox: SandboxThread,
    settings_file: SettingsFile,
    os_keyring: DictKeyring,
) -> None:
    dialog = make_dialog(settings_file, SecretStore())
    fill(qtbot, dialog, "Local", sandbox.url, sandbox.api_key + " ")  # pasted with a space
    assert press_save(qtbot, run_until, dialog).startswith("Saved “Local”.")
    assert os_keyring.entries == {(SERVICE, "Local"): sandbox.api_key}

    # Test connection with the stored key (the field is empty after the save).
    assert dialog.form.secret_edit.text() == ""
    qtbot.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.form.test_button.isEnabled())
    assert dialog.form.test_label.text() == "Connected: the server accepted the credentials."

    # And every later call with it works too: a real send through the account.
    target = profile_target(settings_file.load().settings, SecretStore(), "Local")
    message = OmniMessage(
        scenario_key=SMS_SCENARIO_KEY, destinations=[Destination(phone="385911234561")]
    )
    message.content("sms").values["text"] = "Your parcel 4711 arrives today."
    body = to_json(with_ids(message, datetime.now(UTC)))

    async def send() -> Any:
        async with target.client() as client:
            return await client.send_advanced(body)

    answer = qloop.run_until_complete(send())
    assert [m.message_id for m in answer.messages] == [body["destinations"][0]["messageId"]]
    assert len(sandbox.server.received_sends) == 1


def test_a_slow_keyring_does_not_hold_the_window_while_the_dialog_loads(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    settings_file: SettingsFile,
) -> None:
    slow = SlowKeyring(delay=0.5)
    keyring.set_keyring(slow)  # `_restore_keyring` puts the null one back
    settings_file.save(Settings().with_profile(Profile("Production", "https://x1.api.infobip.com")))
    SecretStore().set("Production", "prod-key")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    dialog = AccountsDialog(AccountsService(settings_file, SecretStore()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert time.monotonic() - started < 0.45  # built without waiting for the keyring
    assert dialog.message_text() == "Loading…"
    assert not dialog.form.isEnabled() and not dialog.add_button.isEnabled()
    run_until(lambda: dialog.form.secret_edit.placeholderText() == "•••• stored", 5)
    timer.stop()
    assert time.monotonic() - started >= 0.5  # the keyring was asked, and took its time
    assert dialog.editing() == "Production" and dialog.form.isEnabled()
    gaps = [b - a for a, b in itertools.pairwise([started, *ticks])]
    # The GUI thread kept ticking: a read on it would leave one gap of 0.5 s or more.
    assert len(ticks) >= 10 and max(gaps) < 0.4, gaps
    qloop.run_until_complete(dialog.shutdown())


def test_without_a_keyring_saving_offers_memory_only(
    qtbot: QtBot, run_until: RunUntil, make_dialog: MakeDialog, settings_file: SettingsFile
) -> None:
    secrets = SecretStore()  # the tests' null keyring
    dialog = make_dialog(settings_file, secrets)
    fill(qtbot, dialog, "Local", "http://127.0.0.1:9", "memory-only-key-5e1d")
    assert press_save(qtbot, run_until, dialog) == f"Saved “Local”. {NO_KEYRING}"
    box = dialog.memory_box
    assert box is not None and box.isVisible()
    assert box.text() == NO_KEYRING
    assert "memory-only-key-5e1d" not in box.text() + box.informativeText()
    assert [p.name for p in settings_file.load().settings.profiles] == ["Local"]
    assert not secrets.in_memory("Local")  # not before the operator says so

    seen = changes(dialog)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert secrets.in_memory("Local") and secrets.get("Local") == "memory-only-key-5e1d"
    assert dialog.form.secret_edit.placeholderText() == "•••• kept in memory for this session"
    assert "memory for this session only" in dialog.message_text()
    assert b"memory-only-key-5e1d" not in settings_file.path.read_bytes()
    assert "memory-only-key-5e1d" not in visible_texts(dialog)


def test_declining_the_memory_offer_keeps_no_secret(
    qtbot: QtBot, run_until: RunUntil, make_dialog: MakeDialog, settings_file: SettingsFile
) -> None:
    secrets = SecretStore()
    dialog = make_dialog(settings_file, secrets)
    fill(qtbot, dialog, "Local", "http://127.0.0.1:9", "memory-only-key-5e1d")
    press_save(qtbot, run_until, dialog)
    box = dialog.memory_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert not secrets.in_memory("Local")
    assert dialog.message_text() == "Saved “Local” without its key; enter the key again to use it."
    assert dialog._pending_secret is None  # the secret is not held on to
    assert dialog._saving is None


def test_a_failed_settings_write_keeps_the_form(
    qtbot: QtBot,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    tmp_path: Path,
    os_keyring: DictKeyring,
) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    settings_file = SettingsFile(blocker / "settings.json")
    dialog = make_dialog(settings_file, SecretStore())
    fill(qtbot, dialog, "Local", "https://x1.api.infobip.com", "k-123")
    seen = changes(dialog)
    assert press_save(qtbot, run_until, dialog).startswith(
        f"The folder {blocker} could not be created"
    )
    assert seen == []
    assert dialog.form.name_edit.text() == "Local" and dialog.form.secret_edit.text() == "k-123"
    assert dialog.form.isEnabled()  # ready to try again
    assert os_keyring.entries == {}  # no secret for an account that was not saved


def test_remove_asks_then_deletes_the_keyring_entry(
    qtbot: QtBot,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    settings_file: SettingsFile,
    os_keyring: DictKeyring,
) -> None:
    settings = Settings().with_profile(Profile("Production", "https://x1.api.infobip.com"))
    settings_file.save(settings.with_profile(Profile("Staging", "https://x2.api.infobip.com")))
    SecretStore().set("Production", "prod-key")
    SecretStore().set("Staging", "staging-key")
    dialog = make_dialog(settings_file, SecretStore())
    assert dialog.editing() == "Production"

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = dialog.remove_box
    assert box is not None and box.text() == "Remove the account “Production”?"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert len(settings_file.load().settings.profiles) == 2

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = dialog.remove_box
    assert box is not None
    seen = changes(dialog)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    run_until(lambda: seen)
    assert [p.name for p in settings_file.load().settings.profiles] == ["Staging"]
    assert os_keyring.entries == {(SERVICE, "Staging"): "staging-key"}
    assert dialog.editing() == "Staging"
    assert dialog.message_text() == "Removed “Production”."


def test_switching_away_from_unsaved_changes_asks(
    qtbot: QtBot, make_dialog: MakeDialog, settings_file: SettingsFile
) -> None:
    settings = Settings().with_profile(Profile("Production", "https://x1.api.infobip.com"))
    settings_file.save(settings.with_profile(Profile("Staging", "https://x2.api.infobip.com")))
    dialog = make_dialog(settings_file, SecretStore())
    dialog.form.region_edit.setText("CH")
    dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
    box = dialog.discard_box
    assert box is not None and box.text() == "The changes to “Production” are not saved."
    assert dialog.editing() == "Production" and dialog.list_view.currentIndex().row() == 0
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.form.region_edit.text() == "CH"

    dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
    box = dialog.discard_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    assert (
        dialog.editing() == "Staging"
        and dialog.form.url_edit.text() == "https://x2.api.infobip.com"
    )
    assert dialog.list_view.currentIndex().row() == 1

    # Closing with unsaved changes asks too.
    dialog.form.name_edit.setText("Staging 2")
    dialog.reject()
    assert dialog.isVisible() and dialog.discard_box is not None
    qtbot.mouseClick(
        dialog.discard_box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()


def test_renders_with_realistic_data(
    qtbot: QtBot,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    settings_file: SettingsFile,
    os_keyring: DictKeyring,
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
    dialog = make_dialog(settings_file, SecretStore())
    run_until(lambda: dialog.form.secret_edit.placeholderText() == "•••• stored")
    dialog.form.test_label.setText("Connected: the server accepted the credentials.")
    image = dialog.grab()
    assert not image.isNull()
    shots = os.environ.get("OMNI_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(shots) / "accounts.png"))
        dialog.list_view.setCurrentIndex(dialog.list_model.index(1, 0))
        dialog.form.secret_edit.setText("x")
        dialog.form.url_edit.setText("http://m2p7zd.api.infobip.com")
        press_save(qtbot, run_until, dialog)
        qtbot.wait(50)  # the wrapped message's new height is laid out by a posted event
        dialog.grab().save(str(Path(shots) / "accounts-problem.png"))
        dialog.form.secret_edit.clear()
        dialog.form.url_edit.setText("https://m2p7zd.api.infobip.com")
