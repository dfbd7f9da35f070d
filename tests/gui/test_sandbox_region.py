"""The sandbox has a default country too: chosen in Account > Sandbox's default country…, it
reads national numbers at once, and is still there at the next start (the app's own session and
its sandbox process)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from omni_desktop.storage.paths import AppPaths
from omni_desktop.storage.settings import SettingsFile

from omni_desktop.ui.region_dialog import RegionDialog

from omni_desktop.app import Services, build_parser

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


@pytest.fixture
def open_services(
    qloop: asyncio.AbstractEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], Services]]:
    """`open_services()`: the app's session on its own sandbox, in this test's home."""
    monkeypatch.delenv("INFOBIP_BASE_URL", raising=False)
    opened: list[Services] = []

    def open_one() -> Services:
        made = Services(AppPaths.under(tmp_path / "app"))
        window = qloop.run_until_complete(made.open(build_parser().parse_args([])))
        window.show()
        qloop.run_until_complete(made.start())
        opened.append(made)
        return made

    yield open_one
    for made in opened:
        close(qloop, made)
    CLOSED.clear()


CLOSED: set[int] = set()


def close(loop: asyncio.AbstractEventLoop, made: Services) -> None:
    """Quit the session as the window's close would (once)."""
    if id(made) in CLOSED:
        return
    CLOSED.add(id(made))
    made.presenter.set_dirty(False)
    made.window.close()
    loop.run_until_complete(made.close())
    made.window.deleteLater()


def choose(dialog: RegionDialog, code: str | None) -> None:
    dialog.combo.setCurrentIndex(dialog.combo.findData(code) if code else 0)
    dialog.accept()


def test_the_sandbox_reads_national_numbers_by_its_default_country(
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    open_services: Callable[[], Services],
    run_until: Callable[..., None],
) -> None:
    services = open_services()
    presenter = services.presenter
    assert presenter.target.is_sandbox and presenter.target.default_region is None
    services.window.recipients.model.add_lines("079 302 67 27\n+44 7911 123456\n")
    assert not presenter.validate_now().ok  # no country yet: the national number is refused

    dialog = services.window.open_sandbox_region()
    assert dialog.isVisible() and dialog.region() is None
    choose(dialog, "CH")
    run_until(lambda: presenter.target.default_region == "CH")
    assert services.window.recipients.model.default_region == "CH"
    numbers = [d["to"]["phoneNumber"] for d in presenter.request_json()["destinations"]]
    assert numbers == ["41793026727", "447911123456"]
    assert "Switzerland" in services.window.statusBar().currentMessage()
    assert services.paths is not None
    settings_file = SettingsFile(services.paths.settings_file)
    assert settings_file.load().settings.sandbox_region == "CH"

    close(qloop, services)
    again = open_services()
    assert again.presenter.target.default_region == "CH"
    dialog = again.window.open_sandbox_region()
    assert dialog.region() == "CH"
    choose(dialog, None)
    run_until(lambda: again.presenter.target.default_region is None)


def test_the_country_list_finds_a_country_by_name_or_code(qtbot: QtBot) -> None:
    dialog = RegionDialog("Default country", "HR")
    qtbot.addWidget(dialog)
    assert dialog.region() == "HR"
    assert dialog.combo.currentText() == "Croatia (HR)"
    completer = dialog.combo.completer()
    completer.setCompletionPrefix("ITZER")  # anywhere in the name, any case
    assert completer.currentCompletion() == "Switzerland (CH)"
    completer.setCompletionPrefix("(ch)")
    assert completer.currentCompletion() == "Switzerland (CH)"
