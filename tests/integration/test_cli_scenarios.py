"""`omni-desktop scenarios list|create|update` as processes, against a real sandbox."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.profiles import Profile
from omni_desktop.storage.settings import Settings, SettingsFile

VIBER_SMS: dict[str, Any] = {
    "name": "Viber, then SMS",
    "flow": [{"from": "Shop", "channel": "VIBER"}, {"from": "InfoSMS", "channel": "SMS"}],
    "default": False,
}


@pytest.fixture(autouse=True)
def app_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    """The CLI's settings and logs go to this test's own folders."""
    for kind in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / "xdg" / kind.lower()))
    return AppPaths.default()


@pytest.fixture
def http(sandbox: SandboxThread) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"App {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.url, headers=headers, timeout=10) as client:
        yield client


def run_cli(*args: str, sandbox: SandboxThread | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBIP_")}
    if sandbox is not None:
        env["INFOBIP_BASE_URL"] = sandbox.url
        env["INFOBIP_API_KEY"] = sandbox.api_key
    result = subprocess.run(
        [sys.executable, "-m", "omni_desktop", "scenarios", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def write(tmp_path: Path, body: Any, name: str = "scenario.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def names(http: httpx.Client) -> list[str]:
    return [s["name"] for s in http.get("/omni/1/scenarios").json()["scenarios"]]


def test_list_prints_every_scenario_and_json_on_request(sandbox: SandboxThread) -> None:
    table = run_cli("list", sandbox=sandbox)
    assert table.returncode == 0, table.stderr
    assert SMS_SCENARIO_KEY in table.stdout
    assert "VIBER (OmniShop) -> SMS (InfoSMS) -> EMAIL (shop@example.com)" in table.stdout
    assert "2 scenarios." in table.stdout
    as_json = run_cli("list", "--json", sandbox=sandbox)
    assert as_json.returncode == 0
    listed = json.loads(as_json.stdout)["scenarios"]
    assert [s["name"] for s in listed] == ["Viber, then SMS, then e-mail", "SMS only"]
    assert all(isinstance(s["key"], str) for s in listed)


def test_create_prints_the_new_key_and_update_changes_it(
    sandbox: SandboxThread, http: httpx.Client, tmp_path: Path
) -> None:
    created = run_cli("create", write(tmp_path, VIBER_SMS), sandbox=sandbox)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    assert re.fullmatch(r"[0-9A-F]{32}", key)
    assert http.get(f"/omni/1/scenarios/{key}").json()["flow"] == VIBER_SMS["flow"]
    changed = dict(VIBER_SMS, name="SMS only, default", flow=VIBER_SMS["flow"][1:], default=True)
    updated = run_cli("update", key, write(tmp_path, changed, "changed.json"), sandbox=sandbox)
    assert updated.returncode == 0, updated.stderr
    assert key in updated.stdout
    again = http.get(f"/omni/1/scenarios/{key}").json()
    assert (again["name"], again["default"]) == ("SMS only, default", True)
    missing = run_cli("update", "0" * 32, write(tmp_path, changed, "x.json"), sandbox=sandbox)
    assert missing.returncode == 3
    assert "404" in missing.stderr


@pytest.mark.parametrize(
    ("flow", "words"),
    [
        ([{"from": "Informational", "channel": "SMS"}], "at most 11"),
        ([{"from": "Shop", "channel": "SMS"}, {"from": "Shop", "channel": "SMS"}], "only once"),
        ([{"from": "Shop", "channel": "FAX"}], "'FAX'"),
        ([{"from": "not an address", "channel": "EMAIL"}], "e-mail address"),
    ],
)
def test_an_invalid_flow_exits_2_with_the_reason_and_creates_nothing(
    sandbox: SandboxThread, http: httpx.Client, tmp_path: Path, flow: Any, words: str
) -> None:
    result = run_cli("create", write(tmp_path, dict(VIBER_SMS, flow=flow)), sandbox=sandbox)
    assert result.returncode == 2
    assert words in result.stderr and "nothing was sent" in result.stderr
    assert result.stdout == ""
    assert len(names(http)) == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not valid JSON"),
        ('{"name": "x", "flow": [{"channel": "SMS", "from": NaN}]}', "NaN"),
        ("[" * 500 + "]" * 500, "deep"),
    ],
)
def test_a_broken_file_exits_2_in_one_sentence(
    sandbox: SandboxThread, http: httpx.Client, tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli("create", str(path), sandbox=sandbox)
    assert result.returncode == 2
    assert words in result.stderr
    assert len(names(http)) == 2


def test_throttled_create_exits_3_with_the_wait(
    sandbox: SandboxThread, http: httpx.Client, tmp_path: Path
) -> None:
    sandbox.limits.creates = 1
    assert run_cli("create", write(tmp_path, VIBER_SMS), sandbox=sandbox).returncode == 0
    other = dict(VIBER_SMS, name="Another")
    result = run_cli("create", write(tmp_path, other, "other.json"), sandbox=sandbox)
    assert result.returncode == 3
    assert "The API allows 20 new scenarios per 10 minutes; try again in 10 minutes." in (
        result.stderr
    )
    assert "Another" not in names(http)


def test_server_text_is_printed_without_terminal_escapes(
    sandbox: SandboxThread, http: httpx.Client
) -> None:
    evil = {"name": "\x1b]52;c;aGk=\x07Evil\x1b[2J", "flow": [{"channel": "SMS", "from": "A"}]}
    http.post("/omni/1/scenarios", json=evil).raise_for_status()
    for args in (("list",), ("list", "--json")):
        result = run_cli(*args, sandbox=sandbox)
        assert result.returncode == 0
        assert "\x1b" not in result.stdout and "Evil" in result.stdout


def test_account_options_are_those_of_send(sandbox: SandboxThread, app_folders: AppPaths) -> None:
    nowhere = run_cli("list", sandbox=None)
    assert nowhere.returncode == 2 and "INFOBIP_BASE_URL" in nowhere.stderr
    profile = Profile(name="Shop", base_url=sandbox.url)
    SettingsFile(app_folders.ensure().settings_file).save(Settings(profiles=(profile,)))
    env_key = {"INFOBIP_API_KEY": sandbox.api_key}
    result = subprocess.run(
        [sys.executable, "-m", "omni_desktop", "scenarios", "list", "--profile", "Shop"],
        env={**{k: v for k, v in os.environ.items() if not k.startswith("INFOBIP_")}, **env_key},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "2 scenarios." in result.stdout
    explicit = run_cli("list", "--base-url", sandbox.url, "--timeout", "0", sandbox=sandbox)
    assert explicit.returncode == 2 and "--timeout" in explicit.stderr
