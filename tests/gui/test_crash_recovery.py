"""The app is killed while its send is in flight; the next start shows it as unknown."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.paths import AppPaths

from omni_desktop.app import Services, build_parser

# The app's own session, driven to a send without the confirm dialog, then left waiting.
DRIVER = textwrap.dedent(
    """
    import asyncio, os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_API"] = "pyside6"
    from PySide6.QtWidgets import QApplication
    import qasync
    from omni_desktop.app import Services, build_parser
    from omni_desktop.storage.paths import AppPaths

    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def main():
        services = Services(AppPaths.under(Path(sys.argv[1])))
        window = await services.open(build_parser().parse_args([]))
        window.show()
        window.recipients.model.add_lines("+41 79 302 67 27\\n+385 91 234 5671\\n")
        window.composers["sms"].editor("text").setPlainText("Your parcel is on its way.")
        services.presenter.validate_now()
        assert services.presenter.send() is not None
        print("SENDING", flush=True)
        await asyncio.Event().wait()

    loop.run_until_complete(main())
    """
)


@pytest.fixture
def holding_sandbox() -> Iterator[SandboxThread]:
    with SandboxThread(api_key="crash-test-key", time_scale=36_000.0) as running:
        running.faults.update({"hold_sends": True})
        yield running


def test_killed_mid_send_is_unknown_after_restart_and_check_status_settles_it(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    run_until: Any,
    tmp_path: Path,
    holding_sandbox: SandboxThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "app"
    monkeypatch.setenv("INFOBIP_BASE_URL", holding_sandbox.url)
    monkeypatch.setenv("INFOBIP_API_KEY", holding_sandbox.api_key)
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(root)],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while holding_sandbox.server.holding < 1:
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the send never reached the sandbox"
            time.sleep(0.02)
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL
    holding_sandbox.faults.update({"hold_sends": False})  # the platform got it after all

    services = Services(AppPaths.under(root))
    window = qloop.run_until_complete(services.open(build_parser().parse_args([])))
    window.show()
    try:
        window.start_session()
        assert "outcome is unknown" in window.status_panel.error_text()
        [record] = services.outbox.history()
        assert record.state == "unknown"
        assert record.recipients_count == 2

        history = window.open_history()
        assert history is not None
        history.select_send(record.id)
        assert history.check_button.isEnabled()
        history.check_button.click()
        run_until(lambda: services.outbox.get(record.id).state == "accepted", 30)
        assert len(holding_sandbox.server.received_sends) == 1, "the send was never resent"
        messages = services.outbox.messages(record.id)
        assert {m.message_id for m in messages} == {
            d["messageId"] for d in holding_sandbox.server.received_sends[0]["destinations"]
        }
    finally:
        services.presenter.set_dirty(False)
        window.close()
        qloop.run_until_complete(services.close())
        window.deleteLater()
