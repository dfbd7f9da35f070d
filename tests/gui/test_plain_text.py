"""Text from a server or a file shows as the characters it holds: never rendered as markup.

A scenario whose sender is `<h1>Big</h1><img src=x><a href=...>` and a status description with
markup come from a real sandbox; Qt would render them (a heading, an image, a link) if any
label, tooltip or message box took them for rich text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from stand_ins import fixed_json_server

from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.sends import SendState
from omni_desktop.storage.settings import SettingsFile

from omni_desktop.services.accounts import AccountsService
from omni_desktop.services.history import HistoryService

from omni_desktop.ui.accounts import AccountsDialog
from omni_desktop.ui.history import HistoryDialog
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.status import COL_DESCRIPTION, COL_STATUS

MARKUP = '<h1>Big</h1><img src=x><a href="http://x">link</a>'
STATUS = {
    "groupId": 1,
    "groupName": "PENDING",
    "id": 7,
    "name": "PENDING_ENROUTE",
    "description": 'Queued <h1>Big</h1> <img src=x> <a href="http://x">details</a>',
}
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
PLAIN = Qt.TextFormat.PlainText


def seen(text: str) -> str:
    """The characters Qt draws for a tooltip: its HTML rendered when Qt takes it for rich text."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2028", "\n").replace("\xa0", " ")


def assert_literal(label: QLabel, text: str) -> None:
    assert label.textFormat() == PLAIN, label.objectName()
    assert text in label.text()


def test_a_scenarios_sender_and_a_status_description_show_as_typed(
    composer: Any, qtbot: QtBot, run_until: Any, sandbox: SandboxThread
) -> None:
    # Held by the account, though the API's sender check would refuse it today.
    seeded = {"name": "<b>Shop</b>", "flow": [{"from": MARKUP, "channel": "SMS"}]}
    key = sandbox.server.scenarios.seed(seeded).key
    sandbox.server.simulator.pending_status = STATUS  # each accepted message's status
    window, presenter = composer.window, composer.presenter
    presenter.REPORT_POLL_SECONDS = 60.0  # keep the answer's status in view, no report yet
    presenter.refresh_scenarios()
    run_until(lambda: any(s.key == key for s in presenter.scenarios))

    picker = window.scenario_picker
    index = picker.combo.findData(key)
    picker.combo.setCurrentIndex(index)
    assert_literal(picker.flow, MARKUP)
    tip = picker.combo.itemData(index, TOOLTIP)
    assert "<h1>" not in tip and MARKUP in seen(tip)
    assert picker.combo.itemText(index).startswith("<b>Shop</b>")  # item text is always plain
    note = window.composers["sms"].flow_note
    run_until(lambda: MARKUP in note.text())
    assert_literal(note, MARKUP)

    window.recipients.model.add_lines("+41 79 302 67 27\n")
    editor = window.composers["sms"].editor("text")
    editor.setFocus()
    qtbot.keyClicks(editor, "Your parcel is on its way")
    run_until(lambda: presenter.result is not None and presenter.result.ok)
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    confirm = [d for d in window._dialogs if isinstance(d, ConfirmSendDialog)][-1]
    assert_literal(confirm.body, f"SMS from {MARKUP}")
    qtbot.mouseClick(confirm.send_button, Qt.MouseButton.LeftButton)

    model = window.status_panel.model
    run_until(lambda: model.rowCount() == 1 and model.rows[0].status is not None)
    assert model.index(0, COL_DESCRIPTION).data() == STATUS["description"]  # a cell: plain
    for column in (COL_STATUS, COL_DESCRIPTION):
        tip = model.index(0, column).data(TOOLTIP)
        assert "<h1>" not in tip and STATUS["description"] in seen(tip)
    window.status_panel.show_error(f"The server said: {MARKUP}")
    assert_literal(window.status_panel.message_label, MARKUP)
    assert_literal(window.send_reason, "")
    assert_literal(window.status_panel.summary_label, "")


def test_the_history_shows_the_servers_and_the_files_text_as_typed(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, run_until: Any, tmp_path: Path
) -> None:
    body = {
        "bulkId": "b-1",
        "scenarioKey": MARKUP,
        "destinations": [{"messageId": "m-1", "to": {"phoneNumber": "41793026727"}}],
        "sms": {"text": "Hi"},
    }
    answer = {"bulkId": "b-1", "messages": [{"messageId": "m-1", "status": STATUS}]}
    rejected = {**body, "bulkId": "b-2"}
    rejected["destinations"] = [{"messageId": "m-2", "to": {"phoneNumber": "41793026727"}}]
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        accepted_id = outbox.record_before_send(MARKUP, "https://x.example", body)
        outbox.record_answer(accepted_id, answer)
        rejected_id = outbox.record_before_send(None, "https://x.example", rejected)
        outbox.record_failure(rejected_id, SendState.REJECTED, f"Refused: {MARKUP}")
        dialog = HistoryDialog(HistoryService(outbox, lambda _profile: None))
        qtbot.addWidget(dialog)
        dialog.show()
        run_until(dialog.loaded)

        proxy = dialog.proxy
        tips = [
            proxy.index(row, column).data(TOOLTIP) or ""
            for row in range(proxy.rowCount())
            for column in range(proxy.columnCount())
        ]
        assert [t for t in tips if "<h1>" in t and QtGui.Qt.mightBeRichText(t)] == []
        assert any(MARKUP in seen(t) for t in tips)  # the scenario key, as typed

        assert dialog.select_send(rejected_id)
        assert_literal(dialog.summary_label, f"Refused: {MARKUP}")
        assert dialog.select_send(accepted_id)
        assert_literal(dialog.summary_label, MARKUP)  # the account (profile) name
        messages = dialog.messages_model
        run_until(lambda: messages.rowCount() == 1)
        status_tip = messages.index(0, 2, QModelIndex()).data(TOOLTIP)
        assert "<h1>" not in status_tip and STATUS["description"] in seen(status_tip)

        dialog.search_edit.setText(MARKUP + "x")
        run_until(lambda: dialog.list_stack.currentWidget() is dialog.empty_label)
        assert_literal(dialog.empty_label, MARKUP + "x")
        dialog.close()
        qloop.run_until_complete(dialog.shutdown())


@pytest.fixture
def markup_server() -> Iterator[str]:
    """An OMNI server that refuses every request with markup in its error text."""
    refusal = {"requestError": {"serviceException": {"messageId": "BAD", "text": MARKUP}}}
    with fixed_json_server(400, refusal) as url:
        yield url


def test_test_connection_shows_the_servers_error_text_as_typed(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: Any,
    markup_server: str,
    tmp_path: Path,
) -> None:
    accounts = AccountsService(SettingsFile(tmp_path / "settings.json"), SecretStore())
    dialog = AccountsDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    run_until(dialog.loaded)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    url = f"{markup_server}/<b>api<img src=x>"  # a base URL with markup in its path
    for edit, text in ((dialog.form.name_edit, "Shop"), (dialog.form.url_edit, url)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.keyClicks(dialog.form.secret_edit, "key-1234")
    qtbot.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)
    assert_literal(dialog.form.test_label, f"Connecting to {url}")
    run_until(lambda: dialog.form.test_button.isEnabled())
    assert_literal(dialog.form.test_label, "HTTP 400")  # the server refused: still plain text
    qloop.run_until_complete(dialog.shutdown())


def test_a_message_box_shows_a_file_name_with_markup_as_typed(
    composer: Any, tmp_path: Path
) -> None:
    draft = tmp_path / "<h1>Big<img src=x>.omni.json"
    draft.write_text("{ not json", encoding="utf-8")
    assert not composer.window.open_draft_path(draft)
    box = [d for d in composer.window._dialogs if isinstance(d, QMessageBox)][-1]
    labels = {label.objectName(): label for label in box.findChildren(QLabel)}
    assert_literal(labels["qt_msgbox_label"], "<h1>Big<img src=x>")
    box.close()
