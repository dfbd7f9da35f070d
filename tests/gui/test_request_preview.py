"""Copy as cURL: the account's auth scheme, its secret a shell variable, and the command works."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QGuiApplication

from omni_desktop.api import OmniClient
from omni_desktop.sandbox import SandboxThread

from omni_desktop.services.targets import Target

from omni_desktop.ui.request_preview import curl_command

USERNAME = "sandbox"  # the sandbox's Basic username
SCHEMES = {
    # scheme: (what the command must say, the shell variables that hold the credentials)
    "App": ('-H "Authorization: App $INFOBIP_API_KEY"', {"INFOBIP_API_KEY"}),
    "Basic": ('-u "$INFOBIP_USERNAME:$INFOBIP_PASSWORD"', {"INFOBIP_USERNAME", "INFOBIP_PASSWORD"}),
    "IBSSO": ('-H "Authorization: IBSSO $INFOBIP_TOKEN"', {"INFOBIP_TOKEN"}),
    "Bearer": ('-H "Authorization: Bearer $INFOBIP_TOKEN"', {"INFOBIP_TOKEN"}),
}


def switch_account(
    made: Any, loop: asyncio.AbstractEventLoop, run_until: Any, url: str, key: str, scheme: str
) -> None:
    """Send through an account (at `url`) that uses `scheme`, as the account menu does."""
    username = USERNAME if scheme == "Basic" else ""
    target = Target(
        "Shop", url, key, is_sandbox=False, profile="Shop", auth_scheme=scheme, username=username
    )
    old, made.client = made.client, OmniClient(url, target.auth(), http=httpx.AsyncClient())
    failed: list[str] = []
    made.presenter.scenarios_failed.connect(failed.append)
    made.presenter.set_target(target, made.client)
    run_until(lambda: made.presenter.scenarios or failed)  # asked with the account's auth
    loop.run_until_complete(old.aclose())


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_copy_as_curl_uses_the_accounts_scheme_and_never_its_secret(
    scheme: str,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_window: Any,
    run_until: Any,
    sandbox: SandboxThread,
    tmp_path: Path,
) -> None:
    made = make_window(qloop, sandbox.url, sandbox.api_key, tmp_path, sandbox=False)
    window = made.window
    window.show()
    switch_account(made, qloop, run_until, sandbox.url, sandbox.api_key, scheme)
    assert made.presenter.scenarios  # the sandbox took the account's credentials
    window.recipients.model.add_lines("0041 79 302 67 27\n")
    editor = window.composers["sms"].editor("text")
    editor.setFocus()
    qtbot.keyClicks(editor, "Your parcel is on its way")
    run_until(lambda: "parcel" in window.preview.text.toPlainText())
    QGuiApplication.clipboard().clear()
    window.preview.copy_curl.click()
    command = QGuiApplication.clipboard().text()

    option, variables = SCHEMES[scheme]
    head = command.split("--data-raw")[0]
    assert option in head
    assert [o for o, _ in SCHEMES.values() if o in head] == [option]  # no other scheme's
    assert sandbox.api_key not in command  # the secret never reaches the clipboard
    assert sorted(variables)[0] in window.preview.copy_curl.toolTip()

    # The command as copied, its variables set as the operator would: the sandbox accepts it.
    env = {name: sandbox.api_key for name in variables}
    if "INFOBIP_USERNAME" in env:
        env["INFOBIP_USERNAME"] = USERNAME
    run = subprocess.run(
        ["bash", "-c", command + " -sS --max-time 10 -w '\\n%{http_code}'"],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env},
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    answer, _, code = run.stdout.rpartition("\n")
    assert code == "200", (run.stdout, run.stderr)
    assert json.loads(answer)["messages"][0]["to"] == {"phoneNumber": "41793026727"}
    assert len(sandbox.server.received_sends) == 1


def test_a_switch_of_account_changes_the_scheme_of_the_next_copy(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    make_window: Any,
    run_until: Any,
    tmp_path: Path,
) -> None:
    made = make_window(qloop, "http://127.0.0.1:9", "app-key-1234", tmp_path, sandbox=False)
    preview = made.window.preview
    preview.set_body({"destinations": [{"to": {"phoneNumber": "41793026727"}}]})
    preview.copy_curl.click()
    assert "Authorization: App $INFOBIP_API_KEY" in QGuiApplication.clipboard().text()
    switch_account(made, qloop, run_until, "http://127.0.0.1:9", "token-5678", "Bearer")
    assert "$INFOBIP_TOKEN" in preview.copy_curl.toolTip()
    preview.copy_curl.click()
    copied = QGuiApplication.clipboard().text()
    assert "Authorization: Bearer $INFOBIP_TOKEN" in copied and "App " not in copied
    assert "app-key-1234" not in copied and "token-5678" not in copied


def test_an_unknown_scheme_is_refused_in_plain_words() -> None:
    with pytest.raises(ValueError, match="App, Basic, IBSSO or Bearer"):
        curl_command("https://x.api.infobip.com", {}, "Digest")
