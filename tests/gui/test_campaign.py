"""Campaigns in the window, against a real sandbox and a real outbox file: personalised rows go
in requests by text, the progress bar, Pause / Resume / Cancel, the fallback for an empty field,
and an earlier session's campaign continued at start with nothing posted twice."""

from __future__ import annotations

import asyncio
import json
import os
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from campaign_drafts import compose, people
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from omni_desktop.core.message import Destination, OmniMessage
from omni_desktop.core.validation import validate

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage import campaigns as store
from omni_desktop.storage.campaigns import CampaignState
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths

from omni_desktop.services.campaigns import Options, plan
from omni_desktop.services.targets import environment_target

from omni_desktop.ui.recipients import COL_PHONE
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.window import MainWindow
from omni_desktop.ui.window.sending import SEGMENTS_IN_WORKER

from omni_desktop.app import Services, build_parser

RunUntil = Callable[..., None]


def confirm(window: MainWindow) -> ConfirmSendDialog:
    window.send_button.click()
    dialogs = [d for d in window._dialogs if isinstance(d, ConfirmSendDialog)]
    assert dialogs, "the confirm step did not open: " + window.send_reason.text()
    return dialogs[-1]


def start_slowly(
    window: MainWindow, sandbox: SandboxThread, run_until: RunUntil, rows: int, latency: float
) -> None:
    """A campaign of `rows` alike, confirmed in requests of 50, each answered after `latency`."""
    compose(window, people(rows, names=1), "Hi {{First name}}")
    run_until(lambda: window.presenter.validate_now().ok)
    sandbox.faults.latency = latency
    dialog = confirm(window)
    assert dialog.chunk_box is not None
    dialog.chunk_box.setValue(50)
    dialog.accept()


def sent_ids(sandbox: SandboxThread) -> Counter[str]:
    counted: Counter[str] = Counter()
    for body in sandbox.server.received_sends:
        counted.update(d["messageId"] for d in body["destinations"])
    return counted


def test_personalised_rows_go_as_a_campaign_with_its_progress_and_every_row_in_the_table(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread, run_until: RunUntil
) -> None:
    window, outbox = outbox_window
    compose(window, people(250), "Hi {{First name}}, your order is ready.")
    run_until(lambda: window.presenter.validate_now().ok)
    dialog = confirm(window)
    body = dialog.body.text()
    assert "Requests: 3, for 3 distinct texts, at most 1,000 recipients each" in body
    assert "SMS segments in total: 250" in body
    assert dialog.chunk_box is not None
    dialog.chunk_box.setValue(50)  # 3 texts of 84, 83 and 83 rows: 2 requests each
    assert "Requests: 6," in dialog.body.text()
    dialog.accept()
    run_until(lambda: window.presenter.campaign.last is not None
              and window.presenter.campaign.last.state is CampaignState.FINISHED
              and not window.presenter.campaign.running)  # fmt: skip
    texts = sorted({b["sms"]["text"] for b in sandbox.server.received_sends})
    assert texts == [f"Hi Name{i}, your order is ready." for i in range(3)]
    assert len(sandbox.server.received_sends) == 6
    assert set(sent_ids(sandbox).values()) == {1} and len(sent_ids(sandbox)) == 250
    assert window.status_panel.model.rowCount() == 250
    bar = window.campaign_bar
    assert bar.isVisible() and bar.bar.value() == bar.bar.maximum()
    assert bar.label.text().startswith("6 of 6 requests · 250 of 250 messages")
    assert window.send_button.isEnabled()
    (campaign,) = store.resumable(outbox) or [store.get(outbox, 1)]
    assert campaign.state is CampaignState.FINISHED and campaign.count("accepted") == 6


def test_an_empty_field_refuses_send_until_a_fallback_is_set(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread, run_until: RunUntil
) -> None:
    window, _outbox = outbox_window
    rows = people(3)
    rows[1] = Destination(rows[1].phone, fields={"First name": ""})
    compose(window, rows, "Hi {{First name}}")
    window.sending.touch_all()
    result = window.presenter.validate_now()
    assert any("{{First name}} is empty in 1 row" in p.message for p in result.errors)
    assert window.presenter.send_refusal() is not None
    window.presenter.set_fallbacks({"First name": "there"})
    assert window.presenter.validate_now().ok
    confirm(window).accept()
    run_until(
        lambda: len(sandbox.server.received_sends) == 3 and not window.presenter.campaign.running
    )
    texts = sorted(b["sms"]["text"] for b in sandbox.server.received_sends)
    assert texts == ["Hi Name0", "Hi Name2", "Hi there"]


def test_pause_holds_between_requests_then_resume_and_cancel(
    outbox_window: tuple[MainWindow, Outbox], sandbox: SandboxThread, run_until: RunUntil
) -> None:
    window, outbox = outbox_window
    start_slowly(window, sandbox, run_until, 600, 0.15)  # 12 requests
    campaign = window.presenter.campaign
    run_until(lambda: len(sandbox.server.received_sends) >= 1)
    window.campaign_bar.pause_button.click()
    run_until(lambda: not campaign.running)
    paused = store.get(outbox, 1)
    assert paused.state is CampaignState.PAUSED and 0 < paused.pending < 12
    assert window.campaign_bar.resume_button.isVisible()
    assert "paused" in window.campaign_bar.label.text()
    sent_before = len(sandbox.server.received_sends)
    assert sent_before == paused.started
    window.campaign_bar.resume_button.click()
    run_until(lambda: len(sandbox.server.received_sends) > sent_before)
    window.campaign_bar.cancel_button.click()
    box = next(d for d in window._dialogs if isinstance(d, QMessageBox))
    box.button(QMessageBox.StandardButton.Yes).click()
    run_until(
        lambda: not campaign.running and store.get(outbox, 1).state is CampaignState.CANCELLED
    )
    cancelled = store.get(outbox, 1)
    assert cancelled.pending > 0  # the rest never goes
    assert len(sandbox.server.received_sends) == cancelled.started
    assert set(sent_ids(sandbox).values()) == {1}


def test_an_earlier_sessions_campaign_is_offered_and_finishes_without_sending_twice(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    tmp_path: Path,
    run_until: RunUntil,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "app"
    paths = AppPaths.under(root).ensure()
    monkeypatch.setenv("INFOBIP_BASE_URL", sandbox.url)
    monkeypatch.setenv("INFOBIP_API_KEY", sandbox.api_key)
    target = environment_target(sandbox.url, dict(os.environ))
    now = datetime.now(UTC)
    with Outbox(paths.history_file) as earlier:  # planned; two requests started, one posted
        message = OmniMessage(destinations=people(300, names=1))
        message.content("sms").values["text"] = "Hi {{First name}}"
        prepared = validate(message, now).prepared
        campaign_id = plan(earlier, target, prepared, None, {}, Options(chunk_size=100), now)
        first, second, _third = store.pending_requests(earlier, campaign_id)
        for request in (first, second):
            earlier.record_before_send(
                target.profile, sandbox.url, json.loads(request.body_json), request.body_json,
                campaign=(campaign_id, request.seq),
            )  # fmt: skip
        posted = httpx.post(
            sandbox.url + "/omni/1/advanced",
            content=first.body_json.encode(),
            headers={"Authorization": f"App {sandbox.api_key}", "Content-Type": "application/json"},
        )
        assert posted.status_code == 200
    services = Services(paths)
    window = qloop.run_until_complete(services.open(build_parser().parse_args([])))
    window.show()
    try:
        window.start_session()
        qloop.run_until_complete(services.start())
        run_until(lambda: window.campaigns.offer is not None)
        offer = window.campaigns.offer
        assert offer is not None
        assert "Campaign #1 stopped after 2 of 3 requests" in offer.text()
        assert "2 requests got no answer" in offer.text()
        assert "outcome is unknown" not in window.status_panel.error_text()  # the offer says it
        next(b for b in offer.buttons() if "Continue" in b.text()).click()
        run_until(lambda: _box(window, "resend_missing_box") is not None)
        box = _box(window, "resend_missing_box")
        assert box is not None and "no message of 1 request whose" in box.text()
        yes = box.button(QMessageBox.StandardButton.Yes)
        assert yes is not None
        yes.click()
        outbox = services.outbox
        campaign = services.presenter.campaign
        run_until(
            lambda: (
                store.get(outbox, campaign_id).state is CampaignState.FINISHED
                and not campaign.running
            )
        )
        record = store.get(outbox, campaign_id)
        assert record.count("accepted") == 3
        assert set(sent_ids(sandbox).values()) == {1}
        assert len(sandbox.server.simulator.posted) == 300  # every recipient once
        assert window.status_panel.model.rowCount() == 300
        # The funnel follows the campaign's own content (SMS only), not the empty draft's.
        assert window.status_panel._flow == ["SMS"]
    finally:
        services.presenter.set_dirty(False)
        window.close()
        qloop.run_until_complete(services.close())
        window.deleteLater()


def _box(window: MainWindow, name: str) -> QMessageBox | None:
    for dialog in window._dialogs:
        if isinstance(dialog, QMessageBox) and dialog.objectName() == name:
            return dialog
    return None


def test_the_sms_counter_gives_the_range_over_rows_and_the_total(
    outbox_window: tuple[MainWindow, Outbox], run_until: RunUntil
) -> None:
    window, _outbox = outbox_window
    rows = people(3)
    rows[2] = Destination(rows[2].phone, fields={"First name": "J" * 170})  # two segments
    compose(window, rows, "Hi {{First name}}")
    window.presenter.validate_now()
    counter = window.composers["sms"].counter_text.text()
    assert counter.endswith(" · per row 1–2, 4 in all")
    compose(window, people(3), "No placeholder here")
    window.presenter.validate_now()
    assert "per row" not in window.composers["sms"].counter_text.text()


def test_a_big_list_s_segments_are_counted_in_a_worker_and_shown_when_done(
    outbox_window: tuple[MainWindow, Outbox], run_until: RunUntil
) -> None:
    window, _outbox = outbox_window
    counter = window.composers["sms"].counter_text
    rows = people(SEGMENTS_IN_WORKER + 1000, names=SEGMENTS_IN_WORKER + 1000)
    rows[-1] = Destination(rows[-1].phone, fields={"First name": "J" * 170})  # two segments
    compose(window, rows, "Hi {{First name}}")
    window.presenter.validate_now()
    # The window does not wait for 6,000 texts to be made and counted: it says it is counting.
    assert counter.text().endswith(" · counting the segments of every row…")
    run_until(lambda: "in all" in counter.text())
    assert counter.text().endswith(" · per row 1–2, 6,001 in all")
    # An edit meanwhile is counted again: the last count is of the draft as it is.
    model = window.recipients.model
    model.setData(model.index(len(rows) - 1, COL_PHONE), "")  # the two-segment row has no number
    window.presenter.validate_now()
    run_until(lambda: "in all" in counter.text())
    assert counter.text().endswith(" · per row 1, 5,999 in all")


def test_a_big_campaign_s_confirm_step_opens_once_it_is_counted_in_a_worker(
    outbox_window: tuple[MainWindow, Outbox], run_until: RunUntil
) -> None:
    window, _outbox = outbox_window
    size = SEGMENTS_IN_WORKER + 1000
    rows = people(size, names=10)
    rows[-1] = Destination(rows[-1].phone, fields={"First name": "J" * 170})  # two segments
    compose(window, rows, "Hi {{First name}}")
    window.send_button.click()
    assert window.send_reason.text() == "Counting the campaign's requests and segments…"
    run_until(lambda: any(isinstance(d, ConfirmSendDialog) for d in window._dialogs))
    dialog = next(d for d in window._dialogs if isinstance(d, ConfirmSendDialog))
    text = "\n".join(dialog.lines)
    # 11 distinct texts (10 names and the long one), cut into requests of at most 1,000.
    assert "SMS: 1–2 segments per recipient (the texts differ)" in text
    assert f"SMS segments in total: {size + 1:,}" in text
    assert dialog.send_button.text() == f"Send to {size:,} recipients"
    assert "Ready to send" in window.send_reason.text()
    dialog.reject()


def test_closing_the_window_pauses_a_running_campaign_for_the_next_start(
    outbox_window: tuple[MainWindow, Outbox],
    sandbox: SandboxThread,
    run_until: RunUntil,
    qloop: asyncio.AbstractEventLoop,
) -> None:
    window, outbox = outbox_window
    start_slowly(window, sandbox, run_until, 1000, 0.1)  # 20 requests
    run_until(lambda: len(sandbox.server.received_sends) >= 2)
    started = asyncio.get_event_loop().time()
    qloop.run_until_complete(window.presenter.shutdown())
    assert asyncio.get_event_loop().time() - started < 5  # not the whole campaign
    record = store.get(outbox, 1)
    assert record.state is CampaignState.PAUSED and record.pending > 0
    assert record.note is not None and "next start" in record.note
    assert [c.id for c in store.resumable(outbox)] == [1]
    assert len(sandbox.server.received_sends) == record.started


def test_the_drafts_autosave_waits_until_the_campaigns_rows_are_in_the_table(
    outbox_window: tuple[MainWindow, Outbox], qloop: asyncio.AbstractEventLoop
) -> None:
    """The copy's worker and the table's paints both need the interpreter lock: together they
    held the window 0.1-0.3 s, so the autosave waits while rows are still going in."""
    window, _outbox = outbox_window
    campaign = window.presenter.campaign
    timer = window.drafts._timer
    timer.stop()
    filling: asyncio.Future[None] = qloop.create_future()
    campaign._dripping = filling  # type: ignore[assignment]
    assert campaign.filling and not campaign.running
    window.drafts._on_timer_timeout()
    assert timer.isActive()  # put off: it tries again after its delay
    timer.stop()
    filling.set_result(None)
    assert not campaign.filling
    window.drafts._on_timer_timeout()
    assert not timer.isActive()  # saved now (or tried: this window keeps no session)
