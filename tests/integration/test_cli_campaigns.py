"""`send --recipients` as a campaign, `resume` and `status`, as processes against a real
sandbox: chunks, personalisation, exit codes, and a kill -9 mid-campaign then a resume with
every message ID POSTed exactly once across both runs (counted at the server)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from test_cli import app_folders, assert_plain, run_cli, write_draft

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.paths import AppPaths

__all__ = ["app_folders"]

PERSONAL: dict[str, Any] = {
    "destinations": [],
    "sms": {"text": "Hi {{First name}}, see you at {{Time}}."},
}


def customers(tmp_path: Path, count: int, names: int = 1) -> Path:
    path = tmp_path / "customers.csv"
    lines = ["First name;Mobile;Time"]
    lines += [
        f"Name{i % names};+41 79 {i:03d} {i % 100:02d} {i % 97:02d};14:{i % 60:02d}"
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rows(tmp_path: Path, count: int) -> Path:
    """`count` distinct Swiss mobile numbers, one first name and one time for all."""
    path = tmp_path / "customers.csv"
    lines = ["First name;Mobile;Time"]
    lines += [
        f"Jürg;+41 79 {i // 10000:03d} {i // 100 % 100:02d} {i % 100:02d};14:30"
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sent_ids(sandbox: SandboxThread) -> Counter[str]:
    """Every messageId of every POST the server received."""
    counted: Counter[str] = Counter()
    for body in sandbox.server.received_sends:
        assert isinstance(body, dict)
        counted.update(d["messageId"] for d in body["destinations"])
    return counted


def send_id_of(stderr: str) -> int:
    line = next(line for line in stderr.splitlines() if line.startswith("send ID: "))
    return int(line.removeprefix("send ID: "))


def test_2500_rows_go_in_three_requests_with_the_id_first_then_progress(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    draft = write_draft(tmp_path, PERSONAL)
    result = run_cli(
        "send", str(draft), "--recipients", str(rows(tmp_path, 2500)),
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert_plain(result)
    lines = result.stderr.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("send ID: "))
    assert any("3/3 requests, 2,500/2,500 messages" in line for line in lines[first:])
    bodies = sandbox.server.received_sends
    assert sorted(len(b["destinations"]) for b in bodies) == [500, 1000, 1000]
    assert {b["sms"]["text"] for b in bodies} == {"Hi Jürg, see you at 14:30."}
    assert set(sent_ids(sandbox).values()) == {1}
    status = run_cli("status", str(send_id_of(result.stderr)), "--json", base_url=None, key=None)
    assert status.returncode == 0, status.stderr
    state = json.loads(status.stdout)
    assert state["state"] == "finished"
    assert state["requests"] == {"total": 3, "accepted": 3}
    assert state["messages"] == {"total": 2500, "accepted": 2500}


def test_a_missing_field_refuses_the_send_and_a_fallback_fills_it(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Mobile;First name\n+41 79 302 67 27;Ana\n+41 79 302 67 28;\n", encoding="utf-8"
    )
    draft = write_draft(tmp_path, {"destinations": [], "sms": {"text": "Hi {{First name}}"}})
    refused = run_cli(
        "send", str(draft), "--recipients", str(path), base_url=sandbox.url, key=sandbox.api_key
    )
    assert refused.returncode == 2
    assert "{{First name}} is empty in 1 row" in refused.stderr
    assert sandbox.server.received_sends == []
    sent = run_cli(
        "send", str(draft), "--recipients", str(path), "--fallback", "First name=there",
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    texts = sorted(b["sms"]["text"] for b in sandbox.server.received_sends)
    assert texts == ["Hi Ana", "Hi there"]


def test_a_draft_that_keeps_its_fields_goes_as_a_campaign_without_the_file(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    """A draft saved after an import carries each recipient's fields: `send DRAFT` alone
    personalises it as the window would, and never posts a placeholder as written."""
    draft = write_draft(
        tmp_path,
        {
            "destinations": [
                {"to": {"phoneNumber": "41793026727"}, "fields": {"First name": "Ana"}},
                {"to": {"phoneNumber": "41793026728"}, "fields": {"First name": "Jürg"}},
            ],
            "sms": {"text": "Hi {{First name}}"},
        },
    )
    result = run_cli("send", str(draft), base_url=sandbox.url, key=sandbox.api_key)
    assert result.returncode == 0, result.stderr
    assert "send ID: " in result.stderr
    bodies = sandbox.server.received_sends
    assert sorted(b["sms"]["text"] for b in bodies) == ["Hi Ana", "Hi Jürg"]
    assert all("fields" not in d for b in bodies for d in b["destinations"])


def test_dry_run_names_the_requests_texts_and_segments(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    result = run_cli(
        "send", str(write_draft(tmp_path, PERSONAL)), "--recipients",
        str(customers(tmp_path, 30, names=3)), "--chunk-size", "4", "--dry-run",
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "30 distinct text(s)" in result.stdout  # three names x thirty times
    assert "SMS: 1 segment(s) per message, 30 in all." in result.stdout
    assert sandbox.server.received_sends == []


def test_a_rejected_request_pauses_the_campaign_with_exit_3(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    sandbox.faults.error_status = 400
    sandbox.faults.fail_next = 2  # the scenarios' list (a warning only), then the first POST
    result = run_cli(
        "send", str(write_draft(tmp_path, PERSONAL)), "--recipients", str(rows(tmp_path, 300)),
        "--chunk-size", "100", "--concurrency", "1",
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert "Request 1 was refused" in result.stderr
    assert f"omni-desktop resume {send_id_of(result.stderr)}" in result.stderr
    assert "not started: 2 request(s)" in result.stdout


def test_kill_9_mid_campaign_then_resume_posts_every_message_id_exactly_once(
    sandbox: SandboxThread, tmp_path: Path, app_folders: AppPaths
) -> None:
    draft = write_draft(tmp_path, PERSONAL)
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBIP_")}
    env |= {"INFOBIP_BASE_URL": sandbox.url, "INFOBIP_API_KEY": sandbox.api_key}
    errors = tmp_path / "stderr.txt"
    command = [sys.executable, "-m", "omni_desktop", "send", str(draft), "--recipients"]
    command += [str(rows(tmp_path, 1000)), "--chunk-size", "100", "--concurrency", "2"]
    with errors.open("w") as err:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = time.monotonic() + 60
            while len(sandbox.server.received_sends) < 3 and time.monotonic() < deadline:
                time.sleep(0.005)
            sandbox.faults.hold_sends = True  # the next POSTs are held open: in flight at the kill
            while sandbox.server.holding < 1 and time.monotonic() < deadline:
                time.sleep(0.005)
            os.kill(process.pid, signal.SIGKILL)
            process.wait(30)
        finally:
            if process.poll() is None:
                process.kill()
            sandbox.faults.hold_sends = False
    assert process.returncode == -signal.SIGKILL
    before = len(sandbox.server.received_sends)
    assert 3 <= before < 10
    send_id = send_id_of(errors.read_text())
    time.sleep(0.3)  # the held requests finish at the server, as a real server's would
    resumed = run_cli(
        "resume", str(send_id), "--resend-missing", base_url=sandbox.url, key=sandbox.api_key
    )
    assert resumed.returncode == 0, resumed.stderr
    assert_plain(resumed)
    counted = sent_ids(sandbox)
    assert set(counted.values()) == {1}  # no message ID was POSTed twice, across both runs
    processed = sandbox.server.simulator.posted  # each recipient's message, once
    assert len(processed) == 1000 and set(processed.values()) == {1}
    status = json.loads(run_cli("status", str(send_id), "--json", base_url=None, key=None).stdout)
    assert status["state"] == "finished"
    assert status["requests"]["accepted"] == 10


def test_status_of_an_unknown_id_says_so(tmp_path: Path, app_folders: AppPaths) -> None:
    result = run_cli("status", "42", base_url=None, key=None)
    assert result.returncode == 2
    assert "There is no send 42 in the history" in result.stderr


def test_status_check_fetches_the_delivery_reports_into_the_history(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    """`status` says how the messages fared as last heard; `--check` first fetches the
    reports waiting at the API and keeps them, so the history (and the window) know them."""
    draft = write_draft(tmp_path, PERSONAL)
    sent = run_cli(
        "send", str(draft), "--recipients", str(rows(tmp_path, 8)),
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    send_id = str(send_id_of(sent.stderr))
    before = run_cli("status", send_id, base_url=None, key=None)
    assert "delivery: 8 pending" in before.stdout  # the answer's word, no network
    sandbox.faults.update({"fail_next": 1})
    failed = run_cli("status", send_id, "--check", base_url=sandbox.url, key=sandbox.api_key)
    assert failed.returncode == 0, failed.stderr
    assert "The delivery reports could not be fetched: " in failed.stderr
    assert "delivery: 8 pending" in failed.stdout  # the history's state, all the same
    checked = run_cli("status", send_id, "--check", base_url=sandbox.url, key=sandbox.api_key)
    assert checked.returncode == 0, checked.stderr
    assert "8 delivery report(s) fetched." in checked.stderr
    assert "delivery: 8 delivered" in checked.stdout
    assert_plain(checked)
    kept = run_cli("status", send_id, "--json", base_url=None, key=None)
    assert json.loads(kept.stdout)["delivery"] == {"DELIVERED": 8}
    again = run_cli("status", send_id, "--check", base_url=sandbox.url, key=sandbox.api_key)
    assert "No message is waiting for a delivery report." in again.stderr
    elsewhere = run_cli("status", send_id, "--check", base_url="http://127.0.0.1:9", key="k" * 16)
    assert elsewhere.returncode == 2
    assert f"went to {sandbox.url}; use the same account" in elsewhere.stderr
