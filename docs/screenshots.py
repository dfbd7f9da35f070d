"""Make the screenshots in docs/images: the real window on a real X server (Xvfb), on the sandbox.

Run from the repository root: `.venv/bin/python docs/screenshots.py`. Without a DISPLAY it
starts its own Xvfb. Each picture is the window's own rendering (`QWidget.grab()`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

IMAGES = Path(__file__).resolve().parent / "images"

DEMO_RECIPIENTS = """\
+41 79 302 67 27
+385 91 234 5670, ana@example.com
+44 7700 900 123; lee@example.com
+1 415 555 0199
+41 12
"""


def start_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is not installed: run .ci/setup first.")
    number = next(n for n in range(140, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return server


async def until(predicate: Callable[[], object], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        await asyncio.sleep(0.05)


async def settle() -> None:
    """Let Qt lay out and paint before a grab: the loop runs Qt's events while it sleeps.

    Never `QApplication.processEvents()` here: inside a coroutine it runs qasync's pending
    callbacks re-entrantly, and about one run in two then never woke a task again (the hang
    at a session's close once put down to the report poller)."""
    for _ in range(5):
        await asyncio.sleep(0.05)


LARGE, SMALL = (1360, 900), (1024, 700)


def show_tab(window: Any, key: str) -> None:
    """Bring the channel tab of `key` to the front (each composer sits in a scroll area)."""
    for index in range(window.tabs.count()):
        shown = window.composer_at(index)
        if shown is not None and shown.spec.key == key:
            window.tabs.setCurrentIndex(index)


async def at_size(window: Any, size: tuple[int, int], name: str) -> None:
    """A shot of `window` at `size`, then back to the large size the other shots use."""
    window.resize(*size)
    await settle()
    window.grab().save(str(IMAGES / name))
    window.resize(*LARGE)
    await settle()


async def make_shots() -> None:
    from omni_desktop.storage.paths import AppPaths

    from omni_desktop.ui.send_dialog import ConfirmSendDialog

    from omni_desktop.app import Services, build_parser

    IMAGES.mkdir(parents=True, exist_ok=True)
    args = build_parser().parse_args(["--sandbox-time-scale", "3600"])
    # A throw-away profile folder: the pictures never touch the operator's own settings.
    services = Services(AppPaths.under(Path(tempfile.mkdtemp(prefix="omni-shots-"))))
    window = await services.open(args)
    window.resize(*LARGE)
    window.show()
    presenter = services.presenter
    await services.start()
    await until(lambda: presenter.scenarios)

    window.recipients.model.add_lines(DEMO_RECIPIENTS)
    sms = window.composers["sms"]
    sms.editor("text").setPlainText(  # type: ignore[union-attr]
        "Your order #1234 has shipped and arrives Friday. "
        "Track it: https://example.com/t/1234 — €4.90 paid"
    )
    sms.validity_period.setValue(2)
    viber = window.composers["viber"]
    viber.editor("text").setPlainText(  # type: ignore[union-attr]
        "Your order #1234 has shipped 📦 It arrives on Friday."
    )
    viber.editor("buttonText").setText("Track parcel")  # type: ignore[union-attr]
    viber.editor("buttonURL").setText("https://example.com/t/1234")  # type: ignore[union-attr]
    viber.validity_period.setValue(1)
    email = window.composers["email"]
    email.editor("subject").setText("Your order #1234 has shipped")  # type: ignore[union-attr]
    email.editor("text").setPlainText("Hello,\n\nyour order #1234 is on its way.")  # type: ignore[union-attr]
    show_tab(window, "sms")
    presenter.validate_now()
    window.bottom_tabs.setCurrentWidget(window.problems)
    await settle()
    window.grab().save(str(IMAGES / "main-window.png"))
    await at_size(window, SMALL, "main-window-1024x700.png")
    # The failover timeline under the scenario: when each channel is tried, when it gives up.
    scenario_box = window.timeline.parentWidget()
    assert scenario_box is not None
    scenario_box.grab().save(str(IMAGES / "failover-timeline.png"))

    # The device preview (F8) of the SMS tab: sender, segments, the dash that forces Unicode.
    show_tab(window, "sms")
    window.device_preview.toggle_action.setChecked(True)
    await settle()
    window.grab().save(str(IMAGES / "device-preview.png"))
    window.device_preview.toggle_action.setChecked(False)

    # Take the invalid number out, then open the confirm step.
    window.recipients.model.remove_row_numbers([4])
    show_tab(window, "viber")
    presenter.validate_now()
    window.bottom_tabs.setCurrentWidget(window.preview)
    await settle()
    window.grab().save(str(IMAGES / "viber-and-request.png"))
    window.send_button.click()
    dialog = next(d for d in window._dialogs if isinstance(d, ConfirmSendDialog))
    await settle()
    dialog.grab().save(str(IMAGES / "confirm-send.png"))
    dialog.accept()

    model = window.status_panel.model
    await until(lambda: model.rowCount() == 4 and all(r.status for r in model.rows))
    await until(lambda: all(r.status and r.status.is_final for r in model.rows), 90)
    await settle()
    window.grab().save(str(IMAGES / "status-delivered.png"))
    await at_size(window, SMALL, "status-delivered-1024x700.png")
    # The delivery funnel of that send (mixed outcomes: Viber, SMS, expired), as on the tab.
    window.status_panel.refresh_funnel()
    await settle()
    window.bottom_tabs.grab().save(str(IMAGES / "delivery-funnel.png"))

    # File > Import recipients…: the mapping step, then the result.
    from omni_desktop.ui.importing.dialog import RESULT_PAGE

    sheet = Path(tempfile.mkdtemp(prefix="omni-shots-")) / "kunden.csv"
    sheet.write_text(
        "\ufeffName;Handy;E-Mail;Stadt\n"
        '"Schmid, Jürg";079 302 67 27;juerg@example.ch;Zürich\n'
        '"Meier, Anna";+41 79 302 67 28;anna@example.ch;Bern\n'
        "Keller, Tom;4.17930E+10;;Basel\n"
        '"Schmid, Jürg";+41 79 302 67 27;;Zürich\n',
        encoding="utf-8",
    )
    importer = window.importer.open_path(sheet)
    assert importer is not None
    await until(lambda: importer.presenter.preview is not None)
    importer.region.setCurrentIndex(importer.region.findData("CH"))
    await settle()
    importer.grab().save(str(IMAGES / "import-mapping.png"))
    importer.start_import()
    await until(lambda: importer.stack.currentIndex() == RESULT_PAGE)
    await settle()
    importer.grab().save(str(IMAGES / "import-result.png"))
    importer.accept()

    history = window.open_history()
    assert history is not None
    history.resize(1140, 640)
    await history.refresh()
    await until(lambda: history.model.rowCount() > 0)
    await settle()
    history.grab().save(str(IMAGES / "history.png"))
    history.close()
    accounts = window.open_accounts()
    assert accounts is not None
    await until(accounts.loaded)
    await settle()
    accounts.grab().save(str(IMAGES / "accounts.png"))
    accounts.close()

    # Message > Scenarios…: the account's scenarios, the default one open in the editor.
    from omni_desktop.ui.scenarios import open_scenario_manager

    manager = open_scenario_manager(window)
    await until(lambda: manager.list_model.rowCount() > 0)
    manager.table.selectRow(0)
    await settle()
    manager.grab().save(str(IMAGES / "scenario-manager.png"))
    manager.close()
    presenter.set_dirty(False)
    window.close()
    await services.close()
    await campaign_shots()


CAMPAIGN_ROWS = 2400


async def campaign_shots() -> None:
    """A personalised campaign: the confirm step, its progress, paused; then the next start's
    offer to continue it, and the campaign finished after Continue."""
    from omni_desktop.core.message import Destination

    from omni_desktop.storage.paths import AppPaths

    from omni_desktop.ui.send_dialog import ConfirmSendDialog

    from omni_desktop.app import Services, build_parser

    paths = AppPaths.under(Path(tempfile.mkdtemp(prefix="omni-shots-campaign-")))
    args = build_parser().parse_args(["--sandbox-time-scale", "3600"])
    names = ("Jürg", "Anna", "Luca", "Sofia", "Noah", "Mia")
    services = Services(paths)
    window = await services.open(args)
    window.resize(*LARGE)
    window.show()
    presenter = services.presenter
    await services.start()
    await until(lambda: presenter.scenarios)
    window.recipients.model.set_destinations(
        [
            Destination(
                f"+41 79 {300 + i // 10000:03d} {i // 100 % 100:02d} {i % 100:02d}",
                fields={"First name": names[i % 6], "Time": f"{8 + i % 9}:{15 * (i % 4):02d}"},
            )
            for i in range(CAMPAIGN_ROWS)
        ]
    )
    sms = window.composers["sms"]
    sms.editor("text").setPlainText(  # type: ignore[union-attr]
        "Hi {{First name}}, your appointment tomorrow is at {{Time}}. Reply STOP to opt out."
    )
    show_tab(window, "sms")
    presenter.validate_now()
    await settle()
    window.send_button.click()
    dialog = next(d for d in window._dialogs if isinstance(d, ConfirmSendDialog))
    assert dialog.chunk_box is not None and dialog.speed_box is not None
    dialog.chunk_box.setValue(100)
    dialog.speed_box.setValue(6000)  # 100 a second: slow enough to be seen
    await settle()
    dialog.grab().save(str(IMAGES / "campaign-confirm.png"))
    dialog.accept()
    campaign = presenter.campaign
    await until(lambda: campaign.last is not None and campaign.last.requests_done >= 6)
    await settle()
    window.grab().save(str(IMAGES / "campaign-progress.png"))
    window.campaign_bar.pause_button.click()
    await until(lambda: not campaign.running)
    await settle()
    window.campaign_bar.grab().save(str(IMAGES / "campaign-paused.png"))
    presenter.set_dirty(False)
    window.close()
    await services.close()

    # The next start: the offer to continue, then the campaign finished.
    services = Services(paths)
    window = await services.open(args)
    window.resize(*LARGE)
    window.show()
    presenter = services.presenter
    await services.start()
    window.start_session()
    await until(lambda: window.campaigns.offer is not None)
    offer = window.campaigns.offer
    assert offer is not None
    await settle()
    offer.grab().save(str(IMAGES / "campaign-resume-offer.png"))
    next(b for b in offer.buttons() if "Continue" in b.text().replace("&", "")).click()
    campaign = presenter.campaign
    await until(lambda: campaign.last is not None and not campaign.running and
                campaign.last.state.value == "finished", 120)  # fmt: skip
    await settle()
    window.grab().save(str(IMAGES / "campaign-finished.png"))
    # History: the campaign as one row, its requests below.
    history = window.open_history()
    assert history is not None
    history.resize(1140, 640)
    await history.refresh()
    await until(lambda: history.model.rowCount() > 0)
    history.select_campaign(1)
    await settle()
    await asyncio.sleep(0.5)
    await settle()
    history.grab().save(str(IMAGES / "history-campaign.png"))
    history.close()
    presenter.set_dirty(False)
    window.close()
    await services.close()


def main() -> int:
    server = start_xvfb()
    try:
        # PySide6 first: qasync picks its Qt binding from what is already imported.
        from PySide6.QtWidgets import QApplication  # noqa: I001

        import qasync

        app = QApplication(sys.argv)
        app.setQuitOnLastWindowClosed(False)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(make_shots())
        for png in sorted(IMAGES.glob("*.png")):
            print(png.relative_to(Path.cwd()) if png.is_relative_to(Path.cwd()) else png)
    finally:
        if server is not None:
            server.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
