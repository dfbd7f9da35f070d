"""Numbers under an account with a default region: what the table shows is what is sent and saved.

Reported: under a CH account, `+44 7700 561913` showed as 447700561913 but was sent as
41447700561913, and reopening a draft rewrote 4477… to 414477…. The window, the request, the
sandbox and the draft file must all agree, however often the numbers are read.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from omni_desktop.core.message import Destination, OmniMessage
from omni_desktop.core.validation import validate

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.drafts import load_draft, save_draft
from omni_desktop.storage.recent import RecentFiles

from omni_desktop.services.targets import Target

from omni_desktop.ui.presenter import ComposerPresenter
from omni_desktop.ui.recipients import COL_CHECK, COL_PHONE
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

PASTED = "+44 7700 561913\n079 302 67 27\n447700561914\n31 906 87 09\n"
SHOWN = ["447700561913", "41793026727", "447700561914", "319068709"]


class Window:
    """The composer window on the sandbox, through a target whose default region is CH."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        sandbox: SandboxThread,
        tmp: Path,
        region: str = "CH",
    ):
        target = Target(
            "Sandbox", sandbox.url, sandbox.api_key, is_sandbox=True, default_region=region
        )
        self.loop = loop
        self.client = OmniClient(sandbox.url, Auth.app(sandbox.api_key), http=httpx.AsyncClient())
        self.presenter = ComposerPresenter(self.client, target)
        self.window = MainWindow(self.presenter, recent=RecentFiles(tmp / "recent.json"))

    def run_until(self, predicate: Any, timeout: float = 15.0) -> None:
        async def wait() -> None:
            deadline = self.loop.time() + timeout
            while not predicate():
                assert self.loop.time() < deadline, f"timed out waiting for {predicate}"
                await asyncio.sleep(0.02)

        self.loop.run_until_complete(wait())

    def shown(self) -> list[str]:
        model = self.window.recipients.model
        return [model.index(row, COL_CHECK).data() for row in range(model.rowCount())]

    def typed(self) -> list[str]:
        model = self.window.recipients.model
        return [model.index(row, COL_PHONE).data() for row in range(model.rowCount())]

    def requested(self) -> list[str]:
        body = json.loads(json.dumps(self.presenter.request_json()))
        return [d["to"]["phoneNumber"] for d in body["destinations"]]

    def validated(self) -> None:
        """Revalidate now (as the window does 150 ms after an edit) and wait for no errors."""
        self.presenter.validate_now()
        self.run_until(lambda: self.presenter.result is not None and self.presenter.result.ok)

    def close(self) -> None:
        self.loop.run_until_complete(self.presenter.shutdown())
        self.loop.run_until_complete(self.client.aclose())
        self.presenter.set_dirty(False)
        self.window.close()
        self.window.deleteLater()


def _shown(
    loop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp: Path, region: str
) -> Iterator[Window]:
    """The window under `region`, shown with the sandbox's scenarios; closed after."""
    made = Window(loop, sandbox, tmp, region=region)
    made.window.show()
    made.presenter.refresh_scenarios()
    made.run_until(lambda: made.presenter.scenarios)
    yield made
    made.close()


@pytest.fixture
def swiss(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[Window]:
    yield from _shown(qloop, sandbox, tmp_path, "CH")


@pytest.fixture
def american(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[Window]:
    yield from _shown(qloop, sandbox, tmp_path, "US")


def test_numbers_read_abroad_are_made_the_default_country_s_in_one_undoable_click(
    qtbot: QtBot, american: Window
) -> None:
    """Under US, bare 2015550123 is read as Egypt's and 5183652505 as Peru's, each with a
    warning: one button writes both as US numbers; Undo brings back what was typed."""
    editor = american.window.recipients
    editor.model.add_lines("2015550123\n(704) 203-2135\n5183652505\n+41 79 302 67 27\n")
    _write_sms(american, "Your parcel is on its way.")
    american.validated()
    assert american.requested() == ["2015550123", "17042032135", "5183652505", "41793026727"]
    assert len(_number_warnings(american)) == 2
    button = editor.home_button
    assert button.isVisible()
    assert button.text() == "Read 2 as United States numbers"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    american.validated()
    assert american.typed()[0::2] == ["+12015550123", "+15183652505"]
    assert american.requested() == ["12015550123", "17042032135", "15183652505", "41793026727"]
    assert _number_warnings(american) == []
    assert not button.isVisible()
    editor.undo_stack.undo()
    american.validated()
    assert american.typed() == ["2015550123", "(704) 203-2135", "5183652505", "+41 79 302 67 27"]
    assert american.requested()[0] == "2015550123"
    assert button.isVisible()
    editor.undo_stack.redo()
    american.validated()
    assert american.requested()[0::2] == ["12015550123", "15183652505"]


def test_the_one_click_fix_names_the_country_the_numbers_are_at_home_in(
    american: Window,
) -> None:
    """Under US, bare 5142345678 is read as Peru's; its home reading is Canada's (+1 514),
    so the button names Canada, not the default country."""
    editor = american.window.recipients
    editor.model.add_lines("5142345678\n")
    _write_sms(american, "Your parcel is on its way.")
    american.validated()
    assert editor.home_button.text() == "Read 1 as Canada number"
    assert "also valid in Canada" in editor.home_button.toolTip()
    editor.model.add_lines("2015550123\n")
    american.validated()
    assert editor.home_button.text() == "Read 2 as Canada / United States numbers"
    editor.read_as_home()
    american.validated()
    assert american.requested() == ["15142345678", "12015550123"]


def _number_warnings(window: Window) -> list[str]:
    result = window.presenter.result
    assert result is not None
    return [p.message for p in result.warnings if p.path.endswith("phoneNumber")]


def _write_sms(swiss: Window, text: str) -> None:
    editor = swiss.window.composers["sms"].editor("text")
    editor.setFocus()
    editor.insertPlainText(text)  # type: ignore[union-attr]


def test_the_request_and_the_sandbox_get_what_the_table_shows(
    qtbot: QtBot, swiss: Window, sandbox: SandboxThread
) -> None:
    editor = swiss.window.recipients
    dialog = editor.open_paste_dialog()
    dialog.text_edit.setPlainText(PASTED)
    dialog.accept()
    _write_sms(swiss, "Your parcel is on its way.")
    swiss.validated()

    assert swiss.shown() == SHOWN
    assert swiss.requested() == SHOWN
    result = swiss.presenter.result
    assert result is not None
    warnings = [p for p in result.warnings if p.path == "destinations[3].to.phoneNumber"]
    assert len(warnings) == 1, "the number read two ways is named, not guessed"
    assert "Netherlands" in warnings[0].message and "Switzerland" in warnings[0].message

    qtbot.mouseClick(swiss.window.send_button, Qt.MouseButton.LeftButton)
    confirm = [d for d in swiss.window._dialogs if isinstance(d, ConfirmSendDialog)][-1]
    qtbot.mouseClick(confirm.send_button, Qt.MouseButton.LeftButton)
    swiss.run_until(lambda: sandbox.server.received_sends)
    swiss.run_until(lambda: swiss.window.status_panel.model.rowCount() == len(SHOWN))
    body = sandbox.server.received_sends[0]
    assert [d["to"]["phoneNumber"] for d in body["destinations"]] == SHOWN
    status = swiss.window.status_panel.model
    assert [row.to for row in status.rows] == SHOWN


def test_opening_and_saving_a_draft_keeps_its_numbers(
    qtbot: QtBot, swiss: Window, tmp_path: Path
) -> None:
    stored = ["447700561913", "+44 7700 561915", "079 302 67 27", "41793026728"]
    given = OmniMessage(destinations=[Destination(phone=p) for p in stored])
    given.content("sms").values["text"] = "Hello"
    first, second = tmp_path / "first.omni.json", tmp_path / "second.omni.json"
    save_draft(first, given)

    assert swiss.window.open_draft_path(first)
    swiss.validated()
    sent = ["447700561913", "447700561915", "41793026727", "41793026728"]
    assert swiss.typed() == stored, "the table shows the draft's numbers as they were written"
    assert swiss.shown() == sent
    assert swiss.requested() == sent

    # An edit makes the window hand its rows back to the draft; then save, and open again.
    model = swiss.window.recipients.model
    model.add_lines("+41 79 302 67 29\n")
    model.remove_row_numbers([model.rowCount() - 1])
    assert swiss.window.save_draft_to(second)
    assert [d.phone for d in load_draft(second).destinations] == stored
    assert swiss.window.open_draft_path(second)
    swiss.validated()
    assert swiss.shown() == sent
    assert swiss.requested() == sent


@pytest.mark.parametrize("region", [None, "CH", "GB", "DE", "RU", "US"])
def test_a_draft_of_the_prepared_numbers_reads_back_unchanged(
    tmp_path: Path, region: str | None
) -> None:
    """Storage round trip: typed -> draft -> prepared -> draft -> prepared, under each region."""
    typed = ["+44 7911 123456", "+41 79 302 67 27", "+7 912 345 67 89", "+1 201 555 0123"]
    typed.append("4915112345678")
    message = OmniMessage(destinations=[Destination(phone=p) for p in typed])
    message.content("sms").values["text"] = "Hello"
    path = tmp_path / "numbers.omni.json"
    save_draft(path, message)
    loaded = load_draft(path)
    assert [d.phone for d in loaded.destinations] == typed

    now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    prepared = validate(loaded, now, default_region=region).prepared
    expected = ["447911123456", "41793026727", "79123456789", "12015550123", "4915112345678"]
    assert [d.phone for d in prepared.destinations] == expected
    save_draft(path, prepared)
    for again in (None, "CH", "GB", "US", "DE", "RU", "IT", "HR"):
        reread = validate(load_draft(path), now, default_region=again).prepared
        assert [d.phone for d in reread.destinations] == expected
