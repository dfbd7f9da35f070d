"""GUI fixtures: pytest-qt's qapp plus an explicit qasync loop (pytest-qt runs none)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

import qasync
from PySide6.QtWidgets import QApplication

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SMS_SCENARIO_KEY, SandboxThread
from omni_desktop.storage.outbox import Outbox
from omni_desktop.storage.recent import RecentFiles

from omni_desktop.services.targets import Target, sandbox_target

from omni_desktop.ui.presenter import ComposerPresenter
from omni_desktop.ui.window import MainWindow


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """Collect each test's cyclic garbage here, not later on a server thread (Qt objects
    must be destroyed on the thread they live in)."""
    yield
    gc.collect()


class _TestLoop(qasync.QEventLoop):  # type: ignore[misc]
    """A qasync loop that stays the running loop through `run_until_complete`'s last pass.

    WORKAROUND for qasync 0.28: after `run_forever` it clears the running loop, then processes
    the pending Qt events once more; a task stepped in that pass (a campaign always has one
    due) fails with "no running event loop". The app runs its loop once, till it quits.
    """

    def run_forever(self) -> Any:
        try:
            return super().run_forever()
        finally:
            asyncio.events._set_running_loop(self)

    def run_until_complete(self, future: Any) -> Any:
        try:
            return super().run_until_complete(future)
        finally:
            asyncio.events._set_running_loop(None)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync event loop over the test QApplication; run coroutines with run_until_complete."""
    loop = _TestLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        asyncio.set_event_loop(None)
        loop.close()


def _run_until(
    loop: asyncio.AbstractEventLoop, predicate: Callable[[], object], timeout: float = 15.0
) -> None:
    """Run the qasync loop (Qt events and asyncio tasks) until `predicate()` is true."""

    async def wait() -> None:
        deadline = loop.time() + timeout
        while not predicate():
            if loop.time() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {predicate}")
            await asyncio.sleep(0.02)

    loop.run_until_complete(wait())


GUI_KEY = "gui-test-key-" + "7f3a9c"


@pytest.fixture
def sandbox() -> Iterator[SandboxThread]:
    """A real sandbox server on 127.0.0.1 in its own thread, with fast simulated time."""
    with SandboxThread(api_key=GUI_KEY, time_scale=36_000.0) as running:
        yield running


@dataclass
class Composer:
    window: MainWindow
    presenter: ComposerPresenter
    client: OmniClient


def _make_window(
    loop: asyncio.AbstractEventLoop, base_url: str, key: str, tmp_path: Path, sandbox: bool = True
) -> Composer:
    target = Target("Sandbox" if sandbox else "Test account", base_url, key, is_sandbox=sandbox)
    client = OmniClient(base_url, Auth.app(key), http=httpx.AsyncClient())
    presenter = ComposerPresenter(client, target)
    window = MainWindow(presenter, recent=RecentFiles(tmp_path / "recent.json"))
    return Composer(window, presenter, client)


@pytest.fixture
def composer(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[Composer]:
    """The main window on the sandbox, shown, with the scenarios loaded."""
    made = _make_window(qloop, sandbox.url, sandbox.api_key, tmp_path)
    made.window.show()
    made.presenter.refresh_scenarios()
    _run_until(qloop, lambda: made.presenter.scenarios)
    yield made
    close_window(qloop, made)


def close_window(loop: asyncio.AbstractEventLoop, made: Composer) -> None:
    """Wait for async work, close the client, then close the window without asking."""
    loop.run_until_complete(made.presenter.shutdown())
    loop.run_until_complete(made.client.aclose())
    made.presenter.set_dirty(False)
    made.window.close()
    made.window.deleteLater()


RunUntil = Callable[..., None]
MakeWindow = Callable[..., Composer]


@pytest.fixture
def run_until(qloop: asyncio.AbstractEventLoop) -> RunUntil:
    """`run_until(predicate, timeout=15)` runs the qasync loop until the predicate holds."""
    return lambda predicate, timeout=15.0: _run_until(qloop, predicate, timeout)


@pytest.fixture
def make_window() -> Iterator[MakeWindow]:
    """`make_window(loop, base_url, key, tmp_path, sandbox=True)` builds a composer window.

    Windows made here are closed after the test, after their async work has ended.
    """
    made: list[tuple[asyncio.AbstractEventLoop, Composer]] = []

    def make(loop: asyncio.AbstractEventLoop, *args: Any, **kwargs: Any) -> Composer:
        window = _make_window(loop, *args, **kwargs)
        made.append((loop, window))
        return window

    yield make
    for loop, window in made:
        close_window(loop, window)


@pytest.fixture
def outbox_window(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path
) -> Iterator[tuple[MainWindow, Outbox]]:
    """The window on the sandbox with a real outbox file, on the "SMS only" scenario."""
    outbox = Outbox(tmp_path / "history.sqlite3")
    client = OmniClient(sandbox.url, Auth.app(sandbox.api_key), http=httpx.AsyncClient())
    presenter = ComposerPresenter(
        client, sandbox_target(sandbox.url, sandbox.api_key), outbox=outbox
    )
    window = MainWindow(presenter, recent=RecentFiles(tmp_path / "recent.json"))
    window.show()
    qloop.run_until_complete(presenter.refresh_scenarios())
    presenter.set_scenario_key(SMS_SCENARIO_KEY)
    yield window, outbox
    qloop.run_until_complete(presenter.shutdown())
    qloop.run_until_complete(client.aclose())
    presenter.set_dirty(False)
    window.close()
    window.deleteLater()
    outbox.close()
