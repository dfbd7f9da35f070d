"""`omni-desktop send` and `omni-desktop sandbox` as processes, against a real sandbox."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.settings import Settings, SettingsFile

GOOD_DRAFT: dict[str, Any] = {
    "destinations": [
        {"to": {"phoneNumber": "+41 79 302 67 27"}},
        {"to": {"phoneNumber": "0038591234567", "emailAddress": "ana@example.com"}},
    ],
    "sms": {
        "text": "Your parcel is on its way.",
        "validityPeriod": 2,
        "validityPeriodTimeUnit": "HOURS",
    },
}


@pytest.fixture(autouse=True)
def app_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """The CLI's settings, history and logs go to this test's own folders."""
    for kind in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / "xdg" / kind.lower()))
    return AppPaths.default()


def run_cli(
    *args: str, base_url: str | None, key: str | None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBIP_")}
    if base_url is not None:
        env["INFOBIP_BASE_URL"] = base_url
    if key is not None:
        env["INFOBIP_API_KEY"] = key
    return subprocess.run(
        [sys.executable, "-m", "omni_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def write_draft(tmp_path: Path, body: dict[str, Any], name: str = "draft.omni.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def assert_plain(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_send_prints_a_table_of_accepted_messages(sandbox: SandboxThread, tmp_path: Path) -> None:
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert result.returncode == 0, result.stderr
    assert "PENDING/PENDING_ENROUTE" in result.stdout
    assert "41793026727" in result.stdout and "38591234567" in result.stdout
    assert "2 messages accepted" in result.stdout
    assert re.search(r"bulkId: b-[0-9a-f]{32}", result.stdout)
    posted = sandbox.server.received_sends
    assert len(posted) == 1
    sent = posted[0]
    assert [d["to"]["phoneNumber"] for d in sent["destinations"]] == ["41793026727", "38591234567"]
    assert all(d["messageId"].startswith("m-") for d in sent["destinations"])


def test_prefer_region_reads_numbers_valid_both_ways_as_the_region_s(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    """Under US, bare 2015550123 is also Egypt's +20 15 550123: read abroad with a warning,
    unless --prefer-region; the grouped (704) 203-2135 is the US number either way."""
    body = dict(
        GOOD_DRAFT,
        destinations=[{"to": {"phoneNumber": p}} for p in ("2015550123", "(704) 203-2135")],
    )
    draft = str(write_draft(tmp_path, body))
    plain = run_cli(
        "send", draft, "--region", "US", "--dry-run", base_url=sandbox.url, key=sandbox.api_key
    )
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.splitlines()[1:] == ["  2015550123", "  17042032135"]
    assert "Egypt" in plain.stderr and "warning: " in plain.stderr
    preferred = run_cli(
        "send", draft, "--region", "US", "--prefer-region", "--dry-run",
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert preferred.returncode == 0, preferred.stderr
    assert preferred.stdout.splitlines()[1:] == ["  12015550123", "  17042032135"]
    note = "note: 1 number(s) valid abroad too are read as numbers of United States"
    assert note in preferred.stderr
    assert "Egypt" not in preferred.stderr
    assert sandbox.server.received_sends == []  # a dry run


def test_send_json_prints_the_api_response(sandbox: SandboxThread, tmp_path: Path) -> None:
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), "--json",
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert [m["status"]["name"] for m in answer["messages"]] == ["PENDING_ENROUTE"] * 2


def test_warnings_go_to_stderr_and_the_send_still_goes(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    body = dict(
        GOOD_DRAFT, sms={"text": "Hi", "validityPeriod": 72, "validityPeriodTimeUnit": "HOURS"}
    )
    result = run_cli(
        "send", str(write_draft(tmp_path, body)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert result.returncode == 0
    assert "warning: sms.validityPeriod" in result.stderr and "48" in result.stderr
    assert sandbox.server.received_sends[0]["sms"]["validityPeriod"] == 48


def test_invalid_draft_exits_2_and_sends_nothing(sandbox: SandboxThread, tmp_path: Path) -> None:
    body = {"destinations": [{"to": {"phoneNumber": "+41 12"}}], "sms": {"text": "Hi"}}
    result = run_cli(
        "send", str(write_draft(tmp_path, body)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert result.returncode == 2
    assert "destinations[0].to.phoneNumber" in result.stderr
    assert "nothing was sent" in result.stderr
    assert_plain(result)
    assert sandbox.server.received_sends == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "is not valid JSON"), ('{"destinations": 5}', "should be a list")],
)
def test_unreadable_draft_exits_2(
    sandbox: SandboxThread, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "broken.omni.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli("send", str(path), base_url=sandbox.url, key=sandbox.api_key)
    assert result.returncode == 2
    assert expected in result.stderr
    assert_plain(result)


def test_missing_base_url_or_key_is_a_usage_error(tmp_path: Path) -> None:
    draft = str(write_draft(tmp_path, GOOD_DRAFT))
    no_url = run_cli("send", draft, base_url=None, key="k")
    assert no_url.returncode == 2 and "INFOBIP_BASE_URL" in no_url.stderr
    no_key = run_cli("send", draft, base_url="http://127.0.0.1:9", key=None)
    assert no_key.returncode == 2 and "INFOBIP_API_KEY" in no_key.stderr
    plain_http = run_cli("send", draft, base_url="http://api.example.com", key="k")
    assert plain_http.returncode == 2 and "https" in plain_http.stderr


def test_wrong_key_exits_3_without_showing_the_key(sandbox: SandboxThread, tmp_path: Path) -> None:
    wrong = "wrong-key-5d1c0e77"
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), base_url=sandbox.url, key=wrong
    )
    assert result.returncode == 3
    assert "401" in result.stderr or "key" in result.stderr.lower()
    assert wrong not in result.stdout + result.stderr
    assert_plain(result)


def test_rate_limit_that_outlasts_retries_exits_3(sandbox: SandboxThread, tmp_path: Path) -> None:
    sandbox.faults.update({"throttle_next": 10, "retry_after": 0})
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert result.returncode == 3
    assert "429" in result.stderr or "too many" in result.stderr.lower()
    # Each attempt was refused before processing, so retrying with the same IDs was safe.
    attempts = sandbox.server.received_sends
    assert len(attempts) == 3
    assert len({a["bulkId"] for a in attempts}) == 1


# `send` first lists the scenarios (as the window does): a fault armed for two requests fails
# that list, which is a warning, and then the POST.
BOTH = 2


def test_server_error_exits_4_and_is_not_resent(sandbox: SandboxThread, tmp_path: Path) -> None:
    sandbox.faults.update({"fail_next": BOTH})
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert result.returncode == 4
    assert "warning: The scenarios could not be loaded" in result.stderr
    assert "bulkId b-" in result.stderr  # the IDs to check the status with
    assert_plain(result)
    assert len(sandbox.server.received_sends) == 1


def test_dropped_connection_exits_4_and_is_not_resent(
    sandbox: SandboxThread, tmp_path: Path
) -> None:
    sandbox.faults.update({"drop_next": BOTH})
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert result.returncode == 4
    assert len(sandbox.server.received_sends) == 1


def test_timeout_exits_4(sandbox: SandboxThread, tmp_path: Path) -> None:
    sandbox.faults.update({"latency": 5})
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), "--timeout", "1",
        base_url=sandbox.url, key=sandbox.api_key,
    )  # fmt: skip
    assert result.returncode == 4
    assert_plain(result)


def test_nothing_listening_exits_5(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), "--timeout", "5",
        base_url=f"http://127.0.0.1:{port}", key="k",
    )  # fmt: skip
    assert result.returncode == 5
    assert_plain(result)


def test_sandbox_command_prints_url_and_key_and_serves(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "omni_desktop", "sandbox", "--key", "demo-key"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url_line = proc.stdout.readline()
        key_line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", url_line)
        assert url, url_line
        assert "demo-key" in key_line
        answer = httpx.get(
            url.group(0) + "/omni/1/scenarios", headers={"Authorization": "App demo-key"}
        )
        assert answer.status_code == 200
        assert len(answer.json()["scenarios"]) == 2
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_headless_sends_are_in_the_history(
    sandbox: SandboxThread, tmp_path: Path, app_folders: AppPaths
) -> None:
    ok = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert ok.returncode == 0
    sandbox.faults.update({"fail_next": BOTH})
    lost = run_cli(
        "send", str(write_draft(tmp_path, GOOD_DRAFT)), base_url=sandbox.url, key=sandbox.api_key
    )
    assert lost.returncode == 4
    with Outbox(app_folders.history_file) as outbox:
        history = outbox.history()
    assert [r.state for r in history] == ["unknown", "accepted"]
    sent = sandbox.server.received_sends
    assert [r.bulk_id for r in reversed(history)] == [s["bulkId"] for s in sent]
    log_text = (
        app_folders.log_file.read_text(encoding="utf-8") if app_folders.log_file.exists() else ""
    )
    assert sandbox.api_key not in log_text


def test_profile_gives_the_base_url_and_refuses_without_a_key(
    sandbox: SandboxThread, tmp_path: Path, app_folders: AppPaths
) -> None:
    profile = Profile(name="Shop", base_url=sandbox.url)
    SettingsFile(app_folders.ensure().settings_file).save(Settings(profiles=(profile,)))
    draft = str(write_draft(tmp_path, GOOD_DRAFT))
    # tests use the null keyring: no key can be read, and the CLI says what to do instead
    refused = run_cli("send", draft, "--profile", "Shop", base_url=None, key=None)
    assert refused.returncode == 2
    assert "keyring" in refused.stderr.lower() and "INFOBIP_API_KEY" in refused.stderr
    unknown = run_cli("send", draft, "--profile", "Nope", base_url=None, key=None)
    assert unknown.returncode == 2 and "Shop" in unknown.stderr
    sent = run_cli("send", draft, "--profile", "Shop", base_url=None, key=sandbox.api_key)
    assert sent.returncode == 0, sent.stderr
    with Outbox(app_folders.history_file) as outbox:
        assert outbox.history()[0].profile == "Shop"


def test_broken_certificate_setting_is_one_sentence(tmp_path: Path) -> None:
    env_draft = str(write_draft(tmp_path, GOOD_DRAFT))
    os.environ["SSL_CERT_FILE"] = str(tmp_path / "missing.pem")
    try:
        result = run_cli("send", env_draft, base_url="https://api.example.com", key="k")
    finally:
        del os.environ["SSL_CERT_FILE"]
    assert result.returncode == 2
    assert "certificates" in result.stderr and "SSL_CERT_FILE" in result.stderr
    assert_plain(result)
