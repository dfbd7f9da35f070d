"""The outbox on a real SQLite file: durable before the POST, answers, recovery, history."""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from omni_desktop.core.message import from_json
from omni_desktop.core.report import NO_ERROR, Error, LogEntry, Price, Report
from omni_desktop.core.status import (
    DELIVERED_TO_HANDSET,
    EXPIRED_EXPIRED,
    PENDING_ENROUTE,
)

from omni_desktop.storage import awaiting
from omni_desktop.storage.errors import StorageError
from omni_desktop.storage.outbox import RECOVERED, DuplicateSend, Outbox
from omni_desktop.storage.outbox_db import SCHEMA_VERSION
from omni_desktop.storage.sends import SendState

START = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
SANDBOX_URL = "http://127.0.0.1:8080"


class Clock:
    """A clock that moves one second at every reading."""

    def __init__(self) -> None:
        self._ticks = itertools.count()

    def __call__(self) -> datetime:
        return START + timedelta(seconds=next(self._ticks))


def body(bulk: str, *phones: str, scenario: str | None = "SCN-1") -> dict[str, Any]:
    out: dict[str, Any] = {
        "bulkId": bulk,
        "destinations": [
            {"messageId": f"{bulk}-m{i}", "to": {"phoneNumber": phone}}
            for i, phone in enumerate(phones)
        ],
        "sms": {"text": "Your parcel is on its way", "validityPeriod": 90},
    }
    if scenario:
        out["scenarioKey"] = scenario
    return out


def answer(request: dict[str, Any]) -> dict[str, Any]:
    return {
        "bulkId": request["bulkId"],
        "messages": [
            {"messageId": d["messageId"], "to": d["to"], "status": PENDING_ENROUTE.to_json()}
            for d in request["destinations"]
        ],
    }


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def outbox(db_path: Path) -> Iterator[Outbox]:
    with Outbox(db_path, clock=Clock()) as opened:
        yield opened


def test_the_send_is_on_disk_before_record_returns(outbox: Outbox, db_path: Path) -> None:
    request = body("b-1", "385911234561", "385911234562")
    send_id = outbox.record_before_send("Production", "https://x.api.infobip.com", request)

    other = sqlite3.connect(db_path)  # another connection sees it committed
    try:
        row = other.execute(
            "SELECT profile, bulk_id, state, request_json, recipients_count, scenario_key "
            "FROM sends WHERE id = ?",
            (send_id,),
        ).fetchone()
        messages = other.execute(
            "SELECT message_id, to_address, status_group FROM messages WHERE send_id = ?",
            (send_id,),
        ).fetchall()
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        other.close()
    assert row[:3] == ("Production", "b-1", "sending")
    assert json.loads(row[3]) == request
    assert row[4:] == (2, "SCN-1")
    assert messages == [
        ("b-1-m0", "385911234561", "UNKNOWN"),
        ("b-1-m1", "385911234562", "UNKNOWN"),
    ]


def test_the_answer_is_recorded(outbox: Outbox) -> None:
    request = body("b-1", "385911234561", "385911234562")
    send_id = outbox.record_before_send(None, SANDBOX_URL, request)
    outbox.record_answer(send_id, answer(request))
    record = outbox.get(send_id)
    assert record.state is SendState.ACCEPTED
    assert record.answered_at is not None and record.answered_at > record.created_at
    assert record.response() == answer(request)
    assert record.counts == {"PENDING": 2}
    assert not record.settled
    assert [m.status_name for m in outbox.messages(send_id)] == ["PENDING_ENROUTE"] * 2


def test_reports_settle_a_send_and_logs_never_undo_a_final_status(outbox: Outbox) -> None:
    request = body("b-1", "385911234561", "385911234569")
    send_id = outbox.record_before_send(None, SANDBOX_URL, request)
    outbox.record_answer(send_id, answer(request))
    price = Price(0.0075, "EUR")
    error = Error(1, "HANDSET_ERRORS", 27, "EC_ABSENT_SUBSCRIBER_SM", "Absent subscriber")
    assert outbox.apply_reports(
        [Report("b-1-m0", "385911234561", DELIVERED_TO_HANDSET, "SMS", "b-1", price=price)]
    ) == [send_id]
    assert not outbox.get(send_id).settled
    outbox.apply_reports(
        [
            Report("b-1-m1", "385911234569", EXPIRED_EXPIRED, "SMS", "b-1", error=error),
            Report("other", "1", DELIVERED_TO_HANDSET, error=NO_ERROR),  # not ours: ignored
        ]
    )
    record = outbox.get(send_id)
    assert record.settled
    assert record.counts == {"DELIVERED": 1, "EXPIRED": 1}
    first, second = outbox.messages(send_id)
    assert (first.channel, first.price, first.currency, first.error) == ("SMS", 0.0075, "EUR", None)
    assert second.error == "EC_ABSENT_SUBSCRIBER_SM (Absent subscriber)"

    late = LogEntry("b-1-m0", "385911234561", PENDING_ENROUTE, "VIBER", "b-1")
    outbox.apply_logs([late])
    assert outbox.messages(send_id)[0].status_name == "DELIVERED_TO_HANDSET"


def test_the_sends_awaiting_reports_are_the_account_s_recent_unsettled_accepted_ones(
    outbox: Outbox,
) -> None:
    """What the next start asks the reports of: accepted, not settled, this account's, not
    older than the reports are kept."""
    prod = "https://x.api.infobip.com"

    def accepted(profile: str | None, base_url: str, bulk: str) -> int:
        request = body(bulk, "385911234561")
        send_id = outbox.record_before_send(profile, base_url, request)
        outbox.record_answer(send_id, answer(request))
        return send_id

    accepted("Shop", prod, "b-old")  # at START: before `since`
    since = START + timedelta(seconds=1)
    accepted("Shop", prod, "b-wanted")
    accepted("Other", prod, "b-other-profile")
    accepted("Shop", SANDBOX_URL, "b-other-url")
    accepted(None, prod, "b-no-profile")
    settled = body("b-settled", "385911234562")
    settled_id = outbox.record_before_send("Shop", prod, settled)
    outbox.record_answer(settled_id, answer(settled))
    outbox.apply_reports([Report("b-settled-m0", "385911234562", DELIVERED_TO_HANDSET)])
    refused = outbox.record_before_send("Shop", prod, body("b-rejected", "385911234563"))
    outbox.record_failure(refused, SendState.REJECTED, "The API refused it.")
    later = accepted("Shop", prod, "b-this-session")  # made after `until`: polled live
    until = outbox.get(later).created_at
    assert awaiting.of_account(outbox, "Shop", prod, since, until) == ["b-wanted"]
    assert awaiting.of_account(outbox, None, prod, since, until) == ["b-no-profile"]
    assert awaiting.of_account(outbox, "Shop", prod, START, until) == ["b-old", "b-wanted"]


def test_recover_unanswered_turns_sending_into_unknown_only(db_path: Path) -> None:
    with Outbox(db_path, clock=Clock()) as outbox:
        answered = outbox.record_before_send(None, SANDBOX_URL, body("b-1", "1"))
        outbox.record_answer(answered, answer(body("b-1", "1")))
        lost = outbox.record_before_send("Production", "https://x.example", body("b-2", "2"))
        refused = outbox.record_before_send(None, SANDBOX_URL, body("b-3", "3"))
        outbox.record_failure(refused, "rejected", "The OMNI server refused the request.")
        never = outbox.record_before_send(None, SANDBOX_URL, body("b-4", "4"))
        outbox.record_failure(never, SendState.NOT_SENT, "Could not reach the server.")
    # The app died here, with b-2 in flight. The next start:
    with Outbox(db_path, clock=Clock()) as outbox:
        recovered = outbox.recover_unanswered()
        assert [r.id for r in recovered] == [lost]
        assert recovered[0].state is SendState.UNKNOWN
        assert recovered[0].error_sentence == RECOVERED
        assert outbox.recover_unanswered() == []
        states = {r.id: r.state for r in outbox.history()}
        assert states == {
            answered: SendState.ACCEPTED,
            lost: SendState.UNKNOWN,
            refused: SendState.REJECTED,
            never: SendState.NOT_SENT,
        }
        assert [r.id for r in outbox.unknown_sends()] == [lost]
        assert outbox.get(refused).answered_at is not None
        assert outbox.get(never).answered_at is None


def test_an_unknown_send_seen_in_the_logs_is_accepted(outbox: Outbox) -> None:
    send_id = outbox.record_before_send(None, SANDBOX_URL, body("b-1", "1", "2"))
    outbox.record_failure(send_id, "unknown", "No usable answer came back.")
    entries = [
        LogEntry("b-1-m0", "1", DELIVERED_TO_HANDSET, "SMS", "b-1"),
        LogEntry("b-1-m1", "2", PENDING_ENROUTE, "SMS", "b-1"),
    ]
    assert outbox.apply_logs(entries, checked=send_id) == [send_id]
    record = outbox.get(send_id)
    assert record.state is SendState.ACCEPTED and record.error_sentence is None
    assert record.checked_at is not None and not record.settled


def test_the_last_channel_tried_counts_among_several_log_entries(outbox: Outbox) -> None:
    send_id = outbox.record_before_send(None, SANDBOX_URL, body("b-1", "1"))
    viber_failed = LogEntry("b-1-m0", "1", EXPIRED_EXPIRED, "VIBER", "b-1", sent_at=START)
    sms_pending = LogEntry(
        "b-1-m0", "1", PENDING_ENROUTE, "SMS", "b-1", sent_at=START + timedelta(minutes=1)
    )
    outbox.apply_logs([sms_pending, viber_failed])
    message = outbox.messages(send_id)[0]
    assert (message.channel, message.status_group) == ("SMS", "PENDING")
    assert not outbox.get(send_id).settled


def test_reused_ids_are_refused(outbox: Outbox) -> None:
    first = outbox.record_before_send(None, SANDBOX_URL, body("b-1", "1", "2"))
    with pytest.raises(DuplicateSend) as caught:
        outbox.record_before_send(None, SANDBOX_URL, body("b-1", "3"))
    assert caught.value.send_id == first
    assert str(caught.value) == (
        f"This request reuses the bulkId b-1 of send #{first} in the history; the two could "
        "not be told apart, so send it with new IDs."
    )
    reused_message = body("b-2", "3")
    reused_message["destinations"][0]["messageId"] = "b-1-m1"
    with pytest.raises(DuplicateSend, match="reuses the messageId b-1-m1"):
        outbox.record_before_send(None, SANDBOX_URL, reused_message)
    assert len(outbox.history()) == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"destinations": [{"messageId": "m", "to": {}}]},
        {"bulkId": "b", "destinations": [{"to": {"phoneNumber": "1"}}]},
        {"bulkId": "b", "destinations": [{"messageId": "m"}, {"messageId": "m"}]},
    ],
)
def test_requests_without_ids_are_not_recorded(outbox: Outbox, bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"bulkId|messageId"):
        outbox.record_before_send(None, SANDBOX_URL, bad)


def test_history_search(outbox: Outbox) -> None:
    a = outbox.record_before_send("Production", "https://x.example", body("b-a", "385911111111"))
    b = outbox.record_before_send(
        None, SANDBOX_URL, body("b-b", "385922222222", scenario="WELCOME")
    )
    c_body = body("b_c", "385933333333", scenario=None)
    c_body["destinations"].append({"messageId": "special-id", "to": {"emailAddress": "x@y.hr"}})
    c = outbox.record_before_send("Support 100%", "https://y.example", c_body)
    outbox.record_failure(c, "unknown", "The request went out but no answer came back.")

    def ids(search: str) -> list[int]:
        return [r.id for r in outbox.history(search)]

    assert ids("") == [c, b, a]  # newest first
    assert ids("2222") == [b]  # part of a recipient
    assert ids("x@Y.HR") == [c]  # e-mail, ignoring case
    assert ids("special") == [c]  # message id
    assert ids("B-A") == [a]  # bulk id
    assert ids("welcome") == [b]  # scenario key
    assert ids("sandbox") == [b]  # no profile: the sandbox
    assert ids("production") == [a]
    assert ids("no answer") == [c]  # error sentence
    assert ids("unknown") == [c]  # a state
    assert ids("100%") == [c]  # % is literal
    assert ids("b_") == [c]  # _ is literal: not "b-"
    assert ids("nothing like it") == []
    assert [r.id for r in outbox.history(limit=1, offset=1)] == [b]
    assert outbox.get(c).recipients_count == 2
    assert outbox.get(c).counts == {"UNKNOWN": 2}


def test_resend_gets_new_ids_and_the_same_content(outbox: Outbox) -> None:
    original = body("b-1", "385911234561", "385911234562")
    send_id = outbox.record_before_send(None, SANDBOX_URL, original)
    outbox.record_failure(send_id, "unknown", "No usable answer came back.")

    again = outbox.new_ids_for_resend(send_id, START + timedelta(hours=1))
    assert again["bulkId"] != "b-1" and again["bulkId"].startswith("b-")
    new_ids = [d["messageId"] for d in again["destinations"]]
    assert len(set(new_ids)) == 2 and not set(new_ids) & {"b-1-m0", "b-1-m1"}

    def without_ids(request: dict[str, Any]) -> dict[str, Any]:
        copy = json.loads(json.dumps(request))
        copy.pop("bulkId")
        for d in copy["destinations"]:
            d.pop("messageId")
        return copy

    assert without_ids(again) == without_ids(original)
    draft = outbox.draft_from(send_id)
    assert draft.bulk_id is None and all(d.message_id is None for d in draft.destinations)
    assert draft == from_json(without_ids(original))
    resent = outbox.record_before_send(None, SANDBOX_URL, again)  # no DuplicateSend
    assert outbox.get(resent).bulk_id == again["bulkId"]


def test_a_folder_whose_parent_is_a_file_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    with pytest.raises(StorageError) as caught:
        Outbox(tmp_path / "data" / "omni" / "history.sqlite3")
    assert str(caught.value) == (
        f"The folder {tmp_path / 'data' / 'omni'} could not be created: a part of the path is "
        "a file, not a folder."
    )


def test_a_database_path_that_is_a_folder_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "history.sqlite3").mkdir()
    with pytest.raises(StorageError) as caught:
        Outbox(tmp_path / "history.sqlite3")
    assert str(caught.value).startswith(f"The history at {tmp_path / 'history.sqlite3'} could")
    assert str(caught.value).endswith("the file cannot be opened there.")


def test_a_damaged_database_is_a_storage_error(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not an SQLite file at all, just text. " * 100)
    with pytest.raises(StorageError) as caught:
        Outbox(db_path)
    assert str(caught.value) == (
        f"The history at {db_path} could not be opened: the history file is damaged "
        "(it is not a database)."
    )


def test_a_locked_database_is_a_storage_error_and_nothing_is_recorded(db_path: Path) -> None:
    with Outbox(db_path, busy_timeout=0.1) as outbox:
        blocker = sqlite3.connect(db_path, isolation_level=None)
        try:
            blocker.execute("BEGIN EXCLUSIVE")
            with pytest.raises(StorageError) as caught:
                outbox.record_before_send(None, SANDBOX_URL, body("b-1", "1"))
            blocker.execute("ROLLBACK")
        finally:
            blocker.close()
        assert str(caught.value) == (
            f"The history at {db_path} could not record the send before sending it, so "
            "nothing was sent: another program is using the history file (database is locked)."
        )
        assert outbox.history() == []
        outbox.record_before_send(None, SANDBOX_URL, body("b-1", "1"))  # free again: fine


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    Outbox(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(StorageError, match="written by a newer omni-desktop"):
        Outbox(db_path)


def test_the_outbox_can_be_used_from_another_thread(outbox: Outbox) -> None:
    results: list[int] = []
    worker = threading.Thread(
        target=lambda: results.append(outbox.record_before_send(None, SANDBOX_URL, body("t", "1")))
    )
    worker.start()
    worker.join(5)
    assert outbox.get(results[0]).bulk_id == "t"
