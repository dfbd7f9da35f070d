"""The history dialog over `HistoryService` on a real outbox file, with Check status against a
real sandbox. Reads run in worker threads; the tests drive the qasync loop until they answer."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from omni_desktop.core.message import Destination, OmniMessage, to_json, with_ids
from omni_desktop.core.report import Error, Price, Report
from omni_desktop.core.status import (
    DELIVERED_TO_HANDSET,
    EXPIRED_EXPIRED,
    PENDING_ENROUTE,
    StatusGroup,
)

from omni_desktop.api import NO_RETRY, Auth, OmniClient, OutcomeUnknown
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.outbox import RECOVERED, Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.services.history import HistoryService

from omni_desktop.ui.history import HistoryDialog
from omni_desktop.ui.history.format import RESEND_NOTE
from omni_desktop.ui.history.models import (
    COL_ACCOUNT,
    COL_BULK,
    COL_ERROR,
    COL_OUTCOME,
    COL_RECIPIENTS,
    COL_SCENARIO,
    COL_TIME,
    SORT_ROLE,
    SendsModel,
)
from omni_desktop.ui.status.style import group_dot

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

START = datetime(2026, 11, 26, 16, 10, tzinfo=UTC)
REJECTED_SENTENCE = (
    "The OMNI server refused the request (HTTP 400); correct it and send again. "
    "The server said: Invalid destination address."
)
NOT_SENT_SENTENCE = (
    "Could not reach the OMNI server at 127.0.0.1 (connection refused); nothing was sent, "
    "so it is safe to try again once the connection works."
)
RunUntil = Callable[..., None]
MakeDialog = Callable[..., HistoryDialog]


class Clock:
    """Minutes apart, from a fixed afternoon, so the list has a stable order and times."""

    def __init__(self) -> None:
        self._ticks = itertools.count()

    def __call__(self) -> datetime:
        return START + timedelta(minutes=3 * next(self._ticks))


def sms_body(*phones: str, scenario: str | None = SMS_SCENARIO_KEY, text: str = "") -> Any:
    message = OmniMessage(
        scenario_key=scenario, destinations=[Destination(phone=p) for p in phones]
    )
    message.content("sms").values["text"] = text or "Your parcel 4711 arrives today 14:00-16:00."
    message.content("sms").validity_period = 90
    return to_json(with_ids(message, datetime.now(UTC)))


def answer(body: Any) -> dict[str, Any]:
    return {
        "bulkId": body["bulkId"],
        "messages": [
            {"messageId": d["messageId"], "to": d["to"], "status": PENDING_ENROUTE.to_json()}
            for d in body["destinations"]
        ],
    }


def report(body: Any, index: int, status: Any, channel: str = "SMS", **extra: Any) -> Report:
    destination = body["destinations"][index]
    return Report(
        destination["messageId"],
        destination["to"]["phoneNumber"],
        status,
        channel,
        body["bulkId"],
        **extra,
    )


class Sends:
    """A real outbox file with one send in each state an operator can meet."""

    outbox: Outbox
    settled: int
    accepted: int
    rejected: int
    not_sent: int
    unknown: int
    settled_body: Any
    accepted_body: Any
    rejected_body: Any
    not_sent_body: Any
    unknown_body: Any

    @classmethod
    def make(cls, path: Path) -> Sends:
        sends = cls()
        clock = Clock()
        sends.outbox = outbox = Outbox(path, clock=clock)
        url = "https://x1.api.infobip.com"
        sends.settled_body = body = sms_body("+41793026727", "+385911234569")
        sends.settled = outbox.record_before_send("Production", url, body)
        outbox.record_answer(sends.settled, answer(body))
        outbox.apply_reports(
            [
                report(body, 0, DELIVERED_TO_HANDSET, "VIBER", price=Price(0.0065, "EUR")),
                report(
                    body,
                    1,
                    EXPIRED_EXPIRED,
                    error=Error(1, "HANDSET_ERRORS", 27, "EC_ABSENT_SUBSCRIBER_SM", "Absent"),
                ),
            ]
        )
        sends.accepted_body = body = sms_body("+385911234561", "+385911234562", "+385911234563")
        sends.accepted = outbox.record_before_send(None, "http://127.0.0.1:8080", body)
        outbox.record_answer(sends.accepted, answer(body))
        sends.rejected_body = body = sms_body("+3859", scenario=None)
        sends.rejected = outbox.record_before_send("Production", url, body)
        response = {"requestError": {"serviceException": {"text": "Invalid destination address"}}}
        outbox.record_failure(sends.rejected, SendState.REJECTED, REJECTED_SENTENCE, response)
        sends.not_sent_body = body = sms_body("+41791234567")
        sends.not_sent = outbox.record_before_send("Staging", "https://x2.api.infobip.com", body)
        outbox.record_failure(sends.not_sent, SendState.NOT_SENT, NOT_SENT_SENTENCE)
        sends.unknown_body = body = sms_body("+41797654321", "+41797654322")
        with Outbox(path, clock=clock) as died:  # the app died with it in flight
            sends.unknown = died.record_before_send("Production", url, body)
        outbox.recover_unanswered()
        return sends


@pytest.fixture
def sends(tmp_path: Path) -> Iterator[Sends]:
    made = Sends.make(tmp_path / "data" / "history.sqlite3")
    yield made
    made.outbox.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def no_client(_profile: str | None) -> OmniClient | None:
    return None


@pytest.fixture
def make_dialog(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, run_until: RunUntil
) -> Iterator[MakeDialog]:
    """`make_dialog(outbox, client_for=no_client)`: the dialog shown with its first list; each
    is shut down (a status check waited for) after the test."""
    made: list[HistoryDialog] = []

    def make(outbox: Outbox, client_for: Any = no_client) -> HistoryDialog:
        dialog = HistoryDialog(HistoryService(outbox, client_for))
        qtbot.addWidget(dialog)
        made.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        run_until(dialog.loaded)
        return dialog

    yield make
    for dialog in made:
        qloop.run_until_complete(dialog.shutdown())


@pytest.fixture
def dialog(make_dialog: MakeDialog, sends: Sends) -> HistoryDialog:
    return make_dialog(sends.outbox)


def messages_of(dialog: HistoryDialog, run_until: RunUntil, count: int) -> list[list[Any]]:
    """The messages table once `count` rows arrived (they are read in a worker thread)."""
    messages = dialog.messages_model
    run_until(lambda: messages.rowCount() == count)
    return [[messages.index(r, c).data() for c in range(6)] for r in range(messages.rowCount())]


def shown(dialog: HistoryDialog, column: int) -> list[str]:
    proxy = dialog.proxy
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def row_of(dialog: HistoryDialog, send_id: int) -> int:
    proxy = dialog.proxy
    ids = [
        dialog.model.record_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
        for r in range(proxy.rowCount())
    ]
    return ids.index(send_id)


def test_the_models_pass_the_model_tester(
    qtmodeltester: ModelTester, dialog: HistoryDialog
) -> None:
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)
    qtmodeltester.check(dialog.messages_model)
    empty = SendsModel()
    qtmodeltester.check(empty)


def test_every_send_is_listed_newest_first_with_its_outcome(
    dialog: HistoryDialog, sends: Sends
) -> None:
    assert dialog.count_label.text() == "5 sends"
    local = [(START + timedelta(minutes=3 * n)).astimezone() for n in (9, 7, 5, 3, 0)]
    assert shown(dialog, COL_TIME) == [t.strftime("%Y-%m-%d %H:%M") for t in local]
    assert shown(dialog, COL_ACCOUNT) == [
        "Production",
        "Staging",
        "Production",
        "Sandbox",
        "Production",
    ]
    assert (
        shown(dialog, COL_SCENARIO) == [SMS_SCENARIO_KEY] * 2 + ["default"] + [SMS_SCENARIO_KEY] * 2
    )
    assert shown(dialog, COL_RECIPIENTS) == ["2", "1", "1", "3", "2"]
    assert shown(dialog, COL_OUTCOME) == [
        "Unknown",
        "Not sent",
        "Rejected",
        "Accepted",
        "Delivered 1 · Expired 1",
    ]
    assert shown(dialog, COL_BULK)[0] == sends.unknown_body["bulkId"]
    assert shown(dialog, COL_ERROR) == [RECOVERED, NOT_SENT_SENTENCE, REJECTED_SENTENCE, "", ""]
    # The unknown outcome wears the UNKNOWN purple dot of the status table.
    dot = dialog.proxy.index(0, COL_OUTCOME).data(Qt.ItemDataRole.DecorationRole)
    assert dot.toImage() == group_dot(StatusGroup.UNKNOWN).toImage()
    time_tip = dialog.proxy.index(0, COL_TIME).data(Qt.ItemDataRole.ToolTipRole)
    assert time_tip.endswith("2026-11-26 16:37 UTC")
    # The newest send is selected and its details shown.
    assert dialog.selected_record() is not None
    assert dialog.selected_record().id == sends.unknown  # type: ignore[union-attr]


def test_columns_sort_by_native_values(dialog: HistoryDialog, sends: Sends) -> None:
    model = dialog.model
    row = model.row_of(sends.accepted)
    assert row is not None
    assert model.index(row, COL_RECIPIENTS).data(SORT_ROLE) == 3
    assert isinstance(model.index(row, COL_TIME).data(SORT_ROLE), float)
    dialog.table.sortByColumn(COL_RECIPIENTS, Qt.SortOrder.DescendingOrder)
    assert shown(dialog, COL_RECIPIENTS) == ["3", "2", "2", "1", "1"]
    dialog.table.sortByColumn(COL_OUTCOME, Qt.SortOrder.AscendingOrder)
    assert shown(dialog, COL_OUTCOME)[:2] == ["Unknown", "Accepted"]


def test_search_filters_after_a_short_pause(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog
) -> None:
    qtbot.keyClicks(dialog.search_edit, "staging")
    assert dialog.proxy.rowCount() == 5  # not yet: the search waits for a pause in typing
    run_until(lambda: dialog.proxy.rowCount() == 1, 2)
    assert shown(dialog, COL_ACCOUNT) == ["Staging"]
    assert dialog.count_label.text() == "1 send"

    dialog.search_edit.setText("1234562")  # part of a recipient
    run_until(lambda: dialog.proxy.rowCount() == 1 and shown(dialog, COL_RECIPIENTS) == ["3"])

    dialog.search_edit.setText("unknown")  # a state, exactly
    run_until(lambda: shown(dialog, COL_OUTCOME) == ["Unknown"])

    dialog.search_edit.setText("nothing like this")
    run_until(lambda: dialog.list_stack.currentWidget() is dialog.empty_label)
    assert dialog.empty_label.text() == "No send matches “nothing like this”."
    dialog.search_edit.clear()
    run_until(lambda: dialog.proxy.rowCount() == 5)


def test_a_newer_search_supersedes_an_older_one(run_until: RunUntil, dialog: HistoryDialog) -> None:
    answers: list[tuple[int, str]] = []
    dialog.presenter.searched.connect(lambda records, text: answers.append((len(records), text)))
    dialog.search_edit.setText("staging")
    dialog.refresh()  # both run in worker threads at once; whichever ends last,
    dialog.search_edit.setText("")
    dialog.refresh()  # only the newest is shown
    run_until(lambda: answers)
    run_until(lambda: not dialog.presenter.tasks.running("search"))
    assert answers == [(5, "")]
    assert dialog.proxy.rowCount() == 5 and dialog.count_label.text() == "5 sends"


def test_an_empty_history_says_so(make_dialog: MakeDialog, tmp_path: Path) -> None:
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        dialog = make_dialog(outbox)
        assert dialog.list_stack.currentWidget() is dialog.empty_label
        assert dialog.empty_label.text().startswith("No sends yet.")
        assert not dialog.check_button.isEnabled()
        assert not dialog.draft_button.isEnabled()
        assert not dialog.resend_button.isEnabled()


def test_details_show_the_messages_the_exact_request_and_the_answer(
    run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    assert dialog.select_send(sends.settled)
    assert dialog.request_view.toPlainText() == json.dumps(
        sends.settled_body, ensure_ascii=False, indent=2
    )
    assert json.loads(dialog.response_view.toPlainText()) == answer(sends.settled_body)
    rows = messages_of(dialog, run_until, 2)
    first, second = sends.settled_body["destinations"]
    assert rows == [
        ["+41793026727", first["messageId"], "DELIVERED_TO_HANDSET", "VIBER", "0.0065 EUR", ""],
        [
            "+385911234569",
            second["messageId"],
            "EXPIRED_EXPIRED",
            "SMS",
            "",
            "EC_ABSENT_SUBSCRIBER_SM (Absent)",
        ],
    ]
    assert "Delivered 1 · Expired 1" in dialog.summary_label.text()
    assert not dialog.check_button.isEnabled()  # settled: nothing more to learn

    assert dialog.select_send(sends.rejected)
    response = dialog.response_view.toPlainText()
    assert response.startswith(REJECTED_SENTENCE)
    assert "Invalid destination address" in response
    assert not dialog.check_button.isEnabled()

    assert dialog.select_send(sends.unknown)
    assert dialog.check_button.isEnabled()
    assert dialog.response_view.toPlainText() == RECOVERED
    assert messages_of(dialog, run_until, 2)[0][2] == "Not heard of yet"
    assert dialog.select_send(sends.accepted)
    assert dialog.check_button.isEnabled()  # accepted, not settled


def test_select_send_clears_a_search_that_hides_it(
    run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    dialog.search_edit.setText("staging")
    dialog.refresh()
    run_until(lambda: dialog.proxy.rowCount() == 1)
    assert not dialog.select_send(sends.settled)  # not listed now: selected when it is
    assert dialog.search_edit.text() == ""
    run_until(lambda: dialog.proxy.rowCount() == 5)
    assert dialog.selected_record().id == sends.settled  # type: ignore[union-attr]
    assert dialog.select_send(sends.rejected)  # listed: selected at once
    assert not dialog.select_send(4242)


def test_open_as_new_draft_emits_the_message_without_ids(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    dialog.select_send(sends.accepted)
    emitted: list[Any] = []
    dialog.draft_requested.connect(emitted.append)
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    run_until(lambda: emitted)
    draft = emitted[0]
    assert dialog.message_text() == f"Send #{sends.accepted} was opened as a new draft."
    assert isinstance(draft, OmniMessage)
    assert draft.bulk_id is None
    assert [d.message_id for d in draft.destinations] == [None, None, None]
    assert [d.phone for d in draft.destinations] == [
        "+385911234561",
        "+385911234562",
        "+385911234563",
    ]
    assert draft.content("sms").values["text"] == "Your parcel 4711 arrives today 14:00-16:00."


def test_send_again_on_a_known_outcome_emits_at_once_and_says_new_ids(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    assert dialog.resend_button.toolTip() == RESEND_NOTE
    dialog.select_send(sends.rejected)
    emitted: list[Any] = []
    dialog.resend_requested.connect(emitted.append)
    qtbot.mouseClick(dialog.resend_button, Qt.MouseButton.LeftButton)
    run_until(lambda: emitted)
    assert emitted[0].bulk_id is None
    assert dialog.confirm_box is None
    assert dialog.message_text() == RESEND_NOTE


def test_send_again_on_an_unknown_outcome_asks_first(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    dialog.select_send(sends.unknown)
    emitted: list[Any] = []
    dialog.resend_requested.connect(emitted.append)

    qtbot.mouseClick(dialog.resend_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    assert "may already have been delivered" in box.text()
    assert box.informativeText() == RESEND_NOTE
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert dialog.confirm_box is None
    assert emitted == []

    qtbot.mouseClick(dialog.resend_button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    run_until(lambda: emitted)
    assert len(emitted) == 1
    draft = emitted[0]
    assert draft.bulk_id is None and all(d.message_id is None for d in draft.destinations)
    assert [d.phone for d in draft.destinations] == ["+41797654321", "+41797654322"]


def test_check_status_without_a_client_says_so_plainly(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    dialog.select_send(sends.unknown)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.check_button.isEnabled())
    assert dialog.message_text() == (
        "The account “Production” is not available now (it was removed, or its key is not at "
        "hand), so this send's status cannot be checked."
    )
    # It does not dead-end: the account can be opened to enter its key.
    assert dialog.key_button.isVisible()
    wanted: list[str] = []
    dialog.key_wanted.connect(wanted.append)
    qtbot.mouseClick(dialog.key_button, Qt.MouseButton.LeftButton)
    assert wanted == ["Production"]

    dialog.select_send(sends.accepted)  # the sandbox's send: no key to enter
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.check_button.isEnabled())
    assert dialog.message_text().startswith("The built-in sandbox is not running now")
    assert not dialog.key_button.isVisible()


def test_check_status_failure_is_a_sentence_and_the_button_comes_back(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    sends: Sends,
    closed_port: int,
) -> None:
    client = OmniClient(f"http://127.0.0.1:{closed_port}", Auth.app("k"), retry=NO_RETRY)
    dialog = make_dialog(sends.outbox, lambda _profile: client)
    assert dialog.select_send(sends.unknown)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.check_button.text() == "Checking…" and not dialog.check_button.isEnabled()
    run_until(lambda: dialog.check_button.isEnabled())
    assert dialog.message_text().startswith("Could not reach the OMNI server at 127.0.0.1")
    assert "Traceback" not in dialog.message_text()
    assert dialog.selected_record().state is SendState.UNKNOWN  # type: ignore[union-attr]
    qloop.run_until_complete(client.aclose())


def test_check_status_settles_an_unknown_send_against_the_sandbox(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    make_dialog: MakeDialog,
    sandbox: SandboxThread,
    tmp_path: Path,
) -> None:
    body = sms_body("385911234561", "385911234569")  # ending 1: delivered; 9: expires
    client = OmniClient(sandbox.url, Auth.app(sandbox.api_key))
    sandbox.faults.update({"drop_next": 1})  # the sandbox takes the send, the answer is lost
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        send_id = outbox.record_before_send(None, sandbox.url, body)
        try:
            qloop.run_until_complete(client.send_advanced(body))
        except OutcomeUnknown as exc:
            outbox.record_failure(send_id, SendState.UNKNOWN, exc.sentence)
        assert outbox.get(send_id).state is SendState.UNKNOWN

        asked: list[str | None] = []

        def client_for(profile: str | None) -> OmniClient:
            asked.append(profile)
            return client

        dialog = make_dialog(outbox, client_for)
        assert dialog.selected_record().id == send_id  # type: ignore[union-attr]
        assert dialog.proxy.index(0, COL_OUTCOME).data() == "Unknown"
        for _attempt in range(20):  # the sandbox's reports come a moment later
            qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
            run_until(lambda: dialog.check_button.text() == "Check &status")
            if not dialog.check_button.isEnabled():
                break
            run_until(lambda: True)
            qloop.run_until_complete(asyncio.sleep(0.1))
        assert asked[0] is None  # the send's account: the sandbox
        assert dialog.message_text() == "Settled from the logs: 1 delivered, 1 expired."
        assert dialog.proxy.index(0, COL_OUTCOME).data() == "Delivered 1 · Expired 1"
        assert dialog.proxy.index(0, COL_ERROR).data() == ""
        assert not dialog.check_button.isEnabled()  # settled
        # An earlier check's read of the messages may show first: wait for the settled one.
        statuses = ["DELIVERED_TO_HANDSET", "EXPIRED_EXPIRED"]
        run_until(lambda: [dialog.messages_model.index(r, 2).data() for r in range(2)] == statuses)
        record = outbox.get(send_id)
        assert record.state is SendState.ACCEPTED and record.settled
        assert len(sandbox.server.received_sends) == 1  # Check status never sends
    qloop.run_until_complete(dialog.shutdown())
    qloop.run_until_complete(client.aclose())


def test_keyboard_find_refresh_and_enter(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.search_edit.hasFocus()

    body = sms_body("+41790000000")
    new = sends.outbox.record_before_send(None, "http://127.0.0.1:8080", body)
    sends.outbox.record_answer(new, answer(body))
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_F5)
    run_until(lambda: dialog.count_label.text() == "6 sends")

    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.proxy.index(row_of(dialog, sends.rejected), 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter pressed no button and did not close the dialog
    assert dialog.tabs.currentWidget().hasFocus()
    assert dialog.selected_record().id == sends.rejected  # type: ignore[union-attr]


def test_renders_with_realistic_data(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog, sends: Sends
) -> None:
    dialog.select_send(sends.settled)
    messages_of(dialog, run_until, 2)
    dialog.resize(1000, 640)
    image = dialog.grab()
    assert image.width() >= 1000
    shots = os.environ.get("OMNI_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(shots) / "history.png"))
        dialog.select_send(sends.unknown)
        dialog.tabs.setCurrentIndex(2)
        dialog.grab().save(str(Path(shots) / "history-unknown.png"))
