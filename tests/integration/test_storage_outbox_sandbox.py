"""The outbox with real sends to the sandbox: a lost answer, a killed process, Check status."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from omni_desktop.core.message import Destination, OmniMessage, from_json, to_json, with_ids
from omni_desktop.core.report import LogEntry

from omni_desktop.api import OmniClient, OutcomeUnknown
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.autosave import Autosave
from omni_desktop.storage.logging_setup import (
    configure_logging,
    forget_secrets,
    unconfigure_logging,
)
from omni_desktop.storage.outbox import RECOVERED, Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.secrets import SecretStore
from omni_desktop.storage.sends import SendRecord, SendState
from omni_desktop.storage.settings import Settings, SettingsFile

from omni_desktop.services.reports import check_status

MakeClient = Callable[..., OmniClient]


def sms_body(*phones: str) -> dict[str, Any]:
    message = OmniMessage(
        scenario_key=SMS_SCENARIO_KEY, destinations=[Destination(phone=p) for p in phones]
    )
    message.content("sms").values["text"] = "Your parcel is on its way"
    message.content("sms").validity_period = 90
    return to_json(with_ids(message, datetime.now(UTC)))


async def settle(outbox: Outbox, send_id: int, client: Any) -> SendRecord:
    """Check status until the send is settled, for at most five seconds."""
    give_up = time.monotonic() + 5.0
    record = await check_status(outbox, client, send_id)
    while not record.settled and time.monotonic() < give_up:
        await asyncio.sleep(0.05)
        record = await check_status(outbox, client, send_id)
    return record


def test_a_lost_answer_is_unknown_then_settled_from_the_logs(
    tmp_path: Path, sandbox: SandboxThread, make_client: MakeClient
) -> None:
    body = sms_body("385911234561", "385911234569")
    sandbox.faults.update({"drop_next": 1})  # processed, then the answer is lost

    async def main() -> SendRecord:
        with Outbox(tmp_path / "history.sqlite3") as outbox:
            send_id = outbox.record_before_send(None, sandbox.url, body)
            async with make_client() as client:
                try:
                    await client.send_advanced(body)
                except OutcomeUnknown as exc:
                    outbox.record_failure(send_id, SendState.UNKNOWN, exc.sentence)
                assert outbox.get(send_id).state is SendState.UNKNOWN
                return await settle(outbox, send_id, client)

    record = asyncio.run(main())
    assert record.state is SendState.ACCEPTED
    assert record.settled and record.checked_at is not None
    assert record.counts == {"DELIVERED": 1, "EXPIRED": 1}
    assert record.error_sentence is None
    assert len(sandbox.server.received_sends) == 1


def test_answer_then_reports(
    tmp_path: Path, sandbox: SandboxThread, make_client: MakeClient
) -> None:
    body = sms_body("385911234561", "385911234562")

    async def main() -> tuple[SendRecord, list[Any]]:
        with Outbox(tmp_path / "history.sqlite3") as outbox:
            send_id = outbox.record_before_send(None, sandbox.url, body)
            async with make_client() as client:
                answer = await client.send_advanced(body)
                outbox.record_answer(send_id, answer.raw)
                record = outbox.get(send_id)
                assert record.counts == {"PENDING": 2}
                reports: list[Any] = []
                give_up = time.monotonic() + 5.0
                while len(reports) < 2 and time.monotonic() < give_up:
                    reports += await client.reports(bulk_id=body["bulkId"])
                    await asyncio.sleep(0.02)
                assert outbox.apply_reports(reports) == [send_id]
                return outbox.get(send_id), outbox.messages(send_id)

    record, messages = asyncio.run(main())
    assert record.settled and record.counts == {"DELIVERED": 2}
    assert {(m.channel, m.price, m.currency) for m in messages} == {("SMS", 0.0075, "EUR")}


class CountingLogs:
    """The real client's `logs`, with the size of every call noted."""

    def __init__(self, client: OmniClient) -> None:
        self.client = client
        self.calls: list[int] = []

    async def logs(
        self,
        bulk_id: list[str] | str | None = None,
        message_id: list[str] | str | None = None,
        *,
        limit: int | None = None,
    ) -> list[LogEntry]:
        self.calls.append(len(message_id or []))
        return await self.client.logs(bulk_id=bulk_id, message_id=message_id, limit=limit)


def test_check_status_asks_at_most_100_message_ids_a_call(
    tmp_path: Path, sandbox: SandboxThread, make_client: MakeClient
) -> None:
    count = 250
    body = sms_body(*(f"38591{n:06d}1" for n in range(count)))  # ending 1: delivered

    async def main() -> tuple[SendRecord, list[int]]:
        with Outbox(tmp_path / "history.sqlite3") as outbox:
            send_id = outbox.record_before_send(None, sandbox.url, body)
            async with make_client() as client:
                await client.send_advanced(body)
                counting = CountingLogs(client)
                record = await settle(outbox, send_id, counting)
                return record, counting.calls

    record, calls = asyncio.run(main())
    assert record.settled and record.counts == {"DELIVERED": count}
    assert calls[:3] == [100, 100, 50]


CHILD = """
import asyncio, os, sys
from pathlib import Path
from omni_desktop.api import Auth, OmniClient
from omni_desktop.storage.outbox import Outbox

async def main():
    db, url = Path(sys.argv[1]), sys.argv[2]
    body = {
        "bulkId": "killed-bulk",
        "scenarioKey": sys.argv[3],
        "destinations": [{"messageId": "killed-1", "to": {"phoneNumber": "385911234561"}}],
        "sms": {"text": "Held open, then killed"},
    }
    with Outbox(db) as outbox:
        send_id = outbox.record_before_send(None, url, body)
        print(send_id, flush=True)
        async with OmniClient(url, Auth.app(os.environ["OMNI_TEST_KEY"])) as client:
            answer = await client.send_advanced(body)
        outbox.record_answer(send_id, answer.raw)
        print("answered", flush=True)

asyncio.run(main())
"""


def test_a_killed_send_is_unknown_after_restart_never_resent_then_settled(
    tmp_path: Path, sandbox: SandboxThread, make_client: MakeClient
) -> None:
    db = tmp_path / "data" / "history.sqlite3"
    sandbox.faults.hold_sends = True
    env = {**os.environ, "OMNI_TEST_KEY": sandbox.api_key}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), sandbox.url, SMS_SCENARIO_KEY],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        give_up = time.monotonic() + 20
        while sandbox.server.holding == 0 and time.monotonic() < give_up:
            assert child.poll() is None, "the child ended before its send was held"
            time.sleep(0.02)
        assert sandbox.server.holding == 1  # the POST is at the server, unanswered
        child.send_signal(signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.stdout is not None
    assert child.stdout.read().split() == ["1"]  # recorded, never answered
    sandbox.faults.hold_sends = False  # the server now processes what it was holding
    while sandbox.server.holding:
        time.sleep(0.02)

    async def restart() -> tuple[list[SendRecord], SendRecord]:
        with Outbox(db) as outbox:
            recovered = outbox.recover_unanswered()
            async with make_client() as client:
                return recovered, await settle(outbox, 1, client)

    recovered, settled = asyncio.run(restart())
    assert [(r.bulk_id, r.state, r.error_sentence) for r in recovered] == [
        ("killed-bulk", SendState.UNKNOWN, RECOVERED)
    ]
    assert len(sandbox.server.received_sends) == 1  # no second POST
    assert settled.state is SendState.ACCEPTED and settled.settled
    assert settled.counts == {"DELIVERED": 1}


def test_the_key_is_in_no_file_under_the_app_folders(
    tmp_path: Path, sandbox: SandboxThread, make_client: MakeClient
) -> None:
    paths = AppPaths.under(tmp_path).ensure()
    secrets = SecretStore()  # the tests' null keyring: the memory-only way
    secrets.remember_in_memory("Local", sandbox.api_key)
    settings = Settings().with_profile(Profile("Local", sandbox.url))
    SettingsFile(paths.settings_file).save(replace(settings, active_profile="Local"))
    configure_logging(paths.log, logging.DEBUG)
    log = logging.getLogger("omni_desktop.test")
    try:

        async def main() -> None:
            with Outbox(paths.history_file) as outbox:
                async with make_client() as client:
                    for drop in (0, 1):
                        body = sms_body("385911234561")
                        send_id = outbox.record_before_send("Local", sandbox.url, body)
                        sandbox.faults.update({"drop_next": drop})
                        try:
                            answer = await client.send_advanced(body)
                        except OutcomeUnknown as exc:
                            log.exception("send %s failed with %r", send_id, client)
                            outbox.record_failure(send_id, "unknown", exc.sentence)
                        else:
                            outbox.record_answer(send_id, answer.raw)
                        await check_status(outbox, client, send_id)
                    log.debug("Authorization: App %s", secrets.get("Local"))
            Autosave(paths.autosave_folder).save(from_json(body))

        asyncio.run(main())
    finally:
        unconfigure_logging()
        forget_secrets()
    key = sandbox.api_key.encode()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"settings.json", "history.sqlite3", "omni-desktop.log"}
    assert [p for p in files if key in p.read_bytes()] == []
    assert b"Authorization: App ***" in paths.log_file.read_bytes()
