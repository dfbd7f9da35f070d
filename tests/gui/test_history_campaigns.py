"""History shows a campaign as one row with its requests, over a real outbox file filled by the
real campaign runner against a real sandbox; a test send is a row of its own, never counted."""

from __future__ import annotations

import asyncio
import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from omni_desktop.core.message import Destination, OmniMessage, to_json, with_ids
from omni_desktop.core.report import Report
from omni_desktop.core.status import DELIVERED_TO_HANDSET
from omni_desktop.core.validation import validate

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignState
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.sends import SendState

from omni_desktop.services.campaigns import CampaignRunner, Options, plan
from omni_desktop.services.history import HistoryService
from omni_desktop.services.targets import Target

from omni_desktop.ui.history import HistoryDialog
from omni_desktop.ui.history.models import (
    COL_BULK,
    COL_OUTCOME,
    COL_RECIPIENTS,
    COL_SCENARIO,
    COL_SEND,
)
from omni_desktop.ui.history.requests import (
    REQ_BULK,
    REQ_RECIPIENTS,
    REQ_SEQ,
    REQ_STATE,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

START = datetime(2026, 11, 26, 16, 10, tzinfo=UTC)
RunUntil = Callable[..., None]


def audience(count: int, names: int) -> OmniMessage:
    """`count` rows whose first names make `names` distinct texts (one request each)."""
    destinations = [
        Destination(f"+4179{i:07d}", fields={"First name": f"Name{i % names}"})
        for i in range(count)
    ]
    message = OmniMessage(destinations=destinations)
    message.content("sms").values["text"] = "Hi {{First name}}, your appointment is at 10:00."
    result = validate(message, START)
    assert result.ok, result.errors
    return result.prepared


def target_for(sandbox: SandboxThread) -> Target:
    return Target("Sandbox", sandbox.url, sandbox.api_key, is_sandbox=True)


@dataclass
class Made:
    outbox: Outbox
    campaign: int
    test_send: int
    bodies: list[dict[str, Any]]  # the campaign's requests as posted, in plan order


def run_campaign(
    loop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    outbox: Outbox,
    campaign_id: int,
    options: Options,
    pause_after: int | None = None,
) -> store.CampaignRecord:
    async def go() -> store.CampaignRecord:
        async with OmniClient(sandbox.url, Auth.app(sandbox.api_key)) as client:
            runner = CampaignRunner(
                client,
                target_for(sandbox),
                outbox,
                campaign_id,
                options,
                request_done=lambda done: (
                    runner.pause() if pause_after is not None and done.seq == pause_after else None
                ),
            )
            return await runner.run()

    return loop.run_until_complete(go())


def make_test_send(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxThread, outbox: Outbox, campaign_id: int
) -> int:
    """One rendered message to an address typed by hand, marked as the campaign's test."""
    message = OmniMessage(destinations=[Destination("41790009991")])
    message.content("sms").values["text"] = "Hi Name0, your appointment is at 10:00."
    body = to_json(with_ids(message, START))
    send_id = outbox.record_before_send(None, sandbox.url, body, is_test=True)
    with outbox.transaction("mark the test send as the campaign's") as db:
        db.execute("UPDATE sends SET campaign_id = ? WHERE id = ?", (campaign_id, send_id))

    async def post() -> dict[str, Any]:
        async with OmniClient(sandbox.url, Auth.app(sandbox.api_key)) as client:
            return (await client.send_advanced(body)).raw

    outbox.record_answer(send_id, loop.run_until_complete(post()))
    return send_id


def posted(outbox: Outbox, campaign_id: int) -> list[dict[str, Any]]:
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT s.request_json FROM campaign_requests r JOIN sends s ON s.id = r.send_id "
            "WHERE r.campaign_id = ? ORDER BY r.seq",
            (campaign_id,),
        ).fetchall()
    return [json.loads(r[0]) for r in rows]


def open_history(
    qtbot: QtBot, run_until: RunUntil, outbox: Outbox, client: OmniClient | None = None
) -> HistoryDialog:
    """History over `outbox`, shown and loaded (Check status asks `client`)."""
    dialog = HistoryDialog(HistoryService(outbox, lambda _profile: client))
    qtbot.addWidget(dialog)
    dialog.show()
    run_until(dialog.loaded)
    return dialog


@pytest.fixture
def made(
    qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[Made]:
    """A finished campaign of 3 requests (9 recipients, 3 texts), then a test send of it."""
    ticks = iter(range(10_000))
    outbox = Outbox(
        tmp_path / "history.sqlite3", clock=lambda: START + timedelta(seconds=next(ticks))
    )
    options = Options(concurrency=1)
    target = target_for(sandbox)
    campaign_id = plan(
        outbox,
        target,
        audience(9, 3),
        None,
        {},
        options,
        START - timedelta(minutes=1),
        name="customers.csv",
    )
    record = run_campaign(qloop, sandbox, outbox, campaign_id, options)
    assert record.state is CampaignState.FINISHED and record.request_count == 3
    test_id = make_test_send(qloop, sandbox, outbox, campaign_id)
    yield Made(outbox, campaign_id, test_id, posted(outbox, campaign_id))
    outbox.close()


@pytest.fixture
def dialog(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, run_until: RunUntil, made: Made
) -> Iterator[HistoryDialog]:
    shown = open_history(qtbot, run_until, made.outbox)
    qtbot.waitExposed(shown)
    yield shown
    qloop.run_until_complete(shown.shutdown())


@pytest.fixture
def asking(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    sandbox: SandboxThread,
    made: Made,
) -> Iterator[HistoryDialog]:
    """History over the campaign, whose account's client asks the sandbox."""
    client = OmniClient(sandbox.url, Auth.app(sandbox.api_key), http=httpx.AsyncClient())
    shown = open_history(qtbot, run_until, made.outbox, client)
    yield shown
    qloop.run_until_complete(shown.shutdown())
    qloop.run_until_complete(client.aclose())


def column(dialog: HistoryDialog, col: int) -> list[str]:
    return [dialog.proxy.index(r, col).data() for r in range(dialog.proxy.rowCount())]


def requests_shown(dialog: HistoryDialog, run_until: RunUntil, count: int) -> list[list[str]]:
    model = dialog.details.requests_proxy
    run_until(lambda: model.rowCount() == count)
    cols = (REQ_SEQ, REQ_BULK, REQ_STATE, REQ_RECIPIENTS)
    return [[model.index(r, c).data() for c in cols] for r in range(model.rowCount())]


def choose(dialog: HistoryDialog, row: int) -> None:
    table = dialog.details.requests_table
    table.setCurrentIndex(dialog.details.requests_proxy.index(row, 0))


def test_a_campaign_is_one_row_and_its_test_send_another_never_counted(
    dialog: HistoryDialog, made: Made
) -> None:
    assert dialog.count_label.text() == "2 sends"  # not 3 requests + 1 test: two rows
    assert column(dialog, COL_SEND) == [
        f"Test send #{made.test_send} of campaign #{made.campaign}",
        f"Campaign #{made.campaign} · customers.csv",
    ]
    assert column(dialog, COL_BULK)[1] == "3 requests"
    assert column(dialog, COL_SCENARIO) == ["default", "default"]  # the campaign's own too
    # The campaign counts its 9 recipients only: the test send's is not among them.
    assert column(dialog, COL_RECIPIENTS) == ["1", "9"]
    assert column(dialog, COL_OUTCOME)[1] == "Finished · Accepted 9"
    assert store.get(made.outbox, made.campaign).message_count == 9
    tip = dialog.proxy.index(0, COL_SEND).data(Qt.ItemDataRole.ToolTipRole)
    assert "never counted in a campaign" in tip


def test_selecting_the_campaign_lists_its_requests_and_choosing_one_shows_its_messages(
    qtbot: QtBot, run_until: RunUntil, dialog: HistoryDialog, made: Made
) -> None:
    assert dialog.select_campaign(made.campaign)
    assert dialog.selected_record() is None  # no request chosen yet: nothing to act on
    assert not dialog.draft_button.isEnabled() and not dialog.check_button.isEnabled()
    assert dialog.summary_label.text().splitlines()[1] == "3 requests to 9 recipients: accepted 9."
    rows = requests_shown(dialog, run_until, 3)
    assert rows == [
        [str(n + 1), body["bulkId"], "Accepted", "3"] for n, body in enumerate(made.bodies)
    ]

    choose(dialog, 1)
    second = made.bodies[1]
    messages = dialog.messages_model
    run_until(lambda: messages.rowCount() == 3)
    shown = [[messages.index(r, c).data() for c in (0, 1)] for r in range(3)]
    assert shown == [[d["to"]["phoneNumber"], d["messageId"]] for d in second["destinations"]]
    assert json.loads(dialog.request_view.toPlainText())["bulkId"] == second["bulkId"]
    assert dialog.summary_label.text().startswith(
        f"Campaign #{made.campaign} · customers.csv · request 2 of 3"
    )
    # The send's actions work on the chosen request; an answered one can be sent again.
    assert dialog.draft_button.isEnabled() and dialog.export_send_action.isEnabled()
    assert dialog.resend_button.isEnabled()
    drafts: list[OmniMessage] = []
    dialog.draft_requested.connect(drafts.append)
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)
    run_until(lambda: drafts)
    phones = [d["to"]["phoneNumber"] for d in second["destinations"]]
    assert [d.phone for d in drafts[0].destinations] == phones
    assert drafts[0].bulk_id is None
    again: list[OmniMessage] = []
    dialog.resend_requested.connect(again.append)
    qtbot.mouseClick(dialog.resend_button, Qt.MouseButton.LeftButton)
    run_until(lambda: again)
    assert [d.phone for d in again[0].destinations] == phones
    assert again[0].bulk_id is None and all(d.message_id is None for d in again[0].destinations)

    # Refresh (F5) reads the list and the requests again, keeping the campaign and request.
    chosen = dialog.selected_record()
    assert chosen is not None
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_F5)
    run_until(
        lambda: dialog.selected_record() is not None and dialog.selected_record() is not chosen
    )
    assert dialog.selected_campaign() is not None
    assert dialog.selected_record().id == chosen.id  # type: ignore[union-attr]


def test_the_campaign_s_summary_counts_its_messages_by_how_they_fared(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, run_until: RunUntil, made: Made
) -> None:
    """At a glance, before any request is chosen: how the campaign's messages fared, as the
    answers and the reports kept say (the test send not among them)."""
    first = made.bodies[0]["destinations"]
    made.outbox.apply_reports(
        [Report(d["messageId"], d["to"]["phoneNumber"], DELIVERED_TO_HANDSET) for d in first]
    )
    shown = open_history(qtbot, run_until, made.outbox)
    assert shown.select_campaign(made.campaign)
    run_until(lambda: "Messages: " in shown.summary_label.text())
    lines = shown.summary_label.text().splitlines()
    assert lines[1:3] == [
        "3 requests to 9 recipients: accepted 9.",
        "Messages: Delivered 3 · Pending 6",
    ]
    qloop.run_until_complete(shown.shutdown())


def test_fetch_delivery_reports_brings_a_campaign_s_reports_into_the_history(
    qtbot: QtBot, run_until: RunUntil, sandbox: SandboxThread, made: Made, asking: HistoryDialog
) -> None:
    """With a campaign selected, one button fetches the reports waiting at the API for its
    requests not settled yet; a failure says why and the button can be pressed again."""
    shown = asking
    button = shown.details.fetch_button
    assert not button.isVisible()  # no campaign selected yet
    assert shown.select_campaign(made.campaign)
    run_until(button.isEnabled)
    assert button.isVisible()
    assert "Messages: Pending 9" in shown.summary_label.text()  # the answers' word only
    sandbox.faults.update({"fail_next": 1})
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    run_until(lambda: "HTTP 500" in shown.message_text())
    assert "you can try again" in shown.message_text()
    run_until(button.isEnabled)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    run_until(lambda: shown.message_text().endswith("delivery reports fetched."))
    # +41 79 000 00 08 is switched off (the sandbox's rule): it expires later; the rest are in.
    run_until(lambda: "Messages: Delivered 8" in shown.summary_label.text())


def test_check_status_on_a_request_asks_the_sandbox_and_keeps_the_campaign_whole(
    qtbot: QtBot, run_until: RunUntil, sandbox: SandboxThread, made: Made, asking: HistoryDialog
) -> None:
    dialog = asking
    dialog.select_campaign(made.campaign)
    requests_shown(dialog, run_until, 3)
    choose(dialog, 0)
    assert dialog.check_button.isEnabled()  # accepted, not every message final yet
    sends_before = len(sandbox.server.received_sends)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    run_until(lambda: dialog.check_button.text() == "Check &status")
    assert dialog.message_text().startswith(("Settled from the logs", "The server has this send"))
    assert len(sandbox.server.received_sends) == sends_before  # checked, never sent again
    assert dialog.count_label.text() == "2 sends"
    assert dialog.selected_campaign() is not None
    assert dialog.selected_record().id == posted_send(made, 0)  # type: ignore[union-attr]


def posted_send(made: Made, seq: int) -> int:
    sends = dict((s, i) for s, i, _state in store.request_sends(made.outbox, made.campaign))
    send_id = sends[seq]
    assert send_id is not None
    return int(send_id)


def test_a_search_for_one_recipients_number_finds_the_campaign(
    run_until: RunUntil, dialog: HistoryDialog, made: Made
) -> None:
    dialog.search_edit.setText("+41 79 000 0004")  # a recipient of the campaign's second text
    run_until(lambda: dialog.proxy.rowCount() == 1)
    assert column(dialog, COL_SEND) == [f"Campaign #{made.campaign} · customers.csv"]
    dialog.search_edit.setText("+41 79 000 9991")  # the test send's number: the test alone
    run_until(
        lambda: column(dialog, COL_SEND)[:1] == [f"Test send #{made.test_send} of campaign #1"]
    )
    assert dialog.proxy.rowCount() == 1
    dialog.search_edit.setText("customers.csv")
    run_until(lambda: column(dialog, COL_BULK) == ["3 requests"])


def test_a_paused_campaign_says_it_can_be_resumed(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    sandbox: SandboxThread,
    tmp_path: Path,
) -> None:
    options = Options(chunk_size=2, concurrency=1)
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        campaign_id = plan(outbox, target_for(sandbox), audience(6, 1), None, {}, options, START)
        record = run_campaign(qloop, sandbox, outbox, campaign_id, options, pause_after=0)
        assert record.state is CampaignState.PAUSED and record.pending == 2
        dialog = open_history(qtbot, run_until, outbox)
        assert column(dialog, COL_SEND) == [f"Campaign #{campaign_id}"]
        assert column(dialog, COL_OUTCOME) == ["Paused — resumable · Accepted 2 · Not started 4"]
        rows = requests_shown(dialog, run_until, 3)
        assert [r[2] for r in rows] == ["Accepted", "Not started", "Not started"]
        choose(dialog, 2)
        assert dialog.selected_record() is None
        assert dialog.summary_label.text().endswith(
            "This request has not been sent yet: resume the campaign to send it."
        )
        assert not dialog.draft_button.isEnabled()
        qloop.run_until_complete(dialog.shutdown())


def test_a_request_of_unknown_outcome_goes_again_only_by_resuming_its_campaign(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: RunUntil,
    sandbox: SandboxThread,
    tmp_path: Path,
) -> None:
    with Outbox(tmp_path / "history.sqlite3") as outbox:
        options = Options(chunk_size=2)
        campaign_id = plan(outbox, target_for(sandbox), audience(4, 1), None, {}, options, START)
        first = store.pending_requests(outbox, campaign_id)[0]
        send_id = outbox.record_before_send(
            None, sandbox.url, json.loads(first.body_json), campaign=(campaign_id, 0)
        )
        outbox.record_failure(
            send_id,
            SendState.UNKNOWN,
            "The connection dropped.",
            destinations=json.loads(first.body_json)["destinations"],
        )
        dialog = open_history(qtbot, run_until, outbox)
        requests_shown(dialog, run_until, 2)
        choose(dialog, 0)
        assert dialog.selected_record() is not None
        assert dialog.draft_button.isEnabled()
        assert not dialog.resend_button.isEnabled()
        assert "when its campaign is resumed" in dialog.resend_button.toolTip()
        qloop.run_until_complete(dialog.shutdown())


def test_an_export_of_a_time_range_holds_the_campaigns_requests_like_sends(
    qloop: asyncio.AbstractEventLoop, made: Made, tmp_path: Path
) -> None:
    history = HistoryService(made.outbox, lambda _profile: None)
    path = tmp_path / "range.csv"
    count = qloop.run_until_complete(
        history.export(path, since=START - timedelta(days=1), until=START + timedelta(days=1))
    )
    assert count == 10  # 9 recipients of 3 requests, and the test send's one
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    bulk_ids = {body["bulkId"] for body in made.bodies}
    assert sum(row["Bulk ID"] in bulk_ids for row in rows) == 9


def test_the_models_pass_the_model_tester(
    qtmodeltester: ModelTester, run_until: RunUntil, dialog: HistoryDialog, made: Made
) -> None:
    qtmodeltester.check(dialog.model)
    dialog.select_campaign(made.campaign)
    requests_shown(dialog, run_until, 3)
    qtmodeltester.check(dialog.details.requests_model)
    qtmodeltester.check(dialog.details.requests_proxy)


def test_renders_a_campaign_and_its_chosen_request(
    run_until: RunUntil, dialog: HistoryDialog, made: Made
) -> None:
    assert (dialog.width(), dialog.height()) == (1140, 640)  # its first size
    dialog.select_campaign(made.campaign)
    requests_shown(dialog, run_until, 3)
    choose(dialog, 0)
    run_until(lambda: dialog.messages_model.rowCount() == 3)
    image = dialog.grab()
    shots = os.environ.get("OMNI_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(shots) / "history-campaign.png"))
    assert image.width() >= 1000
    # Every column of the list is in view at the dialog's first size: no sideways scrolling.
    assert not dialog.table.horizontalScrollBar().isVisible()


def test_a_big_campaigns_counts_are_grouped_as_everywhere_else() -> None:
    from omni_desktop.ui.history.campaign_text import campaign_counts

    record = store.CampaignRecord(
        id=1,
        created_at=datetime(2026, 12, 1, tzinfo=UTC),
        profile=None,
        base_url="http://127.0.0.1:9",
        name="",
        state=CampaignState.PAUSED,
        chunk_size=1000,
        request_count=100,
        message_count=100_000,
        note=None,
        finished_at=None,
        messages={"accepted": 97_500, store.PENDING: 2_500},
    )
    assert campaign_counts(record) == "Accepted 97,500 · Not started 2,500"
