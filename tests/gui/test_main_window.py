"""The composer window driven as an operator would, against a real sandbox over sockets."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from omni_desktop.core.channels import ChannelSpec, FieldKind, FieldSpec
from omni_desktop.core.message import ChannelContent

from omni_desktop.sandbox import SandboxThread

from omni_desktop.ui.channel_composer import ChannelComposer
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.status import COLUMNS


def _type(qtbot: QtBot, composer: Any, channel: str, field: str, text: str) -> None:
    editor = composer.window.composers[channel].editor(field)
    editor.setFocus()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest can only type Latin-1 keys; paste the rest as an input method would
        editor.insertPlainText(text) if hasattr(editor, "insertPlainText") else editor.insert(text)


def _confirm_dialog(composer: Any) -> ConfirmSendDialog:
    dialogs = [d for d in composer.window._dialogs if isinstance(d, ConfirmSendDialog)]
    assert dialogs, "the confirm step did not open"
    return dialogs[-1]


def _status_texts(composer: Any, column: str) -> list[str]:
    model = composer.window.status_panel.model
    col = COLUMNS.index(column)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def _pick_scenario(composer: Any, name: str) -> str:
    combo = composer.window.scenario_picker.combo
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(name))
    combo.setCurrentIndex(index)
    return str(combo.itemData(index))


def test_compose_and_send_shows_pending_then_delivery_reports(
    run_until: Any, composer: Any, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    window = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27\n+385 91 234 5671; ana@example.com\n")
    scenario = next(s for s in composer.presenter.scenarios if s.default)
    key = _pick_scenario(composer, scenario.name)
    _type(qtbot, composer, "sms", "text", "Your parcel is on its way.")
    _type(qtbot, composer, "viber", "text", "Your parcel is on its way!")
    window.composers["viber"].validity_period.setValue(1)  # minutes: Viber fails over quickly
    run_until(lambda: composer.presenter.result and composer.presenter.result.ok)

    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    dialog = _confirm_dialog(composer)
    text = dialog.body.text()
    assert "Sandbox" in text
    assert "2" in text
    assert text.index("VIBER") < text.index("SMS"), "channels are listed in flow order"
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    model = window.status_panel.model
    run_until(lambda: model.rowCount() == 2 and all(r.status for r in model.rows))
    assert _status_texts(composer, "Status") == ["PENDING_ENROUTE", "PENDING_ENROUTE"]
    assert _status_texts(composer, "To") == ["41793026727", "385912345671"]
    assert model.bulk_id.startswith("b-")
    sent = json.loads(json.dumps(composer.presenter.request_json()))
    assert sent["scenarioKey"] == key

    # Delivery reports arrive from the sandbox's simulated failover and update the rows.
    run_until(lambda: all(r.status and r.status.is_final for r in model.rows), 40)
    assert all(r.channel for r in model.rows), "each final row names the delivering channel"


def test_invalid_number_blocks_send_with_its_reason(
    run_until: Any,
    composer: Any,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
) -> None:
    window = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27\n+41 12\n")
    _type(qtbot, composer, "sms", "text", "Hello")
    run_until(lambda: composer.presenter.result is not None)
    assert "1 invalid" in window.recipients.count_text()

    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    assert not [d for d in window._dialogs if isinstance(d, ConfirmSendDialog)]
    reason = window.send_reason.text()
    assert "✖" in reason
    assert "short" in reason.lower()
    assert any("destinations[1]" in p.path for p in composer.presenter.result.errors)
    assert window.status_panel.model.rowCount() == 0
    assert sandbox.server.received_sends == []


def test_wrong_key_shows_one_plain_sentence(
    run_until: Any,
    make_window: Any,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    tmp_path: Path,
) -> None:
    made = make_window(qloop, sandbox.url, "not-the-key", tmp_path, sandbox=False)
    made.window.show()
    made.presenter.refresh_scenarios()
    picker = made.window.scenario_picker
    run_until(lambda: "could not be loaded" in picker.flow.text())
    assert "key" in picker.flow.text().lower()

    made.window.recipients.model.add_lines("+41 79 302 67 27\n")
    _type(qtbot, made, "sms", "text", "Hello")
    qtbot.mouseClick(made.window.send_button, Qt.MouseButton.LeftButton)
    dialog = _confirm_dialog(made)
    assert "Test account" in dialog.body.text()
    # A real account: the send waits until the operator types the account's name.
    assert not dialog.send_button.isEnabled()
    assert dialog.account_edit is not None
    qtbot.keyClicks(dialog.account_edit, "Test acc")
    assert not dialog.send_button.isEnabled()
    qtbot.keyClicks(dialog.account_edit, "ount")
    assert dialog.send_button.isEnabled()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    panel = made.window.status_panel
    run_until(lambda: panel.error_text())
    sentence = panel.error_text()
    assert "Traceback" not in sentence
    assert sentence.count("\n") == 0
    assert "key" in sentence.lower()


def test_tab_titles_follow_the_scenario_flow(composer: Any) -> None:
    tabs = composer.window.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[:2] == ["2 · SMS", "1 · Viber"]
    assert "Parseco" in titles  # not in the flow: muted, and the tooltip says so
    parseco = titles.index("Parseco")
    assert "not sent" in tabs.tabToolTip(parseco)
    assert "not sent" in tabs.tabBar().accessibleTabName(parseco)
    assert "3 · Email" in titles
    _pick_scenario(composer, "SMS only")
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[0] == "1 · SMS"
    assert titles[1] == "Viber"
    assert "not sent" in tabs.tabToolTip(1)
    note = composer.window.composers["viber"].flow_note.text()
    assert "not sent" in note


def test_preview_shows_the_exact_request_and_curl_hides_the_key(
    run_until: Any, composer: Any, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    window = composer.window
    window.recipients.model.add_lines("0041 79 302 67 27\n")
    _type(qtbot, composer, "sms", "text", "Price: 5€")
    run_until(lambda: "5€" in window.preview.text.toPlainText())
    body = json.loads(window.preview.text.toPlainText())
    assert body["destinations"] == [{"to": {"phoneNumber": "41793026727"}}]
    assert body["sms"] == {"text": "Price: 5€"}
    assert "parseco" not in body
    counter = window.composers["sms"].counter_text.text()
    assert "GSM-7" in counter
    assert "1 segment" in counter

    window.preview.copy_curl.click()
    curl = QGuiApplication.clipboard().text()
    assert "$INFOBIP_API_KEY" in curl
    assert "gui-test-key" not in curl
    assert "/omni/1/advanced" in curl


def test_unicode_sms_names_the_characters(composer: Any, qtbot: QtBot) -> None:
    _type(qtbot, composer, "sms", "text", "Grüße 😀 ç")
    counter = composer.window.composers["sms"].counter_text.text()
    assert "UCS-2" in counter
    assert "😀" in counter
    assert "ç" in counter
    # Two lines, shown as plain text: no markup such as "<br>" reaches the operator.
    assert "<" not in counter and len(counter.splitlines()) == 2


def test_every_field_kind_gets_its_editor_and_round_trips(qtbot: QtBot) -> None:
    spec = ChannelSpec(
        key="chat",
        flow_name="CHAT",
        label="Chat",
        fields=(
            FieldSpec("text", "Text", FieldKind.MULTILINE),
            FieldSpec("title", "Title", FieldKind.TEXT),
            FieldSpec("url", "Link", FieldKind.URL),
            FieldSpec("silent", "Silent", FieldKind.BOOL),
            FieldSpec("style", "Style", FieldKind.CHOICE, choices=("", "BANNER", "MODAL")),
            FieldSpec("replies", "Replies", FieldKind.LIST),
            FieldSpec("badge", "Badge", FieldKind.NUMBER, bounds=(0, 99)),
        ),
    )
    composer = ChannelComposer(spec)
    qtbot.addWidget(composer)
    values = {
        "text": "Hi",
        "title": "News",
        "url": "https://example.com",
        "silent": True,
        "style": "POPUP",  # a value the registry does not list is kept, not lost
        "replies": ["Yes", "No"],
        "badge": 0,
    }
    composer.set_content(ChannelContent(values=dict(values)))
    assert composer.content().values == values
    assert composer.editor("replies").toPlainText() == "Yes\nNo"  # type: ignore[union-attr]
    assert composer.editor("badge").accessibleName() == "Chat badge"
    # A hostile draft's number is shown within the box's range instead of overflowing Qt.
    composer.set_content(ChannelContent(values={"badge": 10**30, "replies": []}))
    assert composer.content().values == {"badge": 99}
    composer.set_content(None)
    assert composer.content().values == {}


def test_the_counter_is_the_one_the_registry_names(composer: Any, qtbot: QtBot) -> None:
    _type(qtbot, composer, "voice", "text", "Your parcel arrives today. Please be at home.")
    counter = composer.window.composers["voice"].counter_text.text()
    assert "45 characters" in counter and "to speak" in counter
    _type(qtbot, composer, "viber", "text", "Hello")
    assert "5 / 1,000 characters" in composer.window.composers["viber"].counter_text.text()
    tip = composer.window.composers["viber"].validity_period.toolTip()
    assert "35 s" in tip and "336 h" in tip
    assert "48 h" in composer.window.composers["sms"].validity_period.toolTip()


def test_save_then_open_restores_the_draft(
    composer: Any, qtbot: QtBot, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    window = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27, ana@example.com\n")
    _type(qtbot, composer, "email", "subject", "Hello")
    _type(qtbot, composer, "email", "text", "Body")
    assert window.isWindowModified()
    path = tmp_path / "order.omni.json"
    assert window.save_draft_to(path)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("order.omni.json")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["email"] == {"subject": "Hello", "text": "Body"}

    window.new_draft()
    assert window.composers["email"].editor("subject").text() == ""  # type: ignore[union-attr]
    assert window.open_draft_path(path)
    assert window.composers["email"].editor("subject").text() == "Hello"  # type: ignore[union-attr]
    assert window.recipients.model.rowCount() == 1
    assert [a.text() for a in window.recent_menu.actions()] == ["order.omni.json"]


def test_failed_save_says_so_and_keeps_the_draft(
    composer: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    window = composer.window
    _type(qtbot, composer, "sms", "text", "Keep me")
    target = tmp_path / "missing-folder" / "x.omni.json"
    assert not window.save_draft_to(target)
    boxes = [d for d in window._dialogs if isinstance(d, QMessageBox)]
    assert boxes
    assert "could not be saved" in boxes[-1].text()
    assert window.isWindowModified()
    assert window.composers["sms"].editor("text").toPlainText() == "Keep me"  # type: ignore[union-attr]
    boxes[-1].close()


def test_schedule_in_the_past_is_refused_in_place(composer: Any) -> None:
    schedule = composer.window.schedule
    schedule.at_radio.setChecked(True)
    schedule.zone.setCurrentText("UTC")
    past = datetime.now(UTC) - timedelta(hours=2)
    schedule.when.setDateTime(QDateTime(past.year, past.month, past.day, past.hour, past.minute, 0))
    assert "passed" in schedule.shown.text()
    future = datetime.now(UTC) + timedelta(days=2)
    schedule.when.setDateTime(
        QDateTime(future.year, future.month, future.day, future.hour, future.minute, 0)
    )
    assert "UTC" in schedule.shown.text()
    assert "Local" in schedule.shown.text()
    moment = schedule.send_at()
    assert moment is not None
    assert moment.utcoffset() == timedelta(0)
    assert composer.presenter.message.send_at == moment


def test_ctrl_enter_opens_the_confirm_step(
    composer: Any, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    window = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27\n")
    _type(qtbot, composer, "sms", "text", "Hi")
    _type(qtbot, composer, "viber", "text", "Hi")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = _confirm_dialog(composer)
    dialog.reject()
    assert window.status_panel.model.rowCount() == 0


def test_colours_follow_a_dark_palette(
    composer: Any, qtbot: QtBot, run_until: Any, qapp: QApplication
) -> None:
    window = composer.window
    _type(qtbot, composer, "viber", "buttonText", "A button text that is far too long for Viber")
    run_until(lambda: composer.presenter.result and composer.presenter.result.errors)
    light = window.send_reason.styleSheet()
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#171717"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    try:
        qapp.setPalette(dark)
        run_until(lambda: window.send_reason.styleSheet() != light)
        assert "#ff7b72" in window.send_reason.styleSheet()
        counter = window.composers["viber"].counter_buttonText
        assert "#ff7b72" in counter.styleSheet()
        assert "<" not in counter.text()  # plain text: the colour is the label's, not markup
    finally:
        qapp.setPalette(original)
    run_until(lambda: window.send_reason.styleSheet() == light)


def test_no_display_gives_one_sentence(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "omni_desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "needs a graphical display" in result.stderr
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr


def test_server_error_shows_unknown_rows_and_is_not_resent(
    composer: Any, qtbot: QtBot, run_until: Any, sandbox: SandboxThread
) -> None:
    window = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27\n+385 91 234 5671\n")
    _pick_scenario(composer, "SMS only")
    _type(qtbot, composer, "sms", "text", "Hello")
    run_until(lambda: composer.presenter.result and composer.presenter.result.ok)
    sandbox.faults.update({"fail_next": 1})
    window.send_button.click()
    _confirm_dialog(composer).accept()
    panel = window.status_panel
    run_until(lambda: panel.error_text())
    assert "may or may not have been sent" in panel.error_text()
    assert _status_texts(composer, "Group") == ["UNKNOWN", "UNKNOWN"]
    assert len(sandbox.server.received_sends) == 1
    assert window.send_button.isEnabled()  # the operator decides what happens next


def test_unreachable_server_says_nothing_was_sent(
    qtbot: QtBot, run_until: Any, make_window: Any, qloop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    made = make_window(qloop, f"http://127.0.0.1:{port}", "k", tmp_path, sandbox=False)
    made.window.show()
    made.window.recipients.model.add_lines("+41 79 302 67 27\n")
    _type(qtbot, made, "sms", "text", "Hello")
    made.window.send_button.click()
    dialog = _confirm_dialog(made)
    assert dialog.account_edit is not None
    dialog.account_edit.setText("Test account")
    dialog.send_button.click()
    panel = made.window.status_panel
    run_until(lambda: panel.error_text(), 30)
    assert "not" in panel.error_text().lower() and "sent" in panel.error_text().lower()
    assert panel.model.rowCount() == 0


def test_preview_of_a_big_send_shows_the_first_rows_and_copy_gives_all(
    composer: Any, run_until: Any
) -> None:
    window = composer.window
    window.recipients.model.add_lines("".join(f"+41 79 302 {6700 + i}\n" for i in range(60)))
    window.composers["sms"].editor("text").setPlainText("Hello")
    run_until(lambda: "showing 50 of 60" in window.preview.text.toPlainText())
    window.preview.copy_json.click()
    copied = json.loads(QGuiApplication.clipboard().text())
    assert len(copied["destinations"]) == 60
