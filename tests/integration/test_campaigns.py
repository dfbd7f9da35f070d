"""Campaigns against a real sandbox on 127.0.0.1 and a real outbox file: the plan, chunking,
pause, resume, cancel, 429 pacing, and no message ID posted twice (counted at the server)."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from omni_desktop.core.message import Destination, OmniMessage
from omni_desktop.core.validation import validate

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignState
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaigns import (
    CampaignRunner,
    Options,
    Progress,
    fresh_ids,
    plan,
    plan_figures,
    resend_missing,
    settle_unknown,
)
from omni_desktop.services.targets import Target

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def audience(count: int, text: str = "Hi {{First name}}", names: int = 1) -> OmniMessage:
    destinations = [
        Destination(f"+4179{i:07d}", fields={"First name": f"Name{i % names}"})
        for i in range(count)
    ]
    message = OmniMessage(destinations=destinations)
    message.content("sms").values["text"] = text
    result = validate(message, NOW)
    assert result.ok, result.errors
    return result.prepared


def target_for(sandbox: SandboxThread) -> Target:
    return Target("Sandbox", sandbox.url, sandbox.api_key, is_sandbox=True)


def client_for(sandbox: SandboxThread) -> OmniClient:
    return OmniClient(sandbox.url, Auth.app(sandbox.api_key))


def posted_bodies(outbox: Outbox, campaign_id: int) -> list[dict[str, object]]:
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT request_json FROM sends WHERE campaign_id = ? ORDER BY id", (campaign_id,)
        ).fetchall()
    return [json.loads(r[0]) for r in rows]


def test_2500_rows_with_one_text_make_three_requests_each_id_posted_once(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    prepared = audience(2500)
    assert plan_figures(prepared, None, {}, 1000).requests == 3
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target_for(sandbox), prepared, None, {}, Options(), NOW)
        planned = store.get(outbox, campaign_id)
        assert (planned.request_count, planned.message_count, planned.pending) == (3, 2500, 3)
        seen: list[Progress] = []

        async def go() -> store.CampaignRecord:
            async with client_for(sandbox) as client:
                runner = CampaignRunner(
                    client, target_for(sandbox), outbox, campaign_id, progress=seen.append
                )
                return await runner.run()

        record = asyncio.run(go())
        bodies = posted_bodies(outbox, campaign_id)
    assert record.state is CampaignState.FINISHED
    assert record.requests == {"accepted": 3}
    assert sorted(len(b["destinations"]) for b in bodies) == [500, 1000, 1000]  # type: ignore[arg-type]
    assert all(b["sms"] == {"text": "Hi Name0"} for b in bodies)
    posted = sandbox.server.simulator.posted
    assert len(posted) == 2500 and set(posted.values()) == {1}
    assert seen[-1].messages_done == 2500 and seen[-1].accepted == 2500
    assert seen[-1].fraction == 1.0


def test_personalised_rows_go_in_one_request_per_distinct_text(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    prepared = audience(30, names=3)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target_for(sandbox), prepared, None, {}, Options(), NOW)

        async def go() -> None:
            async with client_for(sandbox) as client:
                await CampaignRunner(client, target_for(sandbox), outbox, campaign_id).run()

        asyncio.run(go())
        bodies = posted_bodies(outbox, campaign_id)
    texts = sorted(b["sms"]["text"] for b in bodies)  # type: ignore[index]
    assert texts == ["Hi Name0", "Hi Name1", "Hi Name2"]
    for body in bodies:
        name = body["sms"]["text"].removeprefix("Hi Name")  # type: ignore[index]
        numbers = [int(d["to"]["phoneNumber"][-7:]) for d in body["destinations"]]  # type: ignore[union-attr, index]
        assert all(n % 3 == int(name) for n in numbers)


def test_pause_then_resume_sends_the_rest_and_nothing_twice(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    prepared = audience(1000)
    options = Options(chunk_size=100, concurrency=1)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target_for(sandbox), prepared, None, {}, options, NOW)

        async def go() -> tuple[store.CampaignRecord, store.CampaignRecord]:
            async with client_for(sandbox) as client:
                runner = CampaignRunner(
                    client,
                    target_for(sandbox),
                    outbox,
                    campaign_id,
                    options,
                    request_done=lambda done: runner.pause() if done.seq == 2 else None,
                )
                paused = await runner.run()
                resumed = await runner.run()
                return paused, resumed

        paused, resumed = asyncio.run(go())
    assert paused.state is CampaignState.PAUSED
    assert paused.count("accepted") == 3 and paused.pending == 7
    assert resumed.state is CampaignState.FINISHED and resumed.count("accepted") == 10
    posted = sandbox.server.simulator.posted
    assert len(posted) == 1000 and set(posted.values()) == {1}


def test_cancel_leaves_the_rest_unsent_for_good(sandbox: SandboxThread, tmp_path: Path) -> None:
    prepared = audience(500)
    options = Options(chunk_size=100, concurrency=1)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target_for(sandbox), prepared, None, {}, options, NOW)

        async def go() -> store.CampaignRecord:
            async with client_for(sandbox) as client:
                runner = CampaignRunner(
                    client,
                    target_for(sandbox),
                    outbox,
                    campaign_id,
                    options,
                    request_done=lambda done: runner.cancel(),
                )
                return await runner.run()

        record = asyncio.run(go())
        assert store.resumable(outbox) == []
    assert record.state is CampaignState.CANCELLED
    assert record.count("accepted") == 1 and record.pending == 4
    assert len(sandbox.server.simulator.posted) == 100


def test_a_429_holds_every_request_for_its_retry_after(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    sandbox.faults.throttle_next = 2
    sandbox.faults.retry_after = 1
    prepared = audience(400)
    options = Options(chunk_size=100, concurrency=4)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target_for(sandbox), prepared, None, {}, options, NOW)

        async def go() -> tuple[store.CampaignRecord, int, float]:
            async with client_for(sandbox) as client:
                runner = CampaignRunner(client, target_for(sandbox), outbox, campaign_id, options)
                loop = asyncio.get_running_loop()
                started = loop.time()
                record = await runner.run()
                return record, runner.pace.holds, loop.time() - started

        record, holds, took = asyncio.run(go())
    assert record.state is CampaignState.FINISHED and record.count("accepted") == 4
    assert holds >= 1 and took >= 0.9  # every request waited out the Retry-After
    posted = sandbox.server.simulator.posted
    assert len(posted) == 400 and set(posted.values()) == {1}


def test_unknown_requests_are_settled_by_the_logs_and_only_missing_ones_go_again(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    prepared = audience(300)
    options = Options(chunk_size=100, concurrency=1)
    with Outbox(tmp_path / "history.sqlite3") as crashed:
        campaign_id = plan(crashed, target_for(sandbox), prepared, None, {}, options, NOW)
        first, second = store.pending_requests(crashed, campaign_id, limit=2)
        # A crash after each was recorded `sending`: the first was posted, the second not.
        for request in (first, second):
            crashed.record_before_send(
                None,
                sandbox.url,
                json.loads(request.body_json),
                request.body_json,
                campaign=(campaign_id, request.seq),
            )
        httpx_post(sandbox, first.body_json)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        assert store.resumable(outbox)[0].id == campaign_id
        assert [r.id for r in outbox.recover_unanswered()] == [1, 2]

        async def go() -> list[int]:
            async with client_for(sandbox) as client:
                return await settle_unknown(client, outbox, campaign_id)

        missing = asyncio.run(go())
        assert missing == [2]
        assert resend_missing(outbox, campaign_id, missing, NOW) == 1

        async def finish() -> store.CampaignRecord:
            async with client_for(sandbox) as client:
                return await CampaignRunner(
                    client, target_for(sandbox), outbox, campaign_id, options
                ).run()

        record = asyncio.run(finish())
        assert outbox.get(2).state is SendState.UNKNOWN  # kept in the history as it was
    assert record.state is CampaignState.FINISHED and record.count("accepted") == 3
    posted = sandbox.server.simulator.posted
    assert len(posted) == 300 and set(posted.values()) == {1}


def test_a_request_started_before_is_never_started_again(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    prepared = audience(10)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target_for(sandbox), prepared, None, {}, Options(), NOW)
        (request,) = store.pending_requests(outbox, campaign_id)
        body = json.loads(request.body_json)
        outbox.record_before_send(None, sandbox.url, body, campaign=(campaign_id, 0))
        from omni_desktop.storage.errors import StorageError

        again = json.loads(fresh_ids(request.body_json, NOW)[1])  # new IDs, same request
        with pytest.raises(StorageError, match="started before"):
            outbox.record_before_send(None, sandbox.url, again, campaign=(campaign_id, 0))
        assert [r.id for r in outbox.history()] == [1]


def httpx_post(sandbox: SandboxThread, body: str) -> None:
    import httpx

    answer = httpx.post(
        sandbox.url + "/omni/1/advanced",
        content=body.encode(),
        headers={"Authorization": f"App {sandbox.api_key}", "Content-Type": "application/json"},
    )
    assert answer.status_code == 200, answer.text


@pytest.mark.parametrize(
    ("answered", "settled"),
    [("all final", True), ("one pending", False), ("one missing", False)],
)
def test_a_campaign_answer_settles_its_send_only_when_every_message_is_final(
    tmp_path: Path, answered: str, settled: bool
) -> None:
    """A request's rows are written with its answer; the send is settled at once only when the
    answer gave every one of its messages a final status."""
    from omni_desktop.core.status import DELIVERED_TO_HANDSET, PENDING_ENROUTE

    prepared = audience(3)
    target = Target("Sandbox", "http://127.0.0.1:9", "k" * 16, is_sandbox=True)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target, prepared, None, {}, Options(), NOW)
        (request,) = store.pending_requests(outbox, campaign_id)
        body = json.loads(request.body_json)
        send_id = outbox.record_before_send(
            None, target.base_url, body, request.body_json, campaign=(campaign_id, 0)
        )
        statuses = [DELIVERED_TO_HANDSET.to_json()] * 3
        if answered == "one pending":
            statuses[1] = PENDING_ENROUTE.to_json()
        messages = [
            {"messageId": d["messageId"], "to": d["to"], "status": status}
            for d, status in zip(body["destinations"], statuses, strict=True)
        ]
        if answered == "one missing":
            del messages[2]
        response = {"bulkId": body["bulkId"], "messages": messages}
        outbox.record_answer(send_id, response, destinations=body["destinations"])
        record = outbox.get(send_id)
        rows = outbox.messages(send_id)
    assert record.state is SendState.ACCEPTED and record.settled is settled
    assert [m.to_address for m in rows] == [d["to"]["phoneNumber"] for d in body["destinations"]]
    final = [m.is_final for m in rows]
    assert final == {"all final": [True] * 3, "one pending": [True, False, True]}.get(
        answered, [True, True, False]
    )


def test_a_campaign_knows_its_scenario_before_and_after_its_first_request(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    """History's Scenario column: from the plan while nothing is sent, then from the sends."""
    welcome = audience(4)
    welcome.scenario_key = "WELCOME-2026"
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        target = target_for(sandbox)
        named = plan(outbox, target, welcome, None, {}, Options(chunk_size=2), NOW)
        default = plan(outbox, target, audience(2), None, {}, Options(), NOW)
        assert store.get(outbox, named).scenario_key == "WELCOME-2026"
        assert store.get(outbox, default).scenario_key is None
        first = store.pending_requests(outbox, named)[0]
        outbox.record_before_send(
            None, sandbox.url, json.loads(first.body_json), campaign=(named, 0)
        )
        with outbox.transaction("damage the plan") as db:  # the sends are read now, not it
            db.execute(
                "UPDATE campaign_requests SET body_json = '[' WHERE campaign_id = ?", (named,)
            )
        listed = {r.id: r for r in store.listing(outbox) if isinstance(r, store.CampaignRecord)}
        assert listed[named].scenario_key == "WELCOME-2026"
        assert listed[default].scenario_key is None
