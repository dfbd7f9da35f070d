"""A send in flight in another process is never marked unknown by a window's start.

The sender holds an OS lock per send (`sending/<id>.lock`) from its record to its answer;
`recover_unanswered` marks only the sends whose lock is free (their process died).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.instance import SENDING_FOLDER
from omni_desktop.storage.outbox import RECOVERED, Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.sends import SendState

HOLDER = """
import sys
from pathlib import Path
from omni_desktop.storage.outbox import Outbox

body = {
    "bulkId": "held-bulk",
    "destinations": [{"messageId": "held-1", "to": {"phoneNumber": "385911234561"}}],
    "sms": {"text": "Posting right now"},
}
outbox = Outbox(Path(sys.argv[1]))
print(outbox.record_before_send(None, "http://127.0.0.1:9", body), flush=True)
sys.stdin.read()  # "posting" until the test closes our input (or kills us)
"""


def body(bulk_id: str, *message_ids: str) -> dict[str, Any]:
    destinations = [{"messageId": m, "to": {"phoneNumber": "385911234561"}} for m in message_ids]
    return {"bulkId": bulk_id, "destinations": destinations, "sms": {"text": "Hello"}}


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """Another process that has recorded a send and is still posting it."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "history.sqlite3")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip().isdigit(), f"the holder did not record its send: {line!r}"
        yield child, int(line)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(10)


def test_a_send_another_process_is_posting_stays_sending_until_that_process_dies(
    tmp_path: Path, holder: tuple[subprocess.Popen[str], int]
) -> None:
    child, send_id = holder
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        assert outbox.recover_unanswered() == []  # a window starting now leaves it alone
        assert outbox.get(send_id).state is SendState.SENDING
        assert outbox.get(send_id).error_sentence is None

        child.send_signal(signal.SIGKILL)  # the sender crashes with the send in flight
        assert child.wait(10) == -signal.SIGKILL
        recovered = outbox.recover_unanswered()
        assert [(r.id, r.state, r.error_sentence) for r in recovered] == [
            (send_id, SendState.UNKNOWN, RECOVERED)
        ]
        assert outbox.get(send_id).state is SendState.UNKNOWN
    assert list((tmp_path / SENDING_FOLDER).iterdir()) == []  # the dead sender's file is gone


def test_an_answered_send_leaves_no_lock_and_a_closed_outbox_lets_go(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with Outbox(db) as sender, Outbox(db) as window:
        answered = sender.record_before_send(None, "http://127.0.0.1:9", body("b-1", "1"))
        failed = sender.record_before_send(None, "http://127.0.0.1:9", body("b-2", "2"))
        posting = sender.record_before_send(None, "http://127.0.0.1:9", body("b-3", "3"))
        assert len(list((tmp_path / SENDING_FOLDER).iterdir())) == 3
        sender.record_answer(answered, {"bulkId": "b-1", "messages": []})
        sender.record_failure(failed, SendState.NOT_SENT, "Could not reach the server.")
        assert [p.name for p in (tmp_path / SENDING_FOLDER).iterdir()] == [f"{posting}.lock"]
        assert window.recover_unanswered() == []  # posting: its sender is alive
        sender.close()  # the sender quits with the send in flight: nobody will answer it
        assert [r.id for r in window.recover_unanswered()] == [posting]
        assert window.get(answered).state is SendState.ACCEPTED
        assert window.get(failed).state is SendState.NOT_SENT
    assert list((tmp_path / SENDING_FOLDER).iterdir()) == []


def test_a_send_recorded_before_locks_existed_is_still_recovered(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with Outbox(db) as old:
        send_id = old.record_before_send(None, "http://127.0.0.1:9", body("b-1", "1"))
        (tmp_path / SENDING_FOLDER / f"{send_id}.lock").unlink()  # as an older version left it
        with Outbox(db) as window:
            assert [r.state for r in window.recover_unanswered()] == [SendState.UNKNOWN]


def test_a_window_starting_during_a_cli_send_leaves_it_to_finish_accepted(
    sandbox: SandboxThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for kind in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / "xdg" / kind.lower()))
    paths = AppPaths.default()
    draft = tmp_path / "draft.omni.json"
    draft.write_text(
        json.dumps(
            {"destinations": [{"to": {"phoneNumber": "+41793026727"}}], "sms": {"text": "Hi"}}
        ),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBIP_")}
    env |= {"INFOBIP_BASE_URL": sandbox.url, "INFOBIP_API_KEY": sandbox.api_key}
    sandbox.faults.hold_sends = True
    cli = subprocess.Popen(
        [sys.executable, "-m", "omni_desktop", "send", str(draft), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        give_up = time.monotonic() + 20
        while sandbox.server.holding == 0 and time.monotonic() < give_up:
            assert cli.poll() is None, "the CLI ended before its send was held"
            time.sleep(0.02)
        assert sandbox.server.holding == 1  # recorded, posted, not answered yet
        with Outbox(paths.history_file) as window:  # the window starts meanwhile
            assert window.recover_unanswered() == []
            assert [r.state for r in window.history()] == [SendState.SENDING]
        sandbox.faults.hold_sends = False
        out, err = cli.communicate(timeout=30)
    finally:
        sandbox.faults.hold_sends = False
        if cli.poll() is None:
            cli.kill()
            cli.wait(10)
    assert cli.returncode == 0, err
    assert json.loads(out)["bulkId"]
    with Outbox(paths.history_file) as outbox:
        history = outbox.history()
    assert [(r.state, r.error_sentence) for r in history] == [(SendState.ACCEPTED, None)]
    assert len(sandbox.server.received_sends) == 1
